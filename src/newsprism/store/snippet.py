"""Search snippets with bounded work, whatever one document holds.

FTS5's ``snippet()`` scores every window of the whole column: on a 5 MB single-line
document that matches, one search took over a minute. Here a snippet reads at most
``SCAN_CHARS`` characters of a document: the first stretch, else (for a match deep in a
long text) the stretch around the first exact-case occurrence that SQLite's ``instr`` finds
(a byte scan in C), and marks the terms in a window of about ``WINDOW_CHARS`` around the
first hit. Marks are the caller's (``[``/``]`` for the terminal, control bytes for the web).
"""

from __future__ import annotations

import re
import sqlite3

SCAN_CHARS = 100_000
WINDOW_CHARS = 200
_MAX_TERMS = 12


def term_pattern(terms: list[str], substring: bool) -> re.Pattern:
    """Any of the terms, case-insensitively; whole words unless ``substring`` (trigram search)."""
    alts = "|".join(re.escape(t) for t in sorted(set(terms[:_MAX_TERMS]), key=len, reverse=True))
    return re.compile(f"({alts})" if substring else rf"(?<!\w)({alts})(?!\w)", re.IGNORECASE)


def snippet(conn: sqlite3.Connection, seq: int, terms: list[str], *, substring: bool = False,
            marks: tuple[str, str] = ("[", "]"), ellipsis: str = " … ") -> str:
    """A short excerpt of document ``seq`` around its first hit, hits marked; bounded cost."""
    pattern = term_pattern(terms, substring)
    start, window = 0, _stretch(conn, seq, 1)
    m = pattern.search(window)
    if m is None:
        pos = _deep_hit(conn, seq, terms)
        if pos:
            start = max(0, pos - SCAN_CHARS // 2)
            window = _stretch(conn, seq, start + 1)
            m = pattern.search(window)
    hit = m.start() if m else 0
    lo = max(0, hit - WINDOW_CHARS // 3)
    hi = min(len(window), lo + WINDOW_CHARS)
    lo, hi = _word_edges(window, lo, hi)
    piece = pattern.sub(lambda x: f"{marks[0]}{x.group(0)}{marks[1]}", window[lo:hi])
    piece = " ".join(piece.split())
    return (ellipsis.lstrip() if start + lo > 0 else "") + piece + (ellipsis.rstrip() if hi < len(window) else "")


def _stretch(conn: sqlite3.Connection, seq: int, first: int) -> str:
    row = conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE seq = ?", (first, SCAN_CHARS, seq)).fetchone()
    return (row[0] or "") if row else ""


def _deep_hit(conn: sqlite3.Connection, seq: int, terms: list[str]) -> int:
    """1-based position of the earliest exact-case occurrence of a term (as typed, lower, Title)."""
    forms = list(dict.fromkeys(f for t in terms[:_MAX_TERMS] for f in (t, t.lower(), t.capitalize())))
    found = [r[0] for f in forms for r in conn.execute("SELECT instr(text, ?) FROM documents WHERE seq = ?",
                                                       (f, seq)) if r[0]]
    return min(found, default=0)


def _word_edges(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen nothing, only move inward to the nearest spaces so words are not cut (when there are any)."""
    if lo > 0:
        sp = text.find(" ", lo, lo + 40)
        lo = sp + 1 if sp >= 0 else lo
    if hi < len(text):
        sp = text.rfind(" ", hi - 40, hi)
        hi = sp if sp > lo else hi
    return lo, hi
