"""Corpus stages: run in order, skipped when their inputs did not change, incremental context."""

from __future__ import annotations

import pytest

from newsprism import plugins
from newsprism.corpus import corpus_stage
from newsprism.pipeline import analyze, build_corpus, ingest

SEEN: list = []


@pytest.fixture
def counting_stage():
    @corpus_stage("sentence_count", version="1", requires=("sentences",))
    def sentence_count(store, settings, ctx):
        """Counts sentences in the corpus."""
        SEEN.append((ctx.full, sorted(ctx.changed_docs)))
        n = store.conn.execute("SELECT count(*) FROM spans WHERE layer='sentence'").fetchone()[0]
        return {"sentences": n}
    yield sentence_count
    plugins._CORPUS_STAGES.pop("sentence_count", None)


def test_skip_when_unchanged_and_incremental_when_not(tmp_path, store, settings, counting_stage):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("One. Two.")
    ingest(store, [str(d)], settings)
    analyze(store, settings)
    SEEN.clear()
    rep = build_corpus(store, settings, stages=["sentence_count"])
    assert rep.ran == ["sentence_count"] and rep.summaries["sentence_count"]["sentences"] == 2
    assert SEEN[0][0] is True
    rep = build_corpus(store, settings, stages=["sentence_count"])
    assert rep.skipped == ["sentence_count"] and len(SEEN) == 1
    (d / "b.txt").write_text("Three. Four. Five.")
    ingest(store, [str(d)], settings)
    analyze(store, settings)
    rep = build_corpus(store, settings, stages=["sentence_count"])
    assert rep.summaries["sentence_count"]["sentences"] == 5
    full, changed = SEEN[-1]
    assert full is False and len(changed) == 1


def test_failing_corpus_stage_is_recorded(store, settings):
    @corpus_stage("broken", version="1")
    def broken(store, settings, ctx):
        raise ValueError("no data")
    try:
        rep = build_corpus(store, settings, stages=["broken"])
        assert rep.failed and "no data" in rep.failed[0][1]
        assert any(f.stage == "broken" and f.locator == "corpus" for f in store.failures())
    finally:
        plugins._CORPUS_STAGES.pop("broken", None)


def test_forced_document_stage_marks_its_documents_changed(tmp_path, store, settings, counting_stage):
    # a forced re-run with an unchanged stage version rewrites the results (a rule fixed without a
    # version bump): the corpus stages that read them must not keep what they built from the old ones
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("One. Two.")
    (d / "b.txt").write_text("Three. Four. Five.")
    ingest(store, [str(d)], settings)
    analyze(store, settings)
    build_corpus(store, settings, stages=["sentence_count"])
    SEEN.clear()
    a = store.conn.execute("SELECT id FROM documents WHERE locator LIKE '%a.txt'").fetchone()[0]
    analyze(store, settings, stages=["sentences"], doc_ids=[a], force=True)
    rep = build_corpus(store, settings, stages=["sentence_count"])
    assert rep.ran == ["sentence_count"] and SEEN == [(False, [a])]
    rep = build_corpus(store, settings, stages=["sentence_count"])
    assert rep.skipped == ["sentence_count"]
    analyze(store, settings, stages=["sentences"])          # cached: nothing computed, nothing changed
    assert build_corpus(store, settings, stages=["sentence_count"]).skipped == ["sentence_count"]
