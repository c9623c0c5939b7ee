"""The store: SQLite by default (WAL, FTS5, versioned migrations)."""

from .sqlite import Store, open_store

__all__ = ["Store", "open_store"]
