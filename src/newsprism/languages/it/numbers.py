"""Italian numbers: what ``newsprism.claims`` reads in Italian text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'mila': 1000.0, 'milione': 1000000.0, 'milioni': 1000000.0, 'miliardo': 1000000000.0,
          'miliardi': 1000000000.0}

DECIMAL_COMMA = True

WORDS = {'uno': 1, 'una': 1, 'due': 2, 'tre': 3, 'quattro': 4, 'cinque': 5, 'sei': 6, 'sette': 7, 'otto': 8,
         'nove': 9, 'dieci': 10, 'venti': 20, 'trenta': 30, 'quaranta': 40, 'cinquanta': 50, 'cento': 100}

WORD_SCALES = {'mila', 'miliardi', 'miliardo', 'milione', 'milioni', 'mille'}

HEDGES_BEFORE = {'circa': ['~', 'about'], 'quasi': ['~', 'nearly'], 'oltre': ['>', 'more than'],
                 'più di': ['>', 'more than'], 'almeno': ['>=', 'at least'], 'fino a': ['<=', 'up to'],
                 'meno di': ['<', 'less than']}

CHUNK_STOP = {'a', 'al', 'con', 'dal', 'dei', 'del', 'della', 'di', 'e', 'gli', 'hanno', 'i', 'il', 'in', 'la', 'le',
              'lo', 'ma', 'nel', 'o', 'per', 'sono', 'su', 'un', 'una', 'è'}

YEAR_BEFORE = {'dal', 'nel'}

OWN_VAGUE = [('migliaia', 1000, 10000)]

AND_WORDS = {"e"}
ONE_WORDS = {"uno", "una"}
RANGE_WORDS = {"a", "e"}
FROM_WORDS = {"da"}
BETWEEN_WORDS = {"tra"}


def counted_head(words: list[str]) -> str:
    """"soldats nord-coréens": the noun comes first, its modifiers after it."""
    return words[0]
ARTICLE_ONES = {"un", "uno", "una"}   # the indefinite article: alone, not a number
