"""Read-only views over the framing, narratives and timeline tables, for the CLI, export and report.

Every function takes an open ``Store`` and returns plain dicts/lists (JSON-ready).
A view whose corpus stage has not run returns ``{"available": False, "reason": ...}``
(or an empty list for list views) instead of raising.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from ..outlets import UNKNOWN_OUTLET, affiliation, country
from ..store.stories import scope as story_scope


def _ran(store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def outlet_terms(store, scope: str | None = None, top: int = 15, story: str | None = None) -> list[dict]:
    """Over-used terms per group: [{scope, group, terms: [{term, n_group, n_rest, log_odds, z}]}].

    With a story, each group is compared with the rest of the story's documents (computed now from
    the stage's per-document counts): what an outlet stresses about this story, not about everything."""
    if story:
        from .stage import terms_within
        where, params = story_scope(store.conn, story)
        rows = sorted((r for r in terms_within(store, where, tuple(params)) if not scope or r[0] == scope),
                      key=lambda r: (r[0], r[1], -r[6]))
    else:
        sql = "SELECT scope, grp, term, n_group, n_rest, log_odds, z FROM framing_terms"
        rows = store.conn.execute(sql + (" WHERE scope=?" if scope else "") + " ORDER BY scope, grp, z DESC",
                                  (scope,) if scope else ()).fetchall()
    out: dict[tuple[str, str], list] = defaultdict(list)
    for r in rows:
        if len(out[(r[0], r[1])]) < top:
            out[(r[0], r[1])].append({"term": r[2], "n_group": r[3], "n_rest": r[4], "log_odds": r[5], "z": r[6]})
    return [{"scope": s, "group": g, "terms": t} for (s, g), t in out.items()]


def variant_usage(store, story: str | None = None) -> list[dict]:
    """Per referent and outlet: counts of each variant, split own wording / scare-quoted / reported speech."""
    where, params = story_scope(store.conn, story, "v.doc_id")
    rows = store.conn.execute(
        "SELECT coalesce(d.outlet, d.site_name, ?), v.referent, v.variant, v.connotation, v.quoted, count(*),"
        " count(DISTINCT v.doc_id) FROM framing_variants v JOIN documents d ON d.id = v.doc_id"
        f" WHERE {where} GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1, 6 DESC", (UNKNOWN_OUTLET, *params)).fetchall()
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


def narratives(store, *, with_members: bool = False, story: str | None = None) -> list[dict]:
    """Narratives with label, phrases, exemplars, size, and counts by outlet and by month.

    With a story: the story's own storylines, clustered over its documents only (framing/scoped.py)."""
    if story:
        from .scoped import story_narratives
        return story_narratives(store, story)
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


def events(store, *, min_sources: int = 1, subject: str | None = None, limit: int | None = None,
           story: str | None = None) -> list[dict]:
    """Timeline events (date order) with their sources; earliest report first among sources. Each says
    whether it falls in the coverage's own period (``in_period``; framing/scoped.py) or is a reference
    outside it (history recalled, a plan announced), which views show apart.

    With a story: the story's own events, merged over its documents only (framing/scoped.py)."""
    from .scoped import coverage_period, in_period, story_events
    period = coverage_period(store, story)
    if story:
        evs = [e for e in story_events(store, story) if e["n_sources"] >= min_sources
               and (not subject or subject in e["claim_subjects"])]
        evs = evs[:int(limit)] if limit else evs
        return [e | {"in_period": in_period(e["date"], period)} for e in evs]
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
        out.append(dict(e) | {"claim_subjects": json.loads(e["claim_subjects"]), "sources": srcs,
                              "in_period": in_period(e["date"], period)})
    return out


def events_page(store, limit: int, offset: int, story: str | None = None, *, historical: bool = False) -> dict:
    """A page of the events inside the coverage's period (or, with ``historical``, of those outside it),
    with the period and how many events lie on the other side."""
    from .scoped import coverage_period, in_period, story_events
    period = coverage_period(store, story)
    if story:
        evs = story_events(store, story)
    else:     # dates first (two columns), sources only for the page shown
        evs = [dict(r) for r in store.conn.execute("SELECT id, date FROM timeline_events ORDER BY date, id")]
    shown = [e for e in evs if in_period(e["date"], period) != historical]
    page = shown[offset:offset + limit]
    if story:
        items = [e | {"sources": e["sources"][:20], "in_period": not historical} for e in page]
    else:
        items = []
        for e in page:
            d = dict(store.conn.execute("SELECT * FROM timeline_events WHERE id=?", (e["id"],)).fetchone())
            d["claim_subjects"] = json.loads(d.get("claim_subjects") or "[]")
            d["sources"] = [dict(s) for s in store.conn.execute(
                'SELECT doc_id, start, "end", outlet, published, time_text, text FROM timeline_event_sources'
                " WHERE event_id = ? ORDER BY published LIMIT 20", (d["id"],))]
            items.append(d | {"in_period": not historical})
    return {"total": len(shown), "items": items, "period": period, "other_side": len(evs) - len(shown)}


def group_of_outlet(outlet: str) -> dict:
    return {"outlet": outlet, "affiliation": affiliation(outlet), "country": country(outlet)}
