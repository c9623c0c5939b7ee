"""Ukrainian dates: month names by stem, "минулого року", "торік"; the short relative words and seasons are
shared with Russian (``ru/dates.py`` holds both languages' forms)."""

from __future__ import annotations

import re

from ..ru.dates import SEASON_RE, SEASON_STEMS, SHORT_RELATIVE  # noqa: F401

MONTH_WORDS = {'січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня',
               'листопада', 'грудня'}
MONTH_STEMS = ["січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"]
MONTH_PREPOSITIONS = "у|в|з|до|на|по"
YEAR_RELATIVE = [(-1, r"в\s+минулому\s+році|минулого\s+року|торік"),
                 (0, r"(?:у\s+|в\s+)?цьому\s+році|цього\s+року"),
                 (1, r"наступного\s+року")]
RELATION_WORDS = {"до": "until", "після": "після"}
# a date that says when something began, and the relative clauses a date can sit in (generic/dates.py)
START_BEFORE = re.compile(r"(?<!\w)(?:почал\w*|почавш\w*|розпочал\w*|розпочат\w*|почат\w*|спалахнул\w*|розв'язан\w*"
                          r"|(?:початку|початок)\s+(?:\w+\s+){0,2}?)\s*(?:в|у|з|із)?\s*$", re.I)
RELATIVE_OPEN = re.compile(r",\s*(?:як(?:ий|а|е|і|ого|ої|их|ому|ій|им|у|ими))(?!\w)", re.I)
