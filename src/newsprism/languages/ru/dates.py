"""Russian dates: month names in any case form, "в прошлом году", "вчера", "осенью прошлого года". Russian and
Ukrainian texts quote each other, so the short relative words and seasons below hold both languages' forms."""

from __future__ import annotations

import re

MONTH_WORDS = {'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября',
               'ноября', 'декабря',
               # agency date lines abbreviate them: "МОСКВА, 9 дек - РИА Новости"
               'янв', 'фев', 'февр', 'апр', 'авг', 'сент', 'окт', 'нояб', 'дек'}
MONTH_STEMS = ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
MONTH_PREPOSITIONS = "в|во|с|до|к|по|на"
YEAR_RELATIVE = [(-1, r"(?:в\s+)?прошл(?:ом|ого)\s+год[ау]"),
                 (0, r"(?:в\s+)?(?:этом|текущем)\s+году|(?:этого|текущего)\s+года"),
                 (1, r"(?:в\s+)?следующем\s+году|следующего\s+года")]
SHORT_RELATIVE = [("day", -1, r"вчера|вчора"), ("day", 0, r"сегодня|сьогодні"),
                  ("week", -1, r"на\s+прошлой\s+неделе|минулого\s+тижня|на\s+минулому\s+тижні"),
                  ("week", 0, r"на\s+этой\s+неделе|цього\s+тижня"),
                  ("month", -1, r"в\s+прошлом\s+месяце|в\s+минулому\s+місяці|минулого\s+місяця"),
                  ("month", 0, r"в\s+этом\s+месяце|цього\s+місяця")]
SEASON_STEMS = {"весн": "SP", "навесн": "SP", "лет": "SU", "літ": "SU", "осен": "FA", "восени": "FA", "зим": "WI",
                "взимку": "WI"}
SEASON_RE = re.compile(r"(?<!\w)(?P<s>весной|весною|навесні|летом|влітку|улітку|осенью|восени|зимой|взимку|узимку)"
                       r"(?:\s+(?P<y>(?:19|20)\d{2})\s*(?:года|року)?)?", re.IGNORECASE)
RELATION_WORDS = {"с": "since", "до": "until"}
# a date that says when something began, and the relative clauses a date can sit in (generic/dates.py)
START_BEFORE = re.compile(r"(?<!\w)(?:начал\w*|начавш\w*|начат\w*|разразил\w*|развязан\w*|стартовал\w*"
                          r"|(?:начала|начале|старта)\s+(?:\w+\s+){0,2}?)\s*(?:в|во|с)?\s*$", re.I)
RELATIVE_OPEN = re.compile(r",\s*(?:котор(?:ый|ая|ое|ые|ого|ой|ых|ом|ым|ую|ыми))(?!\w)", re.I)
