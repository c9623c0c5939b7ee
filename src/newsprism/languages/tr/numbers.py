"""Turkish numbers: what ``newsprism.claims`` reads in Turkish text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'milyon': 1000000.0, 'milyar': 1000000000.0}

OWN_SCALES = {'bin': 1000.0}

DECIMAL_COMMA = True

HEDGES_BEFORE = {'yaklaşık': ['~', 'about'], 'en az': ['>=', 'at least']}
