"""Metadata inference for text that carries none: title, date, outlet, author, with evidence.

Every value says how it was found (``source``), quotes what was seen (``evidence``)
and how far to trust it (``confidence``); see docs/cleaning.md for the levels. A field
the text does not show stays unset: nothing is guessed from nothing.

Inputs are the clean text and the lines residue removal took out (bylines and date
lines are removed from the text but are the best metadata evidence there is).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from ..model import MetaField

# Confidence levels (docs/cleaning.md explains each).
CONF_URL_DOMAIN = 0.9        # the page's own address names the outlet
CONF_WRITE_TO = 0.85         # "Write to X at x@outlet.com": the outlet's own sign-off
CONF_BYLINE = 0.8            # "By X" at the head or tail of the article
CONF_TITLE_REPEATED = 0.85   # first line, and the page repeated it (title + glued tag copy)
CONF_TITLE = 0.7             # first line is headline-shaped
CONF_DATELINE_AGENCY = 0.7   # "(KCNA) --": the agency wrote it, but relays copy datelines
CONF_DATE_LABELLED = 0.7     # "Published: May 10, 2025" at the top of the page
CONF_DATE_LINE = 0.5         # a bare date at the top: publication *or* crawl/today's date
CONF_DATELINE_YEAR = 0.6     # dateline month/day + a year from the locator's own date
CONF_DATED_LEAD = 0.6        # "Seoul, April 30, 2025 — ...": the lead's own full date (relays may copy it)

_MONTHS_EN = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS_EN.update({m[:3]: i for m, i in list(_MONTHS_EN.items())})
_MONTHS_EN["sept"] = 9
_MONTHS_RU = {m: i + 1 for i, m in enumerate(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split())}
_MONTH_EN = r"(?P<mon>[A-Za-z]{3,9})\.?"
_MONTH_RU = r"(?P<mon>[а-яё]{3,8})\.?"

_LABEL = (r"^(?:(?P<label>published|updated|posted|date|опубликовано|обновлено|дата|입력|수정|등록)"
          r"(?: on)?\s*:?\s*)?")
_WEEKDAY = (r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
            r"|(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+)?")
_TIME = r"(?:\s*(?:,|\||·|-|–|—|at)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}|\s*\(?[A-Z]{2,5}\)?)?)?"
_DATE_FORMS = [
    rf"{_MONTH_EN}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    rf"(?P<day>\d{{1,2}})\s+{_MONTH_EN},?\s+(?P<year>\d{{4}})",
    r"(?P<year>\d{4})[-./](?P<mnum>\d{1,2})[-./](?P<day>\d{1,2})",
    r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})",
    r"(?P<year>\d{4})년\s*(?P<mnum>\d{1,2})월\s*(?P<day>\d{1,2})일(?:\s*\S요일)?",
    rf"(?P<day>\d{{1,2}})\s+{_MONTH_RU}\s+(?P<year>\d{{4}})(?:\s*(?:г\.|года))?",
]
_DATE_LINES = [re.compile(_LABEL + _WEEKDAY + form + _TIME + r"\s*\.?$", re.I) for form in _DATE_FORMS]

# "Pyongyang, December 24 (KCNA) --", "SEOUL, Dec. 5 (Yonhap) --", "МОСКВА, 24 декабря. /ТАСС/."
_DATELINE_EN = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z .'-]{{1,40}}),\s+{_MONTH_EN}\s+(?P<day>\d{{1,2}})\s+\((?P<agency>[^()]{{2,30}})\)\s*(?:--|[-–—])")
_DATELINE_RU = re.compile(
    rf"^(?P<place>[А-ЯЁ][А-ЯЁа-яё -]{{1,40}}),\s+(?P<day>\d{{1,2}})\s+{_MONTH_RU}\s*[.—–-]*\s*/?(?P<agency>[А-ЯЁA-Z][\w ]{{1,25}}?)/?\.?(?:\s|$)",
    re.I)
# A lead paragraph that opens with a full date: "Seoul, April 30, 2025 — South Korea's ...",
# "Москва, 20 ноября 2024 года. По данным ...", "2025년 2월 27일 — 국가정보원은 ...", "April 30, 2025 (Reuters) -"
_DATED_LEADS = [re.compile(r"^(?:(?P<place>[A-ZА-ЯЁ][\w .'’-]{1,40}),\s+)?" + form +
                           r"(?:\s*(?:г\.|года))?\s*(?:\((?P<agency>[^()]{2,30})\))?\s*(?:--|[-–—:]|\.(?=\s))\s*\S",
                           re.I) for form in _DATE_FORMS]
_LOCATOR_DATE = re.compile(r"(?<!\d)(?P<year>20\d{2})[-/_.]?(?P<mon>\d{2})[-/_.]?(?P<day>\d{2})(?!\d)")

_EMAIL = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_WRITE_TO = re.compile(r"(?:write|e-?mail) to\s+|(?:,|\band)\s+", re.I)
_WRITE_PAIR = re.compile(r"(?P<name>[^,@]{2,80}?) at [\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_BY_PREFIX = re.compile(r"^(?:by|written by|text by|reporting by|автор|текст|корреспондент)\s*:?\s+", re.I)


def _month(name: str) -> int | None:
    name = name.lower().rstrip(".")
    return _MONTHS_EN.get(name) or _MONTHS_RU.get(name)


def _make_date(year: int, month: int | None, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if month else None
    except ValueError:
        return None


def parse_date_line(line: str) -> tuple[dt.date, str | None] | None:
    """(date, label) when the whole line is one date, e.g. "Saturday, December 6, 2025",
    "Published: 10 May 2025 08:00 GMT", "2025년 12월 6일", "6 декабря 2025 г."; else None."""
    line = line.strip()
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return None
    for pattern in _DATE_LINES:
        m = pattern.match(line)
        if m:
            g = m.groupdict()
            month = int(g["mnum"]) if g.get("mnum") else _month(g["mon"])
            date = _make_date(int(g["year"]), month, int(g["day"]))
            if date is not None:
                return date, (g.get("label") or None)
    return None


def find_dateline(text: str) -> dict | None:
    """A news-agency dateline at the start of the text: place, month, day, agency, evidence.
    It has no year; the caller decides where a year may come from (never invented)."""
    head = text.lstrip()[:200]
    m = _DATELINE_EN.match(head) or _DATELINE_RU.match(head)
    if not m:
        return None
    month = _month(m["mon"])
    if month is None or not 1 <= int(m["day"]) <= 31:
        return None
    return {"place": m["place"].strip(), "month": month, "day": int(m["day"]),
            "agency": m["agency"].strip(), "evidence": m.group().strip()}


@lru_cache(maxsize=1)
def outlet_registry() -> dict[str, dict]:
    """domain -> outlet record (name, full_name, country, state_affiliated, aliases); loaded once."""
    data = resources.files("newsprism.resources").joinpath("outlets.json").read_text("utf-8")
    return json.loads(data)["outlets"]


@lru_cache(maxsize=1)
def _aliases() -> dict[str, dict]:
    return {a.lower(): rec for rec in outlet_registry().values() for a in [rec["name"], *rec["aliases"]]}


def outlet_for_domain(host: str) -> dict | None:
    """The registry's outlet for a host name, trying parent domains (en.yna.co.kr -> yna.co.kr)."""
    parts = host.lower().strip(".").removeprefix("www.").split(".")
    reg = outlet_registry()
    for k in range(len(parts) - 1):
        rec = reg.get(".".join(parts[k:]))
        if rec:
            return rec
    return None


def outlet_for_name(name: str) -> dict | None:
    """The registry's outlet for a name or alias as written in a dateline ("KCNA", "ТАСС")."""
    return _aliases().get(name.strip().lower())


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def _infer_title(text: str, removed: list[dict]) -> MetaField | None:
    """The first line, when it is headline-shaped (not a sentence, not a dateline) and a body follows."""
    first = _first_line(text)
    n = len(first.split())
    if not (3 <= n <= 25 and len(first) <= 200) or re.search(r"[.!,;:…\"”]$", first):
        return None
    if not (first[0].isupper() or first[0].isdigit() or first[0] in "\"'“‘«") or find_dateline(first):
        return None
    if len(text.strip()) <= len(first) + 40:
        return None  # a lone line is the whole text, not a title over an article
    repeated = any(r["reason"] == "duplicate-title" and first in r["text"] for r in removed)
    conf = CONF_TITLE_REPEATED if repeated else CONF_TITLE
    return MetaField(first, "text:first-line", conf, first)


def _top_date_line(removed: list[dict]) -> MetaField | None:
    """The first removed date line. Unlabelled ones are often the day the page was crawled."""
    for r in removed:
        if r["reason"] != "date-line":
            continue
        parsed = parse_date_line(r["text"])
        if parsed:
            date, label = parsed
            labelled = bool(label) and label.lower() not in ("updated", "обновлено", "수정")
            return MetaField(date.isoformat(), "text:date-line",
                             CONF_DATE_LABELLED if labelled else CONF_DATE_LINE, r["text"])
    return None


def _dateline_date(text: str, locator: str) -> MetaField | None:
    """Dateline month/day, with a year only when the locator carries the same month and day."""
    dl = find_dateline(text)
    if dl is None:
        return None
    for m in _LOCATOR_DATE.finditer(locator or ""):
        if int(m["mon"]) == dl["month"] and int(m["day"]) == dl["day"]:
            date = _make_date(int(m["year"]), dl["month"], dl["day"])
            if date:
                return MetaField(date.isoformat(), "text:dateline+locator", CONF_DATELINE_YEAR,
                                 f"{dl['evidence']} | {m.group()}")
    return None


def _dated_lead(text: str) -> MetaField | None:
    """A full date opening one of the first paragraphs (the headline line is skipped over)."""
    for line in [ln.strip() for ln in text.strip().split("\n") if ln.strip()][:3]:
        for rx in _DATED_LEADS:
            m = rx.match(line)
            if not m:
                continue
            g = m.groupdict()
            month = int(g["mnum"]) if g.get("mnum") else _month(g["mon"])
            date = _make_date(int(g["year"]), month, int(g["day"]))
            if date is not None:
                return MetaField(date.isoformat(), "text:dated-lead", CONF_DATED_LEAD, m.group()[:-1].strip())
    return None


def _infer_published(text: str, removed: list[dict], locator: str) -> MetaField | None:
    """The most confident of: dateline + locator year, a dated lead, a date line at the top (first wins ties)."""
    found = [f for f in (_dateline_date(text, locator), _dated_lead(text), _top_date_line(removed)) if f]
    return max(found, key=lambda f: f.confidence) if found else None


def _bylines(text: str, removed: list[dict]) -> list[str]:
    """Byline lines: those residue removal took out, or a "By X" first/last line left in."""
    lines = [r["text"] for r in removed if r["reason"] == "byline"]
    edge = [ln.strip() for ln in text.strip().split("\n")[:3] + text.strip().split("\n")[-2:]]
    return lines + [ln for ln in edge if _BY_PREFIX.match(ln) and len(ln.split()) <= 10]


def _outlet_field(rec: dict | None, source: str, conf: float, evidence: str) -> MetaField | None:
    return MetaField(rec["name"], source, conf, evidence) if rec else None


def _infer_outlet(text: str, known: dict[str, MetaField], removed: list[dict], locator: str) -> MetaField | None:
    """From the page's URL, the locator's URL, a byline e-mail domain, then a dateline agency."""
    for name, src in (("url", "url:domain"), (None, "locator:domain")):
        addr = (known[name].value if name in known else "") if name else locator
        host = urlsplit(str(addr)).hostname if "://" in str(addr or "") else None
        found = _outlet_field(outlet_for_domain(host), src, CONF_URL_DOMAIN, str(addr)) if host else None
        if found:
            return found
    for line in _bylines(text, removed):
        for m in _EMAIL.finditer(line):
            found = _outlet_field(outlet_for_domain(m["domain"]), "text:byline-email", CONF_WRITE_TO, line)
            if found:
                return found
    dl = find_dateline(text)
    if dl:
        return _outlet_field(outlet_for_name(dl["agency"]), "text:dateline", CONF_DATELINE_AGENCY, dl["evidence"])
    return None


def _author_from(line: str) -> tuple[str, float] | None:
    """Names from "Write to A at a@x.com and B at b@x.com" or "By A and B | Outlet"."""
    if re.match(r"(?:write|e-?mail) to\s", line, re.I):
        names = [m["name"].strip() for m in _WRITE_PAIR.finditer(_WRITE_TO.sub(", ", line))]
        return (", ".join(names), CONF_WRITE_TO) if names else None
    if _BY_PREFIX.match(line):
        rest = re.split(r"\s*[|–—]\s*|\s+-\s+|@", _BY_PREFIX.sub("", line))[0]
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
                   removed: list[dict] | None = None) -> dict[str, MetaField]:
    """Fields found in the text (and the residue lines removed from it) that ``known`` lacks.

    Values that came with the record (JSONL fields, HTML meta) win: only missing fields
    are returned. Unknown stays unknown: a field with no evidence is left out.
    """
    removed = removed or []
    finders = {
        "title": lambda: _infer_title(text, removed),
        "published": lambda: _infer_published(text, removed, locator),
        "outlet": lambda: _infer_outlet(text, known, removed, locator),
        "author": lambda: _infer_author(text, removed),
    }
    out: dict[str, MetaField] = {}
    for name, find in finders.items():
        if name not in known:
            value = find()
            if value is not None:
                out[name] = value
    return out
