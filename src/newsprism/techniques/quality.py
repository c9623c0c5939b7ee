"""How far the technique marks can be trusted: the chosen model's measured scores (its card).

``resources/techniques/cv-5fold.json`` is the output of ``newsprism eval techniques
--gold ../shared/data/ptc/train --cv 5 --json`` for the fast model (see
docs/techniques.md); ``accurate-card.json`` holds the accurate model's held-out scores (the
``heldout`` part of ``newsprism train techniques --accurate --hold-out-fold K``'s output, with
``k`` and the ``folds`` scored). The ``techniques_model`` setting picks the card. The report and the web pages show these figures beside the
technique rates, so an analyst reads the marks as leads to check, with each
technique's own measured reliability, not as findings.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

CV_FILE = "cv-5fold.json"
CARD_FILES = {"fast": CV_FILE, "accurate": "accurate-card.json"}


def measured(kind: str | None = None) -> dict[str, Any] | None:
    """The card of model ``kind`` (default: the chosen one): ``{"k", "folds" (how many of the k were scored),
    "si": {precision, recall, f1}, "tc_f1", "per_label": {label: f1}}``, or None without the file."""
    from ..config import setting_value
    return _measured(kind or setting_value("techniques_model"))


@lru_cache(maxsize=4)
def _measured(kind: str) -> dict[str, Any] | None:
    if kind not in CARD_FILES:
        return None
    return read_card(resources.files("newsprism.resources").joinpath("techniques", CARD_FILES[kind]))


def read_card(path) -> dict[str, Any] | None:
    """The figures of one card file (a ``cv-5fold.json`` or an ``accurate-card.json``), or None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {"k": int(data["k"]), "folds": len(data.get("folds", range(int(data["k"])))),
                "si": {k: float(data["si"][k]) for k in ("precision", "recall", "f1")},
                "tc_f1": float(data["tc"]["f1"]),
                "per_label": {label: float(s["f1"]) for label, s in data["tc"].get("per_label", {}).items()}}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def technique_f1(label: str, kind: str | None = None) -> float | None:
    """The technique's measured classification F1 (None when not measured)."""
    m = measured(kind)
    return m["per_label"].get(label) if m else None


def caveat(kind: str | None = None) -> str:
    """Plain-language sentences on the model's measured quality (empty without the figures)."""
    m = measured(kind)
    if m is None:
        return ""
    how = (f"By {m['k']}-fold cross-validation there" if m["folds"] >= m["k"] else
           f"On {'one held-out fold' if m['folds'] == 1 else str(m['folds']) + ' held-out folds'} of {m['k']} there")
    return (f"Machine-marked by a model trained on English news annotated for propaganda (PTC); English text "
            f"only: documents in other languages are not analysed. "
            f"{how}, a span it marks overlaps human-marked text by "
            f"{m['si']['precision'] * 100:.0f}% on average and covers {m['si']['recall'] * 100:.0f}% of a "
            f"human-marked span on average (span F1 {m['si']['f1']:.2f}); given a human-marked span it names "
            f"the technique right {m['tc_f1'] * 100:.0f}% of the time. Read the marks as leads to check, not "
            f"findings; rare techniques are the least reliable (their F1 is shown beside them).")
