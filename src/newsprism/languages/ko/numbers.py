"""Korean numbers: what ``newsprism.claims`` reads in Korean text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

import re

HEDGES_BEFORE = {'약': ['~', 'about'], '대략': ['~', 'about'], '최소': ['>=', 'at least'], '적어도': ['>=', 'at least'],
                 '최대': ['<=', 'up to'], '무려': ['=', 'as many as']}

HEDGES_AFTER = {'여': ['>', 'more than'], '이상': ['>=', 'at least'], '이하': ['<=', 'up to'], '미만': ['<', 'less than'],
                '가량': ['~', 'about'], '정도': ['~', 'about'], '쯤': ['~', 'about'], '넘는': ['>', 'more than'],
                '넘게': ['>', 'more than']}

VAGUE = [('수십만', 100000.0, 1000000.0), ('수백만', 1000000.0, 10000000.0), ('수천만', 10000000.0, 100000000.0),
 ('수십', 10, 100), ('수천', 1000, 10000), ('수만', 10000.0, 100000.0), ('수백', 100, 1000)]

MULTIPLES = {'두 배': 2, '세 배': 3, '네 배': 4}

PLACE_SMALL = {"십": 10.0, "백": 100.0, "천": 1000.0}
PLACE_BIG = {"만": 1e4, "억": 1e8, "조": 1e12}
DATE_SUFFIX = r"\s?(?:년|월|일|시|분|초)(?!간)"
RANGE_WORDS = {"에서", "내지"}
SHARE_RE = re.compile(r"(?P<den>\d{1,3})\s?분의\s?(?P<num>\d{1,3})|(?P<half>절반)")
MULTIPLE_RE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?배(?=\s|로|나|가|에|$|[.,])")
SHARE_HEDGE_AFTER = re.compile(r"\s?(가량|정도|쯤|이상|여)")

# numbers that are not claims (see generic)
ORDINAL_BEFORE = r"제\s?$"
NAMED_UNIT_AFTER = r"\s?(?:군단|사단|여단|연대|대대|중대|함대|기동군단|전투비행단|비행단)"
AGO = r"\s?전(?![가-힣])"
CALIBRE_UNITS = {"mm", "밀리"}
