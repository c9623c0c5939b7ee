"""JSON Lines (one object per line) and JSON (an array of objects, or one object).

Fields map to text and metadata as ``ingest/fields.py`` says. A line or item that
is not a JSON object becomes a record with a ``RecordError``; the rest goes on.
Locators: ``path#line=N`` (1-based, counting blank lines) and ``path#item=N`` (1-based).
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ...config import Settings
from ...errors import IngestError, RecordError
from ...model import RawRecord
from ...plugins import register_reader
from ..base import Source
from ..decode import decode_bytes
from ..fields import map_record

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


def _first_line(data: bytes) -> bytes:
    for line in data[:65536].splitlines():
        if line.strip():
            return line.strip().lstrip(b"\xef\xbb\xbf")
    return b""


class JsonlReader:
    name = "jsonl"
    suffixes = _JSONL_SUFFIXES

    def sniff(self, source: Source) -> float:
        if source.suffix in _JSONL_SUFFIXES:
            return 0.95
        if source.content_type and "ndjson" in source.content_type:
            return 0.95
        first = _first_line(source.data)
        return 0.75 if first.startswith(b"{") and first.endswith(b"}") else 0.0

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        """One record per non-blank line; bad lines become error records."""
        _, encoding = decode_bytes(source.data)
        for number, raw in _lines(source.data, encoding):
            if raw.strip():
                yield _line_record(source, number, raw, encoding, self.name)


def _lines(data: bytes, encoding: str) -> Iterator[tuple[int, bytes]]:
    # Split the bytes, not the text, so each record keeps its exact original bytes;
    # only encodings where b"\n" is a newline byte allow that (all but UTF-16/32).
    if "\n".encode(encoding) == b"\n":
        for number, raw in enumerate(data.split(b"\n"), 1):
            yield number, raw.rstrip(b"\r")
    else:   # a blank line (the one after a final newline too) stays blank, not a lone BOM
        for number, line in enumerate(data.decode(encoding).split("\n"), 1):
            line = line.rstrip("\r")
            yield number, (line.encode(encoding) if line.strip() else b"")


def _line_record(source: Source, number: int, raw: bytes, encoding: str, reader: str) -> RawRecord:
    rec = RawRecord(locator=f"{source.locator}#line={number}", reader=reader, raw=raw)
    try:
        obj = json.loads(raw.decode("utf-8-sig" if encoding.startswith("utf-8") else encoding))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError: bad JSON, or an integer over Python's digit limit; RecursionError: deep nesting
        rec.error = RecordError(f"line {number} is not valid JSON: {_reason(exc)}")
        return rec
    return _object_record(obj, rec, "jsonl", f"line {number}")


def _object_record(obj: Any, rec: RawRecord, fmt: str, where: str) -> RawRecord:
    if not isinstance(obj, dict):
        rec.error = RecordError(f"{where} is a JSON {type(obj).__name__}, not an object with fields")
        return rec
    return map_record(obj, rec, fmt)


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)[:300]


class JsonReader:
    name = "json"
    suffixes = (".json",)

    def sniff(self, source: Source) -> float:
        if source.suffix == ".json":
            return 0.9
        if source.content_type and "json" in source.content_type:
            return 0.85
        return 0.7 if _first_line(source.data).startswith(b"[") else 0.0

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        """Items of a top-level array (or of the one list an object holds); a .json that is
        really JSON Lines is read as such."""
        text, encoding = decode_bytes(source.data)
        try:
            doc = json.loads(text)
        except RecursionError:
            raise IngestError("not readable JSON: nested too deeply") from None
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data":          # several objects one after another: JSON Lines
                yield from JsonlReader().read(source, settings)
                return
            if text.lstrip().startswith("["):    # a broken array: keep the items before the break
                yield from _array_items(source, text, self.name)
                return
            raise IngestError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        except ValueError as exc:     # e.g. an integer over Python's digit limit
            raise IngestError(f"not readable JSON: {str(exc)[:300]}") from None
        key = _only_list(doc) if isinstance(doc, dict) else None
        if isinstance(doc, list):
            yield from _array_items(source, text, self.name)
        elif key is not None:
            yield from _listed_items(source, doc[key], self.name)
        else:
            yield _object_record(doc, RawRecord(source.locator, self.name, source.data), "json", "the file")


def _only_list(doc: dict) -> str | None:
    lists = [k for k, v in doc.items() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
    return lists[0] if len(lists) == 1 else None   # more than one list: which is the articles?


def _listed_items(source: Source, items: list, reader: str) -> Iterator[RawRecord]:
    # items inside a wrapper object are re-serialised (sorted keys, so the bytes are stable)
    for number, obj in enumerate(items, 1):
        raw = json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8", "surrogatepass")
        yield _object_record(obj, RawRecord(f"{source.locator}#item={number}", reader, raw),
                             "json", f"item {number}")


def _array_items(source: Source, text: str, reader: str) -> Iterator[RawRecord]:
    """Walk the array with raw_decode so each item keeps its own source text as raw bytes."""
    decoder = json.JSONDecoder()
    pos, number = _skip(text, 0, "") + 1, 0     # just past the opening "["
    while True:
        pos = _skip(text, pos, ",")
        if pos >= len(text) or text[pos] == "]":
            return
        number += 1
        rec = RawRecord(f"{source.locator}#item={number}", reader, b"")
        try:
            obj, end = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            rec.raw = text[pos:].encode("utf-8", "surrogatepass")
            why = (f"{exc.msg} at line {exc.lineno} column {exc.colno}" if isinstance(exc, json.JSONDecodeError)
                   else _reason(exc))
            rec.error = RecordError(f"item {number} is not valid JSON ({why}); items after it were not read")
            yield rec
            return
        rec.raw = text[pos:end].encode("utf-8", "surrogatepass")
        yield _object_record(obj, rec, "json", f"item {number}")
        pos = end


def _skip(text: str, pos: int, extra: str) -> int:
    while pos < len(text) and (text[pos].isspace() or text[pos] in extra):
        pos += 1
    return pos


register_reader(JsonlReader())
register_reader(JsonReader())
