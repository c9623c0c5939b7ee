"""The report's Framing, Omission, Narratives and Timeline sections, read through ``framing.queries``
(and ``claims.query`` for the claim groups omission is built on).

Same contract as every section (``report.sections``): plain values for the template, a one-line
note when a stage has not run, caps with a note on what was left out.
"""

from __future__ import annotations

from collections import defaultdict

from ..claims.query import omission
from ..claims.report import _generic, group_label
from ..report.charts import column_chart, stack
from ..report.sections import Linker, Section, not_run, ran
from ..store import Store
from . import queries as q

MAX_REFERENTS = 16
MAX_VARIANT_OUTLETS = 10
MAX_WORDS = 6               # variants named beside a bar (all are in its tooltips)
MAX_TERM_GROUPS = 24
TOP_TERMS = 10
MAX_OMISSION = 40
MAX_LISTED_OUTLETS = 8
MAX_NARRATIVES = 20
MAX_EXEMPLARS = 2
MAX_EVENTS = 150
MAX_EVENT_SOURCES = 5
CONNOTATIONS = ("official", "neutral", "critical")
USES = (("own", ""), ("scare_quoted", "scare-quoted"), ("reported", "in reported speech"))


NO_VARIANTS = ("No competing terms: they come from a framing case file that names the story's referents and "
               "their wordings (setting framing_case; docs/framing.md, \"Case file\").")


def _conn_class(connotation: str) -> str:
    return connotation if connotation in CONNOTATIONS else "other"


def framing_section(store: Store, _link: Linker | None = None, story: str | None = None) -> Section:
    """Competing variants per referent by outlet (own / scare-quoted / reported), over-used terms."""
    if not ran(store, "framing"):
        return not_run("framing", "wording variants or over-used terms")
    usage = q.variant_usage(store, story=story)
    by_ref: dict[str, list[dict]] = defaultdict(list)
    for rec in usage:
        rec["total"] = sum(v[u] for v in rec["variants"].values() for u, _ in USES)
        by_ref[rec["referent"]].append(rec)
    refs = sorted(by_ref, key=lambda r: (-len(by_ref[r]), -sum(x["total"] for x in by_ref[r]), r))
    sec = Section(True)
    for ref in refs[:MAX_REFERENTS]:
        rows = sorted(by_ref[ref], key=lambda x: (-x["total"], x["outlet"]))
        top = max(x["total"] for x in rows)
        sec.items.append({"referent": ref, "rows": [_variant_row(x, top) for x in rows[:MAX_VARIANT_OUTLETS]],
                          "more": max(0, len(rows) - MAX_VARIANT_OUTLETS)})
    if len(refs) > MAX_REFERENTS:
        sec.left_out.append(f"{len(refs) - MAX_REFERENTS} referents (of {len(refs)}) with fewer outlets are "
                            "not shown; newsprism framing lists them all.")
    if any(i["more"] for i in sec.items):
        sec.left_out.append(f"Each referent shows its {MAX_VARIANT_OUTLETS} outlets using it most.")
    terms = q.outlet_terms(store, top=TOP_TERMS, story=story)
    order = {"outlet": 0, "affiliation": 1, "country": 2}
    terms.sort(key=lambda g: (order.get(g["scope"], 3), -sum(t["n_group"] for t in g["terms"]), g["group"]))
    sec.extra["terms"] = terms[:MAX_TERM_GROUPS]
    if len(terms) > MAX_TERM_GROUPS:
        sec.left_out.append(f"Over-used terms are shown for {MAX_TERM_GROUPS} of {len(terms)} outlet groups.")
    if not sec.items and not terms:
        sec.note = "The framing stage ran but found no lexicon variants and no over-used terms."
    elif not sec.items:
        sec.left_out.append(NO_VARIANTS)
    return sec


def _variant_row(rec: dict, top: int) -> dict:
    parts, words = [], []
    ordered = sorted(rec["variants"].items(),
                     key=lambda kv: (CONNOTATIONS.index(kv[1]["connotation"])
                                     if kv[1]["connotation"] in CONNOTATIONS else 9, -kv[1]["own"], kv[0]))
    for name, v in ordered:
        for use, how in USES:
            if v[use]:
                tip = f"{name} ({v['connotation']}{', ' + how if how else ''}): {v[use]}"
                parts.append((f"{_conn_class(v['connotation'])} {use}", v[use], tip))
                words.append({"variant": name, "n": v[use], "use": use, "connotation": v["connotation"]})
    words.sort(key=lambda w: -w["n"])
    return {"outlet": rec["outlet"], "affiliation": rec["affiliation"], "total": rec["total"],
            "segments": stack(parts, top), "words": words[:MAX_WORDS], "more_words": max(0, len(words) - MAX_WORDS)}


def omission_section(store: Store, link: Linker | None = None, story: str | None = None) -> Section:
    """Per claim group: which outlets carry the claim, the counter-claim, both, or neither."""
    res = omission(store, story=story)
    if not res.get("available"):
        return Section(False, "Not analysed yet: " + res.get("reason", "the reconcile stage has not run") + ".")
    groups = res["groups"]
    if not groups:
        return Section(True, "No claim group is carried by more than one document or disputed yet.")
    groups = sorted(groups, key=lambda g: (not g["disputed"], _generic(g), -g["claim_docs"] - g["counter_docs"]))
    shown = link.claim_groups if link else set()
    sec = Section(True)
    for g in groups[:MAX_OMISSION]:
        sec.items.append(g | {"label": group_label(g), "href": f"#claim-{g['group_id']}"
                              if g["group_id"] in shown else None} | {k + "_more": max(0, len(g[k]) - MAX_LISTED_OUTLETS) for k in
                              ("claim_only", "both", "counter_only", "silent")}
                         | {k: g[k][:MAX_LISTED_OUTLETS] for k in ("claim_only", "both", "counter_only", "silent")})
    if len(groups) > MAX_OMISSION:
        sec.left_out.append(f"{len(groups) - MAX_OMISSION} claim groups (of {len(groups)}) are not shown.")
    return sec


def narratives_section(store: Store, link: Linker, story: str | None = None) -> Section:
    """Storylines: label phrases, exemplar passages, outlets, and a small monthly chart."""
    if not ran(store, "narratives"):
        return not_run("narratives", "narratives")
    items = q.narratives(store, story=story)
    if not items:
        return Section(True, "The narratives stage ran but found no recurring storyline.")
    sec = Section(True)
    for n in items[:MAX_NARRATIVES]:
        months = _every_month(n["by_month"])
        sec.items.append({
            "label": n["label"], "phrases": n["phrases"][:8], "size": n["size"], "cohesion": n.get("cohesion"),
            "outlets": list(n["by_outlet"].items())[:MAX_LISTED_OUTLETS],
            "more_outlets": max(0, len(n["by_outlet"]) - MAX_LISTED_OUTLETS),
            "affiliations": n.get("by_affiliation") or {},
            "exemplars": [{"outlet": e.get("outlet") or "", "evidence": link(e["doc_id"], None, None, None,
                                                                             e.get("text") or "")}
                          for e in n["exemplars"][:MAX_EXEMPLARS]],
            "chart": column_chart("documents by month", [(k if k != "undated" else "unknown", v)
                                                         for k, v in months]) if months else None})
    if len(items) > MAX_NARRATIVES:
        sec.left_out.append(f"{len(items) - MAX_NARRATIVES} smaller narratives (of {len(items)}) are not shown.")
    return sec


def _every_month(by_month: dict[str, int]) -> list[tuple[str, int]]:
    """Counts for every month from the first to the last (empty months as 0), undated last."""
    dated = sorted(k for k in by_month if len(k) == 7 and k[:4].isdigit() and k[5:].isdigit())
    out = []
    if dated:
        y, m = int(dated[0][:4]), int(dated[0][5:])
        while f"{y:04d}-{m:02d}" <= dated[-1] and len(out) < 240:
            out.append((f"{y:04d}-{m:02d}", by_month.get(f"{y:04d}-{m:02d}", 0)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    rest = sum(v for k, v in by_month.items() if k not in dated)
    return out + ([("unknown", rest)] if rest else [])


def timeline_section(store: Store, link: Linker, story: str | None = None) -> Section:
    """Dated events of the coverage's period in date order, with their sources and the earliest report;
    dated references outside the period (history recalled, plans) listed apart (``extra["historical"]``)."""
    if not ran(store, "timeline"):
        return not_run("timeline", "dated events")
    from .scoped import coverage_period
    every = q.events(store, story=story)
    if not every:
        return Section(True, "The timeline stage ran but found no dated event.")
    evs = [e for e in every if e["in_period"]]
    old = [e for e in every if not e["in_period"]]
    sec = Section(True, "" if evs else "No dated event falls in the coverage's period.")
    sec.items = [_event_item(e, link) for e in _most_sourced(evs, MAX_EVENTS)]
    period = coverage_period(store, story)
    sec.extra = {"period": period, "n_historical": len(old),
                 "historical": [_event_item(e, link) for e in _most_sourced(old, MAX_EVENTS // 4)]}
    if len(evs) > MAX_EVENTS:
        sec.left_out.append(f"The {MAX_EVENTS} events with the most sources are shown, of {len(evs)} "
                            "(newsprism timeline lists them all).")
    if len(old) > MAX_EVENTS // 4:
        sec.left_out.append(f"The {MAX_EVENTS // 4} references outside the period with the most sources are "
                            f"shown, of {len(old)}.")
    return sec


def _most_sourced(evs: list[dict], n: int) -> list[dict]:
    keep = sorted(evs, key=lambda e: (-e["n_sources"], e["date"]))[:n] if len(evs) > n else evs
    return sorted(keep, key=lambda e: (e["date"], -e["n_sources"]))


def _event_item(e: dict, link: Linker) -> dict:
    srcs = e["sources"]
    return {"date": e["date"], "granularity": e.get("granularity") or "", "label": e.get("label") or "",
            "n_sources": e["n_sources"], "n_outlets": e.get("n_outlets") or 0,
            "earliest_report": e.get("earliest_report") or "",
            "earliest": link(e["earliest_doc"], None, None, None, "") if e.get("earliest_doc") else None,
            "subjects": e.get("claim_subjects") or [],
            "sources": [{"outlet": s.get("outlet") or "", "published": str(s.get("published") or "")[:10],
                         "time_text": s.get("time_text") or "",
                         "evidence": link(s["doc_id"], None, None, None, s.get("text") or "")}
                        for s in srcs[:MAX_EVENT_SOURCES]],
            "more_sources": max(0, len(srcs) - MAX_EVENT_SOURCES)}
