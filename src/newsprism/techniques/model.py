"""The shipped technique models and their pure-Python inference (no torch, no numpy).

Two linear models, trained by ``newsprism train techniques`` and stored as one
gzipped JSON file in ``newsprism/resources/techniques/``:

- **SI** (span identification): a linear-chain CRF over word tokens with labels
  O/I; a token is marked when its marginal P(I) (forward-backward) reaches
  ``threshold``; runs of marked tokens in one sentence become fragments.
- **TC** (technique classification): multinomial logistic regression over
  fragment features (``features.span_features``).

``load()`` reads the file once per process (module-level cache).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from . import features as F
from ..resources.weights import load_json_gz, save_json_gz

MODEL_FILE = "model.json.gz"
_CACHE: dict[str, "TechniqueModel"] = {}


@dataclass(frozen=True)
class Fragment:
    start: int
    end: int
    score: float                 # mean P(propaganda) of its tokens
    label: str
    label_score: float           # P(label | fragment)


class TechniqueModel:
    def __init__(self, data: dict[str, Any]):
        si, tc = data["si"], data["tc"]
        self.meta = data.get("meta", {})
        self.si_labels: list[str] = si["labels"]
        self.i_index = self.si_labels.index("I")
        self.trans: list[list[float]] = si["transitions"]
        self.exp_trans = [[math.exp(w) for w in row] for row in self.trans]
        self.si_w: dict[str, list[float]] = si["features"]
        self.threshold: float = si["threshold"]
        self.tc_labels: list[str] = tc["labels"]
        self.tc_b: list[float] = tc["intercept"]
        self.tc_w: dict[str, list[float]] = tc["features"]

    # --- span identification -------------------------------------------------
    def token_marginals(self, feats: list[list[str]]) -> list[float]:
        """P(I) per token of one sentence (forward-backward in log space)."""
        L = len(self.si_labels)
        get = self.si_w.get
        emit = []
        for fs in feats:
            row = [0.0] * L
            for name in fs:
                w = get(name)
                if w is not None:
                    for k in range(L):
                        row[k] += w[k]
            emit.append(row)
        n = len(emit)
        if n == 0:
            return []
        # scaled forward-backward on potentials (each step renormalised: no overflow, no logs)
        E = [[math.exp(x - max(row)) for x in row] for row in emit]
        T = self.exp_trans
        r = range(L)
        a = E[0][:]
        z = sum(a)
        alpha = [[x / z for x in a]]
        for i in range(1, n):
            prev = alpha[-1]
            a = [E[i][k] * sum(prev[j] * T[j][k] for j in r) for k in r]
            z = sum(a)
            alpha.append([x / z for x in a])
        beta = [[1.0] * L for _ in range(n)]
        for i in range(n - 2, -1, -1):
            nxt, e = beta[i + 1], E[i + 1]
            b = [sum(T[j][k] * e[k] * nxt[k] for k in r) for j in r]
            z = sum(b)
            beta[i] = [x / z for x in b]
        I = self.i_index
        out = []
        for i in range(n):
            g = [alpha[i][k] * beta[i][k] for k in r]
            out.append(g[I] / sum(g))
        return out

    def identify(self, text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, float, tuple[int, int]]]:
        """Fragments (start, end, score, sentence bounds) in ``text``."""
        sents = []
        kept = []
        for b in bounds:
            toks = F.tokens(text, *b)
            if toks:
                sents.append(toks)
                kept.append(b)
        out = []
        for toks, fs, b in zip(sents, F.document_features(text, sents), kept):
            probs = self.token_marginals(fs)
            run: list[tuple[F.Token, float]] = []
            for t, p in zip(toks + [None], probs + [0.0]):
                if t is not None and p >= self.threshold:
                    run.append((t, p))
                    continue
                if run:
                    out.append((run[0][0].start, run[-1][0].end,
                                sum(p for _, p in run) / len(run), b))
                    run = []
        return out

    # --- technique classification -------------------------------------------
    def classify(self, text: str, start: int, end: int, sent: tuple[int, int] | None = None,
                 doc_lower: str | None = None) -> list[tuple[str, float]]:
        """(label, probability) for one fragment, most likely first."""
        scores = list(self.tc_b)
        get = self.tc_w.get
        for name, v in F.span_features(text, start, end, sent, doc_lower).items():
            w = get(name)
            if w is not None:
                for k in range(len(scores)):
                    scores[k] += v * w[k]
        z = _lse(scores)
        probs = [math.exp(s - z) for s in scores]
        return sorted(zip(self.tc_labels, probs), key=lambda x: (-x[1], x[0]))

    def predict(self, text: str, bounds: list[tuple[int, int]] | None = None) -> list[Fragment]:
        """Fragments with their most likely technique (the full task)."""
        bounds = F.sentence_bounds(text) if bounds is None else bounds
        low = text.lower()
        out = []
        for s, e, score, sent in self.identify(text, bounds):
            label, p = self.classify(text, s, e, sent, low)[0]
            out.append(Fragment(s, e, round(score, 4), label, round(p, 4)))
        return out


def _lse(xs: list[float]) -> float:
    m = max(xs)
    return m + math.log(sum(math.exp(x - m) for x in xs))


save = save_json_gz   # deterministic bytes (resources/weights.py)


def read(path: str | Path) -> TechniqueModel:
    return TechniqueModel(load_json_gz(path))


def default_path() -> Path:
    return Path(str(resources.files("newsprism.resources").joinpath("techniques", MODEL_FILE)))


def load(path: str | Path | None = None) -> TechniqueModel:
    """The model, read once per process (and per path)."""
    key = str(path or default_path())
    if key not in _CACHE:
        if not Path(key).is_file():
            raise FileNotFoundError(
                f"technique model {key} is missing: run `newsprism train techniques` "
                "(needs ../shared/data/ptc/train and the training extras)")
        _CACHE[key] = read(key)
    return _CACHE[key]
