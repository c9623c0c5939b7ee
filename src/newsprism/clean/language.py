"""Language identification with lingua, restricted to a configured set of languages."""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from ..errors import ConfigError
from ..model import MetaField

_SAMPLE_CHARS = 3000


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]):
    try:
        langs = [IsoCode639_1.from_str(code) for code in languages]
    except ValueError as exc:
        raise ConfigError(f"unknown language code in {','.join(languages)}: {exc}") from None
    if len(langs) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*langs).with_preloaded_language_models().build()


def detect_language(text: str, languages: tuple[str, ...]) -> MetaField | None:
    sample = text[:_SAMPLE_CHARS]
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
