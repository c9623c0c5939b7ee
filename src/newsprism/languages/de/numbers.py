"""German numbers: what ``newsprism.claims`` reads in German text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'tausend': 1000.0, 'mio': 1000000.0, 'mio.': 1000000.0, 'millionen': 1000000.0, 'mrd': 1000000000.0,
          'mrd.': 1000000000.0, 'milliarde': 1000000000.0, 'milliarden': 1000000000.0}

DECIMAL_COMMA = True

WORDS = {'ein': 1, 'eine': 1, 'einen': 1, 'zwei': 2, 'drei': 3, 'vier': 4, 'fünf': 5, 'sechs': 6, 'sieben': 7,
         'acht': 8, 'neun': 9, 'zehn': 10, 'elf': 11, 'zwölf': 12, 'zwanzig': 20, 'dreißig': 30, 'vierzig': 40,
         'fünfzig': 50, 'hundert': 100, 'hunderte': 100, 'dreizehn': 13, 'vierzehn': 14, 'fünfzehn': 15,
         'sechzehn': 16, 'siebzehn': 17, 'achtzehn': 18, 'neunzehn': 19, 'sechzig': 60, 'siebzig': 70, 'achtzig': 80,
         'neunzig': 90}
# German writes a number as one word: "zweitausend", "zwölftausend", "dreihundert", "zehntausend"
_STEMS = {'zwei': 2, 'drei': 3, 'vier': 4, 'fünf': 5, 'sechs': 6, 'sieben': 7, 'acht': 8, 'neun': 9, 'zehn': 10,
          'elf': 11, 'zwölf': 12, 'fünfzehn': 15, 'zwanzig': 20, 'dreißig': 30, 'vierzig': 40, 'fünfzig': 50,
          'hundert': 100}
WORDS.update({stem + scale: value * factor for stem, value in _STEMS.items()
              for scale, factor in (('hundert', 100), ('tausend', 1000)) if not (stem == 'hundert' == scale)})
WORDS.update({'eintausend': 1000, 'einhundert': 100})

WORD_SCALES = {'milliarden', 'million', 'millionen', 'tausend'}

HEDGES_BEFORE = {'etwa': ['~', 'about'], 'rund': ['~', 'about'], 'ungefähr': ['~', 'about'], 'circa': ['~', 'about'],
                 'ca.': ['~', 'about'], 'fast': ['~', 'nearly'], 'knapp': ['~', 'nearly'], 'mehr als': ['>', 'more than'],
                 'über': ['>', 'more than'], 'mindestens': ['>=', 'at least'], 'bis zu': ['<=', 'up to'],
                 'weniger als': ['<', 'less than']}

CHUNK_STOP = {'aber', 'am', 'an', 'auf', 'aus', 'bei', 'bis', 'das', 'dem', 'den', 'der', 'des', 'die', 'ein', 'eine',
              'für', 'haben', 'hat', 'im', 'in', 'ist', 'mit', 'nach', 'oder', 'seit', 'sind', 'und', 'vom', 'von',
              'war', 'waren', 'wurde', 'wurden', 'zu', 'zum', 'zur'}

YEAR_BEFORE = {'im', 'seit'}

OWN_VAGUE = [('tausende', 1000, 10000)]

AND_WORDS = {"und"}
ONE_WORDS = {"ein", "eine"}
RANGE_WORDS = {"bis"}
FROM_WORDS = {"von"}
TO_WORDS = {"bis"}
BETWEEN_WORDS = {"zwischen"}
NOUN_CAPITALISED = True
MAX_COUNTED_WORDS = 4
ARTICLE_ONES = {"ein", "eine", "einen", "einem", "einer", "eines"}   # the indefinite article: alone, not a number
AGE = [(r"(?<!\w)im\s+Alter\s+von\s+", r"\s?Jahren"), ("", r"-?jährige[nmrs]?(?!\w)")]   # "der 18-Jährige"
SKIP_BEFORE = {"nr.", "nr", "artikel", "absatz", "kapitel", "seite"}   # "Spezialeinheit Nr. 84": a unit's number
