"""Polish numbers: what ``newsprism.claims`` reads in Polish text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'tysięcy': 1000.0}

OWN_SCALES = {'tys': 1000.0, 'tys.': 1000.0, 'mld': 1000000000.0, 'mld.': 1000000000.0}

DECIMAL_COMMA = True

HEDGES_BEFORE = {'około': ['~', 'about'], 'ponad': ['>', 'more than'], 'blisko': ['~', 'nearly'],
                 'prawie': ['~', 'nearly'], 'co najmniej': ['>=', 'at least']}
