"""The official SemEval-2020 Task 11 measures (Da San Martino et al., "Evaluation of
Propaganda Detection Tasks", the organisers' 2-page description shipped with PTC).

Fragments are sets of character positions. For predicted fragments S and gold T,
``C(s, t, h) = |s ∩ t| / h · δ(l(s), l(t))``;
``P = Σ_{s,t} C(s, t, |s|) / |S|``, ``R = Σ_{s,t} C(s, t, |t|) / |T|``,
F1 their harmonic mean, P = 0 when S is empty and R = 0 when T is empty.
Partial overlap earns partial credit; dividing by |S| and |T| penalises
predicting too many or too few fragments.

- **SI** (span identification): δ ≡ 1, after merging overlapping fragments on
  each side; sums run within each article and are added up over all articles.
- **TC** (technique classification): gold fragments are given, one technique is
  predicted per listed fragment; micro-averaged P/R/F1 over fragments. When one
  fragment carries several gold techniques the best matching is used (multiset
  intersection of labels on the same (start, end)).
- **FLC** (full task, reported for information): the formulas with δ on labels.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .ptc import Fragment, merge


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    n_pred: int
    n_gold: int
    per_label: dict[str, "Score"] = field(default_factory=dict)

    def as_dict(self) -> dict:
        d = {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
             "f1": round(self.f1, 4), "n_pred": self.n_pred, "n_gold": self.n_gold}
        if self.per_label:
            d["per_label"] = {k: v.as_dict() for k, v in sorted(self.per_label.items())}
        return d


def _score(p_num: float, n_pred: int, r_num: float, n_gold: int) -> Score:
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return Score(p, r, f, n_pred, n_gold)


def _by_article(frags: Iterable[Fragment]) -> dict[str, list[Fragment]]:
    out: dict[str, list[Fragment]] = defaultdict(list)
    for f in frags:
        out[f.article].append(f)
    return out


def _overlap_sums(pred: list[tuple[int, int, str | None]], gold: list[tuple[int, int, str | None]],
                  use_labels: bool) -> tuple[float, float]:
    """Σ C(s,t,|s|) and Σ C(s,t,|t|) over all pairs, for intervals [start, end)."""
    p_num = r_num = 0.0
    for ps, pe, pl in pred:
        for gs, ge, gl in gold:
            inter = min(pe, ge) - max(ps, gs)
            if inter <= 0 or (use_labels and pl != gl):
                continue
            p_num += inter / (pe - ps)
            r_num += inter / (ge - gs)
    return p_num, r_num


def si_score(pred: Iterable[Fragment], gold: Iterable[Fragment]) -> Score:
    """Span identification F1: overlapping fragments merged per side, labels ignored."""
    P, G = _by_article(pred), _by_article(gold)
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for art in set(P) | set(G):
        ps = [(s, e, None) for s, e in merge((f.start, f.end) for f in P.get(art, []) if f.end > f.start)]
        gs = [(s, e, None) for s, e in merge((f.start, f.end) for f in G.get(art, []) if f.end > f.start)]
        a, b = _overlap_sums(ps, gs, False)
        p_num, r_num, n_pred, n_gold = p_num + a, r_num + b, n_pred + len(ps), n_gold + len(gs)
    return _score(p_num, n_pred, r_num, n_gold)


def flc_score(pred: Iterable[Fragment], gold: Iterable[Fragment], label: str | None = None) -> Score:
    """Full-task score with δ on labels (optionally for one technique only); no merging."""
    P, G = _by_article(pred), _by_article(gold)
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for art in set(P) | set(G):
        ps = [(f.start, f.end, f.label) for f in P.get(art, []) if label in (None, f.label) and f.end > f.start]
        gs = [(f.start, f.end, f.label) for f in G.get(art, []) if label in (None, f.label) and f.end > f.start]
        a, b = _overlap_sums(ps, gs, True)
        p_num, r_num, n_pred, n_gold = p_num + a, r_num + b, n_pred + len(ps), n_gold + len(gs)
    return _score(p_num, n_pred, r_num, n_gold)


def tc_score(pred: Iterable[Fragment], gold: Iterable[Fragment]) -> Score:
    """Technique classification on gold fragments: micro P/R/F1, plus per-technique F1."""
    gold_l: dict[tuple, Counter] = defaultdict(Counter)
    pred_l: dict[tuple, Counter] = defaultdict(Counter)
    for f in gold:
        gold_l[(f.article, f.start, f.end)][f.label] += 1
    for f in pred:
        pred_l[(f.article, f.start, f.end)][f.label] += 1
    correct: Counter = Counter()
    for key, labs in pred_l.items():
        correct.update(labs & gold_l.get(key, Counter()))
    n_pred = sum(sum(c.values()) for c in pred_l.values())
    n_gold = sum(sum(c.values()) for c in gold_l.values())
    micro = _score(sum(correct.values()), n_pred, sum(correct.values()), n_gold)
    gold_n = Counter(l for c in gold_l.values() for l in c.elements())
    pred_n = Counter(l for c in pred_l.values() for l in c.elements())
    micro.per_label = {lab: _score(correct[lab], pred_n[lab], correct[lab], gold_n[lab])
                       for lab in sorted(set(gold_n) | set(pred_n))}
    return micro
