"""Stories: named scopes of documents (a saved query and/or a list of documents) and the one
resolver every view uses to limit itself to a story's documents.

A story's documents are those its query matches (store/query.py: words, phrases, OR, NOT, prefixes,
NEAR, outlet:, lang:, dates) together with the documents listed by id. ``scope(conn, name)``
turns a story into an SQL condition on a document-id column, so claims, voices, framing,
narratives, the timeline, search, the report, export and the web pages all read one definition.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..errors import NewsprismError
from ..outlets import UNKNOWN_SQL
from .query import QueryError, parse

MAX_NAME = 80


class StoryError(NewsprismError):
    code = "NP710"
    hint = "list the stories with `newsprism story list`; add one with `newsprism story add NAME --query ...`"


@dataclass
class Story:
    name: str
    query: str | None = None
    doc_ids: list[str] = field(default_factory=list)
    description: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or any(ord(c) < 32 for c in name):
        raise StoryError(f"a story name is 1 to {MAX_NAME} printable characters")
    return name


def save(conn: sqlite3.Connection, name: str, query: str | None = None, doc_ids: list[str] | None = None,
         description: str | None = None) -> Story:
    """Create or replace a story; its query is checked first (a QueryError names the problem)."""
    name = _check_name(name)
    query = (query or "").strip() or None
    ids = list(dict.fromkeys(i for i in (doc_ids or []) if i))
    if query is None and not ids:
        raise StoryError("a story needs a query or at least one document")
    if query is not None:
        parse(query)
    missing = [i for i in ids if conn.execute("SELECT 1 FROM documents WHERE id=?", (i,)).fetchone() is None]
    if missing:
        raise StoryError(f"no document {missing[0]!r} in the store" + (f" (and {len(missing) - 1} more)"
                                                                        if len(missing) > 1 else ""))
    t = _now()
    conn.execute("INSERT INTO stories(name, query, doc_ids, description, created_at, updated_at)"
                 " VALUES (?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET query=excluded.query,"
                 " doc_ids=excluded.doc_ids, description=excluded.description, updated_at=excluded.updated_at",
                 (name, query, json.dumps(ids), description, t, t))
    return get(conn, name)


def get(conn: sqlite3.Connection, name: str) -> Story:
    row = conn.execute("SELECT name, query, doc_ids, description, created_at, updated_at FROM stories"
                       " WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise StoryError(f"no story named {name!r}")
    return Story(row[0], row[1], json.loads(row[2] or "[]"), row[3], row[4], row[5])


def all_stories(conn: sqlite3.Connection) -> list[Story]:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name='stories'").fetchone() is None:
        return []
    return [get(conn, r[0]) for r in conn.execute("SELECT name FROM stories ORDER BY name")]


def remove(conn: sqlite3.Connection, name: str) -> None:
    get(conn, name)
    conn.execute("DELETE FROM stories WHERE name = ?", (name,))


def matching_seqs(conn: sqlite3.Connection, query: str) -> list[int]:
    """Arrival numbers of every document a query matches (no window: a story is its whole scope)."""
    q = parse(query)
    where, params = q.where("d")
    if q.match is None:
        return [r[0] for r in conn.execute(f"SELECT d.seq FROM documents d WHERE {where}", params)]
    return [r[0] for r in conn.execute(
        f"SELECT d.seq FROM documents_terms t JOIN documents d ON d.seq = t.rowid"
        f" WHERE documents_terms MATCH ? AND {where}", (q.match, *params))]


def document_ids(conn: sqlite3.Connection, name: str) -> list[str]:
    """The story's documents (ids, in arrival order)."""
    s = get(conn, name)
    seqs = set(matching_seqs(conn, s.query)) if s.query else set()
    if s.doc_ids:
        seqs |= {r[0] for r in conn.execute("SELECT seq FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                                            (json.dumps(s.doc_ids),))}
    return [r[0] for r in conn.execute("SELECT id FROM documents WHERE seq IN (SELECT value FROM json_each(?))"
                                       " ORDER BY seq", (json.dumps(sorted(seqs)),))]


def scope(conn: sqlite3.Connection, name: str | None, column: str = "doc_id") -> tuple[str, list[Any]]:
    """SQL condition limiting ``column`` (a document id) to the story's documents; ("1", []) for none."""
    sqls, params = scopes(conn, name, column)
    return sqls[0], params


def scopes(conn: sqlite3.Connection, name: str | None, *columns: str) -> tuple[list[str], list[Any]]:
    """One condition per column, all taking the same parameters (the story is resolved once)."""
    if not name:
        return ["1"] * len(columns), []
    return [f"{c} IN (SELECT value FROM json_each(?))" for c in columns], [json.dumps(document_ids(conn, name))]


def check_query(text: str) -> str | None:
    """The one-line problem with a query, or None when it parses."""
    try:
        parse(text)
    except QueryError as exc:
        return exc.message
    return None


MAX_MONTHS = 36       # a longer span is charted by year


def _axis(keys: set[str]) -> list[str]:
    """The time axis over ``keys`` (YYYY-MM months, YYYY years, "undated" last): every month or year from the
    first to the last, those without documents too, so that a gap in the coverage shows as a gap."""
    months = sorted(k for k in keys if re.fullmatch(r"\d{4}-\d{2}", k))
    years = sorted(k for k in keys if re.fullmatch(r"\d{4}", k))
    filled: list[str] = []
    if months:
        y, m = int(months[0][:4]), int(months[0][5:7])
        while f"{y:04d}-{m:02d}" <= months[-1]:
            filled.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    elif years:
        filled = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    rest = sorted(k for k in keys if k not in filled and k != "undated")
    return sorted(set(filled) | set(rest)) + (["undated"] if "undated" in keys else [])


def story_volume(conn: sqlite3.Connection, name: str | None, top: int = 8) -> dict:
    """{"documents", "months": [...], "series": {outlet: [n per month]}}: first copies only, the
    ``top`` outlets with most documents, the rest summed as "other outlets"."""
    where, params = scope(conn, name, "id")
    rows = conn.execute(f"SELECT coalesce(outlet, {UNKNOWN_SQL}), coalesce(substr(published, 1, 7), 'undated'),"
                        f" count(*) FROM documents WHERE {where} AND duplicate_of IS NULL GROUP BY 1, 2",
                        params).fetchall()
    by_outlet: dict[str, int] = {}
    for o, _, n in rows:
        by_outlet[o] = by_outlet.get(o, 0) + n
    keep = sorted(by_outlet, key=lambda o: (-by_outlet[o], o))[:top]
    months = _axis({m for _, m, _ in rows})
    if len(months) > MAX_MONTHS:                     # years of coverage: one column a year
        rows = [(o, m[:4] if m != "undated" else m, n) for o, m, n in rows]
        months = _axis({m for _, m, _ in rows})
    idx = {m: i for i, m in enumerate(months)}
    series: dict[str, list[int]] = {o: [0] * len(months) for o in keep}
    for o, m, n in rows:
        key = o if o in series else "other outlets"
        series.setdefault(key, [0] * len(months))[idx[m]] += n
    return {"documents": sum(by_outlet.values()), "months": months, "series": series}
