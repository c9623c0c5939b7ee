"""Contextual cue probabilities: a fine-tuned MiniLM token tagger, run over each sentence of the parse.

The logistic regression of ``voices.cuemodel`` sees a word's parse neighbourhood; most cues it misses are
frequent words that report only in context ("be", "have", "think", "support"). This tagger is
all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) fine-tuned on PolNeAR train to mark the wordpieces
of gold cues (``newsprism train cue-tagger``, ``voices.tagger_train``), exported to ONNX with int8
weights. ``voices.attributions`` mixes its probability into the cue model's score (the weight and the
thresholds are in the file's meta); source and content still come from the rules. A tagger trained with
``--context N`` (meta ``params.context``) sees the last N wordpieces of the sentence before in front of each
sentence (``windows``); the shipped one has 32 (since stage 17).

Runs with onnxruntime and tokenizers only (no torch). The files are
``resources/voices/cue_tagger.onnx`` and ``cue_tagger.json.gz`` (the WordPiece tokenizer and the meta);
loaded once per process, one ONNX thread (a document stage runs one process per core). Without the
files (or with ``NEWSPRISM_CUE_TAGGER=0``) the cue model runs alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import setting_value

MODEL_FILE = "cue_tagger.onnx"
META_FILE = "cue_tagger.json.gz"
MAX_PIECES = 128          # wordpieces per sentence, as trained; a longer sentence is run in windows
BATCH = 16
GATE = 0.1             # P by the cue model alone below which a sentence is not encoded (docs/voices.md)


def default_dir() -> Path:
    return Path(str(resources.files("newsprism.resources").joinpath("voices")))


class CueTagger:
    def __init__(self, model_path: str | Path, meta_path: str | Path):
        import onnxruntime as ort
        from tokenizers import Tokenizer
        with gzip.open(meta_path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        self.meta: dict[str, Any] = data["meta"]
        self.weight: float = float(data["weight"])
        # the weight for a listed reporting verb (the keep test; older files have one weight for all)
        self.weight_lexicon: float = float(data.get("weight_lexicon", data["weight"]))
        self.threshold: float = float(data["threshold"])
        self.keep: float = float(data["keep"])
        self.fallback: float = float(data["fallback"])
        # sentences where no word reaches P = gate by the cue model alone are not encoded (docs/voices.md)
        self.gate: float = GATE
        self.tokenizer = Tokenizer.from_str(json.dumps(data["tokenizer"]))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        # no arena: it keeps the largest batch's buffers for the life of the process (each worker's
        # own pages); plain malloc gives them back. Same outputs, 30-55 MiB less per process.
        so.enable_cpu_mem_arena = False
        self.session = ort.InferenceSession(str(model_path), so, providers=["CPUExecutionProvider"])

    def token_probs(self, doc, sentences: list[int] | None = None) -> dict[int, float]:
        """P(cue) of every spaCy token of ``doc`` (or of the given sentences, by index) that a wordpiece
        covers: the largest over its pieces."""
        import numpy as np
        context = int(self.meta.get("params", {}).get("context", 0))
        wins = windows(self.tokenizer, doc, self.meta["cls_id"], self.meta["sep_id"], context, sentences)
        piece_p: list[tuple[int, int, float]] = []
        order = sorted(range(len(wins)), key=lambda i: len(wins[i][1]))
        for b in range(0, len(order), BATCH):
            batch = [wins[i] for i in order[b:b + BATCH]]
            n = max(len(w[1]) for w in batch)
            ids = np.zeros((len(batch), n), dtype=np.int64)
            mask = np.zeros_like(ids)
            for j, (_, wid, _, _) in enumerate(batch):
                ids[j, :len(wid)] = wid
                mask[j, :len(wid)] = 1
            p = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]   # thread-safe
            for j, (base, _, offs, _) in enumerate(batch):
                piece_p += [(base + a, base + z, float(p[j, q])) for q, (a, z) in enumerate(offs) if z > a]
        return token_max(doc, piece_p)

    def mix(self, z_model: float, p_tagger: float | None, lexicon: bool = False) -> float:
        """P(cue) from the cue model's logit and the tagger's probability (weight ``self.weight`` on the tagger,
        ``self.weight_lexicon`` for a listed reporting verb)."""
        if p_tagger is not None:
            w = self.weight_lexicon if lexicon else self.weight
            p = min(max(p_tagger, 1e-6), 1 - 1e-6)
            z_model = (1 - w) * z_model + w * math.log(p / (1 - p))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z_model))))


def windows(tokenizer, doc, cls: int, sep: int, context: int = 0, sentences: list[int] | None = None,
            first_only: bool = False) -> list[tuple[int, list[int], list[tuple[int, int]], int]]:
    """The tagger's inputs for the sentences of ``doc`` (all, or those with the given indices): per window of at
    most ``MAX_PIECES - 2`` wordpieces of a sentence (a longer one is split; ``first_only`` keeps the first window
    alone, as training does), (the sentence's first character, input ids, per-id character offsets in the
    sentence, the number of ids before the window's). The ids are ``[CLS] window [SEP]``; with ``context`` > 0 the last ``context`` wordpieces before
    the window (the previous non-empty sentence's for a sentence's first window, else the same sentence's)
    come first, ``[CLS] context [SEP] window [SEP]``. Special and context ids have offsets (0, 0): they are
    never labelled or scored."""
    sents = list(doc.sents)
    wanted = range(len(sents)) if sentences is None else sentences
    cache: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}

    def enc(k: int) -> tuple[list[int], list[tuple[int, int]]]:
        if k not in cache:
            e = tokenizer.encode(sents[k].text, add_special_tokens=False)
            cache[k] = (list(e.ids), [tuple(o) for o in e.offsets])
        return cache[k]

    step = MAX_PIECES - 2
    out = []
    for k in wanted:
        if not sents[k].text.strip():
            continue
        ids, offs = enc(k)
        prev: list[int] = []
        if context > 0:
            j = k - 1
            while j >= 0 and not sents[j].text.strip():
                j -= 1
            prev = enc(j)[0][-context:] if j >= 0 else []
        for a in range(0, max(1, len(ids)), step):
            ctx = (ids[max(0, a - context):a] if a else prev) if context > 0 else []
            head = [cls, *ctx, sep] if ctx else [cls]
            out.append((sents[k].start_char, [*head, *ids[a:a + step], sep],
                        [(0, 0)] * len(head) + offs[a:a + step] + [(0, 0)], len(head)))
            if first_only:
                break
    return out


def token_max(doc, pieces: list[tuple[int, int, float]]) -> dict[int, float]:
    """spaCy token index -> the largest probability of the wordpieces (start, end, p) that overlap it."""
    pieces = sorted(pieces)
    out: dict[int, float] = {}
    k = 0
    for tok in doc:                                    # both sorted by start: one pass
        a, z = tok.idx, tok.idx + len(tok)
        while k < len(pieces) and pieces[k][1] <= a:
            k += 1
        best, q = None, k
        while q < len(pieces) and pieces[q][0] < z:
            best = pieces[q][2] if best is None else max(best, pieces[q][2])
            q += 1
        if best is not None:
            out[tok.i] = best
    return out


@lru_cache(maxsize=4)
def _load(directory: str) -> CueTagger | None:
    d = Path(directory)
    if not (d / MODEL_FILE).is_file() or not (d / META_FILE).is_file():
        return None
    return CueTagger(d / MODEL_FILE, d / META_FILE)


def load(directory: str | Path | None = None) -> CueTagger | None:
    """The shipped tagger, read once per process; None when absent or switched off (NEWSPRISM_CUE_TAGGER=0)."""
    if not setting_value("cue_tagger"):
        return None
    return _load(str(directory or default_dir()))


@lru_cache(maxsize=1)
def model_version() -> str:
    """A short hash of the tagger's files (part of the attributions stage version); "none" when absent.
    Read once per process (the ONNX file is 23 MB); "off" under NEWSPRISM_CUE_TAGGER=0, so switching the tagger
    off or on re-runs the stage instead of reusing results made the other way."""
    if not setting_value("cue_tagger"):
        return "off"
    d = default_dir()
    h = hashlib.sha256()
    for name in (MODEL_FILE, META_FILE):
        p = d / name
        if not p.is_file():
            return "none"
        h.update(p.read_bytes())
    return h.hexdigest()[:8]
