"""CSV and Parquet export: a folder of tables (documents, spans, failures, and the corpus tables).

Both formats stream documents in batches, so a large store is never held in
memory at once; the corpus tables (claims, actors, techniques, framing,
narratives, timeline) are aggregates and come in the last batch. Both write
``manifest.json`` with the schema version, counts and each corpus stage's status.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Callable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..store import Store
from .corpus import corpus_status, corpus_tables
from .records import (TABLES, arrow_schema, document_row, failure_row, iter_documents_with_spans,
                      span_row)

BATCH_DOCUMENTS = 256
# Excel runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit on one cell; a longer text is cut with a note (the jsonl/csv/parquet exports keep it whole).
EXCEL_CELL_CHARS = 32_767


def iter_batches(store: Store, schema_version: str) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Rows of every table in batches of about BATCH_DOCUMENTS documents."""
    batch: dict[str, list[dict[str, Any]]] = {"documents": [], "spans": []}
    for doc, spans in iter_documents_with_spans(store):
        batch["documents"].append(document_row(doc, len(spans), schema_version))
        batch["spans"].extend(span_row(doc, s) for s in spans)
        if len(batch["documents"]) >= BATCH_DOCUMENTS:
            yield batch
            batch = {"documents": [], "spans": []}
    batch["failures"] = [failure_row(f) for f in store.failures()]
    batch.update(corpus_tables(store))
    yield batch


def excel_safe(value: Any) -> Any:
    """Prefix a text cell that Excel would run as a formula with an apostrophe; cut a text over
    Excel's cell limit (Excel would split or refuse it), saying so in the cell."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    if len(value) > EXCEL_CELL_CHARS:
        note = f" …[cut: {len(value):,} characters; the csv, jsonl and parquet exports hold the whole text]"
        value = value[:EXCEL_CELL_CHARS - len(note)] + note
    return value


class _TableExporter:
    name = ""
    suffix = ""

    def write(self, store: Store, out: Path) -> dict[str, Any]:
        from . import EXPORT_SCHEMA_VERSION, prepare_dir
        prepare_dir(out)
        paths = {t: out / f"{t}.{self.suffix}" for t in TABLES}
        counts = self._write_tables(iter_batches(store, EXPORT_SCHEMA_VERSION), paths, EXPORT_SCHEMA_VERSION)
        manifest = out / "manifest.json"
        summary = {"format": self.name, "schema_version": EXPORT_SCHEMA_VERSION, "path": str(out),
                   "files": [str(p) for p in paths.values()] + [str(manifest)], **counts,
                   "corpus_stages": corpus_status(store)}
        manifest.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return summary

    def _write_tables(self, batches, paths: dict[str, Path], version: str) -> dict[str, int]:
        raise NotImplementedError


class CsvExporter(_TableExporter):
    """``newsprism export --format csv -o folder``: RFC 4180 CSV, UTF-8, header row.

    Values are written exactly (round-trip safe). ``excel=True`` prefixes cells
    that start with ``= + - @`` with an apostrophe so a hostile article cannot
    plant a formula in a spreadsheet, writes a UTF-8 byte-order mark (without it Excel
    reads UTF-8 as the local codepage: Cyrillic and Hangul garbled) and cuts texts over
    Excel's 32,767-character cell limit; use that for files people open in Excel.
    """

    suffix = "csv"

    def __init__(self, name: str = "csv", excel: bool = False):
        self.name, self.excel = name, excel

    def _write_tables(self, batches, paths: dict[str, Path], version: str) -> dict[str, int]:
        counts = dict.fromkeys(TABLES, 0)
        encoding = "utf-8-sig" if self.excel else "utf-8"
        files = {t: open(p, "w", encoding=encoding, newline="") for t, p in paths.items()}
        try:
            writers = {t: csv.DictWriter(fh, [c.name for c in TABLES[t]], lineterminator="\r\n")
                       for t, fh in files.items()}
            for w in writers.values():
                w.writeheader()
            for batch in batches:
                for table, rows in batch.items():
                    writers[table].writerows(self._clean(r) for r in rows)
                    counts[table] += len(rows)
        finally:
            for fh in files.values():
                fh.close()
        return counts

    def _clean(self, row: dict[str, Any]) -> dict[str, Any]:
        return {k: excel_safe(v) for k, v in row.items()} if self.excel else row


class ParquetExporter(_TableExporter):
    """``newsprism export --format parquet -o folder``: one Parquet file per table, zstd."""

    name = "parquet"
    suffix = "parquet"

    def _write_tables(self, batches, paths: dict[str, Path], version: str) -> dict[str, int]:
        counts = dict.fromkeys(TABLES, 0)
        schemas = {t: arrow_schema(t, version) for t in TABLES}
        writers = {t: pq.ParquetWriter(p, schemas[t], compression="zstd") for t, p in paths.items()}
        try:
            for batch in batches:
                for table, rows in batch.items():
                    if rows:
                        writers[table].write_table(pa.Table.from_pylist(rows, schema=schemas[table]))
                    counts[table] += len(rows)
        finally:
            for w in writers.values():
                w.close()   # an empty table still gets a valid file with its schema
        return counts


def read_csv_table(path: str | Path) -> list[dict[str, str]]:
    """Read one exported CSV table back as dicts of strings (empty cell = "")."""
    with open(path, encoding="utf-8-sig", newline="") as fh:   # a csv-excel file starts with a BOM
        return list(csv.DictReader(fh))


ROW_READERS: dict[str, Callable[[Path], list[dict[str, Any]]]] = {
    "csv": read_csv_table,
    "parquet": lambda p: pq.read_table(p).to_pylist(),
}
