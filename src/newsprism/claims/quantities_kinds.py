"""Numbers that stay quantities but state nothing about the world: times, temperatures, calibres, ages, and the
day of a date. Read by ``claims.extract``; what each language writes comes from its pack
(``pack(lang).numbers``: ``AGO``, ``TEMPERATURE``, ``CALIBRE_UNITS``, ``AGE``; ``pack(lang).dates``:
``DAY_MONTH_JOINERS``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..languages import languages, pack
from .tables import base, every, every_re, month_words

_NOT_CLAIM_UNITS = {"celsius": "temperature", "fahrenheit": "temperature"}


def no_claim(text: str, q):
    """Numbers that stay quantities but state nothing about the world, so make no claim: a time ("4 часа
    назад", "two days ago"), a temperature ("-15 °C", "20 градусов мороза", "영하 10도"), a calibre ("155-mm
    shells", "152-мм снаряды", "170㎜ 자주포"). Their kind says which (``analyze.claims`` makes claims of counts,
    money, measures...)."""
    if q.kind in ("fraction", "multiple", "score", "age"):
        return q
    if every_re("AGO").search(text, q.start, min(len(text), q.end + 6)):
        q.kind = "time"
        return q
    num = re.match(r"\D{0,30}?\d(?:[\d.,\s]*\d)?", text[q.start:q.end + 1])
    at = q.start + num.end() if num else q.end
    if _NOT_CLAIM_UNITS.get(q.unit or "") or every_re("TEMPERATURE").match(text, at):
        q.kind = "temperature"
        return q
    cal = _calibre_re().match(text, at)
    if cal and cal.group(1).lower() not in _calibre_stop():
        q.kind, q.unit = "calibre", "millimetre"
    return q


@lru_cache(maxsize=1)
def _calibre_re() -> re.Pattern:
    units = "|".join(re.escape(u) for u in sorted(every("CALIBRE_UNITS"), key=len, reverse=True))
    return re.compile(rf"\s?-?(?:{units})\.?(?:\s+|-)([^\W\d_]+)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _calibre_stop() -> frozenset:
    """Words after "20 mm" that make it a length ("20 mm of rain", "20 мм за сутки"), not a calibre."""
    return every("CHUNK_STOP") | frozenset(base().METRE_AFTER)


@lru_cache(maxsize=1)
def _ages() -> list[tuple[re.Pattern, re.Pattern]]:
    out = [(re.compile(r"\b(?:aged|age|ages)\s*$", re.I), re.compile("")),
           (re.compile(""), re.compile(r"[\s-]*(?:year|yr)s?[\s-]*old\b", re.I))]
    for code in languages():
        out += [(re.compile(b + "$" if b else "", re.I), re.compile(a, re.I)) for b, a in pack(code).numbers.AGE]
    return out


def age_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of an age written around the number at ``start:end`` ("45 years old", "aged 45", "a 18 ans",
    "18세"), else None."""
    before = text[max(0, start - 24):start]
    for b, a in _ages():
        am = a.match(text, end)
        if am and (not b.pattern or b.search(before)):
            return start, am.end() if a.pattern else end
    return None


@lru_cache(maxsize=1)
def _day_month() -> re.Pattern:
    joiners = sorted({w for code in languages() for w in pack(code).dates.DAY_MONTH_JOINERS}, key=len, reverse=True)
    join = "|".join(re.escape(w) for w in joiners)
    return re.compile(r"\.?\s*(?:(?:%s)\s+)?([^\W\d_]+\.?)" % join if join else r"\.?\s*([^\W\d_]+\.?)", re.I)


def day_month_after(text: str, end: int) -> bool:
    """True when a month name follows the number ending at ``end``: "9. Januar", "15 de diciembre", "3 mars"."""
    m = _day_month().match(text, end, min(len(text), end + 24))
    if not m:
        return False
    w = m.group(1).lower()
    return w in month_words() or w.rstrip(".") in month_words()
