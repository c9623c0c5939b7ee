"""Corpus-level sections of the report: claims, voices, techniques.

Each section is read through its feature's query function (never SQL against
its tables) into plain values; the template escapes every string. A section
whose stage has not run says so in ``note``; long lists are capped and
``left_out`` says what was dropped, so the file stays light at 1,000+ documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..claims.dates import member_as_of
from ..store import Store
from .charts import SeriesChart, compact, series_chart
from .highlight import span_anchor

MAX_CLAIM_GROUPS = 60
MAX_CLAIM_MEMBERS = 25
MAX_ACTORS = 40
MAX_SPEAKERS = 15
MAX_STATEMENTS = 8
MAX_ALIASES = 6
MAX_TECHNIQUE_OUTLETS = 14
SHADES = 6                   # h0..h5 in report.css
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")

@dataclass
class Section:
    """One corpus section: ``items`` when analysed, else a one-line ``note`` saying why not."""

    available: bool
    note: str = ""
    items: list[Any] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Evidence:
    text: str
    href: str | None          # #ev-... in this file, or None when the text is beyond the full-text cap
    doc_title: str
    doc_href: str | None


def ran(store: Store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def not_run(stage: str, what: str) -> Section:
    return Section(False, f"Not analysed yet: the {stage} corpus stage has not run on this store "
                          f"(newsprism analyze), so there are no {what}.")


class Linker:
    """Evidence links: to the span's id when its document's text is in the report."""

    def __init__(self, full_text_ids: set[str], titles: dict[str, str]):
        self.full, self.titles = full_text_ids, titles
        self.claim_groups: set[str] = set()      # groups the Claims section shows (#claim-<id> targets)

    def __call__(self, doc_id: str, layer: str | None, start: int | None, end: int | None,
                 text: str) -> Evidence:
        inside = doc_id in self.full
        href = (f"#{span_anchor(doc_id, layer, start, end)}" if layer and start is not None
                else f"#doc-{doc_id}") if inside else None
        return Evidence(text, href, self.titles.get(doc_id, doc_id), f"#doc-{doc_id}" if inside else None)


def sort_date(value: Any) -> str | None:
    """A sortable date prefix (YYYY, YYYY-MM, YYYY-MM-DD) or None for unresolved ones (PY-SU)."""
    m = _DATE.match(str(value or ""))
    return m.group(0) if m else None


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
    from ..corpus.reconcile import source_name
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
                       list((m.get("attrs") or {}).get("via") or []), str(m.get("outlet") or ""), date,
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
    return str(g["subject"]).startswith("count:")


def group_label(g: dict) -> str:
    label = str(g.get("label") or g["subject"])
    return f"“{label}” counts (generic subject)" if _generic(g) else label


def claims_section(store: Store, link: Linker) -> Section:
    """Claim groups, disputed and disagreeing first, each with values over time and evidence."""
    if not ran(store, "reconcile"):
        return not_run("reconcile", "claim groups")
    from ..corpus.reconcile import load_groups
    groups = load_groups(store)
    if not groups:
        return Section(True, "The reconcile stage ran but found no claims to group.")
    # Disputed first, then named subjects (a generic "count:unit" group mixes unrelated things),
    # then those where sources disagree, then the largest.
    groups.sort(key=lambda g: (not g["disputed"], _generic(g), not g["disagreement"], -g["n_claims"]))
    sec = Section(True)
    for g in groups[:MAX_CLAIM_GROUPS]:
        s = g.get("summary") or {}
        rng = "" if g.get("min_value") is None else value_text(g, g.get("value_kind"))
        sec.items.append(ClaimGroup(
            g["id"], group_label(g), g["subject"], g["kind"], g["n_claims"], g["n_origins"],
            g.get("spread"), rng, bool(g["disagreement"]), bool(g["disputed"]),
            [_source_name(x) for x in s.get("disputed_by") or []],
            list(s.get("relays") or []), _chart(g, link) if g["kind"] == "quantity" else None,
            [_member(m, link, g.get("value_kind")) for m in g["members"][:MAX_CLAIM_MEMBERS]],
            max(0, len(g["members"]) - MAX_CLAIM_MEMBERS), bool(s.get("changes_over_time"))))
    link.claim_groups = {c.id for c in sec.items}
    if len(groups) > MAX_CLAIM_GROUPS:
        sec.left_out.append(f"{len(groups) - MAX_CLAIM_GROUPS} smaller claim groups (of {len(groups)}) are not "
                            "shown; newsprism claims or the export lists them all.")
    if any(c.more for c in sec.items):
        sec.left_out.append(f"Groups list at most {MAX_CLAIM_MEMBERS} claims each (the chart plots them all).")
    return sec


# --- voices ---------------------------------------------------------------------------------

@dataclass
class Statement:
    content: str
    kind: str
    cue: str
    stance: str
    speaker_text: str
    via: list[str]
    outlet: str
    published: str
    evidence: Evidence


@dataclass
class Speaker:
    id: str
    name: str
    attributions: int
    statements: list[Statement]


def _affiliated(v: Any) -> str:
    return "—" if v is None else ("state" if v else "no")


def voices_section(store: Store, link: Linker) -> Section:
    """Top actors with aliases and counts; for the top speakers what they are reported to say."""
    if not ran(store, "actors"):
        return not_run("actors", "resolved actors")
    from ..voices.query import list_actors, voices_of
    actors = list_actors(store)
    if not actors:
        return Section(True, "The actors stage ran but found no actor mentioned in the documents.")
    sec = Section(True)
    for a in actors[:MAX_ACTORS]:
        seen = [x["alias"] for x in a["aliases"] if x["n"]] or [x["alias"] for x in a["aliases"]]
        sec.items.append({"id": a["id"], "name": a["name"], "type": a.get("type") or "",
                          "country": a.get("country") or "", "state": _affiliated(a.get("state_affiliated")),
                          "aliases": seen[:MAX_ALIASES], "more_aliases": max(0, len(seen) - MAX_ALIASES),
                          "mentions": a.get("mentions") or 0, "attributions": a.get("attributions") or 0,
                          "documents": a.get("documents") or 0})
    if len(actors) > MAX_ACTORS:
        sec.left_out.append(f"{len(actors) - MAX_ACTORS} less mentioned actors (of {len(actors)}) are not shown.")
    speakers = sorted((a for a in actors if a.get("attributions")), key=lambda a: (-a["attributions"], a["name"]))
    for a in speakers[:MAX_SPEAKERS]:
        rows = voices_of(store, a["id"], limit=MAX_STATEMENTS)
        sec.extra.setdefault("speakers", []).append(Speaker(a["id"], a["name"], a["attributions"], [
            Statement(r["content"], r.get("kind") or "", r.get("cue") or "", r.get("stance") or "",
                      r.get("speaker_text") or "", [v["name"] for v in r.get("via") or []],
                      r.get("outlet") or "", str(r.get("published") or "")[:10],
                      link(r["doc_id"], "attribution", r["start"], r["end"], r["content"])) for r in rows]))
    sec.extra["speaker_ids"] = {sp.id for sp in sec.extra.get("speakers", ())}
    if len(speakers) > MAX_SPEAKERS:
        sec.left_out.append(f"Statements are shown for the top {MAX_SPEAKERS} of {len(speakers)} speakers, "
                            f"at most {MAX_STATEMENTS} each (newsprism voices ACTOR lists them all).")
    return sec


# --- techniques -----------------------------------------------------------------------------

def techniques_section(store: Store, _link: Linker | None = None) -> Section:
    """Per outlet, per technique: rate per 1,000 words (shaded), counts and share of text covered."""
    from ..techniques import TECHNIQUES
    from ..techniques.summaries import profile
    prof = profile(store)
    analysed = {o: p for o, p in prof.items() if p["documents"]}
    if not analysed:
        skipped = sum(sum(p["not_analysed"].values()) for p in prof.values())
        return Section(False, "Not analysed yet: no document has a current run of the techniques stage"
                       + (f" ({skipped} documents not analysed: not English, failed or not run)." if skipped
                          else " (newsprism analyze)."))
    outlets = sorted(analysed, key=lambda o: (-analysed[o]["documents"], o))
    sec = Section(True)
    shown = outlets[:MAX_TECHNIQUE_OUTLETS]
    top = max((analysed[o]["per_1000_words_by_technique"][t.label] for o in shown for t in TECHNIQUES), default=0)
    shade: Callable[[float], int] = lambda r: 0 if r <= 0 or not top else 1 + min(SHADES - 2, int(
        (SHADES - 1) * r / top))
    from ..techniques import quality
    for t in TECHNIQUES:
        sec.items.append({"label": t.label, "name": t.name, "explanation": t.explanation,
                          "model_f1": quality.technique_f1(t.label), "cells": [
            {"rate": analysed[o]["per_1000_words_by_technique"][t.label], "count": analysed[o]["counts"][t.label],
             "shade": shade(analysed[o]["per_1000_words_by_technique"][t.label])} for o in shown]})
    sec.extra = {"outlets": [{"name": o, **{k: analysed[o][k] for k in (
        "documents", "words", "spans", "per_1000_words", "share_of_text")},
        "not_analysed": sum(analysed[o]["not_analysed"].values())} for o in shown],
        "skipped": sum(sum(p["not_analysed"].values()) for p in prof.values()), "caveat": quality.caveat()}
    if len(outlets) > MAX_TECHNIQUE_OUTLETS:
        sec.left_out.append(f"{len(outlets) - MAX_TECHNIQUE_OUTLETS} outlets with fewer analysed documents "
                            f"(of {len(outlets)}) are not shown.")
    return sec
