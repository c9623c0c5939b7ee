"""Dutch numbers: what ``newsprism.claims`` reads in Dutch text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'duizend': 1000.0, 'miljoen': 1000000.0, 'miljard': 1000000000.0}

DECIMAL_COMMA = True

HEDGES_BEFORE = {'ongeveer': ['~', 'about'], 'meer dan': ['>', 'more than'], 'ruim': ['>', 'more than'],
                 'bijna': ['~', 'nearly'], 'minstens': ['>=', 'at least']}
ARTICLE_ONES = {"een"}   # the indefinite article: alone, not a number
