"""French: words before a capitalised name that make it a person (no statistical tagger runs for French)."""

from __future__ import annotations

TITLES_BEFORE_NAME = frozenset(
    "député députée députés parlementaire parlementaires sénateur sénatrice président présidente ministre "
    "porte-parole général colonel commandant chef directeur directrice ambassadeur ambassadrice maire "
    "gouverneur secrétaire dirigeant dirigeante m. mme dirigeants".split())
