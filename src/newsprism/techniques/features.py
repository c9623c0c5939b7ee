"""Tokens with character offsets, and the features of the two linear models.

Everything here is pure Python and deterministic: the same code computes
features at training time and in the document stage, so they cannot drift.
Features are single words, affixes, word shapes and word pairs (n ≤ 2); no
feature holds a sentence or a longer stretch of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_QUOTES = set("\"“”«»")
_SENT_SPLIT = re.compile(r"[.!?]+[\"'”’»)]*\s+")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lower: str


CONTEXT_CHARS = 400


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group(), m.group().lower())
            for m in _TOKEN.finditer(text, start, end)]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Lines, split further at sentence ends: used when no sentence layer is given."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        pos = m.start()
        for e in _SENT_SPLIT.finditer(text, m.start(), m.end()):
            out.append((pos, e.end()))
            pos = e.end()
        if pos < m.end():
            out.append((pos, m.end()))
    return [(s, e) for s, e in out if text[s:e].strip()]


def shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if not w[0].isalnum():
        return "p"
    if w.isupper() and len(w) > 1:
        return "X"
    if w[0].isupper():
        return "Xx"
    return "x"


def bucket(n: int, edges: tuple[int, ...]) -> int:
    """Index of the first edge ``n`` does not exceed (``len(edges)`` past the last)."""
    for i, e in enumerate(edges):
        if n <= e:
            return i
    return len(edges)


def token_features(sent: list[Token], quote_state: list[bool], doc_counts: dict[str, int]
                   ) -> list[list[str]]:
    """CRF features for each token of one sentence.

    ``quote_state[i]`` says whether token i sits inside quotation marks;
    ``doc_counts`` counts lower-cased words in the whole document (repetition cue).
    """
    n = len(sent)
    words = [t.lower for t in sent]
    slen = f"sl={bucket(n, (5, 10, 20, 35))}"
    excl = "s!" if "!" in words else None
    ques = "s?" if "?" in words else None
    out = []
    for i, t in enumerate(sent):
        w = words[i]
        f = ["b", "w=" + w, "s3=" + w[-3:], "p3=" + w[:3], "sh=" + shape(t.text), slen,
             "w-1=" + (words[i - 1] if i > 0 else "<s>"),
             "w+1=" + (words[i + 1] if i + 1 < n else "</s>"),
             "w-2=" + (words[i - 2] if i > 1 else "<s>"),
             "w+2=" + (words[i + 2] if i + 2 < n else "</s>"),
             "w-1w=" + (words[i - 1] if i > 0 else "<s>") + "|" + w,
             "ww+1=" + w + "|" + (words[i + 1] if i + 1 < n else "</s>"),
             "pos=" + str(bucket(i, (0, 2, 5, 10, 20))),
             "rpos=" + str(bucket(n - 1 - i, (0, 2, 5, 10, 20)))]
        if quote_state[i]:
            f.append("inq")
        if excl:
            f.append(excl)
        if ques:
            f.append(ques)
        c = doc_counts.get(w, 0)
        if len(w) > 3 and w.isalpha():
            f.append("rep=" + str(bucket(c, (1, 2, 4))))
        out.append(f)
    return out


def document_tokens(text: str, bounds: list[tuple[int, int]]) -> list[list[Token]]:
    return [ts for s, e in bounds if (ts := tokens(text, s, e))]


def quote_states(sents: list[list[Token]]) -> list[list[bool]]:
    inside = False
    out = []
    for sent in sents:
        row = []
        for t in sent:
            if t.text in _QUOTES:
                if t.text in "“«":
                    inside = True
                elif t.text in "”»":
                    inside = False
                else:
                    inside = not inside
                row.append(False)
            else:
                row.append(inside)
        inside = False   # quotes do not run across sentences here
        out.append(row)
    return out


def document_features(text: str, sents: list[list[Token]]) -> list[list[list[str]]]:
    counts: dict[str, int] = {}
    for sent in sents:
        for t in sent:
            counts[t.lower] = counts.get(t.lower, 0) + 1
    qs = quote_states(sents)
    return [token_features(s, q, counts) for s, q in zip(sents, qs)]


@dataclass(frozen=True)
class DocStats:
    """Counts over a whole document, computed once per document for its fragments."""
    words: dict[str, int]                  # lower-cased token -> occurrences
    pairs: dict[tuple[str, str], int]      # adjacent lower-cased token pairs -> occurrences


def document_stats(text: str) -> DocStats:
    words: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    low = [t.lower for t in tokens(text)]
    for w in low:
        words[w] = words.get(w, 0) + 1
    for pair in zip(low, low[1:]):
        pairs[pair] = pairs.get(pair, 0) + 1
    return DocStats(words, pairs)


def _repetition_features(words: list[str], stats: DocStats, f: dict[str, float]) -> None:
    """How much of the fragment recurs elsewhere in the document (cues for Repetition).

    The most frequent content word's count, the share of content words seen twice or
    more, and the most frequent word pair's count. Picked on folds 0-1 of 5: TC 0.612
    -> 0.622 (the share and the largest count 0.617; + the pair count 0.622).
    """
    content = [w for w in words if len(w) > 3 and w.isalpha()]
    if content:
        f[f"wrmax={bucket(max(stats.words.get(w, 0) for w in content), (1, 2, 3, 5, 8))}"] = 1.0
        share = sum(stats.words.get(w, 0) >= 2 for w in content) / len(content)
        f[f"wrfrac={bucket(int(share * 4), (0, 1, 2, 3))}"] = 1.0
    if len(words) > 1:
        f[f"bgmax={bucket(max(stats.pairs.get(p, 0) for p in zip(words, words[1:])), (1, 2, 3, 5))}"] = 1.0


def span_features(text: str, start: int, end: int, sent: tuple[int, int] | None = None,
                  doc_lower: str | None = None, stats: DocStats | None = None) -> dict[str, float]:
    """Features of one fragment for the technique classifier (sparse, name -> value).

    ``doc_lower`` and ``stats`` (``document_stats``) are the document's, computed once
    per document by callers that classify many fragments; computed here if not given.
    """
    toks = tokens(text, start, end)
    words = [t.lower for t in toks]
    f: dict[str, float] = {"b": 1.0}
    for w in words:
        f["u=" + w] = 1.0
    for a, b in zip(words, words[1:]):
        f["bi=" + a + "|" + b] = 1.0
    # character 3-5-grams of the words ("_" marks word edges): morphology such as -ist, -ism, un-
    chars = "_" + "_".join(words) + "_"
    for n in (3, 4, 5):
        for i in range(len(chars) - n + 1):
            f["ch=" + chars[i:i + n]] = 1.0
    if words:
        f["first=" + words[0]] = 1.0
        f["last=" + words[-1]] = 1.0
    f[f"len={bucket(len(words), (1, 2, 3, 5, 8, 13, 21, 34))}"] = 1.0
    if sent is not None:
        s, e = sent
        # four words each side, looked for within CONTEXT_CHARS: a 250 KB unpunctuated "sentence" made this quadratic
        ctx = tokens(text, max(s, start - CONTEXT_CHARS), start)[-4:] + tokens(text, end, min(e, end + CONTEXT_CHARS))[:4]
        for t in ctx:
            f["c=" + t.lower] = 1.0
        frac = (end - start) / max(1, e - s)
        f[f"cov={bucket(int(frac * 10), (1, 3, 6, 8))}"] = 1.0
        if start <= s + 1 and end >= e - 2:
            f["whole"] = 1.0
        # a question or an exclamation in the sentence (Doubt, Loaded language); folds 0-1: TC 0.622 -> 0.625
        if "?" in text[s:e]:
            f["s?"] = 1.0
        if "!" in text[s:e]:
            f["s!"] = 1.0
    frag = text[start:end].lower().strip()
    doc_lower = text.lower() if doc_lower is None else doc_lower
    n = doc_lower.count(frag) if frag else 0
    f[f"rep={bucket(n, (1, 2, 3, 5))}"] = 1.0
    if any(c in text[start:end] for c in _QUOTES):
        f["q"] = 1.0
    if "!" in text[start:end]:
        f["!"] = 1.0
    if "?" in text[start:end]:
        f["?"] = 1.0
    if toks and toks[0].text[0].isupper():
        f["cap"] = 1.0
    if text[start:end].isupper() and len(words) > 0:
        f["upper"] = 1.0
    _repetition_features(words, document_stats(text) if stats is None else stats, f)
    return f


def sentence_features(sent: list[Token], index: int) -> dict[str, float]:
    """Sparse features of one sentence for the sentence classifier ("holds a technique?").

    Its words and word pairs, its length and its place in the document (``index``,
    0 = the first non-empty line or sentence).
    """
    words = [t.lower for t in sent]
    f: dict[str, float] = {"b": 1.0}
    for w in words:
        f["w=" + w] = 1.0
    for a, b in zip(words, words[1:]):
        if a != "|" and b != "|":   # "|" joins the pair: a pair name holds exactly two words
            f["bi=" + a + "|" + b] = 1.0
    f[f"len={bucket(len(words), (3, 6, 10, 15, 20, 30, 45))}"] = 1.0
    f[f"pos={min(index, 5)}"] = 1.0
    return f


def span_set_features(text: str, spans: list[tuple[int, int]]) -> list[dict[str, float]]:
    """Features of each fragment among the fragments found (or given) in the same document.

    How many distinct fragments have the same words (a repetition cue), and whether the
    fragment lies inside, contains or overlaps another one. Duplicated (start, end)
    pairs count once.
    """
    uniq = sorted(set(spans))
    same: dict[str, int] = {}
    for s, e in uniq:
        k = text[s:e].lower()
        same[k] = same.get(k, 0) + 1
    out = []
    for s, e in spans:
        f = {f"nsame={min(same[text[s:e].lower()], 4)}": 1.0}
        for gs, ge in uniq:
            if (gs, ge) == (s, e) or ge <= s or gs >= e:
                continue
            f["ovl"] = 1.0
            if gs <= s and ge >= e:
                f["nested"] = 1.0
            if s <= gs and e >= ge:
                f["contains"] = 1.0
        out.append(f)
    return out
