"""Korean words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

import re

# Korean nouns take particles, not inflections: a stem found anywhere in the phrase's words names a group
GROUP_STEMS = (r"정보원|정보당국|정보 당국|당국|정부|국방부|외교부|합참|군\b|관계자|소식통|의원|전문가|분석가|매체|언론|"
               r"통신|방송|위원회|사령부|대변인")
CONTINUATION = re.compile(r"^\s*(?:이\s*중|그중|그\s*가운데|이\s*가운데|또한?|아울러|이와\s*함께|이어)\b")
DISPUTE_CUES = re.compile(r"사실이\s*아니|사실과\s*다르|부인했|부인하|반박했|반박하|일축했|일축하|가짜\s*뉴스|허위")
