"""German dates: month names (capitalised), "im letzten Jahr"."""

from __future__ import annotations

MONTH_WORDS = {'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember'}
MONTH_STEMS = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
               "dezember"]
MONTH_PREPOSITIONS = "im|seit|bis|ab|vom|zum|anfang|ende|mitte"
MONTH_CAPITALISED = True
YEAR_RELATIVE = [(-1, r"(?:im\s+)?(?:letzten|vergangenen)\s+Jahr(?:es)?|letztes\s+Jahr"),
                 (0, r"dieses\s+Jahr(?:es)?"),
                 (1, r"nächstes\s+Jahr|nächsten\s+Jahres")]
