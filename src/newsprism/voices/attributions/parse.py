"""Parse-tree helpers shared by the English rules: spans of tokens, phrases and cues."""

from __future__ import annotations

from .quotes import _CLOSERS, _PAIRS


MAX_CLAUSE = 300   # tokens on either side of a clause's head word that its content can take


def _subtree(tok):
    """``tok.subtree``, but for a clause of more than 2 × ``MAX_CLAUSE`` tokens (a long text without sentence
    punctuation parses as one sentence; every cue in it would walk all of it) the tokens of its span within
    ``MAX_CLAUSE`` of the head word: the stage stays linear in the document, a best-effort content."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if hi - lo <= 2 * MAX_CLAUSE:
        return tok.subtree
    return iter(tok.doc[max(lo, tok.i - MAX_CLAUSE):min(hi, tok.i + MAX_CLAUSE) + 1])


def _has_verb(tok) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in _subtree(tok))


def _is_clause(v, cs, ce, quotes) -> bool:
    """A clause, a quote, or a "described X as Y" frame: what a speaker can be reported to say."""
    return (any(c.dep_ in ("ccomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as") for c in v.children)
            or any(qs <= ce and cs <= qe for qs, qe in quotes))


def _cue_span(v) -> tuple[int, int]:
    end = v.idx + len(v)
    prt = [c for c in v.children if c.dep_ == "prt"]
    if prt:
        end = max(end, prt[-1].idx + len(prt[-1]))
    return v.idx, end


def _name_run(tok) -> tuple[int, int]:
    """A name the parse split into compounds of the next noun ("Lim Eul - chul" each hung off "Yonhap"): the
    run of name tokens ending at ``tok`` whose heads are that noun or inside the run."""
    doc = tok.doc
    start = tok.i
    while start - 1 >= 0 and (doc[start - 1].head.i == tok.head.i or start <= doc[start - 1].head.i <= tok.i) and (
            doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in ("-", ".")):
        start -= 1
    return doc[start].idx, tok.idx + len(tok)


def _np_span(tok) -> tuple[int, int]:
    if tok.dep_ == "compound" and tok.pos_ == "PROPN":
        return _name_run(tok)
    # not a relative clause, nor a phrase hung before the head ("At the press conference the minister …")
    before = [c for c in tok.children if c.dep_ == "prep" and c.i < tok.i]
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") and not _in_dep(t, tok, ("relcl", "acl"))
            and not any(b.left_edge.i <= t.i <= b.right_edge.i for b in before)]
    # a heading or caption line above is not part of the speaker: keep the line the head word is on
    text = _text(tok.doc)
    toks = [t for t in toks if "\n" not in text[min(t.idx, tok.idx):max(t.idx, tok.idx)]]
    toks = _trim_punct(_run_around(toks, tok))
    if not toks:
        return tok.idx, tok.idx + len(tok)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _run_around(toks, head):
    """The stretch of ``toks`` that holds ``head``, across punctuation: "Roffman, who estimates …, described"
    keeps "Roffman ," and not the ', "' after the relative clause."""
    keep = {t.i for t in toks}
    doc = head.doc
    lo = hi = head.i
    while lo - 1 >= 0 and (lo - 1 in keep or (doc[lo - 1].is_punct or doc[lo - 1].is_space) and lo - 2 in keep):
        lo -= 1
    while hi + 1 < len(doc) and (hi + 1 in keep or (doc[hi + 1].is_punct or doc[hi + 1].is_space) and hi + 2 in keep):
        hi += 1
    return [t for t in toks if lo <= t.i <= hi]


def _in_dep(t, root, deps) -> bool:
    while t.i != root.i and t.head.i != t.i:
        if t.dep_ in deps:
            return True
        t = t.head
    return False


def _text(doc) -> str:
    """Doc.text rebuilds the string on every call: keep it once per parse."""
    t = doc.user_data.get("newsprism_text")
    if t is None:
        t = doc.user_data["newsprism_text"] = doc.text
    return t


def _inside_quote_end(tok) -> bool:
    """A full stop just before a closing quote belongs to the quote: “… honour.”"""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.text in (".", "!", "?") and nxt is not None and nxt.text in _CLOSERS


def _trim_punct(toks):
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct and toks[0].text not in _PAIRS or toks[0].is_space):
        toks = toks[1:]
    while toks and ((toks[-1].is_punct and toks[-1].text not in _CLOSERS and not _inside_quote_end(toks[-1]))
                    or toks[-1].is_space):
        toks = toks[:-1]
    # contiguous run only: a content span is one stretch of text (gaps of punctuation do not break it)
    for k in range(1, len(toks)):
        if toks[k].i != toks[k - 1].i + 1 and not all(
                t.is_punct or t.is_space for t in toks[k].doc[toks[k - 1].i + 1:toks[k].i]):
            return _trim_punct(toks[:k] if k > len(toks) - k else toks[k:])   # "But [as X noted], those …"
    return toks
