"""Date expressions normalized against the publication date, preferring the past.

Candidates are found by patterns (a gate: a general date parser fires on "may",
"march" and "Min, a"); each is then resolved against the anchor (the document's
publication date) with news semantics: a bare "December 22" or "in April" is
the latest such date on or before the anchor, "on Monday" the latest Monday.
Every language is resolved by the rules here: English and Korean in full;
Russian and Ukrainian month names in any case form, "в прошлом году", "осенью
прошлого года", "вчера", "на прошлой неделе"; month names and last/this/next
year in de, fr, es, it, pt, pl, ar; Chinese and Japanese 2024年10月3日, 去年10月.

Without an anchor, expressions that need one stay unresolved: ``value`` keeps
what is known in TIMEX style (``XXXX-12-22``, ``PAST_REF-10``) and
``resolved`` is False. Nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}

_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_NUMW = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_EN = re.compile(
    rf"(?P<ago>(?:(?P<ago_m>{_M})\s+)?\b(?P<ago_n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,3}})"
    r"\s+(?P<ago_u>day|week|month|year)s?\s+ago\b)"
    rf"|(?P<md>(?:(?:early|mid|late)[\s-])?\b{_M}\s+(?P<md_d>\d{{1,2}})\b(?:st|nd|rd|th)?(?:,?\s+(?P<md_y>\d{{4}}))?)"
    rf"|(?P<dm>\b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+(?P<dm_y>\d{{4}}))?)"
    rf"|(?P<my>(?:(?P<my_mod>early|mid|late)[\s-])?\b(?P<my_m>{_M})(?![A-Za-z])(?:\s+(?:of\s+)?(?P<my_y>\d{{4}}|last\s+year|this\s+year|next\s+year))?)"
    r"|(?P<wd>\b(?:last\s+|this\s+|on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|(?P<rel>\b(?:(?:earlier|later|late|early)\s+(?:this|last|next)\s+(?:year|month|week)|(?:last|this|next|past)\s+(?:year|month|week)|yesterday|today|tomorrow)\b)"
    r"|(?P<season>\b(?:(?P<s_rel>last|this|next|past)\s+)?(?P<s_name>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<s_y>\d{4}))?\b)"
    r"|(?P<juche>\bJuche\s+(?P<jy>\d{1,3})(?:\s*\(\s*(?P<jg>\d{4})\s*\))?)"
    r"|(?P<year>\b(?:(?:early|mid|late)[\s-])?(?<![\d,.$])(?P<y>(?:19|20)\d{2})(?!\d|s\b|,\d))",
    re.IGNORECASE)
# KCNA's calendar: "Oct. 4, Juche 104 (2015)", "May Juche 106 (2017)", "Juche 113". Juche year n = n + 1911.
_JUCHE_TAIL = re.compile(r",?\s*Juche\s+(?P<jy>\d{1,3})(?:\s*\(\s*(?P<jg>\d{4})\s*\))?", re.IGNORECASE)
JUCHE_OFFSET = 1911


def juche_year(juche: str | None, gregorian: str | None) -> str | None:
    """The Gregorian year of a Juche date: the parenthesised one when given, else Juche + 1911."""
    if gregorian:
        return gregorian
    if juche and 1 <= int(juche) <= 300:
        return str(int(juche) + JUCHE_OFFSET)
    return None
_KO = re.compile(r"(?:(?P<ky>\d{4})년\s*|(?P<krel>지난해|작년|올해|올|내년)\s*)?(?P<km>\d{1,2})월(?:\s*(?P<kd>\d{1,2})일)?"
                 r"|(?P<kyear>\d{4})년|(?P<kr2>지난해|작년|올해|내년)")
_RU_LIKE = re.compile(r"\b\d{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|січн|лют|березн"
                      r"|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн|janvier|février|mars|avril|mai|juin|juillet|août|septembre"
                      r"|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
                      r"|januar|februar|märz|april|juni|juli|august|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre)"
                      r"\w*(?:\s+\d{4})?|\b(?:19|20)\d{2}\b", re.IGNORECASE)


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
    lang = (lang or "en").split("-")[0]
    if lang == "ko":
        out = _korean(text, anchor)
    elif lang == "en":
        out = []
        for m in _EN.finditer(text):
            t = _english(text, m, anchor)
            if t is not None and not (out and t.start < out[-1].end):    # inside a date extended by its Juche year
                out.append(t)
    else:
        out = _other(text, lang, anchor)
    for t in out:
        t.anchor = a_iso if not t.resolved or _needs_anchor(t.text) else None
        rel = re.search(r"(since|until|till|before|after|from|by|с|до|після|이후|부터|까지)\s*$", text[max(0, t.start - 8):t.start], re.I)
        t.relation = {"from": "since", "с": "since", "부터": "since", "이후": "after", "till": "until", "до": "until",
                      "까지": "until"}.get(rel.group(1).lower(), rel.group(1).lower()) if rel else None
    return out


# words just before a bare month that make it the coming one ("will be held in December", "scheduled for May")
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|to\s+be|scheduled|planned|plans?\s+to|set\s+to|due|expected\s+to|upcoming"
                            r"|slated|until)\b[^.;]{0,30}$", re.I)


def _needs_anchor(s: str) -> bool:
    return not re.search(r"\d{4}|juche\s+\d", s, re.I)


def _english(text: str, m: re.Match, anchor: date | None) -> TimeExpr | None:
    s, e, raw = m.start(), m.end(), m.group(0)
    tail = text[e:e + 60]
    last_year = re.match(r"(?:,?\s*(?:and\s+)?" + _M + r"\s+\d{1,2})*,?\s+(?:of\s+)?last\s+year", tail, re.I)
    jt = _JUCHE_TAIL.match(tail) if (m.group("md") and not m.group("md_y")) or (m.group("dm") and not m.group("dm_y")) \
        or (m.group("my") and not m.group("my_y")) else None
    jyear = juche_year(jt.group("jy"), jt.group("jg")) if jt else None
    if jyear:
        e = e + jt.end()
        raw = text[s:e]
        tail = text[e:e + 60]
    if m.group("ago"):
        return _english_ago(m, anchor)
    if m.group("juche"):
        y = juche_year(m.group("jy"), m.group("jg"))
        return TimeExpr(s, e, y, "year", True, None, raw) if y else None
    if m.group("md") or m.group("dm"):
        mon = MONTHS[re.search(_M, raw, re.I).group(0).lower().rstrip(".")[:4].rstrip("t") if False else
                     re.search(_M, raw, re.I).group(0).lower().rstrip(".")[:3]]
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
        mon = MONTHS[word.lower().rstrip(".")[:3]]
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
        if anchor and _FUTURE_BEFORE.search(text[max(0, s - 40):s]):
            # "a plenary meeting to be held in December" written in August: the coming December
            y = anchor.year if mon >= anchor.month else anchor.year + 1
            return TimeExpr(s, e, f"{y}-{mon:02d}", "month", True, None, raw)
        if anchor:
            return TimeExpr(s, e, _past_month(anchor, mon).strftime("%Y-%m"), "month", True, None, raw)
        return TimeExpr(s, e, f"XXXX-{mon:02d}", "month", False, None, raw)
    if m.group("wd"):
        if re.match(r"\s*[,-]?\s*(?:" + _M + r"|\d)", tail, re.I):
            return None                                      # "Saturday, December 6, 2025": the date after says it
        wd = WEEKDAYS.index(re.search(r"[A-Za-z]+day", raw, re.I).group(0).lower())
        if not anchor:
            return TimeExpr(s, e, f"XXXX-WXX-{wd + 1}", "day", False, None, raw)
        back = (anchor.weekday() - wd) % 7
        if raw.lower().startswith("last") and back == 0:
            back = 7
        return TimeExpr(s, e, (anchor - timedelta(days=back)).isoformat(), "day", True, None, raw)
    if m.group("rel"):
        return _relative(s, e, raw, anchor)
    if m.group("season"):
        code, month = SEASONS[m.group("s_name").lower()]
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


def _english_ago(m: re.Match, anchor: date | None) -> TimeExpr | None:
    """ "three years ago", "December three years ago" (a lower-case "may a year ago" is the verb, not the month)."""
    word = m.group("ago_n").lower()
    s, month = m.start(), m.group("ago_m")
    if month and month[0].islower():
        s, month = m.start("ago_n"), None
    mon = MONTHS[month.lower().rstrip(".")[:3]] if month else None
    return _ago(s, m.end(), m.string[s:m.end()], int(word) if word.isdigit() else _NUMW[word],
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


_KO_SHORT = re.compile(r"(?P<yday>어제|그제)|(?P<lw>지난주|지난 주)|(?P<tw>이번 주|이번주)|(?P<lm>지난달|지난 달)|(?P<tm>이번 달|이번달)"
                       r"|(?P<n>\d{1,3})\s?(?P<u>년|개월|달|주|일)\s?전"
                       r"|(?P<rel>지난해|작년|올해|내년)\s?(?P<s>봄|여름|가을|겨울)")
_KO_SEASON = {"봄": "SP", "여름": "SU", "가을": "FA", "겨울": "WI"}


def _korean_short(text: str, anchor: date | None, taken: list[tuple[int, int]]) -> list[TimeExpr]:
    """어제, 지난주, 지난달, "3년 전", "작년 가을"."""
    out = []
    for m in _KO_SHORT.finditer(text):
        s, e, raw = m.start(), m.end(), m.group(0)
        if m.group("n"):
            n, u = int(m.group("n")), m.group("u")
            unit = {"년": "year", "개월": "month", "달": "month", "주": "week", "일": "day"}[u]
            t = _ago(s, e, raw, n, unit, None, anchor)
        elif m.group("s"):
            off = {"지난해": -1, "작년": -1, "올해": 0, "내년": 1}[m.group("rel")]
            code = _KO_SEASON[m.group("s")]
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


def _korean(text: str, anchor: date | None) -> list[TimeExpr]:
    taken: list[tuple[int, int]] = []
    out = _korean_short(text, anchor, taken)
    for m in _KO.finditer(text):
        s, e, raw = m.start(), m.end(), m.group(0)
        if any(a <= s < b for a, b in taken):
            continue
        if m.group("km"):
            mon = int(m.group("km"))
            if not 1 <= mon <= 12:
                continue
            off = {"지난해": -1, "작년": -1, "올해": 0, "올": 0, "내년": 1}.get(m.group("krel") or "", None)
            y = int(m.group("ky")) if m.group("ky") else (anchor.year + off if anchor and off is not None else None)
            if y is None and anchor:
                y = _past_month(anchor, mon).year
            day = m.group("kd")
            val = f"{y if y else 'XXXX'}-{mon:02d}" + (f"-{int(day):02d}" if day else "")
            out.append(TimeExpr(s, e, val, "day" if day else "month", y is not None, None, raw))
        elif m.group("kyear"):
            out.append(TimeExpr(s, e, m.group("kyear"), "year", True, None, raw))
        else:
            off = {"지난해": -1, "작년": -1, "올해": 0, "내년": 1}[m.group("kr2")]
            out.append(TimeExpr(s, e, str(anchor.year + off) if anchor else f"REL{off:+d}-year", "year", bool(anchor), None, raw))
    return sorted(out, key=lambda t: t.start)


# Month names of other languages, by stem (lower case); the stem must start the word.
_ML_MONTHS = {
    "ru": ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"],
    "uk": ["січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
           "dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
           "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "pl": ["stycz", "lut", "mar[cz]", "kwie", "maj", "czerw", "lip", "sierp", "wrze", "październik|paździer", "listopad",
           "grud"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل|ابريل", "مايو", "يونيو", "يوليو", "أغسطس|اغسطس", "سبتمبر", "أكتوبر|اكتوبر",
           "نوفمبر", "ديسمبر"],
}
# "in October": the word before a month name alone (without a year) that makes it a date, per language
_ML_PREP = {"ru": "в|во|с|до|к|по|на", "uk": "у|в|з|до|на|по", "de": "im|seit|bis|ab|vom|zum|anfang|ende|mitte",
            "fr": "en|depuis|dès|jusqu'en|fin|début|mi", "es": "en|desde|hasta|de", "it": "a|in|da|fino|di",
            "pt": "em|desde|até|de", "pl": "w|we|od|do", "ar": "في|منذ|حتى"}
# the previous / this / next year, in the case forms news use
_ML_YEAR_REL = [
    (-1, r"(?:в\s+)?прошл(?:ом|ого)\s+год[ау]|в\s+минулому\s+році|минулого\s+року|торік"
         r"|(?:im\s+)?(?:letzten|vergangenen)\s+Jahr(?:es)?|letztes\s+Jahr|l'(?:année|an)\s+(?:dernière|dernier|passée)"
         r"|de\s+l'(?:année|an)\s+(?:dernière|dernier|passée)|(?:del\s+|el\s+)?año\s+pasado|(?:dell'|l')anno\s+scorso"
         r"|(?:do\s+|o\s+)?ano\s+passado|(?:w\s+)?zeszłym\s+roku|zeszłego\s+roku|العام\s+الماضي"),
    (0, r"(?:в\s+)?(?:этом|текущем)\s+году|(?:этого|текущего)\s+года|(?:у\s+|в\s+)?цьому\s+році|цього\s+року"
        r"|dieses\s+Jahr(?:es)?|cette\s+année|(?:de\s+)?este\s+año|quest'anno|(?:deste\s+|este\s+)ano"
        r"|(?:w\s+)?tym\s+roku|tego\s+roku|هذا\s+العام"),
    (1, r"(?:в\s+)?следующем\s+году|следующего\s+года|наступного\s+року|nächstes\s+Jahr|nächsten\s+Jahres"
        r"|l'année\s+prochaine|(?:el\s+)?año\s+próximo|el\s+próximo\s+año|l'anno\s+prossimo|(?:w\s+)?przyszłym\s+roku"),
]
_ML_REL_RE = re.compile("|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(_ML_YEAR_REL)), re.IGNORECASE)
# ru/uk: yesterday, last/this week and month, and seasons ("осенью прошлого года")
_ML_SHORT = [("day", -1, r"вчера|вчора"), ("day", 0, r"сегодня|сьогодні"),
             ("week", -1, r"на\s+прошлой\s+неделе|минулого\s+тижня|на\s+минулому\s+тижні"),
             ("week", 0, r"на\s+этой\s+неделе|цього\s+тижня"),
             ("month", -1, r"в\s+прошлом\s+месяце|в\s+минулому\s+місяці|минулого\s+місяця"),
             ("month", 0, r"в\s+этом\s+месяце|цього\s+місяця")]
_ML_SHORT_RE = re.compile("|".join(f"(?P<q{i}>(?<!\\w)(?:{p})(?!\\w))" for i, (_, _, p) in enumerate(_ML_SHORT)), re.IGNORECASE)
_ML_SEASONS = {"весн": "SP", "навесн": "SP", "лет": "SU", "літ": "SU", "осен": "FA", "восени": "FA", "зим": "WI", "взимку": "WI"}
_ML_SEASON_RE = re.compile(r"(?<!\w)(?P<s>весной|весною|навесні|летом|влітку|улітку|осенью|восени|зимой|взимку|узимку)"
                           r"(?:\s+(?P<y>(?:19|20)\d{2})\s*(?:года|року)?)?", re.IGNORECASE)
_CJK_DATE = re.compile(r"(?:(?P<y>\d{4})年|(?P<rel>去年|今年|明年|昨年|来年|前年))"
                       r"(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号號])?)?|(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号號]")
_CJK_REL = {"去年": -1, "昨年": -1, "今年": 0, "明年": 1, "来年": 1, "前年": -2}


@lru_cache(maxsize=16)
def _ml_patterns(lang: str) -> tuple[re.Pattern, list[re.Pattern]] | None:
    stems = _ML_MONTHS.get(lang)
    if not stems:
        return None
    month = "|".join(f"(?P<m{i}>(?:{st})[^\\s\\d.,;:()]*)" for i, st in enumerate(stems))
    prep = _ML_PREP.get(lang, "")
    rx = re.compile(
        rf"(?<![^\W\d_])(?:(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?)?(?:(?P<prep>{prep})\s+)?(?:{month})"
        rf"(?:\s+(?:de\s+|del\s+|di\s+)?(?P<y>(?:19|20)\d{{2}}))?", re.IGNORECASE)
    return rx, stems


def _other(text: str, lang: str, anchor: date | None) -> list[TimeExpr]:
    """Rules for ru, uk, de, fr, es, it, pt, pl, ar (month names, "в прошлом году") and zh/ja (2024年10月)."""
    if lang in ("zh", "ja"):
        return _cjk(text, anchor)
    out: list[TimeExpr] = []
    pats = _ml_patterns(lang)
    taken: list[tuple[int, int]] = []
    if pats:
        rx, stems = pats
        for m in rx.finditer(text):
            mon = next(i + 1 for i in range(len(stems)) if m.group(f"m{i}"))
            word = m.group(f"m{mon - 1}")
            if lang == "de" and not word[:1].isupper():
                continue                                     # German month names are capitalised
            day = int(m.group("d")) if m.group("d") else None
            y = int(m.group("y")) if m.group("y") else None
            tail = _ML_REL_RE.match(text, m.end() + (1 if text[m.end():m.end() + 1].isspace() else 0))
            off = next((_ML_YEAR_REL[i][0] for i in range(len(_ML_YEAR_REL)) if tail and tail.group(f"r{i}")), None)
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
    if lang in ("ru", "uk"):
        out += _ru_short(text, anchor, taken)
    for m in _ML_REL_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        off = next(_ML_YEAR_REL[i][0] for i in range(len(_ML_YEAR_REL)) if m.group(f"r{i}"))
        val = str(anchor.year + off) if anchor else {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[off] + "-year"
        out.append(TimeExpr(m.start(), m.end(), val, "year", bool(anchor), None, m.group(0)))
        taken.append((m.start(), m.end()))
    for m in re.finditer(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text):
        if not any(a <= m.start() < b for a, b in taken):
            out.append(TimeExpr(m.start(), m.end(), m.group(0), "year", True, None, m.group(0)))
    return sorted(out, key=lambda t: t.start)


def _ru_short(text: str, anchor: date | None, taken: list[tuple[int, int]]) -> list[TimeExpr]:
    out = []
    for m in _ML_SHORT_RE.finditer(text):
        unit, off, _ = next(_ML_SHORT[i] for i in range(len(_ML_SHORT)) if m.group(f"q{i}"))
        raw = m.group(0)
        t = _relative(m.start(), m.end(), {-1: "last ", 0: "this ", 1: "next "}[off] + unit, anchor)
        out.append(TimeExpr(t.start, t.end, t.value, t.granularity, t.resolved, None, raw))
        taken.append((m.start(), m.end()))
    for m in _ML_SEASON_RE.finditer(text):
        word = m.group("s").lower()
        code = next(c for k, c in _ML_SEASONS.items() if word.startswith(k) or word.endswith(k))
        month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        rel = _ML_REL_RE.match(text, m.end() + 1) if not m.group("y") else None
        off = next((_ML_YEAR_REL[i][0] for i in range(len(_ML_YEAR_REL)) if rel and rel.group(f"r{i}")), None)
        e = rel.end() if rel else m.end()
        if m.group("y"):
            y = int(m.group("y"))
        elif anchor:
            y = anchor.year + off if off is not None else (anchor.year if date(anchor.year, month, 1) <= anchor
                                                           else anchor.year - 1)
        else:
            out.append(TimeExpr(m.start(), e, f"{'PY' if off == -1 else 'XXXX'}-{code}", "season", False, None,
                                text[m.start():e]))
            taken.append((m.start(), e))
            continue
        out.append(TimeExpr(m.start(), e, f"{y}-{code}", "season", True, None, text[m.start():e]))
        taken.append((m.start(), e))
    return out


def _cjk(text: str, anchor: date | None) -> list[TimeExpr]:
    out = []
    for m in _CJK_DATE.finditer(text):
        mon = int(m.group("m") or m.group("m2") or 0) or None
        day = int(m.group("d") or m.group("d2") or 0) or None
        if mon and not 1 <= mon <= 12 or day and not 1 <= day <= 31:
            continue
        if m.group("y"):
            y = int(m.group("y"))
        elif m.group("rel"):
            y = anchor.year + _CJK_REL[m.group("rel")] if anchor else None
        else:
            y = _past_month(anchor, mon, day).year if anchor else None
        gran = "day" if day else "month" if mon else "year"
        if y is None:
            rel = _CJK_REL.get(m.group("rel") or "")
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
