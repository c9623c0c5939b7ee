"""Japanese numbers: what ``newsprism.claims`` reads in Japanese text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

from ..zh.numbers import counted_by_character  # noqa: F401  (the same measure words and Han nouns)

HEDGES_BEFORE = {'約': ['~', 'about'], 'およそ': ['~', 'about'], '少なくとも': ['>=', 'at least'], '最大': ['<=', 'up to'],
                 '最大で': ['<=', 'up to']}

HEDGES_AFTER = {'以上': ['>=', 'at least'], '余り': ['>', 'more than'], '超': ['>', 'more than'], '程度': ['~', 'about'],
                'を超える': ['>', 'more than'], 'を上回る': ['>', 'more than'], '前後': ['~', 'about']}

RANGE_WORDS = {"から"}   # "1万から1万2000人": from 10,000 to 12,000 (数千, 数百, 数十 are zh's VAGUE, read in every text)


PLACE_SMALL = {"十": 10.0, "百": 100.0, "千": 1000.0}
DIGIT_CHARS = {'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
PLACE_BIG = {"万": 1e4, "萬": 1e4, "億": 1e8, "兆": 1e12}
DATE_SUFFIX = r"\s?[年月日時时分秒号號]"
NO_SPACES = True

# numbers that are not claims (see generic)
ORDINAL_BEFORE = r"第\s?$"
AGO = r"(?:週間|日|か月|ヶ月|カ月|年|時間)前"
COUNTER_AFTER = r"(?:多|余|餘)?(?:名|人|位|枚|发|發|艘|架|辆|輛|件)"   # "2000名", "2000人": a year is "2000年"
AGE = [("", r"歳")]
