"""Rows shared by every exporter: one definition of each table's columns.

Each column is declared once, with its Arrow type and a one-line meaning, so
the CSV header, the Parquet schema and docs/export-schema.md cannot drift apart
(tests/test_export.py checks the docs name every column).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

import pyarrow as pa

from ..model import META_FIELDS, Document, Failure, MetaField, Span
from ..store import Store


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str
    json: bool = False        # text holding JSON in CSV/Parquet; a JSON value in the corpus JSONL file


def _meta_columns() -> list[Column]:
    cols = []
    for f in META_FIELDS:
        cols += [Column(f, pa.string(), f"value of metadata field `{f}` (text; non-text values as JSON)"),
                 Column(f"{f}_source", pa.string(), f"how `{f}` was found (method name)"),
                 Column(f"{f}_confidence", pa.float64(), f"confidence of `{f}` in [0, 1]"),
                 Column(f"{f}_evidence", pa.string(), f"what was seen when `{f}` was found")]
    return cols


DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("id", pa.string(), "document id (stable for the same locator and raw bytes)"),
    Column("schema_version", pa.string(), "export schema version"),
    Column("seq", pa.int64(), "order of arrival in the store"),
    Column("locator", pa.string(), "where the document came from (path, path#line=N, URL)"),
    Column("reader", pa.string(), "reader that read it (text, html, jsonl, ...)"),
    Column("raw_sha256", pa.string(), "SHA-256 of the raw input bytes (kept in the store)"),
    Column("text_sha256", pa.string(), "SHA-256 of the clean text (UTF-8)"),
    *_meta_columns(),
    Column("meta", pa.string(), "JSON object of every metadata field with provenance, including non-standard ones"),
    Column("duplicate_of", pa.string(), "id of the earlier document this one copies, or empty"),
    Column("duplicate_kind", pa.string(), "`exact` or `near`, or empty"),
    Column("duplicate_score", pa.float64(), "similarity to `duplicate_of` in [0, 1], or empty"),
    Column("n_chars", pa.int64(), "length of the clean text in code points"),
    Column("n_spans", pa.int64(), "number of spans over this document, all layers"),
    Column("removed", pa.string(), "JSON list of what cleaning removed: {text, reason}"),
    Column("extra", pa.string(), "JSON object of reader-specific extra fields"),
    Column("text", pa.string(), "the clean text that span offsets point into"),
)

SPAN_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", pa.string(), "id of the document the span is over"),
    Column("layer", pa.string(), "layer the span belongs to (sentence, entity, ...)"),
    Column("start", pa.int64(), "start offset in code points into the clean text (inclusive)"),
    Column("end", pa.int64(), "end offset in code points (exclusive)"),
    Column("text", pa.string(), "the covered text, `text[start:end]`, for convenience"),
    Column("label", pa.string(), "category within the layer"),
    Column("stage", pa.string(), "stage that produced the span"),
    Column("stage_version", pa.string(), "version of that stage"),
    Column("score", pa.float64(), "producer's confidence in [0, 1]"),
    Column("attrs", pa.string(), "JSON object of layer-specific fields"),
)

FAILURE_COLUMNS: tuple[Column, ...] = (
    Column("locator", pa.string(), "input (path, path#line=N, URL) the failure is about"),
    Column("doc_id", pa.string(), "document id when a stored document failed a stage, else empty"),
    Column("stage", pa.string(), "read, decode, fetch, clean, store, or a document stage name"),
    Column("code", pa.string(), "error code (NPxxx, see newsprism.errors)"),
    Column("message", pa.string(), "one-line cause"),
    Column("raw_sha256", pa.string(), "raw bytes kept in the store under this hash, or empty"),
    Column("at", pa.string(), "when it was recorded (ISO 8601, UTC)"),
)

# --- corpus tables: what the corpus stages built, read through the features' query functions ---

def _j(name: str, doc: str) -> Column:
    return Column(name, pa.string(), doc, json=True)


CLAIM_GROUP_COLUMNS: tuple[Column, ...] = (
    Column("group_id", pa.string(), "claim group id (stable for the same subject and value class)"),
    Column("subject", pa.string(), "subject id (cross-lingual, e.g. `nk-troops-deployed`; `count:<noun>` when generic)"),
    Column("label", pa.string(), "readable subject label"),
    Column("kind", pa.string(), "`quantity` or `assertion`"),
    Column("value_kind", pa.string(), "value class of a quantity group (count, money, measure, share, multiple)"),
    Column("n_claims", pa.int64(), "claims in the group"),
    Column("n_sources", pa.int64(), "distinct sources"),
    Column("n_origins", pa.int64(), "distinct origins (relays of one statement count once)"),
    Column("min_value", pa.float64(), "smallest value over non-increment, non-vague claims"),
    Column("max_value", pa.float64(), "largest such value"),
    Column("spread", pa.float64(), "(max - min) / max, or empty"),
    Column("disagreement", pa.bool_(), "two origins' value intervals do not overlap"),
    Column("disputed", pa.bool_(), "a dispute (counter-claim) is linked to the group"),
    _j("disputed_by", "JSON list of the sources that dispute it"),
    _j("relays", "JSON list of actor ids the claims were relayed through"),
    _j("outlets", "JSON list of outlets carrying the group"),
    _j("conflicts", "JSON list of conflicting value pairs `{a: [origin, text, as_of], b: [...], period: same|undated}` "
                    "(at most 20)"),
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

ACTOR_COLUMNS: tuple[Column, ...] = (
    Column("actor_id", pa.string(), "canonical actor id (e.g. `kim-jong-un`)"),
    Column("name", pa.string(), "canonical name"),
    Column("type", pa.string(), "person, media, agency, military, place, org, ..."),
    Column("country", pa.string(), "ISO country code"),
    Column("affiliation", pa.string(), "organisation the actor belongs to"),
    Column("state_affiliated", pa.bool_(), "state-affiliated (media, agencies), empty when unknown"),
    Column("source", pa.string(), "`registry` or observed in the corpus"),
    Column("registry_version", pa.string(), "version of the actor registry"),
    Column("mentions", pa.int64(), "mentions in the corpus"),
    Column("attributions", pa.int64(), "statements attributed to the actor"),
    Column("documents", pa.int64(), "documents mentioning the actor"),
    _j("aliases", "JSON list of `{alias, source, n}`: spellings in any script and how often each was seen"),
)

TECHNIQUE_PROFILE_COLUMNS: tuple[Column, ...] = (
    Column("outlet", pa.string(), "outlet (`(unknown)` when not found); duplicates are not counted"),
    Column("technique", pa.string(), "technique label (SemEval-2020 Task 11)"),
    Column("technique_name", pa.string(), "display name of the technique"),
    Column("count", pa.int64(), "technique spans in the outlet's analysed documents"),
    Column("per_1000_words", pa.float64(), "spans of this technique per 1,000 words"),
    Column("outlet_documents", pa.int64(), "documents of the outlet analysed by the techniques stage"),
    Column("outlet_words", pa.int64(), "words in those documents"),
    Column("outlet_share_of_text", pa.float64(), "share of the outlet's text covered by any technique span"),
    Column("outlet_not_analysed", pa.int64(), "documents of the outlet not analysed (not English, failed, stale)"),
)

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

DOCUMENT_TABLES: dict[str, tuple[Column, ...]] = {
    "documents": DOCUMENT_COLUMNS, "spans": SPAN_COLUMNS, "failures": FAILURE_COLUMNS}
CORPUS_TABLES: dict[str, tuple[Column, ...]] = {
    "claim_groups": CLAIM_GROUP_COLUMNS, "claim_members": CLAIM_MEMBER_COLUMNS, "actors": ACTOR_COLUMNS,
    "technique_profile": TECHNIQUE_PROFILE_COLUMNS, "framing_variants": FRAMING_VARIANT_COLUMNS,
    "framing_terms": FRAMING_TERM_COLUMNS, "narratives": NARRATIVE_COLUMNS,
    "timeline_events": TIMELINE_EVENT_COLUMNS, "timeline_sources": TIMELINE_SOURCE_COLUMNS}
TABLES: dict[str, tuple[Column, ...]] = {**DOCUMENT_TABLES, **CORPUS_TABLES}


def arrow_schema(table: str, schema_version: str) -> pa.Schema:
    """The explicit Arrow schema of one table, stamped with the export schema version."""
    return pa.schema([pa.field(c.name, c.type) for c in TABLES[table]],
                     metadata={"newsprism.export_schema_version": schema_version,
                               "newsprism.table": table})


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable (Cyrillic, Hangul stay as is)."""
    return json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return dumps(value)


def meta_dict(doc: Document) -> dict[str, dict[str, Any]]:
    return {k: v.to_dict() for k, v in doc.meta.items()}


def span_dict(span: Span, text: str) -> dict[str, Any]:
    """A span as exported inside a document's ``layers`` (the layer is the key)."""
    return {"start": span.start, "end": span.end, "text": text[span.start:span.end],
            "label": span.label, "stage": span.stage, "stage_version": span.stage_version,
            "score": span.score, "attrs": dict(span.attrs)}


def document_row(doc: Document, n_spans: int, schema_version: str) -> dict[str, Any]:
    """One flat row of the documents table."""
    row: dict[str, Any] = {
        "id": doc.id, "schema_version": schema_version, "seq": doc.seq, "locator": doc.locator,
        "reader": doc.reader, "raw_sha256": doc.raw_sha256, "text_sha256": doc.text_sha256}
    for f in META_FIELDS:
        m: MetaField | None = doc.meta.get(f)
        row[f] = _as_text(m.value) if m else None
        row[f"{f}_source"] = m.source if m else None
        row[f"{f}_confidence"] = float(m.confidence) if m else None
        row[f"{f}_evidence"] = m.evidence if m else None
    row.update({
        "meta": dumps(meta_dict(doc)), "duplicate_of": doc.duplicate_of,
        "duplicate_kind": doc.duplicate_kind, "duplicate_score": doc.duplicate_score,
        "n_chars": len(doc.text), "n_spans": n_spans, "removed": dumps(doc.removed),
        "extra": dumps(doc.extra), "text": doc.text})
    return row


def span_row(doc: Document, span: Span) -> dict[str, Any]:
    """One flat row of the spans table."""
    d = span_dict(span, doc.text)
    return {"doc_id": doc.id, "layer": span.layer, **d, "attrs": dumps(d["attrs"])}


def failure_row(f: Failure) -> dict[str, Any]:
    return {"locator": f.locator, "doc_id": f.doc_id, "stage": f.stage, "code": f.code,
            "message": f.message, "raw_sha256": f.raw_sha256, "at": f.at}


def iter_documents_with_spans(store: Store) -> Iterator[tuple[Document, list[Span]]]:
    """Every document in arrival order with all of its spans (one query per document)."""
    for doc in store.iter_documents():
        yield doc, store.spans(doc.id)
