"""Framing: the over-use statistic, lexicon variants with distance, the case file, the corpus stage on the seeds
(with the Kursk case file named) and on an invented story without one, omission."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newsprism.config import load_settings
from newsprism.framing import stage as framing_stage  # noqa: F401  (registers the stage)
from newsprism.claims import query as claims_query
from newsprism.framing import queries
from newsprism.errors import ConfigError
from newsprism.framing.lexicon import compiled, find_variants, load_case, load_lexicon
from newsprism.framing.terms import log_odds, term_counts
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.store import open_store


def test_log_odds_ranks_the_overused_term_and_respects_the_prior():
    group = Counter({"liberated": 30, "region": 50, "kursk": 40, "rare": 2})
    rest = Counter({"retook": 30, "region": 50, "kursk": 40, "liberated": 1, "rare": 0})
    prior = group + rest
    rows = log_odds(group, rest, prior, min_z=0, alpha0=50)
    assert rows[0]["term"] == "liberated"
    assert rows[0]["z"] > 1.96
    # shared words at the same rate are not over-used; a twice-seen word gets little weight
    by = {r["term"]: r for r in rows}
    assert "region" not in {r["term"] for r in log_odds(group, rest, prior, alpha0=50)}
    # a heavier prior shrinks more: on a tiny corpus the default (1000) is cautious
    assert log_odds(group, rest, prior, min_z=0)[0]["z"] < rows[0]["z"]
    assert by["rare"]["z"] < by["liberated"]["z"] / 3
    # the statistic is antisymmetric: swapping sides flips the sign
    back = {r["term"]: r for r in log_odds(rest, group, prior, min_z=-99, min_count=0, alpha0=50)}
    assert back["liberated"]["log_odds"] == pytest.approx(-by["liberated"]["log_odds"], abs=1e-3)


def test_term_counts_keep_content_ngrams_only():
    c = term_counts("The special military operation of the army; the special military operation.")
    assert c["special military operation"] == 2
    assert "of the" not in c and "the" not in c


@pytest.mark.parametrize("text,lang,referent,variant,quoted", [
    ("Russia liberated the Kursk region, KCNA said.", "en", "territory-control", "liberat*", 0),
    ("towns that were “liberated\" by Russia", "en", "territory-control", "liberat*", 1),
    ("the so-called liberation of Kursk", "en", "territory-control", "liberat*", 1),
    ('He said: "Our brave troops have liberated the whole Kursk region from the enemy," and left.', "en",
     "territory-control", "liberat*", 2),
    ("Russia's war of aggression against Ukraine", "en", "the-war", "war of aggression", 0),
    ("Курская область полностью освобождена", "ru", "territory-control", "освобожд*", 0),
    ("쿠르스크 지역을 해방하는 작전", "ko", "territory-control", "해방", 0),
])
def test_variants_with_distance(text, lang, referent, variant, quoted):
    found = [(m.referent, m.variant, m.quoted) for m in find_variants(text, lang, case="kursk")]
    assert (referent, variant, quoted) in found
    # story content only comes with the case file: without it no referent is known
    assert find_variants(text, lang) == []


def test_longest_variant_wins_and_user_lexicon_extends(tmp_path):
    assert [m.variant for m in find_variants("a war of aggression", "en", case="kursk")
            if m.referent == "the-war"] == ["war of aggression"]
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"referents": {"territory-control": {"variants": [
        {"lang": "en", "term": "denazified", "connotation": "official"}]}}}), encoding="utf-8")
    lex = load_lexicon([extra], case="kursk")
    assert any(v["term"] == "denazified" for v in lex["referents"]["territory-control"]["variants"])
    assert not find_variants("the town was denazified", "en", case="kursk")
    assert [m.variant for m in find_variants("the town was denazified", "en", (str(extra),), case="kursk")] == \
        ["denazified"]
    langs = {v.lang for v in compiled(case="kursk")}
    assert {"en", "ru", "ko"} <= langs


def test_no_case_file_means_no_story_referents():
    assert compiled() == () and load_lexicon()["referents"] == {}
    assert load_case("")["digest"] == "none"
    kursk = load_case("kursk")
    assert {"territory-control", "nk-soldiers"} <= set(kursk["referents"]) and kursk["digest"] != "none"
    with pytest.raises(ConfigError):
        load_case("no-such-case")


# An invented story: a port strike. Its case file is the user's, written in the compact form and kept, with a
# claims part, in one story file: the framing part sits under "framing".
STRIKE_CASE = {
    "about": "invented: a port strike",
    "names": {},
    "framing": {
        "connotations": {"official": "the port authority's words", "neutral": "descriptive",
                         "critical": "the union's words"},
        "referents": {"the-stoppage": {"label": "the dockers' stoppage", "variants": {
            "en": [["strike*", "neutral"], ["illegal walkout", "official"], ["industrial action", "neutral"]],
            "ru": [["забастовк*", "neutral"]]}}}},
}
STRIKE_TEXTS = {
    "Harbour Herald": "Dockers began an illegal walkout at the harbour on Monday, the port authority said. "
                          "The illegal walkout halted container cranes. Cargo piled up on the quays. " * 30,
    "Union Voice": "Dockers went on strike over pay on Monday. The strike closed the harbour, and the union "
                       "called the \"illegal walkout\" label a smear. Wages have not risen in years. " * 30,
}


def _strike_store(tmp_path, settings):
    corpus = tmp_path / "strike.jsonl"
    corpus.write_text("".join(json.dumps({"outlet": outlet, "text": text}) + "\n"
                              for outlet, text in STRIKE_TEXTS.items()), encoding="utf-8")
    store = open_store(tmp_path / "strike.db")
    ingest(store, [str(corpus)], settings)
    analyze(store, settings, stages=["sentences"])
    rep = build_corpus(store, settings, stages=["framing"])
    assert not rep.failed, rep.failed
    return store, rep


def test_framing_without_a_case_file_stands_on_its_own(tmp_path):
    store, rep = _strike_store(tmp_path, load_settings(environ={}))
    try:
        assert rep.summaries["framing"]["variants"] == 0 and rep.summaries["framing"]["case_digest"] == "none"
        assert queries.variant_usage(store) == []
        # the story-independent part: each outlet's over-used words against the other
        terms = {t["term"] for g in queries.outlet_terms(store, "outlet") for t in g["terms"]}
        assert {"illegal walkout", "strike"} & terms
        assert not {"nk-soldiers", "territory-control"} & {r[0] for r in store.conn.execute(
            "SELECT referent FROM framing_variants")}
    finally:
        store.close()


def test_a_case_file_of_ones_own_story_names_its_variants(tmp_path):
    case = tmp_path / "strike-case.json"
    case.write_text(json.dumps(STRIKE_CASE), encoding="utf-8")
    store, rep = _strike_store(tmp_path, load_settings(environ={"NEWSPRISM_FRAMING_CASE": str(case)}))
    try:
        usage = {(u["outlet"], v): d for u in queries.variant_usage(store) for v, d in u["variants"].items()}
        assert {u["referent"] for u in queries.variant_usage(store)} == {"the-stoppage"}
        own = {k: d["own"] for k, d in usage.items()}
        assert any(v == "illegal walkout" and n >= 2 for (_, v), n in own.items())
        assert any(v == "strike*" and n >= 2 for (_, v), n in own.items())
        assert any(v == "illegal walkout" and d["scare_quoted"] >= 1 for (_, v), d in usage.items())
        # a changed case file changes the stage's version, and the stage re-reads every document
        before = framing_stage.stage_version(str(case))
        assert before != framing_stage.stage_version("") == "2+case-none"
        STRIKE_CASE["framing"]["referents"]["the-stoppage"]["variants"]["en"].append(["halted", "neutral"])
        case.write_text(json.dumps(STRIKE_CASE), encoding="utf-8")
        load_case.cache_clear()
        compiled.cache_clear()
        assert framing_stage.stage_version(str(case)) != before
        settings = load_settings(environ={"NEWSPRISM_FRAMING_CASE": str(case)})
        again = build_corpus(store, settings, stages=["framing"], force=True)
        assert again.summaries["framing"]["documents_read"] == 2
        assert store.conn.execute("SELECT count(*) FROM framing_variants WHERE variant='halted'").fetchone()[0]
    finally:
        STRIKE_CASE["framing"]["referents"]["the-stoppage"]["variants"]["en"].pop()
        load_case.cache_clear()
        compiled.cache_clear()
        store.close()


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, seeds_dir):
    settings = load_settings(environ={"NEWSPRISM_FRAMING_CASE": "kursk",   # the story's framing terms and
                                      "NEWSPRISM_CLAIMS_CASE": "kursk"})   # names the seeds' assertion groups
    store = open_store(tmp_path_factory.mktemp("framing") / "seeds.db")
    ingest(store, [str(seeds_dir)], settings)
    analyze(store, settings, stages=["sentences", "time", "claims"])
    rep = build_corpus(store, settings, stages=["framing", "reconcile"])
    assert not rep.failed, rep.failed
    yield store, settings
    store.close()


def test_framing_stage_on_seeds(seeds_store):
    store, _ = seeds_store
    usage = queries.variant_usage(store)
    wsj = [u for u in usage if u["referent"] == "territory-control" and u["outlet"] == "The Wall Street Journal"]
    # the WSJ seed keeps "liberated" in scare quotes: distance, not adoption
    assert wsj and wsj[0]["variants"]["liberat*"]["scare_quoted"] >= 1
    unknown = [u for u in usage if u["referent"] == "territory-control" and u["outlet"] == "unknown outlet"]
    assert unknown[0]["variants"]["liberat*"]["own"] >= 1
    groups = {(g["scope"], g["group"]) for g in queries.outlet_terms(store)}
    assert ("outlet", "The Wall Street Journal") in groups and ("affiliation", "independent") in groups


def test_framing_is_incremental(seeds_store, tmp_path):
    store, settings = seeds_store
    extra = tmp_path / "extra.txt"
    extra.write_text("Russian forces liberated villages in Kursk, the ministry said. " * 3, encoding="utf-8")
    ingest(store, [str(extra)], settings)
    analyze(store, settings, stages=["sentences"])
    rep = build_corpus(store, settings, stages=["framing"])
    assert rep.summaries["framing"]["documents_read"] == 1
    again = build_corpus(store, settings, stages=["framing"])
    assert again.skipped == ["framing"]


def test_omission_shows_one_sided_coverage(seeds_store):
    store, _ = seeds_store
    om = claims_query.omission(store)
    assert om["available"]
    kursk = next(g for g in om["groups"] if g["subject"] == "kursk-liberated")
    assert kursk["disputed"]
    # Gerasimov's claim carried without Ukraine's denial by at least one outlet
    assert kursk["claim_only"] or kursk["one_sided_docs"]
    assert kursk["counter_outlets"]


def test_omission_says_when_claims_have_not_run(store):
    om = claims_query.omission(store)
    assert om == {"available": False, "reason": om["reason"]} and "claims" in om["reason"]


def test_a_long_line_without_newlines_is_not_quadratic():
    # a 150 KB punctuation-free dump: each match used to rescan the whole line for an open quote (> 20 s)
    import time
    from newsprism.framing.lexicon import find_variants
    text = "the special military operation in the Kursk region and the war of aggression " * 2000
    t0 = time.perf_counter()
    found = find_variants(text, "en", case="kursk")
    assert found and time.perf_counter() - t0 < 6


def test_a_missing_case_file_fails_the_stage_naming_it(tmp_path):
    settings = load_settings(environ={"NEWSPRISM_FRAMING_CASE": str(tmp_path / "no-such-case.json")})
    (tmp_path / "a.txt").write_text("Dockers went on strike over pay on Monday.", encoding="utf-8")
    with open_store(tmp_path / "m.db") as store:
        ingest(store, [str(tmp_path / "a.txt")], settings)
        analyze(store, settings, stages=["sentences"])
        rep = build_corpus(store, settings, stages=["framing"])
    assert rep.failed and rep.failed[0][0] == "framing" and "no-such-case.json" in rep.failed[0][1]
