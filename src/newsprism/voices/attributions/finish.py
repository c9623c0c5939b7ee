"""Finishing one attribution: past the agency dateline, with the quote marks it touches, labelled
direct / mixed / indirect, with its stance, a clean speaker phrase and a resolved actor.
"""

from __future__ import annotations

import re

from ...clean.metadata import find_dateline
from ...model import Span
from ..cues import stance
from .nobody import no_one
from .quotes import _quotes_overlapping, _with_quote_marks
from .speakers import _nearest_entity, _resolve_speaker
from ...languages import pack
from ...languages._text import strip_span as _strip


def _dateline_end(text: str) -> int:
    """Where an agency dateline at the start ends ("Pyongyang, August 4 (KCNA) --"), else 0."""
    found = find_dateline(text)
    if found is None:
        return 0
    return text.index(found["evidence"]) + len(found["evidence"])


def _after_dateline(text: str, r: dict, end: int) -> dict:
    """The dateline is nobody's speech: the parse made "Pyongyang, October 18 (KCNA" the subject of the first
    sentence's verb (and so the speaker, resolved to North Korea by its capital). Speaker and content start
    after it; a speaker that lies inside it is dropped."""
    if not end:
        return r
    for key in ("speaker", "resolve_span"):
        sp = r.get(key)
        if sp and sp[0] < end:
            cut = _strip(text, end, sp[1]) if sp[1] > end else None
            r[key] = cut if cut and cut[1] > cut[0] else None
    tok = r.get("speaker_tok")
    if tok is not None and tok.idx < end:
        r["speaker_tok"] = None
    if r["content"][0] < end < r["content"][1]:
        r["content"] = (end, r["content"][1])
    return r


def _whole_quote_before_cue(cs: int, ce: int, cue: int, quotes) -> int:
    """'"We will keep fighting, whoever they are. The fight goes on," Petrenko said': the parse gave the cue the
    quote's last sentence; a content that ends a quote right before its cue is the whole quote."""
    inside = _quotes_overlapping(quotes, cs, ce)
    if len(inside) == 1:
        qs, qe = inside[0]
        if qs < cs and ce >= qe - 1 and qe <= cue and cue - qe <= 80:
            return qs
    return cs


_OPENING_MARKS = "\"“«„「『"
_JOIN_EDGE = " \t,.;:!?…"


def _joined_quotes(text: str, cs: int, ce: int, inside, joiners) -> bool:
    """Quotes chained in one report with only the language's joining words between and after them
    ('"A"며 "B"했다': the quotative particles and the light verb), or spaces and punctuation alone."""
    if inside[0][0] != cs:
        return False
    at = cs
    for qs, qe in inside + [(ce, ce)]:
        gap = text[at:qs].strip(_JOIN_EDGE)
        if gap and not joiners.fullmatch(gap):
            return False
        at = max(at, qe)
    return True


def _open_quote(text: str, cs: int, ce: int) -> bool:
    """A content that opens with a quote mark never closed before its line ends (a headline or a transcript
    line cut short, a quote running on over paragraphs) is the speaker's words."""
    if cs >= ce or text[cs] not in _OPENING_MARKS:
        return False
    if any(m in text[cs + 1:ce] for m in _OPENING_MARKS + "”»“」』"):
        return False
    rest = text[ce:ce + 3].lstrip(" \t.,")
    return rest == "" or rest.startswith("\n")


_NAME_QUOTE = re.compile(r"[\"“„«‘'][A-ZА-ЯЁІЇЄҐÄÖÜ][\w’'-]*(?:[ -][\w’'-]+)?[\"”“»’']")


def _names_only(text: str, inside, cs: int, ce: int) -> list:
    """The quotes of a content less those that are only a proper name (one or two words, capitalised:
    "the “Baranovsky” range"), which quote a name, not the speaker's words; a quote that is the whole content
    stays."""
    if len(inside) == 1 and inside[0][0] <= cs and inside[0][1] >= ce - 1:
        return inside
    return [q for q in inside if not _NAME_QUOTE.fullmatch(text, q[0], q[1])]


def _taken_in(text: str, cs: int, words) -> bool:
    """Whether the word right before the content is a complementiser ("stressed that "…"")."""
    m = re.search(r"(\w+[’']?)\s*$", text[max(0, cs - 20):cs])
    return bool(m and m.group(1).lower() in words)


def _label(text: str, cs: int, ce: int, quotes, lang: str) -> str:
    speech = pack(lang).speech
    inside = _names_only(text, _quotes_overlapping(quotes, cs, ce), cs, ce)
    if len(inside) == 1 and inside[0][0] == cs and inside[0][1] >= ce - 1:
        return "mixed" if _taken_in(text, cs, speech.COMPLEMENTISERS) else "direct"
    if inside:
        return "direct" if _joined_quotes(text, cs, ce, inside, speech.QUOTE_JOINERS) else "mixed"
    if _open_quote(text, cs, ce):
        return "direct"
    return "mixed" if speech.CONDENSED_QUOTE.search(text, cs, ce) else "indirect"


def _finish(text: str, r: dict, entities: list[Span], quotes, lang: str = "en") -> dict:
    cs, ce = _with_quote_marks(text, *r["content"], quotes)
    cs = _whole_quote_before_cue(cs, ce, r["cue"][0], quotes)
    r["content"] = (cs, ce)
    # an embedded post's line is its author's words as published
    r["label"] = "direct" if r.get("_path") == "embedded-post" else _label(text, cs, ce, quotes, lang)
    r.setdefault("stance", stance(r["lemma"].split()[0]) if r["lemma"] != "according to" else "says")
    if r.get("speaker") is None and r.get("speaker_search"):
        r["speaker"] = _nearest_entity(entities, *r["speaker_search"], r["cue"][0])
    if r.get("speaker") is not None:
        r["speaker"] = _clean_speaker_span(text, r["speaker"], r["cue"])
        why = no_one(text[r["speaker"][0]:r["speaker"][1]], r.get("speaker_tok")) if r.get("_tok") is not None \
            else None          # English parse rules only (the word lists are English)
        if why:
            r["speaker"] = r["speaker_tok"] = None
            r.pop("resolve_span", None)
            r["actor"], r["actor_name"], r["reason"] = None, None, why
            return r
    r["actor"], r["actor_name"], r["reason"] = _resolve_speaker(text, r, entities)
    return r


_SPEAKER_EDGE = " \t\n,;:-–—"

_QUOTE_MARKS = "\"“”«»„"


def _clean_speaker_span(text: str, speaker: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """A speaker's phrase stops where its cue starts ("Republicans, concerned about …": the adjective cue hung
    inside its noun phrase) and carries no commas or dashes at its edges, nor a quote mark the phrase does not
    close ('Comey, "', '" spokeswoman …'; a title stays whole: 'The spot, "Trumpcare,"')."""
    ss, se = speaker
    if ss < cue[0] < se:
        se = cue[0]
    for _ in range(4):
        before = (ss, se)
        while ss < se and text[ss] in _SPEAKER_EDGE:
            ss += 1
        while se > ss and text[se - 1] in _SPEAKER_EDGE:
            se -= 1
        marks = sum(text.count(q, ss, se) for q in _QUOTE_MARKS)
        if marks % 2 and se > ss and text[ss] in _QUOTE_MARKS:
            ss += 1
        elif marks % 2 and se > ss and text[se - 1] in _QUOTE_MARKS:
            se -= 1
        if (ss, se) == before:
            break
    return (ss, se) if se > ss else speaker
