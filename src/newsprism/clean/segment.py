"""Paragraphs and sentences as (start, end) offsets into the clean text.

Every span indexes the clean text exactly (``text[start:end]``), carries no leading or
trailing whitespace, and the spans of a range cover all of its non-space text in order
without overlapping. Rules (see docs/segmentation.md):

- a line break always ends a sentence (headlines, captions and Korean lines without a
  final period are sentences of their own);
- ``. ! ? …`` end a sentence when followed, after any closing quotes or brackets, by
  whitespace and then not by a lower-case word ("Why?" he asked / — сказал он);
- a period does not end a sentence after an abbreviation that is never final (Mr., Gen.,
  ул., им.), an initial (J. Smith, В. В. Путин), a month or "No." before a number, or a
  dotted acronym (U.S., U.N.) unless a typical sentence opener follows;
- ``。 ！ ？`` (Chinese, Japanese) end a sentence without needing a space, except before
  the Japanese quotative と; a Korean closing quote followed by 라고/이라고/하고 continues.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..languages import PACKS, pack

# Western terminators then closing quotes/brackets; CJK full stops need no space after.
_TERM = re.compile(r"(?:\.{2,}|…+|[.!?]+|[。！？]+)[\"'”’»)\]」』）]*")
_CJK_TERM = frozenset("。！？")
_PREV_TOKEN = re.compile(r"(\w+(?:\.\w+)*)$")
_NEXT_WORD = re.compile(r"\s*[—–\-\"'“‘«(\[]*\s*(\S*)")
_LINE = re.compile(r"[^\n]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


def _gathered(name: str) -> frozenset[str] | tuple[str, ...]:
    """One segmentation hint of every pack together: quotes, names and titles cross
    languages, and each hint is bound to its own words or script
    (languages/generic/segment.py)."""
    values = [getattr(pack(code).segment, name) for code in PACKS
              if code == "generic" or pack(code).has("segment")]
    if isinstance(values[0], frozenset):
        return frozenset().union(*values)
    return tuple(dict.fromkeys(x for v in values for x in v))


# Abbreviations that a sentence practically never ends with: titles, ranks, address words.
NEVER_FINAL = _gathered("NEVER_FINAL")
# Before a number they abbreviate a unit or a date: "Dec. 8", "No. 3", "pp. 12".
NUMBER_ABBREV = _gathered("NUMBER_ABBREV")
# After a dotted acronym (U.S.) a new sentence starts only with words like these.
SENTENCE_OPENERS = _gathered("SENTENCE_OPENERS")
_CONTINUATIONS = _gathered("CONTINUATIONS")
_CJK_CONTINUATIONS = _gathered("CJK_CONTINUATIONS")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Each non-blank line, without its surrounding whitespace."""
    for m in _LINE.finditer(text):
        span = _trim(text, m.start(), m.end())
        if span is not None:
            yield span


def sentences(text: str, start: int, end: int, lang: str) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as offsets into ``text`` (``lang``: ISO 639-1 or "und")."""
    for m in _LINE.finditer(text, start, end):
        yield from _line_sentences(text, m.start(), m.end(), lang)


def _line_sentences(text: str, start: int, end: int, lang: str) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _TERM.finditer(text, start, end):
        if _is_boundary(text, m, end, lang):
            span = _trim(text, pos, m.end())
            if span is not None:
                yield span
            pos = m.end()
    span = _trim(text, pos, end)
    if span is not None:
        yield span


def _is_boundary(text: str, m: re.Match, end: int, lang: str) -> bool:
    after = m.end()
    if m.group()[0] in _CJK_TERM:
        return not text.startswith(_CJK_CONTINUATIONS, after)
    if after < end and not text[after].isspace():
        return False                     # 3.5, U.S.-led, "e.g.,", a missing space
    nxt = _NEXT_WORD.match(text, after, end)
    word = nxt.group(1) if nxt else ""
    if not word:
        return True
    if _starts_lower(word) or word.startswith(_CONTINUATIONS):
        return False
    if m.group()[0] == "." and not m.group().startswith(".."):
        return not _abbreviation_before(text, m.start(), word)
    return True


def _starts_lower(word: str) -> bool:
    for ch in word:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _abbreviation_before(text: str, dot: int, next_word: str) -> bool:
    """Whether the period at ``dot`` closes an abbreviation rather than a sentence."""
    prev = _PREV_TOKEN.search(text, max(0, dot - 24), dot)
    if prev is None:
        return False
    token = prev.group(1)
    low = token.lower()
    if low in NEVER_FINAL:
        return True
    if "." in token:                                   # U.S, U.N, т.д
        if token.upper() == token:
            return next_word.strip("\"'“‘«(") not in SENTENCE_OPENERS
        return False
    if len(token) == 1 and token.isalpha() and not _HANGUL.match(token):
        return True                                    # an initial: J. Smith, В. В. Путин
    return low in NUMBER_ABBREV and next_word[:1].isdigit()


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
