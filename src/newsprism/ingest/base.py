"""What readers share: the Source they read and the Reader contract.

A ``Source`` is one input (a file or a fetched URL) with its bytes. A reader
says how well it fits a source (``sniff``) and turns it into ``RawRecord``s
(``read``). A reader raises an ``IngestError`` when the whole input is
unusable; it yields a record with ``error`` set when only that record is bad,
so the rest of the input still lands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Protocol

from ..config import Settings
from ..model import RawRecord


@dataclass
class Source:
    locator: str                      # file path as given (resolved) or URL
    data: bytes
    path: Path | None = None
    content_type: str | None = None   # from HTTP headers when fetched
    fetched: dict[str, Any] = field(default_factory=dict)   # final_url, status, headers, fetched_at

    @property
    def suffix(self) -> str:
        name = self.path.name if self.path else self.locator.split("?", 1)[0].rsplit("/", 1)[-1]
        return ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""


class Reader(Protocol):
    name: str
    suffixes: tuple[str, ...]

    def sniff(self, source: Source) -> float:
        """0.0 = cannot read this, 1.0 = certainly mine."""

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        ...
