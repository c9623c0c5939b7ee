"""Shared per-document context: what several stages read, computed once per document, in batches.

A stage declares what it consumes (``document_stage(..., consumes=("spacy:en",))``);
the owner of that context registers a *provider* once::

    register_context("spacy:en", prefetch_english, wants=lambda doc: doc.language == "en")

Before a batch of documents goes through its stages, the engine calls each provider
that a stage to be run consumes, once, with the batch's documents that it wants
(``prefetch(documents)``). The provider computes its context for all of them at once
(spaCy's ``nlp.pipe``, an encoder's batch) and keeps it where the stages already look
for it (the parse cache of ``voices.models``), so the stages' own code is unchanged and
a stage run alone, without the engine, computes the same thing itself.

``release`` (optional) drops what the batch no longer needs, so memory is bounded by the
batch, not the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..model import Document


@dataclass(frozen=True)
class ContextProvider:
    name: str
    prefetch: Callable[[Sequence[Document]], None]
    wants: Callable[[Document], bool] = lambda doc: True
    release: Callable[[Sequence[Document]], None] | None = None


_PROVIDERS: dict[str, ContextProvider] = {}


def register_context(name: str, prefetch: Callable[[Sequence[Document]], None], *,
                     wants: Callable[[Document], bool] | None = None,
                     release: Callable[[Sequence[Document]], None] | None = None) -> ContextProvider:
    """Declare how context ``name`` is computed for a batch of documents (last registration wins)."""
    prov = ContextProvider(name, prefetch, wants or (lambda doc: True), release)
    _PROVIDERS[name] = prov
    return prov


def providers() -> dict[str, ContextProvider]:
    return dict(_PROVIDERS)


def prefetch(names: Iterable[str], docs: Sequence[Document]) -> list[tuple[ContextProvider, list[Document]]]:
    """Compute the named contexts for ``docs``; returns what ``release`` needs afterwards.

    A provider that fails is skipped: each stage then computes its own context as before,
    and a real fault shows up as that stage's failure on that document, not the batch's."""
    done = []
    for name in dict.fromkeys(names):
        prov = _PROVIDERS.get(name)
        if prov is None:
            continue
        wanted = [d for d in docs if prov.wants(d)]
        if not wanted:
            continue
        try:
            prov.prefetch(wanted)
        except Exception:  # noqa: BLE001 - the stages fall back to computing it themselves
            pass
        done.append((prov, wanted))
    return done


def release(done: list[tuple[ContextProvider, list[Document]]]) -> None:
    for prov, wanted in done:
        if prov.release is not None:
            prov.release(wanted)
