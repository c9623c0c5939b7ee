"""Who a claim comes from: the attribution holding it, its relays, groups in their own words, junk refused,
figures without a subject, disputes read from denying attributions (sentences written for these tests)."""

from newsprism.analyze.stage import StageInputs
from newsprism.claims.disputes import attribution_disputes
from newsprism.claims.sources import claim_source, is_source, owned_figure
from newsprism.claims.stages import claims
from newsprism.claims.quantities import quantities
from newsprism.model import Span
from newsprism.model.document import Document, MetaField
from newsprism.text.sentences import sentences


def _att(text: str, speaker: str, cue: str, content: str, actor=None, stance="says", via=None) -> Span:
    s, c, k = text.index(speaker), text.index(cue), text.index(content)
    return Span(k, k + len(content), "attribution", "indirect", "attributions", "t", 0.9,
                {"speaker": [s, s + len(speaker)], "speaker_text": speaker, "cue": [c, c + len(cue)],
                 "cue_text": cue, "stance": stance, "actor": actor, "actor_name": None, "via": via or []})


def _src(text: str, number: str, atts: list[Span], ents=(), fallback=None) -> dict:
    i = text.index(number)
    return claim_source(text, i, i + len(number), atts, list(ents), "en", fallback or {})


def test_a_number_inside_a_statement_takes_its_speaker_and_relays():
    t = "The agency said that 4,200 soldiers had been wounded."
    a = _att(t, "The agency", "said", "4,200 soldiers had been wounded", actor="hur-ukraine", via=["kcna"])
    got = _src(t, "4,200", [a])
    assert got["source_actor"] == "hur-ukraine" and got["via"] == ["kcna"] and got["source_method"] == "attribution"


def test_citing_makes_the_cited_the_source_and_the_speaker_a_relay():
    t = "Park, citing the spy agency, said 900 workers had arrived."
    a = _att(t, "Park", "said", "900 workers had arrived", actor="auto:park")
    got = _src(t, "900", [a])
    assert got["source_text"] == "spy agency" and got["via"] == ["auto:park"]


def test_a_report_that_relied_on_officials_is_their_relay():
    t = "The paper's report, which relied on unnamed Western officials, said 2,500 were dead."
    a = _att(t, "The paper's report", "said", "2,500 were dead", actor="auto:paper")
    got = _src(t, "2,500", [a])
    assert got["source_text"] == "unnamed Western officials" and got["via"] == ["auto:paper"]


def test_vague_groups_keep_their_words_not_the_country():
    t = "Ukrainian officials said 8,000 troops had crossed."
    a = _att(t, "Ukrainian officials", "said", "8,000 troops had crossed", actor="ukraine")
    got = _src(t, "8,000", [a])
    assert got["source_actor"] is None and got["source_text"] == "Ukrainian officials"
    t = "Western intelligence agencies believe 600 engineers went."
    a = _att(t, "Western intelligence agencies", "believe", "600 engineers went", actor="nis-south-korea")
    assert _src(t, "600", [a])["source_text"] == "Western intelligence agencies"


def test_junk_is_no_source_and_the_outlet_voice_has_none():
    for junk in ("This revelation", "including about 600", "an", "Casualty"):
        assert not is_source(junk, None, "en")
    assert is_source("US officials", None, "en") and is_source("Lee", None, "en", named=True)
    t = "Casualty estimates rose to 700 wounded."
    got = _src(t, "700", [], fallback={"source_text": "Casualty", "source_actor": None})
    assert got["source_method"] is None and got["source_text"] is None


def test_a_document_stands_for_whoever_issued_it():
    t = "According to a chart released by the coast guard, 31 boats crossed."
    a = _att(t, "a chart released by the coast guard", "According to", "31 boats crossed")
    a.attrs["speaker_text"] = "a chart released by the coast guard"
    assert _src(t, "31", [a])["source_text"] == "coast guard"


def test_a_pronoun_takes_the_speaker_before_it():
    t = "The ministry said 40 shells fell. It said 12 houses burned."
    a1 = _att(t, "The ministry", "said", "40 shells fell", actor="auto:ministry")
    k = t.index("It said")
    a2 = Span(k + 8, len(t) - 1, "attribution", "indirect", "attributions", "t", 0.9,
              {"speaker": [k, k + 2], "speaker_text": "It", "cue": [k + 3, k + 7], "cue_text": "said",
               "stance": "says", "actor": None, "via": []})
    assert _src(t, "12", [a1, a2])["source_actor"] == "auto:ministry"


def test_whose_figure_a_number_is():
    t = "She repeated the Foreign Office's figure of 1,500 casualties."
    assert owned_figure(t, t.index("1,500"), "en") == "Foreign Office"


def test_denial_is_recorded_against_the_claim_it_denies_by_its_speaker():
    text = "The army denied that 5,000 of its soldiers had deserted."
    doc = Document("d1", "d1", "test", "x", text, {"language": MetaField("en", "test")})
    a = _att(text, "The army", "denied", "5,000 of its soldiers had deserted", actor="auto:army", stance="denies")
    i = text.index("5,000")
    figure = Span(i, i + 5, "claim", "figure", "claims", "9", 0.3, {"subject": None, "value_kind": "count"})
    sent = Span(0, len(text), "sentence", "sentence", "sentences", "1")
    out = attribution_disputes(doc, [a], [], [figure], [sent], "9")
    assert len(out) == 1 and out[0].attrs["source_actor"] == "auto:army"
    assert out[0].attrs["disputes"]["start"] == i and out[0].attrs["subject"].startswith("statement:")


def test_blame_is_no_dispute():
    text = "The minister blamed the rebels for 20 deaths."
    doc = Document("d2", "d2", "test", "x", text, {"language": MetaField("en", "test")})
    a = _att(text, "The minister", "blamed", "the rebels for 20 deaths", actor="auto:m", stance="disputes")
    assert attribution_disputes(doc, [a], [], [], [], "9") == []


def test_the_stage_gives_every_stated_number_its_source():
    text = "The coast guard said 207 boats and five planes were seen near the island."
    doc = Document("d3", "d3", "test", "x", text, {"language": MetaField("en", "test")})
    by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
    by["quantity"] = quantities.fn(doc, StageInputs(dict(by)))
    by["attribution"] = [_att(text, "The coast guard", "said", text[text.index("207"):-1], actor="auto:coast-guard")]
    spans = claims.fn(doc, StageInputs(by))
    got = {doc.text[c.start:c.end]: c.attrs["source_actor"] for c in spans}
    assert set(got.values()) == {"auto:coast-guard"} and len(got) == 2


def test_an_estimate_set_against_the_sentences_own_is_that_estimates():
    t = "Туда прибыли около 3 тысяч инженеров (иные подсчёты доходили до 4 тысяч)."
    assert owned_figure(t, t.index("до 4 тысяч"), "ru") == "иные подсчёты"
    assert owned_figure(t, t.index("3 тысяч"), "ru") is None
    t = "Прибули близько 3 тисяч інженерів (інші оцінки сягали 4 тисяч)."
    assert owned_figure(t, t.index("4 тисяч"), "uk") == "інші оцінки"


def test_a_person_named_with_their_agency_is_the_source_not_the_agency():
    t = "Заступник голови ГУР Остап Ковальчук повідомив, що прибуло 700 інструкторів."
    k = t.index("Ковальчук")
    ents = [Span(k - 6, k + len("Ковальчук"), "entity", "PERSON", "entities", "t", 0.9,
                 {"actor": "auto:ostap-kovalchuk"})]
    a = _att(t, "Заступник голови ГУР Остап Ковальчук", "повідомив", "прибуло 700 інструкторів",
             actor="auto:ostap-kovalchuk")
    got = claim_source(t, t.index("700"), t.index("700") + 3, [a], ents, "uk", {})
    assert got["source_actor"] == "auto:ostap-kovalchuk"


def test_a_source_keeps_its_article_for_display_and_drops_it_for_the_key():
    from newsprism.claims.reconcile import _reader_name
    from newsprism.claims.sources import as_written
    t = "Casualties among the invaders reached 900 on Monday, the General Staff said."
    i = t.index("900")
    c = Span(i, i + 3, "claim", "quantity", "claims", "t", 0.7, {"source_text": "General Staff", "source_actor": None})
    as_written(t, [c], "en")
    assert c.attrs["source_text"] == "General Staff" and c.attrs["source_words"] == "the General Staff"
    assert _reader_name("General Staff", c.attrs) == "the General Staff"
    d = Span(i, i + 3, "claim", "quantity", "claims", "t", 0.7, {"source_text": "General Staff", "source_actor": None})
    as_written(t, [d], "fr")
    assert "source_words" not in d.attrs


def test_a_capital_speaking_keeps_its_words_and_its_country_s_actor():
    from newsprism.claims.reconcile import _reader_name
    assert _reader_name("south-korea", {"source_actor": "south-korea", "source_text": "Seúl"}) == "Seúl"
    assert _reader_name("south-korea", {"source_actor": "south-korea", "source_text": "Südkorea"}) == "South Korea"


def test_a_number_glossing_a_name_in_reported_words_is_the_outlet_s():
    t = ("The navy said two frigates had crossed the Norland Strait, a 40-kilometre wide channel, and 12 boats "
         "followed them.")
    a = _att(t, "The navy", "said", t[t.index("two frigates"):-1], actor="auto:navy")
    gloss = claim_source(t, t.index("40"), t.index("40") + 2, [a], [], "en", {})
    boats = claim_source(t, t.index("12"), t.index("12") + 2, [a], [], "en", {})
    assert gloss["source_method"] is None and boats["source_actor"] == "auto:navy"


def test_an_unnamed_group_of_a_country_is_the_source_in_its_words_through_the_stages():
    """Nationality + plural source noun, read from the text by the entity and attribution stages: the claim's
    source is the group as written, never the country; a singular body keeps its actor."""
    from newsprism.voices.attributions import find_attributions
    from newsprism.voices.entities import find_entities
    cases = [("en", "Ukrainian sources said 3,000 troops had crossed the river.", "Ukrainian sources", None),
             ("en", "The Ukrainian military said 40 soldiers were killed.", "Ukrainian military",
              "armed-forces-of-ukraine"),
             ("ru", "Российские официальные лица заявили, что погибли 300 солдат.", "Российские официальные лица", None),
             ("uk", "Українські джерела повідомили, що загинули 300 солдатів.", "Українські джерела", None),
             ("ko", "한국 정부 소식통은 병사 300명이 사망했다고 말했다.", "한국 정부 소식통", None)]
    for lang, text, words, actor in cases:
        doc = Document("d", "d", "test", "x", text, {"language": MetaField(lang, "test")})
        by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
        by["quantity"] = quantities.fn(doc, StageInputs(dict(by)))
        by["entity"] = find_entities(text, lang)
        by["attribution"] = [s for s in find_attributions(text, lang, by["entity"]) if s.layer == "attribution"]
        got = [(c.attrs["source_text"], c.attrs["source_actor"]) for c in claims.fn(doc, StageInputs(by))]
        assert got and all(g == (words, actor) for g in got), (text, got)


def test_a_relay_chain_never_holds_its_source_or_a_relay_twice():
    from newsprism.claims.sources import plain_chain
    assert plain_chain("minister-a", "Minister A", ["agency-b", "minister-a", "agency-b", "paper-c"]) == \
        ["agency-b", "paper-c"]
    assert plain_chain(None, "officials", ["officials", "radio-d"]) == ["radio-d"]
    assert plain_chain("x", None, []) == []
