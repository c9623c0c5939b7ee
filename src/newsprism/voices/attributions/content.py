"""What an English cue reports: the clause or object it takes, cut where another source's
report starts; the clause around a parenthetical cue; a passive's topic; a paragraph after a colon.
"""

from __future__ import annotations

import re

from ...languages.en.speech import ADDRESSEE_VERBS, CONTRAST_MARKERS, OTHER_SOURCE_REPORTS, RELATIVE_WORDS
from ..cues import STANCE_OF
from .parse import _cue_span, _has_verb, _subtree, _text, _trim_punct
from .quotes import MAX_QUOTE, _quote_holding
from ...languages._text import strip_span as _strip


def _content_of_a_report(v, quotes) -> bool:
    """``v`` is the clause a later report or quote takes as content, not a parenthetical cue: "He has also
    fulminated against plans … - ''I love Oreos,'' he said" (not "…, he said, the mere mention …", nor
    'Hillary shot back, “I suppose …”', whose quote follows the cue)."""
    h = v.head
    if v.dep_ != "ccomp" or h.i < v.i:
        return False
    q = _quote_holding(quotes, h.idx)
    if q is not None:       # a verb of a later quote ("… to Mexico - ''I love Oreos,'' he said"), unless the
        # quote follows the cue's own short phrase ("shot back, “…”", "said in a statement: ''…''")
        gap = _text(v.doc)[_cue_span(v)[1]:q[0]].strip()
        return q[0] > v.idx and not (len(gap) <= 40 and (not gap or gap[-1] in ",:"))
    if h.lemma_.lower() not in STANCE_OF:
        return False
    who = next((c for c in h.children if c.dep_ == "nsubj"), None)
    return who is not None and _quote_holding(quotes, who.idx) is None


def _passive_topic(v, agent) -> tuple[int, int] | None:
    """What a passive report with a by-agent and no clause or object is about: its subject ("The move was hotly
    criticized by left-leaning economists"), through its as-phrase ("The liberation of Kursk has been hailed by
    North Korean state media as a triumph of …": what was hailed and how; one span, so the cue and the speaker
    fall inside it)."""
    if agent is None or not any(c.dep_ == "agent" for c in v.children):
        return None
    topic = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if topic is None:
        return None
    toks = _trim_punct(list(_subtree(topic)))
    if not toks:
        return None
    as_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i), None)
    if as_ is not None:     # "… has been hailed by North Korean state media as a triumph of …": the framing too
        last = _trim_punct(list(_subtree(as_)))
        if last:
            toks.append(last[-1])
    return toks[0].idx, toks[-1].idx + len(toks[-1])


_LINE_END_COLON = re.compile(r"[ \t]*:[ \t]*\n\s*")


def _paragraph_after_colon(v) -> tuple[int, int] | None:
    """ "Hewitt writes:" ending its line: what is written is the next paragraph (at most MAX_QUOTE characters),
    block-quoted without quote marks (a quoted one is found by ``_quote_after``)."""
    text = _text(v.doc)
    m = _LINE_END_COLON.match(text, _cue_span(v)[1])
    if m is None or m.end() >= len(text):
        return None
    start = m.end()
    brk = text.find("\n\n", start, start + MAX_QUOTE)
    end = brk if brk >= 0 else min(len(text), start + MAX_QUOTE)
    cs, ce = _strip(text, start, end)
    return (cs, ce) if ce > cs else None


def _relative_subject_left_out(v, cs: int) -> bool:
    """The content clause of a relative-clause cue has a relative word as subject before the content span."""
    clause = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp")), None)
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
    return subj is not None and subj.lower_ in RELATIVE_WORDS and subj.idx < cs


def _other_source_cut(clause) -> int | None:
    """Where a contrasting report by another source starts inside a content clause, if one does.

    "said about 15,000 troops had been deployed, while Ukraine's military intelligence put the
    figure at 12,000": the parser hangs the while-clause inside what the agency said, but it is
    another source's report. Cut at a while/whereas clause whose verb is a speech act
    (``OTHER_SOURCE_REPORTS``) with a subject of its own that is not a pronoun (a pronoun may be the
    speaker going on), after the content's own verb ("finds that, while 37 percent say ..., most
    ..." keeps it); any other while-clause stays content. On PolNeAR folds 0-1 the cut changes
    no overlap figure (it is rare there); it is for this domain's dueling figures.
    """
    cut = None
    for t in _subtree(clause):
        marker = _contrast_marker(t) if t is not clause else None
        if marker is None:
            continue
        start = min(marker.i, t.left_edge.i)
        if start > clause.i and (cut is None or start < cut):      # after the content's own verb
            cut = start
    return cut


def _contrast_marker(t):
    """The "while"/"whereas" of a contrasting speech-act clause with a non-pronoun subject (else None)."""
    if t.dep_ not in ("advcl", "conj") or t.lemma_.lower() not in OTHER_SOURCE_REPORTS:
        return None
    marker = next((m for m in t.children if m.dep_ in ("mark", "cc") and m.lower_ in CONTRAST_MARKERS), None)
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return marker if subj is not None and subj.pos_ != "PRON" else None


def _clause_run_end(v, c):
    """The last word of the reported clauses that run on from ``c``: a second clause the parse hung beside it
    ("said that soldiers sent to Kursk | are now fighting there and have started …") and one the speaker adds
    with "but that" / "and that" ("said it was watching closely, but that the situation was normal")."""
    last = c.right_edge
    for d in sorted((d for d in v.children if d.i > last.i and d.dep_ not in ("punct", "cc")), key=lambda d: d.i):
        nxt = d.left_edge.i
        gap = [t for t in v.doc[last.i + 1:nxt]]
        if d.dep_ == "ccomp" and not gap:
            last = d.right_edge
        elif (d.dep_ == "conj" and any(g.dep_ == "mark" and g.lower_ == "that" for g in d.children)
              and all(t.is_punct or t.dep_ == "cc" for t in gap)):
            last = d.right_edge
        else:
            break
    while last.i > c.i and last.is_punct:
        last = v.doc[last.i - 1]
    return last


def _content_of(v, after: bool = False) -> tuple[int, int] | None:
    """The clause or object ``v`` reports (with ``after``, only one that follows it)."""
    for c in v.children:
        if after and c.i < v.i:
            continue
        if c.i < v.i and any(t.text == ";" for t in v.doc[c.right_edge.i + 1:v.i]):
            continue        # "… under the treaty; he called their task …": a clause of its own, not what he called
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ in ("dobj", "obj") and _has_verb(c)):
            cut = _other_source_cut(c)
            toks = _trim_punct([t for t in _subtree(c) if cut is None or t.i < cut])   # PolNeAR/PARC keep "that"
            if toks:
                last = _clause_run_end(v, c) if cut is None and c.dep_ == "ccomp" else toks[-1]
                return toks[0].idx, last.idx + len(last)
    # "X described the troops as heroes", "called them 'heroes'"
    dobj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    if dobj is not None and dobj.i < v.i and v.dep_ == "relcl" and dobj.lower_ in RELATIVE_WORDS:
        # "the allegations, which Mr. Ailes denies": PolNeAR marks the relative word (its antecedent is
        # the relative clause's head)
        return dobj.idx, dobj.idx + len(dobj)
    if dobj is not None and v.lemma_.lower() in ADDRESSEE_VERBS:
        return None     # "telling Breitbart London: “…”", "told reporters": the object is who hears it
    if dobj is not None:
        # what follows the verb, less its particle (part of the cue: "singled out the offensive as …")
        prt = {c.i for c in v.children if c.dep_ == "prt"}
        toks = [t for t in _subtree(v) if t.i > v.i and t.i not in prt]
        toks = [t for t in toks if not _is_subj_side(t, v)]
        toks = _trim_punct(toks)
        if toks:
            return toks[0].idx, toks[-1].idx + len(toks[-1])
    return None


def _is_subj_side(t, v) -> bool:
    return t.i < v.i


def _around(head, cue) -> tuple[int, int] | None:
    """The content clause a parenthetical cue hangs off, without the cue's own words."""
    toks = [t for t in _subtree(head) if not (cue.left_edge.i <= t.i <= cue.right_edge.i)]
    toks = _trim_punct(toks)
    return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None
