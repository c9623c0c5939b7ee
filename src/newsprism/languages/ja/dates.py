"""Japanese dates: written like Chinese ones (2024年10月3日, 昨年10月); the same patterns."""

from __future__ import annotations

from ..zh.dates import PATTERN, YEAR_OFFSETS  # noqa: F401

READER = "characters"
