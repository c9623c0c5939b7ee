"""A store seen through one story: what ``export --story`` writes.

Every exporter reads documents through ``iter_documents`` and corpus rows through
``corpus.corpus_tables``; this wrapper narrows the first to the story's documents and lets
``corpus_tables`` keep only the rows whose ``doc_id`` is one of them (rows that name no document,
such as a claim group's summary or an actor, stay whole: their members carry the scope).
Everything else is the store's own.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..model import Document, Failure
from ..store import Store
from ..store.stories import document_ids


class StoryStore:
    def __init__(self, store: Store, story: str):
        self._store = store
        self.story = story
        self.doc_ids = frozenset(document_ids(store.conn, story))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def iter_documents(self, ids=None, *, where: str = "", params: tuple = ()) -> Iterator[Document]:
        scope = "id IN (SELECT value FROM json_each(?))"
        cond = f"({where}) AND {scope}" if where else scope
        return self._store.iter_documents(ids, where=cond, params=(*params, json.dumps(sorted(self.doc_ids))))

    def failures(self, *a, **kw) -> list[Failure]:
        return [f for f in self._store.failures(*a, **kw) if f.doc_id in self.doc_ids]
