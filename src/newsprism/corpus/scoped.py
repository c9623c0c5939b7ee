"""An in-memory cache for corpus-stage results computed again over one story's documents.

The corpus stages run over the whole store; a view of one story (claim groups, narratives, the
timeline) recomputes their results from what the stages stored, on demand. ``cache_key`` names one
such result by (store file, story, stage, the story's documents, the stage's last run), so a second
view of an unchanged story reuses it, while a change to the story's definition, to its documents or
a re-run of the stage makes a new key. Nothing here writes to the store.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any, Callable

CACHE_SIZE = 32
_cache: OrderedDict = OrderedDict()
_lock = threading.Lock()


def _run_marker(store, stage: str) -> str:
    row = store.corpus_run(stage)
    return json.dumps([row[k] for k in row.keys()], default=str) if row else "not run"


def cache_key(store, story: str, stage: str, ids: list[str]) -> tuple:
    """The key of ``stage``'s result over ``ids`` (the documents of ``story``) in this store as it is now."""
    path = store.conn.execute("PRAGMA database_list").fetchone()[2]
    digest = hashlib.sha1("\n".join(ids).encode()).hexdigest()
    return path, story, stage, digest, _run_marker(store, stage)


def cached(key: tuple, compute: Callable[[], Any]) -> Any:
    """The value kept under ``key``, else ``compute()`` kept (the ``CACHE_SIZE`` most recent are kept)."""
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = compute()
    with _lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value
