"""Italian dates: month names, "l'anno scorso"."""

from __future__ import annotations

MONTH_WORDS = {'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre',
               'dicembre'}
MONTH_STEMS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
               "novembre", "dicembre"]
MONTH_PREPOSITIONS = "a|in|da|fino|di"
YEAR_RELATIVE = [(-1, r"(?:dell'|l')anno\s+scorso"),
                 (0, r"quest'anno"),
                 (1, r"l'anno\s+prossimo")]
