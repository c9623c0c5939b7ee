"""Clustering text units into narratives, labelling clusters, assigning new units.

Spherical k-means (k-means on L2-normalised vectors, so distance follows cosine)
with k = clamp(round(sqrt(n / 2)), 2, 40) unless given. A cluster's label comes
from its characteristic phrases (the same log-odds statistic as framing, the
cluster's units against all others); exemplars are the members nearest the
centroid, one per document. A new unit joins the nearest centroid when its
cosine is at least that cluster's 5th-percentile member similarity (floor
``MIN_SIM``), else it stays unassigned until the next full clustering.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from .terms import log_odds, term_counts

MIN_SIM = 0.3
MAX_K = 40


def choose_k(n: int) -> int:
    return max(2, min(MAX_K, round(math.sqrt(n / 2)))) if n >= 4 else 1


def kmeans(x: np.ndarray, k: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(labels, unit-norm centroids)."""
    from sklearn.cluster import KMeans
    if k <= 1 or len(x) <= k:
        labels = np.zeros(len(x), int) if k <= 1 else np.arange(len(x))
    else:
        labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(x)
    cents = np.vstack([x[labels == c].mean(axis=0) for c in range(labels.max() + 1)])
    return labels, cents / np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-9)


def thresholds(sims: np.ndarray, labels: np.ndarray, n_clusters: int) -> np.ndarray:
    out = np.full(n_clusters, MIN_SIM, np.float32)
    for c in range(n_clusters):
        s = sims[labels == c]
        if len(s):
            out[c] = max(MIN_SIM, float(np.percentile(s, 5)))
    return out


def assign(x: np.ndarray, cents: np.ndarray, thr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest centroid and its cosine; label -1 where below that cluster's threshold."""
    if not len(x) or not len(cents):
        return np.full(len(x), -1), np.zeros(len(x))
    sims = x @ cents.T
    best = sims.argmax(axis=1)
    s = sims[np.arange(len(x)), best]
    return np.where(s >= thr[best], best, -1), s


def characteristic_phrases(texts: list[str], labels: np.ndarray, n_clusters: int, top: int = 8) -> list[list[dict]]:
    counts = [Counter() for _ in range(n_clusters)]
    for t, c in zip(texts, labels):
        if c >= 0:
            counts[c].update(term_counts(t))
    total: Counter = Counter()
    for c in counts:
        total.update(c)
    # labels need some phrases even for small clusters: any over-use (z > 0), prior scaled to the corpus
    alpha0 = min(500.0, 0.1 * sum(total.values())) or 1.0
    out = []
    for c in counts:
        rest = Counter({w: n - c.get(w, 0) for w, n in total.items()})
        out.append(log_odds(c, rest, total, alpha0=alpha0, min_z=0.0, top=top))
    return out
