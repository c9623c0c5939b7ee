"""English cues made of other words than a reporting verb: "according to X", a colon
('Trump on Clinton: “…”'), a headline ("Paul Ryan: …", a title-case headline verb) and hearsay
adverbs ("reportedly").
"""

from __future__ import annotations

import itertools
import re

from ...languages.en.speech import ACCORDANCE_NOUNS, HEADLINE_SPEAKER
from ..cues import CARRIER_NOUNS, STANCE_OF
from .parse import _np_span, _subtree, _text, _trim_punct
from ...languages._text import strip_span as _strip


def _headline_colon(doc, text: str) -> dict | None:
    """A title line "Paul Ryan: FBI Decision ... Defies Explanation": the named actor before the colon said
    what follows. Only the first line, and only when the parser sees a person, organisation or place before
    the colon (not "BREAKING:", "Wow:", "BYLINE:")."""
    m = HEADLINE_SPEAKER.match(text)
    if not m:
        return None
    name_end = m.end(1)
    ent = next((e for e in doc.ents if e.start_char < name_end and e.label_ in ("PERSON", "ORG", "GPE", "NORP")),
               None)
    if ent is None:
        return None
    cs, ce = _strip(text, m.start(2), m.end(2))
    if ce <= cs:
        return None
    return {"cue": (name_end, name_end + 1), "speaker": (0, name_end), "content": (cs, ce), "lemma": "say",
            "speaker_tok": ent.root}


def _hearsay_adverb(adv) -> dict | None:
    """ "The woman … has reportedly been chatting with him online since January": the clause of the verb the
    adverb modifies (the adverb inside it: a content is one stretch of text), with no speaker."""
    v = adv.head
    if v.i == adv.i or v.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    toks = _trim_punct([t for t in _subtree(v) if not (t.dep_ in ("cc", "conj") and t.head.i == v.i and t.i > v.i)])
    if not toks:
        return None
    return {"cue": (adv.idx, adv.idx + len(adv)), "speaker": None,
            "content": (toks[0].idx, toks[-1].idx + len(toks[-1])), "lemma": adv.lower_, "speaker_tok": None}


def _title_line(tok) -> tuple[int, int] | None:
    """The line of ``tok`` when it is a headline in title case ("Hillary Clinton Slams Donald Trump On Abortion
    After SCOTUS Ruling"): at most 25 words, most of the longer ones capitalized. The small parse reads such
    lines as names throughout, so their verbs come out as proper nouns."""
    text = _text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    words = re.findall(r"[^\W\d_][\w’'-]*", text[start:end])
    if not 3 <= len(words) <= 25:
        return None
    longer = [w for w in words if len(w) > 3]
    if not longer or sum(w[0].isupper() for w in longer) < 0.8 * len(longer) or all(w.isupper() for w in longer):
        return None
    return start, end


_TITLE_SPEAKERS = {"PERSON", "ORG", "NORP", "GPE"}


def _title_case_verb(tok) -> dict | None:
    """A headline verb the parse took for a name, which the tagger marks ("Carly Fiorina Endorses Ted Cruz",
    "Donald Trump Praises …: ‘Very Good Reporter.’"): the named entity right before it speaks (every word of
    such a line is capitalized: only the entity recognizer tells the name from the verbs), the rest of the line
    is what it said or did."""
    line = _title_line(tok)
    if line is None:
        return None
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is None or prev.ent_type_ not in _TITLE_SPEAKERS or prev.idx < line[0]:
        return None
    # the recognizer often runs the name on over the verb and its object ("Hillary Clinton Slams Donald Trump"
    # one PERSON): the speaker is the entity's words before the verb, all of them names
    start = prev.i
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].idx >= line[0]:
        start -= 1
    who = doc[start:prev.i + 1]
    after = _trim_punct(list(itertools.takewhile(lambda t: t.idx + len(t) <= line[1], doc[tok.i + 1:])))
    if not after or len(who) > 6 or any(t.pos_ != "PROPN" and t.text not in ("’s", "'s") for t in who):
        return None
    return {"cue": (tok.idx, tok.idx + len(tok)), "speaker": (who.start_char, who.end_char),
            "content": (after[0].idx, after[-1].idx + len(after[-1])), "lemma": tok.lower_, "speaker_tok": prev}


def _colon_cue(colon, quotes) -> dict | None:
    """'X wrote: “...”' is found by the verb; 'Trump on Clinton: “...”' by the colon."""
    q = next(((qs, qe) for qs, qe in quotes if 0 <= qs - (colon.idx + 1) <= 2), None)
    if q is None:
        return None
    head = colon.head
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in STANCE_OF:
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj",)), None)
    if subj is None and head.pos_ in ("PROPN", "NOUN") and head.i < colon.i:
        subj = head
    ss = None
    if subj is not None and subj.i > colon.i:
        subj = _before_colon(colon)      # 'Peskov on the talks: "Nobody will sign this."': not "Nobody"
        if subj is not None:             # the name, not what it speaks on
            ss, se = subj.left_edge.idx, subj.idx + len(subj)
    if subj is None:
        return None
    if ss is None:
        ss, se = _np_span(subj)
    if se > colon.idx:
        # the speaker's phrase ends at its colon (the parse can hang the colon and the quote on the name)
        toks = _trim_punct([t for t in colon.doc[subj.left_edge.i:colon.i] if t.idx >= ss])
        if not toks:
            return None
        ss, se = toks[0].idx, toks[-1].idx + len(toks[-1])
    return {"cue": (colon.idx, colon.idx + 1), "speaker": (ss, se), "content": q, "lemma": "say",
            "speaker_tok": subj}


def _before_colon(colon):
    """The noun heading the short phrase before a colon whose parse hangs it on the quote after it ("Peskov on
    the talks:"), if that phrase starts the sentence or line."""
    doc = colon.doc
    lo = colon.i
    while lo > 0 and colon.i - lo < 12 and not doc[lo].is_sent_start and "\n" not in doc[lo - 1].text:
        lo -= 1
    if not (doc[lo].is_sent_start or lo == 0 or "\n" in doc[lo - 1].text):
        return None
    roots = [t for t in doc[lo:colon.i] if not lo <= t.head.i < colon.i or t.head.i == t.i]
    if len(roots) == 1 and roots[0].pos_ in ("PROPN", "NOUN"):
        return roots[0]
    return None


def _according(tok) -> dict | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None or _in_accordance(tok, obj):
        return None
    head = tok.head
    span = [t for t in _subtree(head) if not (tok.left_edge.i <= t.i <= tok.right_edge.i)]
    span = _trim_punct(span)
    if not span:
        return None
    return {"cue": (tok.idx, to.idx + len(to)), "speaker": _np_span(obj),
            "content": (span[0].idx, span[-1].idx + len(span[-1])), "lemma": "according to",
            "speaker_tok": obj}


def _in_accordance(tok, obj) -> bool:
    """ "pushed forward according to the already-established plan", "developed according to the agreement
    reached at the summit": inside the clause (a word, not a comma or the sentence start, before it) with a
    plan or rule as object it is manner, not a source. On PolNeAR train 12 of 394 gold "according to" cues
    follow a word; none of them has such an object."""
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return before is not None and before.is_alpha and (obj.lower_ in ACCORDANCE_NOUNS or obj.lemma_.lower() in ACCORDANCE_NOUNS)


def _estimate_frame(v) -> dict | None:
    """ "In January, the NIS put North Korean losses at about 300 dead and another 2,700 injured", "Ukraine puts
    the number of soldiers killed there at over 3,000": an estimate, the speaker its subject, the content from
    what was put to its figure (the "at" phrase, wherever the parse hung it, and a figure it conjoined to the
    verb)."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None and v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in CARRIER_NOUNS:
        subj = v.head           # "Russian statements putting the figure at 100,000"
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj") and c.i > v.i), None)
    if subj is None or obj is None:
        return None
    # the "at" phrase with a figure, not inside a clause with a subject of its own ("…, saying 300 were put at …")
    own = [t for c in v.children if c.i > v.i and any(g.dep_.startswith("nsubj") for g in c.children)
           for t in c.subtree]
    at = next((t for t in v.subtree if t.i > obj.i and t.lower_ == "at" and t.dep_ == "prep" and t not in own
               and any(w.like_num for w in t.subtree)), None)
    if at is None:
        return None
    end = at.right_edge
    for c in v.children:        # "… at about 300 dead and another 2,700 injured" ("2,700" a conjunct of "put")
        if c.dep_ == "conj" and c.i > end.i and (c.pos_ == "NUM" or c.left_edge.like_num):
            end = c.right_edge    # also "… and 2,700 injured" read as a clause with "2,700" its subject
    toks = _trim_punct(list(v.doc[obj.left_edge.i:end.i + 1]))
    if not toks:
        return None
    return {"cue": (v.idx, v.idx + len(v)), "speaker": _np_span(subj),
            "content": (toks[0].idx, toks[-1].idx + len(toks[-1])), "lemma": v.lemma_.lower(), "speaker_tok": subj,
            "stance": "says"}
