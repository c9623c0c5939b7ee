"""Danish numbers: what ``newsprism.claims`` reads in Danish text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

DECIMAL_COMMA = True
