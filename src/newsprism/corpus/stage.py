"""The corpus-stage contract: derived tables computed over the whole store.

A corpus stage reads documents and spans from the store and writes its own
tables (actor clusters, claim groups, narratives ...)::

    @corpus_stage("actors", version="1", requires=("entities",))
    def actors(store: Store, settings: Settings, ctx: CorpusContext) -> dict: ...

``requires`` names the document stages whose results it reads. The runner
fingerprints those results (each document's stage version and text hash) with
the stage's own version and the fingerprints of the corpus stages it follows;
a stage whose output depends on a setting (a case file) names it with ``version_of``, a function of the
run's settings that gives the version in force, so a setting given in code re-runs the stage as one given in
the environment does;
when nothing changed the stage is skipped. ``ctx.changed_docs`` lists the
documents whose inputs changed since the last successful run (all of them on a
first run), so a stage can be incremental; ``ctx.previous`` is the summary the
last run returned. The function returns a JSON-serialisable summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..plugins import register_corpus_stage


@dataclass
class CorpusContext:
    changed_docs: list[str] = field(default_factory=list)
    previous: dict[str, Any] | None = None
    full: bool = True          # True on a first run or a version change: rebuild everything
    # documents of the last successful run that are no longer in the store (their rows cascaded away)
    removed_docs: list[str] = field(default_factory=list)
    # the stage may call progress(n) as it gets through n of changed_docs (the bar's docs/s and time left)
    progress: Callable[[int], None] = field(default=lambda n=1: None, repr=False, compare=False)


CorpusFn = Callable[..., dict]


@dataclass(frozen=True)
class CorpusStage:
    name: str
    version: str
    fn: CorpusFn
    requires: tuple[str, ...] = ()          # document stages read
    after: tuple[str, ...] = ()             # corpus stages whose tables it reads
    description: str = ""
    version_of: Callable[[Any], str] | None = None     # settings -> the version in force, when a setting counts

    def version_for(self, settings: Any) -> str:
        """The stage's version under ``settings``: ``version``, or what ``version_of`` makes of the settings."""
        return self.version if self.version_of is None else self.version_of(settings)


def corpus_stage(name: str, *, version: str, requires: tuple[str, ...] = (),
                 after: tuple[str, ...] = (), register: bool = True,
                 version_of: Callable[[Any], str] | None = None) -> Callable[[CorpusFn], CorpusStage]:
    def wrap(fn: CorpusFn) -> CorpusStage:
        desc = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""
        stage = CorpusStage(name, version, fn, tuple(requires), tuple(after), desc, version_of)
        if register:
            register_corpus_stage(stage)
        return stage
    return wrap
