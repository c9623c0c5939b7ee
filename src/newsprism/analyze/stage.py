"""The document-stage contract.

A stage is a pure function of one document (plus resources it loads once per
process) that returns spans in the layers it declares::

    @document_stage("sentences", version="1", layers=("sentence",))
    def sentences(doc: Document, inputs: StageInputs) -> list[Span]: ...

``requires`` names stages whose spans this one reads (``inputs.spans(layer)``);
``consumes`` names shared per-document context it reads (the spaCy parse ...), which the
engine computes once per document, in batches, before the stages run (``analyze/context.py``);
the engine runs stages in dependency order and caches each result by
(document text hash, stage name, stage version), so a re-run of an unchanged
corpus does no analysis work. Bump ``version`` whenever the output could change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from ..model import Document, Span
from ..plugins import register_stage


@dataclass
class StageInputs:
    """Spans of earlier stages, by layer, for the stage being run."""

    by_layer: dict[str, list[Span]] = field(default_factory=dict)

    def spans(self, layer: str) -> list[Span]:
        return self.by_layer.get(layer, [])


StageFn = Callable[[Document, StageInputs], Iterable[Span]]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    layers: tuple[str, ...]
    fn: StageFn
    requires: tuple[str, ...] = ()
    languages: tuple[str, ...] | None = None   # None = every language
    description: str = ""
    consumes: tuple[str, ...] = ()               # shared context (analyze/context.py)

    def applies_to(self, doc: Document) -> bool:
        return self.languages is None or (doc.language in self.languages)

    def run(self, doc: Document, inputs: StageInputs) -> list[Span]:
        # The stage, not its function, owns name and version: stamp them so a
        # version bump can never leave spans labelled with the old version.
        spans = [s if (s.stage, s.stage_version) == (self.name, self.version)
                 else replace(s, stage=self.name, stage_version=self.version)
                 for s in self.fn(doc, inputs)]
        n = len(doc.text)
        for s in spans:
            if s.layer not in self.layers:
                raise ValueError(f"stage {self.name} produced undeclared layer {s.layer!r}")
            if s.end > n:
                raise ValueError(f"stage {self.name} produced span ({s.start}, {s.end}) past text end {n}")
        return spans


def document_stage(name: str, *, version: str, layers: tuple[str, ...],
                   requires: tuple[str, ...] = (), languages: tuple[str, ...] | None = None,
                   consumes: tuple[str, ...] = (), register: bool = True) -> Callable[[StageFn], Stage]:
    """Declare (and by default register) a document stage."""

    def wrap(fn: StageFn) -> Stage:
        stage = Stage(name, version, tuple(layers), fn, tuple(requires), languages,
                      (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "", tuple(consumes))
        if register:
            register_stage(stage)
        return stage

    return wrap


def order_stages(stages: dict[str, Any], wanted: Iterable[str] | None = None, *,
                 deps: Callable[[Any], Iterable[str]] = lambda st: st.requires,
                 kind: str = "stage") -> list[Any]:
    """Stages in dependency order; ``wanted`` pulls in what they depend on.

    Document stages depend on ``requires``; corpus stages pass ``deps=lambda s: s.after``.
    """
    wanted = list(stages) if wanted is None else list(wanted)
    out: list[Any] = []
    seen: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in seen:
            return
        if name in path:
            raise ValueError(f"{kind} dependency cycle: {' -> '.join(path + (name,))}")
        if name not in stages:
            raise KeyError(f"unknown {kind} {name!r}; known: {', '.join(sorted(stages))}")
        for dep in deps(stages[name]):
            visit(dep, path + (name,))
        seen.add(name)
        out.append(stages[name])

    for n in wanted:
        visit(n, ())
    return out
