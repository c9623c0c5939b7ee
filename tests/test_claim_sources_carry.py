"""Sources a figure takes from elsewhere in its document (claims/carry.py), group stems of inflected languages,
and the disputer of a denial read from a cue word (sentences written for these tests)."""

from newsprism.analyze.stage import StageInputs
from newsprism.claims.sources import is_source
from newsprism.claims.stages import claims
from newsprism.claims.quantities import quantities
from newsprism.languages import pack
from newsprism.model import Span
from newsprism.model.document import Document, MetaField
from newsprism.text.sentences import sentences


def _att(text: str, speaker: str, cue: str, content: str, actor=None, stance="says", via=None) -> Span:
    s, c, k = text.index(speaker), text.index(cue), text.index(content)
    return Span(k, k + len(content), "attribution", "indirect", "attributions", "t", 0.9,
                {"speaker": [s, s + len(speaker)], "speaker_text": speaker, "cue": [c, c + len(cue)],
                 "cue_text": cue, "stance": stance, "actor": actor, "actor_name": None, "via": via or []})


def _run(text: str, atts=(), lang="en", title=None) -> list:
    meta = {"language": MetaField(lang, "test")}
    if title:
        meta["title"] = MetaField(title, "test")
    doc = Document("c1", "c1", "test", "x", text, meta)
    by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
    by["quantity"] = quantities.fn(doc, StageInputs(dict(by)))
    by["attribution"] = list(atts)
    return [(text[c.start:c.end], c) for c in claims.fn(doc, StageInputs(by))]


def test_a_sentence_after_the_figures_names_their_source():
    t = "Rebel losses on the coast have passed 7 400 fighters. This information comes from the Coast Guard Command."
    got = _run(t)
    c = next(v for k, v in got if "7 400" in k)
    assert c.attrs["source_text"] == "Coast Guard Command" and c.attrs["source_rule"] == "back-reference"


def test_a_russian_back_reference_gives_the_cited_source_through_its_relay():
    t = ("Около 800 моряков получили ранения в ходе учений. "
         "Такие данные приводит агентство Север, ссылаясь на военных медиков.")
    c = next(v for k, v in _run(t, lang="ru") if "800" in k)
    assert "медиков" in c.attrs["source_text"] and c.attrs["via"] == ["агентство Север"]


def test_a_continuation_sentence_keeps_the_previous_speaker_and_a_plain_one_does_not():
    t = ("The port authority said 9,000 containers were delayed. Of that total, 2,500 were refrigerated. "
         "Inspectors opened 300 crates.")
    atts = [_att(t, "The port authority", "said", "9,000 containers were delayed", actor="auto:port-authority")]
    got = _run(t, atts)
    cont = next(v for k, v in got if "2,500" in k)
    plain = next(v for k, v in got if "300" in k)
    assert cont.attrs["source_actor"] == "auto:port-authority" and cont.attrs["source_rule"] == "continuation"
    assert plain.attrs.get("source_method") is None


def test_a_headline_number_takes_the_body_source_of_the_same_value():
    title = "Storm leaves 640 families without homes"
    t = title + "\n\nThe relief agency said 640 families had lost their homes and 12 shelters were open."
    atts = [_att(t, "The relief agency", "said", t[t.index("640 families had"):-1], actor="auto:relief")]
    got = _run(t, atts, title=title)
    head = min((v for k, v in got if "640" in k), key=lambda c: c.start)
    assert head.start < len(title) and head.attrs["source_actor"] == "auto:relief"
    assert head.attrs["source_rule"] == "headline"


def test_a_relay_the_text_names_once_carries_to_the_source_s_other_figures():
    t = ("Senator Vale said the spy agency had briefed the committee. "
         "The spy agency said 3,100 recruits had deserted.")
    atts = [_att(t, "Senator Vale", "said", "the spy agency had briefed the committee", actor="auto:vale"),
            _att(t, "The spy agency", "said 3", "3,100 recruits had deserted", actor="auto:spy")]
    atts[0].attrs["speaker_text"] = "Senator Vale"
    atts[1].attrs["speaker_text"] = "the spy agency"
    c = next(v for k, v in _run(t, atts) if "3,100" in k)
    assert c.attrs["source_actor"] == "auto:spy" and c.attrs["via"] == ["auto:vale"]


def test_group_stems_make_inflected_groups_sources_and_not_junk():
    assert is_source("военной разведки", None, "ru")
    assert is_source("Las autoridades regionales", None, "es")
    assert not is_source("этой новости", None, "ru")
    assert pack("uk").sources.DISPUTE_CUES.search("Міністерство спростувало ці дані")
    assert pack("ko").sources.DISPUTE_CUES.search("국방부는 사실이 아니라고 밝혔다")


def test_a_cue_word_dispute_takes_the_speaker_of_its_sentence():
    t = "The agency reported 4,000 arrests. The ministry denied it, calling the figure fake."
    atts = [_att(t, "The agency", "reported", "4,000 arrests", actor="auto:agency"),
            _att(t, "The ministry", "denied", "it", actor="auto:ministry", stance="denies")]
    got = _run(t, atts)
    disputes = [c for _, c in got if c.label == "dispute"]
    assert disputes and all(c.attrs["source_actor"] == "auto:ministry" for c in disputes)


def test_the_figures_of_an_embedded_post_are_its_author_s():
    t = ("Ferry traffic stopped on Friday.\n"
         "Since midnight 12 ferries and 3 tugboats were held in port. Crews stay on board. pic.twitter.com/AbCdE\n"
         "— Harbour Office of Norland (@NorlandHarbour) March 3, 2031\n"
         "Shops near the quay closed 40 stalls.")
    got = dict(_run(t))
    c = next(v for k, v in got.items() if "12" in k)
    assert c.attrs["source_text"] == "Harbour Office of Norland" and c.attrs["source_rule"] == "embedded-post"
    assert next(v for k, v in got.items() if "3 tugboats" in k).attrs["source_rule"] == "embedded-post"
    assert not next(v for k, v in got.items() if "40" in k).attrs.get("source_rule")


def test_a_generic_clustered_actor_is_named_in_the_text_s_own_words():
    from newsprism.claims.reconcile import _reader_name
    attrs = {"source_actor": "auto:defence-ministry", "source_text": "Norland's defence ministry"}
    assert _reader_name("auto:defence-ministry", attrs) == "Norland's defence ministry"
    assert _reader_name("nis-south-korea", {"source_actor": "nis-south-korea", "source_text": "the NIS"}) \
        == "National Intelligence Service"


def test_a_crosshead_number_takes_the_source_its_section_gives_it():
    t = ("The storm hit the coast on Monday. Roads were closed.\n\nMore than 640 families left homeless\n\n"
         "The relief agency said about 640 families had lost their homes.\n\nPlain line with 77 words\n\nNothing here.")
    atts = [_att(t, "The relief agency", "said", "about 640 families had lost their homes", actor="auto:relief")]
    got = _run(t, atts)
    head = min((v for k, v in got if "640" in k), key=lambda c: c.start)
    assert head.attrs["source_actor"] == "auto:relief" and head.attrs["source_rule"] == "crosshead"
    plain = next((v for k, v in got if "77" in k), None)
    assert plain is None or not plain.attrs.get("source_method")


def test_a_paragraph_of_further_details_continues_the_report_the_paragraph_before_ends_on():
    t = ("За оцінками морської розвідки, у порту стоять близько 40 суден, з яких 12 танкерів.\n\n"
         "На рейді чергує буксир. Екіпажі щотижня отримують по 200 літрів пального і 30 кг борошна.\n\n"
         "Ціни на хліб у місті зросли на 15 відсотків.")
    atts = [_att(t, "морської розвідки", "За оцінками", "у порту стоять близько 40 суден, з яких 12 танкерів")]
    got = _run(t, atts, lang="uk")
    for n in ("200", "30"):
        c = next(v for k, v in got if k.startswith(n))
        assert "розвідки" in c.attrs["source_text"] and c.attrs["source_rule"] == "report-paragraph"
    assert next(v for k, v in got if k.startswith("15")).attrs.get("source_method") is None   # no chain


def test_a_paragraph_after_one_that_ends_without_sourced_figures_stays_the_outlet_s():
    t = ("The port authority said 9,000 containers were delayed. Officials hope the backlog clears soon.\n\n"
         "Since March, the port has also hired about 400 new workers.")
    atts = [_att(t, "The port authority", "said", "9,000 containers were delayed", actor="auto:port-authority")]
    c = next(v for k, v in _run(t, atts) if "400" in k)
    assert c.attrs.get("source_method") is None


def test_a_headline_number_the_lead_does_not_give_stays_the_outlet_s():
    title = "Harbour to take in 900 more workers"
    t = (title + "\n\nPhoto: archive\n\nNot every worker the harbour hires will stay on the docks, the port director "
         "told a local paper on Monday.\n\nEarlier the deputy director said the harbour would hire 900 workers.")
    atts = [_att(t, "the deputy director", "said", "the harbour would hire 900 workers", actor="auto:deputy")]
    got = _run(t, atts, title=title)
    head = min((v for k, v in got if "900" in k), key=lambda c: c.start)
    assert head.start < len(title) and not head.attrs.get("source_method")


def test_an_agentless_report_after_a_sourced_sentence_takes_its_source_and_an_agent_does_not():
    t = ("According to the coast guard, 40 boats were lost in the storm. "
         "Twelve sailors were reported missing after the rescue. "
         "Nine divers were reported by the harbour office to be safe.")
    atts = [_att(t, "the coast guard", "According to", "40 boats were lost in the storm", actor="auto:coast-guard")]
    got = _run(t, atts)
    c = next(v for k, v in got if k.startswith("Twelve"))
    assert c.attrs["source_actor"] == "auto:coast-guard" and c.attrs["source_rule"] == "continuation"
    nine = next((v for k, v in got if k.startswith("Nine")), None)
    assert nine is None or nine.attrs.get("source_actor") != "auto:coast-guard"


def test_a_frame_that_opens_the_sentence_scopes_a_figure_after_its_content():
    t = ("According to the Seal Trust, about 8,000 seals live on the island, so the colony holds over half of the coast’s seals. "
         "Rangers counted 40 pups, so the season was good.")
    atts = [_att(t, "the Seal Trust", "According to", "about 8,000 seals live on the island", actor="auto:survey")]
    got = _run(t, atts)
    third = next(v for k, v in got if "half" in k)
    assert third.attrs["source_actor"] == "auto:survey" and third.attrs["source_rule"] == "frame"
    assert next(v for k, v in got if k.startswith("40")).attrs.get("source_actor") != "auto:survey"
