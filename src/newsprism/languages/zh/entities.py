"""Chinese names: a person's name right after an office ("国会议员李成权", "外交部长王毅"), and that name again
wherever the text repeats it ("李成权表示"). No spaces or capitals mark a name in Chinese, so the office is the cue;
a transliterated foreign name joins its parts with "·" ("谢尔盖·拉夫罗夫").
"""

from __future__ import annotations

import re

# offices written right before a person's name
TITLES_BEFORE_NAME = frozenset({
    "议员", "国会议员", "众议员", "参议员", "部长", "外长", "外交部长", "国防部长", "总统", "副总统", "总理", "首相", "主席",
    "发言人", "大使", "司令", "司令官", "将军", "局长", "院长", "委员长", "领导人", "国务卿", "秘书长", "总书记", "议长",
    "主任", "处长", "教授", "记者", "上将", "中将", "少将", "总参谋长", "参谋长", "防长",
})
_HAN = r"\u4e00-\u9fff"
_TITLE = "|".join(sorted(TITLES_BEFORE_NAME, key=len, reverse=True))
# a name ends where a parenthesis, punctuation, a space or a reporting or locating word follows it
_END = r"(?=[（(，,。：:；;、“「\s]|表示|说|称|指出|透露|认为|强调|对|在|今天|昨天|曾|也|还|则|向|于|等|和|与|$)"
_NAME = re.compile(rf"(?:{_TITLE})(?P<n>[{_HAN}]{{2,8}}·[{_HAN}]{{2,8}}|[{_HAN}]{{2,3}}?){_END}")


def titled_names(text: str) -> list[tuple[int, int, str, str]] | None:
    """Persons named after an office, and each later mention of the same name: (start, end, "PERSON", "person")."""
    names = {m.group("n") for m in _NAME.finditer(text)}
    out = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if not any(s < m.end() and m.start() < e for s, e, *_ in out):
                out.append((m.start(), m.end(), "PERSON", "person"))
    return sorted(out)
