"""German numbers: what ``newsprism.claims`` reads in German text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

SCALES = {'tausend': 1000.0, 'mio': 1000000.0, 'mio.': 1000000.0, 'millionen': 1000000.0, 'mrd': 1000000000.0,
          'mrd.': 1000000000.0, 'milliarde': 1000000000.0, 'milliarden': 1000000000.0}

DECIMAL_COMMA = True

WORDS = {'ein': 1, 'eine': 1, 'einen': 1, 'zwei': 2, 'drei': 3, 'vier': 4, 'fünf': 5, 'sechs': 6, 'sieben': 7,
         'acht': 8, 'neun': 9, 'zehn': 10, 'elf': 11, 'zwölf': 12, 'zwanzig': 20, 'dreißig': 30, 'vierzig': 40,
         'fünfzig': 50, 'hundert': 100, 'dreizehn': 13, 'vierzehn': 14, 'fünfzehn': 15,
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
              'war', 'waren', 'wurde', 'wurden', 'zu', 'zum', 'zur', 'ums', 'beim', 'worden', 'gestern', 'heute',
              'laut', 'bereits', 'bisher', 'noch', 'schon', 'insgesamt'}   # "300 ums Leben" counts no "Leben"

YEAR_BEFORE = {'im', 'seit'}

# "mehrere Tausend", "einige hundert", "Hunderte", "Zehntausende": vague multiples (as "several thousand",
# "hundreds", "tens of thousands" are in English), never exactly one thousand or one hundred
_SOME = r'(?:mehrere|mehreren|einige|einigen|etliche|etlichen|ein\s+paar|wenige|wenigen)\s+'
OWN_VAGUE = [(_SOME + r'hunderttausend', 1e5, 1e6), (_SOME + r'zehntausend', 1e4, 1e5),
             (_SOME + r'(?:millionen|mio\.?)', 1e6, 1e7), (_SOME + r'(?:milliarden|mrd\.?)', 1e9, 1e10),
             (_SOME + r'tausend', 1000, 10000), (_SOME + r'hundert', 100, 1000), (_SOME + r'dutzend', 24, 120),
             ('hunderttausende[n]?', 1e5, 1e6), ('zehntausende[n]?', 1e4, 1e5), ('tausende[n]?', 1000, 10000),
             ('hunderte[n]?', 100, 1000), ('dutzende[n]?', 12, 120), ('millionen', 1e6, 1e7),
             ('milliarden', 1e9, 1e10)]

AND_WORDS = {"und"}
ONE_WORDS = {"ein", "eine"}
RANGE_WORDS = {"bis", "und"}   # "und" only after "zwischen" ("zwischen 10.000 und 12.000")
FROM_WORDS = {"von"}
TO_WORDS = {"bis"}
BETWEEN_WORDS = {"zwischen"}
NOUN_CAPITALISED = True
MAX_COUNTED_WORDS = 4
ARTICLE_ONES = {"ein", "eine", "einen", "einem", "einer", "eines"}   # the indefinite article: alone, not a number
AGE = [(r"(?<!\w)im\s+Alter\s+von\s+", r"\s?Jahren"), ("", r"-?jährige[nmrs]?(?!\w)")]   # "der 18-Jährige"
SKIP_BEFORE = {"nr.", "nr", "artikel", "absatz", "kapitel", "seite"}   # "Spezialeinheit Nr. 84": a unit's number
