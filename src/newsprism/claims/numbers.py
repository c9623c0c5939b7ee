"""Numbers as written in news text, per language: digits, number words, place units (Korean, Chinese,
Japanese). What each language writes comes from its pack (``pack(lang).numbers``).

Pure functions from a matched surface string to a float. Which surface strings
count as numbers at all is decided by the regular expressions in
``extract.py``; this module only reads them.

Separators: a comma or a point followed by exactly three digits is a thousands
separator when the language writes it so (``15,000`` in en/ko; ``15.000`` in
de/es/it/ru/uk/fr); spaces (also no-break and thin spaces) group thousands
everywhere (``15 000``); when both a comma and a point appear, the later one is
the decimal mark.
"""

from __future__ import annotations

import re

from ..languages import languages, pack

MAX_DIGITS = 15          # longer digit runs are IDs, phone numbers or OCR junk, not quantities

_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")


def parse_digits(s: str, lang: str = "en") -> float | None:
    """``"15,000"`` -> 15000.0; ``"1,5"`` (de) -> 1.5; None when it is not a plausible number."""
    s = _SPACES.sub("", s.strip()).replace("−", "-")
    if s.startswith("-"):
        v = parse_digits(s[1:], lang)
        return None if v is None else -v
    if not s or len(re.sub(r"\D", "", s)) > MAX_DIGITS:
        return None
    has_c, has_p = "," in s, "." in s
    if has_c and has_p:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        th = "." if dec == "," else ","
        s = s.replace(th, "").replace(dec, ".")
    elif has_c or has_p:
        sep = "," if has_c else "."
        grouped = re.fullmatch(r"\d{1,3}(?:\%s\d{3})+" % sep, s) is not None
        thousands_style = (sep == ",") != pack(lang).numbers.DECIMAL_COMMA
        if s.count(sep) > 1 and not grouped:
            return None                              # "1.2.3": a version or a section number
        if grouped and (thousands_style or s.count(sep) > 1):
            s = s.replace(sep, "")
        else:
            s = s.replace(sep, ".")
    try:
        return float(s)
    except ValueError:
        return None


# -- scale words and number words: from the language packs -------------------------------------------
def _every(name: str) -> dict:
    """One table of every pack's ``numbers.<name>`` (what is read in every text)."""
    out: dict = {}
    for code in languages():
        out.update(getattr(pack(code).numbers, name))
    return out


SCALES: dict[str, float] = _every("SCALES") | _every("OWN_SCALES")   # the value of any scale word
AND_WORDS: set[str] = {w for code in languages() for w in pack(code).numbers.AND_WORDS}
BASE = "en"   # English is read in every text (quotes, names, wire copy): its number words back every language's


def number_words(lang: str) -> dict[str, float]:
    """The number words of ``lang`` (with its kin's); the base's when it has none."""
    nums = pack(lang).numbers
    table = dict(nums.WORDS)
    for kin in nums.KIN:
        table.update(pack(kin).numbers.WORDS)
    return table or dict(pack(BASE).numbers.WORDS)


def word_scales(lang: str) -> set[str]:
    return set(pack(lang).numbers.WORD_SCALES) | set(pack(BASE).numbers.WORD_SCALES)


_TENS = {20, 30, 40, 50, 60, 70, 80, 90}


def words_value(words: list[str], lang: str) -> float | None:
    """``["five", "thousand"]`` -> 5000; ``["тысяча"]`` -> 1000; None if not a number phrase."""
    table = number_words(lang)
    multiplying = pack(BASE).numbers.MULTIPLYING | pack(lang).numbers.MULTIPLYING
    scales = word_scales(lang)
    total = current = 0.0
    seen = False
    prev = ""
    for w in words:
        w = w.lower()
        if w in AND_WORDS:
            if prev not in SCALES and not (lang != BASE and table.get(prev, 0) in _TENS and current % 100 == table[prev]):
                return None                                # "three and three": two numbers, not six
            # "treinta y cinco", "vingt et un": a tens word and a unit are one number (English writes "twenty-five")
            prev = w
            continue
        if w in ("a", "an"):
            continue                                       # "a hundred"
        prev = w
        if w in multiplying:
            current = (current or 1) * multiplying[w]      # "two dozen" is 24, not 2 + 12
        elif w in SCALES and w in scales:
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w in table:
            small = current % 100
            if small and not (small % 10 == 0 and small >= 20 and table[w] < 10):
                return None                                # "ten-thirty-two" is a time, "nineteen eighty" a year: not 42
            current += table[w]
        else:
            return None
        seen = True
    return total + current if seen else None


# -- place units: 1만 1천, 3천여, 2억 5천만, 1.1万 ---------------------------------------------------------------
PLACE_SMALL: dict[str, float] = _every("PLACE_SMALL")
PLACE_BIG: dict[str, float] = _every("PLACE_BIG")
PLACE_UNITS = "".join(PLACE_SMALL) + "".join(PLACE_BIG)


DIGIT_CHARS: dict[str, int] = _every("DIGIT_CHARS")


def place_value(s: str) -> float | None:
    """Digits mixed with place units: ``"1만 1천"`` -> 11000, ``"5천만"`` -> 5e7, ``"1.1万"`` -> 11000,
    ``"三千五百"`` -> 3500."""
    s = "".join(str(DIGIT_CHARS[c]) + " " if c in DIGIT_CHARS else c for c in s)
    total = section = 0.0
    current: float | None = None
    for tok in re.findall(rf"\d+(?:[.,]\d+)?|[{PLACE_UNITS}]", s):
        if tok[0].isdigit():
            current = parse_digits(tok, "ko")
            if current is None:
                return None
        elif tok in PLACE_SMALL:
            section += (1 if current is None else current) * PLACE_SMALL[tok]
            current = None
        else:
            section += current or 0
            total += (section or 1) * PLACE_BIG[tok]
            section, current = 0.0, None
    return total + section + (current or 0)


korean_value = place_value
