"""Russian search normalisation: the pymorphy3 lemma, then the Snowball Russian stem of it.

The lemma undoes inflection the stemmer cannot (шёл -> идти); the stem of the lemma joins a
place and its adjective, which are separate lemmas (Курск, Курской области -> курск).
"""

from functools import lru_cache

import snowballstemmer

from .._text import morph_analyzer

SCRIPTS = frozenset({"cyrillic"})
_STEM = snowballstemmer.stemmer("russian")


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    parses = morph_analyzer("ru").parse(word)
    lemma = parses[0].normal_form if parses else word
    return _STEM.stemWord(lemma.replace("ё", "е"))
