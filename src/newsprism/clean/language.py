"""Language identification with lingua, restricted to a configured set of languages.

Restricting lingua to the languages a project expects (``settings.languages``) makes it
both more accurate and far lighter than all-languages mode (about 1.4 GB). The detector
is built once per process and language set; its models load lazily, on first need.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from ..errors import ConfigError
from ..model import MetaField

# Long texts are judged on three windows (start, middle, end): a headline or a foreign
# dateline at the top cannot decide alone, and the cost stays flat (~1,000 docs/s).
_WINDOW = 400
_WHOLE_UP_TO = 3 * _WINDOW


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]):
    try:
        langs = [IsoCode639_1.from_str(code) for code in languages]
    except ValueError as exc:
        raise ConfigError(f"unknown language code in {','.join(languages)}: {exc}") from None
    if len(set(langs)) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*langs).build()


def detect_language(text: str, languages: tuple[str, ...]) -> MetaField | None:
    """The text's dominant language among ``languages``; None when it has no letters."""
    sample = _sample(text)
    if not any(ch.isalpha() for ch in sample):
        return None
    det = _detector(tuple(languages))
    if det is None:
        return MetaField(languages[0], "config:single-language", 1.0)
    values = det.compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return MetaField(code, "lingua", round(float(best.value), 3))


def _sample(text: str) -> str:
    if len(text) <= _WHOLE_UP_TO:
        return text
    mid = len(text) // 2 - _WINDOW // 2
    return " ".join(_words_within(text, at, at + _WINDOW) for at in (0, mid, len(text) - _WINDOW))


def _words_within(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without the words cut in half at either edge."""
    if start > 0 and not text[start - 1].isspace():
        cut = text.find(" ", start, end)
        start = cut + 1 if cut != -1 else start
    if end < len(text) and not text[end].isspace():
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    return text[start:end]
