"""Documents and the records readers hand to cleaning.

A reader turns an input into ``RawRecord``s (bytes kept, whatever metadata the
format carries); cleaning turns each into a ``Document`` with clean text,
metadata fields that say where they came from, and the language.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

# Metadata fields a document may carry. Each is a MetaField with provenance.
META_FIELDS = ("title", "published", "outlet", "author", "url", "site_name", "language")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class MetaField:
    """A metadata value and how it was found.

    ``source`` names the method (``html:meta[og:title]``, ``jsonl:field:date``,
    ``text:dateline``, ``text:byline-email`` ...); ``confidence`` in [0, 1];
    ``evidence`` quotes what was seen (a line of text, a tag) so a person can check it.
    """

    value: Any
    source: str
    confidence: float = 1.0
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source,
                "confidence": self.confidence, "evidence": self.evidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "MetaField":
        return cls(d["value"], d["source"], float(d.get("confidence", 1.0)), d.get("evidence"))


@dataclass
class RawRecord:
    """One record as a reader found it, before cleaning.

    ``raw`` is the record's own bytes (a whole text file, one JSONL line, one
    feed entry serialised) and is stored unchanged. ``text`` is set when the
    format already separates the body (a JSONL ``text`` field); ``html`` when
    the body is markup to extract. ``error`` marks a record the reader could not
    parse: it is stored raw and recorded as a failure.
    """

    locator: str
    reader: str
    raw: bytes
    text: str | None = None
    html: str | None = None
    meta: dict[str, MetaField] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    error: Exception | None = None

    @property
    def raw_sha256(self) -> str:
        return bytes_hash(self.raw)


@dataclass
class Document:
    """A cleaned document: clean text plus metadata with provenance.

    ``id`` is stable for the same (locator, raw bytes), so re-ingesting an
    input is idempotent. ``text_sha256`` is the cache key of document stages.
    ``removed`` lists what cleaning dropped (residue lines, captions), as
    ``{"text": ..., "reason": ...}`` so a person can audit it.
    """

    id: str
    locator: str
    reader: str
    raw_sha256: str
    text: str
    meta: dict[str, MetaField] = field(default_factory=dict)
    removed: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    duplicate_of: str | None = None
    duplicate_kind: str | None = None      # "exact" | "near"
    duplicate_score: float | None = None
    seq: int | None = None                 # order of arrival in the store

    @property
    def text_sha256(self) -> str:
        return text_hash(self.text)

    @property
    def language(self) -> str | None:
        f = self.meta.get("language")
        return f.value if f else None

    def get(self, name: str, default: Any = None) -> Any:
        f = self.meta.get(name)
        return f.value if f is not None else default

    @staticmethod
    def make_id(locator: str, raw_sha256: str) -> str:
        return hashlib.sha256(f"{locator}\n{raw_sha256}".encode("utf-8")).hexdigest()[:16]
