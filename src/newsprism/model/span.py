"""Standoff spans: every annotation is (start, end) over a document's clean text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """One annotation over ``Document.text[start:end]``.

    ``layer`` groups spans that are shown and exported together (``sentence``,
    ``entity``, ``attribution`` ...); ``label`` is the category within the layer;
    ``stage``/``stage_version`` say which code produced it; ``score`` is the
    producer's confidence in [0, 1]; ``attrs`` holds layer-specific fields and
    must be JSON-serialisable.
    """

    start: int
    end: int
    layer: str
    label: str
    stage: str
    stage_version: str
    score: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise TypeError("span offsets must be int")
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span offsets ({self.start}, {self.end})")
        if not 0.0 <= float(self.score) <= 1.0:
            raise ValueError(f"span score {self.score} outside [0, 1]")

    def text_of(self, text: str) -> str:
        return text[self.start:self.end]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "layer": self.layer, "label": self.label,
            "stage": self.stage, "stage_version": self.stage_version,
            "score": self.score, "attrs": dict(self.attrs),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d["layer"], d["label"], d["stage"],
                   d["stage_version"], float(d.get("score", 1.0)), dict(d.get("attrs") or {}))
