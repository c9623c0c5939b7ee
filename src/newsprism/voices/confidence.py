"""How likely an English attribution is to be one: a learned confidence over what made it.

The rules (``voices.attributions``) turn the cue model's and the tagger's cue
probabilities into attributions with a speaker and a content; many of the false
alarms look alike from outside (a subjectless passive with a low tagger score, a
pronoun "it" as speaker, a content far before its cue). This is a logistic
regression over such properties of a finished attribution: the cue's mixed, tagger
and cue-model scores, which rule produced it, the cue word's part of speech and
dependency, the stance, what the speaker is (none, a pronoun, a name, a resolved
actor, a generic noun), the content's length, side and distance, quote marks.

Trained by ``newsprism train attribution-confidence`` on *held-out* predictions
(each PolNeAR train fold scored by a cue model and a tagger trained without it), so
it learns how the shipped models behave on unseen text; stored as gzipped JSON in
``newsprism/resources/voices/`` (feature names and weights, no article text). The
attribution's span confidence is this probability; below the stored threshold the
attribution is dropped (not a relayed report of a named speaker: ``kept_regardless``). It applies only with the shipped cue model and tagger
together: its inputs are their scores.
"""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path
from typing import Any

from ..resources.weights import file_version, load_json_gz, load_once, save_json_gz

MODEL_FILE = "attribution_confidence.json.gz"
_CACHE: dict[str, "ConfidenceModel | None"] = {}
_MARKS = set("\"'“”‘’«»„「」")
_NON_PERSON = {"it", "this", "that", "which", "what", "there", "these", "those"}


def features(r: dict, text: str, in_quote: bool, quotes_in_doc: int, in_sentence: int) -> dict[str, float]:
    """Named feature values of one finished attribution dict (see ``voices.attributions``: the rule keeps the
    cue token and its scores as ``_tok``, ``_p``, ``_tp``, ``_z``, ``_path``). ``in_quote``: the cue lies
    inside a quote; ``quotes_in_doc``: balanced quotes in the text; ``in_sentence``: attributions whose cue
    is in the cue's sentence."""
    tok = r.get("_tok")
    sp = r.get("speaker")
    who = r.get("speaker_tok")
    cs, ce = r["content"]
    c0, c1 = r["cue"]
    f: dict[str, float] = {"bias": 1.0}
    for key, name in (("_p", "p"), ("_tp", "tp")):
        v = r.get(key)
        f[name] = v if v is not None else 0.0
        f[name + "_none"] = 1.0 if v is None else 0.0
    z = r.get("_z")
    f["z"] = max(-10.0, min(10.0, z)) if z is not None else 0.0
    f["path=" + r.get("_path", "none")] = 1.0
    if tok is not None:
        f["pos=" + tok.pos_] = 1.0
        f["dep=" + tok.dep_] = 1.0
        f["tag=" + tok.tag_] = 1.0
    f["stance=" + str(r.get("stance"))] = 1.0
    f["label=" + str(r.get("label"))] = 1.0
    f["has_speaker"] = 1.0 if sp else 0.0
    if who is not None:
        f["speaker_pron"] = 1.0 if who.pos_ == "PRON" else 0.0
        f["speaker_propn"] = 1.0 if who.pos_ == "PROPN" else 0.0
        f["speaker_entity"] = 1.0 if who.ent_type_ else 0.0
        f["speaker_non_person"] = 1.0 if who.lower_ in _NON_PERSON else 0.0
    f["actor"] = 1.0 if r.get("actor") else 0.0
    f["generic"] = 1.0 if str(r.get("reason") or "").startswith("generic") else 0.0
    f["speaker_len"] = math.log1p(sp[1] - sp[0]) if sp else 0.0
    f["content_len"] = math.log1p(max(0, ce - cs))
    f["content_quoted"] = 1.0 if text[cs:cs + 1] in _MARKS or text[ce - 1:ce] in _MARKS else 0.0
    before = ce <= c0
    f["content_before"] = 1.0 if before else 0.0
    gap = (c0 - ce) if before else (cs - c1)
    f["content_gap"] = math.copysign(math.log1p(abs(gap)), gap)
    f["cue_len"] = math.log1p(c1 - c0)
    f["cue_in_quote"] = 1.0 if in_quote else 0.0
    f["quotes_in_doc"] = math.log1p(quotes_in_doc)
    f["in_sentence"] = float(min(in_sentence, 10))
    f["relayed"] = 1.0 if r.get("via") else 0.0
    return f


def kept_regardless(feats: dict[str, float]) -> bool:
    """A relayed report of a named or resolved speaker ("KCNA reported that Kim Jong Un said …": Kim's, via
    KCNA; "state media reported: Moscow's top envoy to North Korea said …") stays whatever its confidence: the
    relay chain is what the stage exists to keep, though PolNeAR leaves most nested reports unmarked (so the
    model learned to doubt them; keeping them costs about 0.15 point of F1 on PolNeAR's folds, docs/lab/voices.md).
    Not a report inside a quote ('“When Moscow says the front is quiet, nobody believes it,” Syrskyi said'):
    one speaker quoting another keeps the relay only when confident (keeping those too cost another 0.15
    point)."""
    if feats.get("cue_in_quote"):
        return False
    named = bool(feats.get("speaker_entity") or feats.get("speaker_propn") or feats.get("actor"))
    # "claims by X that …" (``cues._claim_by``), "X put the losses at 300" (``phrases._estimate_frame``), "This
    # information comes from X" (``attributions.backref``), an embedded post's line before its signature
    # (``attributions.posts``): the construction is the evidence, which PolNeAR-trained models have too few of to weigh
    if feats.get("path=claim-by") or feats.get("path=back-reference") or feats.get("path=embedded-post") \
            or (feats.get("path=estimate") and named):
        return True
    return bool(feats.get("relayed")) and named


class ConfidenceModel:
    def __init__(self, data: dict[str, Any]):
        self.weights: dict[str, float] = data["weights"]
        self.threshold: float = data["threshold"]
        self.meta: dict[str, Any] = data.get("meta", {})

    def probability(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def as_dict(self) -> dict[str, Any]:
        return {"weights": self.weights, "threshold": self.threshold, "meta": self.meta}


def default_path() -> Path:
    return Path(str(resources.files("newsprism.resources").joinpath("voices", MODEL_FILE)))


def save(model: ConfidenceModel, path: str | Path) -> None:
    save_json_gz(model.as_dict(), path)      # deterministic bytes (resources/weights.py)


def read(path: str | Path) -> ConfidenceModel:
    return ConfidenceModel(load_json_gz(path))


def load(path: str | Path | None = None) -> ConfidenceModel | None:
    """The shipped model, read once per process; None when the file is absent (no filter)."""
    return load_once(_CACHE, path or default_path(), read)


def model_version() -> str:
    """A short hash of the model file (part of the attributions stage version)."""
    return file_version(default_path())
