"""Training and cross-validation of the technique models (python-crfsuite + scikit-learn + USE).

Only ``newsprism train techniques`` and ``newsprism eval techniques --cv`` import
this module; the document stage needs neither package. Everything is seeded
and single-threaded where order matters, so the same data gives the same bytes.
"""

from __future__ import annotations

import bisect
import os
import random
import re
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from . import embed
from . import features as F
from .metric import Score, flc_score, si_score, tc_score
from .model import TechniqueModel, document_vector, own_sentences, save, similarity_features
from .names import LABELS
from .ptc import Article, Fragment, load_folder


@dataclass(frozen=True)
class Params:
    seed: int = 13
    c1: float = 0.1            # CRF L1 (sparse weights: small file)
    c2: float = 0.01           # CRF L2
    max_iterations: int = 150
    threshold: float = 0.3     # P(I), shifted by the sentence probability, a token needs; folds 0-1 of 5
    beta: float = 0.5          # weight of logit P(sentence) in that shift; folds 0-1 of 5
    prior: float = 0.3         # P(sentence) that shifts nothing (≈ share of PTC lines with a technique)
    whole: float = 0.6         # P(sentence) from which the whole sentence is one fragment; folds 0-1 of 5
    trim: float = 0.3          # such a fragment runs from the first to the last token with shifted P(I) >= trim
                               # (0: never trimmed); folds 0-1 of 5
    sent_c: float = 0.3        # sentence classifier inverse regularisation; folds 0-1 of 5
    sent_use: float = 2.0      # scale of the sentence embedding beside the 0/1 word features
    sent_min_count: int = 2    # drop sentence features seen in fewer training sentences
    tc_c: float = 0.3          # logistic-regression inverse regularisation; folds 0-1 of 5
    tc_use: float = 3.0        # scale of the fragment embedding in TC; folds 0-1 of 5
    tc_sent_use: float = 3.0   # scale of the sentence embedding in TC; folds 0-1 of 5
    tc_doc_use: float = 3.0    # scale of the document embedding (mean of its lines) in TC; folds 0-1 of 5
    tc_min_count: int = 2      # drop TC features seen in fewer training fragments
    digits: int = 4            # weights rounded to this many decimals


def lines(text: str) -> list[tuple[int, int]]:
    """PTC gives one sentence per line: training and PTC evaluation use its lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _si_sequences(a: Article) -> Iterable[tuple[list[list[str]], list[str]]]:
    sents = F.document_tokens(a.text, lines(a.text))
    cov = bytearray(len(a.text))
    for f in a.si:
        cov[f.start:f.end] = b"\x01" * (f.end - f.start)
    for toks, feats in zip(sents, F.document_features(a.text, sents)):
        yield feats, ["I" if any(cov[t.start:t.end]) else "O" for t in toks]


def train_si(articles: list[Article], p: Params) -> dict[str, Any]:
    import pycrfsuite
    trainer = pycrfsuite.Trainer(verbose=False)
    for a in articles:
        for x, y in _si_sequences(a):
            trainer.append(x, y)
    trainer.set_params({"c1": p.c1, "c2": p.c2, "max_iterations": p.max_iterations})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "si.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    labels = sorted(info.labels)
    idx = {l: i for i, l in enumerate(labels)}
    feats: dict[str, list[float]] = {}
    for (attr, label), w in sorted(info.state_features.items()):
        if abs(w) >= 10 ** -p.digits:
            feats.setdefault(attr, [0.0] * len(labels))[idx[label]] = round(w, p.digits)
    trans = [[0.0] * len(labels) for _ in labels]
    for (a, b), w in info.transitions.items():
        trans[idx[a]][idx[b]] = round(w, p.digits)
    return {"labels": labels, "transitions": trans, "features": feats, "threshold": p.threshold}


def train_sentence(articles: list[Article], p: Params) -> dict[str, Any]:
    """Logistic regression: does a PTC line hold (part of) a technique fragment?"""
    from scipy import sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    X: list[dict[str, float]] = []
    y: list[int] = []
    texts: list[str] = []
    for a in articles:
        cov = bytearray(len(a.text))
        for f in a.si:
            cov[f.start:f.end] = b"\x01" * (f.end - f.start)
        for i, (s, e) in enumerate(lines(a.text)):
            X.append(F.sentence_features(F.tokens(a.text, s, e), i))
            y.append(int(any(cov[s:e])))
            texts.append(a.text[s:e])
    seen = Counter(k for x in X for k in x)
    X = [{k: v for k, v in x.items() if seen[k] >= p.sent_min_count} for x in X]
    dv = DictVectorizer(sort=True)
    M = sparse.hstack([dv.fit_transform(X), sparse.csr_matrix(p.sent_use * embed.encode(texts))]).tocsr()
    clf = LogisticRegression(C=p.sent_c, max_iter=3000, random_state=p.seed)
    clf.fit(M, y)
    coef = clf.coef_[0]
    n = len(dv.feature_names_)
    feats = {name: round(float(coef[j]), p.digits) for j, name in enumerate(dv.feature_names_)
             if round(float(coef[j]), p.digits) != 0.0}
    return {"intercept": round(float(clf.intercept_[0]), p.digits), "features": feats,
            "use": [round(float(w) * p.sent_use, p.digits) for w in coef[n:]]}


def _sentence_of(bounds: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    return bounds[max(i, 0)] if bounds else (0, 0)


def tc_examples(a: Article, fragments: Iterable[Fragment]
                ) -> tuple[list[dict[str, float]], list[tuple[int, int]], np.ndarray]:
    """Sparse features of each fragment of one article, the sentence (line) of each, and
    the document's vector (the normalised mean of its line embeddings)."""
    frags = list(fragments)
    b = lines(a.text)
    starts = [s for s, _ in b]
    low = a.text.lower()
    stats = F.document_stats(a.text)
    sents = [_sentence_of(b, starts, f.start) for f in frags]
    spans = [(f.start, f.end) for f in frags]
    line_vecs = embed.encode([a.text[s:e] for s, e in b])
    simf = similarity_features(embed.encode([a.text[s:e] for s, e in spans]), own_sentences(spans, b), line_vecs)
    out = []
    for (s, e), sent, setf, sf in zip(spans, sents, F.span_set_features(a.text, spans), simf):
        x = F.span_features(a.text, s, e, sent, low, stats)
        x.update(setf)
        x.update(sf)
        out.append(x)
    return out, sents, document_vector(line_vecs)


def train_tc(articles: list[Article], p: Params) -> dict[str, Any]:
    from scipy import sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    X: list[dict[str, float]] = []
    y: list[str] = []
    span_texts: list[str] = []
    sent_texts: list[str] = []
    doc_vecs: list[np.ndarray] = []
    for a in articles:
        x, sents, doc_vec = tc_examples(a, a.tc)
        X += x
        y += [f.label for f in a.tc]
        span_texts += [a.text[f.start:f.end] for f in a.tc]
        sent_texts += [a.text[s:e] for s, e in sents]
        doc_vecs += [doc_vec] * len(a.tc)
    seen = Counter(k for x in X for k in x)
    X = [{k: v for k, v in x.items() if seen[k] >= p.tc_min_count} for x in X]
    dv = DictVectorizer(sort=True)
    M = sparse.hstack([dv.fit_transform(X), sparse.csr_matrix(p.tc_use * embed.encode(span_texts)),
                       sparse.csr_matrix(p.tc_sent_use * embed.encode(sent_texts)),
                       sparse.csr_matrix(p.tc_doc_use * np.vstack(doc_vecs or [np.zeros(embed.DIM)]))[:len(y)]
                       ]).tocsr()
    clf = LogisticRegression(C=p.tc_c, max_iter=3000, random_state=p.seed)
    clf.fit(M, y)
    classes = list(clf.classes_)
    # all 14 labels, in the fixed order, even if a fold lacks one (it then never wins)
    rows = {c: i for i, c in enumerate(classes)}
    coef = clf.coef_.T   # features x classes
    n = len(dv.feature_names_)

    def row(j: int, scale: float = 1.0) -> list[float]:
        return [round(float(coef[j, rows[l]]) * scale, p.digits) if l in rows else 0.0 for l in LABELS]

    feats = {}
    for j, name in enumerate(dv.feature_names_):
        w = row(j)
        if any(w):
            feats[name] = w
    b = [round(float(clf.intercept_[rows[l]]), p.digits) if l in rows else -50.0 for l in LABELS]
    return {"labels": list(LABELS), "intercept": b, "features": feats,
            "use": [row(n + j, p.tc_use) for j in range(embed.DIM)],
            "sent_use": [row(n + embed.DIM + j, p.tc_sent_use) for j in range(embed.DIM)],
            "doc_use": [row(n + 2 * embed.DIM + j, p.tc_doc_use) for j in range(embed.DIM)]}


def train_model(articles: list[Article], p: Params = Params()) -> dict[str, Any]:
    random.seed(p.seed)
    si, tc = train_si(articles, p), train_tc(articles, p)
    si["sentence"] = train_sentence(articles, p)
    si["decode"] = {"beta": p.beta, "whole": p.whole, "prior": p.prior, "trim": p.trim}
    return {"si": si, "tc": tc,
            "meta": {"trained_on": "PTC v2 train", "articles": len(articles),
                     "params": p.__dict__, "embeddings": embed.MODEL, "format": 2}}


def train(ptc_dir: str | Path, out: str | Path, p: Params = Params()) -> dict[str, Any]:
    """Train on every article of a PTC folder and write the model file."""
    embed.remember(True)
    try:
        data = train_model(load_folder(ptc_dir), p)
    finally:
        embed.remember(False)
    save(data, out)
    return data


# --- prediction on PTC folders and cross-validation -----------------------------

def predict_si(model: TechniqueModel, articles: list[Article]) -> list[Fragment]:
    return [Fragment(a.id, s, e) for a in articles for s, e, _, _ in model.identify(a.text, lines(a.text))]


def predict_tc(model: TechniqueModel, articles: list[Article]) -> list[Fragment]:
    """One technique per gold fragment; a fragment listed k times gets the k best."""
    out = []
    for a in articles:
        b = lines(a.text)
        starts = [s for s, _ in b]
        sents = [_sentence_of(b, starts, f.start) for f in a.tc]
        all_ranked = model.classify_many(a.text, [(f.start, f.end) for f in a.tc], sents, None, a.text.lower(),
                                         doc_sents=b, doc_sent_vecs=embed.encode([a.text[s:e] for s, e in b]))
        seen: Counter = Counter()
        for f, ranked in zip(a.tc, all_ranked):
            r = seen[(f.start, f.end)]
            seen[(f.start, f.end)] += 1
            out.append(Fragment(a.id, f.start, f.end, ranked[min(r, len(ranked) - 1)][0]))
    return out


def predict_flc(model: TechniqueModel, articles: list[Article]) -> list[Fragment]:
    return [Fragment(a.id, f.start, f.end, f.label) for a in articles
            for f in model.predict(a.text, lines(a.text))]


def folds(articles: list[Article], k: int, seed: int) -> list[list[str]]:
    ids = sorted(a.id for a in articles)
    random.Random(seed).shuffle(ids)
    return [sorted(ids[i::k]) for i in range(k)]


Decoding = tuple[float, float, float, float]   # (threshold, beta, whole, trim)

# SI decodings scored in CV besides the chosen one: the CRF alone (beta 0, never a whole
# sentence), the previous model's decoding (whole sentences untrimmed), and neighbours of
# the chosen setting
SWEEP: tuple[Decoding, ...] = ((0.1, 0.0, 2.0, 0.0), (0.3, 0.5, 0.6, 0.0), (0.3, 0.5, 0.6, 0.2),
                               (0.3, 0.5, 0.6, 0.4), (0.2, 0.5, 0.6, 0.3), (0.4, 0.5, 0.6, 0.3),
                               (0.3, 0.5, 0.55, 0.3), (0.3, 0.5, 0.65, 0.3))


def _decoding_name(d: Decoding) -> str:
    return f"threshold={d[0]},beta={d[1]},whole={d[2]},trim={d[3]}"


@dataclass
class CVResult:
    k: int
    si: Score
    tc: Score
    flc: Score
    si_by_decoding: dict[Decoding, Score] = field(default_factory=dict)
    per_fold: list[dict[str, float]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"k": self.k, "si": self.si.as_dict(), "tc": self.tc.as_dict(),
                "flc": {k: v for k, v in self.flc.as_dict().items() if k != "per_label"},
                "si_by_decoding": {_decoding_name(d): s.as_dict() for d, s in sorted(self.si_by_decoding.items())},
                "per_fold": self.per_fold}


def _run_fold(args: tuple[str, list[str], Params, tuple[Decoding, ...]]) -> dict[str, Any]:
    ptc_dir, test_ids, p, sweep = args
    arts = load_folder(ptc_dir)
    test = set(test_ids)
    model = TechniqueModel(train_model([a for a in arts if a.id not in test], p))
    held = [a for a in arts if a.id in test]
    out = {"si": predict_si(model, held), "tc": predict_tc(model, held), "flc": predict_flc(model, held),
           "sweep": {}}
    for d in sweep:
        model.threshold, model.beta, model.whole, model.trim = d
        out["sweep"][d] = predict_si(model, held)
    return out


def cross_validate(ptc_dir: str | Path, k: int = 5, p: Params = Params(), workers: int = 2,
                   sweep: tuple[Decoding, ...] = SWEEP) -> CVResult:
    """k-fold cross-validation by article with the official measures, pooled over folds."""
    arts = load_folder(ptc_dir)
    # every line and gold fragment is embedded once, here; the fold workers inherit the memo
    embed.remember(True)
    embed.encode([a.text[s:e] for a in arts for s, e in lines(a.text)] +
                 [a.text[f.start:f.end] for a in arts for f in a.tc])
    jobs = [(str(ptc_dir), ids, p, sweep) for ids in folds(arts, k, p.seed)]
    try:
        with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=_fork()) as pool:
            results = list(pool.map(_run_fold, jobs))
    finally:
        embed.remember(False)
    gold_by = {a.id: a for a in arts}
    si_p, tc_p, flc_p = [], [], []
    sweep_p: dict[Decoding, list[Fragment]] = {d: [] for d in sweep}
    per_fold = []
    for (_, ids, _, _), r in zip(jobs, results):
        g = [gold_by[i] for i in ids]
        gsi, gtc = [f for a in g for f in a.si], [f for a in g for f in a.tc]
        per_fold.append({"articles": len(ids), "si_f1": round(si_score(r["si"], gsi).f1, 4),
                         "tc_f1": round(tc_score(r["tc"], gtc).f1, 4)})
        si_p += r["si"]
        tc_p += r["tc"]
        flc_p += r["flc"]
        for d in sweep:
            sweep_p[d] += r["sweep"][d]
    gsi = [f for a in arts for f in a.si]
    gtc = [f for a in arts for f in a.tc]
    return CVResult(k, si_score(si_p, gsi), tc_score(tc_p, gtc), flc_score(flc_p, gtc),
                    {d: si_score(v, gsi) for d, v in sweep_p.items()}, per_fold)


def _fork():
    """Fork where the platform has it, so the fold workers share the parent's embeddings."""
    import multiprocessing as mp
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
