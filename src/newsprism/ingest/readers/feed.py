"""RSS and Atom feeds (feedparser): each entry becomes a record, ``path#entry=N`` (1-based).

The body is the entry's full content when the feed carries it, else its summary; an
entry with neither is an error record (a headline-only feed: fetch the links instead).
Each record's raw bytes are the entry's own XML when the feed is well-formed, else the
entry as feedparser read it, serialised as JSON. Input that is not a feed at all raises
an IngestError; a feed that breaks part-way keeps the entries read before the break and
adds one error record saying so.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import datetime, timezone
from typing import Any, Iterator

import feedparser
from lxml import etree

from ...config import Settings
from ...errors import EmptyInputError, IngestError, RecordError
from ...model import MetaField, RawRecord
from ...plugins import register_reader
from ..base import Source

_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)
_ENTRY_TAGS = ("item", "entry")
# RSS calls every description text/html; one without tags is plain text and needs no extraction
_MARKUP = re.compile(r"<[A-Za-z!/]")


class FeedReader:
    name = "feed"
    suffixes = _SUFFIXES

    def sniff(self, source: Source) -> float:
        ctype = source.content_type or ""
        if "rss" in ctype or "atom" in ctype:
            return 0.95
        looks = bool(_FEED_ROOT.search(source.data[:4096]))
        if looks:
            return 0.95 if source.suffix in _SUFFIXES or not source.suffix else 0.8
        return 0.6 if source.suffix in (".rss", ".atom") else 0.0

    def read(self, source: Source, settings: Settings) -> Iterator[RawRecord]:
        """One record per entry; per-entry errors for entries without a body."""
        parsed = feedparser.parse(source.data, sanitize_html=True, resolve_relative_uris=True)
        if not parsed.get("version") and not parsed.entries:
            reason = parsed.get("bozo_exception") or "no RSS or Atom elements found"
            raise IngestError(f"not an RSS or Atom feed: {reason}",
                              hint="check the file is a feed; pass --reader to choose another reader")
        if not parsed.entries:
            raise EmptyInputError(f"the {parsed.version} feed has no entries")
        raws = _entry_xml(source.data, len(parsed.entries))
        channel = parsed.get("feed", {})
        for number, entry in enumerate(parsed.entries, 1):
            raw = raws[number - 1] if raws else _entry_json(entry)
            yield _entry_record(source, number, entry, channel, raw, self.name)
        if parsed.get("bozo") and not raws:
            yield _broken_feed_record(source, parsed, self.name)


def _entry_xml(data: bytes, expected: int) -> list[bytes] | None:
    """Each entry's own XML, or None when the feed does not parse strictly (then JSON is used)."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    found = [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname in _ENTRY_TAGS]
    return [etree.tostring(el, encoding="utf-8") for el in found] if len(found) == expected else None


def _entry_json(entry: Any) -> bytes:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")


def _entry_record(source: Source, number: int, entry: Any, channel: Any, raw: bytes, reader: str) -> RawRecord:
    rec = RawRecord(locator=f"{source.locator}#entry={number}", reader=reader, raw=raw)
    body, body_type = _body(entry)
    if body is None:
        rec.error = RecordError(f"entry {number} has no content or summary"
                                + (f" (title: {entry.get('title')!r})" if entry.get("title") else ""),
                                hint="a headline-only feed: fetch each entry's link to ingest the article")
        return rec
    if "html" in body_type and _MARKUP.search(body):
        rec.html = body
    else:
        rec.text = body
    rec.meta.update(_entry_meta(entry, channel))
    rec.extra.update({k: entry[k] for k in ("id", "tags") if k in entry})
    return rec


def _body(entry: Any) -> tuple[str | None, str]:
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], best.get("type", "text/html")
    detail = entry.get("summary_detail") or {}
    summary = (entry.get("summary") or "").strip()
    return (summary, detail.get("type", "text/html")) if summary else (None, "")


def _entry_meta(entry: Any, channel: Any) -> dict[str, MetaField]:
    meta: dict[str, MetaField] = {}
    for field, key in (("title", "title"), ("url", "link"), ("author", "author")):
        if (entry.get(key) or "").strip():
            meta[field] = MetaField(entry[key].strip(), f"feed:entry:{key}", 1.0, entry[key][:200])
    for key, confidence in (("published", 1.0), ("updated", 0.6)):   # updated is not publication
        stamp = entry.get(f"{key}_parsed")
        if stamp:
            meta["published"] = MetaField(_iso(stamp), f"feed:entry:{key}", confidence, entry.get(key))
            break
    if (channel.get("title") or "").strip():
        meta["outlet"] = MetaField(channel["title"].strip(), "feed:channel:title", 0.7, channel["title"][:200])
    return meta


def _iso(stamp) -> str:
    # feedparser gives UTC struct_time; keep the time, as feeds do state it
    return datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).isoformat()


def _broken_feed_record(source: Source, parsed: Any, reader: str) -> RawRecord:
    rec = RawRecord(locator=f"{source.locator}#feed", reader=reader, raw=source.data)
    rec.error = RecordError(f"feed is not well-formed XML ({parsed.get('bozo_exception')}); "
                            f"{len(parsed.entries)} entries were read, later ones may be missing")
    return rec


register_reader(FeedReader())
