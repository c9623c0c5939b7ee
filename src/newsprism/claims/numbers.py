"""Numbers as written in news text, per language: digits, number words, Korean units.

Pure functions from a matched surface string to a float. Which surface strings
count as numbers at all is decided by the regular expressions in
``extract.py``; this module only reads them.

Separators: a comma or a point followed by exactly three digits is a thousands
separator when the language writes it so (``15,000`` in en/ko; ``15.000`` in
de/es/it/ru/uk/fr); spaces (also no-break and thin spaces) group thousands
everywhere (``15 000``); when both a comma and a point appear, the later one is
the decimal mark.
"""

from __future__ import annotations

import re

# Languages whose decimal mark is a comma (so "1,5" = 1.5, "15.000" = 15000).
COMMA_DECIMAL = {"de", "es", "fr", "it", "ru", "uk", "pt", "nl", "pl", "tr", "sv", "da", "no", "fi", "cs"}
MAX_DIGITS = 15          # longer digit runs are IDs, phone numbers or OCR junk, not quantities

_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")


def parse_digits(s: str, lang: str = "en") -> float | None:
    """``"15,000"`` -> 15000.0; ``"1,5"`` (de) -> 1.5; None when it is not a plausible number."""
    s = _SPACES.sub("", s.strip()).replace("−", "-")
    if s.startswith("-"):
        v = parse_digits(s[1:], lang)
        return None if v is None else -v
    if not s or len(re.sub(r"\D", "", s)) > MAX_DIGITS:
        return None
    has_c, has_p = "," in s, "." in s
    if has_c and has_p:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        th = "." if dec == "," else ","
        s = s.replace(th, "").replace(dec, ".")
    elif has_c or has_p:
        sep = "," if has_c else "."
        grouped = re.fullmatch(r"\d{1,3}(?:\%s\d{3})+" % sep, s) is not None
        thousands_style = (sep == ",") != (lang in COMMA_DECIMAL)
        if s.count(sep) > 1 and not grouped:
            return None                              # "1.2.3": a version or a section number
        if grouped and (thousands_style or s.count(sep) > 1):
            s = s.replace(sep, "")
        else:
            s = s.replace(sep, ".")
    try:
        return float(s)
    except ValueError:
        return None


# -- scale words that multiply a number written before them ---------------------------------
SCALES: dict[str, float] = {
    # en
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "k": 1e3, "m": 1e6, "b": 1e9, "tn": 1e12,
    # ru / uk
    "тыс": 1e3, "тыс.": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3,
    "тис": 1e3, "тис.": 1e3, "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "тисячу": 1e3,
    "млн": 1e6, "млн.": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
    "мільйон": 1e6, "мільйона": 1e6, "мільйонів": 1e6,
    "млрд": 1e9, "млрд.": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "мільярд": 1e9, "мільярда": 1e9, "мільярдів": 1e9,
    # de
    "tausend": 1e3, "mio": 1e6, "mio.": 1e6, "millionen": 1e6, "mrd": 1e9, "mrd.": 1e9,
    "milliarde": 1e9, "milliarden": 1e9,
    # fr / es / it
    "mille": 1e3, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
    "mil": 1e3, "millón": 1e6, "millones": 1e6, "mila": 1e3, "milione": 1e6, "milioni": 1e6,
    "miliardo": 1e9, "miliardi": 1e9,
    # pl / pt / nl / tr / ar (graceful: numbers read right, no subject rules for these languages)
    "tys": 1e3, "tys.": 1e3, "tysięcy": 1e3, "mld": 1e9, "mld.": 1e9, "milhões": 1e6, "milhão": 1e6,
    "duizend": 1e3, "miljoen": 1e6, "miljard": 1e9, "bin": 1e3, "milyon": 1e6, "milyar": 1e9,
    "ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9,
}
# Scale words that are ordinary words elsewhere ("bin" in English): only in their own language.
SCALE_LANGS = {"bin": {"tr"}, "tys": {"pl"}, "tys.": {"pl"}, "mld": {"pl"}, "mld.": {"pl"}}

# -- number words -----------------------------------------------------------------------------
_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}
_RU = {
    "один": 1, "одна": 1, "одно": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
    "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
    "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10,
    "десяти": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "двадцати": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "полторы": 1.5, "полтора": 1.5, "полутора": 1.5, "півтори": 1.5, "півтора": 1.5,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800,
    "девятьсот": 900,
    # uk
    "одна": 1, "дві": 2, "двох": 2, "чотири": 4, "п'ять": 5, "пʼять": 5, "шість": 6, "сім": 7,
    "вісім": 8, "дев'ять": 9, "десять": 10, "двадцять": 20, "тридцять": 30, "сорок": 40,
    "п'ятдесят": 50, "сто": 100, "двісті": 200, "триста": 300, "п'ятсот": 500,
}
_DE = {"ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
       "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
       "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "hunderte": 100}
_FR = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
       "huit": 8, "neuf": 9, "dix": 10, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
       "cent": 100, "cents": 100}
_ES = {"uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
       "ocho": 8, "nueve": 9, "diez": 10, "veinte": 20, "treinta": 30, "cuarenta": 40,
       "cincuenta": 50, "cien": 100, "ciento": 100}
_IT = {"uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
       "otto": 8, "nove": 9, "dieci": 10, "venti": 20, "trenta": 30, "quaranta": 40,
       "cinquanta": 50, "cento": 100}
WORDS: dict[str, dict[str, float]] = {"en": _EN, "ru": _RU, "uk": _RU, "de": _DE, "fr": _FR,
                                      "es": _ES, "it": _IT}
# Scale words in word-numbers ("five thousand", "пять тысяч"): words of SCALES, by language.
WORD_SCALES = {"en": {"hundred", "thousand", "million", "billion", "trillion"},
               "ru": {"тысяча", "тысячи", "тысяч", "тысячу", "миллион", "миллиона", "миллионов",
                      "миллиард", "миллиарда", "миллиардов"},
               "uk": {"тисяча", "тисячі", "тисяч", "тисячу", "мільйон", "мільйона", "мільйонів"},
               "de": {"tausend", "millionen", "million", "milliarden"},
               "fr": {"mille", "million", "millions", "milliard", "milliards"},
               "es": {"mil", "millón", "millones"},
               "it": {"mila", "mille", "milione", "milioni", "miliardo", "miliardi"}}


def words_value(words: list[str], lang: str) -> float | None:
    """``["five", "thousand"]`` -> 5000; ``["тысяча"]`` -> 1000; None if not a number phrase."""
    table = WORDS.get(lang, _EN)
    total = current = 0.0
    seen = False
    prev = ""
    for w in words:
        w = w.lower()
        if w in ("and", "и", "und", "et", "y", "e"):
            if prev not in SCALES:
                return None                                # "three and three": two numbers, not six
            prev = w
            continue
        if w in ("a", "an"):
            continue
        prev = w
        if w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12                  # "two dozen" is 24, not 2 + 12
        elif w in SCALES and w in WORD_SCALES.get(lang, set()) | WORD_SCALES["en"]:
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w in table:
            small = current % 100
            if small and not (small % 10 == 0 and small >= 20 and table[w] < 10):
                return None                                # "ten-thirty-two" is a time, "nineteen eighty" a year: not 42
            current += table[w]
        else:
            return None
        seen = True
    return total + current if seen else None


# -- Korean: 1만 1천, 3천여, 2억 5천만 -----------------------------------------------------------------
KO_SMALL = {"십": 10, "백": 100, "천": 1000, "十": 10, "百": 100, "千": 1000}          # + Chinese/Japanese characters
KO_BIG = {"만": 1e4, "억": 1e8, "조": 1e12, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
PLACE_UNITS = "".join(KO_SMALL) + "".join(KO_BIG)     # "1만 1천", "1.1万", "1万1000"


def korean_value(s: str) -> float | None:
    """Digits mixed with Korean place units: ``"1만 1천"`` -> 11000, ``"5천만"`` -> 5e7."""
    total = section = 0.0
    current: float | None = None
    for tok in re.findall(rf"\d+(?:[.,]\d+)?|[{PLACE_UNITS}]", s):
        if tok[0].isdigit():
            current = parse_digits(tok, "ko")
            if current is None:
                return None
        elif tok in KO_SMALL:
            section += (1 if current is None else current) * KO_SMALL[tok]
            current = None
        else:
            section += current or 0
            total += (section or 1) * KO_BIG[tok]
            section, current = 0.0, None
    return total + section + (current or 0)
