"""The shipped technique models and their inference (no torch; numpy for the embeddings).

Three linear models, trained by ``newsprism train techniques`` and stored as one
gzipped JSON file in ``newsprism/resources/techniques/``:

- **SI** (span identification), two parts:
  - a *sentence classifier* (logistic regression over the sentence's words and word
    pairs plus its USE embedding, ``embed``) gives P(the sentence holds a technique);
  - a linear-chain CRF over word tokens with labels O/I gives each token's marginal
    P(I) (forward-backward).
  Decoding, per sentence: when P(sentence) ≥ ``decode.whole`` the whole sentence
  (without end punctuation) is one fragment, trimmed to run from the first to the
  last token with shifted P(I) ≥ ``decode.trim`` (if any); otherwise a token is marked when
  sigmoid(logit P(I) + beta · (logit P(sentence) − logit prior)) ≥ ``threshold`` and
  runs of marked tokens become fragments.
- **TC** (technique classification): multinomial logistic regression over sparse
  fragment features (``features.span_features``, ``features.span_set_features`` and
  ``similarity_features``: how closely the fragment recurs in the document's other
  sentences) and the USE embeddings of the fragment, its sentence and the document.

Files without the sentence classifier or the TC embedding weights (format 1) still
load and run as plain CRF + sparse logistic regression.
``load()`` reads the file once per process (module-level cache).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from . import embed
from . import features as F
from ..resources.weights import load_json_gz, save_json_gz

MODEL_FILE = "model.json.gz"
_CACHE: dict[str, "TechniqueModel"] = {}


@dataclass(frozen=True)
class Fragment:
    start: int
    end: int
    score: float                 # P(propaganda): mean over its tokens, or P(sentence) for a whole sentence
    label: str
    label_score: float           # P(label | fragment)


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def _trim(toks: list[F.Token], i: int, j: int, lead: bool) -> tuple[int, int]:
    """Drop punctuation tokens at the end (and at the start when ``lead``) of tokens i..j."""
    while j > i and not toks[j].text[0].isalnum():
        j -= 1
    while lead and i < j and not toks[i].text[0].isalnum():
        i += 1
    return i, j


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
        sent = si.get("sentence")
        self.sent_b: float = sent["intercept"] if sent else 0.0
        self.sent_w: dict[str, float] = sent["features"] if sent else {}
        self.sent_use = np.asarray(sent["use"], np.float32) if sent and sent.get("use") else None
        self.has_sentence = sent is not None
        dec = si.get("decode", {})
        self.beta: float = dec.get("beta", 0.0)
        self.whole: float = dec.get("whole", 2.0)      # > 1: never a whole sentence
        self.prior: float = dec.get("prior", 0.5)
        self.trim: float = dec.get("trim", 0.0)        # 0: a whole-sentence fragment is never trimmed
        self.tc_labels: list[str] = tc["labels"]
        self.tc_b: list[float] = tc["intercept"]
        self.tc_w: dict[str, list[float]] = tc["features"]
        # the same weights as one matrix: a fragment's score is a sum of rows (numpy, not a loop)
        self.tc_row = {name: i for i, name in enumerate(self.tc_w)}
        self.tc_W = np.asarray(list(self.tc_w.values()) or [[0.0] * len(self.tc_labels)], np.float64)
        self.tc_B = np.asarray(self.tc_b, np.float64)
        self.tc_use = np.asarray(tc["use"], np.float32) if tc.get("use") else None
        self.tc_sent_use = np.asarray(tc["sent_use"], np.float32) if tc.get("sent_use") else None
        self.tc_doc_use = np.asarray(tc["doc_use"], np.float32) if tc.get("doc_use") else None

    @property
    def needs_embeddings(self) -> bool:
        return (self.sent_use is not None or self.tc_use is not None or self.tc_sent_use is not None
                or self.tc_doc_use is not None)

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

    def sentence_probs(self, sents: list[list[F.Token]], vecs: np.ndarray | None) -> list[float]:
        """P(the sentence holds a technique) per sentence; 0.5 everywhere without a sentence model."""
        if not self.has_sentence:
            return [0.5] * len(sents)
        get = self.sent_w.get
        dense = (vecs @ self.sent_use).tolist() if self.sent_use is not None and vecs is not None else [0.0] * len(sents)
        out = []
        for i, (toks, d) in enumerate(zip(sents, dense)):
            z = self.sent_b + d
            for name, v in F.sentence_features(toks, i).items():
                w = get(name)
                if w is not None:
                    z += v * w
            out.append(_sigmoid(z))
        return out

    def _sentences(self, text: str, bounds: list[tuple[int, int]]) -> tuple[list[list[F.Token]], list[tuple[int, int]]]:
        sents, kept = [], []
        for b in bounds:
            toks = F.tokens(text, *b)
            if toks:
                sents.append(toks)
                kept.append(b)
        return sents, kept

    def sentence_vectors(self, text: str, kept: list[tuple[int, int]]) -> np.ndarray | None:
        return embed.encode([text[s:e] for s, e in kept]) if self.needs_embeddings else None

    def identify(self, text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, float, tuple[int, int]]]:
        """Fragments (start, end, score, sentence bounds) in ``text``."""
        sents, kept, vecs = self._prepare(text, bounds)
        return [(s, e, sc, kept[k]) for s, e, sc, k, _ in self._identify(text, sents, kept, vecs)]

    def _prepare(self, text: str, bounds: list[tuple[int, int]]):
        sents, kept = self._sentences(text, bounds)
        return sents, kept, self.sentence_vectors(text, kept)

    def _identify(self, text: str, sents, kept, vecs) -> list[tuple[int, int, float, int, bool]]:
        """(start, end, score, sentence index, whole sentence?) per fragment."""
        out = []
        p_sent = self.sentence_probs(sents, vecs)
        shift0 = _logit(self.prior)
        for k, (toks, fs, ps) in enumerate(zip(sents, F.document_features(text, sents), p_sent)):
            shift = self.beta * (_logit(ps) - shift0) if self.has_sentence else 0.0
            whole = self.has_sentence and ps >= self.whole
            if whole and self.trim <= 0:
                i, j = _trim(toks, 0, len(toks) - 1, lead=True)
                out.append((toks[i].start, toks[j].end, ps, k, True))
                continue
            probs = [_sigmoid(_logit(p) + shift) if shift else p for p in self.token_marginals(fs)]
            if whole:
                full = _trim(toks, 0, len(toks) - 1, lead=True)
                i, j = _trim(toks, *self._trimmed(probs), lead=True)
                out.append((toks[i].start, toks[j].end, ps, k, (i, j) == full))
                continue
            run: list[int] = []
            for i, p in enumerate(probs + [0.0]):
                if i < len(probs) and p >= self.threshold:
                    run.append(i)
                    continue
                if run:
                    a, b = _trim(toks, run[0], run[-1], lead=False)
                    out.append((toks[a].start, toks[b].end, sum(probs[a:b + 1]) / (b - a + 1), k, False))
                    run = []
        return out

    def _trimmed(self, probs: list[float]) -> tuple[int, int]:
        """The first to the last token with (shifted) P(I) ≥ ``trim``; all tokens if none is.

        A confident sentence stays one fragment, but the words the CRF gives no weight at
        either end (often "he said", a date, a name) are left out: on folds 0-1 of 5 this
        raised SI F1 0.380 -> 0.388 (precision up, recall down less).
        """
        on = [i for i, p in enumerate(probs) if p >= self.trim]
        return (on[0], on[-1]) if on else (0, len(probs) - 1)

    # --- technique classification -------------------------------------------
    def classify_many(self, text: str, spans: list[tuple[int, int]], sents: list[tuple[int, int]],
                      sent_vecs: np.ndarray | None = None, doc_lower: str | None = None,
                      same_as_sentence: list[bool] | None = None,
                      doc_sents: list[tuple[int, int]] | None = None, doc_sent_vecs: np.ndarray | None = None
                      ) -> list[list[tuple[str, float]]]:
        """(label, probability) lists, most likely first, for fragments of one document.

        ``sents[i]`` is the sentence of ``spans[i]`` and ``sent_vecs[i]`` its embedding;
        all ``spans`` are taken as the document's fragments (``span_set_features``).
        Where ``same_as_sentence[i]`` (a whole-sentence fragment), the sentence's
        embedding stands for the fragment's: it differs by end punctuation only, and
        encoding it again would double the stage's embedding time. ``doc_sents`` are all the
        document's sentences and ``doc_sent_vecs`` their embeddings (the document vector and
        the similarity features come from them); ``sentence_bounds`` and encoded if not given.
        """
        if not spans:
            return []
        doc_lower = text.lower() if doc_lower is None else doc_lower
        L = len(self.tc_labels)
        dense = np.zeros((len(spans), L), np.float64)
        if (self.tc_use is not None or self.tc_sent_use is not None) and sent_vecs is None:
            sent_vecs = embed.encode([text[s:e] for s, e in sents])
        span_vecs = None
        if self.tc_use is not None:
            reuse = same_as_sentence or [False] * len(spans)
            todo = [i for i, r in enumerate(reuse) if not r]
            span_vecs = sent_vecs.copy()
            if todo:
                span_vecs[todo] = embed.encode([text[spans[i][0]:spans[i][1]] for i in todo])
            dense += span_vecs @ self.tc_use
        if self.tc_sent_use is not None:
            dense += sent_vecs @ self.tc_sent_use
        if self.tc_doc_use is not None or span_vecs is not None:
            if doc_sents is None or doc_sent_vecs is None:
                doc_sents = F.sentence_bounds(text)
                doc_sent_vecs = embed.encode([text[a:b] for a, b in doc_sents])
        if self.tc_doc_use is not None:
            dense += document_vector(doc_sent_vecs) @ self.tc_doc_use
        simf = (similarity_features(span_vecs, own_sentences(spans, doc_sents), doc_sent_vecs)
                if span_vecs is not None else [{} for _ in spans])
        row = self.tc_row.get
        stats = F.document_stats(text)
        out = []
        for (s, e), sent, setf, sf, d in zip(spans, sents, F.span_set_features(text, spans), simf, dense):
            feats = F.span_features(text, s, e, sent, doc_lower, stats)
            feats.update(setf)
            feats.update(sf)
            idx, vals = [], []
            for name, v in feats.items():
                i = row(name)
                if i is not None:
                    idx.append(i)
                    vals.append(v)
            scores = self.tc_B + d
            if idx:
                scores = scores + np.asarray(vals) @ self.tc_W[idx]
            scores = np.exp(scores - scores.max())
            probs = (scores / scores.sum()).tolist()
            out.append(sorted(zip(self.tc_labels, probs), key=lambda x: (-x[1], x[0])))
        return out

    def classify(self, text: str, start: int, end: int, sent: tuple[int, int] | None = None,
                 doc_lower: str | None = None) -> list[tuple[str, float]]:
        """(label, probability) for one fragment on its own, most likely first."""
        return self.classify_many(text, [(start, end)], [sent or (start, end)], None, doc_lower)[0]

    def predict(self, text: str, bounds: list[tuple[int, int]] | None = None) -> list[Fragment]:
        """Fragments with their most likely technique (the full task)."""
        bounds = F.sentence_bounds(text) if bounds is None else bounds
        sents, kept, vecs = self._prepare(text, bounds)
        found = self._identify(text, sents, kept, vecs)
        ranked = self.classify_many(text, [(s, e) for s, e, *_ in found], [kept[f[3]] for f in found],
                                    vecs[[f[3] for f in found]] if vecs is not None and found else None,
                                    text.lower(), [f[4] for f in found], kept, vecs)
        return [Fragment(s, e, round(score, 4), r[0][0], round(r[0][1], 4))
                for (s, e, score, _, _), r in zip(found, ranked)]


def document_vector(sent_vecs: np.ndarray) -> np.ndarray:
    """The mean of a document's sentence vectors, L2-normalised (zeros for no sentence)."""
    if len(sent_vecs) == 0:
        return np.zeros(embed.DIM, np.float32)
    m = sent_vecs.mean(axis=0)
    return m / (np.linalg.norm(m) + 1e-9)


SIM_CLOSE = 0.8     # a sentence this similar (cosine) to a fragment counts as a near-repeat of it


def own_sentences(spans: list[tuple[int, int]], bounds: list[tuple[int, int]]) -> list[int]:
    """Index of the sentence (in ``bounds``, sorted) in which each span starts."""
    starts = [s for s, _ in bounds]
    return [max(bisect.bisect_right(starts, s) - 1, 0) for s, _ in spans]


def similarity_features(span_vecs: np.ndarray, own: list[int], sent_vecs: np.ndarray) -> list[dict[str, float]]:
    """How closely each fragment's message recurs in the document's *other* sentences.

    The largest cosine between the fragment's embedding and another sentence's (in
    buckets of 0.1 from 0.4 up), and how many other sentences reach ``SIM_CLOSE``: a cue
    for Repetition that word counts miss when the message is paraphrased. Chosen on folds
    0-1 of 5: TC 0.6214 -> 0.6257 (both folds up).
    """
    n = len(span_vecs)
    if n == 0:
        return []
    if len(sent_vecs) < 2:
        sims = np.full((n, 1), -1.0)
    else:
        sims = span_vecs @ sent_vecs.T
        sims[np.arange(n), np.minimum(own, len(sent_vecs) - 1)] = -1.0   # the fragment's own sentence
    best = sims.max(axis=1)
    close = (sims >= SIM_CLOSE).sum(axis=1)
    return [{f"simmax={F.bucket(int(b * 10), (4, 5, 6, 7, 8))}": 1.0, f"simc8={min(int(c), 3)}": 1.0}
            for b, c in zip(best.tolist(), close.tolist())]


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
