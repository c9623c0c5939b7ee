"""Catalan numbers: what ``newsprism.claims`` reads in Catalan text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

def counted_head(words: list[str]) -> str:
    """"soldats nord-coréens": the noun comes first, its modifiers after it."""
    return words[0]
ARTICLE_ONES = {"un", "una"}   # the indefinite article: alone, not a number
