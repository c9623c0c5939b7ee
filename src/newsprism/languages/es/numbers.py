"""Spanish numbers: what ``newsprism.claims`` reads in Spanish text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

import re

SCALES = {'mil': 1000.0, 'millón': 1000000.0, 'millones': 1000000.0}

DECIMAL_COMMA = True

WORDS = {'uno': 1, 'una': 1, 'dos': 2, 'tres': 3, 'cuatro': 4, 'cinco': 5, 'seis': 6, 'siete': 7, 'ocho': 8,
         'nueve': 9, 'diez': 10, 'veinte': 20, 'treinta': 30, 'cuarenta': 40, 'cincuenta': 50, 'cien': 100,
         'ciento': 100, 'once': 11, 'doce': 12, 'trece': 13, 'catorce': 14, 'quince': 15, 'dieciséis': 16,
         'diecisiete': 17, 'dieciocho': 18, 'diecinueve': 19, 'veintiún': 21, 'veintiuno': 21, 'veintidós': 22,
         'veintitrés': 23, 'veinticuatro': 24, 'veinticinco': 25, 'sesenta': 60, 'setenta': 70, 'ochenta': 80,
         'noventa': 90, 'doscientos': 200, 'doscientas': 200, 'trescientos': 300, 'trescientas': 300,
         'cuatrocientos': 400, 'quinientos': 500, 'seiscientos': 600, 'setecientos': 700, 'ochocientos': 800,
         'novecientos': 900}

WORD_SCALES = {'mil', 'millones', 'millón'}

HEDGES_BEFORE = {'unos': ['~', 'about'], 'unas': ['~', 'about'], 'alrededor de': ['~', 'about'],
                 'cerca de': ['~', 'nearly'], 'casi': ['~', 'nearly'], 'más de': ['>', 'more than'],
                 'al menos': ['>=', 'at least'], 'hasta': ['<=', 'up to'], 'menos de': ['<', 'less than']}

CHUNK_STOP = {'a', 'al', 'con', 'de', 'del', 'desde', 'el', 'en', 'es', 'ha', 'han', 'la', 'las', 'los', 'o', 'para',
              'pero', 'por', 'son', 'un', 'una', 'y'}

YEAR_BEFORE = {'desde', 'en'}

OWN_VAGUE = [('miles', 1000, 10000), ('(?:varias|unas|algunas|muchas)\\s+docenas', 24, 120), ('docenas', 24, 120)]
# "varias docenas": more than one dozen, so at least two

AND_WORDS = {"y"}
ONE_WORDS = {"uno", "una"}
ORDINAL_SUFFIXES = {"º", "ª"}
RANGE_WORDS = {"a", "al", "y"}
FROM_WORDS = {"de", "desde"}
TO_WORDS = {"a"}
BETWEEN_WORDS = {"entre"}


def counted_head(words: list[str]) -> str:
    """"soldats nord-coréens": the noun comes first, its modifiers after it."""
    return words[0]
ARTICLE_ONES = {"un", "uno", "una"}   # the indefinite article: alone, not a number
AGE = [(r"(?<!\w)(?:tiene|tenía|tenia|cumplió|a\s+los)\s+", r"\s?años(?!\w)"), ("", r"\s?años\s+de\s+edad")]
SKIP_BEFORE = {"nº", "n.º", "núm.", "artículo", "sección", "capítulo", "página"}   # "artículo 5": a reference

# "miles de soldados", "«varias docenas» de militares": a number noun takes "de" before what it counts (a
# numeral does not: "5.000 soldados"); read with the text before the number, so only after such a noun
COUNTED_OF = re.compile(r"(?:(?<=miles)|(?<=docenas)|(?<=cientos)|(?<=centenares)|(?<=millares)|(?<=decenas))"
                        r"[»”\"]?\s+de\s+(?=[^\W\d_])", re.I)
