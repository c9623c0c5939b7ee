"""Search inside a story: the store's search (store/find.py) narrowed to the story's documents."""

from __future__ import annotations

import sqlite3
from typing import Any

from ..store.find import find
from ..store.stories import scope


def run(conn: sqlite3.Connection, text: str, *, limit: int = 20, offset: int = 0,
        story: str | None = None) -> dict[str, Any]:
    """Hits of a query (store/query.py's language) with the total; only the story's documents when named."""
    return {"story": story} | find(conn, text, limit=limit, offset=offset, within=scope(conn, story, "d.id"))
