"""Run corpus stages in order, skipping those whose inputs did not change."""

from __future__ import annotations

import hashlib
import json
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .. import plugins
from ..config import Settings
from ..analyze.stage import order_stages
from ..errors import ConfigError, StageError
from ..model import Failure
from ..store import Store
from .stage import CorpusContext, CorpusStage


@dataclass
class CorpusReport:
    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    summaries: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0


def order_corpus_stages(stages: dict[str, CorpusStage], wanted: Iterable[str] | None) -> list[CorpusStage]:
    return order_stages(stages, wanted, deps=lambda st: st.after, kind="corpus stage")


def _doc_state(store: Store, doc_stages: tuple[str, ...]) -> dict[str, str]:
    """doc_id -> digest of (text hash, version, status, time computed) of the document stages a corpus
    stage reads: a document whose results were computed again (``analyze --force`` with an unchanged
    stage version) counts as changed, so the corpus stages that read it run again."""
    state: dict[str, list[str]] = {}
    for doc_id, text_sha in store.conn.execute("SELECT id, text_sha256 FROM documents"):
        state[doc_id] = [text_sha]
    for name in doc_stages:
        ran_at = store.stage_ran_at(name)
        for doc_id, (version, _sha, status) in store.stage_runs_for(name).items():
            if doc_id in state:
                state[doc_id].append(f"{name}:{version}:{status}:{ran_at.get(doc_id, '')}")
    return {k: hashlib.sha1("|".join(v).encode()).hexdigest() for k, v in state.items()}


def run_corpus_stages(store: Store, settings: Settings, stages: Iterable[str] | None = None, *,
                      force: bool = False, progress: Callable[..., None] | None = None) -> CorpusReport:
    """Run the stale corpus stages in order. ``progress(n, description=, total=)`` (the CLI's bar):
    each stage that runs restarts it as ``corpus <name>`` over its changed documents; the stage
    advances it through ``ctx.progress`` where it can, and the runner completes it when done."""
    t0 = time.perf_counter()
    report = CorpusReport()
    ordered = order_corpus_stages(plugins.corpus_stages(), stages)
    fingerprints: dict[str, str] = {}
    for st in ordered:
        state = _doc_state(store, st.requires)
        try:
            version = st.version_for(settings)
        except ConfigError:        # a setting naming a missing file: the stage fails when it runs, naming it
            version = f"{st.version}+missing"
        fp = hashlib.sha256(json.dumps([version, sorted(state.items()),
                                        [fingerprints.get(a, "") for a in st.after]]).encode()).hexdigest()
        fingerprints[st.name] = fp
        prev = store.corpus_run(st.name)
        if not force and prev and prev["status"] == "ok" and prev["fingerprint"] == fp:
            report.skipped.append(st.name)
            continue
        full = force or not prev or prev["version"] != version or prev["status"] != "ok"
        old_state = {} if full else json.loads(prev["doc_state"] or "{}")
        changed = [d for d, h in state.items() if old_state.get(d) != h]
        removed = sorted(set(old_state) - set(state))
        ctx = CorpusContext(changed_docs=changed, full=full, removed_docs=removed,
                            previous=json.loads(prev["summary"]) if prev and prev["summary"] else None)
        _run_with_progress(store, settings, st, ctx, fp, state, report, progress, version)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


def _run_with_progress(store, settings, st: CorpusStage, ctx: CorpusContext, fp: str, state: dict,
                       report: CorpusReport, progress: Callable[..., None] | None, version: str) -> None:
    if progress is None:
        _run_one(store, settings, st, ctx, fp, state, report, version)
        return
    total, done = max(1, len(ctx.changed_docs)), [0]

    def advance(n: int = 1) -> None:
        n = max(0, min(n, total - done[0]))
        done[0] += n
        progress(n)
    progress(0, description=f"corpus {st.name}", total=total)
    ctx.progress = advance
    _run_one(store, settings, st, ctx, fp, state, report, version)
    advance(total)            # done: the bar ends full whatever the stage reported


def _run_one(store, settings, st: CorpusStage, ctx: CorpusContext, fp: str, state: dict,
             report: CorpusReport, version: str) -> None:
    s0 = time.perf_counter()
    try:
        with store.transaction():
            summary = st.fn(store, settings, ctx) or {}
            store.save_corpus_run(st.name, version, fp, "ok", summary, state,
                                  (time.perf_counter() - s0) * 1000)
            store.conn.execute("DELETE FROM failures WHERE locator='corpus' AND stage=?", (st.name,))
        report.ran.append(st.name)
        report.summaries[st.name] = summary
    except Exception as exc:  # one corpus stage failing must not stop the others
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        msg = f"{type(exc).__name__}: {exc} (at {tb.filename.rsplit('/', 1)[-1]}:{tb.lineno})"
        store.save_corpus_run(st.name, version, fp, "failed", {}, {}, (time.perf_counter() - s0) * 1000)
        store.record_failure(Failure("corpus", st.name, StageError.code, msg))
        report.failed.append((st.name, msg))
