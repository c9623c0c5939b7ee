"""Spanish dates: month names, "el año pasado"."""

from __future__ import annotations

MONTH_WORDS = {'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
               'noviembre', 'diciembre'}
MONTH_STEMS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
               "noviembre", "diciembre"]
MONTH_PREPOSITIONS = "en|desde|hasta|de"
YEAR_RELATIVE = [(-1, r"(?:del\s+|el\s+)?año\s+pasado"),
                 (0, r"(?:de\s+)?este\s+año"),
                 (1, r"(?:el\s+)?año\s+próximo|el\s+próximo\s+año")]
DAY_MONTH_JOINERS = {"de"}   # "15 de diciembre": the day of a date
