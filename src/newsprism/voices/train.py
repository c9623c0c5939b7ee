"""Training and cross-validation of the learned cue detector (``voices.cuemodel``) on PolNeAR train.

``newsprism train attributions --gold DIR`` parses every train article with
spaCy, labels each candidate token (verb, auxiliary, noun, adjective,
"according") 1 when it overlaps a gold Cue span, fits a logistic regression
(scikit-learn, liblinear, fixed seed), keeps the weights of features seen at
least ``min_count`` times, and writes ``resources/voices/cue_model.json.gz``.
``--cv K`` instead scores the whole attribution pipeline by K-fold
cross-validation by article (each fold's model never sees its held-out
articles), next to the rules alone on the same folds. scikit-learn is only
needed here, not by the document stage.
"""

from __future__ import annotations

import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cuemodel
from .polnear import ROLES, Counts, EvalResult, GoldDoc, char_set, match_spans, read_gold


@dataclass
class Params:
    c: float = 0.3
    min_count: int = 2
    threshold: float = 0.45      # an unlisted candidate becomes a cue at P(cue) >= threshold
    keep: float = 0.35           # a listed reporting verb is dropped below P(cue) = keep
    fallback: float = 0.45       # at P(cue) >= fallback a verb without a clause takes what follows it
    seed: int = 13


def parse_docs(docs: list[GoldDoc]) -> None:
    """Parse every article once into the shared parse cache (so entities and attributions reuse it)."""
    from . import models
    models._CACHE = max(models._CACHE, len(docs) + 8)
    nlp = models.english()
    for d in docs:
        if d.text not in models._parsed:
            models._parsed[d.text] = nlp(d.text)


def examples(d: GoldDoc) -> list[tuple[list[str], int]]:
    from .attributions import find_quotes
    from .models import parse_english
    doc = parse_english(d.text)
    gold = set()
    for a in d.attributions:
        gold |= char_set(d.text, a.cue)
    qt = cuemodel.quote_tokens(doc, find_quotes(d.text)[0])
    out = []
    for tok in doc:
        if cuemodel.is_candidate(tok):
            y = int(any(i in gold for i in range(tok.idx, tok.idx + len(tok))))
            out.append((cuemodel.token_features(tok, qt), y))
    return out


def fit(exs: list[tuple[list[str], int]], p: Params) -> dict[str, Any]:
    from collections import Counter

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    counts = Counter(f for fs, _ in exs for f in set(fs))
    names = sorted(f for f, n in counts.items() if n >= p.min_count and f != "b")
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, (fs, _) in enumerate(exs):
        for f in set(fs):
            j = index.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(exs), len(names)))
    y = np.array([v for _, v in exs])
    clf = LogisticRegression(C=p.c, solver="liblinear", max_iter=2000, random_state=p.seed)
    clf.fit(x, y)
    w = clf.coef_[0]
    weights = {f: round(float(w[j]), 4) for f, j in index.items() if abs(w[j]) >= 1e-3}
    return {"weights": weights, "bias": round(float(clf.intercept_[0]), 4), "threshold": p.threshold,
            "keep": p.keep, "fallback": p.fallback, "meta": {"format": 3, "trained_on": "PolNeAR v1.0.0 train", "params": p.__dict__,
                                     "examples": len(exs), "positives": int(y.sum())}}


def train(gold_dir: str | Path, out: str | Path, p: Params = Params(), limit: int | None = None) -> dict[str, Any]:
    """Train on every article of the split (or the first ``limit``) and write the model file."""
    random.seed(p.seed)
    docs = read_gold(gold_dir, limit=limit)
    parse_docs(docs)
    data = fit([e for d in docs for e in examples(d)], p)
    data["meta"]["articles"] = len(docs)
    cuemodel.save(data, out)
    return data


# --- cross-validation by article --------------------------------------------------
def folds(names: list[str], k: int, seed: int) -> list[list[str]]:
    ids = sorted(names)
    random.Random(seed).shuffle(ids)
    return [sorted(ids[i::k]) for i in range(k)]


_STATE: dict[str, Any] = {}


def _predict(d: GoldDoc, model) -> list:
    from .attributions import find_attributions
    from .entities import find_entities
    ents = _STATE["entities"].get(d.name)
    if ents is None:
        ents = _STATE["entities"][d.name] = find_entities(d.text, "en")
    spans = find_attributions(d.text, "en", ents, cue_model=model, cue_tagger=_STATE.get("tagger", False))
    return [(tuple(s.attrs["speaker"]) if s.attrs["speaker"] else None, tuple(s.attrs["cue"]), (s.start, s.end))
            for s in spans if s.layer == "attribution"]


def _score(docs: list[GoldDoc], model) -> dict[str, Counts]:
    counts = {r: Counts() for r in ROLES}
    for d in docs:
        preds = _predict(d, model)
        for k, role in enumerate(ROLES):
            pr = [char_set(d.text, [x[k]]) for x in preds if x[k] is not None]
            g = [char_set(d.text, getattr(a, role)) for a in d.attributions if getattr(a, role)]
            counts[role].add(match_spans(pr, g))
    return counts


def _run_fold(args) -> dict[str, Any]:
    test_names, p, sweep = args
    docs = _STATE["docs"]
    test = set(test_names)
    data = fit([e for d in docs if d.name not in test for e in _STATE["examples"][d.name]], p)
    model = cuemodel.CueModel(data)
    held = [d for d in docs if d.name in test]
    out = {"rules": _score(held, False), "model": {}}
    for s in sweep:
        model.threshold, model.keep, model.fallback = s
        out["model"][s] = _score(held, model)
    return out


@dataclass
class CVResult:
    k: int
    articles: int
    params: dict
    rules: EvalResult
    model: dict[tuple[float, float, float], EvalResult]
    per_fold: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"k": self.k, "articles": self.articles, "params": self.params, "seconds": round(self.seconds, 1),
                "rules": self.rules.as_dict(),
                "model": {f"threshold={t},keep={k},fallback={f}": r.as_dict() for (t, k, f), r in self.model.items()},
                "per_fold": self.per_fold}


def cross_validate(gold_dir: str | Path, k: int = 5, p: Params = Params(), workers: int = 2,
                   sweep: tuple[tuple[float, float, float], ...] | None = None, limit: int | None = None) -> CVResult:
    """K-fold CV by article: the rules alone and the rules with each fold's cue model, same folds."""
    t0 = time.perf_counter()
    sweep = sweep or ((p.threshold, p.keep, p.fallback),)
    docs = read_gold(gold_dir, limit=limit)
    parse_docs(docs)
    _STATE["docs"] = docs
    _STATE["entities"] = {}
    _STATE["examples"] = {d.name: examples(d) for d in docs}
    jobs = [(ids, p, sweep) for ids in folds([d.name for d in docs], k, p.seed)]
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:   # forked: shares the parses
        results = list(pool.map(_run_fold, jobs))
    rules = EvalResult(len(docs), {r: Counts() for r in ROLES})
    model = {s: EvalResult(len(docs), {r: Counts() for r in ROLES}) for s in sweep}
    per_fold = []
    for (ids, _, _), res in zip(jobs, results):
        fr = EvalResult(len(ids), res["rules"])
        fm = EvalResult(len(ids), res["model"][sweep[0]])
        per_fold.append({"articles": len(ids),
                         "rules": {r: fr.scores()[r]["overlap"]["f1"] for r in ROLES},
                         "model": {r: fm.scores()[r]["overlap"]["f1"] for r in ROLES}})
        for role in ROLES:
            rules.counts[role].add(res["rules"][role])
            for s in sweep:
                model[s].counts[role].add(res["model"][s][role])
    return CVResult(k, len(docs), dict(p.__dict__), rules, model, per_fold, time.perf_counter() - t0)
