"""Exports of a store built from the seed articles: jsonl, csv and parquet round trips."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsprism.config import Settings
from newsprism.errors import ExportError
from newsprism.export import EXPORT_SCHEMA_VERSION, export, read_jsonl
from newsprism.export.records import TABLES, arrow_schema
from newsprism.export.tables import ROW_READERS
from newsprism.model import Failure, Span
from newsprism.pipeline import analyze, ingest
from newsprism.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DOCS = Path(__file__).resolve().parents[1] / "docs"


def _cross_layer_spans(text: str) -> list[Span]:
    """Spans that nest in and cross sentence boundaries, with attrs, to stress exporters."""
    n = len(text)
    return [Span(10, min(n, 300), "quote", "direct", "test-quotes", "1", 0.75,
                 {"speaker": "Ким Чен Ын", "nested": {"k": [1, 2]}}),
            Span(0, min(n, 40), "entity", "ORG", "test-quotes", "1", 0.5, {"canonical": "KCNA"})]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    db = tmp_path_factory.mktemp("seed") / "seeds.db"
    store, settings = open_store(db), Settings(db=str(db))
    ingest(store, [str(SEEDS)], settings)
    analyze(store, settings)
    for doc in store.iter_documents():
        store.save_stage_result(doc.id, "test-quotes", "1", doc.text_sha256,
                                _cross_layer_spans(doc.text), 0.0)
    store.record_failure(Failure("broken.html", "read", "NP310", "=HYPERLINK(\"x\") not text", None, None))
    yield store
    store.close()


def _store_spans(store) -> dict[str, list[dict]]:
    return {d.id: sorted((s.to_dict() for s in store.spans(d.id)), key=json.dumps)
            for d in store.iter_documents()}


def test_jsonl_round_trip(seed_store, tmp_path):
    out = tmp_path / "corpus.jsonl"
    summary = export(seed_store, "jsonl", out)
    originals = {d.id: d for d in seed_store.iter_documents()}
    assert summary["documents"] == len(originals) == 5
    back = list(read_jsonl(out))
    assert [d.id for d, _ in back] == list(originals)
    expected = _store_spans(seed_store)
    for doc, spans in back:
        orig = originals[doc.id]
        assert (doc.text, doc.meta, doc.removed, doc.raw_sha256) == (orig.text, orig.meta, orig.removed,
                                                                        orig.raw_sha256)
        assert sorted((s.to_dict() for s in spans), key=json.dumps) == expected[doc.id]
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["schema_version"] == EXPORT_SCHEMA_VERSION
    assert {"sentence", "paragraph", "quote", "entity"} <= set(first["layers"])
    for layer in first["layers"].values():
        for s in layer:
            assert s["text"] == first["text"][s["start"]:s["end"]]
    assert first["meta"]["language"]["source"]            # provenance travels with the value


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_round_trip(seed_store, tmp_path, fmt):
    out = tmp_path / fmt
    summary = export(seed_store, fmt, out)
    read = ROW_READERS[fmt]
    docs = read(out / f"documents.{fmt}")
    spans = read(out / f"spans.{fmt}")
    fails = read(out / f"failures.{fmt}")
    originals = {d.id: d for d in seed_store.iter_documents()}
    assert summary["documents"] == len(docs) == len(originals)
    assert summary["spans"] == len(spans) == seed_store.stats()["spans"]
    assert [f["code"] for f in fails] == ["NP310"]
    texts = {r["id"]: r["text"] for r in docs}
    assert texts == {i: d.text for i, d in originals.items()}
    for r in spans:
        start, end = int(r["start"]), int(r["end"])
        assert r["text"] == texts[r["doc_id"]][start:end]
        assert isinstance(json.loads(r["attrs"]), dict)
    quote = next(r for r in spans if r["layer"] == "quote")
    assert json.loads(quote["attrs"])["speaker"] == "Ким Чен Ын"
    assert all(r["schema_version"] == EXPORT_SCHEMA_VERSION for r in docs)
    assert json.loads((out / "manifest.json").read_text())["schema_version"] == EXPORT_SCHEMA_VERSION


def test_parquet_uses_the_declared_schema(seed_store, tmp_path):
    export(seed_store, "parquet", tmp_path)
    for table in TABLES:
        schema = pq.read_schema(tmp_path / f"{table}.parquet")
        assert schema.equals(arrow_schema(table, EXPORT_SCHEMA_VERSION), check_metadata=True)


def test_csv_header_is_the_declared_columns(seed_store, tmp_path):
    export(seed_store, "csv", tmp_path)
    for table, cols in TABLES.items():
        header = (tmp_path / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [c.name for c in cols]


def test_csv_excel_variant_defuses_formulas(seed_store, tmp_path):
    export(seed_store, "csv", tmp_path / "exact")
    export(seed_store, "csv-excel", tmp_path / "excel")
    exact = ROW_READERS["csv"](tmp_path / "exact" / "failures.csv")[0]["message"]
    safe = ROW_READERS["csv"](tmp_path / "excel" / "failures.csv")[0]["message"]
    assert exact.startswith("=") and safe == "'" + exact


def test_wrong_output_kind_is_an_error_a_person_can_act_on(seed_store, tmp_path):
    a_file = tmp_path / "x.txt"
    a_file.write_text("")
    with pytest.raises(ExportError, match="is a file"):
        export(seed_store, "csv", a_file)
    with pytest.raises(ExportError, match="is a folder"):
        export(seed_store, "jsonl", tmp_path)
    with pytest.raises(ExportError, match="unknown export format"):
        export(seed_store, "xml", tmp_path / "x.xml")


def test_empty_store_exports_valid_empty_tables(tmp_path):
    store = open_store(tmp_path / "empty.db")
    for fmt in ("csv", "parquet"):
        summary = export(store, fmt, tmp_path / fmt)
        assert summary["documents"] == summary["spans"] == summary["failures"] == 0
    assert pq.read_table(tmp_path / "parquet" / "spans.parquet").num_rows == 0
    assert export(store, "jsonl", tmp_path / "e.jsonl")["documents"] == 0


def test_schema_doc_names_every_column_and_the_version():
    text = (DOCS / "export-schema.md").read_text(encoding="utf-8")
    assert re.search(rf"schema version[^\n]*`{EXPORT_SCHEMA_VERSION}`", text, re.I)
    for table, cols in TABLES.items():
        for c in cols:
            assert f"`{c.name}`" in text, f"docs/export-schema.md does not describe {table}.{c.name}"
