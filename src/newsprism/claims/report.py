"""The report's Claims section: claim groups, disputed and disagreeing first, values over time.

Read through ``claims.query.load_groups``; ``value_text`` is the one wording of claim values
for the report and the web app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..report.charts import SeriesChart, compact, series_chart
from ..report.sections import Evidence, Linker, Section, not_run, ran, sort_date
from ..store import Store
from .dates import member_as_of
from .query import is_generic

MAX_CLAIM_GROUPS = 60
MAX_CLAIM_MEMBERS = 25


def value_text(m: dict, kind: str | None = None) -> str:
    """A claim's value as a reader says it: "about 11k–12k", "nearly 33 %", "×4", "3k (increment → more than 14k)"."""
    lo, hi = m.get("min_value"), m.get("max_value")
    if lo is None and hi is None:
        return ""
    hedge = m.get("hedge")
    c = (lambda v: f"{v:.3g} %") if kind == "share" else (lambda v: f"×{v:g}") if kind == "multiple" else compact
    if lo is not None and hi is not None and lo != hi:
        v = f"{c(lo)}–{c(hi)}"
    elif lo is not None and hi is None:
        v = c(lo) if hedge else f"≥ {c(lo)}"      # "over 11,000" already says it
    elif lo is None:
        v = c(hi) if hedge else f"≤ {c(hi)}"
    else:
        v = c(lo)
    out = (f"{hedge} " if hedge else "") + v
    if m.get("increment"):
        total = (m.get("attrs") or {}).get("implied_total")
        implied = value_text({"min_value": total.get("min"), "max_value": total.get("max"),
                              "hedge": total.get("hedge")}, kind) if total else ""
        out += f" (increment → total {implied})" if implied else " (increment)"
    return out


@dataclass
class ClaimMember:
    role: str
    value: str
    source: str
    source_method: str
    via: list[str]
    outlet: str
    date: str
    evidence: Evidence


@dataclass
class ClaimGroup:
    id: str
    label: str
    subject: str
    kind: str
    n_claims: int
    n_origins: int
    spread: float | None
    range: str
    disagreement: bool
    disputed: bool
    disputed_by: list[str]
    relays: list[str]
    chart: SeriesChart | None
    members: list[ClaimMember]
    more: int
    changed: bool = False      # values dated clearly apart differ: the figure moved over time


def _source_name(source: str) -> str:
    from .query import source_name
    return source_name(source)


def _who(m: dict) -> str:
    """A claim's source as a reader knows it: the actor's name when the reconcile stage recorded one."""
    if (m.get("source") or "unknown") == "unknown" and m.get("source_method") in ("unknown", None, ""):
        return "not stated"
    return str((m.get("attrs") or {}).get("source_name") or m.get("source") or "not stated")


def _member(m: dict, link: Linker, kind: str | None = None) -> ClaimMember:
    label = member_as_of(m)
    date = f"as of {label}" if label else ""
    if m.get("published"):
        date += ("; " if date else "") + f"published {str(m['published'])[:10]}"
    how = "outlet unknown" if m.get("source_method") in ("unknown", None, "") else m["source_method"]
    return ClaimMember(m["role"], value_text(m, kind), _who(m), how,
                       [_source_name(v) for v in (m.get("attrs") or {}).get("via") or []], str(m.get("outlet") or ""), date,
                       link(m["doc_id"], "claim", m["start"], m["end"], m.get("text") or ""))


def _chart(g: dict, link: Linker) -> SeriesChart | None:
    pts = []
    for m in g["members"]:
        if m["role"] != "quantity" or m.get("increment") or (m.get("attrs") or {}).get("vague"):
            continue   # as in the group's spread: increments and vague values ("thousands") are not levels
        ev = link(m["doc_id"], "claim", m["start"], m["end"], m.get("text") or "")
        d = sort_date(m.get("as_of")) or sort_date(m.get("published"))
        tip = f"{_who(m)}: {value_text(m, g.get('value_kind'))} · “{m.get('text') or ''}” · {d or 'undated'}"
        pts.append((d, m.get("min_value"), m.get("max_value"), _who(m), tip, ev.href))
    return series_chart("values over time by source", pts) if len(pts) >= 2 else None


def _generic(g: dict) -> bool:
    return is_generic(g["subject"])


def group_label(g: dict) -> str:
    label = str(g.get("label") or g["subject"])
    return f"“{label}” counts (generic subject)" if _generic(g) else label


def claims_section(store: Store, link: Linker, story: str | None = None) -> Section:
    """Claim groups, disputed and disagreeing first, each with values over time and evidence."""
    if not ran(store, "reconcile"):
        return not_run("reconcile", "claim groups")
    from .query import load_groups
    groups = load_groups(store, story=story)
    if not groups:
        return Section(True, "The reconcile stage ran but found no claims to group.")
    # load_groups gives the one order (disputed, disagreeing, agreeing, single) and leaves out generic groups
    sec = Section(True)
    for g in groups[:MAX_CLAIM_GROUPS]:
        s = g.get("summary") or {}
        rng = "" if g.get("min_value") is None else value_text(g, g.get("value_kind"))
        sec.items.append(ClaimGroup(
            g["id"], group_label(g), g["subject"], g["kind"], g["n_claims"], g["n_origins"],
            g.get("spread"), rng, bool(g["disagreement"]), bool(g["disputed"]),
            list(g.get("disputed_by_names") or [_source_name(x) for x in s.get("disputed_by") or []]),
            sorted({_source_name(v) for v in s.get("relays") or []}), _chart(g, link) if g["kind"] == "quantity" else None,
            [_member(m, link, g.get("value_kind")) for m in g["members"][:MAX_CLAIM_MEMBERS]],
            max(0, len(g["members"]) - MAX_CLAIM_MEMBERS), bool(s.get("changes_over_time"))))
    link.claim_groups = {c.id for c in sec.items}
    if len(groups) > MAX_CLAIM_GROUPS:
        sec.left_out.append(f"{len(groups) - MAX_CLAIM_GROUPS} smaller claim groups (of {len(groups)}) are not "
                            "shown; newsprism claims or the export lists them all.")
    if any(c.more for c in sec.items):
        sec.left_out.append(f"Groups list at most {MAX_CLAIM_MEMBERS} claims each (the chart plots them all).")
    return sec
