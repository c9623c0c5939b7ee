"""Polish dates: month names by stem, "w zeszłym roku"."""

from __future__ import annotations

MONTH_STEMS = ["stycz", "lut", "mar[cz]", "kwie", "maj", "czerw", "lip", "sierp", "wrze", "październik|paździer",
               "listopad", "grud"]
MONTH_PREPOSITIONS = "w|we|od|do"
YEAR_RELATIVE = [(-1, r"(?:w\s+)?zeszłym\s+roku|zeszłego\s+roku"),
                 (0, r"(?:w\s+)?tym\s+roku|tego\s+roku"),
                 (1, r"(?:w\s+)?przyszłym\s+roku")]
