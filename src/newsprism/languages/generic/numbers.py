"""Numbers as a language writes them: the interface every pack's ``numbers`` module follows.

Read by ``newsprism.claims`` (quantity extraction). Each name below is what a language may say; the values
here are the safe defaults a language without a pack of its own gets: digits only, thousands grouped by a
comma or a space, a counted noun of at most two words whose last word is its head.

Some tables are *read in every text* (a Korean place unit, an English "several hundred" or a Russian
"млн" is read wherever it stands: texts quote each other's languages); the others only in texts of the
pack's own language. Each name says which.
"""

from __future__ import annotations

import re

NO_MATCH = re.compile(r"(?!x)x")

# -- digits -----------------------------------------------------------------------------------------------
DECIMAL_COMMA = False            # own: "1,5" is 1.5 and "15.000" is 15000
SCALES: dict[str, float] = {}    # every text: scale words after digits ("15 млн", "1.5bn")
OWN_SCALES: dict[str, float] = {}  # own texts only: scale words that are ordinary words elsewhere ("bin" in English)
PLACE_SMALL: dict[str, float] = {}  # every text: place units inside a number ("3천", "5千")
PLACE_BIG: dict[str, float] = {}    # every text: place units that end a section ("1만 1천", "2億")
MINUS_WORDS: set[str] = set()    # every text: "minus 5"
DIGIT_CHARS: dict[str, int] = {}  # own: characters that write digits in place-unit numbers before a counter
                                 # ("三千多名", "十五人"); read only before a counter
PLACE_MORE = ""                  # every text: characters between place units that make the number "more than"
                                 # ("3천여만" is over 30 million, "三千多万")
HEDGES_ATTACHED: dict[str, list[str]] = {}  # every text: hedges written straight after the digits and joined to
                                 # the counter ("4700여명": more than 4,700 people)

# -- number words -----------------------------------------------------------------------------------------
WORDS: dict[str, float] = {}     # own: number words ("five", "пять"); a language without any reads the base's
KIN: tuple[str, ...] = ()        # own: languages whose number words this one's texts also use
WORD_SCALES: set[str] = set()    # own: scale words inside word numbers ("five thousand")
MULTIPLYING: dict[str, float] = {}  # own: words that multiply the number before them ("two dozen" = 24)
AND_WORDS: set[str] = set()      # every text: "and" (joins a scale and a number; "between X and Y")
WORD_JOINERS: set[str] = set()   # every text: "and" inside one word number ("one hundred and five")
ONE_WORDS: set[str] = set()      # every text: "one", "a": a lone one that is a pronoun unless something is counted
ARTICLE_ONES: set[str] = set()   # own: "one" that is also the indefinite article ("ein Mitglied", "une séance"):
                                 # alone it is no number (it counts in "un million", "ein Drittel")

# -- what is not a quantity -------------------------------------------------------------------------------
ORDINAL_SUFFIXES: set[str] = set()  # every text: "1st", "2-й", "1er"
HYPHEN_ORDINALS: set[str] = set()   # every text: ordinal endings only after a hyphen ("25-ю", "47-ї"; "5м" is metres)
DATE_SUFFIX = ""                 # every text: a regex after a number that makes it a date or clock time ("13일")
SKIP_BEFORE: set[str] = set()    # every text: words before a reference number ("page 5", "статья 5")
YEAR_BEFORE: set[str] = set()    # every text: words before a year ("in 2019", "в 2019")
NOUN_CAPITALISED = False         # own: nouns start with a capital (a capital after "2019" is no sign of a year)

# -- hedges, ranges and changes ---------------------------------------------------------------------------
HEDGES_BEFORE: dict[str, list[str]] = {}  # own (over the base's): "about" -> [bound, canonical hedge]
HEDGES_AFTER: dict[str, list[str]] = {}   # every text: "or more", "이상", "以上"
HEDGE_ENDINGS = ""                # every text: a regex of particles a spaced hedge after a number may carry ("이상이")
NO_SPACES = False                # own: words are not separated by spaces (hedges and counters join the number)
RANGE_WORDS: set[str] = set()    # every text: words joining the two ends of a range ("to", "до", "bis")
FROM_WORDS: set[str] = set()     # every text: "from" opening "from X to Y"
TO_WORDS: set[str] = set()       # every text: "to" closing "from X to Y"
BETWEEN_WORDS: set[str] = set()  # every text: "between" opening "between X and Y"
CHANGE_UP: set[str] = set()      # base: words before a number that say it rose
CHANGE_DOWN: set[str] = set()    # base: ... that it fell

# -- vague numbers, shares and multiples --------------------------------------------------------------------
VAGUE: list[tuple[str, float, float]] = []      # every text: (regex, lo, hi): "thousands", "десятки тысяч";
                                                # lo == hi: about that number ("une dizaine")
OWN_VAGUE: list[tuple[str, float, float]] = []  # own texts only: "miles" is Spanish thousands, English distance
MULTIPLES: dict[str, float] = {}  # every text: "doubled", "утроил", "두 배"
SHARE_RE = NO_MATCH               # own: shares in words ("треть", "3분의 1"): groups two/third/half/quarter, den/num
MULTIPLE_RE = NO_MATCH            # own: "в четыре раза", "4배": group n
SHARE_HEDGE_AFTER = NO_MATCH      # own: a hedge right after a share ("절반가량")
RATIO_IN_WORDS = False            # own: "one in five" is read (digit ratios "1/16 of" are read in every text)


def scaled_phrases(text: str) -> list[tuple[int, int, float, float]]:
    """Own: numbers made of a share or multiple of a scale word ("half a million"):
    (start, end, factor, scale) each; read before the plain numbers."""
    return []


# -- what is counted --------------------------------------------------------------------------------------
CHUNK_STOP: set[str] = set()     # own: words that end a counted noun phrase; a language without any uses the base's
MAX_COUNTED_WORDS = 2            # own: the longest counted noun phrase
COUNTED_OF = NO_MATCH            # own: what may stand between a number and its noun ("of the")
HYPHEN_COUNTED = False           # own: "a 31-page agreement" counts pages


HYPHEN_ADJ: set[str] = set()     # own: "a 130,000-strong army": words after the hyphen that let the noun follow


def counted_form(word: str) -> str:
    """Own: a word of the counted phrase as it is compared (English drops a closing quote)."""
    return word


def counted_word(word: str, words: list[str], text: str, at: int) -> str:
    """Own: what a word does to the counted phrase read so far (``words``; ``at``: offset after the word):
    "" takes it, "stop" ends the phrase before it, "last" takes it without its last character and ends,
    "none" drops the whole phrase."""
    return ""


def counted_head(words: list[str]) -> str:
    """Own: the head of a counted noun phrase (the word whose singular is the unit)."""
    return words[-1]


def counted_by_character(text: str, pos: int) -> tuple[str, str, int] | None:
    """Own, for languages without spaces (``NO_SPACES``): the counted phrase after ``pos`` as
    (phrase, head, end), read character by character."""
    return None


def singular(word: str) -> str:
    """The singular of a counted noun, lower case (the base's is read in every text)."""
    return word.lower()


# -- the base's words, read in every text (``newsprism.claims`` takes them from the base language) -----------
NOT_COUNTED: set[str] = set()    # words that end a counted phrase in any language ("ago", "each", "half")
PRONOUNS: set[str] = set()       # pronouns that end it ("them", "which"), as written
NOT_NAME_BEFORE: set[str] = set()  # capitalised words before a number that do not make it part of a name
METRE_AFTER: set[str] = set()    # words after "5m" that make the m metres ("5m high")
SCALE_CHAIN: set[str] = set()    # scale words that multiply on ("4 hundred million")
FRACTIONS: dict[str, float] = {}  # share words ("half", "two-thirds")
FRACTION_RE = NO_MATCH           # where they stand: group 1 is the share word
AND_A_HALF = NO_MATCH            # "three-and-a-half": group 1 the number (digits or a word of WORDS)

# -- numbers that are not claims: dates, years, ordinals, unit numbers, times, temperatures, calibres -----------
YEAR_AFTER: set[str] = set()     # every text: words after a four-digit year ("2025 года", "2025 року"): not a quantity
ORDINAL_BEFORE = ""              # every text: a regex just before a number that makes it an ordinal ("제11군단", "第3")
NAMED_UNIT_AFTER = ""            # every text: a regex just after a number that makes it a unit's name ("11군단")
AGO = ""                         # every text: a regex at or right after a quantity that makes it a time ("4 часа назад")
AGE: list[tuple[str, str]] = []  # every text: (regex just before, regex just after) a number that make it an age
                                 # ("a 18 ans", "18세"); an empty regex asks nothing on that side
TEMPERATURE = ""                 # every text: a regex after a number that makes it a temperature ("20 градусов мороза")
CALIBRE_UNITS: set[str] = set()  # every text: "155-mm", "152-мм" before a noun: a calibre, not a length
COUNTER_AFTER = ""               # every text: a regex of counter words written straight after a number ("2000명",
                                 # "2000人"): the number is counted, never a year
