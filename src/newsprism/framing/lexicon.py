"""The referent -> variants lexicon: the framing case file, matching with scare-quote detection, discovery.

A referent is one thing that outlets name differently ("territory-control":
liberated / retook / occupied). Which referents a story has, and each language's
competing terms (variants) for them with a connotation, are story content: they
come from an optional **framing case file** (the setting ``framing_case``: a file
path, or the name of a built-in one under ``resources/framing/cases/``, e.g.
``kursk``; format in docs/framing.md, "Case file"). Without one the lexicon is
empty and the framing stage still finds each outlet's over-used terms. The packs
keep only language facts (``pack(lang).framing.SO_CALLED``, ``MATCH_WORD_START``).
Term syntax: words separated by spaces, matched case-insensitively at word
boundaries; ``*`` ends a stem. In a language whose pack sets ``MATCH_WORD_START``
(Korean) terms match at the start of a word so particles may follow (해방을, 해방된).

Distance: a variant inside short quotation marks ("liberated") or after
"so-called" is the outlet keeping the word at arm's length, not adopting it
(``quoted`` = 1); inside a longer quotation it is a speaker's wording reported
(``quoted`` = 2); otherwise the outlet's own wording (0).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..cases import case_text
from ..languages import pack
from .terms import STOPWORDS, tokens

OPEN_Q = "\"“„«‘'‹「『"
CLOSE_Q = "\"”“»’'›」』"
SCARE_MAX_WORDS = 4


@dataclass(frozen=True)
class Variant:
    referent: str
    lang: str
    term: str
    connotation: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    referent: str
    variant: str
    connotation: str
    quoted: int
    lang: str


def _compile(term: str, lang: str) -> re.Pattern:
    parts = []
    for w in term.split():
        stem = w.endswith("*")
        parts.append(re.escape(w.rstrip("*")) + (r"\w*" if stem else ""))
    body = r"\s+".join(parts)
    if pack(lang).framing.MATCH_WORD_START:
        return re.compile(r"(?<![\w])" + body, re.I)
    return re.compile(r"(?<![\w-])" + body + r"(?![\w])", re.I)


def _variants(raw) -> list[dict]:
    """A referent's variants in either form: a list of {"lang", "term", "connotation"[, "note"]}, or
    {lang: [[term, connotation(, note)], ...]} (the compact form of the built-in case files)."""
    if isinstance(raw, dict):
        return [{"lang": lang, "term": v[0], "connotation": v[1], **({"note": v[2]} if len(v) > 2 else {})}
                for lang, vs in raw.items() for v in vs]
    return [dict(v) for v in raw or []]


def _normalise(d: dict) -> dict:
    """A lexicon or case file as {"about", "connotations", "referents": {id: {"label", "variants": [...]}}};
    a story file that also holds other parts (claims) keeps its framing part under "framing"."""
    if isinstance(d.get("framing"), dict):
        d = d["framing"]
    refs = {rid: {"label": ref.get("label", rid), "variants": _variants(ref.get("variants"))}
            for rid, ref in (d.get("referents") or {}).items()}
    return {"about": d.get("about", ""), "connotations": dict(d.get("connotations") or {}), "referents": refs}


def _merge(base: dict, extra: dict) -> dict:
    out = json.loads(json.dumps(base))
    for rid, ref in _normalise(extra)["referents"].items():
        tgt = out["referents"].setdefault(rid, {"label": ref.get("label", rid), "variants": []})
        seen = {(v["lang"], v["term"]) for v in tgt["variants"]}
        tgt["variants"] += [v for v in ref.get("variants", []) if (v["lang"], v["term"]) not in seen]
    return out


def _case_text(ref: str) -> str:
    return case_text(ref, "framing")


@lru_cache(maxsize=8)
def load_case(ref: str = "") -> dict:
    """The framing case file ``ref`` (path or built-in name) as a lexicon, with its ``digest``
    ("none" for no case file: an empty lexicon)."""
    text = _case_text(ref)
    case = _normalise(json.loads(text) if text else {})
    case["digest"] = hashlib.sha1(text.encode()).hexdigest()[:8] if text else "none"
    return case


def load_lexicon(extra: Iterable[str | Path] = (), case: str = "") -> dict:
    """The case file's lexicon (empty without one), with user lexicon files merged in by referent id."""
    lex = json.loads(json.dumps({k: v for k, v in load_case(case).items() if k != "digest"}))
    for p in extra:
        lex = _merge(lex, json.loads(Path(p).read_text("utf-8")))
    return lex


@lru_cache(maxsize=8)
def compiled(extra: tuple[str, ...] = (), case: str = "") -> tuple[Variant, ...]:
    """All variants of the case file (plus user files), compiled once per process."""
    lex = load_lexicon(extra, case)
    out = []
    for rid, ref in lex["referents"].items():
        for v in ref["variants"]:
            out.append(Variant(rid, v["lang"], v["term"], v["connotation"], _compile(v["term"], v["lang"])))
    return tuple(out)


QUOTE_LOOKBACK = 2000


@lru_cache(maxsize=32)
def _so_called(lang: str) -> re.Pattern | None:
    """The language's "so-called" words, then an optional opening quote, at the end of a string."""
    words = pack(lang).framing.SO_CALLED
    if not words:
        return None
    return re.compile("(?:" + "|".join(words) + ")" + r"\s*[\"“„«‘']?\s*$", re.I)


def _distance(text: str, start: int, end: int, lang: str) -> int:
    """0 the outlet's own word, 1 scare quotes / so-called, 2 inside a reported quotation."""
    so_called = _so_called(lang)
    if so_called is not None and so_called.search(text[max(0, start - 16):start]):
        return 1
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if i >= 0 and text[i] in OPEN_Q and j < len(text) and text[j] in CLOSE_Q:
        return 1
    # inside a quotation opened earlier on the line: count the words quoted
    # (looked for within QUOTE_LOOKBACK characters: a line of a punctuation-free dump can be 250 KB long)
    line_start = max(text.rfind("\n", max(0, start - QUOTE_LOOKBACK), start) + 1, start - QUOTE_LOOKBACK)
    before = text[line_start:start]
    opens = [k for k, ch in enumerate(before) if ch in "“«„"]
    closes = [k for k, ch in enumerate(before) if ch in "”»"]
    straight = before.count('"')
    if (opens and (not closes or opens[-1] > closes[-1])) or straight % 2 == 1:
        q_start = line_start + max(opens[-1] if opens else -1, before.rfind('"'))
        close = re.search(r"[”»\"]", text[end:end + 400])
        if close:
            n_words = len(text[q_start + 1:end + close.start()].split())
            return 1 if n_words <= SCARE_MAX_WORDS else 2
    return 0


def find_variants(text: str, lang: str | None, extra: tuple[str, ...] = (), case: str = "") -> list[Match]:
    """Lexicon variants in a text (its language's variants), longest match per place and referent;
    none without a case file or user lexicon."""
    lang = (lang or "en").split("-")[0]
    found: list[Match] = []
    for v in compiled(extra, case):
        if v.lang != lang:
            continue
        for m in v.pattern.finditer(text):
            found.append(Match(m.start(), m.end(), v.referent, v.term, v.connotation,
                               _distance(text, m.start(), m.end(), lang), lang))
    found.sort(key=lambda m: (m.referent, m.start, -(m.end - m.start)))
    out: list[Match] = []
    for m in found:
        if out and out[-1].referent == m.referent and m.start < out[-1].end:
            continue            # "war" inside "war of aggression": keep the longer variant
        out.append(m)
    return sorted(out, key=lambda m: (m.start, m.referent))


def discover(texts: Iterable[tuple[str, str]], matches: Iterable[tuple[str, Match]], *,
             min_contexts: int = 2, min_count: int = 3, min_share: float = 0.2,
             top: int = 10) -> dict[str, list[dict]]:
    """New variant candidates: words filling the same slots as a referent's known variants.

    A slot is (previous word, next word) around a one-word variant occurrence. A word
    seen in at least ``min_contexts`` of a referent's slots, ``min_count`` times in all,
    that is not a stopword or a known variant, is a candidate for the analyst to review.
    ``texts`` are (doc_id, text); ``matches`` (doc_id, Match) from ``find_variants``.
    """
    by_doc = defaultdict(list)
    for doc_id, m in matches:
        if m.quoted != 2:
            by_doc[doc_id].append(m)
    slots: dict[tuple[str, str], set[str]] = defaultdict(set)
    known: dict[str, set[str]] = defaultdict(set)
    docs = {}
    for doc_id, text in texts:
        docs[doc_id] = text
        for m in by_doc.get(doc_id, ()):
            known[m.referent].add(text[m.start:m.end].lower())
            left, right = tokens(text[max(0, m.start - 40):m.start]), tokens(text[m.end:m.end + 40])
            # a slot of two function words ("the _ of") says nothing about meaning
            if left and right and not (left[-1] in STOPWORDS and right[0] in STOPWORDS):
                slots[(left[-1], right[0])].add(m.referent)
    if not slots:
        return {}
    seen_ctx: dict[tuple[str, str], set] = defaultdict(set)
    counts: Counter = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    overall: Counter = Counter()
    for doc_id, text in docs.items():
        toks = tokens(text)
        overall.update(toks)
        for i in range(1, len(toks) - 1):
            ctx = (toks[i - 1], toks[i + 1])
            w = toks[i]
            if ctx not in slots or w in STOPWORDS or len(w) < 3:
                continue
            for rid in slots[ctx]:
                if w in known[rid]:
                    continue
                seen_ctx[(rid, w)].add(ctx)
                counts[(rid, w)] += 1
                if len(examples[(rid, w)]) < 3:
                    examples[(rid, w)].append(f"{ctx[0]} [{w}] {ctx[1]}")
    out: dict[str, list[dict]] = defaultdict(list)
    for (rid, w), n in counts.most_common():
        # most of the word's uses must be in those slots, else it is a frequent word, not a variant
        if n >= min_count and len(seen_ctx[(rid, w)]) >= min_contexts and n >= min_share * overall[w] \
                and len(out[rid]) < top:
            out[rid].append({"candidate": w, "contexts": len(seen_ctx[(rid, w)]), "n": n,
                             "examples": examples[(rid, w)]})
    return dict(out)
