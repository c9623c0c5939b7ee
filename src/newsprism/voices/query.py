"""Reading actors and what they are reported to say, from a store the ``actors`` stage has built.

The one read API of the voices feature: the CLI (``newsprism actors``, ``newsprism voices
ACTOR``), the report, the web app and the export call these functions; nothing here prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..store import Store
from .registry import Registry, default_registry


def list_actors(store: Store, *, include_unmentioned: bool = False, type_: str | None = None,
                limit: int | None = None, story: str | None = None) -> list[dict[str, Any]]:
    """Actors with their aliases (registry and observed) and mention counts, most mentioned first.
    With a story: the actors its documents mention, counted within them."""
    if story:
        counts = actor_counts_in(store, story)
        rows = [a | counts[a["id"]] for a in list_actors(store, include_unmentioned=True, type_=type_)
                if a["id"] in counts]
        rows.sort(key=lambda a: (-(a["mentions"] + a["attributions"]), a["name"]))
        return rows[:limit] if limit else rows
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


_ORDER = {"published": "d.published, d.seq, m.start", "recent": "m.rowid DESC",
          "date": "d.published DESC, d.seq DESC, m.start", "confidence": "s.score DESC, d.published DESC, m.start"}


@dataclass
class VoiceFilter:
    """Which statements: a story's documents, one outlet, a date range, a lowest confidence."""

    story: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: float | None = None

    def where(self, conn) -> tuple[str, list[Any]]:
        from ..store.stories import scope
        parts, params = [], []
        if self.story:
            sql, ps = scope(conn, self.story, "m.doc_id")
            parts.append(sql)
            params.extend(ps)
        if self.outlet:
            parts.append("d.outlet = ?")
            params.append(self.outlet)
        if self.date_from:
            parts.append("d.published >= ?")
            params.append(self.date_from)
        if self.date_to:
            parts.append("d.published <= ?")
            params.append(self.date_to + "\uffff")     # the whole day or month named
        if self.min_confidence is not None:
            parts.append("s.score >= ?")
            params.append(float(self.min_confidence))
        return " AND ".join(parts) or "1", params


def voices_of(store: Store, actor_id: str, *, limit: int | None = None, offset: int = 0,
              order: str = "published", where: VoiceFilter | None = None) -> list[dict[str, Any]]:
    """What an actor is reported to have said: content, cue, stance, confidence, document, and who relayed it.

    ``order``: ``published`` (oldest first, the CLI and the report), ``recent`` (latest stored first,
    the web app's pages), ``date`` (latest published first) or ``confidence`` (highest first);
    ``where`` narrows to a story, an outlet, dates and a lowest confidence. Only the quoted slice of each text is read and LIMIT applies in SQL: the most
    quoted actors have thousands of statements in a large store.
    """
    names = dict(store.conn.execute("SELECT id, name FROM actors").fetchall())
    cond, params = (where or VoiceFilter()).where(store.conn)
    page = " LIMIT ? OFFSET ?" if limit else ""
    rows = store.conn.execute(
        'SELECT m.doc_id, m.start, m."end", d.title, d.outlet, d.published, d.url, d.locator,'
        ' substr(d.text, m.start + 1, m."end" - m.start), s.label, s.attrs, s.score'
        " FROM actor_mentions m JOIN documents d ON d.id = m.doc_id"
        " LEFT JOIN spans s ON s.id = (SELECT x.id FROM spans x WHERE x.doc_id = m.doc_id"
        ' AND x.layer = \'attribution\' AND x.start = m.start AND x."end" = m."end" LIMIT 1)'
        f" WHERE m.actor_id = ? AND m.layer = 'attribution' AND {cond} ORDER BY {_ORDER[order]}{page}",
        (actor_id, *params, int(limit), int(offset)) if limit else (actor_id, *params)).fetchall()
    out = []
    for doc_id, start, end, title, outlet, published, url, locator, content, label, attrs, score in rows:
        a = json.loads(attrs) if attrs else {}
        out.append({"doc_id": doc_id, "title": title, "outlet": outlet, "published": published,
                    "link": url or locator, "start": start, "end": end, "content": content,
                    "kind": label, "confidence": score,
                    "cue": a.get("cue_text"), "stance": a.get("stance"),
                    "speaker_text": a.get("speaker_text"), "refers_to": a.get("refers_to_text"),
                    "via": [{"id": v, "name": names.get(v, v)} for v in a.get("via") or []]})
    return out


def actor_counts_in(store: Store, story: str) -> dict[str, dict[str, int]]:
    """Per actor, within one story's documents: mentions, reported statements, documents."""
    from ..store.stories import scope
    where, params = scope(store.conn, story)
    return {r[0]: {"mentions": r[1], "attributions": r[2], "documents": r[3]} for r in store.conn.execute(
        "SELECT actor_id, count(*), sum(layer = 'attribution'), count(DISTINCT doc_id) FROM actor_mentions"
        f" WHERE {where} GROUP BY 1", params)}


def voices_page(store: Store, actor_id: str, limit: int, offset: int, total: int | None = None,
                order: str = "recent", where: VoiceFilter | None = None) -> dict:
    """One page of ``voices_of`` (latest first unless ``order`` says otherwise) with the total (pass
    it when already known and nothing narrows the statements)."""
    if where is not None and where != VoiceFilter():
        cond, params = where.where(store.conn)
        total = store.conn.execute(
            "SELECT count(*) FROM actor_mentions m JOIN documents d ON d.id = m.doc_id"
            " LEFT JOIN spans s ON s.id = (SELECT x.id FROM spans x WHERE x.doc_id = m.doc_id"
            ' AND x.layer = \'attribution\' AND x.start = m.start AND x."end" = m."end" LIMIT 1)'
            f" WHERE m.actor_id = ? AND m.layer = 'attribution' AND {cond}", (actor_id, *params)).fetchone()[0]
    elif total is None:
        total = store.conn.execute("SELECT count(*) FROM actor_mentions WHERE actor_id=? AND layer='attribution'",
                                   (actor_id,)).fetchone()[0]
    return {"total": total, "items": voices_of(store, actor_id, limit=limit, offset=offset, order=order,
                                               where=where)}


def get_actor(store: Store, actor_id: str, max_aliases: int = 60) -> dict[str, Any] | None:
    """One actor's row with its most used aliases, or None."""
    row = store.conn.execute("SELECT * FROM actors WHERE id=?", (actor_id,)).fetchone()
    if row is None:
        return None
    a = dict(row)
    a["aliases"] = [dict(r) for r in store.conn.execute(
        "SELECT alias, source, n FROM actor_aliases WHERE actor_id=? ORDER BY n DESC, alias LIMIT ?",
        (actor_id, max_aliases))]
    return a


def actor_aggregates(st: Store) -> dict[str, dict[str, Any]]:
    """Every actor's attributions by outlet, mentions by month and attribution total, in one pass.

    Per actor these scan all of the actor's mentions (seconds for the most quoted on a 100k store),
    so they are computed for all actors at once and cached by the caller until the store changes.
    """
    out: dict[str, dict[str, Any]] = {}
    rows = st.conn.execute(
        "SELECT m.actor_id, m.layer = 'attribution', coalesce(d.outlet, 'unknown'),"
        " coalesce(substr(d.published, 1, 7), 'unknown'), count(*)"
        " FROM actor_mentions m JOIN documents d ON d.id = m.doc_id GROUP BY 1, 2, 3, 4").fetchall()
    for actor_id, attr, outlet, month, n in rows:
        a = out.setdefault(actor_id, {"outlets": {}, "months": {}, "attributions": 0})
        a["months"][month] = a["months"].get(month, 0) + n
        if attr:
            a["outlets"][outlet] = a["outlets"].get(outlet, 0) + n
            a["attributions"] += n
    return {k: {"by_outlet": sorted(v["outlets"].items(), key=lambda x: (-x[1], x[0])),
                "by_month": sorted(v["months"].items()), "attributions": v["attributions"]}
            for k, v in out.items()}


def actor_outlets(st: Store, actor_id: str) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in st.conn.execute(
        "SELECT coalesce(d.outlet, 'unknown'), count(*) FROM actor_mentions m JOIN documents d ON d.id = m.doc_id"
        " WHERE m.actor_id = ? AND m.layer = 'attribution' GROUP BY 1 ORDER BY 2 DESC, 1", (actor_id,))]


def actor_months(st: Store, actor_id: str) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in st.conn.execute(
        "SELECT coalesce(substr(d.published, 1, 7), 'unknown'), count(*) FROM actor_mentions m"
        " JOIN documents d ON d.id = m.doc_id WHERE m.actor_id = ? GROUP BY 1 ORDER BY 1", (actor_id,))]


def actor_relays(voices: list[dict]) -> list[dict]:
    seen: dict[str, dict] = {}
    for v in voices:
        for r in v["via"]:
            seen.setdefault(r["id"], {"id": r["id"], "name": r["name"], "n": 0})["n"] += 1
    return sorted(seen.values(), key=lambda r: -r["n"])
