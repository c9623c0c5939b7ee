"""Corpus stage "reconcile": claims about the same quantity across documents, by source and date.

Method (docs/claims.md has the long form):

1. **Source** of each claim: the actor of an ``attribution`` span whose content
   covers the claim (voices stage, when present); else the sentence-rule source
   the claims stage found (``according to X``, ``X said``); else the document's
   outlet; else ``unknown``. ``source_method`` says which.
2. **Group key**: the claim's subject id (cross-lingual ids from the subjects
   lexicon, so en/ru/ko claims about North Korean troops deployed share a
   group) plus the value kind class (counts, shares, multiples apart).
   Assertions group by subject; disputes join the group of what they dispute.
   No embeddings are used yet: generic ``count:<noun>`` subjects group by noun.
3. **Origins**: relays of one statement are one origin. A claim's origin is its
   source actor when known (KCNA relayed by TASS stays ``kcna``; an attribution's
   ``via`` chain is recorded), else the first of a duplicate chain
   (``documents.duplicate_of``); the same source repeating a value in several
   outlets is one origin.
4. **Spread and flags**: over non-increment, non-vague values: min, max, spread
   = (max - min) / max. ``disagreement`` when two origins' intervals (widened
   by 10 % for "about"/"nearly") do not overlap; ``disputed`` when a dispute
   claim is linked.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from ..config import Settings
from ..store import Store
from .stage import CorpusContext, corpus_stage

VERSION = "1"
_CLASS = {"count": "count", "money": "money", "measure": "measure", "percent": "share", "fraction": "share",
          "multiple": "multiple"}


def _source(claim, attributions, outlet: str | None) -> tuple[str, str, list[str]]:
    inside = [a for a in attributions if a.start <= claim.start and claim.end <= a.end]
    for a in sorted(inside, key=lambda a: a.end - a.start):
        actor = a.attrs.get("actor") or a.attrs.get("actor_name") or a.attrs.get("speaker_text")
        if actor:
            return str(actor), "attribution", list(a.attrs.get("via") or [])
    if claim.attrs.get("source_actor") or claim.attrs.get("source_text"):
        return claim.attrs.get("source_actor") or claim.attrs["source_text"], "sentence-rule", []
    if outlet:
        return outlet, "outlet", []
    return "unknown", "unknown", []


def _interval(m: dict) -> tuple[float, float]:
    lo = m["min_value"] if m["min_value"] is not None else float("-inf")
    hi = m["max_value"] if m["max_value"] is not None else float("inf")
    if m["hedge"] in ("about", "nearly"):
        lo, hi = lo * 0.9, hi * 1.1
    return lo, hi


def collect_members(store: Store) -> list[dict]:
    members = []
    for doc in store.iter_documents():
        spans = store.spans(doc.id, ["claim", "attribution"])
        attributions = [s for s in spans if s.layer == "attribution"]
        outlet = doc.get("outlet") or doc.get("site_name")
        for c in (s for s in spans if s.layer == "claim"):
            source, method, via = _source(c, attributions, outlet)
            a = c.attrs
            as_of = a.get("as_of") or {}
            members.append({
                "doc_id": doc.id, "duplicate_of": doc.duplicate_of, "start": c.start, "end": c.end,
                "role": c.label, "subject": a.get("subject"), "label": a.get("subject_label") or a.get("subject"),
                "value_kind": _CLASS.get(a.get("value_kind"), None) if c.label == "quantity" else None,
                "source": source, "source_method": method, "via": via, "outlet": outlet,
                "published": doc.get("published"), "as_of": as_of.get("value"), "as_of_text": as_of.get("text"),
                "as_of_resolved": bool(as_of.get("resolved")), "min_value": a.get("min"), "max_value": a.get("max"),
                "hedge": a.get("hedge"), "increment": bool(a.get("increment")), "vague": bool(a.get("vague")),
                "text": doc.text[c.start:c.end], "disputes": a.get("disputes")})
    return members


def build_groups(members: list[dict]) -> dict[str, dict]:
    groups: dict[str, dict] = {}
    for m in members:
        kind = "quantity" if m["role"] == "quantity" else "assertion"
        key = f"{m['subject']}|{m['value_kind'] or kind}"
        if m["role"] == "dispute":
            # a dispute joins the assertion group of its target subject
            key = f"{m['subject']}|assertion"
        g = groups.setdefault(key, {"id": hashlib.sha1(key.encode()).hexdigest()[:12], "subject": m["subject"],
                                    "label": m["label"], "kind": kind, "value_kind": m["value_kind"], "members": []})
        g["members"].append(m)
    for g in groups.values():
        _summarise(g)
    return groups


def _origin(m: dict) -> str:
    if m["source_method"] in ("attribution", "sentence-rule"):
        return m["source"]
    return m["duplicate_of"] or m["source"]


def _summarise(g: dict) -> None:
    ms = g["members"]
    for m in ms:
        m["origin"] = _origin(m)
    core = [m for m in ms if m["role"] == "quantity" and not m["increment"] and not m["vague"]]
    lows = [m["min_value"] for m in core if m["min_value"] is not None]
    highs = [m["max_value"] for m in core if m["max_value"] is not None]
    vals = lows + highs
    g["min_value"] = min(vals) if vals else None
    g["max_value"] = max(vals) if vals else None
    g["spread"] = round((g["max_value"] - g["min_value"]) / g["max_value"], 4) \
        if vals and g["max_value"] else None
    by_origin: dict[str, list[dict]] = defaultdict(list)
    for m in core:
        by_origin[m["origin"]].append(m)
    conflicts = []
    origins = sorted(by_origin)
    for i, o1 in enumerate(origins):
        for o2 in origins[i + 1:]:
            for m1 in by_origin[o1]:
                for m2 in by_origin[o2]:
                    (a1, b1), (a2, b2) = _interval(m1), _interval(m2)
                    if b1 < a2 or b2 < a1:
                        conflicts.append({"a": [o1, m1["text"], m1["as_of"]], "b": [o2, m2["text"], m2["as_of"]]})
    g["disagreement"] = bool(conflicts)
    g["disputed"] = any(m["role"] == "dispute" for m in ms)
    g["n_claims"] = len(ms)
    g["n_sources"] = len({m["source"] for m in ms})
    g["n_origins"] = len({m["origin"] for m in ms if m["role"] != "dispute"})
    g["summary"] = {"conflicts": conflicts[:20],
                    "disputed_by": sorted({m["source"] for m in ms if m["role"] == "dispute"}),
                    "relays": sorted({v for m in ms for v in m["via"]}),
                    "outlets": sorted({m["outlet"] for m in ms if m["outlet"]})}


def save_groups(store: Store, groups: dict[str, dict]) -> None:
    c = store.conn
    c.execute("DELETE FROM claim_group_members")
    c.execute("DELETE FROM claim_groups")
    for g in groups.values():
        c.execute("INSERT INTO claim_groups(id, subject, label, kind, value_kind, n_claims, n_sources, n_origins,"
                  " min_value, max_value, spread, disagreement, disputed, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  (g["id"], g["subject"], g["label"], g["kind"], g["value_kind"], g["n_claims"], g["n_sources"],
                   g["n_origins"], g["min_value"], g["max_value"], g["spread"], int(g["disagreement"]),
                   int(g["disputed"]), json.dumps(g["summary"], ensure_ascii=False)))
        c.executemany(
            'INSERT INTO claim_group_members(group_id, doc_id, start, "end", role, source, source_method, origin,'
            " outlet, published, as_of, as_of_resolved, min_value, max_value, hedge, increment, text, attrs)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(g["id"], m["doc_id"], m["start"], m["end"], m["role"], m["source"], m["source_method"], m["origin"],
              m["outlet"], m["published"], m["as_of"], int(m["as_of_resolved"]), m["min_value"], m["max_value"],
              m["hedge"], int(m["increment"]),
              m["text"], json.dumps({"as_of_text": m["as_of_text"], "via": m["via"], "vague": m["vague"],
                                     "disputes": m["disputes"]}, ensure_ascii=False)) for m in g["members"]])


@corpus_stage("reconcile", version=VERSION, requires=("claims",))
def reconcile(store: Store, settings: Settings, ctx: CorpusContext) -> dict:
    """Group claims about the same quantity or assertion across documents; flag spread and disputes."""
    # A full rebuild is cheap (claims are few per document) and keeps cross-document groups exact.
    groups = build_groups(collect_members(store))
    save_groups(store, groups)
    return {"groups": len(groups), "claims": sum(g["n_claims"] for g in groups.values()),
            "disagreements": sum(g["disagreement"] for g in groups.values()),
            "disputed": sum(g["disputed"] for g in groups.values())}


def load_groups(store: Store, *, subject: str | None = None, include_generic: bool = False) -> list[dict]:
    """Claim groups with their members, ordered by size; the library call behind ``newsprism claims``."""
    sql = "SELECT * FROM claim_groups"
    params: tuple = ()
    if subject:
        sql += " WHERE subject=?"
        params = (subject,)
    out = []
    for r in store.conn.execute(sql + " ORDER BY n_claims DESC, subject", params).fetchall():
        g = dict(r)
        if not include_generic and g["subject"].startswith("count:") and g["n_claims"] < 2:
            continue
        g["summary"] = json.loads(g["summary"])
        g["members"] = [dict(m) | {"attrs": json.loads(m["attrs"])} for m in store.conn.execute(
            "SELECT * FROM claim_group_members WHERE group_id=? ORDER BY coalesce(as_of, published, ''), doc_id, start",
            (g["id"],)).fetchall()]
        out.append(g)
    return out
