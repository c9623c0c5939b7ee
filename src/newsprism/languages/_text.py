"""Helpers the language packs' text rules share (not a concern: no pack overrides it)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

_SENT = re.compile(r"[^.!?。\n]+[.!?。]?")


def sentences(text: str):
    """(start, end) of each non-empty sentence (split on . ! ? 。 and line breaks)."""
    for m in _SENT.finditer(text):
        if m.group(0).strip():
            yield m.start(), m.end()


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """(s, e) without surrounding spaces, commas, dashes and colons (and a final full stop)."""
    while s < e and (text[s].isspace() or text[s] in ",—–-:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",—–-:."):
        e -= 1
    return s, e


# -- shared by the text rules of several packs (languages/_reports.py, generic and the CJK packs)

_BOUNDARY = re.compile(r"[.!?。！？]+|\n")


def quote_sentences(text: str, quotes=()):
    """(start, end) of each non-empty sentence, like ``sentences`` but never split inside a quote, at a full
    stop between digits ("2.000"), after an initial ("M. Lee") or before a lower-case word or a digit
    ("Nr. 84"); a line break always ends one. ``quotes``: sorted (start, end) pairs."""
    starts = [a for a, _ in quotes]
    s, n = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        i, j = m.start(), m.end()
        if m.group(0) != "\n":
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and quotes[k][0] < i < quotes[k][1] - 1:
                continue                                       # inside a quote
            if text[i] == "." and j - i == 1 and not _full_stop(text, i, j, n):
                continue
        yield from _nonblank(text, s, j)
        s = j
    yield from _nonblank(text, s, n)


def _full_stop(text: str, i: int, j: int, n: int) -> bool:
    prev = text[i - 1] if i else " "
    if prev.isdigit() and j < n and text[j].isdigit():
        return False                                           # 2.000, 1.5
    if prev.isdigit() and (i < 3 or not text[i - 3].isdigit()) and text[j:j + 1] == " " and \
            text[j + 1:j + 2].isupper():
        return False                                           # an ordinal day: "am 9. Januar"
    if prev.isupper() and (i < 2 or not text[i - 2].isalpha()):
        return False                                           # M. Lee, J. Smith
    k = j
    while k < n and text[k] in " \t":
        k += 1
    return not (k < n and k > j and (text[k].islower() or text[k].isdigit()))


def _nonblank(text: str, s: int, e: int):
    while s < e and text[s].isspace():
        s += 1
    if s < e:
        yield s, e


def stance_of(word: str, verbs: dict[str, str], default: str = "says") -> str:
    """The stance of the longest stem in ``verbs`` that starts ``word`` (case-insensitive)."""
    w = word.lower()
    best = max((k for k in verbs if w.startswith(k.lower())), key=len, default=None)
    return verbs[best] if best is not None else default


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so a stem never shadows a longer one)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def quote_in(quotes, lo: int, hi: int):
    """The first quote that lies wholly inside [lo, hi), or None."""
    return next(((a, b) for a, b in quotes if lo <= a and b <= hi), None)


def inside_quote(quotes, i: int) -> bool:
    """True when character ``i`` lies strictly inside a quote's marks."""
    return any(a < i < b - 1 for a, b in quotes)


_SPEAKER_LABELS = ("PERSON", "ORG", "MEDIA")
_NEAR_BEFORE, _NEAR_AFTER, _MIN_QUOTE_WORDS = 80, 40, 3


def quotes_with_speakers(text: str, quotes, entities) -> list[dict]:
    """The fallback for a language without rules of its own: a quoted passage of a few words with a named
    person or organisation in its sentence, the nearest one ending before the quote (at most 80 characters
    before it), else one starting right after it (40 characters), says the quote. A quote without such a
    speaker, or of fewer than three words, gives nothing (a title, a scare quote)."""
    out = []
    ents = [e for e in entities if e.label in _SPEAKER_LABELS]
    for ss, se in quote_sentences(text, quotes):
        for a, b in quotes:
            if not (ss <= a and b <= se) or not _long_enough(text[a + 1:b - 1]):
                continue
            before = [e for e in ents if ss <= e.start and e.end <= a and a - e.end <= _NEAR_BEFORE
                      and not inside_quote(quotes, e.start)]
            after = [e for e in ents if b <= e.start and e.end <= se and e.start - b <= _NEAR_AFTER]
            sp = before[-1] if before else (after[0] if after else None)
            if sp is None:
                continue
            out.append({"cue": (a, a + 1), "speaker": (sp.start, sp.end), "content": (a, b), "lemma": "quote",
                        "stance": "says", "speaker_after": sp.start >= b})
    return out


def _long_enough(inner: str) -> bool:
    cjk = sum(1 for c in inner if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af")
    return cjk >= 8 or len(inner.split()) >= _MIN_QUOTE_WORDS


def clause_start_before(text: str, start: int, end: int, stops: str) -> int:
    """Where the clause ending at ``end`` begins: just after the last of ``stops`` before it that is
    outside parentheses (full-width too), or ``start``."""
    depth, k = 0, end - 1
    while k >= start:
        c = text[k]
        if c in ")）":
            depth += 1
        elif c in "(（":
            depth = max(0, depth - 1)
        elif c in stops and depth == 0:
            break
        k -= 1
    return k + 1


@lru_cache(maxsize=None)
def morph_analyzer(lang: str):
    """One pymorphy3 analyzer per language and process (loaded on first use)."""
    import pymorphy3
    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=None)
def library_stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for ``lang`` (function words, auxiliaries, adverbs of time), lower case; empty when
    spaCy has none. The list is read from its file, so spaCy's pipeline is not loaded for it."""
    import importlib.util
    from pathlib import Path
    spec = importlib.util.find_spec("spacy")
    for root in (spec.submodule_search_locations or []) if spec else []:
        path = Path(root) / "lang" / lang / "stop_words.py"
        if path.is_file():
            m = re.search(r'"""(.*?)"""', path.read_text("utf-8"), re.S)
            return frozenset(w.lower() for w in m.group(1).split()) if m else frozenset()
    return frozenset()
