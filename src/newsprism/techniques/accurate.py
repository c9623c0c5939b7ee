"""The accurate technique model: a fine-tuned MiniLM token tagger run with onnxruntime (no torch).

all-MiniLM-L6-v2 (the encoder the cue tagger fine-tunes, ``voices.tagger``) with two heads over each
wordpiece, trained on PTC by ``newsprism train techniques --accurate`` (``accurate_train``) and exported to
ONNX with int8 weights:

- **span** (SI): B / I / O, a fragment begins at B and runs over I;
- **technique** (TC): the 14 techniques, learnt on the wordpieces inside gold fragments; a fragment's
  technique is the one with the largest mean probability over its wordpieces (so one encoder pass serves both
  tasks, also for fragments given from outside, as in TC scoring).

Each sentence (at most ``MAX_PIECES`` - 2 wordpieces a window; a longer one is cut into windows) is one input.
A wordpiece is in a fragment when P(B) + P(I) >= ``threshold`` (the meta); runs of such wordpieces, widened
to whole words, are the fragments. The files are ``resources/techniques/accurate.onnx`` and
``accurate.json.gz`` (WordPiece tokenizer, labels, threshold, training meta), read once per process.

**The hybrid** (``HybridModel``, what ``--techniques-model accurate`` runs): the encoder's fragments (SI), and
for each fragment the weighted mean of two technique probability vectors, the encoder head's and the fast
model's TC classifier's (``techniques.model``: fragment, sentence and document features, among them the
repetition counts and similarities a sentence encoder cannot see): ``TC_WEIGHT`` x fast + (1 - ``TC_WEIGHT``)
x encoder. Both the weight and the SI rule (the encoder's spans alone) were fixed before any held-out
scoring; ``techniques.accurate_score`` scores the alternatives beside them for information.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .model import Fragment

MODEL_FILE = "accurate.onnx"
META_FILE = "accurate.json.gz"
MAX_PIECES = 128
BATCH = 16
SI_LABELS = ("O", "B", "I")
TC_WEIGHT = 0.5        # the fast classifier's share of the hybrid's technique probabilities (fixed a priori)
HYBRID = f"w{TC_WEIGHT}"   # the hybrid's rule, named in the stage version


def default_dir() -> Path:
    return Path(str(resources.files("newsprism.resources").joinpath("techniques")))


@dataclass
class Pieces:
    """The model's output for one text: per wordpiece, its characters and probabilities."""
    starts: np.ndarray     # (m,) character offsets in the text
    ends: np.ndarray
    p_in: np.ndarray       # (m,) P(B) + P(I)
    p_begin: np.ndarray    # (m,) P(B)
    p_tech: np.ndarray     # (m, 14)


def windows(tokenizer, text: str, bounds: list[tuple[int, int]], cls: int, sep: int
            ) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Per sentence (character bounds), windows of at most ``MAX_PIECES - 2`` wordpieces: the input ids
    ``[CLS] pieces [SEP]`` and each id's character offsets in ``text`` ((0, 0) for the special ids)."""
    out = []
    step = MAX_PIECES - 2
    for s, e in bounds:
        if not text[s:e].strip():
            continue
        enc = tokenizer.encode(text[s:e], add_special_tokens=False)
        ids, offs = list(enc.ids), [(s + a, s + b) for a, b in enc.offsets]
        for a in range(0, len(ids), step):
            out.append(([cls, *ids[a:a + step], sep], [(0, 0), *offs[a:a + step], (0, 0)]))
    return out


def _word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to whole words (a wordpiece run may start or end inside one)."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


class AccurateModel:
    def __init__(self, model_path: str | Path, meta_path: str | Path, threads: int = 1):
        import onnxruntime as ort
        from tokenizers import Tokenizer
        with gzip.open(meta_path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        self.meta: dict[str, Any] = data["meta"]
        self.labels: list[str] = data["labels"]
        self.threshold: float = float(data["threshold"])
        self.tokenizer = Tokenizer.from_str(json.dumps(data["tokenizer"]))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.cls, self.sep = int(self.meta["cls_id"]), int(self.meta["sep_id"])
        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = 1
        # no arena: it keeps the largest batch's buffers for the life of the process (each worker's
        # own pages); plain malloc gives them back. Same outputs, 30-55 MiB less per process.
        so.enable_cpu_mem_arena = False
        self.session = ort.InferenceSession(str(model_path), so, providers=["CPUExecutionProvider"])

    def pieces(self, text: str, bounds: list[tuple[int, int]]) -> Pieces:
        """Run the encoder over every sentence of ``text`` (one pass for both heads)."""
        wins = windows(self.tokenizer, text, bounds, self.cls, self.sep)
        order = sorted(range(len(wins)), key=lambda i: len(wins[i][0]))
        rows: list[tuple[int, int, float, float, np.ndarray]] = []
        for b in range(0, len(order), BATCH):
            batch = [wins[i] for i in order[b:b + BATCH]]
            n = max(len(w[0]) for w in batch)
            ids = np.zeros((len(batch), n), dtype=np.int64)
            mask = np.zeros_like(ids)
            for j, (wid, _) in enumerate(batch):
                ids[j, :len(wid)] = wid
                mask[j, :len(wid)] = 1
            si, tc = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            for j, (_, offs) in enumerate(batch):
                rows += [(a, z, float(si[j, q, 1] + si[j, q, 2]), float(si[j, q, 1]), tc[j, q])
                         for q, (a, z) in enumerate(offs) if z > a]
        rows.sort(key=lambda r: (r[0], r[1]))
        k = len(self.labels)
        return Pieces(np.array([r[0] for r in rows], np.int64), np.array([r[1] for r in rows], np.int64),
                      np.array([r[2] for r in rows], np.float32), np.array([r[3] for r in rows], np.float32),
                      np.stack([r[4] for r in rows]) if rows else np.zeros((0, k), np.float32))

    def spans(self, text: str, p: Pieces, threshold: float | None = None) -> list[tuple[int, int, float]]:
        """Fragments (start, end, mean P(in a fragment) over their wordpieces) from the span head (a wordpiece
        is in one from P(B) + P(I) >= ``threshold``, default the meta's)."""
        threshold = self.threshold if threshold is None else threshold
        out: list[list[Any]] = []
        prev_end, prev_on = -1, False
        for q in range(len(p.starts)):
            on = p.p_in[q] >= threshold
            a, z = int(p.starts[q]), int(p.ends[q])
            gap = text[prev_end:a] if prev_end >= 0 else "\n"
            if on:
                fresh = (not prev_on or "\n" in gap or (p.p_begin[q] >= 0.5 and p.p_begin[q] > p.p_in[q] / 2))
                if fresh:
                    out.append([a, z, [float(p.p_in[q])]])
                else:
                    out[-1][1] = z
                    out[-1][2].append(float(p.p_in[q]))
            prev_end, prev_on = z, on
        return [(*_word_span(text, a, z), sum(ps) / len(ps)) for a, z, ps in out]

    def classify(self, p: Pieces, spans: list[tuple[int, int]]) -> list[list[tuple[str, float]]]:
        """Per span, the techniques by their mean probability over the wordpieces it overlaps, best first."""
        out = []
        for s, e in spans:
            sel = (p.starts < e) & (p.ends > s)
            probs = p.p_tech[sel].mean(axis=0) if sel.any() else np.full(len(self.labels), 1 / len(self.labels))
            order = np.argsort(-probs, kind="stable")
            out.append([(self.labels[i], float(probs[i])) for i in order])
        return out

    def predict(self, text: str, bounds: list[tuple[int, int]] | None = None) -> list[Fragment]:
        """Fragments with their most likely technique (the full task), as ``TechniqueModel.predict``."""
        from .features import sentence_bounds
        bounds = sentence_bounds(text) if bounds is None else bounds
        p = self.pieces(text, bounds)
        found = self.spans(text, p)
        ranked = self.classify(p, [(s, e) for s, e, _ in found])
        return [Fragment(s, e, round(score, 4), r[0][0], round(r[0][1], 4))
                for (s, e, score), r in zip(found, ranked)]


def combine(encoder: list[list[tuple[str, float]]], fast: list[list[tuple[str, float]]],
            weight: float = TC_WEIGHT) -> list[list[tuple[str, float]]]:
    """Per fragment, ``weight`` x the fast model's probabilities + (1 - ``weight``) x the encoder's (each a
    ranked (label, probability) list over the same labels), ranked again (ties by label)."""
    out = []
    for e, f in zip(encoder, fast):
        pe, pf = dict(e), dict(f)
        mixed = {label: weight * pf.get(label, 0.0) + (1 - weight) * pe.get(label, 0.0) for label in pe.keys() | pf.keys()}
        out.append(sorted(mixed.items(), key=lambda x: (-x[1], x[0])))
    return out


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence holding character ``pos`` (the last one starting at or before it)."""
    import bisect
    i = bisect.bisect_right([s for s, _ in bounds], pos) - 1
    return bounds[max(i, 0)] if bounds else (pos, pos)


class HybridModel:
    """The encoder's fragments, named by the mean of the encoder's and the fast classifier's probabilities."""

    def __init__(self, encoder: AccurateModel, fast, weight: float = TC_WEIGHT):
        self.encoder, self.fast, self.weight = encoder, fast, weight

    def fast_classify(self, text: str, spans: list[tuple[int, int]], bounds: list[tuple[int, int]]
                      ) -> list[list[tuple[str, float]]]:
        """The fast model's ranked techniques for ``spans`` taken as the document's fragments, ``bounds`` its
        sentences (for the sentence, document and similarity features)."""
        if not spans:
            return []
        kept = [b for b in bounds if text[b[0]:b[1]].strip()] or [(0, len(text))]
        vecs = self.fast.sentence_vectors(text, kept)
        sents = [_sentence_of(kept, s) for s, _ in spans]
        idx = {b: i for i, b in enumerate(kept)}
        svecs = vecs[[idx[b] for b in sents]] if vecs is not None else None
        # as ``train.predict_tc`` (the fast model's TC scoring): every fragment embedded on its own
        return self.fast.classify_many(text, spans, sents, svecs, text.lower(), None, kept, vecs)

    def classify(self, text: str, p: Pieces, spans: list[tuple[int, int]], bounds: list[tuple[int, int]]
                 ) -> list[list[tuple[str, float]]]:
        return combine(self.encoder.classify(p, spans), self.fast_classify(text, spans, bounds), self.weight)

    def predict(self, text: str, bounds: list[tuple[int, int]] | None = None) -> list[Fragment]:
        from .features import sentence_bounds
        bounds = sentence_bounds(text) if bounds is None else bounds
        p = self.encoder.pieces(text, bounds)
        found = self.encoder.spans(text, p)
        ranked = self.classify(text, p, [(s, e) for s, e, _ in found], bounds)
        return [Fragment(s, e, round(score, 4), r[0][0], round(r[0][1], 4))
                for (s, e, score), r in zip(found, ranked)]


def load_hybrid(directory: str | Path | None = None, fast_path: str | Path | None = None) -> HybridModel:
    """The hybrid of the accurate model in ``directory`` (default: the shipped one) and the fast model."""
    from .model import load as load_fast
    return HybridModel(load(directory), load_fast(fast_path))


@lru_cache(maxsize=4)
def _load(directory: str) -> AccurateModel:
    d = Path(directory)
    if not (d / MODEL_FILE).is_file() or not (d / META_FILE).is_file():
        raise FileNotFoundError(
            f"the accurate technique model ({d / MODEL_FILE}) is missing: run `newsprism train techniques "
            "--accurate` (needs the tagger-train extra) or use --techniques-model fast")
    return AccurateModel(d / MODEL_FILE, d / META_FILE)


def load(directory: str | Path | None = None) -> AccurateModel:
    """The shipped accurate model, read once per process (and per folder)."""
    return _load(str(directory or default_dir()))


@lru_cache(maxsize=1)
def model_version() -> str:
    """A short hash of the shipped files (part of the techniques stage version); "none" when absent."""
    h = hashlib.sha256()
    for name in (MODEL_FILE, META_FILE):
        p = default_dir() / name
        if not p.is_file():
            return "none"
        h.update(p.read_bytes())
    return h.hexdigest()[:10]
