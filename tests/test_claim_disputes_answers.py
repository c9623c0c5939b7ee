"""Disputes without a denying verb: a counter-claim, a label of falsehood, a speaker set against the one before,
a statement named after it ("Such a statement was made by X"), a coordinated group, a body "at the UN"
(sentences written for these tests)."""

from newsprism.claims.disputes import attribution_disputes
from newsprism.claims.sources import is_source
from newsprism.model import Span
from newsprism.model.document import Document, MetaField


def _att(text, speaker, cue, content, actor=None, stance="says", name=None) -> Span:
    s, c, k = text.index(speaker), text.index(cue), text.index(content)
    return Span(k, k + len(content), "attribution", "indirect", "attributions", "t", 0.9,
                {"speaker": [s, s + len(speaker)], "speaker_text": speaker, "cue": [c, c + len(cue)],
                 "cue_text": cue, "stance": stance, "actor": actor, "actor_name": name, "via": []})


def _doc(text, lang="en"):
    return Document("d", "d", "test", "x", text, {"language": MetaField(lang, "test")})


def _sents(text):
    out, at = [], 0
    for part in text.split(". "):
        end = min(len(text), at + len(part) + 1)
        out.append(Span(at, end, "sentence", "sentence", "sentences", "1"))
        at = end + 1
    return out


def test_a_counter_claim_by_a_coordinated_group_is_a_dispute():
    t = "Aid groups and villagers counter that the dam was never finished."
    a = _att(t, "Aid groups and villagers", "counter", "that the dam was never finished")
    out = attribution_disputes(_doc(t), [a], [], [], _sents(t), "9")
    assert len(out) == 1 and out[0].attrs["source_text"] == "Aid groups and villagers"


def test_a_coordinated_speaker_is_a_group_when_one_part_is():
    assert is_source("Rights groups and villagers", None, "en")
    assert not is_source("Tuesday and Wednesday", None, "en")


def test_labelling_a_claim_as_false_is_a_dispute_but_plain_description_is_not():
    t = "The port authority described the governor's claim of a record harvest as a propaganda trick."
    a = _att(t, "The port authority", "described", "the governor's claim of a record harvest as a propaganda trick",
             actor="auto:port-authority")
    assert len(attribution_disputes(_doc(t), [a], [], [], _sents(t), "9")) == 1
    t2 = "The port authority described the harvest as the best in a decade."
    a2 = _att(t2, "The port authority", "described", "the harvest as the best in a decade", actor="auto:port-authority")
    assert attribution_disputes(_doc(t2), [a2], [], [], _sents(t2), "9") == []


def test_called_it_a_lie():
    t = "The mayor called it a lie."
    a = _att(t, "The mayor", "called", "it a lie", actor="auto:mayor")
    assert len(attribution_disputes(_doc(t), [a], [], [], _sents(t), "9")) == 1


def test_a_french_speaker_set_against_the_one_before_disputes():
    t = "Le maire a affirmé que 40 maisons avaient brûlé. La préfecture, elle, évalue ce bilan à 12 maisons."
    a = _att(t, "La préfecture", "évalue", "ce bilan à 12 maisons", actor="auto:prefecture")
    out = attribution_disputes(_doc(t, "fr"), [a], [], [], _sents(t), "9")
    assert len(out) == 1 and out[0].attrs["source_actor"] == "auto:prefecture"
    t2 = "La préfecture évalue ce bilan à 12 maisons."
    a2 = _att(t2, "La préfecture", "évalue", "ce bilan à 12 maisons", actor="auto:prefecture")
    assert attribution_disputes(_doc(t2, "fr"), [a2], [], [], _sents(t2), "9") == []


def test_a_french_label_of_falsehood():
    t = "Le ministère qualifie ces informations de mensonges."
    a = _att(t, "Le ministère", "qualifie", "ces informations de mensonges", actor="auto:ministere")
    assert len(attribution_disputes(_doc(t, "fr"), [a], [], [], _sents(t), "9")) == 1


def test_the_statement_named_after_a_denial_gives_its_speaker_uk():
    t = "Такі чутки Мінськ називає вигадкою. Таку заяву зробив посол Петро Мороз."
    deny = _att(t, "Мінськ", "називає", "Такі чутки", actor="auto:minsk", stance="denies")
    made = _att(t, "посол Петро Мороз", "зробив", "Такі чутки Мінськ називає вигадкою", actor="auto:petro-moroz")
    out = attribution_disputes(_doc(t, "uk"), [deny, made], [], [], _sents(t), "9")
    assert len(out) == 1 and out[0].attrs["source_actor"] == "auto:petro-moroz"


def test_a_body_at_an_acronym_speaks_for_itself_ru():
    t = "Представительство Гренландии при ВОЗ отвергло слухи о закрытии клиники."
    a = _att(t, "Представительство Гренландии при ВОЗ", "отвергло", "о закрытии клиники", actor="auto:voz",
             stance="denies", name="ВОЗ")
    out = attribution_disputes(_doc(t, "ru"), [a], [], [], _sents(t), "9")
    assert len(out) == 1 and out[0].attrs["source_actor"] is None
    assert out[0].attrs["source_text"] == "Представительство Гренландии при ВОЗ"


def test_a_report_opening_in_contrast_to_a_claim_before_disputes_it():
    t = "The governor claimed the bridge was fully rebuilt. Yet the city council said repairs were still under way."
    claim = _att(t, "The governor", "claimed", "the bridge was fully rebuilt", actor="auto:governor", stance="claims")
    a = _att(t, "the city council", "said", "repairs were still under way", actor="auto:city-council")
    out = attribution_disputes(_doc(t), [claim, a], [], [], _sents(t), "9")
    assert len(out) == 1 and out[0].attrs["source_actor"] == "auto:city-council"
    t2 = "The governor said the bridge was rebuilt. Yet the city council said repairs were still under way."
    said = _att(t2, "The governor", "said", "the bridge was rebuilt", actor="auto:governor")
    a2 = _att(t2, "the city council", "said", "repairs were still under way", actor="auto:city-council")
    assert attribution_disputes(_doc(t2), [said, a2], [], [], _sents(t2), "9") == []


def test_an_accusation_answering_an_accusation_about_the_same_act_is_a_dispute():
    t = ("The governor held the rebels responsible for the burning of the hut on Monday. "
         "The rebels have accused the governor's guards of burning the hut.")
    first = _att(t, "The governor", "held", "the rebels responsible for the burning of the hut on Monday",
                 actor="auto:governor", stance="disputes")
    answer = _att(t, "The rebels", "accused", "the governor's guards of burning the hut", actor="auto:rebels",
                  stance="disputes")
    out = attribution_disputes(_doc(t), [first, answer], [], [], _sents(t), "9")
    assert [d.attrs["source_text"] for d in out] == ["rebels"]


def test_an_accusation_about_another_act_or_by_the_same_speaker_is_no_dispute():
    t = ("The governor held the rebels responsible for the burning of the hut on Monday. "
         "The rebels have accused the governor's guards of looting the market.")
    first = _att(t, "The governor", "held", "the rebels responsible for the burning of the hut on Monday",
                 actor="auto:governor", stance="disputes")
    other = _att(t, "The rebels", "accused", "the governor's guards of looting the market", actor="auto:rebels",
                 stance="disputes")
    assert attribution_disputes(_doc(t), [first, other], [], [], _sents(t), "9") == []
    t2 = ("The governor held the rebels responsible for the burning of the hut. "
          "The governor also accused the rebels of burning the hut.")
    a1 = _att(t2, "The governor", "held", "the rebels responsible for the burning of the hut",
              actor="auto:governor", stance="disputes")
    k = t2.index("The governor also")
    a2 = Span(t2.index("the rebels of"), len(t2) - 1, "attribution", "indirect", "attributions", "t", 0.9,
              {"speaker": [k, k + 12], "speaker_text": "The governor", "cue": [t2.index("accused"), t2.index("accused") + 7],
               "cue_text": "accused", "stance": "disputes", "actor": "auto:governor", "via": []})
    assert attribution_disputes(_doc(t2), [a1, a2], [], [], _sents(t2), "9") == []
