"""CSV and TSV with a header row; columns map to fields as ``ingest/fields.py`` says.

Locator ``path#row=N``: N counts data rows from 1 (the header is not a row).
A file whose header names no text or html column is refused as a whole: every row
would fail, and the message says which columns it found.
"""

from __future__ import annotations

import csv
import io
import sys
from typing import Iterable, Iterator

from ...config import Settings
from ...errors import IngestError, RecordError
from ...model import RawRecord
from ...plugins import register_reader
from ..base import Source
from ..decode import decode_bytes
from ..fields import BODY_KEYS, map_record

_DELIMITERS = ",;\t|"


class CsvReader:
    name = "csv"
    suffixes = (".csv", ".tsv")

    def sniff(self, source: Source) -> float:
        if source.suffix in self.suffixes:
            return 0.95
        ctype = source.content_type or ""
        return 0.9 if "text/csv" in ctype or "tab-separated" in ctype else 0.0

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        """One record per data row; a row with more cells than the header is an error record."""
        text, encoding = decode_bytes(source.data, _charset(source))
        _raise_field_limit(settings.max_bytes)
        taken: list[str] = []
        # newline="" keeps quoted line breaks inside a cell, as the csv module expects
        rows = csv.reader(_tap(io.StringIO(text, newline=""), taken), _dialect(source, text))
        header = _header(rows)
        taken.clear()
        for number, cells in _rows(rows, taken):
            raw = "".join(taken).encode("utf-8")
            taken.clear()
            yield _row_record(source, number, header, cells, raw, self.name)


def _charset(source: Source) -> str | None:
    ctype = source.content_type or ""
    return ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'") if "charset=" in ctype else None


def _raise_field_limit(max_bytes: int) -> None:
    # the stdlib default (128 KiB per field) is smaller than one long article
    csv.field_size_limit(max(csv.field_size_limit(), min(max_bytes, sys.maxsize)))


def _tap(lines: Iterable[str], taken: list[str]) -> Iterator[str]:
    """Yield lines to csv.reader and remember them, so each row keeps its own source text."""
    for line in lines:
        taken.append(line)
        yield line


def _dialect(source: Source, text: str) -> type[csv.Dialect] | csv.Dialect:
    if source.suffix == ".tsv":
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel


def _header(rows) -> list[str]:
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        raise IngestError("CSV file has no header row") from None
    except csv.Error as exc:
        raise IngestError(f"CSV header cannot be read: {exc}") from None
    if not any(h in BODY_KEYS for h in header):
        raise IngestError(f"CSV header names no text column: found {', '.join(header) or 'nothing'}",
                          hint=f"name the article column one of {', '.join(BODY_KEYS)} (see docs/ingest.md)")
    return header


def _rows(rows, taken: list[str]) -> Iterator[tuple[int, list[str] | csv.Error]]:
    number = 0
    while True:
        try:
            cells: list[str] | csv.Error = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:   # the reader can go on with the next line
            cells = exc
        if isinstance(cells, list) and not any(c.strip() for c in cells):
            taken.clear()          # blank line between rows: not a record
            continue
        number += 1
        yield number, cells


def _row_record(source: Source, number: int, header: list[str], cells, raw: bytes, reader: str) -> RawRecord:
    rec = RawRecord(locator=f"{source.locator}#row={number}", reader=reader, raw=raw)
    if isinstance(cells, csv.Error):
        rec.error = RecordError(f"row {number} cannot be parsed: {cells}")
    elif len(cells) > len(header):
        rec.error = RecordError(f"row {number} has {len(cells)} cells but the header has {len(header)}"
                                " (an unquoted delimiter in the text?)")
    else:
        # spreadsheets drop trailing empty cells, so a short row is padded, not refused
        cells = cells + [""] * (len(header) - len(cells))
        map_record(dict(zip(header, cells)), rec, "csv")
    return rec


register_reader(CsvReader())
