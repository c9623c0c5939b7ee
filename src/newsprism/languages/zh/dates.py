"""Chinese dates: 2024年10月3日, 去年10月, 10月3号 (read by the character reader of ``newsprism.claims.dates``)."""

from __future__ import annotations

import re

READER = "characters"
PATTERN = re.compile(r"(?:(?P<y>\d{4})年|(?P<rel>去年|今年|明年|昨年|来年|前年))"
                     r"(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号號])?)?|(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号號]")
YEAR_OFFSETS = {"去年": -1, "昨年": -1, "今年": 0, "明年": 1, "来年": 1, "前年": -2}
