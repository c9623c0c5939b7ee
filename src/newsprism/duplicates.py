"""Exact and near-duplicate detection: link each copy to the first one seen, never delete.

Placeholder: exact duplicates only (same clean-text hash).
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Settings
from .model import Document


@dataclass(frozen=True)
class DuplicateMatch:
    first_id: str
    kind: str        # "exact" | "near"
    score: float


class DuplicateIndex:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._by_hash: dict[str, str] = {}

    @classmethod
    def from_store(cls, store, settings: Settings) -> "DuplicateIndex":
        index = cls(settings)
        for doc in store.iter_documents():
            index._by_hash.setdefault(doc.text_sha256, doc.id)
        return index

    def check(self, doc: Document) -> DuplicateMatch | None:
        first = self._by_hash.get(doc.text_sha256)
        return DuplicateMatch(first, "exact", 1.0) if first and first != doc.id else None

    def add(self, doc: Document) -> tuple[int, bytes] | None:
        """Index a stored document; returns (n_shingles, signature) to persist, if any."""
        self._by_hash.setdefault(doc.text_sha256, doc.id)
        return None
