"""Spanish numbers: what ``newsprism.claims`` reads in Spanish text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

import re

from .._text import library_stop_words

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
              'pero', 'por', 'son', 'un', 'una', 'y', 'que', 'se', 'fue', 'fueron', 'era', 'eran', 'está', 'están',
              'había', 'habían', 'hay', 'según', 'ya', 'no'}

# after the counted noun, a function word, an auxiliary or an adverb of time (spaCy's Spanish stop words: "ayer",
# "fueron", "que") or a finite verb ("5.000 soldados llegaron") ends the phrase; its adjectives stay
# ("soldados norcoreanos")
_AFTER_STOP = library_stop_words("es") | {"ayer", "anoche", "anteayer"}
_VERB = re.compile(r"\w{2,}(?:aron|ieron|yeron|aban|ían|rían|rán|aba)$")   # also first: "100 sufrieron heridas"


def counted_word(word: str, words: list[str], text: str, at: int) -> str:
    low = word.lower()
    if word[:1].islower() and _VERB.fullmatch(low) or words and low in _AFTER_STOP:
        return "stop"
    return ""

YEAR_BEFORE = {'desde', 'en'}

# the Spanish number nouns: "decenas de", "varios cientos de", "miles de" are vague multiples (as "dozens",
# "several hundred", "thousands" are in English); "una decena de", "un centenar de" are about ten, a hundred
_SOME = r'(?:varios|varias|unos|unas|algunos|algunas|muchos|muchas)\s+'
OWN_VAGUE = [(r'decenas\s+de\s+miles', 1e4, 1e5), (r'(?:cientos|centenares)\s+de\s+miles', 1e5, 1e6),
             (_SOME + r'(?:cientos|centenares)\s+de\s+miles', 1e5, 1e6), (_SOME + r'decenas\s+de\s+miles', 1e4, 1e5),
             (_SOME + r'(?:cientos|centenares)', 100, 1000), (_SOME + r'(?:miles|millares)', 1000, 10000),
             (_SOME + r'decenas', 10, 100), (_SOME + r'millones', 1e6, 1e7), (_SOME + 'docenas', 24, 120),
             ('miles', 1000, 10000), ('millares', 1000, 10000), ('cientos', 100, 1000), ('centenares', 100, 1000),
             ('decenas', 10, 100), ('docenas', 24, 120), ('millones', 1e6, 1e7),
             (r'una\s+decena', 10, 10), (r'una\s+docena', 12, 12), (r'una\s+veintena', 20, 20),
             (r'una\s+treintena', 30, 30), (r'una\s+cuarentena', 40, 40), (r'un\s+centenar', 100, 100),
             (r'un\s+millar', 1000, 1000)]
# "varias docenas": more than one dozen, so at least two

AND_WORDS = {"y"}
WORD_JOINERS = {"y"}   # "treinta y cinco": one number (after a tens word only)
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
COUNTED_OF = re.compile(r"(?:(?<=miles)|(?<=docenas)|(?<=cientos)|(?<=centenares)|(?<=millares)|(?<=decenas)"
                        r"|(?<=ena)|(?<=centenar)|(?<=millar)|(?<=millones)|(?<=millón))"
                        r"[»”\"]?\s+de\s+(?=[^\W\d_])", re.I)
