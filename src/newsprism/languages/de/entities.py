"""German: words before a capitalised name that make it a person (no statistical tagger runs for German)."""

from __future__ import annotations

TITLES_BEFORE_NAME = frozenset(
    "abgeordnete abgeordneter abgeordneten parlamentarier parlamentarierin präsident präsidentin "
    "staatschef staatschefin kremlchef regierungschef regierungschefin minister ministerin außenminister "
    "außenministerin verteidigungsminister verteidigungsministerin sprecher sprecherin general oberst "
    "kommandeur chef chefin direktor direktorin botschafter botschafterin bürgermeister bürgermeisterin "
    "gouverneur senator senatorin machthaber herr frau".split())
