"""Reading claim groups, from a store the ``reconcile`` stage has built: the one read API of the
claims feature. The CLI (``newsprism claims``), the report, the web app and the export call these
functions; nothing here prints or renders.
"""

from __future__ import annotations

import json

from ..outlets import UNKNOWN_OUTLET
from ..store.stories import scope as story_scope, scopes as story_scopes
from ..store import Store


def _ran(store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def is_generic(subject: str | None) -> bool:
    """A generic group (``count:<noun>``): claims that share a counted noun, not a discovered measure."""
    return (subject or "").startswith("count:")


def standing(g: dict) -> int:
    """Where a group stands in the one order every view uses: 0 disputed, 1 sources disagree, 2 several
    origins agree, 3 a single origin."""
    if g.get("disputed"):
        return 0
    if g.get("disagreement"):
        return 1
    return 2 if (g.get("n_origins") or 0) >= 2 else 3


def group_order(g: dict) -> tuple:
    """The sort key of claim groups in the CLI, the web app and the report: standing, then size."""
    return standing(g), -(g.get("n_claims") or 0), g.get("subject") or ""


_ORDER_SQL = ("ORDER BY CASE WHEN disputed = 1 THEN 0 WHEN disagreement = 1 THEN 1 WHEN n_origins >= 2 THEN 2"
              " ELSE 3 END, n_claims DESC, subject")
_NOT_GENERIC_SQL = "subject NOT LIKE 'count:%'"


def load_groups(store: Store, *, subject: str | None = None, include_generic: bool = False,
                story: str | None = None) -> list[dict]:
    """Claim groups with their members in the one order (``group_order``); generic ``count:<noun>``
    groups only with ``include_generic``. The library call behind ``newsprism claims``.

    With a story: only groups with a member in its documents, each with those members only and its
    counts, spread, conflicts and flags recomputed from them (claims/scoped.py)."""
    if story:
        from .scoped import story_groups
        return named(store, [g for g in story_groups(store, story) if (subject is None or g["subject"] == subject)
                             and (include_generic or not is_generic(g["subject"]))])
    sql = "SELECT * FROM claim_groups"
    conds, params = ([] if include_generic else [_NOT_GENERIC_SQL]), ()
    if subject:
        conds.append("subject=?")
        params = (subject,)
    out = []
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    for r in store.conn.execute(f"{sql}{where} {_ORDER_SQL}", params).fetchall():
        g = dict(r)
        g["summary"] = json.loads(g["summary"])
        g["members"] = [dict(m) | {"attrs": json.loads(m["attrs"])} for m in store.conn.execute(
            "SELECT * FROM claim_group_members WHERE group_id=?"
            " ORDER BY coalesce(as_of, published, ''), doc_id, start", (g["id"],)).fetchall()]
        out.append(g)
    return named(store, out)


def actor_names(store, ids) -> dict[str, str]:
    """Names of speakers the voices stage clustered as actors of their own (``auto:idf`` -> "IDF"), for display."""
    wanted = sorted({str(i) for i in ids if i and str(i).startswith("auto:")})
    if not wanted or not store.conn.execute("SELECT 1 FROM sqlite_master WHERE name='actors'").fetchone():
        return {}
    return {r[0]: r[1] for r in store.conn.execute(
        "SELECT id, name FROM actors WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(wanted),))}


def named(store, groups: list[dict]) -> list[dict]:
    """The groups with readable source names: a member's ``attrs.source_name``, each conflict's sides and
    ``disputed_by_names`` give an ``auto:`` actor's name, a registry actor's name, else the source as given."""
    ids = {m["source"] for g in groups for m in g["members"]} | {x for g in groups
                                                                for x in g["summary"].get("disputed_by") or []}
    names = actor_names(store, ids)
    for g in groups:
        if names:
            g["members"] = [m | {"attrs": m["attrs"] | {"source_name": names[m["source"]]}}
                            if m["source"] in names and m["attrs"].get("source_name") in (None, m["source"]) else m
                            for m in g["members"]]
            g["summary"]["conflicts"] = [c | {side: [names.get(c[side][0], c[side][0]), *c[side][1:]]
                                              for side in ("a", "b")} for c in g["summary"].get("conflicts") or []]
        g["disputed_by_names"] = [names.get(x) or source_name(x) for x in g["summary"].get("disputed_by") or []]
    return groups


def source_name(source: str) -> str:
    """The registry's name for an actor id ("nis-south-korea" -> its canonical name); other sources as given."""
    from ..voices.registry import default_registry
    actor = default_registry().get(source)
    return actor.name if actor else source


def claim_groups(st: Store, limit: int, offset: int, flagged: bool, story: str | None = None,
                 include_generic: bool = False) -> dict:
    """A page of claim groups in the one order (``group_order``); generic groups only with ``include_generic``.
    With a story: its groups, counted and flagged over its members (``load_groups``), without members."""
    if story:
        groups = [g for g in load_groups(st, include_generic=include_generic, story=story)
                  if not flagged or g["disagreement"] or g["disputed"]]
        return {"total": len(groups),
                "items": [{k: v for k, v in g.items() if k != "members"} for g in groups[offset:offset + limit]]}
    conds = (["(disagreement = 1 OR disputed = 1)"] if flagged else []) + ([] if include_generic else [_NOT_GENERIC_SQL])
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    rows = st.conn.execute(f"SELECT * FROM claim_groups {where} {_ORDER_SQL} LIMIT ? OFFSET ?",
                           (limit, offset)).fetchall()
    total = st.conn.execute(f"SELECT count(*) FROM claim_groups {where}").fetchone()[0]
    return {"total": total, "items": [dict(r) | {"summary": json.loads(r["summary"])} for r in rows]}


def dated_claims(st: Store, limit: int, story: str | None = None) -> list[dict]:
    """Claims with a resolved as-of date, latest first: how each figure moved in time."""
    where, params = story_scope(st.conn, story, "m.doc_id")
    rows = st.conn.execute(
        'SELECT m.group_id, g.label, g.value_kind, m.doc_id, m.start, m."end", m.source, m.source_method, m.outlet,'
        " m.as_of, m.published, m.min_value, m.max_value, m.hedge, m.increment, m.role, m.text, m.attrs"
        f" FROM claim_group_members m JOIN claim_groups g ON g.id = m.group_id WHERE m.as_of_resolved = 1 AND {where}"
        " ORDER BY m.as_of DESC LIMIT ?", (*params, limit)).fetchall()
    out = [dict(r) | {"attrs": json.loads(r["attrs"] or "{}")} for r in rows]
    names = actor_names(st, (m["source"] for m in out))
    # the source as readers know it (as on a claim group's page)
    return [m | {"source_name": names.get(m["source"]) or m["attrs"].get("source_name") or m["source"]} for m in out]


def omission(store, story: str | None = None) -> dict:
    """Per claim group: outlets carrying the claim, the counter-claim, both, or only one side.

    Built on the ``reconcile`` stage's claim groups (the claims work); outlets with no
    document in the group are listed as ``silent``. With a story: its documents' outlets and members only.
    """
    if not _ran(store, "reconcile"):
        return {"available": False,
                "reason": "not available until the claims stage and the reconcile corpus stage have run "
                          "(newsprism analyze)"}
    (where, m_where), params = story_scopes(store.conn, story, "id", "m.doc_id")
    all_outlets = {r[0] for r in store.conn.execute(
        f"SELECT DISTINCT coalesce(outlet, site_name, ?) FROM documents WHERE {where}", (UNKNOWN_OUTLET, *params))}
    groups = []
    for g in store.conn.execute("SELECT id, subject, label, kind, disputed, n_claims FROM claim_groups"
                                " ORDER BY disputed DESC, n_claims DESC").fetchall():
        sides: dict[str, set] = {"claim": set(), "counter": set()}
        docs: dict[str, set] = {"claim": set(), "counter": set()}
        n_claims = 0
        for role, outlet, doc_id in store.conn.execute(
                "SELECT m.role, coalesce(m.outlet, d.site_name, ?), m.doc_id FROM claim_group_members m"
                f" JOIN documents d ON d.id = m.doc_id WHERE m.group_id=? AND {m_where}",
                (UNKNOWN_OUTLET, g[0], *params)):
            side = "counter" if role == "dispute" else "claim"
            sides[side].add(outlet)
            docs[side].add(doc_id)
            n_claims += 1
        if story and not n_claims:
            continue
        disputed = bool(sides["counter"]) if story else bool(g[4])    # with a story: its own members
        if g[3] != "assertion" and not sides["counter"] and (n_claims if story else g[5]) < 2:
            continue
        both = sides["claim"] & sides["counter"]
        groups.append({
            "group_id": g[0], "subject": g[1], "label": g[2], "kind": g[3], "disputed": disputed,
            "claim_outlets": sorted(sides["claim"]), "counter_outlets": sorted(sides["counter"]),
            "both": sorted(both), "claim_only": sorted(sides["claim"] - both),
            "counter_only": sorted(sides["counter"] - both),
            "silent": sorted(all_outlets - sides["claim"] - sides["counter"]),
            "claim_docs": len(docs["claim"]), "counter_docs": len(docs["counter"]),
            "one_sided_docs": sorted(docs["claim"] - docs["counter"]) if disputed else [], "_n": n_claims})
    if story:       # the stage's order (disputed first, then larger), over the story's own members
        groups.sort(key=lambda x: (not x["disputed"], -x["_n"]))
    return {"available": True, "groups": [{k: v for k, v in x.items() if k != "_n"} for x in groups]}


def claim_series(store, include_generic: bool = False, story: str | None = None) -> list[dict]:
    """Each claim group's values over time: [{subject, label, points: [{date, min, max, source, outlet}]}]."""
    if not _ran(store, "reconcile"):
        return []
    out = []
    where, params = story_scope(store.conn, story)
    generic = "" if include_generic else " AND subject NOT LIKE 'count:%'"
    for g in store.conn.execute("SELECT id, subject, label, value_kind FROM claim_groups WHERE kind='quantity'"
                                + generic + " ORDER BY n_claims DESC").fetchall():
        pts = [{"date": r[0], "min": r[1], "max": r[2], "source": r[3], "outlet": r[4], "role": r[5],
                "increment": bool(r[6]), "text": r[7]}
               for r in store.conn.execute(
                   "SELECT coalesce(as_of, substr(published, 1, 10)), min_value, max_value, source, outlet, role,"
                   f" increment, text FROM claim_group_members WHERE group_id=? AND {where}"
                   " ORDER BY coalesce(as_of, published, '9999')", (g[0], *params))]
        if pts:
            out.append({"subject": g[1], "label": g[2], "value_kind": g[3], "points": pts})
    return out
