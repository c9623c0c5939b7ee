"""Exporters (jsonl, csv, parquet): per document its metadata and every span layer.

Importing this package registers the built-in exporters. Schema: docs/export-schema.md.
"""

from __future__ import annotations

from pathlib import Path

from .. import plugins
from ..errors import ExportError
from ..store import Store

EXPORT_SCHEMA_VERSION = "1"


def export(store: Store, fmt: str, out: str | Path) -> dict:
    """Write the store to ``out`` in format ``fmt``; returns a summary (paths, counts)."""
    exporters = plugins.exporters()
    if fmt not in exporters:
        raise ExportError(f"unknown export format {fmt!r}", hint=f"choose one of: {', '.join(sorted(exporters))}")
    return exporters[fmt].write(store, Path(out))
