"""English dates: month names, the date grammar the English reader resolves (``newsprism.claims.dates``),
relative words. The names are declared in ``languages/generic/dates.py``."""

from __future__ import annotations

import re

READER = "english"
MONTH_WORDS = {'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
               'november', 'december', 'jan', 'jan.', 'feb', 'feb.', 'mar', 'mar.', 'apr', 'apr.', 'jun', 'jun.',
               'jul', 'jul.', 'aug', 'aug.', 'sep', 'sep.', 'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec',
               'dec.'}
MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}

MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
PATTERN = re.compile(
    rf"(?P<ago>(?:(?P<ago_m>{MONTH_RE})\s+)?\b(?P<ago_n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,3}})"
    r"\s+(?P<ago_u>day|week|month|year)s?\s+ago\b)"
    rf"|(?P<md>(?:(?:early|mid|late)[\s-])?\b{MONTH_RE}\s+(?P<md_d>\d{{1,2}})\b(?:st|nd|rd|th)?(?:,?\s+(?P<md_y>\d{{4}}))?)"
    rf"|(?P<dm>\b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?:,?\s+(?P<dm_y>\d{{4}}))?)"
    rf"|(?P<my>(?:(?P<my_mod>early|mid|late)[\s-])?\b(?P<my_m>{MONTH_RE})(?![A-Za-z])(?:\s+(?:of\s+)?(?P<my_y>\d{{4}}|last\s+year|this\s+year|next\s+year))?)"
    r"|(?P<wd>\b(?:last\s+|this\s+|on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|(?P<rel>\b(?:(?:earlier|later|late|early)\s+(?:this|last|next)\s+(?:year|month|week)|(?:last|this|next|past)\s+(?:year|month|week)|yesterday|today|tomorrow)\b)"
    r"|(?P<season>\b(?:(?P<s_rel>last|this|next|past)\s+)?(?P<s_name>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<s_y>\d{4}))?\b)"
    r"|(?P<juche>\bJuche\s+(?P<jy>\d{1,3})(?:\s*\(\s*(?P<jg>\d{4})\s*\))?)"
    r"|(?P<year>\b(?:(?:early|mid|late)[\s-])?(?<![\d,.$])(?P<y>(?:19|20)\d{2})(?!\d|s\b|,\d))",
    re.IGNORECASE)
# KCNA's calendar: "Oct. 4, Juche 104 (2015)", "May Juche 106 (2017)", "Juche 113". Juche year n = n + 1911.
JUCHE_TAIL = re.compile(r",?\s*Juche\s+(?P<jy>\d{1,3})(?:\s*\(\s*(?P<jg>\d{4})\s*\))?", re.IGNORECASE)
# words just before a bare month that make it the coming one ("will be held in December", "scheduled for May")
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|to\s+be|scheduled|planned|plans?\s+to|set\s+to|due|expected\s+to|upcoming"
                            r"|slated|until)\b[^.;]{0,30}$", re.I)
RELATION_WORDS = {"since": "since", "until": "until", "till": "until", "before": "before", "after": "after",
                  "from": "since", "by": "by"}
# a date that says when something began, and the relative clauses a date can sit in (generic/dates.py)
START_BEFORE = re.compile(r"\b(?:began|begun|begin|begins|started|start|starts|broke\s+out|erupted|launched|opened|commenced"
                          r"|(?:start|beginning|outbreak|launch)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?)"
                          r"\s*(?:in|on|at)?\s*(?:early\s+|mid-?\s*|late\s+)?$", re.I)
RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whom|whose|that)\b", re.I)
