"""What quantity extraction reads from the language packs, assembled once per language.

``pack(lang).numbers`` says what one language knows (``newsprism.languages``); here the tables read *in every
text* are joined over all packs, the ones read in a language's own texts are taken from its pack, and the
base language's (English: quotes and names in English stand in texts of every language) back both.
Nothing here names a language but the base.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..languages import languages, pack
from .numbers import BASE, SCALES, number_words, word_scales


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """Units of measure and currency signs (read in every text, whatever the language)."""
    return json.loads(resources.files("newsprism.resources").joinpath("claims/lexicon.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def every(name: str) -> frozenset:
    """The union over all packs of the set or dict keys ``numbers.<name>``."""
    return frozenset(k for code in languages() for k in getattr(pack(code).numbers, name))


@lru_cache(maxsize=None)
def every_str(name: str) -> frozenset:
    """The set of every pack's string ``numbers.<name>`` (empty ones left out)."""
    return frozenset(getattr(pack(code).numbers, name) for code in languages()) - {""}


@lru_cache(maxsize=None)
def every_dict(name: str) -> dict:
    out: dict = {}
    for code in languages():
        out.update(getattr(pack(code).numbers, name))
    return out


@lru_cache(maxsize=1)
def month_words() -> frozenset:
    """Month names next to a day number ("22 December", "22 декабря"), every pack's: the day is not a quantity."""
    return frozenset(w for code in languages() for w in pack(code).dates.MONTH_WORDS)


def base():
    return pack(BASE).numbers


def nums(lang: str):
    return pack(lang).numbers


@lru_cache(maxsize=None)
def atom_re(lang: str) -> re.Pattern:
    """Numbers: an optional currency sign, then place-unit numbers, digits with a scale word, or number words."""
    from .numbers import PLACE_BIG, PLACE_UNITS
    from .patterns import _DIG
    cur = _alt(lexicon()["currency_prefix"])
    scales = _alt([w for w in SCALES if (len(w) > 1 or w in "kmb")
                   and (w not in every("OWN_SCALES") or w in nums(lang).OWN_SCALES)])
    w = _alt(set(number_words(lang)) | set(base().WORDS) | word_scales(lang))
    join = "|".join(rf"\s+{re.escape(j)}\s+" for j in sorted(every("WORD_JOINERS")))
    more = "".join(every_str("PLACE_MORE"))
    big = "".join(PLACE_BIG)
    places = rf"[{PLACE_UNITS}]+" + (rf"(?:[{more}][{big}])?" if more else "")      # "3천여만": over 30 million
    ko = rf"\d+(?:[.,]\d+)?\s?{places}(?:\s?\d+(?:[.,]\d+)?\s?[{PLACE_UNITS}]*)*"
    counter = every_re("COUNTER_AFTER").pattern
    bare = rf"(?<![\w]){places}(?=\s?(?:{counter}))"                              # "만천 명": place units alone
    han = "".join(nums(lang).DIGIT_CHARS)
    han_units = "".join(u for u in PLACE_UNITS if not "\uac00" <= u <= "\ud7a3")
    two_up = "".join(c for c, v in nums(lang).DIGIT_CHARS.items() if v >= 2)
    written = (rf"|(?<![{han}{han_units}])(?:[{han}](?:[{han_units}][{han}]?)+|十[{han}]?|[{two_up}])(?=(?:{counter}))"
               if han else "")            # "三千多名", "十五人", "三人": a digit first ("万一" is "in case")
    return re.compile(
        rf"(?P<cur>(?<![\w$€£¥₩₽])(?:{cur})\s?)?"
        rf"(?:(?P<ko>{ko}|{bare}{written})(?![0-9A-Za-z])|(?P<dig>{_DIG})(?:\s?-?(?P<scale>{scales})(?![\w]))?"
        rf"|(?P<words>(?<![\w'-])(?:{w})(?:(?:[\s-]+|{join})(?:{w}))*)(?![\w'-]))",
        re.IGNORECASE)


@lru_cache(maxsize=None)
def vague(lang: str) -> tuple[list[tuple[str, float, float]], re.Pattern]:
    """Vague plurals ("thousands", "десятки тысяч", "수천"): longer phrases first, each language's in its order."""
    table = [v for code in languages() for v in pack(code).numbers.VAGUE] + list(nums(lang).OWN_VAGUE)
    table.sort(key=lambda v: -v[0].count(r"\s"))
    # Han is written without spaces ("派遣数千人"): a Han phrase needs no word boundary before it, and a
    # counter ("数千人", "수천명") or a linking particle ("数千の", "上千的") may follow it straight away
    edge = r"(?<![\w])"
    rx = re.compile(r"(?:" + "|".join(f"(?P<v{i}>{'' if _HAN.match(p.lstrip('[(')) else edge}{p})"
                                      for i, (p, _, _) in enumerate(table))
                    + rf")(?=\s+(?:of\s+)?\w|\s*(?:{every_re('COUNTER_AFTER').pattern})|\s*[的の]"
                    + r"|\s*[,.;:!?)»”\"’'、。，]|\s*$)", re.IGNORECASE)
    return table, rx


_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=None)
def minus_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{_alt(every('MINUS_WORDS'))})[\s-]?", re.I)


@lru_cache(maxsize=None)
def range_re() -> re.Pattern:
    return re.compile(rf"^\s*(?:-|–|—|~|∼|〜|～|{_alt(every('RANGE_WORDS'))})\s*(?:\$|€|£)?\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def scale_chain_re() -> re.Pattern:
    return re.compile(rf"\s+({_alt(base().SCALE_CHAIN)})\b", re.I)


@lru_cache(maxsize=None)
def ordinal_re() -> re.Pattern:
    return re.compile(rf"(?:-?(?:{_alt(every('ORDINAL_SUFFIXES'))})|-(?:{_alt(every('HYPHEN_ORDINALS'))}))\b",
                      re.IGNORECASE)                                    # "3rd", "810-й", "25-ю", "47-ї"


@lru_cache(maxsize=None)
def date_suffix_re() -> re.Pattern:
    parts = [p for p in {pack(c).numbers.DATE_SUFFIX for c in languages()} if p]
    return re.compile("|".join(sorted(parts)) or r"(?!x)x")


@lru_cache(maxsize=None)
def every_re(name: str) -> re.Pattern:
    """One regex of every pack's ``numbers.<name>`` regex strings (none: matches nothing)."""
    parts = sorted({getattr(pack(c).numbers, name) for c in languages()} - {""})
    return re.compile("|".join(f"(?:{p})" for p in parts) or r"(?!x)x", re.IGNORECASE)


@lru_cache(maxsize=None)
def from_re() -> re.Pattern:
    f = _alt(every("FROM_WORDS"))
    return re.compile(rf"(?:{f})\s+(?:the\s+|up\s+to\s+|about\s+|around\s+)?(?:\$|€|£)?\s*$|(?:{f})(?:\$|€|£)$", re.I)


@lru_cache(maxsize=None)
def between_re() -> re.Pattern:
    return re.compile(rf"(?:{_alt(every('BETWEEN_WORDS'))})\s*(?:\$|€|£)?\s*$", re.I)


@lru_cache(maxsize=None)
def hedge_table(lang: str) -> tuple[dict, re.Pattern]:
    table = dict(base().HEDGES_BEFORE)
    table.update(nums(lang).HEDGES_BEFORE)
    if nums(lang).NO_SPACES:                             # no spaces between words: "派遣约1.1万名"
        return table, re.compile(rf"({_alt(table)})\s*$")
    return table, re.compile(rf"(?<![\w])({_alt(table)})\s*(?:of\s+)?(?:the\s+|an?\s+)?$")   # "at least a thousand"


@lru_cache(maxsize=1)
def hedge_after_re() -> tuple[dict, re.Pattern]:
    """Hedges after a number, every language: separate words ("or more", "이상") and joined ones ("以上")."""
    spaced: dict = {}
    joined: dict = {}
    for code in languages():
        (joined if pack(code).numbers.NO_SPACES else spaced).update(pack(code).numbers.HEDGES_AFTER)
    attached = every_dict("HEDGES_ATTACHED")           # "4700여명": straight after the digits, before the counter
    att = _alt(attached) or r"(?!x)x"
    ending = "|".join(f"(?:{e})" for e in sorted(every_str("HEDGE_ENDINGS")))
    ending = f"(?:{ending})?" if ending else ""
    return ({**spaced, **joined, **attached},
            re.compile(rf"\s?(?:({_alt(spaced)})(?={ending}(?![\w]))|({_alt(joined)}))|({att})(?=\s?\w)"))


@lru_cache(maxsize=None)
def multiples_re() -> tuple[dict, re.Pattern]:
    table = every_dict("MULTIPLES")
    return table, re.compile(rf"(?<![\w])({_alt(table)})\w*", re.IGNORECASE)


@lru_cache(maxsize=None)
def unit_re() -> re.Pattern:
    units = lexicon()["units"]
    return re.compile(rf"\s?-?(?:{_alt(units)})(?![0-9A-Za-zА-Яа-яЁёІіЇїЄє²])", re.IGNORECASE)


def singular(word: str) -> str:
    """The base language's singular, applied to every counted noun ("soldats" -> "soldat" too)."""
    return base().singular(word)
