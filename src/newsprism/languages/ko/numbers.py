"""Korean numbers: what ``newsprism.claims`` reads in Korean text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

import re

HEDGES_BEFORE = {'약': ['~', 'about'], '대략': ['~', 'about'], '최소': ['>=', 'at least'], '적어도': ['>=', 'at least'],
                 '최대': ['<=', 'up to'], '무려': ['=', 'as many as']}

HEDGES_AFTER = {'여': ['>', 'more than'], '이상': ['>=', 'at least'], '이하': ['<=', 'up to'], '미만': ['<', 'less than'],
                '가량': ['~', 'about'], '정도': ['~', 'about'], '쯤': ['~', 'about'], '넘는': ['>', 'more than'],
                '넘게': ['>', 'more than']}

HEDGE_ENDINGS = r"(?:이라며|이라고|이라는|이다|이며|이고|으로|이|가|은|는|을|를|의|에|로|도|만|씩)"   # "10명 이상이"

VAGUE = [('수십만', 100000.0, 1000000.0), ('수백만', 1000000.0, 10000000.0), ('수천만', 10000000.0, 100000000.0),
 ('수십', 10, 100), ('수천', 1000, 10000), ('수만', 10000.0, 100000.0), ('수백', 100, 1000)]

MULTIPLES = {'두 배': 2, '세 배': 3, '네 배': 4}

PLACE_SMALL = {"십": 10.0, "백": 100.0, "천": 1000.0}
PLACE_BIG = {"만": 1e4, "억": 1e8, "조": 1e12}
PLACE_MORE = "여"
HEDGES_ATTACHED = {'여': ['>', 'more than']}
DATE_SUFFIX = r"\s?(?:년|월|일|시|분|초)(?!간)"
RANGE_WORDS = {"에서", "내지"}
SHARE_RE = re.compile(r"(?P<den>\d{1,3})\s?분의\s?(?P<num>\d{1,3})|(?P<half>절반)")
MULTIPLE_RE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?배(?=\s|로|나|가|에|$|[.,])")
SHARE_HEDGE_AFTER = re.compile(r"\s?(가량|정도|쯤|이상|여)")

# numbers that are not claims (see generic)
ORDINAL_BEFORE = r"제\s?$"
NAMED_UNIT_AFTER = r"\s?(?:군단|사단|여단|연대|대대|중대|함대|기동군단|전투비행단|비행단)"
AGO = r"\s?전(?![가-힣])"
COUNTER_AFTER = r"(?:여\s?)?(?:명|발|척|곳|개국)"   # "2000명", "2000여 명": attached to the digits; a year is "2000년"

# native numerals before a counter: "열 명", "스무 명", "세 차례" (read only before a counter: "열 수" is "can open")
_NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80,
                "아흔": 90}
_NATIVE_ONES = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "넉": 4, "다섯": 5,
                "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_NATIVE = re.compile(
    r"(?<![\w])(?P<tens>열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)?(?P<ones>한|두|세|네|다섯|여섯|일곱|여덟|아홉)?"
    r"(?=\s(?:명|발|척|곳|개|대|차례|번|가지|개국|개월)(?!째|[가-힣]*째))")


def scaled_phrases(text: str) -> list[tuple[int, int, float, float]]:
    """Native Korean numerals before a counter ("열 명" is ten people, "스무 명" twenty)."""
    out = []
    for m in _NATIVE.finditer(text):
        if m.end() == m.start():
            continue
        value = _NATIVE_TENS.get(m.group("tens") or "", 0) + _NATIVE_ONES.get(m.group("ones") or "", 0)
        out.append((m.start(), m.end(), float(value), 1.0))
    return out
AGE = [("", r"\s?(?:세|살)(?![가-힣]{2})(?!대)")]   # "18세", "18살의": an age ("3세대" is a generation)
TEMPERATURE = r"\s?(?:℃|도(?![시민내청로]))"         # "영하 10도", "35℃"
CALIBRE_UNITS = {"mm", "밀리", "㎜"}
