"""Narrative clustering quality on EUvsDisinfo case titles, against a TF-IDF + k-means baseline.

Reference labels: each case's keyword tags. Titles are kept when they carry
exactly one of the ``n_labels`` most frequent keywords, which becomes the title's
single reference label (multi-tag titles have no single right cluster). A seeded
random sample of ``n`` such titles is clustered into k = ``n_labels`` groups by
(a) the narratives method: USE multilingual embeddings + spherical k-means
(``framing.cluster.kmeans``) and (b) TF-IDF (English stop words, sublinear tf,
min_df 2) + k-means with the same k. Scores: NMI and ARI (scikit-learn).
"""

from __future__ import annotations

import csv
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np


def load_titles(path: str | Path, n: int = 2000, n_labels: int = 20, seed: int = 0) -> tuple[list[str], list[str]]:
    p = Path(path)
    p = p / "euvsdisinfo_posts.csv" if p.is_dir() else p
    with p.open(encoding="utf-8", newline="") as fh:
        rows = [(r["title"].strip(), [k.strip() for k in (r["keywords"] or "").split("+") if k.strip()])
                for r in csv.DictReader(fh)]
    freq = Counter(k for _, ks in rows for k in set(ks))
    top = {k for k, _ in freq.most_common(n_labels)}
    single = [(t, [k for k in ks if k in top][0]) for t, ks in rows
              if t and len({k for k in ks if k in top}) == 1]
    random.Random(seed).shuffle(single)
    single = single[:n]
    return [t for t, _ in single], [k for _, k in single]


def _scores(labels_true, labels_pred) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
    return {"nmi": round(float(normalized_mutual_info_score(labels_true, labels_pred)), 4),
            "ari": round(float(adjusted_rand_score(labels_true, labels_pred)), 4)}


def tfidf_kmeans(titles: list[str], k: int, seed: int = 0) -> np.ndarray:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(titles)
    return KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(x)


def evaluate_narratives(path: str | Path, n: int = 2000, n_labels: int = 20, seed: int = 0,
                        model=None) -> dict:
    """NMI/ARI of the narratives clustering and of the TF-IDF baseline on the same titles."""
    from .cluster import kmeans
    from ..embeddings import embedder
    titles, gold = load_titles(path, n, n_labels, seed)
    t0 = time.perf_counter()
    base = tfidf_kmeans(titles, n_labels, seed)
    t_base = time.perf_counter() - t0
    model = model or embedder()
    t0 = time.perf_counter()
    x = model.encode(titles)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    pred, _ = kmeans(x, n_labels, seed)
    t_use = time.perf_counter() - t0
    return {"data": str(path), "titles": len(titles), "labels": n_labels, "seed": seed,
            "label_counts": dict(Counter(gold).most_common()),
            "narratives": {"method": f"{model.name} + spherical k-means", **_scores(gold, pred),
                           "seconds": round(t_use, 1)},
            "baseline": {"method": "tf-idf + k-means", **_scores(gold, base), "seconds": round(t_base, 1)}}
