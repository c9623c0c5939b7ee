"""The English cue mix: which words are cues, and which rule reads each one.

Every token gets the learned cue model's score (``voices.cuemodel``), mixed with the contextual
tagger's (``voices.tagger``) where one runs; a verb in the reporting-verb list is kept at a lower
bar, and a few relay and parse-repair constructions are kept regardless. Each kept cue goes to the
rule for its kind: a verb, "according to", a colon, a hearsay adverb, a title-case headline verb, a
learned noun or adjective cue.
"""

from __future__ import annotations

import bisect

from ...languages.en.speech import ESTIMATE_FRAME_VERBS, HEARSAY_ADVERBS
from .. import cuemodel
from ..cues import CARRIER_NOUNS, STANCE_OF
from ..models import parse_english
from .content import _contrast_marker
from .nouns import _adjective_frame, _noun_cue, _noun_fallback
from .phrases import _according, _estimate_frame, _colon_cue, _headline_colon, _hearsay_adverb, _title_case_verb
from .quote_cues import _first_person_in_quote, _quoted_cue_reporting_outside
from .relays import _named_relay, _relayed_by_trailing_report
from .subjects import _misread_as_modifier
from .verbs import _verb_cue, _verb_fallback


def _english(text: str, quotes: list[tuple[int, int]], model=None, tagger=None) -> list[dict]:
    doc = parse_english(text)
    # thresholds: the tagger's when it is mixed in (chosen with it), else the cue model's
    th = tagger or model
    qt = cuemodel.quote_tokens(doc, quotes) if model else None
    logits = {tok.i: model.logit(cuemodel.token_features(tok, qt))
              for tok in doc if model and cuemodel.is_candidate(tok)}
    tp = _tagger_probs(tagger, doc, logits) if tagger else {}
    out = []
    headline = _headline_colon(doc, text)
    if headline:
        headline["_path"] = "headline"
        out.append(headline)
    for tok in doc:
        if headline and tok.idx == headline["cue"][0]:
            continue
        p = None
        listed = tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in STANCE_OF
        if tok.i in logits:
            z = logits[tok.i]
            p = tagger.mix(z, tp.get(tok.i), lexicon=listed) if tagger else cuemodel.sigmoid(z)
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            r, path = _according(tok), "according"
        elif listed:
            keep = (p is None or p >= th.keep or cuemodel.is_trailing_report(tok) or _named_relay(tok)
                    or _relayed_by_trailing_report(tok)     # "Moscow's envoy said …, state media reported."
                    or _contrast_marker(tok) is not None       # "…, while the Kremlin denied …": its own report
                    or _misread_as_modifier(tok))      # "Lim Eul-chul told Yonhap" ("told" an adjective)
            r, path = (_verb_cue(tok, quotes) if keep else None), "verb"
            if r is None and p is not None and p >= th.fallback:
                r, path = _verb_fallback(tok, quotes), "verb-fallback"
        elif tok.text == ":":
            r, path = _colon_cue(tok, quotes), "colon"
        elif tok.pos_ == "ADV" and tok.lower_ in HEARSAY_ADVERBS:
            r, path = _hearsay_adverb(tok), "hearsay"
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in ESTIMATE_FRAME_VERBS and _estimate_frame(tok):
            r, path = _estimate_frame(tok), "estimate"
        elif tok.pos_ == "PROPN" and tok.i in tp and tp[tok.i] >= th.threshold and tok.text[:1].isupper():
            r, path = _title_case_verb(tok), "title"
        elif p is not None and p >= th.threshold:
            r, path = _learned_cue(tok, quotes), "learned"
            if r is None and p >= th.fallback:
                r = _verb_fallback(tok, quotes) if tok.pos_ == "VERB" else _noun_fallback(tok) if tok.pos_ == "NOUN" else None
                path = "learned-fallback"
        else:
            r, path = _claim_by(tok, quotes), "claim-by"
        if r and not _first_person_in_quote(r, quotes) and not _quoted_cue_reporting_outside(r, quotes):
            # what made it, for the learned confidence (voices.confidence)
            r.update(_tok=tok, _p=p, _tp=tp.get(tok.i), _z=logits.get(tok.i), _path=path)
            out.append(r)
    return out


def _tagger_probs(tagger, doc, logits: dict[int, float]) -> dict[int, float]:
    """The tagger's probabilities for the sentences where the cue model sees a possible cue (some word at
    P >= ``tagger.gate``; the rest cannot reach a threshold through the mix), kept with the (cached) parse:
    a re-run on the same text does not pay for the encoder twice."""
    got = doc.user_data.get("newsprism_tagger")
    if got is None or got[0] is not tagger:
        gate = cuemodel.logit_of(getattr(tagger, "gate", 0.0))
        starts = [s.start for s in doc.sents]
        keep = {bisect.bisect_right(starts, i) - 1 for i, z in logits.items() if z >= gate}
        sents = [k for k in range(len(starts)) if k in keep]
        got = doc.user_data["newsprism_tagger"] = (tagger, tagger.token_probs(doc, sents))
    return got[1]


def _claim_by(n, quotes) -> dict | None:
    """ "claims by pro-Russian forces that 300,000 soldiers had been killed", "a statement from the ministry that
    …": a reporting noun with its speaker after "by"/"from" and a "that" clause is a report, whatever the models
    make of the noun (nested in another report, as here, they mostly doubt it)."""
    if n.pos_ != "NOUN" or (n.lemma_.lower() not in STANCE_OF and n.lemma_.lower() not in CARRIER_NOUNS):
        return None
    by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
               and any(g.dep_ == "pobj" for g in c.children)), None)
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and c.i > n.i
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    return _noun_cue(n, quotes) if by is not None and clause is not None else None


def _learned_cue(tok, quotes) -> dict | None:
    """A cue the learned model found outside the verb list: a verb, a noun ("his belief that ..."),
    or a predicate adjective ("is confident that ...")."""
    if tok.pos_ in ("VERB", "AUX"):
        adj = next((c for c in tok.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
        if tok.pos_ == "AUX" and adj is not None:
            return _adjective_frame(adj)     # the tagger marks the copula of "was also critical of"
        return _verb_cue(tok, quotes, need_clause=True)
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head.pos_ in ("VERB", "AUX"):
        return _adjective_frame(tok)
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        return _adjective_frame(tok, tok.head)      # "Republicans, concerned about the party's appeal, …"
    if tok.pos_ == "ADJ":
        own = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if own is not None:                         # "…, many of them deeply skeptical about …"
            return _adjective_frame(tok, own)
    if tok.pos_ == "NOUN":
        return _noun_cue(tok, quotes)
    return None
