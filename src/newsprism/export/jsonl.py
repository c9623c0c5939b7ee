"""JSON Lines export: one self-contained JSON object per document, spans grouped by layer.

The corpus tables (claims, actors, techniques, framing, narratives, timeline) go to a
second file beside it, ``<name>.corpus.jsonl``, one record per row tagged with its
``table``, so the document file keeps one shape per line and old readers keep working.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from ..model import META_FIELDS, Document, MetaField, Span
from ..store import Store
from .corpus import corpus_status, iter_corpus_records
from .records import CORPUS_TABLES, dumps, iter_documents_with_spans, meta_dict, span_dict


def document_object(doc: Document, spans: list[Span], schema_version: str) -> dict[str, Any]:
    """The exported object of one document (field by field in docs/export-schema.md)."""
    obj: dict[str, Any] = {"id": doc.id, "schema_version": schema_version, "seq": doc.seq,
                           "locator": doc.locator, "reader": doc.reader}
    for f in META_FIELDS:
        obj[f] = doc.get(f)
    obj.update({
        "meta": meta_dict(doc), "duplicate_of": doc.duplicate_of, "duplicate_kind": doc.duplicate_kind,
        "duplicate_score": doc.duplicate_score, "raw_sha256": doc.raw_sha256,
        "text_sha256": doc.text_sha256, "removed": doc.removed, "extra": doc.extra,
        "text": doc.text, "layers": _layers(doc.text, spans)})
    return obj


def _layers(text: str, spans: list[Span]) -> dict[str, list[dict[str, Any]]]:
    layers: dict[str, list[dict[str, Any]]] = {}
    for s in spans:
        layers.setdefault(s.layer, []).append(span_dict(s, text))
    return layers


def to_line(obj: dict[str, Any]) -> str:
    """One JSON line. U+2028/U+2029 are escaped because some line readers split on them."""
    return dumps(obj).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


class JsonlExporter:
    """``newsprism export --format jsonl -o corpus.jsonl``: one file."""

    name = "jsonl"

    def write(self, store: Store, out: Path) -> dict[str, Any]:
        from . import EXPORT_SCHEMA_VERSION, prepare_file
        prepare_file(out)
        n_docs = n_spans = 0
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            for doc, spans in iter_documents_with_spans(store):
                fh.write(to_line(document_object(doc, spans, EXPORT_SCHEMA_VERSION)))
                n_docs += 1
                n_spans += len(spans)
        corpus = corpus_path(out)
        counts = dict.fromkeys(CORPUS_TABLES, 0)
        with open(corpus, "w", encoding="utf-8", newline="\n") as fh:
            for rec in iter_corpus_records(store, EXPORT_SCHEMA_VERSION):
                fh.write(to_line(rec))
                counts[rec["table"]] += 1
        return {"format": self.name, "schema_version": EXPORT_SCHEMA_VERSION, "path": str(out),
                "files": [str(out), str(corpus)], "documents": n_docs, "spans": n_spans, **counts,
                "corpus_stages": corpus_status(store)}


def corpus_path(out: str | Path) -> Path:
    """Where the corpus records go beside a document file: ``corpus.jsonl`` -> ``corpus.corpus.jsonl``."""
    out = Path(out)
    return out.with_name((out.name[:-6] if out.name.endswith(".jsonl") else out.name) + ".corpus.jsonl")


def read_corpus_jsonl(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """The corpus file back as ``{table: [row, ...]}`` (JSON columns as JSON values)."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in CORPUS_TABLES}
    with open(path, encoding="utf-8", newline="\n") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.setdefault(rec["table"], []).append(rec)
    return out


def read_jsonl(path: str | Path) -> Iterator[tuple[Document, list[Span]]]:
    """Read an export back into Documents and Spans (the inverse of the jsonl exporter)."""
    with open(path, encoding="utf-8", newline="\n") as fh:
        for line in fh:
            if line.strip():
                yield from_object(json.loads(line))


def from_object(obj: dict[str, Any]) -> tuple[Document, list[Span]]:
    """One exported object back into a Document and its spans."""
    meta = {k: MetaField.from_dict(v) for k, v in (obj.get("meta") or {}).items()}
    doc = Document(id=obj["id"], locator=obj["locator"], reader=obj["reader"],
                   raw_sha256=obj["raw_sha256"], text=obj["text"], meta=meta,
                   removed=obj.get("removed") or [], extra=obj.get("extra") or {},
                   duplicate_of=obj.get("duplicate_of"), duplicate_kind=obj.get("duplicate_kind"),
                   duplicate_score=obj.get("duplicate_score"), seq=obj.get("seq"))
    spans = [Span.from_dict({**d, "layer": layer})
             for layer, items in (obj.get("layers") or {}).items() for d in items]
    return doc, spans
