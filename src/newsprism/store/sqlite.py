"""SQLite store: one writer (the process running the pipeline), many readers.

Raw input bytes are kept content-addressed in ``raw_blobs`` so nothing is lost;
documents, spans, stage runs and failures reference them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import StoreError
from ..model import META_FIELDS, Document, Failure, MetaField, Span
from .lock import WriterLock
from .migrations import MIGRATIONS

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_store(path: str | Path, *, create: bool = True) -> "Store":
    """The store at ``path``; ``create=False`` refuses (StoreError) when no store is there."""
    return Store(path, create=create)


class Store:
    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = str(path)
        self._lock: WriterLock | None = None
        if self.path != ":memory:" and not create and not Path(self.path).expanduser().is_file():
            raise StoreError(f"no store at {self.path}",
                             hint="check --db (or NEWSPRISM_DB); only `ingest` and `run` create a store")
        try:
            if self.path != ":memory:":
                Path(self.path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    @classmethod
    def read_only(cls, path: str | Path, *, timeout: float = 10.0, threads: bool = False) -> "Store":
        """The same read API over a query-only connection: no migrations, no writes, no writer lock.
        ``threads``: the connection may be used from another thread than the one that opened it."""
        if not Path(str(path)).expanduser().is_file():
            raise StoreError(f"no store at {path}", hint="check --db (or NEWSPRISM_DB)")
        store = cls.__new__(cls)
        store._open_read_only(str(path), timeout, threads)
        return store

    def _open_read_only(self, path: str, timeout: float, threads: bool) -> None:
        self.path = path
        self._lock = None
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=not threads)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA query_only=ON")

    # -- schema -----------------------------------------------------------------
    def migrate(self) -> list[int]:
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                          "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
        newest = max((v for v, _, _ in MIGRATIONS), default=0)
        if done and max(done) > newest:
            raise StoreError(f"store {self.path} has schema version {max(done)}, newer than this "
                             f"newsprism knows ({newest})", hint="upgrade newsprism to open this store")
        applied = []
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self.transaction():
                for stmt in _split_sql(sql):
                    self.conn.execute(stmt)
                self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now()))
            applied.append(version)
        if 7 in applied:   # documents stored before the normalised index existed
            self._index_terms()
        return applied

    def _index_terms(self) -> None:
        """Fill the normalised search index for documents stored before it existed."""
        from .terms import backfill
        with self.transaction():
            backfill(self.conn)

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:   # nested: join the outer transaction
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def savepoint(self) -> Iterator[sqlite3.Connection]:
        """A nested unit inside a transaction: undone alone when its block raises."""
        if not self.conn.in_transaction:
            with self.transaction() as conn:
                yield conn
            return
        self.conn.execute("SAVEPOINT np_item")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK TO np_item")
            self.conn.execute("RELEASE np_item")
            raise
        else:
            self.conn.execute("RELEASE np_item")

    @contextmanager
    def writer_lock(self, command: str, wait: float = 0.0) -> Iterator[None]:
        """Hold the store's writer lock for a writing command (one writer per store: ``lock.py``);
        re-entrant within this Store. Raises StoreBusyError naming the holder when another
        process holds it for longer than ``wait`` seconds."""
        if self.path == ":memory:":
            yield
            return
        if self._lock is None:
            self._lock = WriterLock(self.path)
        with self._lock.held(command, wait):
            yield

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release_all()
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- raw input ---------------------------------------------------------------
    def put_raw(self, sha256: str, data: bytes) -> None:
        self.conn.execute("INSERT OR IGNORE INTO raw_blobs(sha256, size, data) VALUES (?, ?, ?)",
                          (sha256, len(data), data))

    def get_raw(self, sha256: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM raw_blobs WHERE sha256=?", (sha256,)).fetchone()
        return bytes(row[0]) if row else None

    def record_input(self, locator: str, reader: str | None, raw_sha256: str | None,
                     n_records: int, n_documents: int, n_failures: int) -> None:
        t = now()
        self.conn.execute(
            "INSERT INTO inputs(locator, reader, raw_sha256, n_records, n_documents, n_failures, first_seen, last_seen)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(locator) DO UPDATE SET reader=excluded.reader,"
            " raw_sha256=excluded.raw_sha256, n_records=excluded.n_records, n_documents=excluded.n_documents,"
            " n_failures=excluded.n_failures, last_seen=excluded.last_seen",
            (locator, reader, raw_sha256, n_records, n_documents, n_failures, t, t))

    # -- documents ---------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document) -> int:
        """Insert a document (its raw bytes must be stored); returns its arrival number."""
        cols = {f: (doc.meta[f].value if f in doc.meta else None) for f in META_FIELDS}
        cur = self.conn.execute(
            "INSERT INTO documents(id, locator, reader, raw_sha256, text_sha256, text, title, published,"
            " outlet, author, url, site_name, language, meta, removed, extra, duplicate_of, duplicate_kind,"
            " duplicate_score, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.locator, doc.reader, doc.raw_sha256, doc.text_sha256, doc.text,
             _s(cols["title"]), _s(cols["published"]), _s(cols["outlet"]), _s(cols["author"]),
             _s(cols["url"]), _s(cols["site_name"]), _s(cols["language"]),
             _json({k: v.to_dict() for k, v in doc.meta.items()}), _json(doc.removed), _json(doc.extra),
             doc.duplicate_of, doc.duplicate_kind, doc.duplicate_score, now()))
        doc.seq = cur.lastrowid
        from .terms import index_document
        index_document(self.conn, cur.lastrowid, _s(cols["title"]), doc.text, _s(cols["language"]))
        return cur.lastrowid

    def first_with_text_hash(self, text_sha256: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE text_sha256=? ORDER BY seq LIMIT 1",
                                (text_sha256,)).fetchone()
        return row[0] if row else None

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return _row_to_document(row) if row else None

    def iter_documents(self, ids: Iterable[str] | None = None, *, where: str = "",
                       params: tuple = ()) -> Iterator[Document]:
        if ids is not None:
            for i in ids:
                d = self.get_document(i)
                if d is not None:
                    yield d
            return
        # Page by seq so a 100k-document store is never held in memory at once and
        # the caller may write to the store between documents.
        last = -1
        cond = f"({where}) AND " if where else ""
        while True:
            rows = self.conn.execute(f"SELECT * FROM documents WHERE {cond}seq > ? ORDER BY seq LIMIT 500",
                                     (*params, last)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _row_to_document(row)
            last = rows[-1]["seq"]

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY seq")]

    def count_documents(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def duplicates_of(self, doc_id: str) -> list[tuple[str, str, float | None]]:
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT id, duplicate_kind, duplicate_score FROM documents WHERE duplicate_of=? ORDER BY seq",
            (doc_id,))]

    # -- spans and stage runs ----------------------------------------------------------
    def stage_run(self, doc_id: str, stage: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM stage_runs WHERE doc_id=? AND stage=?",
                                 (doc_id, stage)).fetchone()

    def stage_runs_for(self, stage: str) -> dict[str, tuple[str, str, str]]:
        """doc_id -> (version, text_sha256, status) for one stage, for cache checks in bulk."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.conn.execute(
            "SELECT doc_id, version, text_sha256, status FROM stage_runs WHERE stage=?", (stage,))}

    def stage_ran_at(self, stage: str) -> dict[str, str]:
        """doc_id -> when the stage last computed the document's results (a recomputation, forced or
        not, changes it), so corpus stages see a document whose results were rewritten as changed."""
        return dict(self.conn.execute("SELECT doc_id, ran_at FROM stage_runs WHERE stage=?", (stage,)))

    def save_stage_result(self, doc_id: str, stage: str, version: str, text_sha256: str,
                          spans: list[Span], duration_ms: float, status: str = "ok") -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM spans WHERE doc_id=? AND stage=?", (doc_id, stage))
            self.conn.executemany(
                'INSERT INTO spans(doc_id, layer, label, start, "end", stage, stage_version, score, attrs)'
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [(doc_id, s.layer, s.label, s.start, s.end, s.stage, s.stage_version, float(s.score),
                  json.dumps(s.attrs, ensure_ascii=False, default=str)) for s in spans])
            self._set_run(doc_id, stage, version, text_sha256, status, len(spans), duration_ms)
            self.conn.execute("DELETE FROM failures WHERE doc_id=? AND stage=?", (doc_id, stage))

    def save_stage_failure(self, doc: Document, stage: str, version: str, code: str, message: str,
                           duration_ms: float) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM spans WHERE doc_id=? AND stage=?", (doc.id, stage))
            self._set_run(doc.id, stage, version, doc.text_sha256, "failed", 0, duration_ms)
            self.record_failure(Failure(doc.locator, stage, code, message, doc.id, doc.raw_sha256))

    def _set_run(self, doc_id: str, stage: str, version: str, text_sha256: str, status: str,
                 n_spans: int, duration_ms: float) -> None:
        self.conn.execute(
            "INSERT INTO stage_runs(doc_id, stage, version, text_sha256, status, n_spans, duration_ms, ran_at)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(doc_id, stage) DO UPDATE SET version=excluded.version,"
            " text_sha256=excluded.text_sha256, status=excluded.status, n_spans=excluded.n_spans,"
            " duration_ms=excluded.duration_ms, ran_at=excluded.ran_at",
            # to the microsecond: a forced re-run within the same second still reads as a new result
            (doc_id, stage, version, text_sha256, status, n_spans, duration_ms,
             datetime.now(timezone.utc).isoformat(timespec="microseconds")))

    def spans(self, doc_id: str, layers: Iterable[str] | None = None) -> list[Span]:
        sql = 'SELECT layer, label, start, "end", stage, stage_version, score, attrs FROM spans WHERE doc_id=?'
        params: list[Any] = [doc_id]
        if layers is not None:
            layers = list(layers)
            sql += f" AND layer IN ({','.join('?' * len(layers))})"
            params += layers
        sql += ' ORDER BY start, "end" DESC, id'
        return [Span(r[2], r[3], r[0], r[1], r[4], r[5], r[6], json.loads(r[7]))
                for r in self.conn.execute(sql, params)]

    def layers(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT layer FROM spans ORDER BY layer")]

    # -- failures ---------------------------------------------------------------
    def record_failure(self, f: Failure) -> None:
        self.conn.execute(
            "INSERT INTO failures(locator, doc_id, stage, code, message, raw_sha256, at) VALUES (?,?,?,?,?,?,?)"
            " ON CONFLICT(locator, doc_id, stage) DO UPDATE SET code=excluded.code, message=excluded.message,"
            " raw_sha256=excluded.raw_sha256, at=excluded.at",
            (f.locator, f.doc_id or "", f.stage, f.code, _cap(f.message), f.raw_sha256, f.at or now()))

    def clear_input_failures(self, locator: str) -> None:
        """An input that now reads cleanly drops its earlier read-time failures."""
        self.conn.execute("DELETE FROM failures WHERE doc_id='' AND (locator=? OR locator LIKE ?)",
                          (locator, locator + "#%"))

    def failures(self, limit: int | None = None) -> list[Failure]:
        sql = "SELECT locator, stage, code, message, doc_id, raw_sha256, at FROM failures ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [Failure(r[0], r[1], r[2], r[3], r[4] or None, r[5], r[6]) for r in self.conn.execute(sql)]

    # -- near-duplicate signatures -------------------------------------------------------
    def save_signature(self, doc_id: str, n_shingles: int, signature: bytes) -> None:
        self.conn.execute("INSERT OR REPLACE INTO minhashes(doc_id, n_shingles, signature) VALUES (?,?,?)",
                          (doc_id, n_shingles, signature))

    def iter_signatures(self) -> Iterator[tuple[str, int, bytes]]:
        for r in self.conn.execute("SELECT m.doc_id, m.n_shingles, m.signature FROM minhashes m"
                                   " JOIN documents d ON d.id=m.doc_id ORDER BY d.seq"):
            yield r[0], r[1], bytes(r[2])

    # -- corpus stage runs ---------------------------------------------------------
    def corpus_run(self, stage: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM corpus_runs WHERE stage=?", (stage,)).fetchone()

    def save_corpus_run(self, stage: str, version: str, fingerprint: str, status: str, summary: dict,
                        doc_state: dict, duration_ms: float) -> None:
        self.conn.execute(
            "INSERT INTO corpus_runs(stage, version, fingerprint, status, summary, doc_state, duration_ms, ran_at)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(stage) DO UPDATE SET version=excluded.version,"
            " fingerprint=excluded.fingerprint, status=excluded.status, summary=excluded.summary,"
            " doc_state=excluded.doc_state, duration_ms=excluded.duration_ms, ran_at=excluded.ran_at",
            (stage, version, fingerprint, status, json.dumps(summary, ensure_ascii=False, default=str),
             json.dumps(doc_state), duration_ms, now()))

    # -- search and statistics -------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search in the query language (store/query.py); a bad query raises QueryError."""
        from .find import find
        return find(self.conn, query, limit=limit)["items"]

    def stats(self) -> dict[str, Any]:
        q = self.conn.execute
        month = "CASE WHEN published IS NULL THEN 'unknown' ELSE substr(published, 1, 7) END"
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "duplicates": q("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "inputs": q("SELECT count(*) FROM inputs").fetchone()[0],
            "raw_bytes": q("SELECT coalesce(sum(size), 0) FROM raw_blobs").fetchone()[0],
            "spans": q("SELECT count(*) FROM spans").fetchone()[0],
            "failures": q("SELECT count(*) FROM failures").fetchone()[0],
            "by_outlet": _pairs(q("SELECT coalesce(outlet, 'unknown'), count(*) FROM documents"
                                  " GROUP BY 1 ORDER BY 2 DESC, 1")),
            "by_language": _pairs(q("SELECT coalesce(language, 'unknown'), count(*) FROM documents"
                                    " GROUP BY 1 ORDER BY 2 DESC, 1")),
            "by_month": _pairs(q(f"SELECT {month}, count(*) FROM documents GROUP BY 1 ORDER BY 1")),
            "by_layer": _pairs(q("SELECT layer, count(*) FROM spans GROUP BY 1 ORDER BY 1")),
            "stage_runs": [dict(r) for r in q(
                "SELECT stage, version, status, count(*) AS documents, round(sum(duration_ms), 1) AS ms"
                " FROM stage_runs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")],
            "corpus_runs": [dict(r) for r in q(
                "SELECT stage, version, status, round(duration_ms, 1) AS ms, ran_at FROM corpus_runs ORDER BY 1")],
        }


def _cap(message: str, limit: int = 4000) -> str:
    """A failure message is read by people: long ones (a quoted 50 MB URL) are cut."""
    return message if len(message) <= limit else message[:limit] + f" ...[{len(message):,} chars]"


def _json(obj: Any) -> str:
    """JSON text SQLite can store: a lone surrogate from a hostile input is kept as an escape."""
    text = json.dumps(obj, ensure_ascii=False, default=str)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return json.dumps(obj, ensure_ascii=True, default=str)


def _pairs(cur: sqlite3.Cursor) -> list[tuple[Any, int]]:
    return [(r[0], r[1]) for r in cur]


def _s(v: Any) -> str | None:
    return None if v is None else str(v)


def _row_to_document(row: sqlite3.Row) -> Document:
    meta = {k: MetaField.from_dict(v) for k, v in json.loads(row["meta"]).items()}
    return Document(id=row["id"], locator=row["locator"], reader=row["reader"], raw_sha256=row["raw_sha256"],
                    text=row["text"], meta=meta, removed=json.loads(row["removed"]),
                    extra=json.loads(row["extra"]), duplicate_of=row["duplicate_of"],
                    duplicate_kind=row["duplicate_kind"], duplicate_score=row["duplicate_score"],
                    seq=row["seq"])


def _split_sql(sql: str) -> list[str]:
    """Split a migration script into statements (trigger bodies stay whole)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and (not line.strip() or line.strip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
