"""English search normalisation: the Snowball English stemmer (liberated, liberation -> liber)."""

from functools import lru_cache

import snowballstemmer

SCRIPTS = frozenset({"latin"})
_STEM = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    return _STEM.stemWord(word)
