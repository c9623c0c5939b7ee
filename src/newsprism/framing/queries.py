"""Read-only views over the framing, narratives and timeline tables, for the CLI, export and report.

Every function takes an open ``Store`` and returns plain dicts/lists (JSON-ready).
A view whose corpus stage has not run returns ``{"available": False, "reason": ...}``
(or an empty list for list views) instead of raising.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from .groups import UNKNOWN_OUTLET, affiliation, country


def _ran(store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def outlet_terms(store, scope: str | None = None, top: int = 15) -> list[dict]:
    """Over-used terms per group: [{scope, group, terms: [{term, n_group, n_rest, log_odds, z}]}]."""
    sql = "SELECT scope, grp, term, n_group, n_rest, log_odds, z FROM framing_terms"
    rows = store.conn.execute(sql + (" WHERE scope=?" if scope else "") + " ORDER BY scope, grp, z DESC",
                              (scope,) if scope else ()).fetchall()
    out: dict[tuple[str, str], list] = defaultdict(list)
    for r in rows:
        if len(out[(r[0], r[1])]) < top:
            out[(r[0], r[1])].append({"term": r[2], "n_group": r[3], "n_rest": r[4], "log_odds": r[5], "z": r[6]})
    return [{"scope": s, "group": g, "terms": t} for (s, g), t in out.items()]


def variant_usage(store) -> list[dict]:
    """Per referent and outlet: counts of each variant, split own wording / scare-quoted / reported speech."""
    rows = store.conn.execute(
        "SELECT coalesce(d.outlet, d.site_name, ?), v.referent, v.variant, v.connotation, v.quoted, count(*),"
        " count(DISTINCT v.doc_id) FROM framing_variants v JOIN documents d ON d.id = v.doc_id"
        " GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1, 6 DESC", (UNKNOWN_OUTLET,)).fetchall()
    out: dict[tuple[str, str], dict] = {}
    for outlet, ref, var, con, quoted, n, n_docs in rows:
        rec = out.setdefault((ref, outlet), {"referent": ref, "outlet": outlet, "affiliation": affiliation(outlet),
                                             "variants": {}, "by_connotation": Counter()})
        v = rec["variants"].setdefault(var, {"connotation": con, "own": 0, "scare_quoted": 0, "reported": 0})
        v[("own", "scare_quoted", "reported")[quoted]] += n
        rec["by_connotation"][con if quoted == 0 else ("distanced" if quoted == 1 else "reported")] += n
    return [r | {"by_connotation": dict(r["by_connotation"])} for r in out.values()]


def candidates(store) -> list[dict]:
    return [{"referent": r[0], "candidate": r[1], "contexts": r[2], "n": r[3], "examples": json.loads(r[4])}
            for r in store.conn.execute("SELECT referent, candidate, contexts, n, examples FROM framing_candidates"
                                        " ORDER BY referent, n DESC")]


def omission(store) -> dict:
    """Per claim group: outlets carrying the claim, the counter-claim, both, or only one side.

    Built on the ``reconcile`` stage's claim groups (the claims work); outlets with no
    document in the group are listed as ``silent``.
    """
    if not _ran(store, "reconcile"):
        return {"available": False,
                "reason": "not available until the claims stage and the reconcile corpus stage have run "
                          "(newsprism analyze)"}
    all_outlets = {r[0] for r in store.conn.execute(
        "SELECT DISTINCT coalesce(outlet, site_name, ?) FROM documents", (UNKNOWN_OUTLET,))}
    groups = []
    for g in store.conn.execute("SELECT id, subject, label, kind, disputed, n_claims FROM claim_groups"
                                " ORDER BY disputed DESC, n_claims DESC").fetchall():
        sides: dict[str, set] = {"claim": set(), "counter": set()}
        docs: dict[str, set] = {"claim": set(), "counter": set()}
        for role, outlet, doc_id in store.conn.execute(
                "SELECT m.role, coalesce(m.outlet, d.site_name, ?), m.doc_id FROM claim_group_members m"
                " JOIN documents d ON d.id = m.doc_id WHERE m.group_id=?", (UNKNOWN_OUTLET, g[0])):
            side = "counter" if role == "dispute" else "claim"
            sides[side].add(outlet)
            docs[side].add(doc_id)
        if g[3] != "assertion" and not sides["counter"] and g[5] < 2:
            continue
        both = sides["claim"] & sides["counter"]
        groups.append({
            "group_id": g[0], "subject": g[1], "label": g[2], "kind": g[3], "disputed": bool(g[4]),
            "claim_outlets": sorted(sides["claim"]), "counter_outlets": sorted(sides["counter"]),
            "both": sorted(both), "claim_only": sorted(sides["claim"] - both),
            "counter_only": sorted(sides["counter"] - both),
            "silent": sorted(all_outlets - sides["claim"] - sides["counter"]),
            "claim_docs": len(docs["claim"]), "counter_docs": len(docs["counter"]),
            "one_sided_docs": sorted(docs["claim"] - docs["counter"]) if g[4] else []})
    return {"available": True, "groups": groups}


def narratives(store, *, with_members: bool = False) -> list[dict]:
    """Narratives with label, phrases, exemplars, size, and counts by outlet and by month."""
    out = []
    for r in store.conn.execute("SELECT id, label, phrases, exemplars, size, cohesion, model FROM narratives"
                                " ORDER BY size DESC").fetchall():
        by_outlet, by_month = Counter(), Counter()
        for outlet, pub in store.conn.execute(
                "SELECT coalesce(d.outlet, d.site_name, ?), substr(d.published, 1, 7) FROM narrative_members m"
                " JOIN documents d ON d.id = m.doc_id WHERE m.narrative_id=?", (UNKNOWN_OUTLET, r[0])):
            by_outlet[outlet] += 1
            by_month[pub or "undated"] += 1
        out.append({"id": r[0], "label": r[1], "phrases": [p["term"] for p in json.loads(r[2])],
                    "exemplars": json.loads(r[3]), "size": r[4], "cohesion": r[5], "model": r[6],
                    "by_outlet": dict(by_outlet.most_common()), "by_month": dict(sorted(by_month.items())),
                    "by_affiliation": dict(sum((Counter({affiliation(o): n}) for o, n in by_outlet.items()),
                                               Counter()))})
    return out


def narrative_unassigned(store) -> int:
    return store.conn.execute("SELECT count(*) FROM narrative_members WHERE assigned='unassigned'").fetchone()[0]


def events(store, *, min_sources: int = 1, subject: str | None = None, limit: int | None = None) -> list[dict]:
    """Timeline events (date order) with their sources; earliest report first among sources."""
    sql = "SELECT * FROM timeline_events WHERE n_sources >= ?"
    params: list = [min_sources]
    if subject:
        sql += " AND claim_subjects LIKE ?"
        params.append(f'%"{subject}"%')
    sql += " ORDER BY date, n_sources DESC" + (f" LIMIT {int(limit)}" if limit else "")
    out = []
    for e in store.conn.execute(sql, params).fetchall():
        srcs = [dict(s) for s in store.conn.execute(
            "SELECT doc_id, start, \"end\", outlet, published, time_text, text FROM timeline_event_sources"
            " WHERE event_id=? ORDER BY coalesce(published, '9999'), doc_id", (e["id"],))]
        out.append(dict(e) | {"claim_subjects": json.loads(e["claim_subjects"]), "sources": srcs})
    return out


def claim_series(store, include_generic: bool = False) -> list[dict]:
    """Each claim group's values over time: [{subject, label, points: [{date, min, max, source, outlet}]}]."""
    if not _ran(store, "reconcile"):
        return []
    out = []
    generic = "" if include_generic else " AND subject NOT LIKE 'count:%'"
    for g in store.conn.execute("SELECT id, subject, label, value_kind FROM claim_groups WHERE kind='quantity'"
                                + generic + " ORDER BY n_claims DESC").fetchall():
        pts = [{"date": r[0], "min": r[1], "max": r[2], "source": r[3], "outlet": r[4], "role": r[5],
                "increment": bool(r[6]), "text": r[7]}
               for r in store.conn.execute(
                   "SELECT coalesce(as_of, substr(published, 1, 10)), min_value, max_value, source, outlet, role,"
                   " increment, text FROM claim_group_members WHERE group_id=?"
                   " ORDER BY coalesce(as_of, published, '9999')", (g[0],))]
        if pts:
            out.append({"subject": g[1], "label": g[2], "value_kind": g[3], "points": pts})
    return out


def group_of_outlet(outlet: str) -> dict:
    return {"outlet": outlet, "affiliation": affiliation(outlet), "country": country(outlet)}
