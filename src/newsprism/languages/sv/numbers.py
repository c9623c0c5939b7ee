"""Swedish numbers: what ``newsprism.claims`` reads in Swedish text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

DECIMAL_COMMA = True
