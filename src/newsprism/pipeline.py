"""The library's front door: ingest inputs, analyse documents, in one direction.

The CLI, the report and the tests call these functions; nothing here prints.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .clean import clean_record
from .config import Settings
from .duplicates import DuplicateIndex
from .corpus import CorpusReport, run_corpus_stages
from .engine import RunReport, run_document_stages
from .engine.deadline import StageTimeout, stage_deadline
from .errors import EmptyInputError, IngestError, NewsprismError, StoreError, TooLargeError
from .ingest import choose_reader
from .ingest.sources import expand, load_source, safe_locator
from .model import Document, Failure
from .store import Store

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    inputs: int = 0
    records: int = 0
    added: int = 0
    unchanged: int = 0          # already stored (same locator and bytes): idempotent re-ingest
    duplicates: int = 0         # added, and linked to an earlier copy
    failures: list[Failure] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"inputs": self.inputs, "records": self.records, "added": self.added,
                "unchanged": self.unchanged, "duplicates": self.duplicates,
                "failures": len(self.failures), "seconds": self.seconds}


def ingest(store: Store, items: Iterable[str], settings: Settings, *, reader: str | None = None,
           progress: Progress | None = None) -> IngestReport:
    """Read, clean, de-duplicate and store every input; bad inputs are recorded, never fatal."""
    t0 = time.perf_counter()
    report = IngestReport()
    with store.writer_lock("ingest", wait=settings.writer_wait):
        index = DuplicateIndex.from_store(store, settings)
        for item in expand(list(items)):
            report.inputs += 1
            try:
                _ingest_one(store, item, settings, reader, index, report)
            except Exception as exc:  # noqa: BLE001 - whatever one input does, the batch goes on
                _isolated_failure(store, report, item, exc)
            if progress:
                progress(1)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


def _isolated_failure(store: Store, report: IngestReport, item: str, exc: Exception) -> None:
    """An input that broke the ingest itself (not its reader) is recorded; the store must still
    take the record, else the store is the problem and that is fatal."""
    if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.DataError):
        raise StoreError(f"the store failed while ingesting {safe_locator(item)}: {exc}") from exc
    err = exc if isinstance(exc, IngestError) else IngestError(
        f"ingest failed: {type(exc).__name__}: {str(exc)[:500]}")
    with store.transaction():
        _fail(store, report, safe_locator(item), "read", err)


def _fail(store: Store, report: IngestReport, locator: str, stage: str, exc: NewsprismError,
          raw_sha256: str | None = None, doc_id: str | None = None) -> None:
    f = Failure(locator, stage, exc.code, exc.message, doc_id, raw_sha256)
    store.record_failure(f)
    report.failures.append(f)


def _ingest_one(store: Store, item: str, settings: Settings, forced_reader: str | None,
                index: DuplicateIndex, report: IngestReport) -> None:
    try:
        source = load_source(item, settings)
    except IngestError as exc:
        # the same locator a readable copy of this input would get, so a later success clears it
        item = safe_locator(item)
        with store.transaction():
            _fail(store, report, item, "fetch" if "://" in item else "read", exc)
            store.record_input(item, None, None, 0, 0, 1)
        return
    n_records = n_docs = n_fail = 0
    reader_name = None
    with store.transaction():
        store.clear_input_failures(source.locator)
        try:
            rdr = choose_reader(source, forced_reader)
            reader_name = rdr.name
            for rec in rdr.read(source, settings):
                n_records += 1
                added = _land_record(store, rec, settings, index, report)
                n_docs += max(added, 0)
                n_fail += 0 if added >= 0 else 1
        except Exception as exc:  # a reader bug is recorded like a bad input: the batch goes on
            if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.DataError):
                raise     # the store failed, not the input: fatal (see _isolated_failure)
            err = exc if isinstance(exc, IngestError) else IngestError(
                f"reader failed: {type(exc).__name__}: {exc}")
            store.put_raw(_sha(source.data), source.data)
            n_fail += 1
            _fail(store, report, source.locator, "read", err, _sha(source.data))
        if n_records == 0 and n_fail == 0:   # read cleanly, yet nothing in it: say so, keep the bytes
            store.put_raw(_sha(source.data), source.data)
            n_fail += 1
            _fail(store, report, source.locator, "read",
                  EmptyInputError(f"the {reader_name} reader found no records in this input"), _sha(source.data))
        store.record_input(source.locator, reader_name, _sha(source.data) if n_records <= 1 else None,
                           n_records, n_docs, n_fail)
    report.records += n_records


def _land_record(store: Store, rec, settings: Settings, index: DuplicateIndex, report: IngestReport) -> int:
    """One record, isolated: its raw bytes are kept, and whatever goes wrong after that is
    undone (a savepoint) and recorded as this record's failure; the next record goes on."""
    if len(rec.raw) > settings.max_bytes:
        rec.error = rec.error or TooLargeError(f"record of {len(rec.raw):,} bytes exceeds the cap")
    store.put_raw(rec.raw_sha256, rec.raw)
    if rec.error is not None:
        err = rec.error if isinstance(rec.error, NewsprismError) else IngestError(str(rec.error))
        _fail(store, report, rec.locator, "read", err, rec.raw_sha256)
        return -1
    try:
        with store.savepoint():
            return _store_record(store, rec, settings, index, report)
    except Exception as exc:  # noqa: BLE001 - one record must not lose the input
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, (sqlite3.DataError, sqlite3.IntegrityError)):
            raise
        _fail(store, report, rec.locator, "clean",
              IngestError(f"storing the record failed: {type(exc).__name__}: {str(exc)[:500]}"), rec.raw_sha256)
        return -1


def _store_record(store: Store, rec, settings: Settings, index: DuplicateIndex,
                  report: IngestReport) -> int:
    """1 if a document was added, 0 if it was already there, -1 on a recorded failure."""
    doc_id = Document.make_id(rec.locator, rec.raw_sha256)
    if store.has_document(doc_id):
        report.unchanged += 1
        return 0
    try:
        with stage_deadline(settings.stage_deadline, "clean"):
            doc = clean_record(rec, settings)
    except IngestError as exc:
        _fail(store, report, rec.locator, "clean", exc, rec.raw_sha256)
        return -1
    except StageTimeout as exc:
        _fail(store, report, rec.locator, "clean", exc, rec.raw_sha256)
        return -1
    except Exception as exc:  # a cleaning bug must not lose the batch: record it with the raw kept
        err = IngestError(f"cleaning failed: {type(exc).__name__}: {exc}")
        _fail(store, report, rec.locator, "clean", err, rec.raw_sha256)
        return -1
    match = index.check(doc)
    if match is not None:
        doc.duplicate_of, doc.duplicate_kind, doc.duplicate_score = match.first_id, match.kind, match.score
        report.duplicates += 1
    store.add_document(doc)
    if "truncated" in doc.extra:
        t = doc.extra["truncated"]
        _fail(store, report, rec.locator, "clean",
              TooLargeError(f"clean text truncated to {t['kept_chars']:,} of {t['original_chars']:,} characters"
                            " (raw input kept whole)"), rec.raw_sha256, doc.id)
    sig = index.add(doc)
    if sig is not None:
        store.save_signature(doc.id, *sig)
    report.added += 1
    report.added_ids.append(doc.id)
    return 1


def _sha(data: bytes) -> str:
    import hashlib
    return hashlib.sha256(data).hexdigest()


def analyze(store: Store, settings: Settings, *, stages: Iterable[str] | None = None,
            doc_ids: Iterable[str] | None = None, force: bool = False,
            progress: Progress | None = None) -> RunReport:
    """Bring document-stage results up to date (cached by text hash, stage, version)."""
    with store.writer_lock("analyze", wait=settings.writer_wait):
        return run_document_stages(store, stages, doc_ids=doc_ids, workers=settings.workers,
                                   force=force, progress=progress, scheduler=settings.scheduler,
                                   stage_deadline=settings.stage_deadline)


def build_corpus(store: Store, settings: Settings, *, stages: Iterable[str] | None = None,
                 force: bool = False, progress: Callable[..., None] | None = None) -> CorpusReport:
    """Bring corpus-stage tables up to date; stages whose inputs did not change are skipped.
    ``progress(n, description=, total=)``: see ``corpus.runner.run_corpus_stages``."""
    with store.writer_lock("analyze", wait=settings.writer_wait):
        return run_corpus_stages(store, settings, stages, force=force, progress=progress)
