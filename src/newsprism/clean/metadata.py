"""Metadata inference for text that carries none: title, date, outlet, author, with evidence.

Every value says how it was found (``source``), quotes what was seen (``evidence``)
and how far to trust it (``confidence``); see docs/cleaning.md for the levels. A field
the text does not show stays unset: nothing is guessed from nothing.

Inputs are the clean text and the lines residue removal took out (bylines and date
lines are removed from the text but are the best metadata evidence there is); both are
searched, so the result does not depend on how much residue removal took out. Date
shapes live in ``dateforms``, the outlet registry and outlet cues in ``outlets``, the
words of each language in its pack's ``metadata`` module.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..languages import PACKS, pack
from ..model import MetaField
from .dateforms import (POST_SIGNATURE, dateline_agency, date_forms, date_of, dates_in, find_dateline,  # noqa: F401
                        make_date, parse_date_line, site_header_date, split_label, strip_site_header,
                        weekday_dates, year_by_weekday)
from .outlets import outlet_for_domain, outlet_for_name, outlet_from_text, outlet_registry  # noqa: F401

# Confidence levels (docs/cleaning.md explains each).
CONF_URL_DOMAIN = 0.9        # the page's own address names the outlet
CONF_WRITE_TO = 0.85         # "Write to X at x@outlet.com": the outlet's own sign-off
CONF_BYLINE = 0.8            # "By X" at the head or tail of the article
CONF_TITLE_REPEATED = 0.85   # a head line the page repeated (title + glued tag copy, title + caption)
CONF_TITLE_ABOVE_DATE = 0.8  # a head line right above the byline or the date line
CONF_TITLE = 0.7             # first line is headline-shaped
CONF_DATELINE_AGENCY = 0.7   # "(KCNA) --": the agency wrote it, but relays copy datelines
CONF_DATE_LABELLED = 0.7     # "Published: May 10, 2025", "입력 2024.11.24" at the top of the page
CONF_BYLINE_DATE = 0.7       # "by Jane Roe January 1, 2025, 18:03"
CONF_DATE_LINE = 0.5         # a bare date at the top: publication *or* crawl/today's date
CONF_DATE_UPDATED = 0.45     # "Updated: ...": the page's date, not the first publication
CONF_SITE_HEADER = 0.4       # "date 2025-01-13 Headline ...": a site header's date glued to the text
CONF_DATELINE_YEAR = 0.6     # dateline month/day + a year from the locator's own date
CONF_DATELINE_MONTH = 0.55   # dateline month/day + a year from the locator's year and the same month (…/2025/12/…)
CONF_DATELINE_CAPTURED = 0.5  # dateline month/day + the year that puts it on or before the record's capture time
CONF_DATED_LEAD = 0.6        # "Seoul, April 30, 2025 — ...": the lead's own full date (relays may copy it)
CONF_WEEKDAY_DATE = 0.35     # "27 декабря, в пятницу": a year-less date + its weekday, the latest such year (fallback)
CONF_EMBEDDED_POST = 0.3     # "— Name (@handle) April 2, 2025": an embedded post's date (fallback; the article is later)

HEAD_LINES = 8               # lines at the top searched for a title, a date line or a byline


_LOCATOR_DATE = re.compile(r"(?<!\d)(?P<year>20\d{2})[-/_.]?(?P<mon>\d{2})[-/_.]?(?P<day>\d{2})(?!\d)")
_LOCATOR_MONTH = re.compile(r"(?<![\d\w])(?P<year>20\d{2})[-/_](?P<mon>\d{2})(?=$|[/_-](?!\d{1,2}(?!\d)))")  # …/2025/12/…
_ISO_DAY = re.compile(r"^\s*(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})")
# Record fields (JSONL columns, a WARC's capture time) that say when the page was fetched: a reference date.
REFERENCE_KEYS = ("captured_at", "fetched_at", "crawled_at", "crawl_date", "scraped_at", "retrieved_at",
                  "downloaded_at")
_EMAIL = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_WRITE_TO = re.compile(r"(?:write|e-?mail) to\s+|(?:,|\band)\s+", re.I)
_WRITE_PAIR = re.compile(r"(?P<name>[^,@]{2,80}?) at [\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=1)
def _by_prefix() -> re.Pattern:
    words = sorted({w for c in PACKS for w in pack(c).metadata.BYLINE_PREFIXES}, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\s*:?\s+", re.I)


def _head(text: str) -> list[str]:
    """The first non-empty lines, the first without a glued site-header date."""
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()][:HEAD_LINES]
    if lines:
        lines[0] = strip_site_header(lines[0]).strip()
    return [ln for ln in lines if ln]


def _headline_shaped(line: str) -> bool:
    """Not a sentence, not a dateline, not page chrome: a headline's length and shape."""
    if len(line) > 200 or re.search(r"[.!,;:…]$|[.!?][\"”»’']$", line) or line.count("|") >= 2:
        return False
    if _CJK.search(line) and len(_CJK.findall(line)) * 2 >= len(line.replace(" ", "")):
        size_ok = 8 <= len(line) <= 60 and "。" not in line
    else:  # three real words at least ("Text size: 16 px | A− A+" is page chrome)
        size_ok = 3 <= len(line.split()) <= 20 and len(line) <= 160 and \
            len([w for w in line.split() if len(re.sub(r"\W", "", w)) >= 3]) >= 3
    if not size_ok or line[0].islower() or _by_prefix().match(line) or _credit_line(line):
        return False
    return find_dateline(line) is None and parse_date_line(line) is None


@lru_cache(maxsize=1)
def _photo_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for c in PACKS for w in pack(c).metadata.PHOTO_WORDS))


def _credit_line(line: str) -> bool:
    """A photo or video credit: "Photo Credit : Yonhap", "Фото: архив редакции"."""
    low = line.lower()
    return any(low.startswith(w) for w in _photo_words()) and ":" in low[:40]


def _is_date_or_byline(line: str) -> bool:
    return bool(parse_date_line(line) or _by_prefix().match(line) or site_header_date(line))


def _infer_title(text: str, removed: list[dict]) -> MetaField | None:
    """A headline-shaped head line: repeated by the page, above the byline or date line, or the first line."""
    head = _head(text)
    if not head or len(text.strip()) <= len(head[0]) + 40:
        return None  # a lone line is the whole text, not a title over an article
    copies = [r["text"] for r in removed if r["reason"] in ("duplicate-title", "repeated-line")]
    best = None
    for i, line in enumerate(head[:6]):
        if not _headline_shaped(line):
            if len(line) > 100 or (len(line.split()) >= 8 and re.search(r"[.!?…][\"”»’']?$", line)):
                break  # the body has begun: a later line is a caption or a pull quote, not the title
            continue
        later = head[i + 1:i + 4]
        if any(line in c for c in copies) or any(x.startswith(line) for x in later):
            conf = CONF_TITLE_REPEATED
        elif later and _is_date_or_byline(later[0]):
            conf = CONF_TITLE_ABOVE_DATE
        elif all(not _headline_shaped(x) and len(x) < 60 for x in head[:i]) and i < 3:
            conf = CONF_TITLE
        else:
            continue
        if best is None or conf > best.confidence:
            best = MetaField(line, "text:first-line" if i == 0 and conf == CONF_TITLE else "text:head-line", conf, line)
    return best


def _date_lines(text: str, removed: list[dict]) -> MetaField | None:
    """A date line at the top of the text, or one residue removal took out; labelled ones count more."""
    cands = [(r["text"], "removed") for r in removed if r["reason"] in ("date-line", "byline", "metadata", "timestamp")]
    cands += [(ln, "head") for ln in _head(text)]
    best = None
    for line, _ in cands:
        parsed = parse_date_line(line)
        if not parsed:
            continue
        date, label = parsed
        conf = {"published": CONF_DATE_LABELLED, "updated": CONF_DATE_UPDATED}.get(label, CONF_DATE_LINE)
        if best is None or conf > best.confidence:
            best = MetaField(date.isoformat(), "text:date-line", conf, line.strip())
    return best


def _byline_date(text: str, removed: list[dict]) -> MetaField | None:
    """A full date inside a byline at the head: "by Jane Roe January 1, 2025, 18:03"."""
    for line in [r["text"] for r in removed if r["reason"] == "byline"] + _head(text):
        if _by_prefix().match(line.strip()) and len(line) <= 160:
            found = dates_in(line)
            if found:
                return MetaField(found[0][0].isoformat(), "text:byline-date", CONF_BYLINE_DATE, line.strip())
    return None


def _site_header(text: str) -> MetaField | None:
    found = site_header_date(text.lstrip())
    return MetaField(found[0].isoformat(), "text:site-header", CONF_SITE_HEADER, found[1]) if found else None


def _dateline_date(text: str, locator: str, reference: str = "") -> MetaField | None:
    """Dateline month/day, with a year only from a reference the record carries: the locator's own date with
    the same month and day, the locator's year and month, or the capture time (the year that puts the
    dateline on or before it). With none of these the dateline stays partial (``extra["dateline"]``)."""
    dl = find_dateline(text)
    if dl is None:
        return None
    for m in _LOCATOR_DATE.finditer(locator or ""):
        if int(m["mon"]) == dl["month"] and int(m["day"]) == dl["day"]:
            date = make_date(int(m["year"]), dl["month"], dl["day"])
            if date:
                return MetaField(date.isoformat(), "text:dateline+locator", CONF_DATELINE_YEAR,
                                 f"{dl['evidence']} | {m.group()}")
    for m in _LOCATOR_MONTH.finditer(locator or ""):
        date = make_date(int(m["year"]), dl["month"], dl["day"]) if int(m["mon"]) == dl["month"] else None
        if date:
            return MetaField(date.isoformat(), "text:dateline+locator", CONF_DATELINE_MONTH,
                             f"{dl['evidence']} | {m.group()}")
    ref = _ISO_DAY.match(reference or "")
    if ref:
        year, captured = int(ref["year"]), (int(ref["mon"]), int(ref["day"]))
        if (dl["month"], dl["day"]) > captured and not (dl["month"] == captured[0] and dl["day"] - captured[1] <= 1):
            year -= 1                      # "9 дек" captured in March: last December (a day ahead: time zones)
        date = make_date(year, dl["month"], dl["day"])
        if date:
            return MetaField(date.isoformat(), "text:dateline+captured", CONF_DATELINE_CAPTURED,
                             f"{dl['evidence']} | captured {reference.strip()[:25]}")
    return None


_LEAD_END = re.compile(r"(?:\s*(?:г\.|года|року|р\.))?\s*(?:\((?P<agency>[^()]{2,30})\))?\s*(?:--|[-–—:]|\.(?=\s))\s*\S")
_LEAD_PLACE = re.compile(r"^(?:[^\W\d_][\w .'’-]{1,40},\s+)?")


def _dated_lead(text: str) -> MetaField | None:
    """A full date opening one of the first paragraphs (the headline line is skipped over)."""
    for line in _head(text)[:3]:
        place = _LEAD_PLACE.match(line)
        for rx in date_forms():
            m = rx.match(line, place.end()) or (rx.match(line) if place.end() else None)
            if not m or not _LEAD_END.match(line, m.end()):
                continue
            date = date_of(m)
            if date is not None:
                end = _LEAD_END.match(line, m.end()).end()
                return MetaField(date.isoformat(), "text:dated-lead", CONF_DATED_LEAD, line[:end - 1].strip())
    return None


def _bound(reference: str) -> tuple[dt.date, str]:
    """(the last day a date in the text may fall on, what it is): the record's capture time, else today (ingest)."""
    ref = _ISO_DAY.match(reference or "")
    if ref:
        day = make_date(int(ref["year"]), int(ref["mon"]), int(ref["day"]))
        if day is not None:
            return day, "captured"
    return dt.datetime.now(dt.timezone.utc).date(), "ingested"


UPCOMING_DAYS = 45   # a weekday date this close after the bound may be a plan the text announces


def _upcoming(month: int, day: int, weekday: int, bound: dt.date) -> bool:
    """The day falls on that weekday within ``UPCOMING_DAYS`` after the bound: the text may announce it."""
    for year in (bound.year, bound.year + 1):
        date = make_date(year, month, day)
        if date is not None and bound + dt.timedelta(days=1) < date <= bound + dt.timedelta(days=UPCOMING_DAYS) \
                and date.weekday() == weekday:
            return True
    return False


def _weekday_date(text: str, reference: str = "") -> MetaField | None:
    """The latest year-less date written with its weekday ("27 декабря, в пятницу", "Friday, Dec. 27"), its year
    the latest one (up to the capture or ingest day, at most ten years back) where that day is that weekday.
    A fallback: the text states the day of an event, most often the day of the report or the day before."""
    bound, what = _bound(reference)
    best = None
    for month, day, wday, m in weekday_dates(text):
        if _upcoming(month, day, wday, bound):
            continue                   # "the summit on Friday, March 20" read on March 10: a plan, not a past day
        date = year_by_weekday(month, day, wday, bound)
        if date is not None and (best is None or date > best[0]):
            best = (date, m.group().strip())
    if best is None:
        return None
    date, seen = best
    return MetaField(date.isoformat(), "text:weekday-date", CONF_WEEKDAY_DATE,
                     f"{seen} | a {date.strftime('%A')} in {date.year}, the latest such year up to {what} {bound}")


def _embedded_post_date(text: str, reference: str = "") -> MetaField | None:
    """The latest full date on an embedded post's signature line ("— Name (@handle) April 2, 2025"): the
    article was written that day or later. A fallback when the text states no date of its own."""
    bound, _ = _bound(reference)
    best = None
    for m in POST_SIGNATURE.finditer(text):
        for date, _ in dates_in(m.group()):
            if date <= bound + dt.timedelta(days=1) and (best is None or date > best[0]):
                best = (date, m.group().strip())
    return MetaField(best[0].isoformat(), "text:embedded-post", CONF_EMBEDDED_POST,
                     f"{best[1]} | an embedded post's date; the article is that day or later") if best else None


def _infer_published(text: str, removed: list[dict], locator: str, reference: str = "") -> MetaField | None:
    """The most confident of: a date line (labelled or not), a byline's date, dateline + a reference year,
    a dated lead, a site header's date (first wins ties); failing those, a year-less date with its weekday,
    then an embedded post's date."""
    found = [f for f in (_date_lines(text, removed), _byline_date(text, removed),
                         _dateline_date(text, locator, reference),
                         _dated_lead(text), _site_header(text)) if f]
    if not found:
        found = [f for f in (_weekday_date(text, reference), _embedded_post_date(text, reference)) if f]
    return max(found, key=lambda f: f.confidence) if found else None


def _bylines(text: str, removed: list[dict]) -> list[str]:
    """Byline lines: those residue removal took out, or a "By X" first/last line left in."""
    lines = [r["text"] for r in removed if r["reason"] == "byline"]
    edge = [ln.strip() for ln in text.strip().split("\n")[:3] + text.strip().split("\n")[-2:]]
    return lines + [ln for ln in edge if _by_prefix().match(ln) and len(ln.split()) <= 10]


def _infer_outlet(text: str, known: dict[str, MetaField], removed: list[dict], locator: str,
                  outlets_file: str = "") -> MetaField | None:
    """From the page's URL, the locator's URL, a byline e-mail domain, then what the text says of itself."""
    for name, src in (("url", "url:domain"), (None, "locator:domain")):
        addr = (known[name].value if name in known else "") if name else locator
        host = urlsplit(str(addr)).hostname if "://" in str(addr or "") else None
        rec = outlet_for_domain(host, outlets_file) if host else None
        if rec:
            return MetaField(rec["name"], src, CONF_URL_DOMAIN, str(addr))
    dl = dateline_agency(text)
    found = outlet_from_text(text, removed, dl[0] if dl else None, outlets_file)
    if found is not None and found.source == "text:dateline" and dl:
        found = MetaField(found.value, found.source, found.confidence, dl[1])
    for line in _bylines(text, removed):
        for m in _EMAIL.finditer(line):
            rec = outlet_for_domain(m["domain"], outlets_file)
            if rec is None:
                continue
            if found is not None and found.value.startswith(rec["name"] + " "):
                # "Copyright ⓒ 연합뉴스TV" over a yna.co.kr address: the text names the sister outlet
                return MetaField(found.value, found.source, CONF_WRITE_TO, f"{found.evidence} | {line}")
            return MetaField(rec["name"], "text:byline-email", CONF_WRITE_TO, line)
    return found


def _author_from(line: str) -> tuple[str, float] | None:
    """Names from "Write to A at a@x.com and B at b@x.com" or "By A and B | Outlet"."""
    if re.match(r"(?:write|e-?mail) to\s", line, re.I):
        names = [m["name"].strip() for m in _WRITE_PAIR.finditer(_WRITE_TO.sub(", ", line))]
        return (", ".join(names), CONF_WRITE_TO) if names else None
    if _by_prefix().match(line):
        rest = re.split(r"\s*[|–—·]\s*|\s+-\s+|@", _by_prefix().sub("", line))[0]
        for _, m in dates_in(rest)[:1]:
            rest = rest[:m.start()]
        names = [n.strip() for n in re.split(r",|\band\b|&", rest) if n.strip()]
        names = [n for n in names if n[0].isupper() and len(n.split()) <= 4]
        return (", ".join(names), CONF_BYLINE) if names else None
    return None


def _infer_author(text: str, removed: list[dict]) -> MetaField | None:
    for line in _bylines(text, removed):
        found = _author_from(line)
        if found:
            return MetaField(found[0], "text:byline", found[1], line)
    return None


def infer_metadata(text: str, known: dict[str, MetaField], locator: str = "",
                   removed: list[dict] | None = None, outlets_file: str = "",
                   reference: str = "") -> dict[str, MetaField]:
    """Fields found in the text (and the residue lines removed from it) that ``known`` lacks.

    Values that came with the record (JSONL fields, HTML meta) win: only missing fields
    are returned. Unknown stays unknown: a field with no evidence is left out.
    ``outlets_file`` is a user's outlet registry merged over the built-in one; ``reference`` is when the
    record was captured (ISO), the only source of a year for a dateline that has none besides the locator.
    """
    removed = removed or []
    finders = {
        "title": lambda: _infer_title(text, removed),
        "published": lambda: _infer_published(text, removed, locator, reference),
        "outlet": lambda: _infer_outlet(text, known, removed, locator, outlets_file),
        "author": lambda: _infer_author(text, removed),
    }
    out: dict[str, MetaField] = {}
    for name, find in finders.items():
        if name not in known:
            value = find()
            if value is not None:
                out[name] = value
    return out
