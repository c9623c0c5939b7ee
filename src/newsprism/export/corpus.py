"""Rows of the corpus tables that features register (``plugins.register_corpus_tables``).

Each feature reads its tables through its own query functions and flattens them to the
columns it declares (``claims/export.py``, ``voices/export.py``, ...). A stage that has not run gives
an empty table (``corpus_status`` says which ran), never an error.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..store import Store
from .records import CORPUS_TABLES, Column


def corpus_status(store: Store) -> dict[str, str]:
    """Each registered corpus stage's last status (``ok``, ``failed``) or ``not run``."""
    from .. import plugins
    out = {}
    for stage in plugins.corpus_stages():
        row = store.corpus_run(stage)
        out[stage] = row["status"] if row else "not run"
    return out


def corpus_tables(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every registered corpus table's rows, in ``CORPUS_TABLES`` order (empty when its stage has not run)."""
    from .. import plugins
    tables: dict[str, list[dict[str, Any]]] = {}
    for t in plugins.corpus_tables():
        rows = t.rows(store)
        tables.update({name: rows.get(name, []) for name in t.columns})
    keep = getattr(store, "doc_ids", None)       # a StoryStore (export --story): rows of its documents only
    if keep is not None:
        tables = {name: [r for r in rows if "doc_id" not in r or r["doc_id"] in keep] for name, rows in tables.items()}
    return {t: tables[t] for t in CORPUS_TABLES}


def as_json_record(table: str, row: dict[str, Any], schema_version: str,
                   columns: tuple[Column, ...] | None = None) -> dict[str, Any]:
    """A corpus row for the JSONL file: tagged with its table, JSON columns as JSON values."""
    out: dict[str, Any] = {"table": table, "schema_version": schema_version}
    for c in columns or CORPUS_TABLES[table]:
        v = row.get(c.name)
        out[c.name] = json.loads(v) if c.json and isinstance(v, str) else v
    return out


def iter_corpus_records(store: Store, schema_version: str) -> Iterator[dict]:
    """Every corpus row as one JSON record (the ``.corpus.jsonl`` file), table by table."""
    columns = dict(CORPUS_TABLES)
    for table, rows in corpus_tables(store).items():
        for row in rows:
            yield as_json_record(table, row, schema_version, columns[table])
