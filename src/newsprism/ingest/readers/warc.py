"""Web archives (WARC, plain or gzipped) via warcio: each HTML response is a record.

Locator ``path#record=<WARC-Record-ID>``. ``response`` and ``resource`` records whose
content type is HTML become html records (text/plain ones text records); requests,
metadata, images and scripts are skipped. The capture date goes to ``extra`` (it is
when the page was archived, not when it was published). A WARC that breaks part-way
keeps the records read before the break and adds one error record.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator

from ...config import Settings
from ...errors import DecodeError, EmptyInputError, IngestError, RecordError
from ...model import MetaField, RawRecord
from ...plugins import register_reader
from ..base import Source
from ..decode import decode_bytes
from .html import declared_charset, head_metadata

_KEEP = ("response", "resource")


class WarcReader:
    name = "warc"
    suffixes = (".warc", ".gz")

    def sniff(self, source: Source) -> float:
        if source.data.startswith(b"WARC/"):
            return 1.0
        if source.data.startswith(b"\x1f\x8b"):
            return 0.95 if _gunzip_head(source.data).startswith(b"WARC/") else 0.0
        return 0.0

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        """HTML (and plain text) captures, one record each."""
        n = 0
        try:
            for record in ArchiveIterator(io.BytesIO(source.data)):
                rec = _capture(source, record, settings, self.name)
                if rec is not None:
                    n += 1
                    yield rec
        except Exception as exc:  # noqa: BLE001 - warcio on a broken archive raises many kinds
            if n == 0:
                raise IngestError(f"not a readable WARC file: {type(exc).__name__}: {exc}") from None
            yield _broken(source, n, exc, self.name)
            return
        if source.data.startswith(b"\x1f\x8b") and not gzip_complete(source.data):
            yield _broken(source, n, EOFError("the gzip stream ends inside a member (the file is cut)"),
                          self.name)
            return
        if n == 0:
            raise EmptyInputError("the WARC holds no HTML or text captures")


def gzip_complete(data: bytes) -> bool:
    """Whether every gzip member in ``data`` ends with its end-of-stream marker (a cut .warc.gz
    does not, and warcio then stops without a word). Decompresses in bounded steps, keeping nothing."""
    pos, n, step = 0, len(data), 1 << 20
    while pos < n:
        if data[pos:pos + 2] != b"\x1f\x8b":
            return not data[pos:].strip(b"\x00\r\n ")     # padding after the last member is fine
        d = zlib.decompressobj(31)
        while not d.eof:
            if pos >= n:
                return False
            buf = data[pos:pos + step]
            pos += len(buf)
            try:
                while buf and not d.eof:
                    d.decompress(buf, 1 << 16)
                    buf = d.unconsumed_tail
            except zlib.error:
                return False
        pos -= len(d.unused_data)
    return True


def _gunzip_head(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data[:65536])) as fh:
            return fh.read(16)
    except (OSError, EOFError):
        return b""


def _capture(source: Source, record, settings: Settings, reader: str) -> RawRecord | None:
    if record.rec_type not in _KEEP:
        return None
    ctype = _content_type(record)
    if "html" not in ctype and "text/plain" not in ctype:
        return None
    rid = record.rec_headers.get_header("WARC-Record-ID", "").strip("<>")
    body = record.content_stream().read(settings.max_bytes + 1)
    rec = RawRecord(locator=f"{source.locator}#record={rid}", reader=reader, raw=body)
    url = record.rec_headers.get_header("WARC-Target-URI")
    short = getattr(record.raw_stream, "limit", 0)
    if short and len(body) <= settings.max_bytes:   # the archive ended before the record's Content-Length
        rec.error = RecordError(f"capture of {url or rid} is cut: the WARC ends {short:,} bytes before the "
                                "record does (a truncated file); the partial capture is kept raw")
        return rec
    rec.extra["captured_at"] = record.rec_headers.get_header("WARC-Date")
    try:
        text, encoding = decode_bytes(body, _charset(ctype, body))
    except (DecodeError, EmptyInputError) as exc:
        rec.error = RecordError(f"capture of {url or rid} cannot be decoded: {exc.message}")
        return rec
    rec.extra["encoding"] = encoding
    if "html" in ctype:
        rec.html = text
        rec.meta.update(head_metadata(text))
    else:
        rec.text = text
    if url:   # the URL the archive fetched is firmer than what the page claims
        rec.meta["url"] = MetaField(url, "warc:header:WARC-Target-URI", 1.0, url)
    return rec


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def _charset(ctype: str, body: bytes) -> str | None:
    return declared_charset(Source(locator="", data=body[:4096], content_type=ctype))


def _broken(source: Source, n: int, exc: Exception, reader: str) -> RawRecord:
    rec = RawRecord(locator=f"{source.locator}#record=?", reader=reader, raw=source.data)
    rec.error = RecordError(f"WARC breaks after {n} captures ({type(exc).__name__}: {exc}); "
                            "later captures were not read")
    return rec


register_reader(WarcReader())
