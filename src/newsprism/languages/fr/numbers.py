"""French numbers: what ``newsprism.claims`` reads in French text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'mille': 1000.0, 'millions': 1000000.0, 'milliard': 1000000000.0, 'milliards': 1000000000.0}

DECIMAL_COMMA = True

WORDS = {'un': 1, 'une': 1, 'deux': 2, 'trois': 3, 'quatre': 4, 'cinq': 5, 'six': 6, 'sept': 7, 'huit': 8,
         'neuf': 9, 'dix': 10, 'vingt': 20, 'trente': 30, 'quarante': 40, 'cinquante': 50, 'cent': 100,
         'cents': 100, 'onze': 11, 'douze': 12, 'treize': 13, 'quatorze': 14, 'quinze': 15, 'seize': 16,
         'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19, 'soixante': 60, 'soixante-dix': 70, 'quatre-vingt': 80,
         'quatre-vingts': 80, 'quatre-vingt-dix': 90}

WORD_SCALES = {'mille', 'milliard', 'milliards', 'million', 'millions'}

HEDGES_BEFORE = {'environ': ['~', 'about'], 'près de': ['~', 'nearly'], 'quelque': ['~', 'about'],
                 'plus de': ['>', 'more than'], 'au moins': ['>=', 'at least'], "jusqu'à": ['<=', 'up to'],
                 'moins de': ['<', 'less than']}

CHUNK_STOP = {'a', 'au', 'aux', 'dans', 'de', 'depuis', 'des', 'du', 'en', 'est', 'et', 'la', 'le', 'les', 'mais',
              'ont', 'ou', 'par', 'pour', 'sont', 'sur', 'un', 'une', 'à'}

YEAR_BEFORE = {'en'}

OWN_VAGUE = [('milliers', 1000, 10000)]

AND_WORDS = {"et"}
ONE_WORDS = {"un", "une"}
ORDINAL_SUFFIXES = {"er", "e"}
RANGE_WORDS = {"à", "et"}
FROM_WORDS = {"de"}
TO_WORDS = {"à"}
BETWEEN_WORDS = {"entre"}


def counted_head(words: list[str]) -> str:
    """"soldats nord-coréens": the noun comes first, its modifiers after it."""
    return words[0]
ARTICLE_ONES = {"un", "une"}   # the indefinite article: alone, not a number
AGE = [(r"(?<!\w)(?:a|avait|aura|âgée?s?\s+de)\s+", r"\s?ans(?!\w)")]   # "il a 18 ans", "âgé de 24 ans"
SKIP_BEFORE = {"n°", "article", "section", "escouade", "chapitre", "page"}   # "section 2": a unit's number
