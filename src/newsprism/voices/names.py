"""Name normalisation: one comparable key per spelling, across scripts.

``name_key`` folds case, accents, hyphens, apostrophes and possessives so that
"Kim Jong-un", "KIM JONG UN" and "Kim Jong Un’s" share a key. ``translit``
romanises Cyrillic (a simple BGN-like table) so that "Шойгу" and "Shoigu"
can be compared. Korean names are romanised in too many ways for one key:
``korean_key`` (the Korean language pack) folds the surname's spellings (이 =
Lee, Yi, Rhee, Ri) and the given name's (Seong-kweun = Sung-kwon = 성권), and
``same_korean_name`` compares two names through it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                 "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
                 "i", "yi", "ye", "g"]))
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "professor", "colonel", "col", "general", "gen", "president",
               "minister", "ambassador", "chairman", "leader", "supreme", "comrade", "sir", "lt", "major",
               "marshal", "secretary", "senator", "sen", "rep", "gov", "governor"}


def strip_accents(s: str) -> str:
    """Latin accents only: Cyrillic й and ё are letters, not accented и and е."""
    return "".join(c if ord(c) >= 0x400 else
                   "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
                   for c in s)


def translit(s: str) -> str:
    """Cyrillic to Latin (lower case); other characters unchanged."""
    return "".join(_CYR.get(c, c) for c in s.lower())


def name_key(s: str, *, romanise: bool = False) -> str:
    """A comparison key: NFKC, case-folded, no accents, punctuation as single spaces."""
    return _name_key(s, romanise)


@lru_cache(maxsize=1 << 16)     # the actors stage compares every pair of names: each key is computed once
def _name_key(s: str, romanise: bool) -> str:
    s = unicodedata.normalize("NFKC", s).strip()
    s = _POSSESSIVE.sub("", s)
    s = strip_accents(s.casefold())
    if romanise:
        s = translit(s)
    s = re.sub(r"^the\s+", "", s)
    return _NON_WORD.sub(" ", s).strip()


def compact_key(s: str) -> str:
    """The key without spaces: 'Kim Jong-un' and 'Kim Jongun' meet here."""
    return name_key(s, romanise=True).replace(" ", "")


def strip_titles(s: str) -> str:
    """Drop leading titles ("Colonel", "Professor", "President") from a name."""
    words = s.split()
    while len(words) > 1 and name_key(words[0]) in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def slug(s: str) -> str:
    return name_key(s, romanise=True).replace(" ", "-") or "unnamed"


def is_hangul(s: str) -> bool:
    return any("\uac00" <= c <= "\ud7af" for c in s)


def korean_key(s: str) -> tuple[frozenset[str], str] | None:
    """(surname classes, folded given name) of a Korean person's name in any script, else None."""
    from ..languages import pack
    return pack("ko").entities.name_key(strip_titles(s.strip()))


def same_korean_name(a: str, b: str) -> bool | None:
    """True/False when both names have a Korean name's shape (the surnames can be one and the given names
    are spellings of one name; two Hangul names must have the same given name in Hangul), else None."""
    ka, kb = korean_key(a), korean_key(b)
    if ka is None or kb is None:
        return None
    if not (ka[0] & kb[0]):
        return False
    if ka[1] != kb[1]:
        from ..languages import pack
        return pack("ko").entities.same_given(strip_titles(a.strip()), strip_titles(b.strip()))
    ha, hb = (strip_titles(x.strip()).replace(" ", "") for x in (a, b))
    if is_hangul(ha) and is_hangul(hb):
        return ha[-2:] == hb[-2:] if len(ha) > 2 and len(hb) > 2 else ha[1:] == hb[1:]
    return True


def person_words(s: str) -> int:
    """How many name parts a person's name has: words, but a Hangul name is surname + given name."""
    if is_hangul(s) and korean_key(s) is not None:
        return 2
    return len(name_key(s).split())


def is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


# Case endings only. Not "ов"/"ев": in names they are the surname's own suffix (Песков, Лавров), and
# stripping them let "Пески" (sands) meet "Песков" while "Пескова" did not.
_RU_ENDINGS = sorted(["ами", "ями", "ыми", "ими", "ых", "их", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им", "ую", "юю",
                      "ая", "яя", "ий", "ый", "а", "я", "у", "ю", "е", "ы", "и", "о"], key=len, reverse=True)


def ru_stem_key(s: str) -> str:
    """Russian names without case endings: "Александром Мацегорой" and "Александр Мацегора" meet."""
    out = []
    for w in name_key(s).split():
        if is_cyrillic(w) and len(w) > 4:
            for e in _RU_ENDINGS:
                if w.endswith(e):
                    w = w[: -len(e)]
                    break
            if len(w) > 3 and w[-1] in "иеё":
                w = w[:-1]          # "Сергея"/"Валерия" -> серг/валер, as "Сергей"/"Валерий" (and "Сырского" ~ "Сырский")
        out.append(w)
    return "~" + " ".join(out)
