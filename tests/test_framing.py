"""Framing: the over-use statistic, lexicon variants with distance, the corpus stage on the seeds, omission."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newsprism.config import load_settings
from newsprism.framing import stage as framing_stage  # noqa: F401  (registers the stage)
from newsprism.claims import query as claims_query
from newsprism.framing import queries
from newsprism.framing.lexicon import compiled, find_variants, load_lexicon
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
    found = [(m.referent, m.variant, m.quoted) for m in find_variants(text, lang)]
    assert (referent, variant, quoted) in found


def test_longest_variant_wins_and_user_lexicon_extends(tmp_path):
    assert [m.variant for m in find_variants("a war of aggression", "en") if m.referent == "the-war"] == \
        ["war of aggression"]
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"referents": {"territory-control": {"variants": [
        {"lang": "en", "term": "denazified", "connotation": "official"}]}}}), encoding="utf-8")
    lex = load_lexicon([extra])
    assert any(v["term"] == "denazified" for v in lex["referents"]["territory-control"]["variants"])
    assert not find_variants("the town was denazified", "en")
    assert [m.variant for m in find_variants("the town was denazified", "en", (str(extra),))] == ["denazified"]
    langs = {v.lang for v in compiled()}
    assert {"en", "ru", "ko"} <= langs


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, seeds_dir):
    settings = load_settings(environ={"NEWSPRISM_CLAIMS_CASE": "kursk"})   # names the seeds' assertion groups
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
    found = find_variants(text, "en")
    assert found and time.perf_counter() - t0 < 6
