"""Chinese numbers: what ``newsprism.claims`` reads in Chinese text (the names are declared in
``languages/generic/numbers.py``)."""

from __future__ import annotations

import re

HEDGES_BEFORE = {'约': ['~', 'about'], '大约': ['~', 'about'], '约有': ['~', 'about'], '超过': ['>', 'more than'],
                 '逾': ['>', 'more than'], '至少': ['>=', 'at least'], '近': ['~', 'nearly'], '将近': ['~', 'nearly'],
                 '接近': ['~', 'nearly'], '多达': ['<=', 'up to']}

HEDGES_AFTER = {'多': ['>', 'more than'], '余': ['>', 'more than'], '餘': ['>', 'more than'], '以上': ['>=', 'at least'],
                '左右': ['~', 'about'], '上下': ['~', 'about']}

# vague multiples in Han, read in every text (Japanese writes 数千, 数百, 数十 the same way): "数千人" (several
# thousand), "上千名" (a thousand and more), "十几名" (a dozen or so), as "several thousand" and "dozens" are in English;
# longer phrases first
VAGUE = [('数以百万计', 1e6, 1e7), ('数以十万计', 1e5, 1e6), ('数以万计', 1e4, 1e5), ('数以千计', 1e3, 1e4),
         ('数以百计', 100, 1000), ('成千上万', 1e3, 1e5), ('成百上千', 100, 1e4),
         ('[数數几幾]十万', 1e5, 1e6), ('[数數几幾]十萬', 1e5, 1e6), ('[数數几幾]百万', 1e6, 1e7), ('[数數几幾]百萬', 1e6, 1e7),
         ('[数數几幾]千万', 1e7, 1e8), ('[数數几幾]千萬', 1e7, 1e8), ('[数數几幾][万萬]', 1e4, 1e5),
         ('[数數几幾]千', 1e3, 1e4), ('[数數几幾]百', 100, 1000), ('[数數几幾]十', 10, 100), ('十[数數几幾]', 11, 19),
         ('上[万萬]', 1e4, 1e5), ('上千', 1e3, 1e4), ('上百', 100, 1000)]

RANGE_WORDS = {"至", "到"}   # "1万至1.2万名": from 10,000 to 12,000

PLACE_SMALL = {"十": 10.0, "百": 100.0, "千": 1000.0}
DIGIT_CHARS = {'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
PLACE_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
PLACE_MORE = "多余餘"
DATE_SUFFIX = r"\s?[年月日時时分秒号號]"
NO_SPACES = True
_COUNTED = re.compile(r"\s?([名人个個位架辆輛枚发發艘座所家件]?)((?:[\u4e00-\u9fff]){0,4})")
_PERSON = {"名", "人", "位"}
_HEDGE_IN = re.compile(r"以上|以下|余|餘|多|左右|程度|超|未満")


def counted_by_character(text: str, pos: int) -> tuple[str, str, int] | None:
    """A measure word and up to four Han characters ("名朝鲜士兵"), no word segmenter."""
    m = _COUNTED.match(text, pos)
    if m and not m.group(1) and m.group(2).startswith("的") and len(m.group(2)) > 1:
        m = _COUNTED.match(text, m.start(2) + 1)            # "成千上万的士兵": the soldiers, not "的士兵"
    if not m or not (m.group(1) or m.group(2)):
        return None
    han = m.group(2)
    cut = _HEDGE_IN.search(han)
    if cut:
        han = han[:cut.start()]                             # "人以上": 以上 is a hedge, not the noun
    noun = han or m.group(1)
    if not noun:
        return None
    head = "person" if m.group(1) in _PERSON and not han else noun
    return m.group(1) + han, head, m.start(2) + len(han)

# numbers that are not claims (see generic)
ORDINAL_BEFORE = r"第\s?$"
AGO = r"(?:周|天|个月|個月|年|小时|小時)前"
COUNTER_AFTER = r"(?:多|余|餘)?(?:名|人|位|枚|发|發|艘|架|辆|輛|件)"   # "2000名", "2000人": a year is "2000年"
AGE = [("", r"岁|歲|周岁")]
