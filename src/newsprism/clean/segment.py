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

# Western terminators then closing quotes/brackets; CJK full stops need no space after.
_TERM = re.compile(r"(?:\.{2,}|…+|[.!?]+|[。！？]+)[\"'”’»)\]」』）]*")
_CJK_TERM = frozenset("。！？")
_PREV_TOKEN = re.compile(r"(\w+(?:\.\w+)*)$")
_NEXT_WORD = re.compile(r"\s*[—–\-\"'“‘«(\[]*\s*(\S*)")
_LINE = re.compile(r"[^\n]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]")

# Abbreviations that a sentence practically never ends with: titles, ranks, address words.
NEVER_FINAL = frozenset("""
mr mrs ms messrs dr prof gen lt col maj capt cmdr sgt adm gov sen rep rev st mt ft hon pres
supt insp cpl pvt brig lieut gens sr jr vs approx dept univ assn co
e.g i.e cf viz
ул им проф акад ген ст пос просп пер пл обл д кв корп тов гос зам нач
т.е т.к т.н т.ч напр см ср вул ім пров
nr bzw sig dott sra srta dra mme mlle
""".split())
# Before a number they abbreviate a unit or a date: "Dec. 8", "No. 3", "pp. 12".
NUMBER_ABBREV = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec no nos vol pp p art fig ch sec par
янв фев мар апр авг сент окт нояб дек п стр рис гл
""".split())
# After a dotted acronym (U.S.) a new sentence starts only with words like these.
SENTENCE_OPENERS = frozenset("""
The A An He She It They We I You This That These Those There Here His Her Its Their Our But And
However Meanwhile According After Before In On At As If When While Since Although Yet So Still
Some Many Most Officials Analysts North South Russia Russian Ukraine Ukrainian Moscow Kyiv Pyongyang
Он Она Они Это В На По Но Однако При После
""".split())
_KO_QUOTATIVE = ("라고", "이라고", "하고", "고 ", "며", "면서")
_JA_QUOTATIVE = ("と", "って")


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
        return not text.startswith(_JA_QUOTATIVE, after)
    if after < end and not text[after].isspace():
        return False                     # 3.5, U.S.-led, "e.g.,", a missing space
    nxt = _NEXT_WORD.match(text, after, end)
    word = nxt.group(1) if nxt else ""
    if not word:
        return True
    if _starts_lower(word) or word.startswith(_KO_QUOTATIVE):
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
