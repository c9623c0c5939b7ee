"""The seed corpus as tests: each statement the issue names is found with the right actor.

Runs the real pipeline (ingest, clean, entities, attributions, the actors corpus
stage) over ../shared/corpus/seeds and reads the results back from the store.
"""

from __future__ import annotations

import pytest

from newsprism.config import load_settings
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.store import open_store
from newsprism.voices.query import list_actors, voices_of


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds_dir):
    settings = load_settings(environ={})
    store = open_store(tmp_path_factory.mktemp("seeds") / "seeds.db")
    ingest(store, [str(seeds_dir)], settings)
    analyze(store, settings, stages=["entities", "attributions"])
    report = build_corpus(store, settings)
    assert "actors" in report.ran, report.failed
    yield store
    store.close()


def _said(store, actor):
    return [" ".join(v["content"].split()) for v in voices_of(store, actor)]


@pytest.mark.parametrize("actor, words", [
    ("kcna", "Pyongyang’s decision stemmed from a mutual defence treaty"),
    ("kcna", "North Korean troops helped Russian units completely liberate"),
    ("rodong-sinmun", "Kim met with visiting Russian Culture Minister Olga Lyubimova"),
    ("valery-gerasimov", "Russia regained full control over the western Kursk region"),
    ("valery-gerasimov", "the heroism shown by North Korean forces"),
    ("oleksandr-syrskyi", "the fighters are highly motivated"),
    ("oleksandr-syrskyi", "their sheer numbers, around 11,000 to 12,000 troops"),
    ("nis-south-korea", "have suffered death or injury"),
    ("nis-south-korea", "Kim Jong Un’s regime has received Russian drones"),
    ("kim-jong-un", "his troop dispatch was a justified exercise of sovereign rights"),
    ("kim-jong-un", "these troops as heroes"),
    ("kim-jong-un", "North Korea’s annual shell production had quadrupled"),
    ("alexander-matsegora", "contributions of North Korean troops in the Kursk region would be commemorated"),
    ("alexander-matsegora", "will be named after North Korean soldiers"),
    ("ivan-filipov", "a film focusing on the courage and valor of North Korean soldiers"),
    ("hong-min", "North Korea will continue to emphasize the justification for the deployment"),
    ("lim-eul-chul", "this aims to justify additional deployments"),
    ("chris-monday", "It’s a calculated campaign to portray the North Koreans"),
    ("hamish-de-bretton-gordon", "these North Korean troops struggle under Russian officers"),
])
def test_statement_found_with_the_right_actor(seeded, actor, words):
    said = _said(seeded, actor)
    assert any(words in s for s in said), f"{actor} said: {said}"


def test_relays_are_kept(seeded):
    kim = voices_of(seeded, "kim-jong-un")
    relayed = [v for v in kim if "these troops as heroes" in v["content"]]
    assert relayed and [x["id"] for x in relayed[0]["via"]] == ["kcna"]
    envoy = [v for v in voices_of(seeded, "alexander-matsegora") if "named after" in v["content"]]
    assert envoy[0]["via"][0]["id"] == "north-korean-state-media"
    # kept although the learned confidence doubts nested reports (PolNeAR leaves most unmarked)
    assert all(0.0 < v["confidence"] <= 1.0 for v in kim + envoy)


def test_direct_quote_and_stances(seeded):
    monday = voices_of(seeded, "chris-monday")
    assert monday[0]["kind"] == "direct" and monday[0]["content"].startswith("“It’s")
    assert any(v["stance"] == "claims" for v in voices_of(seeded, "valery-gerasimov"))
    assert any(v["stance"] == "praises" for v in voices_of(seeded, "valery-gerasimov"))
    assert any(v["stance"] == "warns" for v in voices_of(seeded, "armed-forces-of-ukraine"))


def test_generic_speakers_stay_unresolved_with_a_reason(seeded):
    import json
    rows = seeded.conn.execute("SELECT attrs FROM spans WHERE layer='attribution'").fetchall()
    reasons = [json.loads(r[0])["unresolved_reason"] for r in rows]
    assert any(r and r.startswith("generic speaker 'Analysts'") for r in reasons)
    for r in rows:
        a = json.loads(r[0])
        assert (a["actor"] is None) == (a["unresolved_reason"] is not None)


def test_actors_table_has_aliases_and_counts(seeded):
    rows = {r["id"]: r for r in list_actors(seeded)}
    kim = rows["kim-jong-un"]
    observed = {a["alias"] for a in kim["aliases"] if a["n"]}
    assert {"Kim Jong Un", "Kim Jong-un", "Kim Jon Un"} <= observed
    assert kim["documents"] >= 4 and kim["attributions"] >= 3
    kcna = rows["kcna"]
    assert {"CNA", "KCNA", "Central News Agency of Korea"} <= {a["alias"] for a in kcna["aliases"] if a["n"]}
    assert kcna["state_affiliated"] is True
    assert "lim-eul-chul" in rows and "hong-min" in rows
