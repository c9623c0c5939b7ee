"""Spanish: words before a capitalised name that make it a person (no statistical tagger runs for Spanish)."""

from __future__ import annotations

TITLES_BEFORE_NAME = frozenset(
    "diputado diputada diputados parlamentario parlamentaria parlamentarios legislador legisladora senador "
    "senadora presidente presidenta ministro ministra canciller portavoz vocero vocera general coronel "
    "comandante jefe jefa director directora embajador embajadora alcalde alcaldesa gobernador gobernadora "
    "secretario secretaria líder mandatario primer-ministro sr. sra. don doña".split())
