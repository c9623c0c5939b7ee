"""Web-specific reads: per-thread read-only connections, filtered lists, cached aggregates.

The web app never writes through these connections (``PRAGMA query_only``).
Each worker thread keeps one connection (sqlite3 connections are cheap to keep
and costly to open per request). Aggregates that scan the whole store
(overview counts, outlet profiles) are cached until the database files change
on disk, so a 100k-document store answers them from memory after the first
request.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections import OrderedDict
import time
from dataclasses import dataclass
from typing import Any, Callable

from ..store.snippet import snippet
from ..outlets import UNKNOWN_SQL
from ..store.sqlite import _CJK, Store

MAX_LIMIT = 200
# Map the whole store (up to 16 GiB) so reads of a multi-GB store are memory reads, not read() calls.
MMAP_SIZE = 16 << 30
MAX_OFFSET = 10_000
DEFAULT_LIMIT = 50
COUNT_CAP = MAX_OFFSET + MAX_LIMIT
# Search ranks (bm25) the most recent matches only, so a common word costs the same as a rare one.
SEARCH_WINDOW = 2000
# A filter matching at most this many documents restricts full-text matching to them (see search()).
SELECTIVE_FILTER = 20_000
# An actor or technique filter with at most this many index entries is planned from its list (DocFilter.where).
NARROW_ROWS = 5000


class ReadStore(Store):
    """The store's read API over a query-only connection (no migrations, no writes)."""

    def __init__(self, path: str):  # noqa: D107 - Store.read_only's connection, with the web's cache pragmas
        self._open_read_only(path, 10.0, threads=True)
        self.conn.execute("PRAGMA cache_size=-32000")
        self.conn.execute(f"PRAGMA mmap_size={MMAP_SIZE}")
        self.conn.execute("PRAGMA temp_store=MEMORY")
        # the first read creates the WAL file when no other connection has: do it now, so the
        # files' state that keys the aggregate cache does not change under the first computation
        self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()


class StorePool:
    """One ReadStore per thread, plus a cache of whole-store aggregates keyed on the files' state."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple, Any]] = {}
        self._key_lock: dict[str, threading.Lock] = {}
        self._all: list[ReadStore] = []
        self._items: dict[str, OrderedDict] = {}

    def get(self) -> ReadStore:
        st = getattr(self._local, "store", None)
        if st is None:
            st = ReadStore(self.path)
            self._local.store = st
            with self._lock:
                self._all.append(st)
        return st

    def version(self) -> tuple:
        """Changes whenever a writer commits (the main file or its WAL changes); cheap to read."""
        out = []
        for suffix in ("", "-wal"):
            try:
                s = os.stat(self.path + suffix)
                out.append((s.st_size, s.st_mtime_ns))
            except OSError:
                out.append(None)
        return tuple(out)

    def cached(self, key: str, compute: Callable[[ReadStore], Any]) -> Any:
        """``compute(store)`` once per store state; concurrent callers wait for one computation."""
        st = self.get()
        ver = self.version()
        hit = self._cache.get(key)
        if hit and hit[0] == ver:
            return hit[1]
        with self._lock:
            lock = self._key_lock.setdefault(key, threading.Lock())
        with lock:
            hit = self._cache.get(key)
            if hit and hit[0] == ver:
                return hit[1]
            value = compute(st)
            self._cache[key] = (ver, value)
            return value

    def cached_item(self, group: str, key: str, compute: Callable[[ReadStore], Any], maxsize: int = 256) -> Any:
        """Like ``cached`` for per-item results (one claim group, ...): the ``maxsize`` most recently used
        items of ``group`` are kept, dropped all at once when the store changes."""
        st = self.get()
        ver = self.version()
        with self._lock:
            lru = self._items.setdefault(group, OrderedDict())
            if lru.get("\0ver") != ver:
                lru.clear()
                lru["\0ver"] = ver
            elif key in lru:
                lru.move_to_end(key)
                return lru[key]
        value = compute(st)
        with self._lock:
            if lru.get("\0ver") == ver:
                lru[key] = value
                while len(lru) > maxsize + 1:
                    oldest = next(k for k in lru if k != "\0ver")
                    del lru[oldest]
        return value

    def interrupt(self) -> None:
        """Abort the queries running now on every connection (at shutdown)."""
        with self._lock:
            for st in self._all:
                try:
                    st.conn.interrupt()
                except sqlite3.Error:
                    pass

    def close(self) -> None:
        with self._lock:
            for st in self._all:
                try:
                    st.conn.close()
                except sqlite3.Error:
                    pass
            self._all.clear()


def clamp(limit: int | None, offset: int | None) -> tuple[int, int]:
    limit = DEFAULT_LIMIT if limit is None else max(1, min(int(limit), MAX_LIMIT))
    offset = 0 if offset is None else max(0, min(int(offset), MAX_OFFSET))
    return limit, offset


@dataclass
class DocFilter:
    """Filters shared by the documents list and search."""

    outlet: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    technique: str | None = None
    duplicates: bool = True
    story: str | None = None

    def where(self, alias: str = "d", st: "ReadStore | None" = None) -> tuple[str, list[Any]]:
        """SQL condition and parameters. Given the store, an actor or technique filter naming few
        documents (at most ``NARROW_ROWS`` index entries) is written as ``id IN (list)``, so the
        planner starts from that short list; a common one stays a per-document ``EXISTS`` probe, so
        newest-first pages stop early. Same documents either way."""
        narrow_actor = st is not None and self.actor and _few(
            st, "SELECT 1 FROM actor_mentions WHERE actor_id = ?", self.actor)
        narrow_technique = st is not None and self.technique and _few(
            st, "SELECT 1 FROM spans WHERE layer = 'technique' AND label = ?", self.technique)
        parts: list[str] = []
        params: list[Any] = []
        if self.outlet:
            parts.append(f"{alias}.outlet = ?")
            params.append(self.outlet)
        if self.language:
            parts.append(f"{alias}.language = ?")
            params.append(self.language)
        if self.date_from:
            parts.append(f"{alias}.published >= ?")
            params.append(self.date_from)
        if self.date_to:
            parts.append(f"{alias}.published <= ?")
            params.append(self.date_to + "\uffff")   # the whole day (or month) named is included
        if not self.duplicates:
            parts.append(f"{alias}.duplicate_of IS NULL")
        if self.actor:
            parts.append(f"{alias}.id IN (SELECT doc_id FROM actor_mentions WHERE actor_id = ?)" if narrow_actor else
                         f"EXISTS (SELECT 1 FROM actor_mentions m WHERE m.doc_id = {alias}.id AND m.actor_id = ?)")
            params.append(self.actor)
        if self.technique:
            parts.append(f"{alias}.id IN (SELECT doc_id FROM spans WHERE layer = 'technique' AND label = ?)"
                         if narrow_technique else
                         f"EXISTS (SELECT 1 FROM spans s WHERE s.layer = 'technique' AND s.label = ?"
                         f" AND s.doc_id = {alias}.id)")
            params.append(self.technique)
        if self.story and st is not None:
            from ..store.stories import scope
            sql, ps = scope(st.conn, self.story, f"{alias}.id")
            parts.append(sql)
            params.extend(ps)
        return (" AND ".join(parts) or "1"), params

    def as_params(self) -> dict[str, str]:
        out = {k: v for k, v in (("outlet", self.outlet), ("language", self.language),
                                 ("date_from", self.date_from), ("date_to", self.date_to),
                                 ("actor", self.actor), ("technique", self.technique),
                                 ("story", self.story)) if v}
        if not self.duplicates:
            out["duplicates"] = "false"
        return out


def _few(st: "ReadStore", sql: str, param: Any) -> bool:
    """Whether ``sql`` (an index range) has at most ``NARROW_ROWS`` rows; reads at most one more."""
    return st.conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {NARROW_ROWS + 1})", (param,)).fetchone()[0] <= NARROW_ROWS


_DOC_COLS = ("d.id, d.seq, d.title, d.outlet, d.published, d.language, d.duplicate_of, d.duplicate_kind,"
             " length(d.text) AS n_chars, substr(d.text, 1, 160) AS lead")


def list_documents(st: ReadStore, f: DocFilter, limit: int, offset: int, sort: str = "published") -> dict:
    """A page of documents (newest first, or in arrival order) and the total matching."""
    where, params = f.where(st=st)
    order = "d.published DESC, d.seq DESC" if sort == "published" else "d.seq DESC"
    rows = st.conn.execute(f"SELECT {_DOC_COLS} FROM documents d WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                           (*params, limit, offset)).fetchall()
    if not params:
        total = st.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    else:   # counted up to what paging can reach, so a broad filter never scans the whole store twice
        total = st.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM documents d WHERE {where} LIMIT ?)",
                                (*params, COUNT_CAP)).fetchone()[0]
    return {"total": total, "total_capped": total >= COUNT_CAP, "items": [_doc_row(r) for r in rows]}


def _doc_row(r: sqlite3.Row) -> dict:
    d = dict(r)
    d.pop("seq", None)
    lead = d.pop("lead", "") or ""
    d["title_inferred"] = not (d.get("title") or "").strip()
    if d["title_inferred"]:
        words = lead.split()
        d["title"] = " ".join(words[:12]) + (" …" if len(words) > 12 else "") or "(empty text)"
    return d


def fts_terms(query: str) -> list[str]:
    """The words of a query (at most 12), as search matches them."""
    return [t for t in re.findall(r"\w+", query, flags=re.UNICODE) if t][:12]


def fts_match(query: str) -> tuple[str, str] | None:
    """(table, MATCH expression) for plain words; FTS5 syntax is never exposed to users."""
    terms = fts_terms(query)
    if not terms:
        return None
    table = "documents_trigram" if _CJK.search(query) and all(len(t) >= 3 for t in terms) else "documents_fts"
    return table, " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(st: ReadStore, query: str, f: DocFilter, limit: int, offset: int) -> dict:
    """Full-text hits with snippets, best first, narrowed by the filters; total counted up to a cap.

    The query language is store/query.py's (a QueryError names what it cannot read). The hits
    ranked are the ``SEARCH_WINDOW`` most recent matches (highest seq) that pass the filters,
    ranked by bm25. The plan depends on how narrow the filters are (see ``_search_window``).
    """
    from ..store.find import highlight_terms
    from ..store.query import parse
    q = parse(query)
    if q.match is None and not q.filters:
        return {"total": 0, "total_capped": False, "items": []}
    extra = q.where("d")
    if q.match is None:        # field filters alone: the newest documents passing them
        where, params = f.where(st=st)
        rows = st.conn.execute(f"SELECT d.seq, 0.0 FROM documents d WHERE {where} AND {extra[0]}"
                               f" ORDER BY d.seq DESC LIMIT {SEARCH_WINDOW}", (*params, *extra[1])).fetchall()
        window = [(r[0], r[1]) for r in rows]
    else:
        window = _search_window(st, "documents_terms", q.match, f, extra)   # [(seq, score)], most recent first
    ranked = sorted(window, key=lambda r: (r[1], -r[0]))[offset:offset + limit]
    seqs = [r[0] for r in ranked]
    rows = []
    if seqs:
        got = {r["seq"]: r for r in st.conn.execute(
            f"SELECT {_DOC_COLS} FROM documents d WHERE d.seq IN ({','.join('?' * len(seqs))})", seqs)}
        rows = [got[s] for s in seqs if s in got]
    total = len(window)
    items = []
    terms = highlight_terms(q.words)
    for r in rows:   # bounded work per hit whatever the document holds (store/snippet.py), not FTS5's snippet()
        d = _doc_row(r)
        d["snippet"] = split_snippet(snippet(st.conn, r["seq"], terms, substring=True,
                                             marks=("\x02", "\x03"))) if terms else []
        items.append(d)
    return {"total": total, "total_capped": total >= SEARCH_WINDOW, "items": items}


def _search_window(st: ReadStore, table: str, expr: str, f: DocFilter,
                   extra: tuple[str, list[Any]] = ("1", [])) -> list[tuple[int, float]]:
    """The ``SEARCH_WINDOW`` most recent (seq, bm25) matches passing the filters, most recent first.

    No filter or a broad one: FTS5 walks its matches newest first and stops after the window
    (a broad filter lets most of them through). A narrow filter (at most ``SELECTIVE_FILTER``
    documents, found through the documents indexes): the candidates are listed first and the
    matches restricted to them inside one FTS5 scan. ``+rowid`` keeps the restriction out of
    FTS5's own rowid lookups: a lookup per candidate costs a fresh cursor (and bm25's whole-index
    statistics) each, seconds for a common word; one scan costs milliseconds.
    """
    where, params = f.where(st=st)
    where, params = f"{where} AND {extra[0]}", [*params, *extra[1]]
    if params:
        cands = [r[0] for r in st.conn.execute(f"SELECT d.seq FROM documents d WHERE {where} LIMIT ?",
                                               (*params, SELECTIVE_FILTER + 1))]
        if len(cands) <= SELECTIVE_FILTER:
            if not cands:
                return []
            got = st.conn.execute(
                f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ?"
                f" AND +rowid IN (SELECT value FROM json_each(?))", (expr, json.dumps(cands))).fetchall()
            got.sort(key=lambda r: -r[0])
            return [(r[0], r[1]) for r in got[:SEARCH_WINDOW]]
        sql = (f"SELECT {table}.rowid, bm25({table}) FROM {table} JOIN documents d ON d.seq = {table}.rowid"
               f" WHERE {table} MATCH ? AND {where} ORDER BY {table}.rowid DESC LIMIT {SEARCH_WINDOW}")
        return [(r[0], r[1]) for r in st.conn.execute(sql, (expr, *params))]
    sql = (f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ?"
           f" ORDER BY rowid DESC LIMIT {SEARCH_WINDOW}")
    return [(r[0], r[1]) for r in st.conn.execute(sql, (expr,))]


def split_snippet(s: str) -> list[dict]:
    """Snippet as [{"text", "hit"}] pieces so templates can mark hits without trusting markup."""
    out, hit = [], False
    for piece in re.split("([\x02\x03])", s):
        if piece == "\x02":
            hit = True
        elif piece == "\x03":
            hit = False
        elif piece:
            out.append({"text": piece, "hit": hit})
    return out


def table_exists(st: ReadStore, name: str) -> bool:
    return st.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def has_rows(st: ReadStore, table: str) -> bool:
    return table_exists(st, table) and st.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def filter_choices(st: ReadStore) -> dict:
    """Outlets, languages and techniques present, for filter drop-downs (cached by the caller)."""
    q = st.conn.execute
    return {
        "outlets": [r[0] for r in q("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY 1")],
        "languages": [r[0] for r in q("SELECT DISTINCT language FROM documents WHERE language IS NOT NULL ORDER BY 1")],
        "techniques": [r[0] for r in q("SELECT DISTINCT label FROM spans WHERE layer='technique' ORDER BY 1")],
        "stories": [r[0] for r in q("SELECT name FROM stories ORDER BY 1")] if table_exists(st, "stories") else [],
    }


def layer_counts(st: ReadStore) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in st.conn.execute("SELECT layer, count(*) FROM spans GROUP BY 1 ORDER BY 1")]


def technique_counts(st: ReadStore) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in st.conn.execute(
        "SELECT label, count(*) FROM spans WHERE layer='technique' GROUP BY 1 ORDER BY 2 DESC, 1")]


def doc_failures(st: ReadStore, doc_id: str) -> list[dict]:
    return [dict(r) for r in st.conn.execute(
        "SELECT locator, stage, code, message, at FROM failures WHERE doc_id=? ORDER BY id", (doc_id,))]


def failures_page(st: ReadStore, limit: int, offset: int, story: str | None = None) -> dict:
    """A page of failures, newest first; with a story, only those of its documents."""
    from ..store.stories import scope
    where, params = scope(st.conn, story, "doc_id")
    rows = st.conn.execute(f"SELECT id, locator, doc_id, stage, code, message, at FROM failures WHERE {where}"
                           " ORDER BY id DESC LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
    total = st.conn.execute(f"SELECT count(*) FROM failures WHERE {where}", params).fetchone()[0]
    return {"total": total, "items": [dict(r) | {"doc_id": r["doc_id"] or None} for r in rows]}


def titles(st: ReadStore, ids: list[str]) -> dict[str, str]:
    ids = list(dict.fromkeys(i for i in ids if i))[:500]
    if not ids:
        return {}
    rows = st.conn.execute(f"SELECT id, title, substr(text, 1, 80) FROM documents WHERE id IN ({','.join('?' * len(ids))})",
                           ids).fetchall()
    return {r[0]: (r[1] or (r[2] or "").strip() or r[0]) for r in rows}


def volume(st: ReadStore, bucket: str = "month", outlet: str | None = None) -> list[tuple[str, int]]:
    """Documents per month (or day) published; undated documents are counted as 'unknown'."""
    n = 10 if bucket == "day" else 7
    where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
    return [(r[0], r[1]) for r in st.conn.execute(
        f"SELECT coalesce(substr(published, 1, {n}), 'unknown'), count(*) FROM documents {where}"
        " GROUP BY 1 ORDER BY 1", params)]


def volume_by_outlet(st: ReadStore, top: int = 8) -> dict:
    """Monthly documents for the largest outlets: {"months": [...], "series": {outlet: [n per month]}}."""
    outlets = [r[0] for r in st.conn.execute(
        "SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT ?", (top,))]
    rows = st.conn.execute(
        "SELECT outlet, substr(published, 1, 7) AS m, count(*) FROM documents"
        " WHERE published IS NOT NULL AND outlet IN (%s) GROUP BY 1, 2" % ",".join("?" * len(outlets)),
        outlets).fetchall() if outlets else []
    months = sorted({r[1] for r in rows})
    series = {o: [0] * len(months) for o in outlets}
    idx = {m: i for i, m in enumerate(months)}
    for o, m, n in rows:
        series[o][idx[m]] = n
    return {"months": months, "series": series}


def outlet_sizes(st: ReadStore, within: tuple[str, list[Any]] = ("1", [])) -> dict[str, int]:
    """First copies per outlet (``within``: a condition on ``id``, e.g. a story's scope)."""
    return {r[0]: r[1] for r in st.conn.execute(
        f"SELECT coalesce(outlet, {UNKNOWN_SQL}), count(*) FROM documents WHERE duplicate_of IS NULL"
        f" AND {within[0]} GROUP BY 1", within[1])}


def timed(fn: Callable, *a, **kw) -> tuple[Any, float]:
    t = time.perf_counter()
    return fn(*a, **kw), (time.perf_counter() - t) * 1000


# -- outlets and timeline ----------------------------------------------------------------
def outlet_table(st: ReadStore, within: tuple[str, list[Any]] = ("1", [])) -> list[dict]:
    """Per outlet: documents, duplicates, languages, first and last date (``within``: a condition on ``id``)."""
    return [dict(r) for r in st.conn.execute(
        f"SELECT coalesce(outlet, {UNKNOWN_SQL}) AS outlet, count(*) AS documents,"
        " sum(duplicate_of IS NOT NULL) AS duplicates, count(DISTINCT language) AS languages,"
        f" min(published) AS first, max(published) AS last FROM documents WHERE {within[0]}"
        " GROUP BY 1 ORDER BY 2 DESC, 1", within[1])]
