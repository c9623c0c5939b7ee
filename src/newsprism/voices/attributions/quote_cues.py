"""Quotes next to an English cue: the quote a cue introduces or follows, and quotes whose
speaker the parse lost ('“…,” said David Brock, …').
"""

from __future__ import annotations

import bisect

from ...languages.en.speech import OBJECT_PREPOSITIONS, SUBJECT_PRONOUNS
from .parse import _cue_span, _np_span, _text, _trim_punct
from .quotes import _CLOSERS, _MARKS, _quote_ending_before, _quote_holding


def _quoted_cue_reporting_outside(r: dict, quotes) -> bool:
    """A cue inside a quote whose content lies before the quote: 'Sanders shot back, "Secretary Clinton called
    them out."' parsed with "shot back" as what "called" says. The quoted words are the quote's, not a report
    of the narration before them."""
    q = _quote_holding(quotes, r["cue"][0])
    return q is not None and r["content"][1] <= q[0]


def _first_person_in_quote(r: dict, quotes) -> bool:
    """ "I think ...", "we want ..." inside a quote is the quoted speaker's wording, not a new attribution."""
    tok = r.get("speaker_tok")
    if tok is None or tok.lower_ not in ("i", "we", "you"):
        return False
    return any(qs < r["cue"][0] < qe for qs, qe in quotes)


def _quote_then_speaker(v, quotes) -> dict | None:
    """'“…,” Kim Jong Un said.' where the parse lost the speaker: the words between quote and cue."""
    q = _quote_ending_before(quotes, v.idx)
    if q is None:
        return None
    gap = [t for t in v.doc if q[1] <= t.idx < v.idx and not t.is_punct and not t.is_space]
    if not gap:
        gap = [t for t in v.rights if t.dep_ in ("nsubj", "npadvmod", "dobj")][:1]
        gap = [t for t in gap[0].subtree] if gap else []
    gap = _trim_punct(gap)
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in gap):
        return None     # 'saying: “The struggle continues” and vowing to …': no speaker between ("and")
    head = max(gap, key=lambda t: (t.pos_ in ("PROPN", "NOUN", "PRON"), t.i))
    return {"cue": _cue_span(v), "speaker": (gap[0].idx, gap[-1].idx + len(gap[-1])), "content": q,
            "lemma": v.lemma_.lower(), "speaker_tok": head}


_NAMING_POS = {"DET", "PROPN", "NOUN", "ADJ", "NUM", "PART"}


def _quote_then_named(v, quotes) -> dict | None:
    """ '“What's shaping up is a battle for the ages,” said David Brock, a Clinton confidant …' where the parse
    hung the name off another word (or made it the object: 'asked Mr. Manafort'): a quote that closes right
    before the cue and a name right after it are content and speaker."""
    q = _quote_before(v, None, quotes)
    if q is None or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = v.doc
    run = []
    for t in doc[v.i + 1:v.i + 9]:
        if (t.pos_ not in _NAMING_POS and not (not run and t.lower_ in SUBJECT_PRONOUNS)
                or t.ent_type_ in ("DATE", "TIME")):
            break
        run.append(t)
    heads = [t for t in run if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not heads or run[0].lower_ in ("that", "this", "it", "what"):
        return None
    head = heads[-1]
    run = _trim_punct(run)
    sp = _np_span(head)         # with its apposition ("David Brock, a Clinton confidant") when the parse has one
    if sp[0] != run[0].idx:
        sp = (run[0].idx, run[-1].idx + len(run[-1]))
    return {"cue": _cue_span(v), "speaker": sp, "content": q,
            "lemma": v.lemma_.lower(), "speaker_tok": head}


def _adjacent_quote(v, subj, quotes) -> tuple[int, int] | None:
    """A quote right after the cue ('wrote, “…”') or right before its speaker ('“…” she wrote')."""
    return _quote_after(v, quotes) or _quote_before(v, subj, quotes)


def _quote_after_phrase(v, quotes) -> tuple[int, int] | None:
    """The quote after a short phrase of the cue's own ("tweeting at him, "…"", "saying at one point, ''…''",
    "adding of Mr. Trump, ''…''"): a comma or colon before it, no object, clause or verb in between."""
    end = _cue_span(v)[1]
    text = _text(v.doc)
    k = bisect.bisect_left(quotes, (end, -1))
    if k >= len(quotes) or quotes[k][0] - end > 40:
        return None
    gap = text[end:quotes[k][0]].rstrip()
    if not gap or gap[-1] not in ",:" or "\n" in gap:
        return None
    doc = v.doc
    for t in doc[v.i + 1:]:           # the words of the gap and the quote's first (at most 40 characters)
        if t.is_sent_start:           # the quote is in a later sentence: only after one ending in , or :
            prev = doc[t.i - 1]
            if text[prev.idx + len(prev) - 1:prev.idx + len(prev)] not in (",", ":"):
                return None
        if t.idx >= quotes[k][0]:
            break
        if t.pos_ in ("VERB", "AUX") or t.dep_ in ("dobj", "obj", "ccomp", "xcomp", "dative"):
            return None
    return quotes[k]


def _quote_after(v, quotes, between=("", ",", ":")) -> tuple[int, int] | None:
    return _quote_at(_text(v.doc), v.idx + len(v), quotes, between)


def _quote_at(text: str, end: int, quotes, between=("", ",", ":")) -> tuple[int, int] | None:
    """The quote opening at most 3 characters after ``end`` with only ``between`` in the gap."""
    if not any(ch in _MARKS for ch in text[end:end + 4]):
        return None          # a cheap test first: every verb cue asks, and a document can have many quotes
    k = bisect.bisect_left(quotes, (end, -1))     # quotes are sorted by start and do not overlap
    if k < len(quotes) and quotes[k][0] - end <= 3 and text[end:quotes[k][0]].strip() in between:
        return quotes[k]
    return None


def _next_to_speaker_quote(v, subj, content, quotes) -> tuple[int, int]:
    """The content, or the quote right next to the speaker where the parse took text away from it:
    '“…,” Mr. Manafort said' hung off an earlier sentence; 'Trump seemed to suggest it: “She signed an
    agreement,” he told …' (the quote, not the lead-in); 'When asked …, he said: “I think that's okay.”'
    whose parse reached back to an earlier quote."""
    q = _quote_before(v, subj, quotes)
    if q is not None:
        if content[1] <= q[0] or (content[0] < q[0] < content[1] <= q[1]
                                  and _text(v.doc)[content[0]:q[0]].rstrip().endswith(":")):
            return q
        return content
    q = _quote_after(v, quotes, (":",))
    return q if q is not None and content[1] <= v.idx else content


def _quote_before(v, subj, quotes) -> tuple[int, int] | None:
    text = _text(v.doc)
    left = min(v.idx, subj.left_edge.idx) if subj is not None else v.idx
    if not any(ch in _MARKS for ch in text[max(0, left - 4):left]) and not _title_gap(
            v, _quote_ending_before(quotes, left), left):
        return None
    q = _quote_ending_before(quotes, left)
    if q is None or (left - q[1] > 3 or text[q[1]:left].strip() not in ("", ",")) and not _title_gap(v, q, left):
        return None
    if (not text[q[1]:left].strip() and text[q[0]:q[1]].rstrip("".join(_CLOSERS))[-1:] in ".!?"
            and text[q[1]:left + 1].strip()[:1].isupper() and any(c.i > v.i and _own_object(c) for c in v.children)):
        return None     # '“It's time.” She also gushes about being a grandmother': a sentence of its own before
        # a cue with its own object is not what that cue says ('“Until the end!" a commander shouts in Korean' is)
    return q


def _title_gap(v, q, left: int) -> bool:
    """'“…,” Pentagon spokesperson Maj. Gen. Pat Ryder told reporters': between the quote and the speaker the
    parse split off, only the rest of the speaker's title (a few capitalised words, role nouns, abbreviation
    points), no verb."""
    if q is None or not 0 < left - q[1] <= 60:
        return False
    doc, gap = v.doc, []
    j = min(v.i, next((t.i for t in doc[max(0, v.i - 12):v.i + 1] if t.idx >= left), v.i)) - 1
    while j >= 0 and doc[j].idx >= q[1] and len(gap) <= 12:      # the few words back to the quote
        gap.insert(0, doc[j])
        j -= 1
    gap = [t for t in gap if t.idx < left]
    if not gap or (j >= 0 and doc[j].idx >= q[1]):      # too far from the quote
        return False
    words = [t for t in gap if not (t.is_punct and t.text in ".,")]
    return (0 < len(words) <= 5 and gap[0].text[:1] not in ".,;" and _text(v.doc)[q[1]:left].strip()[:1].isupper()
            and all(t.pos_ in ("PROPN", "NOUN") for t in words))


def _own_object(c) -> bool:
    """What a cue itself is about or does: an object, a clause, or an about/against/for/… phrase (not "in
    Korean", "on Friday", "of the episode")."""
    return c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "dative", "acomp") or (
        c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS)
