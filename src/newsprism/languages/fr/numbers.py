"""French numbers: what ``newsprism.claims`` reads in French text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

import re

from .._text import library_stop_words

SCALES = {'mille': 1000.0, 'millions': 1000000.0, 'milliard': 1000000000.0, 'milliards': 1000000000.0}

DECIMAL_COMMA = True

WORDS = {'un': 1, 'une': 1, 'deux': 2, 'trois': 3, 'quatre': 4, 'cinq': 5, 'six': 6, 'sept': 7, 'huit': 8,
         'neuf': 9, 'dix': 10, 'vingt': 20, 'trente': 30, 'quarante': 40, 'cinquante': 50, 'cent': 100,
         'cents': 100, 'onze': 11, 'douze': 12, 'treize': 13, 'quatorze': 14, 'quinze': 15, 'seize': 16,
         'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19, 'soixante': 60, 'soixante-dix': 70, 'quatre-vingt': 80,
         'quatre-vingts': 80, 'quatre-vingt-dix': 90}

WORD_SCALES = {'mille', 'milliard', 'milliards', 'million', 'millions'}
MULTIPLYING = {'cent': 100.0, 'cents': 100.0}   # "trois cents", "deux mille cinq cents": hundreds, not 3 + 100

HEDGES_BEFORE = {'environ': ['~', 'about'], 'près de': ['~', 'nearly'], 'quelque': ['~', 'about'],
                 'plus de': ['>', 'more than'], 'au moins': ['>=', 'at least'], "jusqu'à": ['<=', 'up to'],
                 'moins de': ['<', 'less than'], "plus d'": ['>', 'more than'], "plus d’": ['>', 'more than'],
                 "près d'": ['~', 'nearly'], "près d’": ['~', 'nearly'], "moins d'": ['<', 'less than'],
                 "moins d’": ['<', 'less than'], "jusqu’à": ['<=', 'up to'], 'pas moins de': ['>=', 'at least']}

CHUNK_STOP = {'a', 'au', 'aux', 'dans', 'de', 'depuis', 'des', 'du', 'en', 'est', 'et', 'la', 'le', 'les', 'mais',
              'ont', 'ou', 'par', 'pour', 'sont', 'sur', 'un', 'une', 'à'}

YEAR_BEFORE = {'en'}

# the French number nouns: "des dizaines de", "plusieurs centaines de", "des milliers de" are vague multiples
# (as "dozens", "several hundred", "thousands" are in English); "une dizaine de" is about ten
OWN_VAGUE = [(r'dizaines\s+de\s+milliers', 1e4, 1e5), (r'centaines\s+de\s+milliers', 1e5, 1e6),
             (r'(?:plusieurs|quelques)\s+centaines\s+de\s+milliers', 1e5, 1e6),
             (r'(?:plusieurs|quelques)\s+dizaines\s+de\s+milliers', 1e4, 1e5),
             (r'(?:plusieurs|quelques)\s+(?:centaines|centaine)', 100, 1000),
             (r'(?:plusieurs|quelques)\s+(?:milliers|millier)', 1000, 10000),
             (r'(?:plusieurs|quelques)\s+(?:dizaines|dizaine)', 10, 100),
             (r'(?:plusieurs|quelques)\s+millions', 1e6, 1e7), (r'(?:plusieurs|quelques)\s+milliards', 1e9, 1e10),
             ('dizaines', 10, 100), ('centaines', 100, 1000), ('milliers', 1000, 10000), ('millions', 1e6, 1e7),
             ('milliards', 1e9, 1e10),
             (r'une\s+dizaine', 10, 10), (r'une\s+douzaine', 12, 12), (r'une\s+vingtaine', 20, 20),
             (r'une\s+trentaine', 30, 30), (r'une\s+quarantaine', 40, 40), (r'une\s+cinquantaine', 50, 50),
             (r'une\s+centaine', 100, 100), (r'un\s+millier', 1000, 1000)]

# "des milliers de soldats", "une centaine d'hommes", "trois millions de personnes": a number noun takes "de"
# before what it counts (a numeral does not: "5 000 soldats"); read with the text before the number
COUNTED_OF = re.compile(r"(?:(?<=aine)|(?<=aines)|(?<=millier)|(?<=milliers)|(?<=millions)|(?<=milliards))"
                        r"[»”\"]?\s+d(?:e\s+|['’])(?=[^\W\d_])", re.I)

AND_WORDS = {"et"}
WORD_JOINERS = {"et"}   # "vingt et un": one number (after a tens word only)
ONE_WORDS = {"un", "une"}
ORDINAL_SUFFIXES = {"er", "e"}
RANGE_WORDS = {"à", "et"}
FROM_WORDS = {"de"}
TO_WORDS = {"à"}
BETWEEN_WORDS = {"entre"}


# after the counted noun, a function word, an auxiliary or an adverb (spaCy's French stop words: "sont", "qui",
# "hier" is not one, a finite verb is) ends the phrase; its adjectives stay ("soldats nord-coréens")
_AFTER_STOP = library_stop_words("fr") | {"hier", "aujourd'hui", "aujourd’hui", "demain"}
_VERB = re.compile(r"\w{2,}(?:ent|aient|èrent|eront|ront|ait)$")
_VERB_FIRST = re.compile(r"\w{2,}(?:aient|èrent|eront|ait)$")   # "-ent" also ends nouns: only after one


def counted_word(word: str, words: list[str], text: str, at: int) -> str:
    low = word.lower()
    if word[:1].islower() and (_VERB if words else _VERB_FIRST).fullmatch(low) or words and low in _AFTER_STOP:
        return "stop"
    return ""


def counted_head(words: list[str]) -> str:
    """"soldats nord-coréens": the noun comes first, its modifiers after it."""
    return words[0]
ARTICLE_ONES = {"un", "une"}   # the indefinite article: alone, not a number
AGE = [(r"(?<!\w)(?:a|avait|aura|âgée?s?\s+de)\s+", r"\s?ans(?!\w)")]   # "il a 18 ans", "âgé de 24 ans"
SKIP_BEFORE = {"n°", "article", "section", "escouade", "chapitre", "page"}   # "section 2": a unit's number
