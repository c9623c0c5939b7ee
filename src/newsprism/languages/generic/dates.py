"""Dates as a language writes them: the interface every pack's ``dates`` module follows.

Read by ``newsprism.claims.dates`` (time expressions) and ``newsprism.claims.extract`` (a day or a year is
not a quantity). ``READER`` names the reader that resolves the language's dates: ``"month_names"`` (the
default: month names by stem, a preposition or a year or a relative year making them dates, years, the
relative-year phrases of every pack), ``"english"``, ``"korean"`` or ``"characters"`` (Chinese and
Japanese 2024年10月3日), each reading the patterns its pack declares below. A language without a pack gets
years ("2019") and every pack's relative-year phrases.
"""

from __future__ import annotations

import re

NO_MATCH = re.compile(r"(?!x)x")

READER = "month_names"
MONTH_WORDS: set[str] = set()    # every text: month names as they stand next to a day ("22 декабря", "Dec.")
DAY_MONTH_JOINERS: set[str] = set()  # every text: words between a day and its month ("15 de diciembre")
RELATION_WORDS: dict[str, str] = {}  # every text: a word before a date -> since | until | before | after | by
# own: where a date belongs to something other than a figure in its sentence (claims/stages.py, the as-of date).
# START_BEFORE / START_AFTER: the words right before / after a date that make it when something began ("the war,
# which began in October 2023, has killed ..."; "2023년 10월 시작된 전쟁으로"): a start date is the start of the
# figure's period ("since"), never its as-of date. RELATIVE_OPEN: the words opening a relative clause after a
# comma (", which", ", которая"); a date inside one, up to its closing comma, tells of the noun the clause
# qualifies, not of a figure outside it.
START_BEFORE = NO_MATCH
START_AFTER = NO_MATCH
RELATIVE_OPEN = NO_MATCH

# -- the month-names reader -----------------------------------------------------------------------------------
MONTH_STEMS: list[str] = []      # own: twelve regexes, January first, each matching the start of the month's name
MONTH_PREPOSITIONS = ""          # own: words before a bare month name that make it a date ("в октябре")
MONTH_CAPITALISED = False        # own: month names are written with a capital (a lower-case one is another word)
YEAR_RELATIVE: list[tuple[int, str]] = []  # every text: (offset from the publication year, regex): "в прошлом году"
SHORT_RELATIVE: list[tuple[str, int, str]] = []  # own: (unit, offset, regex): "вчера", "на прошлой неделе"
SEASON_STEMS: dict[str, str] = {}  # own: season word stem -> SP SU FA WI
SEASON_RE = NO_MATCH             # own: a season word (group s), with a year (group y)

# -- the English reader ---------------------------------------------------------------------------------------
MONTHS: dict[str, int] = {}      # month name or abbreviation -> 1..12
WEEKDAYS: list[str] = []         # Monday first
SEASONS: dict[str, tuple[str, int]] = {}  # season word -> (code, first month)
MONTH_RE = NO_MATCH.pattern      # a month name as a regex string
NUMBER_WORDS: dict[str, int] = {}  # "three years ago"
PATTERN = NO_MATCH               # the reader's date pattern (English, Korean and character readers)
JUCHE_TAIL = NO_MATCH            # KCNA's calendar after a date: ", Juche 104 (2015)"
FUTURE_BEFORE = NO_MATCH         # words before a bare month that make it the coming one

# -- the Korean and character readers -------------------------------------------------------------------------
SHORT = NO_MATCH                 # 어제, 지난주, "3년 전", "작년 가을"
SEASON_CODES: dict[str, str] = {}  # 봄 -> SP
YEAR_OFFSETS: dict[str, int] = {}  # 지난해 -> -1, 去年 -> -1
AGO_UNITS: dict[str, str] = {}   # 년 -> year
DAY = NO_MATCH                   # a day of the month on its own ("지난 13일"): group d, group dl the word before
