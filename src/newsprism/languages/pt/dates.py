"""Portuguese dates: month names, "o ano passado"."""

from __future__ import annotations

MONTH_STEMS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
               "novembro", "dezembro"]
MONTH_PREPOSITIONS = "em|desde|até|de"
YEAR_RELATIVE = [(-1, r"(?:do\s+|o\s+)?ano\s+passado"),
                 (0, r"(?:deste\s+|este\s+)ano")]
DAY_MONTH_JOINERS = {"de"}   # "15 de diciembre": the day of a date
