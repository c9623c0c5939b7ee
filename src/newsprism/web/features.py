"""Pages over the analysis modules' tables: actors (voices), claims (reconcile),
outlet comparison (techniques, framing) and the timeline.

Each reads through the owning module's query function where one exists and
answers ``{"status": "not_analysed", ...}`` when the module's tables are missing
or empty, so a page says "run newsprism analyze" instead of failing.
"""

from __future__ import annotations

import json
from typing import Any

from . import queries as q
from .data import page
from .queries import ReadStore, StorePool

NOT_ANALYSED = "not analysed yet: run `newsprism analyze`"
FRAMING_TERMS = ["liberated", "liberation", "recaptured", "regained", "occupied", "occupation",
                 "invasion", "incursion", "special military operation", "counteroffensive", "mercenaries",
                 "heroic", "puppet"]
CLAIM_POINTS = 400


def missing(what: str, stage: str) -> dict[str, Any]:
    return {"status": "not_analysed", "message": f"Not analysed yet: run `newsprism analyze` ({what} come from stage `{stage}`)"}


# -- actors (voices) -----------------------------------------------------------------
def top_actors(st: ReadStore, n: int) -> list[dict[str, Any]] | None:
    if not q.has_rows(st, "actors"):
        return None
    from ..voices.query import list_actors
    return [{k: a[k] for k in ("id", "name", "type", "mentions", "documents", "attributions")}
            for a in list_actors(st, limit=n)]


def actors(pool: StorePool, limit: int, offset: int, type_: str | None) -> dict[str, Any]:
    def compute(st: ReadStore):
        from ..voices.query import list_actors
        return list_actors(st)
    if not q.has_rows(pool.get(), "actors"):
        return missing("actors", "actors") | page(0, limit, offset) | {"items": []}
    rows = pool.cached("actors", compute)
    if type_:
        rows = [a for a in rows if a["type"] == type_]
    return {"status": "ok", "type": type_, "types": sorted({a["type"] for a in pool.cached("actors", compute)}),
            **page(len(rows), limit, offset), "items": rows[offset:offset + limit]}


def actor(pool: StorePool, actor_id: str, limit: int, offset: int) -> dict[str, Any] | None:
    """An actor, what they are reported to say (paged), who relayed it, and when."""
    st = pool.get()
    if not q.has_rows(st, "actors"):
        return missing("actors", "actors")
    row = st.conn.execute("SELECT * FROM actors WHERE id=?", (actor_id,)).fetchone()
    if row is None:
        return None
    a = dict(row)
    a["aliases"] = [dict(r) for r in st.conn.execute(
        "SELECT alias, source, n FROM actor_aliases WHERE actor_id=? ORDER BY n DESC, alias LIMIT 60", (actor_id,))]
    agg = pool.cached("actor_aggregates", q.actor_aggregates).get(
        actor_id, {"by_outlet": [], "by_month": [], "attributions": 0})
    res = q.actor_voices(st, actor_id, limit, offset, total=agg["attributions"])
    return {"status": "ok", "actor": a, **page(res["total"], limit, offset), "voices": res["items"],
            "by_outlet": agg["by_outlet"], "by_month": agg["by_month"],
            "relays": q.actor_relays(res["items"])}


# -- claims (reconcile) --------------------------------------------------------------
def claims(pool: StorePool, limit: int, offset: int, flagged: bool) -> dict[str, Any]:
    st = pool.get()
    if not q.has_rows(st, "claim_groups"):
        return missing("claims", "reconcile") | page(0, limit, offset) | {"items": []}
    res = q.claim_groups(st, limit, offset, flagged)
    return {"status": "ok", "flagged_only": flagged, **page(res["total"], limit, offset), "items": res["items"]}


def claim(pool: StorePool, group_id: str) -> dict[str, Any] | None:
    """One claim group: every member with source and date, and the points of its value chart.

    Cached per group (the most recently viewed ones) until the store changes: a group copied across
    many documents has thousands of members to read, sort and decode.
    """
    st = pool.get()
    if not q.has_rows(st, "claim_groups"):
        return missing("claims", "reconcile")
    return pool.cached_item("claim", group_id, lambda s: _claim(s, group_id))


def _claim(st: ReadStore, group_id: str) -> dict[str, Any] | None:
    row = st.conn.execute("SELECT * FROM claim_groups WHERE id=?", (group_id,)).fetchone()
    if row is None:
        return None
    # the shape of corpus.reconcile.load_groups for this one group (it loads every group of the subject)
    g = dict(row)
    g["summary"] = json.loads(g["summary"])
    from ..corpus.reconcile import source_name
    g["disputed_by_names"] = [source_name(x) for x in g["summary"].get("disputed_by") or []]
    members = [dict(m) | {"attrs": json.loads(m["attrs"])} for m in st.conn.execute(
        "SELECT * FROM claim_group_members WHERE group_id=? ORDER BY coalesce(as_of, published, ''), doc_id, start",
        (group_id,)).fetchall()]
    return {"status": "ok", "group": g, "n_members": len(members), "members": members[:q.MAX_LIMIT],
            "points": claim_points(members)}


def claim_points(members: list[dict]) -> list[dict[str, Any]]:
    """Value-by-date points (first ``CLAIM_POINTS``); a claim with no value or date is left out of the chart."""
    out = []
    for m in members:
        date = m.get("as_of") if m.get("as_of_resolved") else None
        date = date or m.get("published")
        lo, hi = m.get("min_value"), m.get("max_value")
        if date is None or (lo is None and hi is None) or m.get("increment"):
            continue
        out.append({"date": str(date)[:10], "lo": lo if lo is not None else hi, "hi": hi if hi is not None else lo,
                    "source": "not stated" if m.get("source_method") == "unknown"
                    else (m.get("attrs") or {}).get("source_name") or m["source"], "origin": m["origin"], "role": m["role"], "doc_id": m["doc_id"],
                    "start": m["start"], "end": m["end"], "text": m["text"], "hedge": m.get("hedge")})
        if len(out) >= CLAIM_POINTS:
            break
    return out


# -- outlets: techniques and framing side by side -------------------------------------
def outlets(pool: StorePool, terms: list[str] | None) -> dict[str, Any]:
    st = pool.get()
    base = pool.cached("outlet_table", q.outlet_table)
    techniques = pool.cached("technique_profile", _technique_profile)
    terms = [t for t in (terms or FRAMING_TERMS) if t.strip()][:20]
    framing_key = "framing:" + json.dumps(terms)
    framing = pool.cached(framing_key, lambda s: q.framing_counts(s, terms))
    variants = pool.cached("framing_variants", _framing_variants)
    return {"outlets": base, "techniques": techniques, "terms": terms, "framing": framing,
            "framing_variants": variants, "sizes": pool.cached("outlet_sizes", q.outlet_sizes),
            "status": "ok" if q.table_exists(st, "documents") else "empty"}


def _technique_profile(st: ReadStore) -> dict[str, Any]:
    if not st.conn.execute("SELECT 1 FROM spans WHERE layer='technique' LIMIT 1").fetchone():
        return missing("techniques", "techniques") | {"profile": {}, "labels": []}
    from ..techniques.summaries import profile
    prof = profile(st)
    labels = sorted({l for p in prof.values() for l, n in p["counts"].items() if n})
    from ..techniques import quality
    return {"status": "ok", "profile": prof, "labels": labels, "caveat": quality.caveat(),
            "model_f1": {l: quality.technique_f1(l) for l in labels}}


def _framing_variants(st: ReadStore) -> dict[str, Any]:
    """Which word each outlet uses for the same referent, from the framing stage when it has run."""
    if not q.has_rows(st, "framing_variants"):
        return missing("framing variants", "framing")
    rows = st.conn.execute(
        "SELECT v.referent, v.variant, v.connotation, coalesce(d.outlet, '(unknown)') AS outlet, count(*) AS n,"
        " min(v.doc_id) AS doc_id, min(v.start) AS start"
        " FROM framing_variants v JOIN documents d ON d.id = v.doc_id GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4").fetchall()
    return {"status": "ok", "rows": [dict(r) for r in rows]}


# -- timeline --------------------------------------------------------------------------
def timeline(pool: StorePool, bucket: str, limit: int, offset: int) -> dict[str, Any]:
    st = pool.get()
    vol = pool.cached(f"volume:{bucket}", lambda s: q.volume(s, bucket))
    by_outlet = pool.cached("volume_by_outlet", q.volume_by_outlet)
    if q.has_rows(st, "timeline_events"):
        ev = q.timeline_events(st, limit, offset)
        events = {"status": "ok", **page(ev["total"], limit, offset), "items": ev["items"]}
    else:
        events = missing("timeline events", "timeline") | {"items": []}
    # latest dated claims: a sort over every claim member, so cached with the other whole-store aggregates
    dated = (pool.cached(f"dated_claims:{limit}", lambda s: q.dated_claims(s, limit))
             if q.has_rows(st, "claim_group_members") else None)
    return {"bucket": bucket, "volume": vol, "by_outlet": by_outlet, "events": events,
            "dated_claims": dated if dated is not None else missing("dated claims", "reconcile")}
