"""Ukrainian search normalisation: the pymorphy3 Ukrainian lemma (Харкові -> харків)."""

from functools import lru_cache

SCRIPTS = frozenset({"cyrillic"})
_MORPH = None


def _morph():
    global _MORPH
    if _MORPH is None:
        import pymorphy3
        _MORPH = pymorphy3.MorphAnalyzer(lang="uk")
    return _MORPH


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    parses = _morph().parse(word)
    return parses[0].normal_form if parses else word
