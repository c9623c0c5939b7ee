"""Helpers the language packs' text rules share (not a concern: no pack overrides it)."""

from __future__ import annotations

import re

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
