"""PolNeAR gold attributions and the metric that scores predictions against them.

Reader: brat standoff (``T`` text-bound spans, ``E`` attribution relations with
Source, Cue, Content); texts are read with ``newline=''`` so offsets count
Python characters of the file. Articles annotated by several annotators keep the
first ``.ann`` by name. Discontinuous spans keep all their pieces.

Metric (PARC/PolNeAR convention, as in Pareti 2015 and BBC's citron): speaker,
cue and content are scored separately, per document, over the set of distinct
spans of that role (a source shared by two relations counts once).
- a span is the set of character offsets it covers, leading and trailing
  whitespace and punctuation excluded (so "said," = "said", and a quote's
  marks do not decide a match);
- exact: a predicted span equals a gold span; overlap: they share at least one
  character; each gold span is matched at most once (greedy, largest overlap
  first), and so is each predicted span;
- precision = matched predicted / predicted, recall = matched gold / gold,
  F1 their harmonic mean, micro-averaged over all documents.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

ROLES = ("speaker", "cue", "content")
_TRIM = re.compile(r"[\s\"'“”‘’«»„.,;:!?()\[\]—–-]")


@dataclass
class GoldAttribution:
    speaker: list[tuple[int, int]] | None
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]
    actor: str | None = None      # hand-made gold only (``anchored``): the actor the speaker resolves to
    optional: bool = False        # allowed but not required: neither a hit nor a false alarm


@dataclass
class GoldDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


def find_split(gold_dir: str | Path) -> tuple[Path, Path]:
    """(text dir, attributions dir) under a PolNeAR folder, its train/ split, or a split folder."""
    root = Path(gold_dir)
    for base in (root, root / "train", root / "data" / "train"):
        if (base / "text").is_dir() and (base / "attributions").is_dir():
            return base / "text", base / "attributions"
    raise FileNotFoundError(f"no text/ and attributions/ folders under {root}")


def read_gold(gold_dir: str | Path, limit: int | None = None, names: Iterable[str] | None = None) -> list[GoldDoc]:
    text_dir, ann_dir = find_split(gold_dir)
    anns: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        article = p.stem.rsplit("_", 1)[0]
        anns.setdefault(article, p)
    wanted = sorted(anns) if names is None else [n for n in names if n in anns]
    docs = []
    for name in wanted[:limit] if limit else wanted:
        tp = text_dir / f"{name}.txt"
        if not tp.exists():
            continue
        with open(tp, encoding="utf-8", newline="") as fh:
            text = fh.read()
        docs.append(GoldDoc(name, text, parse_ann(anns[name].read_text("utf-8"))))
    return docs


def parse_ann(ann: str) -> list[GoldAttribution]:
    spans: dict[str, list[tuple[int, int]]] = {}
    rels = []
    for m in re.finditer(r"^(T\d+)\t(\S+) ([\d ;]+)\t", ann, re.M):
        spans[m.group(1)] = [(int(a), int(b)) for a, b in
                             (piece.split() for piece in m.group(3).split(";"))]
    for m in re.finditer(r"^E\d+\t(.+)$", ann, re.M):
        parts = dict(p.split(":", 1) for p in m.group(1).split())
        if "Cue" not in parts or "Content" not in parts:
            continue
        rels.append(GoldAttribution(spans.get(parts.get("Source", "")) if "Source" in parts else None,
                                    spans[parts["Cue"]], spans[parts["Content"]]))
    return rels


# -- the metric -------------------------------------------------------------------------
def char_set(text: str, pieces: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in pieces for i in range(a, b) if not _TRIM.match(text[i]))


@dataclass
class Counts:
    tp_exact_p: int = 0
    tp_exact_g: int = 0
    tp_overlap_p: int = 0
    tp_overlap_g: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for kind, tp_p, tp_g in (("exact", self.tp_exact_p, self.tp_exact_g),
                                 ("overlap", self.tp_overlap_p, self.tp_overlap_g)):
            p = tp_p / self.predicted if self.predicted else 0.0
            r = tp_g / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[kind] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        return out


def match_spans(pred: list[frozenset[int]], gold: list[frozenset[int]],
                optional: list[frozenset[int]] = ()) -> Counts:
    """``optional``: gold spans a prediction may match without counting (a prediction that matches no
    required span but overlaps an optional one is left out of ``predicted``)."""
    pred = [p for p in dict.fromkeys(pred) if p]
    gold = [g for g in dict.fromkeys(gold) if g]
    optional = [o for o in dict.fromkeys(optional) if o and o not in gold]
    c = Counts(predicted=len(pred), gold=len(gold))
    exact = set(pred) & set(gold)
    c.tp_exact_p = c.tp_exact_g = len(exact)
    pairs = sorted(((len(p & g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if p & g),
                   reverse=True)
    used_p, used_g = set(), set()
    for _n, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    c.tp_overlap_p = c.tp_overlap_g = len(used_p)
    if optional:
        c.predicted -= sum(1 for i, p in enumerate(pred)
                           if i not in used_p and p not in exact and any(p & o for o in optional))
    return c


@dataclass
class ActorCounts:
    """Gold attributions with an expected actor: how many a prediction found (its cue overlapping the
    gold cue), and for how many of those the prediction resolved the speaker to that actor."""
    gold: int = 0
    found: int = 0
    correct: int = 0

    def scores(self) -> dict[str, float]:
        return {"accuracy_found": round(self.correct / self.found, 4) if self.found else 0.0,
                "recall": round(self.correct / self.gold, 4) if self.gold else 0.0}


@dataclass
class EvalResult:
    documents: int
    counts: dict[str, Counts] = field(default_factory=dict)
    seconds: float = 0.0
    actors: ActorCounts | None = None

    def scores(self) -> dict[str, dict[str, dict[str, float]]]:
        return {role: self.counts[role].scores() for role in ROLES}

    def as_dict(self) -> dict:
        out = {"documents": self.documents, "seconds": round(self.seconds, 2),
               "spans": {r: {"predicted": self.counts[r].predicted, "gold": self.counts[r].gold} for r in ROLES},
               "scores": self.scores()}
        if self.actors is not None:
            out["actors"] = {**vars(self.actors), **self.actors.scores()}
        return out


Predictor = Callable[[str], list[tuple]]   # (speaker | None, cue, content[, actor]) spans as (start, end)


def evaluate(docs: list[GoldDoc], predict: Predictor) -> EvalResult:
    """Score ``predict(text) -> [(speaker, cue, content[, actor])]`` against gold documents; actors are
    scored where the gold names them (hand-made gold) and the predictor gives them."""
    t0 = time.perf_counter()
    res = EvalResult(len(docs), {r: Counts() for r in ROLES})
    if any(a.actor for d in docs for a in d.attributions):
        res.actors = ActorCounts()
    for d in docs:
        preds = predict(d.text)
        for k, role in enumerate(ROLES):
            p = [char_set(d.text, [x[k]]) for x in preds if x[k] is not None]
            g = [char_set(d.text, getattr(a, role)) for a in d.attributions if getattr(a, role) and not a.optional]
            o = [char_set(d.text, getattr(a, role)) for a in d.attributions if getattr(a, role) and a.optional]
            res.counts[role].add(match_spans(p, g, o))
        if res.actors is not None:
            _score_actors(d, preds, res.actors)
    res.seconds = time.perf_counter() - t0
    return res


def _score_actors(d: GoldDoc, preds, counts: ActorCounts) -> None:
    cues = [(char_set(d.text, [x[1]]), x[3] if len(x) > 3 else None) for x in preds]
    for a in d.attributions:
        if not a.actor:
            continue
        counts.gold += 1
        g = char_set(d.text, a.cue)
        best = max(((len(g & c), actor) for c, actor in cues if g & c), default=None, key=lambda t: t[0])
        if best is not None:
            counts.found += 1
            counts.correct += best[1] == a.actor


def newsprism_predictor(text: str):
    """Our English attributions (with the entity stage's spans), as (speaker, cue, content, actor)."""
    from .attributions import find_attributions
    from .entities import find_entities
    spans = find_attributions(text, "en", find_entities(text, "en"))
    return [(tuple(s.attrs["speaker"]) if s.attrs["speaker"] else None, tuple(s.attrs["cue"]), (s.start, s.end),
             s.attrs.get("actor")) for s in spans if s.layer == "attribution"]


def format_table(result: EvalResult, title: str = "newsprism") -> str:
    lines = [f"{title}: {result.documents} documents, {result.seconds:.1f}s",
             f"{'role':<9}{'match':<9}{'P':>8}{'R':>8}{'F1':>8}   predicted / gold"]
    for role in ROLES:
        sc = result.counts[role].scores()
        for kind in ("exact", "overlap"):
            s = sc[kind]
            lines.append(f"{role:<9}{kind:<9}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                         f"   {result.counts[role].predicted} / {result.counts[role].gold}")
    if result.actors is not None:
        a = result.actors
        lines.append(f"actor: {a.correct} of {a.found} found attributions resolved to the gold actor "
                     f"({a.scores()['accuracy_found']:.3f}); {a.found} of {a.gold} gold attributions with an actor found")
    return "\n".join(lines)
