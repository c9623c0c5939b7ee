"""Dates as pages write them: whole date lines, datelines, dates inside bylines, site headers.

Month and weekday names come from dateparser's locale data for every language newsprism
detects (no hand tables), plus each language pack's ``metadata.MONTHS``; labels
("Published", "입력", "Опубликовано") and year words ("г.", "року") come from the packs.
The shapes are the same in every language: month-name forms ("June 17, 2025",
"Tuesday, 17 June 2025", "17 июня 2025 г.", "17. Juni 2025", "17 de junio de 2025"),
numeric forms ("2025-06-17", "17.06.2025", "2025.06.17") and the East Asian ones
("2025년 6월 17일", "2025年6月17日"). A date is never completed from outside the text:
month and day without a year stay partial, unless the text names the weekday beside them
("27 декабря, в пятницу", "Friday, Dec. 27", "12월 27일(금)"): ``weekday_dates`` finds those and
``year_by_weekday`` picks the latest year where that day is that weekday, below a bound the
caller gives (the capture or ingest day).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..config import DEFAULT_LANGUAGES
from ..languages import PACKS, pack

_MONTH_KEYS = "january february march april may june july august september october november december".split()
_WEEKDAY_KEYS = "monday tuesday wednesday thursday friday saturday sunday".split()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], frozenset[str]]:
    """(month word -> number, weekday words), lowercase, letters only; words two languages disagree on are dropped."""
    from dateparser.languages.loader import default_loader
    months: dict[str, int] = {}
    clash: set[str] = set()
    weekdays: set[str] = set()
    for code in dict.fromkeys([*DEFAULT_LANGUAGES, *PACKS]):
        try:
            info = default_loader.get_locale(code).info
        except (KeyError, ValueError):
            continue
        for i, key in enumerate(_MONTH_KEYS, 1):
            for word in info.get(key, []):
                w = word.lower().rstrip(".")
                if w.isalpha():
                    clash.update({w} if months.setdefault(w, i) != i else set())
        weekdays.update(w.lower().rstrip(".") for k in _WEEKDAY_KEYS for w in info.get(k, []) if len(w) > 2)
    for code in PACKS:
        months.update(pack(code).metadata.MONTHS)
    return {w: n for w, n in months.items() if w not in clash}, frozenset(weekdays)


def month_number(word: str) -> int | None:
    return _tables()[0].get(word.lower().rstrip("."))


@lru_cache(maxsize=1)
def _year_words() -> str:
    words = sorted({w for code in PACKS for w in pack(code).metadata.YEAR_WORDS}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words) or "(?!)"


_MON = r"(?P<mon>[^\W\d_]{3,12})\.?"
_WEEKDAY = r"(?:(?P<wd>[^\W\d_]{2,12})\.?,?\s+)?"


@lru_cache(maxsize=1)
def _time() -> str:
    """A clock time after a date ("18:03", "at 10.45 pm", "(18:58)", "오전 10:00"); the packs' ``TIME_PREFIXES``."""
    words = sorted({w for code in PACKS for w in pack(code).metadata.TIME_PREFIXES}, key=len, reverse=True)
    prefix = rf"(?:(?:{'|'.join(re.escape(w) for w in words)})\s*)?" if words else ""
    return (rf"(?:\s*(?:,|\||·|-|–|—|at|в)?\s*{prefix}\(?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\)?(?:\s*[ap]\.?m\.?)?"
            r"(?:\s*\(?(?:[A-Z]{2,5}|GMT[+-]\d{1,2})\)?)?)?")


@lru_cache(maxsize=1)
def date_forms() -> tuple[re.Pattern, ...]:
    """The date shapes (not anchored); groups year, day, and mon (a word) or mnum (a number)."""
    yw = rf"(?:\s*(?:{_year_words()}))?"
    forms = [
        rf"{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
        rf"(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?{_MON},?\s+(?:de\s+|del\s+)?(?P<year>\d{{4}}){yw}",
        r"(?P<year>\d{4})[-./](?P<mnum>\d{1,2})[-./](?P<day>\d{1,2})\.?",
        r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})",
        r"(?P<year>\d{4})년\s*(?P<mnum>\d{1,2})월\s*(?P<day>\d{1,2})일(?:\s*\(?\S요일\)?|\s*\(\S\))?",
        r"(?P<year>\d{4})\s*年\s*(?P<mnum>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",
    ]
    return tuple(re.compile(f, re.I) for f in forms)


def make_date(year: int, month: int | None, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if month else None
    except ValueError:
        return None


def date_of(m: re.Match) -> dt.date | None:
    """The date a date-form match names (None for a word that is no month, or an impossible day)."""
    g = m.groupdict()
    month = int(g["mnum"]) if g.get("mnum") else month_number(g["mon"])
    return make_date(int(g["year"]), month, int(g["day"]))


@lru_cache(maxsize=1)
def _labels() -> tuple[tuple[str, ...], tuple[str, ...]]:
    pub = {w.lower() for c in PACKS for w in pack(c).metadata.DATE_LABELS}
    upd = {w.lower() for c in PACKS for w in pack(c).metadata.UPDATE_LABELS}
    order = lambda ws: tuple(sorted(ws, key=len, reverse=True))
    return order(pub), order(upd)


def split_label(line: str) -> tuple[str | None, str]:
    """("published" | "updated" | None, the rest) for a line that may open with a date label."""
    low = line.lower()
    pub, upd = _labels()
    for kind, words in (("updated", upd), ("published", pub)):
        for w in words:
            if low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalpha()):
                rest = line[len(w):].lstrip()
                rest = re.sub(r"^(?:on\s+)?[:：]?\s*", "", rest)
                return kind, rest
    return None, line


def _whole_date(seg: str) -> tuple[dt.date, str | None] | None:
    kind, rest = split_label(seg.strip())
    for rx in date_forms():
        m = re.match(_WEEKDAY + rx.pattern + _time() + r"\s*\.?$", rest, re.I)
        if not m:
            continue
        wd = m["wd"]
        if wd and wd.lower() not in _tables()[1]:
            continue
        date = date_of(m)
        if date is not None:
            return date, kind
    return None


def parse_date_line(line: str) -> tuple[dt.date, str | None] | None:
    """(date, label) when the whole line is a date, e.g. "Saturday, December 6, 2025",
    "Published: 10 May 2025 08:00 GMT", "입력 2024.11.24 (18:58)", "6 декабря 2025 г.", or
    "Posted: 27 May. 2025, 12:18 | Updated: 27 May. 2025, 13:05" (the first date counts);
    label is "published", "updated" or None."""
    line = line.strip()
    if len(line) > 120 or not any(ch.isdigit() for ch in line):
        return None
    parts = [p for p in re.split(r"\s+[|·/]\s+|\s{3,}", line) if p.strip()]
    found = [_whole_date(p) for p in parts]
    if not found or not all(found):
        return None
    return found[0]


def dates_in(line: str) -> list[tuple[dt.date, re.Match]]:
    """Every full date written inside a line, in order."""
    out = []
    for rx in date_forms():
        for m in rx.finditer(line):
            before = line[m.start() - 1] if m.start() else " "
            date = date_of(m) if not (before.isalnum() or before in ".-/") else None
            if date is not None:
                out.append((date, m))
    return sorted(out, key=lambda x: x[1].start())


_HEADER = re.compile(r"^\s*(?P<label>[^\W\d_]{2,16}\s*:?\s*)?(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\s+(?=\S)")


def site_header_date(text: str) -> tuple[dt.date, str] | None:
    """(date, the header as written) when the text opens with a site header's date glued to the
    first line: "date 2025-01-13 Zelensky proposes ..."; the label, if any, is a date label."""
    m = _HEADER.match(text)
    if not m:
        return None
    if m["label"] and split_label(m["label"].strip())[0] is None:
        return None
    date = make_date(int(m["year"]), int(m["mnum"]), int(m["day"]))
    return (date, m.group().strip()) if date else None


def strip_site_header(line: str) -> str:
    """The line without a leading site-header date ("date 2025-01-13 ")."""
    return line[_HEADER.match(line).end():] if site_header_date(line) else line


# "Pyongyang, December 24 (KCNA) --", "SEOUL, Dec. 5 (Yonhap) --", "МОСКВА, 24 декабря. /ТАСС/.",
# "MOSCOW, April 28. /TASS/.", "МОСКВА, 9 дек - РИА Новости."
_AGENCY = r"(?:\((?P<agency>[^()]{2,30})\)|/(?P<agency2>[^/]{2,30})/\.?|[-–—]\s+(?P<agency3>[^\W\d_][\w .-]{1,25}?)\.(?=\s))"
_DATELINES = [
    re.compile(rf"^(?P<place>[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+){{0,4}}),\s+{_MON}\s+(?P<day>\d{{1,2}})\.?\s*{_AGENCY}\s*(?:--|[-–—])?"),
    re.compile(rf"^(?P<place>[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+){{0,4}}),\s+(?P<day>\d{{1,2}})\s+{_MON}\s*\.?\s*{_AGENCY}"),
]
# "DEIR AL-BALAH, Gaza Strip (AP) —", "KYIV, Ukraine (AP) —": an upper-case place, the agency, a dash.
_PLACE_DATELINE = re.compile(r"^(?P<place>[A-ZА-ЯЁІЇЄ][A-ZА-ЯЁІЇЄ .'-]{2,40})(?:,\s+[^\W\d_][\w .'-]{1,30})?\s+"
                             r"\((?P<agency>[^()]{2,30})\)\s*(?:--|[-–—])")


def find_dateline(text: str) -> dict | None:
    """A news-agency dateline at the start of the text: place, month, day, agency, evidence.
    It has no year; the caller decides where a year may come from (never invented)."""
    head = strip_site_header(text.lstrip())[:200]
    for rx in _DATELINES:
        m = rx.match(head)
        if not m:
            continue
        month = month_number(m["mon"])
        if month is None or not 1 <= int(m["day"]) <= 31:
            continue
        agency = (m["agency"] or m["agency2"] or m["agency3"]).strip()
        return {"place": m["place"].strip(), "month": month, "day": int(m["day"]),
                "agency": agency, "evidence": m.group().strip()}
    return None


def dateline_agency(text: str) -> tuple[str, str] | None:
    """(agency, evidence) from a dateline with or without a date ("KYIV, Ukraine (AP) —") opening
    one of the first three lines."""
    lines = [ln.strip() for ln in strip_site_header(text.lstrip()).split("\n") if ln.strip()][:3]
    for line in lines:  # the dateline opens the first paragraph, maybe under the headline
        dl = find_dateline(line)
        if dl:
            return dl["agency"], dl["evidence"]
        m = _PLACE_DATELINE.match(line[:200])
        if m:
            return m["agency"].strip(), m.group().strip()
    return None


# ---- Year-less dates that name their weekday ---------------------------------------------------------------
# "27 декабря, в пятницу", "у п'ятницю, 27 грудня", "Friday, December 27", "12월 27일(금)", "vendredi 27 décembre":
# the weekday pins the year down to one in five to eleven, so the latest such year not after a bound (the
# record's capture time, else the ingest time) within WEEKDAY_WINDOW_YEARS is taken. Weekday words come from
# dateparser's locale data (inflected forms included: "пятницу", "п'ятницю"); a word that is also a month
# name, or that two languages give different days, is dropped.

WEEKDAY_WINDOW_YEARS = 10
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


def _norm_word(word: str) -> str:
    return word.lower().rstrip(".").translate(_APOSTROPHES)


@lru_cache(maxsize=1)
def _weekday_numbers() -> tuple[dict[str, int], dict[str, int]]:
    """(weekday word -> 0..6 with Monday 0, words of three letters and more; single CJK signs used in
    parentheses after a date: "(금)", "(金)")."""
    from dateparser.languages.loader import default_loader
    words: dict[str, int] = {}
    signs: dict[str, int] = {}
    clash: set[str] = set()
    months = _tables()[0]
    for code in dict.fromkeys([*DEFAULT_LANGUAGES, *PACKS]):
        try:
            info = default_loader.get_locale(code).info
        except (KeyError, ValueError):
            continue
        for i, key in enumerate(_WEEKDAY_KEYS):
            for word in info.get(key, []):
                w = _norm_word(word).strip("()")
                table = signs if len(w) == 1 and not w.isascii() else words if len(w) >= 3 else None
                if table is None or not w.replace("'", "").isalpha() or w in months:
                    continue
                clash.update({w} if table.setdefault(w, i) != i else set())
    return ({w: n for w, n in words.items() if w not in clash}, {w: n for w, n in signs.items() if w not in clash})


def weekday_number(word: str) -> int | None:
    """0 (Monday) .. 6 for a weekday word in any detected language ("Friday", "пятницу", "금요일")."""
    w = _norm_word(word).strip("()")
    words, signs = _weekday_numbers()
    return words.get(w, signs.get(w))


_YEARLESS = [  # day and month without a year; ``mon`` a month word or ``mnum`` a number
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?{_MON}",
    rf"{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?",
    r"(?P<mnum>\d{1,2})월\s*(?P<day>\d{1,2})일",
    r"(?P<mnum>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",
]
_NOT_A_YEAR_NEXT = r"(?![\d])(?!\.?,?\s*(?:de\s+|del\s+|of\s+)?\d{4})"
_YEAR_BEFORE = re.compile(r"\d{4}\s*[년年]\s*$")
_CJK_SIGN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=1)
def _weekday_forms() -> tuple[re.Pattern, ...]:
    """Year-less day and month with the weekday beside it: before ("Friday, December 27", "в пятницу, 27
    декабря"), after ("27 декабря, в пятницу", "12월 27일 금요일") or in parentheses ("12월 27일(금)")."""
    words, signs = _weekday_numbers()
    esc = lambda ws: "|".join(re.escape(w).replace("'", "['’ʼ]") for w in sorted(ws, key=len, reverse=True))
    # three-letter abbreviations ("Sat", "Mit", "птн") count only with their dot or comma: "Sat, March 14"
    short = [w for w in words if len(w) == 3 and not _CJK_SIGN.search(w)]
    alt = f"{esc(w for w in words if w not in short)}|(?:{esc(short)})(?=[.,])"
    sign = "|".join(re.escape(s) for s in signs) or "(?!)"
    wd = lambda name: rf"(?<![^\W\d_])(?P<{name}>{alt})\.?(?![^\W\d_])"
    forms = []
    for d in _YEARLESS:
        d = rf"(?<![\d.])(?<![A-Za-z\u00c0-\u024f\u0370-\u04ff]){d}{_NOT_A_YEAR_NEXT}"  # "は3月14日" may touch kana
        forms.append(rf"{wd('wd')}\s*,?\s*(?:[^\W\d_]{{1,3}}\s+)?{d}")
        forms.append(rf"{d}(?:\s*,\s*|\s+)(?:[^\W\d_]{{1,2}}\s+)?{wd('wd2')}")
        forms.append(rf"{d}\s*\(\s*(?P<wd3>{esc(words)}|{sign})\.?\s*\)")
    return tuple(re.compile(f, re.I) for f in forms)


def weekday_dates(text: str) -> list[tuple[int, int, int, re.Match]]:
    """(month, day, weekday 0..6, match) for each year-less date written with its weekday, in order."""
    out: dict[int, tuple[int, int, int, re.Match]] = {}   # by where the date starts
    for rx in _weekday_forms():
        for m in rx.finditer(text):
            if _YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue                                   # "2024년 12월 27일(금)" is a full date
            g = m.groupdict()
            month = int(g["mnum"]) if g.get("mnum") else month_number(g["mon"])
            wday = weekday_number(g.get("wd") or g.get("wd2") or g.get("wd3") or "")
            if month is None or wday is None or not 1 <= int(g["day"]) <= 31:
                continue
            if g.get("wd2") and "." in text[max(m.end("day"), m.end("mon") if g.get("mon") else 0):m.start("wd2")]:
                continue                                   # "27 декабря. В пятницу …": the next sentence's weekday
            at = min(m.start(k) for k in ("day", "mon", "mnum") if g.get(k))
            out.setdefault(at, (month, int(g["day"]), wday, m))  # a weekday before the date wins over one after
    return sorted(out.values(), key=lambda x: x[3].start())


def year_by_weekday(month: int, day: int, weekday: int, bound: dt.date,
                    window: int = WEEKDAY_WINDOW_YEARS) -> dt.date | None:
    """The latest date on that month and day that falls on ``weekday``, not after ``bound`` (a day of
    slack for time zones) and at most ``window`` years before it; None when no year fits."""
    for year in range(bound.year, bound.year - window - 1, -1):
        date = make_date(year, month, day)
        if date is not None and date <= bound + dt.timedelta(days=1) and date.weekday() == weekday:
            return date
    return None


# the signature line an embedded social-media post ends with: "— Name (@handle) April 2, 2025"
POST_SIGNATURE = re.compile(r"^[ \t]*[—–-][ \t]*(?P<name>[^\n@]{2,80}?)[ \t]*\(@\w{1,30}\)[^\n]*$", re.M)
