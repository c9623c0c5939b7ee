"""Russian search normalisation: the pymorphy3 lemma, then the Snowball Russian stem of it.

The lemma undoes inflection the stemmer cannot (шёл -> идти); the stem of the lemma joins a
place and its adjective, which are separate lemmas (Курск, Курской области -> курск).
"""

from functools import lru_cache

import snowballstemmer

SCRIPTS = frozenset({"cyrillic"})
_STEM = snowballstemmer.stemmer("russian")
_MORPH = None


def _morph():
    global _MORPH
    if _MORPH is None:
        import pymorphy3
        _MORPH = pymorphy3.MorphAnalyzer(lang="ru")
    return _MORPH


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    parses = _morph().parse(word)
    lemma = parses[0].normal_form if parses else word
    return _STEM.stemWord(lemma.replace("ё", "е"))
