"""How far the technique marks can be trusted: the shipped model's cross-validated scores.

``resources/techniques/cv-5fold.json`` is the output of ``newsprism eval techniques
--gold ../shared/data/ptc/train --cv 5 --json`` for the shipped model (see
docs/techniques.md). The report and the web pages show these figures beside the
technique rates, so an analyst reads the marks as leads to check, with each
technique's own measured reliability, not as findings.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

CV_FILE = "cv-5fold.json"


@lru_cache(maxsize=1)
def measured() -> dict[str, Any] | None:
    """``{"k", "si": {precision, recall, f1}, "tc_f1", "per_label": {label: f1}}``, or None without the file."""
    try:
        path = resources.files("newsprism.resources").joinpath("techniques", CV_FILE)
        data = json.loads(path.read_text(encoding="utf-8"))
        return {"k": int(data["k"]),
                "si": {k: float(data["si"][k]) for k in ("precision", "recall", "f1")},
                "tc_f1": float(data["tc"]["f1"]),
                "per_label": {label: float(s["f1"]) for label, s in data["tc"].get("per_label", {}).items()}}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def technique_f1(label: str) -> float | None:
    """The technique's cross-validated classification F1 (None when not measured)."""
    m = measured()
    return m["per_label"].get(label) if m else None


def caveat() -> str:
    """One plain-language sentence on the model's measured quality (empty without the figures)."""
    m = measured()
    if m is None:
        return ""
    return (f"Machine-marked by a model trained on English news annotated for propaganda (PTC). "
            f"By {m['k']}-fold cross-validation there, a span it marks overlaps human-marked text by "
            f"{m['si']['precision'] * 100:.0f}% on average and covers {m['si']['recall'] * 100:.0f}% of a "
            f"human-marked span on average (span F1 {m['si']['f1']:.2f}); given a human-marked span it names "
            f"the technique right {m['tc_f1'] * 100:.0f}% of the time. Read the marks as leads to check, not "
            f"findings; rare techniques are the least reliable (their F1 is shown beside them).")
