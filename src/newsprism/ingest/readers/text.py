"""Plain text files: one file, one document; no metadata but what cleaning infers."""

from __future__ import annotations

from typing import Iterator

from ...config import Settings
from ...model import RawRecord
from ...plugins import register_reader
from ..base import Source
from ..decode import decode_bytes, looks_binary


class TextReader:
    name = "text"
    suffixes = (".txt", ".text", ".md", "")

    def sniff(self, source: Source) -> float:
        if source.suffix in (".txt", ".text", ".md"):
            return 0.9
        if source.content_type and source.content_type.startswith("text/plain"):
            return 0.9
        return 0.1 if not looks_binary(source.data) else 0.0

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        """The whole file as one record; the HTTP charset, when fetched, is tried after UTF-8."""
        text, encoding = decode_bytes(source.data, source.fetched.get("charset"))
        yield RawRecord(locator=source.locator, reader=self.name, raw=source.data, text=text,
                        extra={"encoding": encoding})


register_reader(TextReader())
