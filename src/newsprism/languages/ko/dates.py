"""Korean dates: 2024년 10월 3일, 지난해 10월, 어제, 3년 전, 작년 가을 (read by the Korean reader of
``newsprism.claims.dates``)."""

from __future__ import annotations

import re

READER = "korean"
PATTERN = re.compile(r"(?:(?P<ky>\d{4})년\s*|(?P<krel>지난해|작년|올해|올|내년)\s*)?(?P<km>\d{1,2})월(?:\s*(?P<kd>\d{1,2})일)?"
                     r"|(?P<kyear>\d{4})년|(?P<kr2>지난해|작년|올해|내년)")
SHORT = re.compile(r"(?P<yday>어제|그제)|(?P<lw>지난주|지난 주)|(?P<tw>이번 주|이번주)|(?P<lm>지난달|지난 달)|(?P<tm>이번 달|이번달)"
                   r"|(?P<n>\d{1,3})\s?(?P<u>년|개월|달|주|일)\s?전"
                   r"|(?P<rel>지난해|작년|올해|내년)\s?(?P<s>봄|여름|가을|겨울)")
SEASON_CODES = {"봄": "SP", "여름": "SU", "가을": "FA", "겨울": "WI"}
YEAR_OFFSETS = {"지난해": -1, "작년": -1, "올해": 0, "올": 0, "내년": 1}
AGO_UNITS = {"년": "year", "개월": "month", "달": "month", "주": "week", "일": "day"}
RELATION_WORDS = {"이후": "after", "부터": "since", "까지": "until"}
# a day of the month alone: "지난 13일" (the 13th just past), "오는 5일" (the coming 5th); not "13일간", "3일 전"
DAY = re.compile(r"(?:(?P<dl>지난|오는|이달|이번\s?달)\s*)?(?<![\d.])(?P<d>\d{1,2})일(?!\s?(?:간|동안|전|후|째|만에|만|여|이상|정도|가량))")
# a date that says when something began (generic/dates.py): "2023년 10월 시작된 전쟁", "10월에 발발한"; Korean
# relative clauses stand before their noun with no comma, so only the start-date construction is read
START_AFTER = re.compile(r"^\s*(?:에\s*|부터\s*)?(?:시작|발발|개시|촉발|개전)(?:된|한|됐|되|했)")
