"""Field mapping for record formats (JSONL, JSON, CSV): which column feeds which field.

Keys are matched case-insensitively after trimming. The first listed key that holds
a non-empty value wins; every other field is kept in ``RawRecord.extra``. docs/ingest.md
shows the same table; change both together.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timezone
from typing import Any

from ..errors import RecordError
from ..model import MetaField, RawRecord

TEXT_KEYS = ("text", "body", "content", "story_text")
HTML_KEYS = ("html",)
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("date", "published", "published_at", "date_str"),
    "outlet": ("source", "outlet", "publisher"),
    "author": ("author", "byline"),
    "url": ("url", "link", "links"),
    "site_name": ("site_name",),
    "language": ("language", "lang"),
}
BODY_KEYS = TEXT_KEYS + HTML_KEYS
_EVIDENCE_CHARS = 200
_DATE_FORMATS = ("%Y/%m/%d", "%d.%m.%Y", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y",
                 "%d %b %Y", "%Y-%m-%d %H:%M", "%Y.%m.%d")


def map_record(obj: dict[str, Any], rec: RawRecord, fmt: str) -> RawRecord:
    """Fill ``rec`` from a parsed object; sets ``rec.error`` when it has no body."""
    fields = {str(k).strip().lower(): v for k, v in obj.items()}
    used: set[str] = set()
    rec.text, key = _first(fields, TEXT_KEYS, used)
    if rec.text is None:
        rec.html, key = _first(fields, HTML_KEYS, used)
    body = rec.text if rec.text is not None else rec.html
    if body is not None and not isinstance(body, str):
        rec.text = rec.html = None
        rec.error = RecordError(f"field `{key}` holds a {_kind(body)}, not text",
                                hint="give the article body as a string")
        return rec
    for name, keys in META_KEYS.items():
        value, key = _first(fields, keys, used)
        if value is None:
            continue
        field = _meta_field(name, value, f"{fmt}:field:{key}")
        if field is not None:
            rec.meta[name] = field
        else:   # keep what we could not read, so a person can see why the field is empty
            rec.extra[f"{name}_unparsed"] = value
    rec.extra.update({k: v for k, v in obj.items() if str(k).strip().lower() not in used})
    if rec.text is None and rec.html is None:
        rec.error = RecordError(f"no text in this record: none of {', '.join(BODY_KEYS)} holds a value",
                                hint="rename the body field to `text`, or see docs/ingest.md for the mapping")
    return rec


def _kind(value: Any) -> str:
    return {bool: "boolean", int: "number", float: "number"}.get(type(value), type(value).__name__)


def _text(value: str) -> str:
    """A string the store can hold: lone surrogates (``"\\ud800"`` in JSON) become U+FFFD."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _first(fields: dict[str, Any], keys: tuple[str, ...], used: set[str]) -> tuple[Any, str | None]:
    found: tuple[Any, str | None] = (None, None)
    for key in keys:
        if key not in fields:
            continue
        used.add(key)     # every alias is consumed, so a second alias does not reappear in extra
        value = _scalar(fields[key])
        if found[0] is None and value is not None:
            found = (value, key)
    return found


def _scalar(value: Any) -> Any:
    """Lists give their first non-empty item (``links[0]``); blank strings are absent."""
    if isinstance(value, list):
        value = next((v for v in value if v not in (None, "", [])), None)
    if isinstance(value, str):
        value = _text(value).strip()
        return value or None
    if isinstance(value, (dict, list)):
        return None
    return value


def _meta_field(name: str, value: Any, source: str) -> MetaField | None:
    evidence = str(value)[:_EVIDENCE_CHARS]
    if name == "published":
        iso, confidence = normalize_date(value)
        return MetaField(iso, source, confidence, evidence) if iso else None
    if name == "language":
        code = str(value).strip().lower().replace("_", "-").split("-", 1)[0]
        return MetaField(code, source, 1.0, evidence) if re.fullmatch(r"[a-z]{2,3}", code) else None
    # titles scraped from pages carry layout whitespace ("Day\r\n\t\t\t..."): one line each
    return MetaField(" ".join(str(value).split()), source, 1.0, evidence)


def normalize_date(value: Any) -> tuple[str | None, float]:
    """(ISO date or datetime, confidence), or (None, 0) when the value is no date we can read.

    Numbers are Unix epochs (milliseconds when large, as in KCNA's feed); an epoch at
    exactly midnight UTC is taken as a bare date, which is how date-only feeds store them.
    """
    if isinstance(value, bool):
        return None, 0.0
    if isinstance(value, (int, float)) or (isinstance(value, str) and re.fullmatch(r"\d{10}(\d{3})?", value)):
        return _from_epoch(float(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return (text, 1.0) if _valid_date(text) else (None, 0.0)
    for parse in (_iso, _rfc2822, _formats):
        dt = parse(text)
        if dt is not None:
            return dt, (1.0 if parse is _iso else 0.9)
    return None, 0.0


def _from_epoch(n: float) -> tuple[str | None, float]:
    seconds = n / 1000 if n > 1e11 else n
    try:
        dt = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None, 0.0
    if (dt.hour, dt.minute, dt.second, dt.microsecond) == (0, 0, 0, 0):
        return dt.date().isoformat(), 0.95
    return dt.isoformat(), 0.95


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
        return True
    except ValueError:
        return False


def _iso(text: str) -> str | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _rfc2822(text: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _formats(text: str) -> str | None:
    for fmt in _DATE_FORMATS:
        try:
            dt = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return dt.date().isoformat() if "%H" not in fmt else dt.isoformat()
    return None
