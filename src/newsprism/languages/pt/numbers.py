"""Portuguese numbers: what ``newsprism.claims`` reads in Portuguese text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'milhões': 1000000.0, 'milhão': 1000000.0}

DECIMAL_COMMA = True

HEDGES_BEFORE = {'cerca de': ['~', 'about'], 'mais de': ['>', 'more than'], 'pelo menos': ['>=', 'at least'],
                 'quase': ['~', 'nearly']}


def counted_head(words: list[str]) -> str:
    """"soldats nord-coréens": the noun comes first, its modifiers after it."""
    return words[0]
ARTICLE_ONES = {"um", "uma"}   # the indefinite article: alone, not a number
