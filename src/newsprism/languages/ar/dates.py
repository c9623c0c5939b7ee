"""Arabic dates: month names, "العام الماضي"."""

from __future__ import annotations

MONTH_STEMS = ["يناير", "فبراير", "مارس", "أبريل|ابريل", "مايو", "يونيو", "يوليو", "أغسطس|اغسطس", "سبتمبر", "أكتوبر|اكتوبر",
               "نوفمبر", "ديسمبر"]
MONTH_PREPOSITIONS = "في|منذ|حتى"
YEAR_RELATIVE = [(-1, r"العام\s+الماضي"),
                 (0, r"هذا\s+العام")]
