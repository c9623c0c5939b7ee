"""Document stages: cached by (text hash, stage, version), failures recorded, pool = in-process."""

from __future__ import annotations

import pytest

from newsprism import plugins
from newsprism.analyze.stage import document_stage, order_stages
from newsprism.model import Span
from newsprism.pipeline import analyze, ingest

CALLS: list[str] = []
ONLY = ["fragile"]   # and what it requires (sentences): other registered stages stay out of the counts


def _fragile(doc, inputs):
    """Counts words per sentence; fails on documents that contain BOOM."""
    CALLS.append(doc.id)
    if "BOOM" in doc.text:
        raise RuntimeError("cannot handle BOOM")
    return [Span(s.start, s.end, "wordcount", str(len(doc.text[s.start:s.end].split())), "fragile", "1")
            for s in inputs.spans("sentence")]


@pytest.fixture
def fragile_stage():
    st = document_stage("fragile", version="1", layers=("wordcount",), requires=("sentences",))(_fragile)
    yield st
    plugins._STAGES.pop("fragile", None)


def _corpus(tmp_path, extra: str | None = None):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("North Korea sent troops. Russia welcomed them.\n\nKursk was the front.")
    (d / "b.txt").write_text("Ukraine disputed the claim. Gerasimov said otherwise.")
    if extra:
        (d / "c.txt").write_text(extra)
    return d


def test_rerun_does_no_work(tmp_path, store, settings, fragile_stage):
    ingest(store, [str(_corpus(tmp_path))], settings)
    CALLS.clear()
    first = analyze(store, settings, stages=ONLY)
    assert first.stage_runs == 2 * 2 and first.cached == 0 and len(CALLS) == 2
    CALLS.clear()
    second = analyze(store, settings, stages=ONLY)
    assert second.stage_runs == 0 and second.cached == 4 and CALLS == []


def test_version_bump_reruns_only_that_stage(tmp_path, store, settings, fragile_stage):
    ingest(store, [str(_corpus(tmp_path))], settings)
    analyze(store, settings, stages=ONLY)
    bumped = document_stage("fragile", version="2", layers=("wordcount",), requires=("sentences",))(_fragile)
    rep = analyze(store, settings, stages=ONLY)
    assert rep.stage_runs == 2 and rep.cached == 2       # sentences cached, fragile recomputed
    doc_id = store.document_ids()[0]
    assert {s.stage_version for s in store.spans(doc_id, ["wordcount"])} == {bumped.version}


def test_stage_failure_is_recorded_and_run_goes_on(tmp_path, store, settings, fragile_stage):
    ingest(store, [str(_corpus(tmp_path, extra="This one says BOOM. Then more."))], settings)
    rep = analyze(store, settings, stages=ONLY)
    assert rep.failed == 1 and rep.stage_runs == 3 * 2 - 1
    fails = [f for f in store.failures() if f.stage == "fragile"]
    assert len(fails) == 1 and "BOOM" in fails[0].message and fails[0].doc_id
    assert store.count_documents() == 3
    # the failed pair is retried on the next run (and fails again); the others stay cached
    rep2 = analyze(store, settings, stages=ONLY)
    assert rep2.failed == 1 and rep2.cached == 5


def test_process_pool_gives_the_same_spans(tmp_path, settings, fragile_stage, monkeypatch):
    from newsprism.engine import local
    from newsprism.store import open_store
    monkeypatch.setattr(local, "MIN_POOL_JOBS", 2)      # a pool even for these few documents,
    monkeypatch.setattr(local, "WARM_JOBS", 1)          # forked after one ran in this process
    corpus = _corpus(tmp_path)
    results = []
    for workers in (1, 2):
        s = open_store(tmp_path / f"w{workers}.db")
        ingest(s, [str(corpus)], settings)
        analyze(s, settings.with_overrides(workers=workers), stages=ONLY)
        results.append(sorted((d, sp.layer, sp.start, sp.end, sp.label)
                              for d in s.document_ids() for sp in s.spans(d)))
        s.close()
    assert results[0] == results[1] and results[0]


def test_warm_up_covers_each_language_of_the_batch(monkeypatch):
    """Before the pool forks, the first documents and the first of each further language run in
    this process (so every language's models load once, before the fork), bounded; order is kept."""
    from types import SimpleNamespace as NS
    from newsprism.engine import local
    jobs = [(NS(language=lang), [], {}) for lang in ["en", "en", "en", "ru", "en", "ko", "ru", None, "zh"]]
    first, rest = local.warm_split(jobs)
    assert [j[0].language for j in first] == ["en", "en", "ru", "ko", None, "zh"]
    assert [j[0].language for j in rest] == ["en", "en", "ru"]
    monkeypatch.setattr(local, "WARM_LANGUAGES", 1)
    first, rest = local.warm_split(jobs)
    assert [j[0].language for j in first] == ["en", "en", "ru"] and len(rest) == 6
    assert local.warm_split([]) == ([], [])


def test_dask_cluster_gives_the_same_spans(tmp_path, settings):
    """The same pure stage code on a local Dask cluster (separate, spawned worker processes,
    so only stages registered by installed packages exist there: built-ins here)."""
    from newsprism.store import open_store
    corpus = _corpus(tmp_path, extra="About 11,000 North Korean troops were sent in October.")
    results = []
    for sched in ("local", "dask"):
        s = open_store(tmp_path / f"{sched}.db")
        ingest(s, [str(corpus)], settings)
        rep = analyze(s, settings.with_overrides(scheduler=sched, workers=1), stages=["quantities"])
        assert rep.failed == 0 and rep.stage_runs == 3 * 2
        results.append(sorted((d, sp.layer, sp.start, sp.end, sp.label)
                              for d in s.document_ids() for sp in s.spans(d)))
        s.close()
    assert results[0] == results[1] and results[0]


def test_bad_scheduler_is_a_config_error(settings):
    from newsprism.errors import ConfigError
    with pytest.raises(ConfigError, match="scheduler"):
        settings.with_overrides(scheduler="yarn")


def test_dependency_order_and_cycles():
    from newsprism.analyze.stage import Stage
    noop = lambda d, i: []  # noqa: E731
    stages = {"b": Stage("b", "1", ("y",), noop, ("a",)), "a": Stage("a", "1", ("x",), noop)}
    assert [s.name for s in order_stages(stages)] == ["a", "b"]
    stages["a"] = Stage("a", "1", ("x",), noop, ("b",))
    with pytest.raises(ValueError, match="cycle"):
        order_stages(stages)


def test_stage_cannot_emit_out_of_range_span(tmp_path, store, settings):
    @document_stage("bad_offsets", version="1", layers=("bad",))
    def bad(doc, inputs):
        return [Span(0, len(doc.text) + 5, "bad", "x", "bad_offsets", "1")]
    try:
        ingest(store, [str(_corpus(tmp_path))], settings)
        rep = analyze(store, settings, stages=["bad_offsets"])
        assert rep.failed == 2
        assert all("past text end" in f.message for f in store.failures())
    finally:
        plugins._STAGES.pop("bad_offsets", None)
