"""Search over the store with the query language (query.py), narrowed by an SQL condition
(a story's scope: store/stories.py).

Hits are ranked by bm25 over the normalised index; the total counts every match (up to
``COUNT_CAP``). Snippets are cut with bounded work per hit (snippet.py).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .query import Query, parse
from .snippet import snippet
from .terms import phrase_forms

COUNT_CAP = 100_000
_COLS = "d.seq, d.id, d.title, d.outlet, d.published, d.language, d.url"


def find(conn: sqlite3.Connection, text: str | Query, *, limit: int = 20, offset: int = 0,
         within: tuple[str, list[Any]] = ("1", [])) -> dict[str, Any]:
    """{"query", "total", "total_capped", "items": [{id, title, outlet, published, language, url, snippet}]};
    ``within``: an SQL condition on documents ``d`` and its parameters."""
    q = text if isinstance(text, Query) else parse(text)
    where, params = q.where("d")
    s_where, s_params = within
    where, params = f"{where} AND {s_where}", [*params, *s_params]
    if q.match is None:
        base = f"FROM documents d WHERE {where}"
        order, args = "d.published DESC, d.seq DESC", params
    else:
        base = (f"FROM documents_terms t JOIN documents d ON d.seq = t.rowid"
                f" WHERE documents_terms MATCH ? AND {where}")
        order, args = "bm25(documents_terms), d.seq DESC", [q.match, *params]
    total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP})", args).fetchone()[0]
    rows = conn.execute(f"SELECT {_COLS} {base} ORDER BY {order} LIMIT ? OFFSET ?",
                        (*args, int(limit), int(offset))).fetchall()
    items, marked = [], highlight_terms(q.words)
    for r in rows:
        hit = {k: r[k] for k in ("id", "title", "outlet", "published", "language", "url")}
        hit["snippet"] = snippet(conn, r["seq"], marked, substring=True) if marked else ""
        items.append(hit)
    return {"query": q.text, "total": total, "total_capped": total >= COUNT_CAP, "items": items}


def highlight_terms(words: list[str]) -> list[str]:
    """What to mark in a snippet for each query word: the shortest of its normal forms that starts it
    (so "Курск" marks "Курской", "liberation" marks "liberated"), else the word itself."""
    out = []
    for w in words:
        if w.endswith("*"):
            out.append(w[:-1])
            continue
        low = w.lower()
        cands = [f[0] for f in phrase_forms([w]) if len(f) == 1 and len(f[0]) >= 3 and low.startswith(f[0])]
        out.append(min(cands, key=len) if cands else w)
    return out
