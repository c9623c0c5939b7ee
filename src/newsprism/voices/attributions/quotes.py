"""Quotes: balanced quote marks in every style, and look-ups of quotes by character offset.

Quotes are paired marks (``“…”``, ``«…»``, ``„…“``, ``「…」``, ``‘…’``, ``"…"``, the NYT archive's
``''…''``); an unpaired or overlong mark is recorded as skipped. The list is sorted by start and
its quotes do not overlap, so the look-ups bisect.
"""

from __future__ import annotations

import bisect


MAX_QUOTE = 3000          # characters; longer "quotes" are unbalanced marks, recorded and skipped

_PAIRS = {"“": "”\"", "«": "»", "„": "“”", "「": "」", "『": "』", "‘": "’'", '"': '"”“'}

_CLOSERS = {"”", "»", "“", "」", "』", "’", '"', "'"}
_OTHER_OPENERS = set("“«„「『")


def find_quotes(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """Balanced quotes as (start, end) including the marks; unpaired or overlong marks as skipped."""
    quotes, skipped = [], []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("''", i):       # the NYT archive's ''...'' (two apostrophes each side)
            j = _double_apostrophe_close(text, i + 2)
            if j < 0:
                skipped.append((i, "unbalanced quote mark"))
                i += 2
            else:
                quotes.append((i, j + 2))
                i = j + 2
            continue
        close = _PAIRS.get(c)
        if close is None or (c == "‘" and _is_apostrophe(text, i)):
            i += 1
            continue
        j = _find_close(text, i + 1, close, c)
        if j == -2:
            skipped.append((i, f"quote longer than {MAX_QUOTE} characters"))
            i += 1
            continue
        if j < 0:
            skipped.append((i, "unbalanced quote mark"))
            i += 1
            continue
        if j + 1 - i > MAX_QUOTE:
            skipped.append((i, f"quote longer than {MAX_QUOTE} characters"))
            i += 1
            continue
        quotes.append((i, j + 1))
        i = j + 1
    return quotes, skipped


def _double_apostrophe_close(text: str, k: int) -> int:
    """Where the closing '' of a ''...'' quote starts, or -1 (none within MAX_QUOTE or the paragraph)."""
    j = text.find("''", k, k + MAX_QUOTE)
    brk = text.find("\n\n", k, j if j >= 0 else k + MAX_QUOTE)
    return -1 if j < 0 or brk >= 0 else j


def _find_close(text: str, k: int, close: str, opener: str) -> int:
    limit = min(len(text), k + MAX_QUOTE + 1)
    crossed = False                     # a line break since the opener
    while k < limit:
        ch = text[k]
        if crossed and opener == '"' and ch in _OTHER_OPENERS:
            return -1         # a straight mark left open on its line (a title cut short) pairs with no later style
        if ch in close and not (ch in "’'" and _is_apostrophe(text, k)):
            return k
        crossed = crossed or ch == "\n"
        if ch in _PAIRS and ch == opener and opener not in _CLOSERS:
            return -1         # a second opener before any closer: the first is unbalanced
        if ch == "\n" and text[k:k + 2] == "\n\n" and opener in ("‘", '"'):
            return -1         # straight/single quotes do not run over a paragraph break
        k += 1
    return -2 if limit < len(text) and any(c in text[limit:] for c in close) else -1


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


_MARKS = set("\"'“”‘’«»„「」")


def _quote_holding(quotes, i: int) -> tuple[int, int] | None:
    """The quote that holds character ``i`` (quotes are sorted by start and do not overlap)."""
    k = bisect.bisect_right(quotes, (i, float("inf"))) - 1
    return quotes[k] if k >= 0 and quotes[k][0] <= i < quotes[k][1] else None


def _quote_ending_before(quotes, i: int) -> tuple[int, int] | None:
    """The last quote that ends at or before character ``i``."""
    k = bisect.bisect_right(quotes, (i, float("inf"))) - 1
    while k >= 0 and quotes[k][1] > i:
        k -= 1
    return quotes[k] if k >= 0 else None


def _quotes_overlapping(quotes, cs: int, ce: int) -> list[tuple[int, int]]:
    """The quotes (sorted, not overlapping) that share a character with [cs, ce), by bisection."""
    k = max(0, bisect.bisect_left(quotes, (cs, -1)) - 1)
    out = []
    while k < len(quotes) and quotes[k][0] < ce:
        if cs < quotes[k][1]:
            out.append(quotes[k])
        k += 1
    return out


def _with_quote_marks(text: str, cs: int, ce: int, quotes) -> tuple[int, int]:
    """The content widened to the marks of a quote it touches from inside ("…," she said keeps the marks; so
    does a content that ends inside a quote it opened: 'that costs were "in the seven figures,"')."""
    for qs, qe in _quotes_overlapping(quotes, cs, ce):      # both cases below need an overlapping quote
        if qs == cs - 1 or (qs < cs and text[qs + 1:cs].strip(" '") == ""):     # ' for the '' mark
            if qe >= ce:
                cs = qs
        if qe == ce + 1 or (qe > ce and text[ce:qe - 1].strip(" ,.!?'") == ""):
            ce = qe
    return cs, ce
