"""Paragraphs and sentences as (start, end) offsets into the clean text.

Placeholder rules; to be replaced by language-aware segmentation.
"""

from __future__ import annotations

import re
from typing import Iterator

_PARA = re.compile(r"[^\n]+")
_SENT_END = re.compile(r"[.!?。！？]+[\"'”’»)]*\s+")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for m in _PARA.finditer(text):
        if m.group().strip():
            yield m.start(), m.end()


def sentences(text: str, start: int, end: int, lang: str) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        yield pos, m.end() - len(m.group()) + len(m.group().rstrip())
        pos = m.end()
    if pos < end and text[pos:end].strip():
        yield pos, end
