"""Arabic numbers: what ``newsprism.claims`` reads in Arabic text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'ألف': 1000.0, 'آلاف': 1000.0, 'مليون': 1000000.0, 'ملايين': 1000000.0, 'مليار': 1000000000.0}

HEDGES_BEFORE = {'حوالي': ['~', 'about'], 'نحو': ['~', 'about'], 'أكثر من': ['>', 'more than'],
                 'أقل من': ['<', 'less than'], 'ما لا يقل عن': ['>=', 'at least']}


def counted_head(words: list[str]) -> str:
    """"soldats nord-coréens": the noun comes first, its modifiers after it."""
    return words[0]
