"""A learned English cue detector: which words of a spaCy parse introduce an attribution.

Logistic regression over token features of the parse (lemma, part of speech,
dependency, the head's lemma, which clauses and arguments hang off the word,
quotes next to it, neighbouring lemmas, whether ``voices.cues`` lists it).
Trained on the PolNeAR train split by ``newsprism train attributions``
(``voices.train``) and stored as gzipped JSON in
``newsprism/resources/voices/``: feature names (lemmas, tags) and weights only,
no article text. Inference is pure Python; the file is read once per process.
``voices.attributions`` uses it to add cues the verb list lacks and to drop
listed verbs the model rejects; source and content still come from the rules.
"""

from __future__ import annotations

import bisect
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any

from .cues import CARRIER_NOUNS, NEEDS_CLAUSE, STANCE_OF
from ..resources.weights import file_version, load_json_gz, load_once, save_json_gz

MODEL_FILE = "cue_model.json.gz"
CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADJ"}
_CACHE: dict[str, "CueModel | None"] = {}
_CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "acl", "relcl", "dobj", "nsubj", "nsubjpass", "poss", "prep", "agent",
                "mark", "oprd", "attr", "prt", "aux", "auxpass", "neg", "conj", "parataxis")


_WORD = re.compile(r"[a-z][a-z'.-]{0,30}")


def _w(lemma: str) -> str:
    """A lemma as a feature: words stay; numbers, markup, links and spaces become a class."""
    if _WORD.fullmatch(lemma):
        return lemma
    if not lemma.strip():
        return "<sp>"
    if any(c.isdigit() for c in lemma):
        return "<num>"
    return "<p>" if len(lemma) == 1 else "<other>"


def is_candidate(tok) -> bool:
    return tok.pos_ in CANDIDATE_POS or tok.lower_ == "according"


def token_features(tok, quote_at: set[int] | None = None) -> list[str]:
    """Feature names of one token (strings: lemmas and parse labels only)."""
    lemma = _w(tok.lemma_.lower())
    head = tok.head
    f = ["b", "l=" + lemma, "p=" + tok.pos_, "t=" + tok.tag_, "d=" + tok.dep_, "lp=" + lemma + "|" + tok.pos_,
         "hl=" + _w(head.lemma_.lower()), "hp=" + head.pos_, "dhp=" + tok.dep_ + "|" + head.pos_,
         "ld=" + lemma + "|" + tok.dep_]
    if lemma in STANCE_OF:
        f.append("lex")
        f.append("lex|" + tok.pos_)
    if lemma in NEEDS_CLAUSE:
        f.append("needs_clause")
    if lemma in CARRIER_NOUNS:
        f.append("carrier")
    deps = set()
    for c in tok.children:
        if c.dep_ in _CLAUSE_DEPS:
            deps.add(c.dep_)
        if c.dep_ == "prep":
            f.append("prep=" + _w(c.lower_))
            f.append("l_prep=" + lemma + "|" + _w(c.lower_))
        if c.dep_ == "mark" or (c.dep_ in ("ccomp", "acl") and any(g.lower_ == "that" and g.dep_ == "mark"
                                                                   for g in c.children)):
            f.append("that_clause")
    for d in sorted(deps):
        f.append("c=" + d)
        f.append("pc=" + tok.pos_ + "|" + d)
    if "ccomp" in deps or "xcomp" in deps:
        f.append("l_clause=" + lemma)
    if "nsubj" in deps:
        subj = next(c for c in tok.children if c.dep_ == "nsubj")
        f.append("sp=" + subj.pos_)
        f.append("se=" + (subj.ent_type_ or "-"))
    doc = tok.doc
    i = tok.i
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    f.append("pl=" + (_w(prev.lemma_.lower()) if prev is not None else "<s>"))
    f.append("nl=" + (_w(nxt.lemma_.lower()) if nxt is not None else "</s>"))
    f.append("nn=" + (nxt.pos_ if nxt is not None else "</s>"))
    if quote_at is not None:
        if any(k in quote_at for k in range(i + 1, min(len(doc), i + 4))):
            f.append("quote_after")
        if any(k in quote_at for k in range(max(0, i - 3), i)):
            f.append("quote_before")
        if i in quote_at:
            f.append("in_quote")
    if head.i < i:
        f.append("head_before|" + tok.dep_)
        if "nsubj" in deps and not ({"ccomp", "xcomp", "dobj"} & deps):
            f.append("inverted|" + tok.dep_)       # "..., the agency reported": the content is to the left
            f.append("inverted_l=" + lemma)
            if is_trailing_report(tok):
                f.append("trailing_report")
    if tok.is_sent_start:
        f.append("sent_start")
    return f + _context_features(tok, lemma) + _phrase_features(tok, lemma, quote_at)


_ARG_DEPS = ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "prep", "agent", "acomp", "advcl", "neg", "poss")


def _context_features(tok, lemma: str) -> list[str]:
    """Format 2: the word's ending and form, its head's attachment, each argument's relation joined with the
    word's lemma and with the argument's own lemma, what kind of subject it has, and where it sits in its
    sentence. (The long tail of PolNeAR cues - "concerned about", "reluctant to" - shares these shapes.)"""
    head = tok.head
    f = ["suf=" + lemma[-3:], "w=" + _w(tok.lower_), "hd=" + head.dep_, "hh=" + _w(head.head.lemma_.lower())]
    for c in tok.children:
        if c.dep_ in _ARG_DEPS:
            f.append("l_c=" + lemma + "|" + c.dep_)
            f.append("cl=" + c.dep_ + "|" + _w(c.lemma_.lower()))
            if c.dep_ in ("nsubj", "nsubjpass", "poss"):
                f.append("subj_pos=" + c.pos_ + "|" + (c.ent_type_ or "-"))
                if c.pos_ == "PRON":
                    f.append("subj_pron=" + c.lower_)
                f.append("l_se=" + lemma + "|" + (c.ent_type_ or c.pos_))
    start, end = _sentence_of(tok)
    f.append("sentlen=" + str(min((end - start) // 10, 6)))
    f.append("pos_in_sent=" + str(min((tok.i - start) // 5, 6)))
    if head.i == tok.i:
        f.append("root")
    return f


def _phrase_features(tok, lemma: str, quote_at: set[int] | None) -> list[str]:
    """Format 3: the word with its head and its neighbours ("drew ire", "support for", "has been critical"),
    the kind of thing a preposition introduces, the modifiers, and for an auxiliary or a noun the word it
    serves. Chosen on CV folds 0-1 by token-level F1 (+0.9 to 1.0 point over format 2)."""
    head = tok.head
    short = lemma[:20]
    f = ["l_hl=" + short + "|" + _w(head.lemma_.lower())[:20]]
    for c in tok.children:
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                f.append("prep_obj=" + _w(c.lower_) + "|" + (obj.ent_type_ or obj.pos_))
        elif c.dep_ in ("amod", "advmod", "compound"):
            f.append("mod=" + c.dep_ + "|" + _w(c.lemma_.lower()))
    if tok.pos_ == "AUX":
        f.append("aux_head=" + _w(head.lemma_.lower()) + "|" + head.pos_)
        f.append("aux_hdeps=" + ",".join(sorted(_child_deps(head) & {"ccomp", "xcomp", "prep", "acomp", "attr"})))
    elif tok.pos_ == "NOUN":
        f.append("gov=" + _w(head.lemma_.lower()) + "|" + tok.dep_)
        f.append("l_gov=" + short + "|" + _w(head.lemma_.lower())[:20])
    if head.i != tok.i and head.lemma_.lower() in STANCE_OF:
        f.append("head_lex|" + tok.dep_)                 # "expressed support", "said ... remarks"
    if reported_under(tok):
        f.append("anc_lex")                              # inside what a listed verb reports
    a, path = tok, []
    for _ in range(3):                                   # the word's attachment path: "xcomp/ccomp/ROOT"
        if a.head.i == a.i:
            break
        path.append(a.dep_)
        a = a.head
    f.append("path=" + "/".join(path))
    if quote_at and _quote_within(tok, quote_at):
        f.append("quote_in_subtree|" + tok.pos_)
    doc, i = tok.doc, tok.i
    if i + 1 < len(doc):
        f.append("l_nl=" + short + "|" + _w(doc[i + 1].lemma_.lower())[:20])
    if i > 0:
        f.append("pl_l=" + _w(doc[i - 1].lemma_.lower())[:20] + "|" + short)
    return f


def _child_deps(tok) -> set[str]:
    """The relations of the word's children. ``tok.children`` walks the word's whole subtree span, so on a huge
    one-sentence document every auxiliary of the root cost a walk of the document; the sets are built once
    per parse."""
    doc = tok.doc
    deps = doc.user_data.get("newsprism_child_deps")
    if deps is None:
        deps = doc.user_data["newsprism_child_deps"] = {}
        for t in doc:
            if t.head.i != t.i:
                deps.setdefault(t.head.i, set()).add(t.dep_)
    return deps.get(tok.i, set())


def _quote_within(tok, quote_at: set[int]) -> bool:
    """Whether a quote mark lies in the word's subtree (by its edges and a sorted index: a huge one-sentence
    document must not cost a subtree walk per word)."""
    doc = tok.doc
    key = ("newsprism_quotes", len(quote_at))
    marks = doc.user_data.get(key)
    if marks is None:
        marks = doc.user_data[key] = sorted(quote_at)
    lo, hi = tok.left_edge.i, tok.right_edge.i
    k = bisect.bisect_left(marks, lo)
    while k < len(marks) and marks[k] <= hi:
        if marks[k] != tok.i:
            return True
        k += 1
    return False


def reported_under(tok) -> bool:
    """Whether a listed reporting verb governs the word within six steps up the parse."""
    a = tok
    for _ in range(6):
        if a.head.i == a.i:
            return False
        a = a.head
        if a.pos_ == "VERB" and a.lemma_.lower() in STANCE_OF:
            return True
    return False


def _sentence_of(tok) -> tuple[int, int]:
    """(start, end) token indexes of the word's sentence. ``tok.sent`` scans the sentence on every call,
    which is quadratic on a long unpunctuated document; the bounds are found once per parse."""
    doc = tok.doc
    bounds = doc.user_data.get("newsprism_sent_starts")
    if bounds is None:
        bounds = doc.user_data["newsprism_sent_starts"] = [s.start for s in doc.sents] + [len(doc)]
    k = bisect.bisect_right(bounds, tok.i) - 1
    return bounds[k], bounds[k + 1]


def is_trailing_report(tok) -> bool:
    """ "..., North Korean state media reported." : subject and verb after a comma, then the sentence ends."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    doc = tok.doc
    if subj is None or tok.head.i >= subj.left_edge.i or subj.left_edge.i == 0:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return doc[subj.left_edge.i - 1].text in (",", "”", '"') and (nxt is None or nxt.text in (".", "!", "?", "\n"))


def quote_tokens(doc, quotes: list[tuple[int, int]]) -> set[int]:
    """Indexes of tokens that are quote marks (for the quote_before/after features) ."""
    starts = {qs for qs, _ in quotes}
    ends = {qe for _, qe in quotes}          # a closing mark may be two characters ('')
    return {t.i for t in doc if t.idx in starts or t.idx + len(t) in ends}


class CueModel:
    def __init__(self, data: dict[str, Any]):
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]
        self.keep: float = data["keep"]
        self.fallback: float = data.get("fallback", 1.0)
        self.meta = data.get("meta", {})

    def logit(self, feats: list[str]) -> float:
        get = self.weights.get
        return self.bias + sum(get(x, 0.0) for x in feats)

    def prob(self, feats: list[str]) -> float:
        return sigmoid(self.logit(feats))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def logit_of(p: float) -> float:
    """The inverse of ``sigmoid`` (-inf at 0)."""
    return -math.inf if p <= 0 else math.inf if p >= 1 else math.log(p / (1 - p))


save = save_json_gz   # deterministic bytes (resources/weights.py)


def read(path: str | Path) -> CueModel:
    return CueModel(load_json_gz(path))


def default_path() -> Path:
    return Path(str(resources.files("newsprism.resources").joinpath("voices", MODEL_FILE)))


def load(path: str | Path | None = None) -> CueModel | None:
    """The shipped model, read once per process; None when the file is absent (rules only)."""
    return load_once(_CACHE, path or default_path(), read)


def model_version() -> str:
    """A short hash of the model file (part of the attributions stage version)."""
    return file_version(default_path())
