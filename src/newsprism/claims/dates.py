"""Date expressions normalized against the publication date, preferring the past.

Candidates are found by patterns (a gate: a general date parser fires on "may",
"march" and "Min, a"); each is then resolved against the anchor (the document's
publication date) with news semantics: a bare "December 22" or "in April" is
the latest such date on or before the anchor, "on Monday" the latest Monday.
The readers are here, the words and patterns in the language packs
(``pack(lang).dates``, which names its reader): English and Korean in full;
month names in any case form with "в прошлом году", "осенью прошлого года",
"вчера", "на прошлой неделе" (ru, uk), month names and last/this/next year
(de, fr, es, it, pt, pl, ar); Chinese and Japanese 2024年10月3日, 去年10月.

Without an anchor, expressions that need one stay unresolved: ``value`` keeps
what is known in TIMEX style (``XXXX-12-22``, ``PAST_REF-10``) and
``resolved`` is False. Nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..languages import languages, pack

# KCNA's calendar: "Oct. 4, Juche 104 (2015)", "May Juche 106 (2017)", "Juche 113". Juche year n = n + 1911.
JUCHE_OFFSET = 1911


def juche_year(juche: str | None, gregorian: str | None) -> str | None:
    """The Gregorian year of a Juche date: the parenthesised one when given, else Juche + 1911."""
    if gregorian:
        return gregorian
    if juche and 1 <= int(juche) <= 300:
        return str(int(juche) + JUCHE_OFFSET)
    return None
@dataclass
class TimeExpr:
    start: int
    end: int
    value: str | None          # ISO date / YYYY-MM / YYYY / YYYY-SU / TIMEX-style with X for unknown parts
    granularity: str           # day | week | month | season | year
    resolved: bool
    anchor: str | None
    text: str
    relation: str | None = None   # since | until | before | after | None

    def to_attrs(self) -> dict:
        return {"value": self.value, "granularity": self.granularity, "resolved": self.resolved,
                "anchor": self.anchor, "relation": self.relation, "text": self.text}


def parse_anchor(published) -> date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(published))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _past_month(anchor: date, month: int, day: int | None = None) -> date:
    y = anchor.year
    d = date(y, month, min(day or 1, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))
    return d.replace(year=y - 1) if d > anchor else d


def find_times(text: str, lang: str = "en", published=None) -> list[TimeExpr]:
    anchor = parse_anchor(published)
    a_iso = anchor.isoformat() if anchor else None
    code = pack(lang).code
    d = pack(code).dates
    if d.READER == "korean":
        out = _korean(text, anchor, d)
    elif d.READER == "english":
        out = []
        for m in d.PATTERN.finditer(text):
            t = _english(text, m, anchor, d)
            if t is not None and not (out and t.start < out[-1].end):    # inside a date extended by its Juche year
                out.append(t)
    elif d.READER == "characters":
        out = _cjk(text, anchor, d)
    else:
        out = _other(text, code, anchor)
    relations, rel_re = _relations()
    for t in out:
        t.anchor = a_iso if not t.resolved or _needs_anchor(t.text) else None
        rel = rel_re.search(text[max(0, t.start - 8):t.start])
        t.relation = relations.get(rel.group(1).lower(), rel.group(1).lower()) if rel else None
    return out


@lru_cache(maxsize=1)
def _relations() -> tuple[dict[str, str], re.Pattern]:
    """Words before a date that relate it ("since", "до", "부터"), every pack's, read in every text."""
    table: dict[str, str] = {}
    for code in languages():
        table.update(pack(code).dates.RELATION_WORDS)
    alt = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"({alt})\s*$", re.I)


def _needs_anchor(s: str) -> bool:
    return not re.search(r"\d{4}|juche\s+\d", s, re.I)


def _english(text: str, m: re.Match, anchor: date | None, d) -> TimeExpr | None:
    s, e, raw = m.start(), m.end(), m.group(0)
    tail = text[e:e + 60]
    last_year = re.match(r"(?:,?\s*(?:and\s+)?" + d.MONTH_RE + r"\s+\d{1,2})*,?\s+(?:of\s+)?last\s+year", tail, re.I)
    jt = d.JUCHE_TAIL.match(tail) if (m.group("md") and not m.group("md_y")) or (m.group("dm") and not m.group("dm_y")) \
        or (m.group("my") and not m.group("my_y")) else None
    jyear = juche_year(jt.group("jy"), jt.group("jg")) if jt else None
    if jyear:
        e = e + jt.end()
        raw = text[s:e]
        tail = text[e:e + 60]
    if m.group("ago"):
        return _english_ago(m, anchor, d)
    if m.group("juche"):
        y = juche_year(m.group("jy"), m.group("jg"))
        return TimeExpr(s, e, y, "year", True, None, raw) if y else None
    if m.group("md") or m.group("dm"):
        mon = d.MONTHS[re.search(d.MONTH_RE, raw, re.I).group(0).lower().rstrip(".")[:3]]
        day = int(m.group("md_d") or m.group("dm_d"))
        y = m.group("md_y") or m.group("dm_y") or jyear
        if day < 1 or day > 31:
            return None
        if y:
            return TimeExpr(s, e, f"{y}-{mon:02d}-{day:02d}", "day", True, None, raw)
        if last_year:
            if anchor:
                return TimeExpr(s, e, f"{anchor.year - 1}-{mon:02d}-{day:02d}", "day", True, None, raw)
            return TimeExpr(s, e, f"PY-{mon:02d}-{day:02d}", "day", False, None, raw)
        if anchor:
            d = _past_month(anchor, mon, day)
            return TimeExpr(s, e, d.isoformat(), "day", True, None, raw)
        return TimeExpr(s, e, f"XXXX-{mon:02d}-{day:02d}", "day", False, None, raw)
    if m.group("my"):
        word = m.group("my_m")
        if word.lower().rstrip(".") in ("may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "apr", "feb") \
                and not m.group("my_y") and not jyear and not re.search(r"(?:in|since|until|by|of|early|mid|late|last|this|next|from|before|after)\s+$",
                                                          text[max(0, s - 12):s], re.I):
            return None                                      # "may", "March" as verbs/names: the gate
        if word[0].islower():
            return None
        mon = d.MONTHS[word.lower().rstrip(".")[:3]]
        yv = (m.group("my_y") or jyear or "").lower()
        if re.fullmatch(r"\d{4}", yv):
            return TimeExpr(s, e, f"{yv}-{mon:02d}", "month", True, None, raw)
        off = -1 if "last" in yv else 1 if "next" in yv else 0 if "this" in yv else None
        if off is None and last_year:
            off = -1
        before = re.search(r"\b(next|coming|last|past)\s+$", text[max(0, s - 8):s], re.I)
        if off is None and before and anchor:
            # "next February": the first February after publication; "last March": the latest before this month
            if before.group(1).lower() in ("next", "coming"):
                y = anchor.year if mon > anchor.month else anchor.year + 1
            else:
                y = anchor.year if mon < anchor.month else anchor.year - 1
            return TimeExpr(before.start() + max(0, s - 8), e, f"{y}-{mon:02d}", "month", True, None,
                            text[before.start() + max(0, s - 8):e])
        if off is None and before:
            fwd = before.group(1).lower() in ("next", "coming")
            return TimeExpr(s, e, f"{'FY' if fwd else 'PY'}-{mon:02d}", "month", False, None, raw)
        if off is not None:
            if anchor:
                return TimeExpr(s, e, f"{anchor.year + off}-{mon:02d}", "month", True, None, raw)
            return TimeExpr(s, e, f"{'PY' if off < 0 else 'FY' if off > 0 else 'THIS_YEAR'}-{mon:02d}", "month", False, None, raw)
        if anchor and d.FUTURE_BEFORE.search(text[max(0, s - 40):s]):
            # "a plenary meeting to be held in December" written in August: the coming December
            y = anchor.year if mon >= anchor.month else anchor.year + 1
            return TimeExpr(s, e, f"{y}-{mon:02d}", "month", True, None, raw)
        if anchor:
            return TimeExpr(s, e, _past_month(anchor, mon).strftime("%Y-%m"), "month", True, None, raw)
        return TimeExpr(s, e, f"XXXX-{mon:02d}", "month", False, None, raw)
    if m.group("wd"):
        if re.match(r"\s*[,-]?\s*(?:" + d.MONTH_RE + r"|\d)", tail, re.I):
            return None                                      # "Saturday, December 6, 2025": the date after says it
        wd = d.WEEKDAYS.index(re.search(r"[A-Za-z]+day", raw, re.I).group(0).lower())
        if not anchor:
            return TimeExpr(s, e, f"XXXX-WXX-{wd + 1}", "day", False, None, raw)
        back = (anchor.weekday() - wd) % 7
        if raw.lower().startswith("last") and back == 0:
            back = 7
        return TimeExpr(s, e, (anchor - timedelta(days=back)).isoformat(), "day", True, None, raw)
    if m.group("rel"):
        return _relative(s, e, raw, anchor)
    if m.group("season"):
        code, month = d.SEASONS[m.group("s_name").lower()]
        if m.group("s_y"):
            return TimeExpr(s, e, f"{m.group('s_y')}-{code}", "season", True, None, raw)
        rel = (m.group("s_rel") or "").lower()
        if not rel and not re.search(r"(?:in|since|during|over|through|the)\s+(?:the\s+)?$", text[max(0, s - 12):s], re.I):
            return None
        if not anchor:
            return TimeExpr(s, e, f"{'PY' if rel in ('last', 'past') else 'XXXX'}-{code}", "season", False, None, raw)
        y = anchor.year
        if rel in ("last", "past"):
            y = y - 1 if date(y, month, 1) > anchor or rel == "last" and anchor.month < month + 3 else y
        elif not rel and date(y, month, 1) > anchor:
            y -= 1
        return TimeExpr(s, e, f"{y}-{code}", "season", True, None, raw)
    if m.group("year"):
        return TimeExpr(s, e, m.group("y"), "year", True, None, raw)
    return None


def _english_ago(m: re.Match, anchor: date | None, d) -> TimeExpr | None:
    """ "three years ago", "December three years ago" (a lower-case "may a year ago" is the verb, not the month)."""
    word = m.group("ago_n").lower()
    s, month = m.start(), m.group("ago_m")
    if month and month[0].islower():
        s, month = m.start("ago_n"), None
    mon = d.MONTHS[month.lower().rstrip(".")[:3]] if month else None
    return _ago(s, m.end(), m.string[s:m.end()], int(word) if word.isdigit() else d.NUMBER_WORDS[word],
                m.group("ago_u").lower(), mon, anchor)


def _ago(s: int, e: int, raw: str, n: int, unit: str, mon: int | None, anchor: date | None) -> TimeExpr | None:
    """``n`` units (day/week/month/year) before publication; with ``mon``, that month ``n`` years back."""
    if mon and unit != "year":
        return None                                          # "December two weeks ago" is not a date
    if not anchor:
        return TimeExpr(s, e, f"PAST_REF-{unit}" if not mon else f"PY{n}-{mon:02d}", "month" if mon else unit,
                        False, None, raw)
    if unit == "year":
        y = anchor.year - n
        return TimeExpr(s, e, f"{y}-{mon:02d}" if mon else str(y), "month" if mon else "year", True, None, raw)
    if unit == "month":
        k = anchor.year * 12 + anchor.month - 1 - n
        return TimeExpr(s, e, f"{k // 12}-{k % 12 + 1:02d}", "month", True, None, raw)
    if unit == "week":
        iy, iw, _ = (anchor - timedelta(weeks=n)).isocalendar()
        return TimeExpr(s, e, f"{iy}-W{iw:02d}", "week", True, None, raw)
    return TimeExpr(s, e, (anchor - timedelta(days=n)).isoformat(), "day", True, None, raw)


def _relative(s: int, e: int, raw: str, anchor: date | None) -> TimeExpr:
    low = raw.lower()
    unit = "year" if "year" in low else "month" if "month" in low else "week" if "week" in low else "day"
    off = -1 if re.search(r"last|past|yesterday", low) else 1 if re.search(r"next|tomorrow", low) else 0
    if not anchor:
        return TimeExpr(s, e, {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[off] + f"-{unit}", unit, False, None, raw)
    if unit == "year":
        return TimeExpr(s, e, str(anchor.year + off), "year", True, None, raw)
    if unit == "month":
        mon = anchor.month + off
        y = anchor.year + (mon - 1) // 12
        return TimeExpr(s, e, f"{y}-{(mon - 1) % 12 + 1:02d}", "month", True, None, raw)
    if unit == "week":
        d = anchor + timedelta(weeks=off)
        iy, iw, _ = d.isocalendar()
        return TimeExpr(s, e, f"{iy}-W{iw:02d}", "week", True, None, raw)
    return TimeExpr(s, e, (anchor + timedelta(days=off)).isoformat(), "day", True, None, raw)


def _korean_short(text: str, anchor: date | None, taken: list[tuple[int, int]], d) -> list[TimeExpr]:
    """어제, 지난주, 지난달, "3년 전", "작년 가을"."""
    out = []
    for m in d.SHORT.finditer(text):
        s, e, raw = m.start(), m.end(), m.group(0)
        if m.group("n"):
            n, u = int(m.group("n")), m.group("u")
            unit = d.AGO_UNITS[u]
            t = _ago(s, e, raw, n, unit, None, anchor)
        elif m.group("s"):
            off = d.YEAR_OFFSETS[m.group("rel")]
            code = d.SEASON_CODES[m.group("s")]
            t = TimeExpr(s, e, f"{anchor.year + off}-{code}" if anchor else f"{'PY' if off < 0 else 'XXXX'}-{code}",
                         "season", bool(anchor), None, raw)
        else:
            unit, off = (("day", -1) if m.group("yday") else ("week", -1) if m.group("lw") else ("week", 0)
                         if m.group("tw") else ("month", -1) if m.group("lm") else ("month", 0))
            if m.group("yday") == "그제":
                off = -2
            t = _relative(s, e, ("last " if off < 0 else "this ") + unit, anchor)
            if unit == "day" and anchor:
                t.value = (anchor + timedelta(days=off)).isoformat()
            t.text = raw
        if t is not None:
            out.append(t)
            taken.append((s, e))
    return out


def _korean(text: str, anchor: date | None, d) -> list[TimeExpr]:
    taken: list[tuple[int, int]] = []
    out = _korean_short(text, anchor, taken, d)
    for m in d.PATTERN.finditer(text):
        s, e, raw = m.start(), m.end(), m.group(0)
        if any(a <= s < b for a, b in taken):
            continue
        if m.group("km"):
            mon = int(m.group("km"))
            if not 1 <= mon <= 12:
                continue
            off = d.YEAR_OFFSETS.get(m.group("krel") or "", None)
            y = int(m.group("ky")) if m.group("ky") else (anchor.year + off if anchor and off is not None else None)
            if y is None and anchor:
                y = _past_month(anchor, mon).year
            day = m.group("kd")
            val = f"{y if y else 'XXXX'}-{mon:02d}" + (f"-{int(day):02d}" if day else "")
            out.append(TimeExpr(s, e, val, "day" if day else "month", y is not None, None, raw))
        elif m.group("kyear"):
            out.append(TimeExpr(s, e, m.group("kyear"), "year", True, None, raw))
        else:
            off = d.YEAR_OFFSETS[m.group("kr2")]
            out.append(TimeExpr(s, e, str(anchor.year + off) if anchor else f"REL{off:+d}-year", "year", bool(anchor), None, raw))
    out += _day_only(text, anchor, d, sorted(out, key=lambda t: t.start))
    return sorted(out, key=lambda t: t.start)


def _day_only(text: str, anchor: date | None, d, found: list[TimeExpr]) -> list[TimeExpr]:
    """A day of the month on its own ("지난 13일"): the latest such day on or before publication, or with a word
    for the coming one ("오는 5일") the next; after a full date and "과", "~" ("12월 1일과 2일") its month;
    unresolved without a publication date."""
    out = []
    for m in d.DAY.finditer(text):
        s, e, day = m.start(), m.end(), int(m.group("d"))
        if not 1 <= day <= 31 or any(t.start < e and s < t.end for t in found):
            continue
        prev = [t for t in found + out if t.end <= s and t.granularity == "day" and t.value and t.value[4:5] == "-"]
        if prev and re.fullmatch(r"\s*(?:과|와|및|,|~|-|–)\s*", text[prev[-1].end:s]):
            out.append(TimeExpr(s, e, f"{prev[-1].value[:7]}-{day:02d}", "day", prev[-1].resolved, None, m.group(0)))
            continue
        if not anchor:
            out.append(TimeExpr(s, e, f"XXXX-XX-{day:02d}", "day", False, None, m.group(0)))
            continue
        k = anchor.year * 12 + anchor.month - 1
        if (m.group("dl") or "") == "오는":
            k += 1 if day <= anchor.day else 0
        elif day > anchor.day:
            k -= 1
        try:
            out.append(TimeExpr(s, e, date(k // 12, k % 12 + 1, day).isoformat(), "day", True, None, m.group(0)))
        except ValueError:
            continue
    return out


@lru_cache(maxsize=1)
def _year_rel() -> tuple[list[tuple[int, str]], re.Pattern]:
    """Every pack's "last/this/next year" phrases, last year's first."""
    table = sorted((r for code in languages() for r in pack(code).dates.YEAR_RELATIVE), key=lambda r: r[0])
    return table, re.compile("|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(table)), re.IGNORECASE)


def _rel_offset(m: re.Match | None) -> int | None:
    table = _year_rel()[0]
    return next((table[i][0] for i in range(len(table)) if m and m.group(f"r{i}")), None)


@lru_cache(maxsize=None)
def _ml_patterns(code: str) -> tuple[re.Pattern, list[re.Pattern]] | None:
    d = pack(code).dates
    stems = d.MONTH_STEMS
    if not stems:
        return None
    month = "|".join(f"(?P<m{i}>(?:{st})[^\\s\\d.,;:()]*)" for i, st in enumerate(stems))
    prep = d.MONTH_PREPOSITIONS
    rx = re.compile(
        rf"(?<![^\W\d_])(?:(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?)?(?:(?P<prep>{prep})\s+)?(?:{month})"
        rf"(?:\s+(?:de\s+|del\s+|di\s+)?(?P<y>(?:19|20)\d{{2}}))?", re.IGNORECASE)
    return rx, stems


def _other(text: str, code: str, anchor: date | None) -> list[TimeExpr]:
    """Rules for ru, uk, de, fr, es, it, pt, pl, ar (month names, "в прошлом году") and zh/ja (2024年10月)."""
    out: list[TimeExpr] = []
    d = pack(code).dates
    pats = _ml_patterns(code)
    taken: list[tuple[int, int]] = []
    if pats:
        rx, stems = pats
        for m in rx.finditer(text):
            mon = next(i + 1 for i in range(len(stems)) if m.group(f"m{i}"))
            word = m.group(f"m{mon - 1}")
            if d.MONTH_CAPITALISED and not word[:1].isupper():
                continue                                     # German month names are capitalised
            day = int(m.group("d")) if m.group("d") else None
            y = int(m.group("y")) if m.group("y") else None
            tail = _year_rel()[1].match(text, m.end() + (1 if text[m.end():m.end() + 1].isspace() else 0))
            off = _rel_offset(tail)
            if day is None and y is None and off is None and not m.group("prep"):
                continue                                     # a bare "mars", "мая": a word, not a date
            if day is not None and not 1 <= day <= 31:
                continue
            s = m.start("d") if day is not None else m.start(f"m{mon - 1}")
            e = tail.end() if tail else m.end()
            raw = text[s:e]
            if y is None and off is not None:
                y = anchor.year + off if anchor else None
                if y is None:
                    val = f"{'PY' if off < 0 else 'FY' if off > 0 else 'THIS_YEAR'}-{mon:02d}"
                    out.append(TimeExpr(s, e, val + (f"-{day:02d}" if day else ""), "day" if day else "month",
                                        False, None, raw))
                    taken.append((s, e))
                    continue
            if y is None:
                if not anchor:
                    out.append(TimeExpr(s, e, f"XXXX-{mon:02d}" + (f"-{day:02d}" if day else ""),
                                        "day" if day else "month", False, None, raw))
                    taken.append((s, e))
                    continue
                y = _past_month(anchor, mon, day).year
            try:
                val = date(y, mon, day).isoformat() if day else f"{y}-{mon:02d}"
            except ValueError:
                continue
            out.append(TimeExpr(s, e, val, "day" if day else "month", True, None, raw))
            taken.append((s, e))
    out += _short(text, anchor, taken, code)
    for m in _year_rel()[1].finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        off = _rel_offset(m)
        val = str(anchor.year + off) if anchor else {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[off] + "-year"
        out.append(TimeExpr(m.start(), m.end(), val, "year", bool(anchor), None, m.group(0)))
        taken.append((m.start(), m.end()))
    for m in re.finditer(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text):
        if not any(a <= m.start() < b for a, b in taken):
            out.append(TimeExpr(m.start(), m.end(), m.group(0), "year", True, None, m.group(0)))
    return sorted(out, key=lambda t: t.start)


@lru_cache(maxsize=None)
def _short_re(code: str) -> re.Pattern:
    table = pack(code).dates.SHORT_RELATIVE
    return re.compile("|".join(f"(?P<q{i}>(?<!\\w)(?:{p})(?!\\w))" for i, (_, _, p) in enumerate(table)) or r"(?!x)x",
                      re.IGNORECASE)


def _short(text: str, anchor: date | None, taken: list[tuple[int, int]], code: str) -> list[TimeExpr]:
    """"вчера", "на прошлой неделе", "осенью прошлого года": the pack's short relative words and seasons."""
    d = pack(code).dates
    out = []
    for m in _short_re(code).finditer(text):
        unit, off, _ = next(d.SHORT_RELATIVE[i] for i in range(len(d.SHORT_RELATIVE)) if m.group(f"q{i}"))
        raw = m.group(0)
        t = _relative(m.start(), m.end(), {-1: "last ", 0: "this ", 1: "next "}[off] + unit, anchor)
        out.append(TimeExpr(t.start, t.end, t.value, t.granularity, t.resolved, None, raw))
        taken.append((m.start(), m.end()))
    for m in d.SEASON_RE.finditer(text):
        word = m.group("s").lower()
        season = next(c for k, c in d.SEASON_STEMS.items() if word.startswith(k) or word.endswith(k))
        month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
        rel = _year_rel()[1].match(text, m.end() + 1) if not m.group("y") else None
        off = _rel_offset(rel)
        e = rel.end() if rel else m.end()
        if m.group("y"):
            y = int(m.group("y"))
        elif anchor:
            y = anchor.year + off if off is not None else (anchor.year if date(anchor.year, month, 1) <= anchor
                                                           else anchor.year - 1)
        else:
            out.append(TimeExpr(m.start(), e, f"{'PY' if off == -1 else 'XXXX'}-{season}", "season", False, None,
                                text[m.start():e]))
            taken.append((m.start(), e))
            continue
        out.append(TimeExpr(m.start(), e, f"{y}-{season}", "season", True, None, text[m.start():e]))
        taken.append((m.start(), e))
    return out


def _cjk(text: str, anchor: date | None, d) -> list[TimeExpr]:
    out = []
    for m in d.PATTERN.finditer(text):
        mon = int(m.group("m") or m.group("m2") or 0) or None
        day = int(m.group("d") or m.group("d2") or 0) or None
        if mon and not 1 <= mon <= 12 or day and not 1 <= day <= 31:
            continue
        if m.group("y"):
            y = int(m.group("y"))
        elif m.group("rel"):
            y = anchor.year + d.YEAR_OFFSETS[m.group("rel")] if anchor else None
        else:
            y = _past_month(anchor, mon, day).year if anchor else None
        gran = "day" if day else "month" if mon else "year"
        if y is None:
            rel = d.YEAR_OFFSETS.get(m.group("rel") or "")
            head = "XXXX" if rel is None else {-2: "PY2", -1: "PY", 0: "THIS_YEAR", 1: "FY"}[rel]
            val = head + (f"-{mon:02d}" if mon else "-year" if head != "XXXX" else "") + (f"-{day:02d}" if day else "")
            out.append(TimeExpr(m.start(), m.end(), val, gran, False, None, m.group(0)))
            continue
        try:
            val = date(y, mon, day).isoformat() if day else f"{y}-{mon:02d}" if mon else str(y)
        except ValueError:
            continue
        out.append(TimeExpr(m.start(), m.end(), val, gran, True, None, m.group(0)))
    return out


def date_role(sentence: str, start: int, end: int, at: int, lang: str | None) -> str | None:
    """What a date at ``sentence[start:end]`` is to a figure or statement at ``sentence[at]``: ``"start"`` when the
    words around it say something began then ("the war, which began in October 2023", "2023년 10월 시작된"), so it
    can start the figure's period but is not its as-of date; ``"other"`` when it sits in a relative clause
    (", which ... ,") the figure is not in, so it tells of another noun; else None (the figure's own date).
    The words are the pack's START_BEFORE / START_AFTER / RELATIVE_OPEN (languages/generic/dates.py)."""
    d = pack((lang or "en").split("-")[0].lower()).dates
    if d.START_BEFORE.search(sentence[max(0, start - 40):start]) or d.START_AFTER.match(sentence[end:end + 16]):
        return "start"
    for m in d.RELATIVE_OPEN.finditer(sentence[:start]):
        close = sentence.find(",", end)
        close = len(sentence) if close < 0 else close
        clause = (m.start(), close)
        if "," in sentence[m.end():start] or re.search(r"[;:]", sentence[m.end():close]):
            continue                      # the clause ended before the date
        if not clause[0] <= at < clause[1]:
            return "other"
    return None


def as_of_label(value: str | None, resolved: bool, text: str | None = None) -> str:
    """How a reader sees a claim's as-of time: "2024-10 (October last year)", or for a time that could not
    be resolved the words as written: "“last summer” (publication date unknown)" — never a placeholder
    such as ``PY-SU``. "" when the claim names no time."""
    words = (text or "").strip()
    if not value:
        return ""
    if resolved:
        return f"{value} ({words})" if words and words != value else value
    return f"“{words}” (publication date unknown)" if words else "date unresolved (publication date unknown)"


def member_as_of(m: dict) -> str:
    """``as_of_label`` of a stored claim-group member (report, web and CLI word it alike)."""
    return as_of_label(m.get("as_of"), bool(m.get("as_of_resolved")), (m.get("attrs") or {}).get("as_of_text"))
