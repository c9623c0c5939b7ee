"""The 14 techniques, their display names and one-line explanations (from a data file)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Technique:
    label: str          # the PTC / SemEval label, e.g. "Name_Calling,Labeling"
    name: str           # display name, e.g. "Name calling, labeling"
    explanation: str    # one plain-language line for analysts


def _load() -> tuple[Technique, ...]:
    raw = resources.files("newsprism.resources").joinpath("techniques/techniques.json").read_text("utf-8")
    return tuple(Technique(t["label"], t["name"], t["explanation"]) for t in json.loads(raw)["techniques"])


TECHNIQUES: tuple[Technique, ...] = _load()
LABELS: tuple[str, ...] = tuple(t.label for t in TECHNIQUES)
_BY_LABEL = {t.label: t for t in TECHNIQUES}


def technique(label: str) -> Technique:
    """The technique for a PTC label; KeyError names the known ones."""
    try:
        return _BY_LABEL[label]
    except KeyError:
        raise KeyError(f"unknown technique {label!r}; known: {', '.join(LABELS)}") from None


def explanation(label: str) -> str:
    return technique(label).explanation
