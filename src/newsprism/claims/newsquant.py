"""NewsQuant reader, the quantity metric, and the evaluation behind ``newsprism eval quantities``.

NewsQuant (Almasian et al., EMNLP 2023) tags every quantity of 590 English news
sentences with a value, a unit and the concept measured, without offsets, so
the metric matches by value within a sentence:

* **value** — a predicted quantity matches a gold one in the same sentence when
  their stated values agree (relative difference <= 0.1 %; ranges must agree at
  both ends). Matching is one-to-one, greedy in sentence order. Precision =
  matches / predicted, recall = matches / gold, F1 their harmonic mean.
* **value+unit** — a value match counts only if the units agree too: equal after
  lower-casing and singularising, or sharing a word (``categories`` ~
  ``category product``); gold ``-`` agrees with no unit.
* **concept** — among value matches whose gold ``referred_concepts`` is not
  ``-``, the share where a gold concept word (3+ letters) occurs in what we say
  is measured (the counted noun phrase, else the five words before the number).

Rules were tuned while looking at the whole file; ``split="even"``/``"odd"``
report the two halves (sentences with even / odd index) so a reader can see how
much the tuning flatters the figures: see docs/claims.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .extract import Quantity, find_quantities, singular

_STOP = {"the", "and", "for", "with", "from", "that", "this", "its", "their", "his", "her", "was", "were",
         "are", "has", "had", "have", "per", "than", "into", "over"}


@dataclass
class GoldQuantity:
    lo: float
    hi: float
    unit: str | None
    concepts: list[str]
    raw: dict = field(default_factory=dict)


@dataclass
class Sentence:
    text: str
    gold: list[GoldQuantity]


def _value(s: str) -> tuple[float, float] | None:
    m = re.fullmatch(r"\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*(?:-\s*(-?[\d.]+(?:e[+-]?\d+)?))?\s*", s)
    if not m:
        return None
    try:
        lo = float(m.group(1))
        hi = float(m.group(2)) if m.group(2) else lo
    except ValueError:
        return None
    return lo, hi


def load_newsquant(path: str | Path) -> list[Sentence]:
    """Read ``NewsQuant.json`` (or a directory holding it)."""
    p = Path(path)
    if p.is_dir():
        p = p / "NewsQuant.json"
    out = []
    for item in json.loads(p.read_text("utf-8")):
        gold = []
        for q in item.get("quantities", []):
            v = _value(str(q.get("value", "")))
            if v is None:
                continue
            unit = q.get("normalized_unit") or "-"
            concepts = [] if q.get("referred_concepts", "-") == "-" else \
                [w for w in re.findall(r"[a-z]{3,}", q["referred_concepts"].lower()) if w not in _STOP]
            gold.append(GoldQuantity(v[0], v[1], None if unit == "-" else unit.lower(), concepts, q))
        out.append(Sentence(item["text"], gold))
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-6, 1e-3 * max(abs(a), abs(b)))


def unit_agrees(pred: str | None, gold: str | None) -> bool:
    if not gold:
        return not pred
    if not pred:
        return False
    p = {singular(w) for w in re.findall(r"\w+", pred.lower())}
    g = {singular(w) for w in re.findall(r"\w+", gold.lower())}
    return bool(p & g) or pred.lower() == gold.lower()


def measured_words(text: str, q: Quantity) -> set[str]:
    """What we say the quantity measures: the counted phrase, else the words before it."""
    src = q.counted or " ".join(re.findall(r"[A-Za-z]+", text[:q.start])[-5:])
    return {singular(w) for w in re.findall(r"[a-z]{3,}", src.lower())}


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    value_tp: int = 0
    unit_tp: int = 0
    concept_n: int = 0
    concept_ok: int = 0
    errors: list[dict] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, p: int, g: int) -> dict:
        prec = tp / p if p else 0.0
        rec = tp / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}

    def as_dict(self) -> dict:
        return {"sentences_gold_quantities": self.gold, "predicted": self.predicted,
                "value": self._prf(self.value_tp, self.predicted, self.gold),
                "value_unit": self._prf(self.unit_tp, self.predicted, self.gold),
                "concept_accuracy": round(self.concept_ok / self.concept_n, 4) if self.concept_n else None}


def score_sentence(sent: Sentence, preds: list[Quantity], scores: Scores, keep_errors: bool = False) -> None:
    scores.gold += len(sent.gold)
    scores.predicted += len(preds)
    free = list(range(len(sent.gold)))
    unmatched = []
    for q in preds:
        cands = [i for i in free if _close(q.lo, sent.gold[i].lo) and _close(q.hi, sent.gold[i].hi)]
        if not cands:
            unmatched.append(q)
            continue
        best = next((i for i in cands if unit_agrees(q.unit, sent.gold[i].unit)), cands[0])
        free.remove(best)
        g = sent.gold[best]
        scores.value_tp += 1
        if unit_agrees(q.unit, g.unit):
            scores.unit_tp += 1
        elif keep_errors:
            scores.errors.append({"type": "unit", "text": sent.text, "pred": q.raw, "pred_unit": q.unit,
                                  "gold_unit": g.unit})
        if g.concepts:
            scores.concept_n += 1
            scores.concept_ok += bool(set(map(singular, g.concepts)) & measured_words(sent.text, q))
    if keep_errors:
        for q in unmatched:
            scores.errors.append({"type": "fp", "text": sent.text, "pred": q.raw, "lo": q.lo, "hi": q.hi})
        for i in free:
            scores.errors.append({"type": "fn", "text": sent.text, "gold": sent.gold[i].raw})


def evaluate_quantities(gold: str | Path, *, split: str = "all", keep_errors: bool = False,
                        extractor=None) -> dict:
    """Score an extractor (default: ours) on NewsQuant; ``split`` is all | even | odd."""
    extractor = extractor or (lambda text: find_quantities(text, "en"))
    sents = load_newsquant(gold)
    if split in ("even", "odd"):
        sents = [s for i, s in enumerate(sents) if (i % 2 == 0) == (split == "even")]
    scores = Scores()
    for s in sents:
        score_sentence(s, extractor(s.text), scores, keep_errors)
    out = {"split": split, "sentences": len(sents), **scores.as_dict()}
    if keep_errors:
        out["errors"] = scores.errors
    return out
