"""What a number counts: the noun phrase after it, read with the language pack's rules.

``counted(text, pos, lang)`` -> (phrase as written, head in the singular, end offset) or None. The scan is
the same for every language written with spaces; the pack says how long a phrase may be, which words end it
(``counted_word``), which word is its head (``counted_head``); languages written without spaces read it
character by character (``counted_by_character``).
"""

from __future__ import annotations

import re

from .numbers import number_words
from .patterns import _ABBREV
from .tables import base, nums, singular

_WORD = re.compile(r"\s*((?:[A-Z]\.){2,}|[^\W\d_][\w'’-]*)")


def counted(text: str, pos: int, lang: str) -> tuple[str, str, int] | None:
    """The counted noun phrase after ``pos``: (phrase, head, end)."""
    p = nums(lang)
    if p.NO_SPACES:
        return p.counted_by_character(text, pos)
    m = p.COUNTED_OF.match(text[:pos + 120], pos)      # from pos, the words before it in sight (a look-behind)
    skip = len(m.group(0)) if m else 0
    hm = re.match(r"-([a-z]{3,})\b", text[pos:pos + 20]) if p.HYPHEN_COUNTED and not skip else None
    if hm and hm.group(1) in p.HYPHEN_ADJ:
        pos += hm.end()                                    # "a 130,000-strong army": the army is counted
    elif hm and hm.group(1) not in base().CHUNK_STOP:
        return hm.group(1), singular(hm.group(1)), pos + hm.end()   # "a 31-page agreement": pages are counted
    words = _scan(text, pos + skip, lang)
    if not words:
        return None
    if _ABBREV.fullmatch(words[-1][0]):
        return None                                        # "5 U.S." with no noun after: nothing counted
    phrase = " ".join(w for w, _ in words)
    head = p.counted_head([w for w, _ in words])
    return phrase, singular(head), words[-1][1]


def _stops(w: str, words: list, lang: str, stop: set) -> bool:
    b = base()
    return (w.lower() in stop or w.lower() in b.NOT_COUNTED or w in b.PRONOUNS or len(words) >= 4
            or w.lower() in number_words(lang))           # "six delegates three and three": a number ends it


def _scan(text: str, start: int, lang: str) -> list[tuple[str, int]]:
    """The words of the phrase from ``start``, each with its end offset in ``text``."""
    p = nums(lang)
    stop = set(p.CHUNK_STOP or base().CHUNK_STOP)
    words: list[tuple[str, int]] = []
    last = 0
    for wm in _WORD.finditer(text[start:start + 80]):
        if wm.start() != last or "\n" in wm.group(0):
            break                                          # a line break ends the phrase: "53 SHARES\nGlobalist"
        w = p.counted_form(wm.group(1))
        if _stops(w, words, lang, stop):
            break
        act = p.counted_word(w, [x for x, _ in words], text, start + wm.end())
        if act == "stop":
            break
        if act == "none":
            return []                                      # "17 of the island nation’s 22 regions": a possessor
        if act == "last":
            words.append((w[:-1], start + wm.end() - 1))    # "1,000 soldiers’ bodies": the soldiers are counted
            break
        words.append((w, start + wm.end()))
        last = wm.end()
        if len(words) >= p.MAX_COUNTED_WORDS:
            break
        if p.NOUN_CAPITALISED and w[0].isupper() and not _ABBREV.fullmatch(w):
            break                                          # German nouns are capitalised: "nordkoreanische Soldaten"
    return words
