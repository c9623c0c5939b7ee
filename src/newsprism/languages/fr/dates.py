"""French dates: month names, "l'année dernière"."""

from __future__ import annotations

MONTH_WORDS = {'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre',
               'décembre'}
MONTH_STEMS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
               "décembre"]
MONTH_PREPOSITIONS = "en|depuis|dès|jusqu'en|fin|début|mi"
YEAR_RELATIVE = [(-1, r"l'(?:année|an)\s+(?:dernière|dernier|passée)|de\s+l'(?:année|an)\s+(?:dernière|dernier|passée)"),
                 (0, r"cette\s+année"),
                 (1, r"l'année\s+prochaine")]
