"""Rows shared by every exporter: one definition of each table's columns.

Each column is declared once, with its Arrow type and a one-line meaning, so
the CSV header, the Parquet schema and docs/export-schema.md cannot drift apart
(tests/test_export.py checks the docs name every column).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from collections.abc import Mapping
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

def json_column(name: str, doc: str) -> Column:
    """A text column holding JSON (a JSON value in the corpus JSONL file)."""
    return Column(name, pa.string(), doc, json=True)


_j = json_column


DOCUMENT_TABLES: dict[str, tuple[Column, ...]] = {
    "documents": DOCUMENT_COLUMNS, "spans": SPAN_COLUMNS, "failures": FAILURE_COLUMNS}
class _Registered(Mapping):
    """Table name -> columns, read from the registry each time (features register their tables)."""

    def __init__(self, with_documents: bool):
        self.with_documents = with_documents

    def _tables(self) -> dict[str, tuple[Column, ...]]:
        from .. import plugins
        out = dict(DOCUMENT_TABLES) if self.with_documents else {}
        for t in plugins.corpus_tables():
            out.update(t.columns)
        return out

    def __getitem__(self, key: str) -> tuple[Column, ...]:
        return self._tables()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables())

    def __len__(self) -> int:
        return len(self._tables())


# Every registered corpus table (``plugins.register_corpus_tables``), in export order; with the documents' too.
CORPUS_TABLES: Mapping[str, tuple[Column, ...]] = _Registered(with_documents=False)
TABLES: Mapping[str, tuple[Column, ...]] = _Registered(with_documents=True)


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
