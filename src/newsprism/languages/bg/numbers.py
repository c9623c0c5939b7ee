"""Bulgarian numbers: what ``newsprism.claims`` reads in Bulgarian text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

from ..ru.numbers import counted_head  # noqa: F401  (head first, as in Russian)
