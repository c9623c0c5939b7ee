"""Ukrainian search normalisation: the pymorphy3 Ukrainian lemma (Харкові -> харків)."""

from functools import lru_cache

from .._text import morph_analyzer

SCRIPTS = frozenset({"cyrillic"})


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    parses = morph_analyzer("uk").parse(word)
    return parses[0].normal_form if parses else word
