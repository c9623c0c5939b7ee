"""Language packs: everything specific to one language, in one folder.

A pack is a package ``newsprism.languages.<code>`` (ISO 639-1) holding one module
per *concern* (``numbers``, ``dates``, ``speech``, ``residue``, ``metadata``,
``framing``, ``segment``, ``entities`` ...). The ``generic`` pack is the interface:
each of its concern modules defines every name a pack may provide for that concern,
with values that are safe for any language. A pack overrides what it knows; a
concern module it does not have, or a name its module does not define, falls back
to ``generic``::

    from newsprism.languages import pack
    pack("ru").speech.SPEECH_VERBS      # the Russian list
    pack("xx").speech.SPEECH_VERBS      # generic's (empty) list: degrade, never crash

Adding a language is a new folder plus one line in ``PACKS`` (docs/languages.md).
Third-party packages can register a pack with ``register_pack(code, "module.path")``.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType
from typing import Any

# The built-in packs: ISO code -> module path. One line per language.
PACKS: dict[str, str] = {
    "generic": "newsprism.languages.generic",
    "en": "newsprism.languages.en",
    "ru": "newsprism.languages.ru",
    "uk": "newsprism.languages.uk",
    "ko": "newsprism.languages.ko",
    "ja": "newsprism.languages.ja",
    "es": "newsprism.languages.es",
    "de": "newsprism.languages.de",
    "fr": "newsprism.languages.fr",
    "it": "newsprism.languages.it",
}


class _Concern:
    """One concern of one pack: attribute look-ups fall back to generic's module."""

    def __init__(self, lang: str, name: str, own: ModuleType | None, base: ModuleType):
        self._lang, self._name, self._own, self._base = lang, name, own, base

    def __getattr__(self, attr: str) -> Any:
        if self._own is not None and hasattr(self._own, attr):
            return getattr(self._own, attr)
        if hasattr(self._base, attr):
            return getattr(self._base, attr)
        raise AttributeError(f"language pack concern {self._name!r} has no {attr!r} "
                             f"(not in {self._lang!r} nor in generic)")

    def __repr__(self) -> str:
        return f"<language {self._lang}: {self._name}>"


class Pack:
    """What newsprism knows about one language; ``pack.<concern>.<NAME>``."""

    def __init__(self, code: str, module: str | None):
        self.code = code
        self.module = module            # None: no pack of its own, all generic

    @property
    def is_generic(self) -> bool:
        return self.module is None or self.code == "generic"

    def has(self, concern: str) -> bool:
        """True when this language has its own module for ``concern``."""
        return self.module is not None and _own(self.module, concern) is not None

    def __getattr__(self, concern: str) -> _Concern:
        if concern.startswith("_"):
            raise AttributeError(concern)
        base = _own(PACKS["generic"], concern)
        if base is None:
            raise AttributeError(f"no language concern {concern!r} (generic has no module for it)")
        own = _own(self.module, concern) if self.module and self.code != "generic" else None
        return _Concern(self.code, concern, own, base)

    def __repr__(self) -> str:
        return f"<language pack {self.code}{' (generic)' if self.is_generic else ''}>"


@lru_cache(maxsize=None)
def _own(module: str, concern: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{module}.{concern}")
    except ModuleNotFoundError as exc:
        if exc.name in (f"{module}.{concern}", module):
            return None
        raise


def register_pack(code: str, module: str) -> None:
    """Register (or replace) the pack for ``code``; a third party's language."""
    PACKS[code] = module
    pack.cache_clear()


@lru_cache(maxsize=None)
def pack(lang: str | None) -> Pack:
    """The pack for ``lang`` (any string, None included); unknown languages get generic."""
    code = (lang or "").split("-")[0].lower()
    return Pack(code or "generic", PACKS.get(code))


def languages() -> list[str]:
    """Codes of the languages with a pack of their own."""
    return sorted(c for c in PACKS if c != "generic")


def concerns() -> list[str]:
    """The concerns generic declares (one module each)."""
    import pkgutil
    gen = importlib.import_module(PACKS["generic"])
    return sorted(m.name for m in pkgutil.iter_modules(gen.__path__) if not m.name.startswith("_"))
