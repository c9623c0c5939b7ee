"""The framing feature's export tables: wording variants, over-used terms, narratives, timeline."""

from __future__ import annotations

import pyarrow as pa

from .. import plugins
from ..export.records import Column, dumps, json_column as _j
from ..store import Store

from .queries import events, narratives, outlet_terms, variant_usage

# Over-used terms kept per outlet group in the export (the report shows fewer).
EXPORT_TOP_TERMS = 100

FRAMING_VARIANT_COLUMNS: tuple[Column, ...] = (
    Column("referent", pa.string(), "what is named (e.g. `territory-control`, `nk-soldiers`)"),
    Column("outlet", pa.string(), "outlet using the wording"),
    Column("affiliation", pa.string(), "`state`, `independent` or `unknown`"),
    Column("variant", pa.string(), "the wording (e.g. `liberat*`, `occupied`)"),
    Column("connotation", pa.string(), "official, neutral or critical"),
    Column("own", pa.int64(), "uses in the outlet's own voice"),
    Column("scare_quoted", pa.int64(), "uses in scare quotes (distanced)"),
    Column("reported", pa.int64(), "uses inside reported speech"),
)

FRAMING_TERM_COLUMNS: tuple[Column, ...] = (
    Column("scope", pa.string(), "`outlet`, `affiliation` or `country`"),
    Column("group", pa.string(), "the outlet, affiliation or country"),
    Column("rank", pa.int64(), "rank within the group (1 = most over-used)"),
    Column("term", pa.string(), "the term"),
    Column("n_group", pa.int64(), "uses in the group"),
    Column("n_rest", pa.int64(), "uses in the rest of the corpus"),
    Column("log_odds", pa.float64(), "log-odds ratio with an informative Dirichlet prior"),
    Column("z", pa.float64(), "z-score of the log-odds (>= 1.96 notable)"),
)

NARRATIVE_COLUMNS: tuple[Column, ...] = (
    Column("narrative_id", pa.int64(), "narrative id"),
    Column("label", pa.string(), "label made of its top phrases"),
    _j("phrases", "JSON list of its characteristic phrases"),
    Column("size", pa.int64(), "passages in the narrative"),
    Column("cohesion", pa.float64(), "mean similarity of members to the centre"),
    Column("model", pa.string(), "embedding model and version"),
    _j("by_outlet", "JSON object outlet -> passages"),
    _j("by_affiliation", "JSON object affiliation -> passages"),
    _j("by_month", "JSON object YYYY-MM (or `undated`) -> passages"),
    _j("exemplars", "JSON list of `{doc_id, start, end, outlet, text, similarity}`"),
)

TIMELINE_EVENT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", pa.string(), "event id"),
    Column("date", pa.string(), "ISO date of the event (YYYY, YYYY-MM or YYYY-MM-DD)"),
    Column("granularity", pa.string(), "year, month or day"),
    Column("label", pa.string(), "a sentence describing the event"),
    Column("n_sources", pa.int64(), "sentences reporting it"),
    Column("n_outlets", pa.int64(), "outlets reporting it"),
    Column("earliest_doc", pa.string(), "document of the earliest report"),
    Column("earliest_report", pa.string(), "published date of the earliest report"),
    _j("claim_subjects", "JSON list of claim subjects the event is linked to"),
    Column("in_period", pa.bool_(), "the event lies in the coverage's period (from 31 days before the first report"
                                    " to the last; a year-only date only when the whole year does); false for"
                                    " history recalled and plans announced"),
)

TIMELINE_SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("event_id", pa.string(), "event (`timeline_events.event_id`)"),
    Column("doc_id", pa.string(), "document reporting it"),
    Column("start", pa.int64(), "start offset of the reporting sentence"),
    Column("end", pa.int64(), "end offset (exclusive)"),
    Column("outlet", pa.string(), "outlet of the document"),
    Column("published", pa.string(), "published date of the document"),
    Column("time_text", pa.string(), "the words the date was read from"),
    Column("text", pa.string(), "the sentence"),
)


def _ran(store: Store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def _story(store) -> str | None:
    """The story of an ``export --story`` (export/scoped.py's StoryStore): its own results, whole."""
    return getattr(store, "story", None)


def framing_rows(store: Store) -> tuple[list[dict], list[dict]]:
    if not _ran(store, "framing"):
        return [], []
    variants = [{"referent": r["referent"], "outlet": r["outlet"], "affiliation": r["affiliation"], "variant": v,
                 "connotation": u["connotation"], "own": u["own"], "scare_quoted": u["scare_quoted"],
                 "reported": u["reported"]}
                for r in variant_usage(store, story=_story(store)) for v, u in r["variants"].items()]
    terms = [{"scope": g["scope"], "group": g["group"], "rank": i, **t}
             for g in outlet_terms(store, top=EXPORT_TOP_TERMS, story=_story(store))
             for i, t in enumerate(g["terms"], 1)]
    return variants, terms


def narrative_rows(store: Store) -> list[dict]:
    if not _ran(store, "narratives"):
        return []
    return [{"narrative_id": n["id"], "label": n["label"], "phrases": dumps(n["phrases"]), "size": n["size"],
             "cohesion": n.get("cohesion"), "model": n.get("model"), "by_outlet": dumps(n["by_outlet"]),
             "by_affiliation": dumps(n.get("by_affiliation") or {}), "by_month": dumps(n["by_month"]),
             "exemplars": dumps(n["exemplars"])} for n in narratives(store, story=_story(store))]


def timeline_rows(store: Store) -> tuple[list[dict], list[dict]]:
    if not _ran(store, "timeline"):
        return [], []
    evs, srcs = [], []
    for e in events(store, story=_story(store)):
        evs.append({"event_id": e["id"], "date": e["date"], "granularity": e.get("granularity"),
                    "label": e.get("label"), "n_sources": e["n_sources"], "n_outlets": e.get("n_outlets"),
                    "earliest_doc": e.get("earliest_doc"), "earliest_report": e.get("earliest_report"),
                    "claim_subjects": dumps(e.get("claim_subjects") or []), "in_period": bool(e["in_period"])})
        srcs += [{"event_id": e["id"], **{k: s.get(k) for k in ("doc_id", "start", "end", "outlet", "published",
                                                                "time_text", "text")}} for s in e["sources"]]
    return evs, srcs


def _framing(store: Store) -> dict[str, list[dict]]:
    variants, terms = framing_rows(store)
    return {"framing_variants": variants, "framing_terms": terms}


def _timeline(store: Store) -> dict[str, list[dict]]:
    events_, sources = timeline_rows(store)
    return {"timeline_events": events_, "timeline_sources": sources}


TABLES = (plugins.CorpusTables({"framing_variants": FRAMING_VARIANT_COLUMNS, "framing_terms": FRAMING_TERM_COLUMNS},
                               _framing, stage="framing"),
          plugins.CorpusTables({"narratives": NARRATIVE_COLUMNS},
                               lambda store: {"narratives": narrative_rows(store)}, stage="narratives"),
          plugins.CorpusTables({"timeline_events": TIMELINE_EVENT_COLUMNS, "timeline_sources": TIMELINE_SOURCE_COLUMNS},
                               _timeline, stage="timeline"))
