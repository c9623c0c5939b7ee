"""The claims feature's export tables: claim groups (with the omission view) and their members."""

from __future__ import annotations

import pyarrow as pa

from .. import plugins
from ..export.records import Column, dumps, json_column as _j
from ..store import Store

from .query import load_groups, omission

CLAIM_GROUP_COLUMNS: tuple[Column, ...] = (
    Column("group_id", pa.string(), "claim group id (stable for the same subject and value class)"),
    Column("subject", pa.string(), "subject (cross-lingual, discovered: `<whose>[-<role>]/<measure>`, e.g."
                                   " `north-korean/deployed`; `count:<noun>` when generic)"),
    Column("label", pa.string(), "readable subject label"),
    Column("kind", pa.string(), "`quantity` or `assertion`"),
    Column("value_kind", pa.string(), "value class of a quantity group (count, money, measure, share, multiple)"),
    Column("n_claims", pa.int64(), "claims in the group"),
    Column("n_sources", pa.int64(), "distinct sources"),
    Column("n_origins", pa.int64(), "distinct origins (relays of one statement count once)"),
    Column("min_value", pa.float64(), "smallest value over non-increment, non-vague claims"),
    Column("max_value", pa.float64(), "largest such value"),
    Column("spread", pa.float64(), "(max - min) / max, or empty"),
    Column("disagreement", pa.bool_(), "sources disagree: two origins, each naming its source, give values that do"
                                       " not overlap for the same resolved period (a discovered or pinned subject)"),
    Column("disputed", pa.bool_(), "a dispute (counter-claim) is linked to the group"),
    _j("disputed_by", "JSON list of the sources that dispute it"),
    _j("relays", "JSON list of actor ids the claims were relayed through"),
    _j("outlets", "JSON list of outlets carrying the group"),
    _j("conflicts", "JSON list of conflicting value pairs `{a: [origin, text, as_of], b: [...], period: same|undated,"
                    " named}` (at most 20); only `same` pairs of two named sources set `disagreement`"),
    _j("changes_over_time", "JSON list of value pairs that differ but are dated clearly apart (at most 20)"),
    _j("claim_outlets", "JSON list of outlets carrying the claim (omission view; empty when not in it)"),
    _j("counter_outlets", "JSON list of outlets carrying the counter-claim"),
    _j("silent_outlets", "JSON list of outlets with no document in the group"),
)

CLAIM_MEMBER_COLUMNS: tuple[Column, ...] = (
    Column("group_id", pa.string(), "claim group (`claim_groups.group_id`)"),
    Column("doc_id", pa.string(), "document the claim is in"),
    Column("start", pa.int64(), "start offset of the claim span (code points, inclusive)"),
    Column("end", pa.int64(), "end offset (exclusive)"),
    Column("text", pa.string(), "the claim's text, `text[start:end]` of the document"),
    Column("role", pa.string(), "`quantity`, `assertion` or `dispute`"),
    Column("source", pa.string(), "who the claim comes from (actor id, sentence source, outlet or `unknown`)"),
    Column("source_method", pa.string(), "how the source was found: attribution, sentence-rule, outlet, unknown"),
    Column("origin", pa.string(), "the origin the claim counts towards"),
    _j("via", "JSON list of actor ids it was relayed through"),
    Column("outlet", pa.string(), "outlet of the document"),
    Column("published", pa.string(), "published date of the document"),
    Column("as_of", pa.string(), "date the value is stated for (ISO prefix, or an unresolved TIMEX-like value)"),
    Column("as_of_text", pa.string(), "the words the as-of date was read from"),
    Column("as_of_resolved", pa.bool_(), "the as-of date was resolved to a calendar date"),
    Column("min_value", pa.float64(), "lower bound of the value (shares in percent: \"a third\" is 33.3)"),
    Column("max_value", pa.float64(), "upper bound of the value"),
    Column("hedge", pa.string(), "about, nearly, over, ... or empty"),
    Column("increment", pa.bool_(), "the value is an increment (\"3,000 more\"), not a level"),
    Column("vague", pa.bool_(), "the value is vague (\"thousands\")"),
    _j("disputes", "JSON `{subject, start, end}` of what a dispute disputes, or null"),
    Column("source_name", pa.string(), "the source as readers know it: the actor registry's name for an actor id, else `source`"),
    _j("implied_total", "JSON `{min, max, hedge, base}` for an increment after a stated base "
                        "(\"over 11,000 ... 3,000 more\" -> min 14,000), or null"),
)


def _ran(store: Store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def claim_rows(store: Store) -> tuple[list[dict], list[dict]]:
    if not _ran(store, "reconcile"):
        return [], []
    story = getattr(store, "story", None)        # export --story: the story's groups, their members in it
    sides = {g["group_id"]: g for g in (omission(store, story=story).get("groups") or [])}
    groups, members = [], []
    for g in load_groups(store, include_generic=True, story=story):
        s, o = g.get("summary") or {}, sides.get(g["id"], {})
        groups.append({
            "group_id": g["id"], "subject": g["subject"], "label": g.get("label"), "kind": g["kind"],
            "value_kind": g.get("value_kind"), "n_claims": g["n_claims"], "n_sources": g["n_sources"],
            "n_origins": g["n_origins"], "min_value": g.get("min_value"), "max_value": g.get("max_value"),
            "spread": g.get("spread"), "disagreement": bool(g["disagreement"]), "disputed": bool(g["disputed"]),
            "disputed_by": dumps(s.get("disputed_by") or []), "relays": dumps(s.get("relays") or []),
            "outlets": dumps(s.get("outlets") or []), "conflicts": dumps(s.get("conflicts") or []),
            "changes_over_time": dumps(s.get("changes_over_time") or []),
            "claim_outlets": dumps(o.get("claim_outlets") or []),
            "counter_outlets": dumps(o.get("counter_outlets") or []),
            "silent_outlets": dumps(o.get("silent") or [])})
        for m in g["members"]:
            a = m.get("attrs") or {}
            members.append({
                "group_id": g["id"], "doc_id": m["doc_id"], "start": m["start"], "end": m["end"],
                "text": m.get("text"), "role": m["role"], "source": m.get("source"),
                "source_method": m.get("source_method"), "origin": m.get("origin"), "via": dumps(a.get("via") or []),
                "outlet": m.get("outlet"), "published": m.get("published"), "as_of": m.get("as_of"),
                "as_of_text": a.get("as_of_text"), "as_of_resolved": bool(m.get("as_of_resolved")),
                "min_value": m.get("min_value"), "max_value": m.get("max_value"), "hedge": m.get("hedge"),
                "increment": bool(m.get("increment")), "vague": bool(a.get("vague")),
                "disputes": dumps(a.get("disputes")),
                "source_name": a.get("source_name") or m.get("source"), "implied_total": dumps(a.get("implied_total"))})
    return groups, members


def _rows(store: Store) -> dict[str, list[dict]]:
    groups, members = claim_rows(store)
    return {"claim_groups": groups, "claim_members": members}


TABLES = plugins.CorpusTables({"claim_groups": CLAIM_GROUP_COLUMNS, "claim_members": CLAIM_MEMBER_COLUMNS}, _rows,
                              stage="reconcile", before="actors")
