"""Exporters (jsonl, csv, parquet): per document its metadata and every span layer.

Importing this package registers the built-in exporters through the same
``plugins.register_exporter`` a third-party package would use. The schema is
documented in docs/export-schema.md; its version is ``EXPORT_SCHEMA_VERSION``:
additive changes (a new column, field or layer) keep it, anything that breaks a
reader (a removed or renamed field, a changed type or meaning) bumps it.
"""

from __future__ import annotations

from pathlib import Path

from .. import plugins
from ..errors import ExportError
from ..store import Store

EXPORT_SCHEMA_VERSION = "1"


def export(store: Store, fmt: str, out: str | Path, story: str | None = None) -> dict:
    """Write the store to ``out`` in format ``fmt``; returns a summary (paths, counts). With ``story``,
    only its documents, their spans and the corpus rows that name one of them (``StoryStore``)."""
    exporters = plugins.exporters()
    if fmt not in exporters:
        raise ExportError(f"unknown export format {fmt!r}", hint=f"choose one of: {', '.join(sorted(exporters))}")
    try:
        if story:
            from .scoped import StoryStore
            return exporters[fmt].write(StoryStore(store, story), Path(out)) | {"story": story}
        return exporters[fmt].write(store, Path(out))
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}",
                          hint="check the output path is writable and the disk has room") from exc


def prepare_file(out: Path) -> None:
    """Make sure ``out`` can be written as a file (its folder is created)."""
    if out.is_dir():
        raise ExportError(f"{out} is a folder; this format writes one file", hint="give a file name, e.g. corpus.jsonl")
    out.parent.mkdir(parents=True, exist_ok=True)


def prepare_dir(out: Path) -> None:
    """Make sure ``out`` is a folder (created if missing); our table files in it are replaced."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; this format writes a folder of tables",
                          hint="give a folder name, e.g. export/")
    out.mkdir(parents=True, exist_ok=True)


from .jsonl import JsonlExporter, corpus_path, read_corpus_jsonl, read_jsonl  # noqa: E402  (needs the helpers above)
from .tables import CsvExporter, ParquetExporter  # noqa: E402

plugins.register_exporter(JsonlExporter())
plugins.register_exporter(CsvExporter())
plugins.register_exporter(CsvExporter("csv-excel", excel=True))
plugins.register_exporter(ParquetExporter())

__all__ = ["EXPORT_SCHEMA_VERSION", "export", "read_jsonl", "read_corpus_jsonl", "corpus_path", "JsonlExporter", "CsvExporter", "ParquetExporter"]
