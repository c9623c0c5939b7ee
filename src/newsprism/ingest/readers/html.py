"""Saved web pages: the whole page goes to cleaning as ``rec.html`` (trafilatura extracts it).

The reader only decodes the page (HTTP charset, then ``<meta charset>``, then detection)
and takes from ``<head>`` what the page states plainly for machines: Open Graph title and
site name, the canonical URL, ``article:published_time``, ``meta name=author``. The
``<title>`` element (often "headline | site"), bylines and dates in the body are left to
cleaning, which sees the extracted text and can weigh them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterator

from ...config import Settings
from ...model import MetaField, RawRecord
from ...plugins import register_reader
from ..base import Source
from ..decode import decode_bytes
from ..fields import normalize_date

_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_MARKUP = re.compile(rb"<(!doctype\s+html|html|head|body|div|p|article)\b", re.I)
# (attribute value) -> (field, confidence): what a page's <head> reliably says
_HEAD_META = {
    "og:title": ("title", 0.9), "twitter:title": ("title", 0.85),
    "og:site_name": ("site_name", 0.95),
    "article:published_time": ("published", 0.95), "datepublished": ("published", 0.9),
    "author": ("author", 0.8), "article:author": ("author", 0.7),
    "og:url": ("url", 0.9),
}


class HtmlReader:
    name = "html"
    suffixes = _SUFFIXES

    def sniff(self, source: Source) -> float:
        ctype = source.content_type or ""
        if "html" in ctype:
            return 0.95
        if source.suffix in _SUFFIXES:
            return 0.9
        head = source.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
        if re.match(rb"<(!doctype\s+html|html)\b", head, re.I):
            return 0.85
        return 0.5 if _MARKUP.search(head) else 0.0

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        """One record: the decoded page in ``html``, head metadata in ``meta``."""
        html, encoding = decode_bytes(source.data, declared_charset(source))
        rec = RawRecord(locator=source.locator, reader=self.name, raw=source.data, html=html,
                        extra={"encoding": encoding})
        rec.meta.update(head_metadata(html))
        final_url = source.fetched.get("final_url")
        if final_url:   # where we actually got it beats what the page claims
            rec.meta["url"] = MetaField(final_url, "fetch:final_url", 1.0, final_url)
        yield rec


def declared_charset(source: Source) -> str | None:
    """The HTTP header's charset, else the page's ``<meta charset>`` (first 4 KiB)."""
    ctype = source.content_type or ""
    if "charset=" in ctype:
        return ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'")
    m = _META_CHARSET.search(source.data[:4096])
    return m.group(1).decode("ascii") if m else None


def head_metadata(html: str) -> dict[str, MetaField]:
    """Metadata the page's ``<head>`` states in meta tags and ``link rel=canonical``."""
    parser = _HeadParser()
    try:
        parser.feed(html[:200_000])   # <head> is near the top; a truncated page is fine
        parser.close()
    except _HeadDone:
        pass
    return parser.found


class _HeadDone(Exception):
    pass


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, MetaField] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "body":
            raise _HeadDone
        if tag == "meta":
            self._meta(a)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self._put("url", a["href"], 0.95, "html:link[canonical]", f'<link rel="canonical" href="{a["href"]}">')

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            raise _HeadDone

    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        value = a.get("content", "")
        if key not in _HEAD_META or not value:
            return
        field, confidence = _HEAD_META[key]
        if field == "author" and value.startswith(("http://", "https://")):
            return   # article:author is often a profile URL, not a name
        evidence = f'<meta {"property" if "property" in a else "name"}="{key}" content="{value[:200]}">'
        if field == "published":
            value, ok = normalize_date(value)
            if value is None:
                return
            confidence = min(confidence, ok)
        self._put(field, value, confidence, f"html:meta[{key}]", evidence)

    def _put(self, field: str, value: str, confidence: float, source: str, evidence: str) -> None:
        current = self.found.get(field)
        if current is None or confidence > current.confidence:
            self.found[field] = MetaField(value, source, confidence, evidence)


register_reader(HtmlReader())
