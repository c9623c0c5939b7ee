"""Ukrainian: words that make a tagged name a place."""

from __future__ import annotations

PLACE_SUFFIXES = frozenset({"область", "області", "областю", "край", "краю", "район", "району", "районі"})
LOCATIVE_WORDS = frozenset({"в", "у", "під", "біля", "з", "із"})
