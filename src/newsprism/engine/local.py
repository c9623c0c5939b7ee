"""Run document stages over stored documents, with the (text hash, stage, version) cache.

The main process decides which (document, stage) pairs are stale, ships each
stale document with the spans its stages need, and is the only writer.
``process_document`` is a pure function of its arguments, so it runs the same
in-process, in a ``ProcessPoolExecutor`` or on Dask workers (``engine/dask.py``).
"""

from __future__ import annotations

import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .. import plugins
from ..analyze import context
from ..analyze.stage import Stage, StageInputs, order_stages
from ..errors import StageError
from ..model import Document, Span
from ..store import Store
from .deadline import StageTimeout, stage_deadline

Progress = Callable[[int], None]
BATCH = 16              # documents whose shared context (the parse ...) is computed at once
MIN_POOL_JOBS = 8       # below this many documents a process pool costs more than it saves
WARM_JOBS = 2           # documents run in the main process before the pool forks (loads the models)
WARM_LANGUAGES = 6      # ... and the first document of each further language, up to this many


@dataclass
class StageOutcome:
    stage: str
    version: str
    status: str                 # ok | failed | not_applicable
    spans: list[Span] = field(default_factory=list)
    error: str | None = None
    duration_ms: float = 0.0


@dataclass
class RunReport:
    documents: int = 0          # documents looked at
    stage_runs: int = 0         # (document, stage) pairs computed now
    cached: int = 0             # pairs whose cached result was still valid
    failed: int = 0
    not_applicable: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str, str]] = field(default_factory=list)   # (doc_id, stage, message)

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in
                ("documents", "stage_runs", "cached", "failed", "not_applicable", "seconds")}


def process_document(doc: Document, stage_names: list[str],
                     prior: dict[str, list[Span]], deadline: float | None = None) -> list[StageOutcome]:
    """Run the named stages (already in dependency order) on one document.

    ``prior`` holds cached spans by layer for stages not re-run. A stage whose
    requirement failed is not run and fails with that reason. ``deadline``: wall-clock
    seconds each stage may take on this document (``engine/deadline.py``); past it the
    stage fails for this document.
    """
    registry = plugins.stages()
    inputs = StageInputs({k: list(v) for k, v in prior.items()})
    failed: set[str] = set()
    out: list[StageOutcome] = []
    for name in stage_names:
        stage = registry[name]
        missing = [r for r in stage.requires if r in failed]
        if missing:
            failed.add(name)
            out.append(StageOutcome(name, stage.version, "failed",
                                    error=f"required stage {missing[0]} failed"))
            continue
        if not stage.applies_to(doc):
            out.append(StageOutcome(name, stage.version, "not_applicable"))
            continue
        t0 = time.perf_counter()
        try:
            with stage_deadline(deadline, name):
                spans = stage.run(doc, inputs)
        except StageTimeout as exc:
            failed.add(name)
            out.append(StageOutcome(name, stage.version, "failed", error=exc.message,
                                    duration_ms=(time.perf_counter() - t0) * 1000))
            continue
        except Exception as exc:  # a stage bug must not stop the batch
            failed.add(name)
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            out.append(StageOutcome(name, stage.version, "failed",
                                    error=f"{type(exc).__name__}: {exc} (at {tb.filename.rsplit('/', 1)[-1]}:{tb.lineno})",
                                    duration_ms=(time.perf_counter() - t0) * 1000))
            continue
        for layer in stage.layers:
            inputs.by_layer[layer] = [s for s in spans if s.layer == layer]
        out.append(StageOutcome(name, stage.version, "ok", spans, None,
                                (time.perf_counter() - t0) * 1000))
    return out


def process_batch(jobs: list[tuple[Document, list[str], dict[str, list[Span]]]],
                  deadline: float | None = None) -> list[list[StageOutcome]]:
    """``process_document`` for each job, after the shared context its stages consume (the spaCy
    parse ...) is computed once for the whole batch (``analyze/context.py``); the outcomes are the
    same as one document at a time."""
    registry = plugins.stages()
    wanted = [c for _, todo, _ in jobs for n in todo for c in registry[n].consumes]
    done = context.prefetch(wanted, [doc for doc, _, _ in jobs]) if wanted else []
    try:
        return [process_document(doc, todo, prior, deadline) for doc, todo, prior in jobs]
    finally:
        context.release(done)


def batches(jobs: list, workers: int, most: int = BATCH) -> list[list]:
    """Jobs cut into batches: up to ``most`` documents, small enough that every worker gets several."""
    size = max(1, min(most, -(-len(jobs) // (max(1, workers) * 4))))
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def _stale_plan(store: Store, ordered: list[Stage], docs: list[Document],
                force: bool) -> Iterator[tuple[Document, list[str], dict[str, list[Span]], int]]:
    runs = {s.name: store.stage_runs_for(s.name) for s in ordered}
    for doc in docs:
        todo: list[str] = []
        cached = 0
        for st in ordered:
            run = runs[st.name].get(doc.id)
            fresh = (run is not None and run[0] == st.version and run[1] == doc.text_sha256
                     and run[2] != "failed")
            # a stage is stale if it is, or if anything it requires is re-run now
            if force or not fresh or any(r in todo for r in st.requires):
                todo.append(st.name)
            else:
                cached += 1
        prior: dict[str, list[Span]] = {}
        if todo:
            by_name = {s.name: s for s in ordered}
            needed = {layer for n in todo for r in by_name[n].requires
                      if r not in todo for layer in by_name[r].layers}
            if needed:
                for sp in store.spans(doc.id, needed):
                    prior.setdefault(sp.layer, []).append(sp)
        yield doc, todo, prior, cached


def run_document_stages(store: Store, stage_names: Iterable[str] | None = None, *,
                        doc_ids: Iterable[str] | None = None, workers: int = 1, force: bool = False,
                        progress: Progress | None = None, scheduler: str = "local",
                        stage_deadline: float | None = None) -> RunReport:
    """Bring every (document, stage) result up to date; returns what was done."""
    t0 = time.perf_counter()
    ordered = order_stages(plugins.stages(), stage_names)
    docs = list(store.iter_documents(doc_ids))
    report = RunReport(documents=len(docs))
    plan = list(_stale_plan(store, ordered, docs, force))
    jobs = []
    for doc, todo, prior, cached in plan:
        report.cached += cached
        if todo:
            jobs.append((doc, todo, prior))
        elif progress:
            progress(1)
    for doc, outcomes in _execute(jobs, workers, scheduler, stage_deadline):
        _save(store, doc, outcomes, report)
        if progress:
            progress(1)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


def _execute(jobs: list[tuple[Document, list[str], dict]], workers: int, scheduler: str = "local",
             deadline: float | None = None) -> Iterator[tuple[Document, list[StageOutcome]]]:
    if scheduler != "local" and jobs:
        from .dask import execute_dask
        yield from execute_dask(jobs, scheduler, workers, deadline)
        return
    if workers <= 1 or len(jobs) < MIN_POOL_JOBS:
        for batch in batches(jobs, 1):
            for (doc, _, _), outcomes in zip(batch, process_batch(batch, deadline)):
                yield doc, outcomes
        return
    # The first documents (and the first of each further language) run here, which loads every model
    # their stages use; the workers are forked after that, so they start with the models loaded (once,
    # in shared pages) and keep them.
    first, rest = warm_split(jobs)
    for (doc, _, _), outcomes in zip(first, process_batch(first, deadline)):
        yield doc, outcomes
    # Objects alive now (the models' Python side) move out of the collector's reach, so a collection
    # in a worker does not write to their pages and copy them: they stay shared with this process.
    import gc
    gc.freeze()
    try:
        yield from _pooled(rest, workers, deadline)
    finally:
        gc.unfreeze()


def warm_split(jobs: list) -> tuple[list, list]:
    """(the jobs to run before the pool forks, the others), each in ``jobs``' order: the first
    ``WARM_JOBS`` and the first job of each language they do not cover, up to ``WARM_LANGUAGES`` more."""
    warm = set(range(min(WARM_JOBS, len(jobs))))
    seen = {jobs[i][0].language for i in warm}
    extra = 0
    for i, (doc, _, _) in enumerate(jobs):
        if extra >= WARM_LANGUAGES:
            break
        if doc.language not in seen:
            seen.add(doc.language)
            warm.add(i)
            extra += 1
    return [j for i, j in enumerate(jobs) if i in warm], [j for i, j in enumerate(jobs) if i not in warm]


def _pooled(rest, workers, deadline):
    with ProcessPoolExecutor(max_workers=min(workers, len(rest)), mp_context=_fork()) as pool:
        parts = batches(rest, workers)
        for batch, results in zip(parts, pool.map(process_batch, parts, [deadline] * len(parts))):
            for (doc, _, _), outcomes in zip(batch, results):
                yield doc, outcomes


def _fork():
    """Fork where the platform has it (the workers inherit the loaded models), else its default."""
    import multiprocessing
    try:
        return multiprocessing.get_context("fork")
    except ValueError:      # pragma: no cover - no fork (Windows)
        return None


def _save(store: Store, doc: Document, outcomes: list[StageOutcome], report: RunReport) -> None:
    for o in outcomes:
        if o.status == "failed":
            report.failed += 1
            report.failures.append((doc.id, o.stage, o.error or ""))
            store.save_stage_failure(doc, o.stage, o.version, StageError.code, o.error or "", o.duration_ms)
        else:
            if o.status == "not_applicable":
                report.not_applicable += 1
            report.stage_runs += 1
            store.save_stage_result(doc.id, o.stage, o.version, doc.text_sha256, o.spans,
                                    o.duration_ms, o.status)
