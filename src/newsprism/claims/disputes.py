"""Disputes read from the attribution layer: "X denied …", "Y disputed the figure", in any language.

An attribution whose stance is ``denies`` (deny, reject, dismiss, refute; the speech packs' опроверг-,
заперечи-, 부인 …) or ``disputes`` with a contesting cue (dispute, question, challenge, contest, doubt;
not "blame", "criticise": criticism is no counter-claim) is a dispute by its speaker. What it disputes:
a claim inside its content (the figure it rejects), else the claim just before its cue in the same sentence
("the 70,000 figure, which the IDF rejected"), else its content itself as a statement of its own (subject
``statement:<document>:<offset>``, so ``reconcile`` gives it a group of its own, flagged disputed).
"""

from __future__ import annotations

import functools
import re

from ..languages import pack
from ..model import Document, Span
from .sources import speaker_source
from .subjects import dispute_cue



def _is_dispute(a: Span, lang: str, text: str = "", attributions: list[Span] = (), sents: list[Span] = ()) -> bool:
    stance = a.attrs.get("stance")
    if stance == "denies":
        return True
    cue = a.attrs.get("cue_text") or ""
    if bool(text) and _answers_an_accusation(a, cue, lang, text, attributions):
        return True
    if stance != "disputes":
        return bool(text) and (_answers(a, cue, lang, text) or _sets_against_a_claim(a, lang, text, attributions, sents))
    contesting = pack(lang).sources.CONTESTING_CUE      # empty: every "disputes" stance contests
    return not contesting or bool(re.search(contesting, cue, re.I) or dispute_cue(cue))


_CONTENT_WORD = re.compile(r"(?<![\w'’])[^\W\d_]{3,}(?![\w'’])")


def _content_words(text: str, start: int, end: int, skip: tuple[int, int] | None) -> set[str]:
    """The lowercase words of text[start:end] (a name, capitalised, is no shared act), past the speaker's words."""
    out = set()
    for m in _CONTENT_WORD.finditer(text, start, end):
        if skip and skip[0] <= m.start() < skip[1]:
            continue
        w = m.group(0)
        if w == w.lower():
            out.add(w)
    return out


def _accusation(a: Span, lang: str) -> bool:
    rx = pack(lang).sources.ACCUSING_CUE
    word = (a.attrs.get("cue_text") or "").strip().split()[-1:] or [""]
    return bool(rx) and bool(re.search(rx, word[0], re.I))


def _answers_an_accusation(a: Span, cue: str, lang: str, text: str, attributions) -> bool:
    """ "X held Kyiv responsible for the destruction of the dam. … Ukraine has accused Russian forces of destroying
    the dam": an accusation answering an earlier accusation by another speaker about the same act (a lowercase
    word of three letters or more, no stop word, in both contents, past the speakers: "dam") disputes it."""
    if not _accusation(a, lang) or not a.attrs.get("cue"):
        return False
    me = a.attrs.get("actor") or (a.attrs.get("speaker_text") or "").lower()
    mine = _content_words(text, a.start, a.end, a.attrs.get("speaker")) - _stop_words(lang)
    if not mine or not me:
        return False
    earlier = [b for b in attributions if b.attrs.get("cue") and int(b.attrs["cue"][0]) < int(a.attrs["cue"][0])
               and _accusation(b, lang)]
    for b in earlier[-_ACCUSATIONS_BACK:]:
        other = b.attrs.get("actor") or (b.attrs.get("speaker_text") or "").lower()
        if not other or other == me:
            continue
        if mine & _content_words(text, b.start, b.end, b.attrs.get("speaker")):
            return True
    return False


_ACCUSATIONS_BACK = 20      # earlier accusations an accusation is checked against (a huge document stays linear)


@functools.lru_cache(maxsize=None)
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for the language (none where spaCy has no such language) and the pack's words that
    name who is accused rather than the act ("forces", "responsible")."""
    try:
        import spacy
        words = set(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except Exception:       # no such language in spaCy: only the pack's words
        words = set()
    return frozenset(words | set(pack(lang).sources.ACCUSATION_NOT_ACT))


def _answers(a: Span, cue: str, lang: str, text: str) -> bool:
    """A report that answers another's claim without a denying verb: a counter-claim ("X counter that …"),
    a label of falsehood ("described the claim as a propaganda trick"), a speaker set against the one before
    ("Le gouvernement sud-coréen, lui, évalue …")."""
    src = pack(lang).sources
    word = cue.strip().split()[-1:] or [""]
    if src.COUNTER_CUE and re.search(src.COUNTER_CUE, word[0], re.I):
        return True
    if src.LABELLING_CUE and re.search(src.LABELLING_CUE, word[0], re.I) and \
            src.FALSE_LABEL.search(text[a.start:a.end]):
        return True
    sp, cu = a.attrs.get("speaker"), a.attrs.get("cue")
    return bool(sp and cu and int(sp[1]) <= int(cu[0]) and src.CONTRAST_SPEAKER.search(text[int(sp[1]):int(cu[0])]))


def _sets_against_a_claim(a: Span, lang: str, text: str, attributions, sents) -> bool:
    """ "X claimed …. Yet Y said …": a report whose sentence opens in contrast to a claim of another speaker in
    the sentence just before."""
    sp = a.attrs.get("speaker")
    rx = pack(lang).sources.CONTRAST_OPENING
    k = next((i for i, s in enumerate(sents) if sp and s.start <= int(sp[0]) < s.end), None)
    if not k or not rx.search(text[sents[k].start:int(sp[0])]):
        return False
    before = sents[k - 1]
    return any(b.attrs.get("stance") == "claims" and b.attrs.get("cue") and before.start <= int(b.attrs["cue"][0]) < before.end
               and (b.attrs.get("speaker_text") or "") != a.attrs.get("speaker_text") for b in attributions)


def _target(a: Span, claims: list[Span], sent: Span | None) -> Span | None:
    inside = [c for c in claims if a.start <= c.start and c.end <= a.end and c.label != "dispute"]
    named = [c for c in inside if c.attrs.get("subject")]
    if named or inside:
        return (named or inside)[0]
    cue = a.attrs.get("cue") or (a.start, a.end)
    lo = sent.start if sent else max(0, int(cue[0]) - 200)
    before = [c for c in claims if lo <= c.start < int(cue[0]) and c.label != "dispute"]
    return before[-1] if before else None


def attribution_disputes(doc: Document, attributions: list[Span], entities: list[Span], claims: list[Span],
                         sents: list[Span], version: str) -> list[Span]:
    """Dispute claims for the denying and disputing attributions of a document (none twice at one cue)."""
    lang = doc.language or "en"
    out: list[Span] = []
    taken = {(c.start, c.end) for c in claims if c.label == "dispute"}
    for a in attributions:
        cue = a.attrs.get("cue")
        if not cue or not _is_dispute(a, lang, doc.text, attributions, sents):
            continue
        cs, ce = int(cue[0]), int(cue[1])
        src = speaker_source(doc.text, a, attributions, entities, lang)
        if not src:
            continue
        if any(s < ce and cs < e for s, e in taken):
            # the sentence rule found this denial first: its disputer is the attribution's speaker
            _speak_for([c for c in claims if c.label == "dispute" and c.start < ce and cs < c.end], src)
            continue
        sent = next((s for s in sents if s.start <= cs < s.end), None)
        t = _target(a, claims, sent)
        if t is not None:
            subject, label = t.attrs.get("subject"), t.attrs.get("subject_label")
            what = {"subject": subject, "start": t.start, "end": t.end, "kind": t.label,
                    "value_kind": t.attrs.get("value_kind")}
        else:
            subject, label = None, None
            what = {"subject": None, "start": a.start, "end": a.end, "kind": "statement", "value_kind": None}
        if not subject:
            subject = f"statement:{doc.id}:{what['start']}"
            label = "disputed statement: " + " ".join(doc.text[what["start"]:what["end"]].split())[:80]
            what["subject"] = subject
        attrs = {"subject": subject, "subject_label": label, "disputes": what, "cue": doc.text[cs:ce],
                 "stance": a.attrs.get("stance"), "as_of": None, **src, "source_method": "attribution"}
        out.append(Span(cs, ce, "claim", "dispute", "claims", version, 0.7, attrs))
        taken.add((cs, ce))
    _sentence_disputers(doc, attributions, entities, claims, sents, lang)
    _statement_made_by(doc, attributions, entities, claims + out, sents, lang)
    return out


def _statement_made_by(doc: Document, attributions: list[Span], entities: list[Span], claims: list[Span],
                       sents: list[Span], lang: str) -> None:
    """ "Таку заяву зробив X", "Such a statement was made by X": the disputes in the content of that
    attribution (the statement before it) are X's, not the institution or pronoun the statement named."""
    rx = pack(lang).sources.STATEMENT_MADE_BY
    for a in attributions:
        cue = a.attrs.get("cue")
        if not cue:
            continue
        sent = next((s for s in sents if s.start <= int(cue[0]) < s.end), None)
        if sent is None or not any(sent.start + m.start() <= int(cue[0]) < sent.start + m.end()
                                   for m in rx.finditer(doc.text[sent.start:sent.end])):
            continue
        mine = [c for c in claims if c.label == "dispute" and a.start <= c.start < a.end]
        src = speaker_source(doc.text, a, attributions, entities, lang) if mine else None
        if src:
            for c in mine:
                c.attrs.update({**src, "source_method": "attribution"})


def _speak_for(disputes: list[Span], src: dict) -> None:
    for c in disputes:
        if c.attrs.get("source_method") != "attribution":
            c.attrs.update({**src, "source_method": "attribution"})


def _sentence_disputers(doc: Document, attributions: list[Span], entities: list[Span], claims: list[Span],
                        sents: list[Span], lang: str) -> None:
    """A dispute the sentence rule read from a cue word ("… as a propaganda trick", "называют фейком") with no
    speaker of its own, or a pronoun, takes the speaker of the attribution in its sentence whose cue comes first."""
    for c in claims:
        if c.label != "dispute" or c.attrs.get("source_method") == "attribution":
            continue
        sent = next((s for s in sents if s.start <= c.start < s.end), None)
        if sent is None:
            continue
        here = sorted((a for a in attributions if a.attrs.get("cue") and sent.start <= int(a.attrs["cue"][0]) < sent.end
                       and int(a.attrs["cue"][0]) <= c.start), key=lambda a: -int(a.attrs["cue"][0]))
        for a in here:
            src = speaker_source(doc.text, a, attributions, entities, lang)
            if src:
                _speak_for([c], src)
                break
