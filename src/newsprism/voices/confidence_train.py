"""Training the attribution confidence (``voices.confidence``) on held-out predictions.

For each of the five CV folds of PolNeAR train (seed 13, as the cue model's and the
tagger's folds) the pipeline runs on the fold's articles with a cue model trained
without them and the tagger's held-out probabilities for them (the files
``newsprism train cue-tagger --hold-out-fold K --out DIR`` writes beside its model,
``heldout-fold<K>.json.gz``). Each finished attribution becomes one example: its
features, and whether its cue overlaps a gold cue (for a cue of punctuation only, which
the metric leaves out, whether its content overlaps a gold content). So the model sees the shipped
models as they behave on text they were not trained on.

The confidence itself is then cross-validated over the same folds (trained on four
folds' examples, applied to the fifth, the pipeline scored with the PolNeAR metric,
relayed reports of named speakers kept as the stage keeps them),
the threshold picked on fold 0 alone from a fixed grid, and the shipped model fitted
on all five folds' examples.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any, Callable

from .confidence import ConfidenceModel, kept_regardless
from .polnear import ROLES, Counts, EvalResult, char_set, match_spans, read_gold

GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
C = 1.0                  # inverse regularization of the logistic regression (standardized features)
# a feature set in fewer training examples is left out: standardizing a rare indicator divides by a tiny spread,
# and without this minimum the confidence gave "dep=oprd" (one row of 19,292) a weight of -7.4, dropping
# '“…,” the two write' at 0.006 (docs/lab/voices.md)
MIN_COUNT = 30
SEED = 13


def heldout_file(folder: str | Path, fold: int) -> Path:
    return Path(folder) / f"heldout-fold{fold}.json.gz"


def collect(gold_dir: str | Path, heldout_dir: str | Path, log: Callable[[str], None] = lambda m: None,
            limit: int | None = None, mix: dict | None = None) -> tuple[list, dict]:
    """Examples (fold, article, (speaker, cue, content), features, label) and the gold articles by name.
    ``mix``: how the tagger is mixed into the cue model (default ``tagger_train.MIX``, the shipped tagger's)."""
    from .attributions import attribution_records, confidence_features
    from .entities import find_entities
    from . import cuemodel
    from . import train as cue_train
    from .tagger_train import MIX, HeldOutTagger
    missing = [str(heldout_file(heldout_dir, k)) for k in range(5) if not heldout_file(heldout_dir, k).is_file()]
    if missing:
        raise FileNotFoundError(f"no held-out tagger probabilities: {', '.join(missing)} (write them with "
                                "`newsprism train cue-tagger --hold-out-fold K --out DIR`, K = 0..4)")
    docs = read_gold(gold_dir, limit=limit)
    cue_train.parse_docs(docs)
    fold_names = cue_train.folds([d.name for d in docs], 5, SEED)
    rows = []
    for k in range(5):
        test = set(fold_names[k])
        held = [d for d in docs if d.name in test]
        model = cuemodel.CueModel(cue_train.fit([e for d in docs if d.name not in test for e in cue_train.examples(d)],
                                                cue_train.Params()))
        with gzip.open(heldout_file(heldout_dir, k), "rt", encoding="utf-8") as fh:
            raw = json.load(fh)
        lost = [d.name for d in held if d.name not in raw]
        if lost:
            raise ValueError(f"{heldout_file(heldout_dir, k)} has no predictions for {len(lost)} articles of fold "
                             f"{k} (first: {lost[0]}); was it written with --hold-out-fold {k}?")
        tagger = HeldOutTagger({d.text: {int(i): p for i, p in raw[d.name].items()} for d in held}, mix=mix or MIX)
        for d in held:
            out, quotes, _ = attribution_records(d.text, "en", find_entities(d.text, "en"), cue_model=model,
                                                 cue_tagger=tagger)
            gold_cues = [char_set(d.text, a.cue) for a in d.attributions]
            gold_contents = [char_set(d.text, a.content) for a in d.attributions]
            for r, f in zip(out, confidence_features(d.text, out, quotes)):
                cue = char_set(d.text, [tuple(r["cue"])])
                pred = (tuple(r["speaker"]) if r.get("speaker") else None, tuple(r["cue"]), tuple(r["content"]))
                if cue:
                    right = any(cue & g for g in gold_cues)
                else:     # a cue of punctuation only ("Trump on Clinton: …"), which the metric cannot see
                    content = char_set(d.text, [pred[2]])
                    right = any(content & g for g in gold_contents)
                rows.append((k, d.name, pred, f, int(right)))
        log(f"fold {k}: {len(held)} articles, {sum(1 for r in rows if r[0] == k)} attributions")
    return rows, {d.name: d for d in docs}


def fit(rows: list, min_count: int = MIN_COUNT) -> dict[str, float]:
    """Logistic regression over standardized features; the scaling is folded into the stored weights. Features
    non-zero in fewer than ``min_count`` rows are left out."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    seen: dict[str, int] = {}
    for r in rows:
        for n, v in r[3].items():
            if v:
                seen[n] = seen.get(n, 0) + 1
    names = sorted(n for n, c in seen.items() if n != "bias" and c >= min_count)
    col = {n: j for j, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for n, v in r[3].items():
            if n in col:
                X[i, col[n]] = v
    y = np.array([r[4] for r in rows])
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=5000)
    lr.fit((X - mu) / sd, y)
    w = lr.coef_[0] / sd
    weights = {n: round(float(w[j]), 6) for n, j in col.items() if abs(w[j]) > 1e-9}
    weights["bias"] = round(float(lr.intercept_[0] - (lr.coef_[0] * mu / sd).sum()), 6)
    return weights


def _score(rows: list, docs: dict, keep: Callable[[int], bool]) -> dict[str, Counts]:
    counts = {role: Counts() for role in ROLES}
    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault(r[1], []).append(i)
    for name, idx in by_doc.items():
        d = docs[name]
        preds = [rows[i][2] for i in idx if keep(i)]
        for j, role in enumerate(ROLES):
            pr = [char_set(d.text, [p[j]]) for p in preds if p[j] is not None]
            g = [char_set(d.text, getattr(a, role)) for a in d.attributions if getattr(a, role)]
            counts[role].add(match_spans(pr, g))
    return counts


def cross_validate(rows: list, docs: dict) -> dict[str, Any]:
    """Each fold's examples scored by a confidence fitted on the other four; the pipeline's PolNeAR scores for
    each threshold of the grid, pooled and on fold 0; the threshold chosen on fold 0."""
    prob = [0.0] * len(rows)
    for k in range(5):
        m = ConfidenceModel({"weights": fit([r for r in rows if r[0] != k]), "threshold": 0.0})
        for i, r in enumerate(rows):
            if r[0] == k:
                prob[i] = m.probability(r[3])
    kept = [kept_regardless(r[3]) for r in rows]
    by_fold = [[i for i, r in enumerate(rows) if r[0] == k] for k in range(5)]
    per_fold = {}          # (threshold, fold) -> role counts: each fold scored once per threshold
    for t in GRID:
        for k, idx in enumerate(by_fold):
            per_fold[t, k] = _score([rows[i] for i in idx], docs, lambda j: prob[idx[j]] >= t or kept[idx[j]])

    def scores(t, folds):
        pooled = {role: Counts() for role in ROLES}
        for k in folds:
            for role in ROLES:
                pooled[role].add(per_fold[t, k][role])
        return EvalResult(len({rows[i][1] for k in folds for i in by_fold[k]}), pooled).scores()

    out: dict[str, Any] = {"thresholds": {str(t): {"pooled": scores(t, range(5)), "fold0": scores(t, [0])}
                                          for t in GRID}}

    def fold0_f1(t):
        s = out["thresholds"][str(t)]["fold0"]
        return (s["speaker"]["overlap"]["f1"] + s["content"]["overlap"]["f1"]) / 2
    out["chosen"] = max(GRID, key=lambda t: (round(fold0_f1(t), 6), -t))
    # without the confidence and at the chosen threshold, fold by fold
    out["per_fold"] = {f"{t}/{k}": scores(t, [k]) for t in (0.0, out["chosen"]) for k in range(5)}
    return out


def train(gold_dir: str | Path, heldout_dir: str | Path, out_path: str | Path,
          log: Callable[[str], None] = lambda m: None, limit: int | None = None,
          mix: dict | None = None) -> dict[str, Any]:
    """``mix``: the tagger's mixing weight and thresholds to train for (default ``tagger_train.MIX``); stored in
    the model's meta, since the confidence is only valid with the tagger mixed that way."""
    from .confidence import save
    from .tagger_train import MIX
    mix = dict(mix or MIX)
    rows, docs = collect(gold_dir, heldout_dir, log, limit=limit, mix=mix)
    cv = cross_validate(rows, docs)
    t = cv["chosen"]
    model = ConfidenceModel({"weights": fit(rows), "threshold": t,
                             "meta": {"articles": len(docs), "examples": len(rows),
                                      "positives": sum(r[4] for r in rows), "c": C, "seed": SEED,
                                      "min_count": MIN_COUNT,
                                      "chosen_on": "CV fold 0 (speaker + content overlap F1)", "mix": mix}})
    save(model, out_path)

    def brief(s):
        out = {role: {m: round(s[role][m]["f1"], 4) for m in ("overlap", "exact")} for role in ROLES}
        for role in ROLES:
            out[role].update(precision=round(s[role]["overlap"]["precision"], 4),
                             recall=round(s[role]["overlap"]["recall"], 4))
        return out
    return {"wrote": str(out_path), "threshold": t, "mix": mix, "articles": len(docs), "examples": len(rows),
            "cv": {str(k): {"pooled": brief(v["pooled"]), "fold0": brief(v["fold0"])}
                   for k, v in cv["thresholds"].items()},
            "per_fold": {k: brief(v) for k, v in cv["per_fold"].items()}}
