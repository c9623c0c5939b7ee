"""Claim groups of one story, summarised over the story's members only.

The ``reconcile`` stage forms claim groups over the whole store and stores each group's range,
spread, origins, conflicts and flags. Limited to a story, a group keeps only the members from the
story's documents, and those figures are recomputed from them with the stage's own summary
(``reconcile.summarise``): a group whose disagreeing side lies outside the story is not flagged
inside it, and its spread, origins and conflicts are the story's. Which claims form a group, each
claim's source and its origin (a relay counts with what it relays, a copy with its original) are
the stage's, so a story never regroups claims, only recounts them.

Computed on demand and cached in memory (corpus/scoped.py), keyed by (store file, story, the story's
documents, the stage's last run). Nothing is written: the read-only web app computes them too.
"""

from __future__ import annotations

import copy
import json

from ..corpus.scoped import cache_key, cached
from ..store.stories import document_ids

_GROUP_KEYS = ("id", "subject", "label", "kind", "value_kind")
_SUMMARY_KEYS = ("n_claims", "n_sources", "n_origins", "min_value", "max_value", "spread", "disagreement",
                 "disputed", "summary")


def _working(m: dict, subject: str) -> dict:
    """A stored member in the shape ``reconcile.summarise`` reads (the group's subject is the member's:
    members of one group share it but for an ``+additional`` suffix, which the summary reads alike)."""
    a = m["attrs"]
    return m | {"subject": subject, "vague": bool(a.get("vague")), "via": list(a.get("via") or []),
                "implied_total": a.get("implied_total"), "source_name": a.get("source_name"),
                "increment": bool(m["increment"]), "as_of_resolved": bool(m["as_of_resolved"])}


def _groups(store, ids: list[str]) -> list[dict]:
    from .query import group_order
    from .reconcile import summarise
    members: dict[str, list[dict]] = {}
    for r in store.conn.execute(
            "SELECT * FROM claim_group_members WHERE doc_id IN (SELECT value FROM json_each(?))"
            " ORDER BY group_id, coalesce(as_of, published, ''), doc_id, start", (json.dumps(ids),)):
        members.setdefault(r["group_id"], []).append(dict(r) | {"attrs": json.loads(r["attrs"] or "{}")})
    out = []
    for gid in members:
        row = store.conn.execute("SELECT id, subject, label, kind, value_kind FROM claim_groups WHERE id=?",
                                 (gid,)).fetchone()
        if row is None:
            continue
        g = {k: row[k] for k in _GROUP_KEYS}
        g["label"] = _own_label(g, members[gid])
        work = {"subject": g["subject"], "members": [_working(m, g["subject"]) for m in members[gid]]}
        summarise(work)
        out.append(g | {k: work[k] for k in _SUMMARY_KEYS} | {"members": members[gid]})
    return sorted(out, key=group_order)


def _own_label(g: dict, members: list[dict]) -> str:
    """A discovered assertion group's label ("liberate region": the words of the member that named it, perhaps
    in another story) when one of the story's own members says it; else the story's first assertion as written,
    so a story never shows a label none of its claims makes."""
    from .assertions import PREFIX
    label, texts = g["label"] or "", [m["text"] for m in members if m["role"] == "assertion" and m["text"]]
    if not (g["subject"] or "").startswith(PREFIX) or not texts:
        return label
    words = [w[:4].lower() for w in label.split() if w != "not"]
    if any(all(w in t.lower() for w in words) for t in texts):
        return label
    first = texts[0]
    return f"“{first[:77]}…”" if len(first) > 78 else f"“{first}”"


def story_groups(store, story: str) -> list[dict]:
    """Every claim group with a member in the story (generic ones too), in the one order (``group_order``),
    each with its members in the story and its figures and flags recomputed from them (copies: callers
    may change them; the members themselves are shared and read-only)."""
    ids = document_ids(store.conn, story)
    groups = cached(cache_key(store, story, "reconcile", ids), lambda: _groups(store, ids))
    return [dict(g, members=list(g["members"]), summary=copy.deepcopy(g["summary"])) for g in groups]
