"""Reading actors and what they are reported to say, from a store the ``actors`` stage has built.

The CLI (``newsprism actors``, ``newsprism voices ACTOR``), the report and the
web app call these functions; nothing here prints.
"""

from __future__ import annotations

import json
from typing import Any

from ..store import Store
from .registry import Registry, default_registry


def list_actors(store: Store, *, include_unmentioned: bool = False, type_: str | None = None,
                limit: int | None = None) -> list[dict[str, Any]]:
    """Actors with their aliases (registry and observed) and mention counts, most mentioned first."""
    where = [] if include_unmentioned else ["(mentions > 0 OR attributions > 0)"]
    params: list[Any] = []
    if type_:
        where.append("type = ?")
        params.append(type_)
    sql = ("SELECT * FROM actors" + (f" WHERE {' AND '.join(where)}" if where else "")
           + " ORDER BY mentions + attributions DESC, name" + (f" LIMIT {int(limit)}" if limit else ""))
    out = []
    for r in store.conn.execute(sql, params).fetchall():
        d = dict(r)
        d["state_affiliated"] = None if d["state_affiliated"] is None else bool(d["state_affiliated"])
        d["aliases"] = [{"alias": a, "source": s, "n": n} for a, s, n in store.conn.execute(
            "SELECT alias, source, n FROM actor_aliases WHERE actor_id=? ORDER BY n DESC, alias", (d["id"],))]
        out.append(d)
    return out


def find_actor(store: Store, query: str, registry: Registry | None = None) -> str | None:
    """An actor id from an id, a name or alias in any script, or an observed spelling."""
    q = query.strip()
    if store.conn.execute("SELECT 1 FROM actors WHERE id=?", (q,)).fetchone():
        return q
    m = (registry or default_registry()).lookup(q)
    if m:
        return m.actor.id
    row = store.conn.execute("SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE "
                             "ORDER BY n DESC LIMIT 1", (q,)).fetchone()
    if row:
        return row[0]
    row = store.conn.execute("SELECT id FROM actors WHERE name LIKE ? ORDER BY mentions DESC LIMIT 1",
                             (f"%{q}%",)).fetchone()
    return row[0] if row else None


def voices_of(store: Store, actor_id: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """What an actor is reported to have said: content, cue, stance, confidence, document, and who relayed it."""
    names = dict(store.conn.execute("SELECT id, name FROM actors").fetchall())
    # Only the quoted slice of each text is read, and LIMIT applies in SQL: the most
    # quoted actors have thousands of statements in a large store.
    rows = store.conn.execute(
        'SELECT m.doc_id, m.start, m."end", d.title, d.outlet, d.published, d.url, d.locator,'
        ' substr(d.text, m.start + 1, m."end" - m.start)'
        " FROM actor_mentions m JOIN documents d ON d.id = m.doc_id"
        " WHERE m.actor_id = ? AND m.layer = 'attribution' ORDER BY d.published, d.seq, m.start"
        + (" LIMIT ?" if limit else ""), (actor_id, int(limit)) if limit else (actor_id,)).fetchall()
    out = []
    for doc_id, start, end, title, outlet, published, url, locator, content in rows:
        span = store.conn.execute(
            "SELECT label, attrs, score FROM spans WHERE doc_id=? AND layer='attribution' AND start=? AND \"end\"=?",
            (doc_id, start, end)).fetchone()
        a = json.loads(span[1]) if span else {}
        out.append({"doc_id": doc_id, "title": title, "outlet": outlet, "published": published,
                    "link": url or locator, "start": start, "end": end, "content": content,
                    "kind": span[0] if span else None, "confidence": span[2] if span else None,
                    "cue": a.get("cue_text"), "stance": a.get("stance"),
                    "speaker_text": a.get("speaker_text"), "refers_to": a.get("refers_to_text"),
                    "via": [{"id": v, "name": names.get(v, v)} for v in a.get("via", [])]})
    return out
