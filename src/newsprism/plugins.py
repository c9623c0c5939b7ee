"""The public extension point: readers, document stages and exporters.

Built-in parts register here exactly as a third-party package would, through
``register_*`` or the entry-point groups ``newsprism.readers``,
``newsprism.stages``, ``newsprism.corpus_stages`` and ``newsprism.exporters``
(each entry point names an object that is a Reader, Stage, CorpusStage or Exporter).
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pragma: no cover
    from .analyze.stage import Stage

_READERS: dict[str, Any] = {}
_STAGES: dict[str, "Stage"] = {}
_EXPORTERS: dict[str, Any] = {}
_CORPUS_STAGES: dict[str, Any] = {}
_loaded = False


def register_reader(reader: Any) -> Any:
    _READERS[reader.name] = reader
    return reader


def register_stage(stage: "Stage") -> "Stage":
    _STAGES[stage.name] = stage
    return stage


def register_corpus_stage(stage: Any) -> Any:
    _CORPUS_STAGES[stage.name] = stage
    return stage


def register_exporter(exporter: Any) -> Any:
    _EXPORTERS[exporter.name] = exporter
    return exporter


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    # Built-ins first: importing these modules registers them.
    from . import analyze, corpus, export, ingest  # noqa: F401
    for group, register in (("newsprism.readers", register_reader),
                            ("newsprism.stages", register_stage),
                            ("newsprism.corpus_stages", register_corpus_stage),
                            ("newsprism.exporters", register_exporter)):
        for ep in metadata.entry_points(group=group):
            register(ep.load())


def readers() -> dict[str, Any]:
    _load()
    return dict(_READERS)


def stages() -> dict[str, "Stage"]:
    _load()
    return dict(_STAGES)


def corpus_stages() -> dict[str, Any]:
    _load()
    return dict(_CORPUS_STAGES)


def exporters() -> dict[str, Any]:
    _load()
    return dict(_EXPORTERS)


def on_load(fn: Callable[[], None]) -> Callable[[], None]:  # pragma: no cover - hook for tests
    fn()
    return fn
