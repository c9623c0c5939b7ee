"""Attributions: who is reported to say (or think) what, with cue, stance and relay chain.

English reads spaCy's dependency parse (shared with the entity stage):
- a reporting verb (``voices.cues``) with a subject and a clause or quote:
  "X said that ...", "X stated ...", "X described ... as '...'", "'...,' said X";
- an inverted report: "..., the agency said" (the cue hangs off the content's verb);
- "according to X, ..."; a carrier noun: "X's statement emphasized ...".
Quotes in every style are found by pairing marks (``“…”``, ``«…»``, ``„…“``,
``「…」``, ``‘…’``, ``"…"``); a content span touching a quote takes its marks;
a quote no cue claims is kept in the ``quote`` layer as unattributed.
Russian and Korean use rules over the text (``по словам X``, ``— заявил X``,
``X에 따르면``, ``…라고 밝혔다``), with the entity stage's spans as speakers.

Each speaker resolves through the entity spans ("he"/"she" to the subject they
continue, else, like "who", to the last fitting actor; "the vice-chairman" / "the
statement" to the earlier speaker whose phrase holds those words; "An article" of a
press review to the newspaper named above it); a speaker that cannot be resolved
says why. An agency dateline ("Pyongyang, August 4 (KCNA) --") is nobody's speech. When one
attribution's content holds another's cue, the inner one is relayed: "KCNA
reported that Kim said ..." gives Kim with ``via = ["kcna"]``.
"""

from __future__ import annotations

import bisect
import itertools
import re

from ..clean.metadata import find_dateline
from ..model import Document, Span
from ..voices.cues import (CARRIER_NOUNS, GENERIC_SPEAKERS, NEEDS_CLAUSE, PERSON_ROLES, PRONOUNS, SPEAKING_BODIES,
                           SPEAKING_BODIES_KO, SPEAKING_BODIES_RU, STANCE_OF, stance)
from ..voices import confidence as confidence_model, cuemodel, tagger as cuetagger
from ..voices.models import parse_english
from ..voices.names import is_hangul
from ..voices.registry import default_registry
from .attributions_text import rules_ko, rules_ru, strip_span as _strip
from .stage import StageInputs, document_stage

# The registry is part of the result: extending it (NEWSPRISM_ACTORS) re-runs the stage.
# So are the learned English cue model, the contextual cue tagger and the attribution confidence (their file
# hashes): retraining re-runs it.
VERSION = (f"17+registry.{default_registry().version}+cues.{cuemodel.model_version()}"
           f"+tagger.{cuetagger.model_version()}+confidence.{confidence_model.model_version()}")
STAGE = "attributions"
MAX_QUOTE = 3000          # characters; longer "quotes" are unbalanced marks, recorded and skipped
_PAIRS = {"“": "”\"", "«": "»", "„": "“”", "「": "」", "『": "』", "‘": "’'", '"': '"”“'}
_CLOSERS = {"”", "»", "“", "」", "』", "’", '"', "'"}
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "advcl", "oprd", "attr"}


@document_stage(STAGE, version=VERSION, layers=("attribution", "quote", "speaker", "cue"),
                requires=("sentences", "entities"))
def attributions(doc: Document, inputs: StageInputs) -> list[Span]:
    """Direct and reported speech with speaker, resolved actor, cue, stance and relays."""
    return find_attributions(doc.text, doc.language or "en", inputs.spans("entity"))


def find_attributions(text: str, language: str, entities: list[Span], cue_model=None, cue_tagger=None,
                      confidence=None) -> list[Span]:
    """``cue_model``: None for the shipped learned cue model (``voices.cuemodel``), False for rules only,
    or a ``CueModel`` (cross-validation passes the fold's model). ``cue_tagger``: None for the shipped
    contextual tagger (``voices.tagger``) with the shipped cue model and none with a given one, False for
    none, or an object with ``token_probs(doc)``, ``mix`` and the thresholds (scoring passes held-out
    predictions). ``confidence``: None for the shipped attribution confidence (``voices.confidence``) when
    the shipped cue model and tagger both run, False for none, or a ``ConfidenceModel``; attributions below
    its threshold are dropped, the rest carry its probability as their confidence."""
    out, quotes, skipped = attribution_records(text, language, entities, cue_model, cue_tagger)
    if confidence is None:
        confidence = _shipped_confidence() if cue_model is None and cue_tagger is None and _is_english(language) \
            else None
    if confidence:
        out = _confident(text, out, quotes, confidence)
    spans = [s for r in out for s in _to_spans(r)]
    spans += _quote_spans(quotes, skipped, out)
    return fill_texts(text, spans)


def _is_english(language: str) -> bool:
    return (language or "en").split("-")[0] in ("en", "und", "")


def _shipped_confidence():
    """The shipped confidence model, when the shipped tagger is there to give its inputs."""
    return confidence_model.load() if cuetagger.load() is not None and cuemodel.load() is not None else None


def attribution_records(text: str, language: str, entities: list[Span], cue_model=None, cue_tagger=None):
    """The finished attributions as dicts (before any confidence filter), the quotes and the skipped marks."""
    quotes, skipped = find_quotes(text)
    entities = _Entities(entities)
    lang = (language or "en").split("-")[0]
    if lang == "ru":
        raw = rules_ru(text, quotes, entities)
    elif lang == "ko":
        raw = rules_ko(text, quotes, entities)
    elif _is_english(lang):
        model = cuemodel.load() if cue_model is None else cue_model
        if cue_tagger is None:       # the shipped tagger goes with the shipped cue model only
            cue_tagger = cuetagger.load() if cue_model is None else None
        raw = _english(text, quotes, model, (cue_tagger or None) if model else None)
    else:
        raw = []
    raw = _colon_duplicates(text, _merge_light_verbs(text, _dedupe(raw)))
    _end_before_own_next_report(text, raw)
    dateline = _dateline_end(text)
    out = [_finish(text, _after_dateline(text, r, dateline), entities, quotes) for r in raw]
    _resolve_descriptions(text, out, entities, dateline)
    _relays(out)
    return out, quotes, skipped


def confidence_features(text: str, out: list[dict], quotes) -> list[dict[str, float]]:
    """``voices.confidence.features`` of each finished attribution (with the counts it needs)."""
    per_sentence: dict[int, int] = {}
    sent_of = []
    starts = None
    for r in out:
        tok = r.get("_tok") or r.get("speaker_tok")
        if tok is not None and starts is None:      # sentence bounds once (``tok.sent`` walks the sentence)
            starts = [x.start for x in tok.doc.sents]
        k = starts[bisect.bisect_right(starts, tok.i) - 1] if tok is not None else -1
        sent_of.append(k)
        per_sentence[k] = per_sentence.get(k, 0) + 1
    return [confidence_model.features(r, text, _quote_holding(quotes, r["cue"][0]) is not None, len(quotes),
                                      per_sentence[k]) for r, k in zip(out, sent_of)]


def _confident(text: str, out: list[dict], quotes, model) -> list[dict]:
    kept = []
    for r, f in zip(out, confidence_features(text, out, quotes)):
        r["confidence"] = model.probability(f)
        if r["confidence"] >= model.threshold or confidence_model.kept_regardless(f):
            kept.append(r)
    return kept


# -- quotes -------------------------------------------------------------------------
def find_quotes(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """Balanced quotes as (start, end) including the marks; unpaired or overlong marks as skipped."""
    quotes, skipped = [], []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("''", i):       # the NYT archive's ''...'' (two apostrophes each side)
            j = _double_apostrophe_close(text, i + 2)
            if j < 0:
                skipped.append((i, "unbalanced quote mark"))
                i += 2
            else:
                quotes.append((i, j + 2))
                i = j + 2
            continue
        close = _PAIRS.get(c)
        if close is None or (c == "‘" and _is_apostrophe(text, i)):
            i += 1
            continue
        j = _find_close(text, i + 1, close, c)
        if j == -2:
            skipped.append((i, f"quote longer than {MAX_QUOTE} characters"))
            i += 1
            continue
        if j < 0:
            skipped.append((i, "unbalanced quote mark"))
            i += 1
            continue
        if j + 1 - i > MAX_QUOTE:
            skipped.append((i, f"quote longer than {MAX_QUOTE} characters"))
            i += 1
            continue
        quotes.append((i, j + 1))
        i = j + 1
    return quotes, skipped


def _double_apostrophe_close(text: str, k: int) -> int:
    """Where the closing '' of a ''...'' quote starts, or -1 (none within MAX_QUOTE or the paragraph)."""
    j = text.find("''", k, k + MAX_QUOTE)
    brk = text.find("\n\n", k, j if j >= 0 else k + MAX_QUOTE)
    return -1 if j < 0 or brk >= 0 else j


def _find_close(text: str, k: int, close: str, opener: str) -> int:
    limit = min(len(text), k + MAX_QUOTE + 1)
    while k < limit:
        ch = text[k]
        if ch in close and not (ch in "’'" and _is_apostrophe(text, k)):
            return k
        if ch in _PAIRS and ch == opener and opener not in _CLOSERS:
            return -1         # a second opener before any closer: the first is unbalanced
        if ch == "\n" and text[k:k + 2] == "\n\n" and opener in ("‘", '"'):
            return -1         # straight/single quotes do not run over a paragraph break
        k += 1
    return -2 if limit < len(text) and any(c in text[limit:] for c in close) else -1


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


# -- English, from the parse --------------------------------------------------------
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
        elif tok.pos_ == "ADV" and tok.lower_ in _HEARSAY:
            r, path = _hearsay_adverb(tok), "hearsay"
        elif tok.pos_ == "PROPN" and tok.i in tp and tp[tok.i] >= th.threshold and tok.text[:1].isupper():
            r, path = _title_case_verb(tok), "title"
        elif p is not None and p >= th.threshold:
            r, path = _learned_cue(tok, quotes), "learned"
            if r is None and p >= th.fallback:
                r = _verb_fallback(tok, quotes) if tok.pos_ == "VERB" else _noun_fallback(tok) if tok.pos_ == "NOUN" else None
                path = "learned-fallback"
        else:
            r = None
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


def _named_relay(v) -> bool:
    """ "KCNA reported that Kim Jong Un said ...": a named person's or organisation's report that is the clause
    of another reporting verb is the relay chain this stage exists to keep, though PolNeAR often leaves nested
    reports unmarked (so the model and the tagger doubt them). Only the direct clause or a report under "according
    to", only named speakers: each wider form cost more PolNeAR F1 on CV folds 0-1."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ not in ("PERSON", "ORG"):
        return False
    h = v.head
    if v.dep_ == "ccomp" and h.pos_ == "VERB" and h.lemma_.lower() in STANCE_OF:
        return True
    # "According to the agency, Kim Jong Un described these troops as heroes": relayed by "according to"
    return any(c.lower_ == "according" and c.i < subj.i for c in v.children)


def _relayed_by_trailing_report(v) -> bool:
    """ "Moscow's top envoy to North Korea said cities … will be named after North Korean soldiers, North Korean
    state media reported.": a report with a subject that is the content of a sentence-final inverted report is
    relayed by it, named speaker or not. PolNeAR mostly leaves such nested reports unmarked, so the models doubt
    them (the tagger with context gives this seed's "said" 0.01); the parse hangs the inverted report either
    under the inner verb or above it."""
    def trailing(t) -> bool:
        return t.lemma_.lower() in STANCE_OF and cuemodel.is_trailing_report(t)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    return (v.dep_ == "ccomp" and trailing(v.head)) or any(c.dep_ == "ccomp" and c.i > v.i and trailing(c)
                                                             for c in v.children)


_HEADLINE = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): (\S[^\n]*)")


def _headline_colon(doc, text: str) -> dict | None:
    """A title line "Paul Ryan: FBI Decision ... Defies Explanation": the named actor before the colon said
    what follows. Only the first line, and only when the parser sees a person, organisation or place before
    the colon (not "BREAKING:", "Wow:", "BYLINE:")."""
    m = _HEADLINE.match(text)
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


# adverbs that make their clause hearsay with no source named ("has reportedly been chatting with him"); PolNeAR
# marks them as cues, "reportedly" in 19 of its 29 uses in train ("allegedly", "supposedly" cost F1 on CV)
_HEARSAY = {"reportedly"}


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


_FRAME_PREPS = {"of", "about", "with", "to", "by", "on", "over", "at", "toward", "towards"}


def _adjective_frame(adj, holder=None) -> dict | None:
    """A predicate adjective: "X is confident that …" (its clause), "X was also critical of Obama's stance",
    "X are wary of saying anything", "X was unsure why …" (what its preposition or clause takes); ``holder``
    for an adjective that is not predicated by a copula (the noun it follows, or its own subject)."""
    cop = adj.head
    subj = holder or next((c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    cont = next((c for c in adj.children if c.dep_ in ("ccomp", "xcomp")), None)
    end = adj.idx + len(adj)
    if cont is not None:
        toks = list(_subtree(cont))
    else:
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in _FRAME_PREPS), None)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is None:
            return None
        toks = list(_subtree(obj))
        end = prep.idx + len(prep)
    toks = _trim_punct(toks)
    if not toks:
        return None
    start = cop.idx if holder is None and cop.i < adj.i and cop.pos_ == "AUX" else adj.idx
    return {"cue": (start, end), "speaker": _np_span(subj),
            "content": (toks[0].idx, toks[-1].idx + len(toks[-1])), "lemma": adj.lemma_.lower(),
            "speaker_tok": subj}


def _verb_subject(v):
    """Who does the verb: its subject, a governing verb's subject for xcomp/conj/advcl,
    the by-agent of a passive; None when the parse has none."""
    subj = _inverted_subject(v) or next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        or _subject_misread(v)
    if subj is None and v.tag_ == "VBN":
        # a passive without its own subject: its by-agent, not the governing verb's subject ("The FBI had
        # interviewed him, after being warned by the Russian government that …", "When asked by Ingraham …, Cruz")
        by = _by_agent(v)
        if by is not None:
            return by
    if subj is None and _name_read_as_modified(v):
        return v.head
    if (subj is None and v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON")
            and v.head.lemma_.lower() not in CARRIER_NOUNS and not _addressed(v.head)):
        # "a puppet saying what people want to hear", "officials warning that …"; not a carrier noun: "issued a
        # statement saying …" goes on up the chain to who issued it
        told = next((c for c in v.head.children if c.i < v.i and c.pos_ == "VERB" and c.lemma_.lower() in STANCE_OF
                     and _misread_as_modifier(c)), None)
        # "Lim Eul-chul told Yonhap, alluding to …" with "told" read as a modifier of "Yonhap": Lim alludes
        return v.doc[told.i - 1] if told is not None else v.head
    up = v
    for _ in range(4):        # "X said ..., adding that ...", "X went on to suggest ...", "X ended the meeting
        # by announcing ...", "X shot back in an article stating ...": up the chain to a verb with a subject
        if subj is not None or up.dep_ not in _CHAIN_DEPS or up.head.i == up.i:
            break
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
    if up.i != v.i and _after_comma(v) and (
            v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP")
            or v.dep_ in ("conj", "advcl") and v.tag_ == "VBG" and up.i == v.head.i
            and v.lemma_.lower() in _SPEECH_PARTICIPLES):
        # a finite verb conjoined after a comma; a participle only when it reports speech itself ("Manafort said,
        # adding …", "Sanders has said that the campaign is maligning his record, pointing to …"): others are
        # as often the content subject's ("Hong Min predicts that North Korea will continue to emphasize …,
        # framing it as …": North Korea frames)
        subj = _reporter_of(up) or subj
    if subj is not None and subj.dep_ == "nsubjpass":
        subj = _by_agent(v)
    if subj is not None:
        subj = _outside_dashes(v, subj)
    return subj


_DASHES = ("—", "–", "--")
_DASH_REACH = 30


def _outside_dashes(v, subj):
    """A subject inside a parenthetical between dashes does not do a verb outside it: "footage—much appearing
    staged to analysts—depicting the soldiers as …" (the parse: "much appearing" the subject of "staged", the
    participle hung on it). A participle right after the closing dash describes the noun before the opening
    one (the footage depicts); any other verb is left without that subject."""
    doc = v.doc
    # within a parenthetical's reach of the subject and its sentence (Token.sent walks the whole sentence,
    # which can be a whole unpunctuated document)
    opens, k = [], subj.i
    while k > 0 and subj.i - k < _DASH_REACH and not doc[k].is_sent_start:
        k -= 1
        if doc[k].text in _DASHES:
            opens.append(k)
    hi = next((k for k in range(subj.i + 1, min(len(doc), subj.i + _DASH_REACH))
               if doc[k].text in _DASHES or doc[k].is_sent_start), None)
    if not opens or hi is None or doc[hi].is_sent_start or len(opens) % 2 == 0:
        return subj           # not between a pair ("X—the minister—said": an even count before means outside)
    lo = opens[0]
    if lo < v.i < hi:
        return subj
    before = doc[lo - 1] if lo > 0 and not doc[lo].is_sent_start else None
    if v.tag_ == "VBG" and v.i == hi + 1 and before is not None and before.pos_ in ("NOUN", "PROPN"):
        return before
    return None


def _by_agent(v):
    """The noun of a passive's by-phrase ("warned by the Russian government": government), or None."""
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _addressed(noun) -> bool:
    """The noun is who a message went to ("emailed supporters saying …", "told reporters saying …"): the
    participle after it is the sender's, up the chain."""
    return noun.dep_ in ("dobj", "obj", "dative") and noun.head.lemma_.lower() in _ADDRESSING


def _trailing_conj_report(v, subj) -> bool:
    """"Americans oppose cutting off the funds, a new USA TODAY poll finds, …": a finite report verb with its own
    subject after a comma, no object or clause of its own, that the parse conjoined to (or hung as a parenthetical
    off) the clause before it, which it reports."""
    if v.dep_ not in ("conj", "parataxis") or v.head.i == v.i or v.tag_ not in ("VBZ", "VBD", "VBP") or subj is None:
        return False
    if subj.head.i != v.i or subj.i > v.i or subj.left_edge.i == 0 or v.head.i > subj.left_edge.i:
        return False      # "Her countrymen, she said, should …": the clause goes on after the cue
    if v.doc[subj.left_edge.i - 1].text != "," or any(c.dep_ == "cc" for c in v.head.children if c.i < v.i):
        return False
    return not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "dative") for c in v.children)


def _inverted_subject(v):
    """The speaker of a parenthetical report with the subject after the verb, when the parse also hung the
    content's subject on the verb: "The troops, said the ministry, were sent …", "The real figure, says
    Ukrainian military intelligence, is …" (both nouns its subjects)."""
    subjs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjs) > 1 and subjs[0].i < v.i < subjs[-1].i and v.i > 0 and v.doc[v.i - 1].text == ",":
        return subjs[-1]
    if len(subjs) == 1 and subjs[0].i < v.i and v.i > 0 and v.doc[v.i - 1].text == ",":
        # "And Kim, said Hong Min, who has studied the regime, doesn't forgive": the parse made the name after
        # the verb (and its relative clause) the subject of the reported clause, the content's subject the verb's
        c = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
        n = next((t for t in c.children if t.dep_ == "nsubj" and t.left_edge.i == v.i + 1), None) if c else None
        after = v.doc[n.right_edge.i + 1].text if n is not None and n.right_edge.i + 1 < len(v.doc) else ""
        if n is not None and n.pos_ in ("PROPN", "NOUN") and any(
                t.dep_ == "relcl" for t in n.children) and "," in (n.right_edge.text, after):
            return n
    return None


_QUANTIFIERS = {"many", "some", "most", "few", "several", "others", "both", "all"}


def _subject_misread(v):
    """A subject the small parse gave another label, right before the verb: "That attitude, many argue, could …"
    ("many" an adjective of "argue"), "In particular, Will wrote, …", "Will believes …" (the columnist George
    Will read as the auxiliary "will": a past tense, participle or third person after it cannot be one)."""
    if v.i == 0:
        return None
    prev = v.doc[v.i - 1]
    if prev.head.i != v.i:
        return None
    if prev.dep_ in ("amod", "advmod", "npadvmod", "dep") and prev.lower_ in _QUANTIFIERS and not prev.is_sent_start:
        return prev
    if prev.dep_ == "aux" and prev.text in _NAMES_LIKE_MODALS and v.tag_ in ("VBD", "VBN", "VBZ"):
        return prev
    return None


_NAMES_LIKE_MODALS = {"Will", "May"}


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


def _after_comma(v) -> bool:
    """", and accused …", ", vowing to …": the verb opens a new piece of the sentence."""
    doc = v.doc
    j = v.i - 1
    if j >= 0 and doc[j].dep_ == "cc":
        j -= 1
    if j >= 0 and doc[j].text in ("”", '"', "''"):      # '…, “there is precedent,” citing …'
        j -= 1
    return j >= 0 and doc[j].text in (",", "—", "–", "-")


def _reporter_of(up):
    """The speaker of the report whose content ``up`` is: in "Nigel Farage said the warning was indicative that
    the President did not know …, and accused Number 10 …" the parse hangs "accused" off a verb of the content;
    the one who accuses is who said it, not the content's subject."""
    if up.dep_ != "ccomp" or up.head.i == up.i or up.head.lemma_.lower() not in STANCE_OF:
        return None
    who = next((c for c in up.head.children if c.dep_ == "nsubj"), None)
    if who is None or who.lemma_.lower() in CARRIER_NOUNS or not (
            who.pos_ == "PROPN" or who.lower_ in ("he", "she", "they") or who.lemma_.lower() in _SPEAKING_HEADS):
        return None       # "The remarks suggest Mr. Trump is conducting …, railing against …": Trump rails
    return who


# participles that report speech on their own ("…, adding …", "…, noting that …"): the reporter's, not the
# content subject's, after a report's content
_SPEECH_PARTICIPLES = set("add note say point vow suggest acknowledge argue insist claim stress explain cite warn "
                          "urge accuse tell ask promise pledge emphasize reiterate admit concede deny reject dismiss "
                          "comment write tweet declare announce assert contend maintain complain repeat recall "
                          "predict describe call".split())
_CHAIN_DEPS = ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acl", "dobj")


def _verb_fallback(v, quotes=()) -> dict | None:
    """A cue the model is sure of but the rules found no clause for ("called for an end to the war",
    "refused to comment"): the content is what follows the verb in its phrase, the speaker its subject."""
    # "X seems to be ...", "X appears ready to ...": the subject is what the report is about, not a source
    subj = None if _sourceless(v) or _agentless_passive(v) else _verb_subject(v)
    # a particle is part of the cue ("went on to criticize …": "went on"), not of what it reports
    rights = [c for c in v.rights if c.dep_ not in ("conj", "cc", "punct", "agent", "prt")]
    heard = next((c for c in rights if c.dep_ in ("dobj", "obj", "dative")), None)
    if heard is not None and v.lemma_.lower() in _ADDRESSEE_VERBS:
        # "telling Breitbart London: “…”": the quote after who hears it is what was told
        end = heard.right_edge.idx + len(heard.right_edge)
        q = _quote_at(_text(v.doc), end, quotes)
        if q is not None:
            return {"cue": _cue_span(v), "speaker": _np_span(subj) if subj is not None else None,
                    "content": q, "lemma": v.lemma_.lower(), "speaker_tok": subj}
    q = _quote_after_phrase(v, quotes)
    if q is not None:       # 'adding of Mr. Trump, ''He cares about the united team.''': the quote
        return {"cue": _cue_span(v), "speaker": _np_span(subj) if subj is not None else None,
                "content": q, "lemma": v.lemma_.lower(), "speaker_tok": subj}
    passive = any(c.dep_ == "auxpass" for c in (v.head if v.dep_ == "conj" else v).children)
    if passive and rights and all(c.lower_ == "to" and c.dep_ in ("prep", "dative") for c in rights):
        # "The message was conveyed … and immediately reported to the supreme leadership": a passive's
        # recipient is no content (PolNeAR does keep the active "appealed to voters", so passives only)
        return None
    toks = _trim_punct([t for c in rights for t in _subtree(c)])
    sender = _sender(v) if v.lemma_.lower() == "receive" else None
    if sender is not None:
        # "Kim Jong Un received a message of sympathy from Vladimir Putin": the message is Putin's
        frm = sender.head
        subj = sender
        what = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)    # the message, not "over …"
        toks = _trim_punct([t for t in (what.subtree if what is not None else toks)
                            if not (frm.left_edge.i <= t.i <= frm.right_edge.i)])
    if not toks and subj is None:     # "it was never mentioned": what the passive is about
        sp = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        toks = _trim_punct(list(sp.subtree)) if sp is not None else []
    if not toks:
        return None
    content = (toks[0].idx, toks[-1].idx + len(toks[-1]))
    if subj is None and not _sourceless(v) and not _agentless_passive(v):
        subj = _np_before(v, quotes) or _subject_before_apposition(v, quotes)
        if subj is not None:
            content = _cut_at_speaker(v.doc, content, subj)
    return {"cue": _cue_span(v), "speaker": _np_span(subj) if subj is not None else None,
            "content": content, "lemma": v.lemma_.lower(), "speaker_tok": subj}


def _cut_at_speaker(doc, content, subj) -> tuple[int, int]:
    """A content before its cue ends before the speaker found next to the cue ("…, disclosures filed on
    Sunday night revealed": not "disclosures filed …")."""
    cs, ce = content
    start = subj.left_edge
    if not cs < start.idx < ce:
        return content
    toks = _trim_punct([t for t in doc[:start.i] if t.idx >= cs])
    return (cs, toks[-1].idx + len(toks[-1])) if toks else content


def _sender(v):
    """The "from" of "received a message from X" (on the verb or on its object), if any."""
    for holder in [v] + [c for c in v.children if c.dep_ in ("dobj", "obj")]:
        frm = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        if frm is not None:
            obj = next((c for c in frm.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _noun_fallback(n) -> dict | None:
    """A noun cue the model is sure of ("criticism of the plan"): what follows it in its phrase."""
    toks = _trim_punct([t for c in n.rights if c.dep_ not in ("conj", "cc", "punct", "appos") for t in _subtree(c)])
    if not toks:
        return None
    owner = _carrier_owner(n)
    if owner is not None and owner.i > n.i:
        toks = _trim_punct([t for t in toks if not (owner.left_edge.i <= t.i <= owner.right_edge.i)
                            and t.head.i != owner.i])
        if all(t.is_stop or not t.is_alpha for t in toks):
            return None   # "a message of sympathy from …" left "of" once the owner was taken out
    if owner is None and n.dep_ in ("dobj", "obj") and n.head.pos_ in ("VERB", "AUX"):
        owner = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
    if owner is None:       # as for a noun cue with a clause: a name as its compound, a subject ("Williamson
        # assails in scoffing prose what …" with "assails" a root noun)
        owner = next((c for c in n.children if c.i < n.i and (c.dep_ == "nsubj" or c.dep_ == "compound"
                                                             and c.pos_ == "PROPN")), None)
    return {"cue": (n.idx, n.idx + len(n)), "speaker": _np_span(owner) if owner is not None else None,
            "content": (toks[0].idx, toks[-1].idx + len(toks[-1])), "lemma": n.lemma_.lower(), "speaker_tok": owner}


def _noun_cue(n, quotes) -> dict | None:
    misread = _verb_read_as_noun(n, quotes) or _verb_read_as_noun_before_clause(n)
    if misread is not None:
        return misread
    cont = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and _has_verb(c)
                 and any(g.dep_ == "mark" or g.dep_.startswith("nsubj") for g in c.children)), None)
    content = None
    if cont is not None and cont.dep_ != "relcl":
        toks = _trim_punct(list(_subtree(cont)))
        if toks:
            content = (toks[0].idx, toks[-1].idx + len(toks[-1]))
    if content is None:
        content = _adjacent_quote(n, None, quotes)
    if content is None:
        return None
    owner = _carrier_owner(n)
    if owner is None:
        owner = next((c for c in n.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if owner is None:       # "Trump claims he's worth …" with "claims" a root noun and Trump its subject: a verb
        owner = next((c for c in n.children if c.dep_ == "nsubj" and c.i < n.i), None)
    if owner is None and n.dep_ in ("dobj", "obj") and n.head.pos_ in ("VERB", "AUX"):
        owner = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
    return {"cue": (n.idx, n.idx + len(n)), "speaker": _np_span(owner) if owner is not None else None,
            "content": content, "lemma": n.lemma_.lower(), "speaker_tok": owner}


def _verb_read_as_noun(n, quotes) -> dict | None:
    """'“…,” the email read.', '“…,” the two write.': the small parse makes the verb a noun with the speaker as
    its compound or number. A noun right after a quote and its own modifiers, ending the sentence, with a
    compound noun or a number: that word speaks the quote."""
    doc = n.doc
    if n.i + 1 >= len(doc) or doc[n.i + 1].text not in (".", ";"):
        return None
    q = _quote_ending_before(quotes, n.idx)
    if q is None or n.idx - q[1] > 40:
        return None
    between = [t for t in doc[:n.i] if t.idx >= q[1] and not t.is_punct]
    if not between or any(t.head.i != n.i or t.dep_ not in ("det", "compound", "amod", "poss", "nummod")
                          for t in between):
        return None
    owner = next((t for t in reversed(between) if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")
                  or t.dep_ == "nummod" and t.pos_ == "NUM"), None)     # '“…,” the two write.'
    if owner is None or _quote_before(between[0], None, quotes) != q:
        return None
    return {"cue": (n.idx, n.idx + len(n)), "speaker": (between[0].idx, owner.idx + len(owner)), "content": q,
            "lemma": n.lemma_.lower(), "speaker_tok": owner}


def _verb_read_as_noun_before_clause(n) -> dict | None:
    """"Trump claims he's worth $10 billion." (the parse: "Trump" the root noun, "claims" its object), "Many fear
    Trump will feed …" ("fear" the root noun, "many" its adjective): a reporting verb the small model read as a
    noun, in a sentence with no verb of its own but the reported clause. The word before it speaks; the clause
    is the content."""
    if n.lemma_.lower() not in STANCE_OF or n.i == 0:
        return None
    doc = n.doc
    prev = doc[n.i - 1]
    if n.dep_ in ("dobj", "attr", "appos") and n.head.i == prev.i and prev.dep_ == "ROOT" and prev.pos_ in (
            "PROPN", "NOUN") and doc[prev.left_edge.i].is_sent_start:
        who, holder = prev, prev
    elif n.dep_ == "ROOT" and prev.head.i == n.i and (prev.lower_ in _QUANTIFIERS or prev.pos_ == "PROPN"):
        who, holder = prev, n
    else:
        return None
    clause = next((c for c in holder.children if c.dep_ == "ccomp" and c.i > n.i
                   and any(g.dep_.startswith("nsubj") for g in c.children)), None)
    if clause is None or any(t.pos_ == "VERB" and t.i < n.i for t in doc[prev.left_edge.i:n.i]):
        return None
    toks = _trim_punct(list(_subtree(clause)))
    if not toks:
        return None
    return {"cue": (n.idx, n.idx + len(n)), "speaker": _name_run(who) if who.pos_ == "PROPN" else
            (who.idx, who.idx + len(who)), "content": (toks[0].idx, toks[-1].idx + len(toks[-1])),
            "lemma": n.lemma_.lower(), "speaker_tok": who}


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


def _verb_cue(v, quotes, need_clause: bool = False) -> dict | None:
    lemma = v.lemma_.lower()
    if v.dep_ == "amod":
        return _verb_read_as_modifier(v, quotes)
    r = _as_reported_by(v) or _reported_by_object(v) or _seems(v)
    if r is not None:
        return r
    subj = _verb_subject(v)
    if subj is not None and subj.lemma_.lower() in CARRIER_NOUNS:
        subj = _carrier_owner(subj) or subj
    if subj is not None and (q := _quote_holding(quotes, subj.idx)) is not None and q[1] <= v.idx:
        return _quote_then_speaker(v, quotes)     # the parser took a word of the quote for the subject
    if subj is None or (subj.i > v.i and subj.head.i != v.i):
        lost = _quote_then_named(v, quotes)
        if lost is not None:
            return lost
    content = _content_of(v)
    if subj is None and content is not None:
        fixed = _appended_speaker(v)              # "..., South Korea's spy agency said" parsed as apposition
        if fixed:
            subj, content = fixed
    inverted = False
    if content is None and v.head.i != v.i and _trailing_conj_report(v, subj):
        toks = _trim_punct([t for t in _subtree(v.head) if t.i < subj.left_edge.i])
        content = (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None
        inverted = content is not None
    if content is None and v.dep_ in ("parataxis", "ccomp") and v.head.i != v.i:
        content = _around(v.head, v)          # "..., the agency said" / "Her countrymen, she said, should ..."
        if content is not None and _content_of_a_report(v, quotes):
            # the parse hung the cue off a later report ("He has also fulminated against plans … - ''I love
            # Oreos,'' he said"): what a parenthetical cue reports starts before it
            content = None
        inverted = content is not None
    if content is None:
        # 'wrote, “…”', 'tweeting at him, "…"', '“…” she wrote'; a subject up the chain is not next to this cue
        # ("Mr. Biden suggested … - ''He would have loved Stalin,'' Mr. Biden said twice - and repeatedly
        # reminded the crowd …": that quote is the said's)
        content = (_quote_after(v, quotes) or _quote_after_phrase(v, quotes)
                   or _quote_before(v, subj if subj is None or subj.head.i == v.i else None, quotes))
        inverted = content is not None
    if content is None:
        content = _passive_topic(v, subj)       # "The move was hotly criticized by left-leaning economists"
    if content is None:
        content = _paragraph_after_colon(v)     # "Hewitt writes:" and the paragraph below, without quote marks
        inverted = content is not None
    if content is None:
        return None
    cs, ce = _next_to_speaker_quote(v, subj, content, quotes)
    if subj is not None and subj.i > v.i and subj.left_edge.idx == cs:
        # the speaker after the verb heads what the parse made the content ("…, said Hong Min, who …, doesn't
        # forgive"): the content starts after the speaker's phrase
        rest = _trim_punct(list(itertools.takewhile(lambda t: t.idx < ce, v.doc[subj.right_edge.i + 1:])))
        if not rest:
            return None
        cs = rest[0].idx
    if (need_clause or lemma in NEEDS_CLAUSE) and not inverted and not _is_clause(v, cs, ce, quotes):
        return None
    if _sourceless(v) or _agentless_passive(v):
        # "it appears that ...", "X is expected to ...", "Asked whether ...": PolNeAR gives these no source
        return {"cue": _cue_span(v), "speaker": None, "content": (cs, ce), "lemma": lemma, "speaker_tok": None}
    if subj is None and not inverted:
        subj = _np_before(v, quotes)
        if subj is None and (subj := _subject_before_apposition(v, quotes)) is not None and cs < v.idx:
            # the parse took the apposition for the reported clause ("X, a … teacher …, said he …")
            after = _content_of(v, after=True)
            if after is None:
                return None
            cs, ce = after
        if subj is not None:
            cs, ce = _cut_at_speaker(v.doc, (cs, ce), subj)
    if subj is None:
        return None
    cue = _cue_span(v)
    resolve = v.head if subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl" else subj
    r = {"cue": cue, "speaker": _np_span(subj), "content": (cs, ce), "lemma": lemma,
         "speaker_tok": resolve, "resolve_span": _np_span(resolve)}
    if v.dep_ == "relcl" and (ce - cs < 6 and _text(v.doc)[cs:ce].lower() in _RELATIVES
                              or _relative_subject_left_out(v, cs)):
        # what "which" stands for, shown beside it; also "three generals who South Korea's spy agency said were
        # leading …": the content "were leading …" is about them
        r["refers_to"] = _np_span(v.head)
    return r


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
    return subj is not None and subj.lower_ in _RELATIVES and subj.idx < cs


def _misread_as_modifier(v) -> bool:
    """A past-tense verb the parse made an adjective of the next noun, with a name right before it that hangs
    off the same noun ("Lim Eul-chul told Yonhap": "told" and "Lim Eul - chul" all modify "Yonhap")."""
    if v.dep_ != "amod" or v.tag_ not in ("VBD", "VBN") or v.i == 0 or v.head.i <= v.i:
        return False
    left = v.doc[v.i - 1]
    return left.pos_ == "PROPN" and left.head.i in (v.head.i, v.i)     # or off the verb: "Trump/npadvmod dismissed"


def _verb_read_as_modifier(v, quotes) -> dict | None:
    """ '“The troops are fighting well,” Lim Eul-chul told Yonhap', 'Trump dismissed critics who …': the small
    parse reads a finite report verb between two names as a modifier of the second ("told" an adjective of
    "Yonhap"). The name right before it is the speaker; the content is the quote before the speaker, else
    the modified noun's phrase (who was dismissed, accused, …)."""
    doc = v.doc
    if not _misread_as_modifier(v):
        return None
    left = doc[v.i - 1]
    speaker = _name_run(left)
    q = _quote_ending_before(quotes, speaker[0])
    if q is not None and _text(doc)[q[1]:speaker[0]].strip() not in ("", ","):
        q = None
    if q is None:
        if v.lemma_.lower() in _ADDRESSEE_VERBS:
            return None
        toks = _trim_punct([t for t in _subtree(v.head) if t.i > v.i])
        if not toks:
            return None
        q = (toks[0].idx, toks[-1].idx + len(toks[-1]))
    return {"cue": _cue_span(v), "speaker": speaker, "content": q, "lemma": v.lemma_.lower(), "speaker_tok": left}


def _as_reported_by(v) -> dict | None:
    """ "As reported by Yonhap, the troops arrived …", "…, as first reported by the New York Times", "As the
    spokesman explained, …": the by-agent (or the subject) is the source and the clause the as-phrase hangs
    off is the content."""
    if not (v.dep_ == "advcl" and v.head.i != v.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)):
        return None
    if v.tag_ == "VBN":
        src = _by_agent(v)
    elif not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "dative") for c in v.children):
        # the active form: "As White House press secretary Josh Earnest explained, three taxes were …",
        # "…, as some liberals hope" (not "As Trump demands a wall, …": an object is its own content)
        src = next((c for c in v.children if c.dep_ == "nsubj"), None)
    else:
        src = None
    content = _around(v.head, v) if src is not None else None
    if content is None:
        return None
    return {"cue": _cue_span(v), "speaker": _np_span(src), "content": content, "lemma": v.lemma_.lower(),
            "speaker_tok": src}


# report verbs whose object can be the source; not "tell" ("told AFP": the object is the addressee)
_INVERTING = {"report", "say", "write", "add", "state", "claim", "announce", "note", "confirm"}


def _reported_by_object(v) -> dict | None:
    """ "The troops have arrived in Kursk, reported the Korean Central News Agency.": the parse makes the source
    the verb's object; a sentence-final report verb after a comma, with no subject, no clause and a named or
    definite object at the end of the sentence, is reported by that object."""
    # a finite verb only: in "…, saying the right things" / "…, adding a plug for himself" the object is what is said
    if (v.lemma_.lower() not in _INVERTING or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i == 0
            or v.doc[v.i - 1].text not in (",", "—", "–")
            or v.dep_ not in ("conj", "advcl", "parataxis", "ccomp")
            or any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp") for c in v.children)):
        return None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj") and c.i > v.i), None)
    if obj is None or not (obj.pos_ == "PROPN" or any(d.lower_ in ("the", "a", "an") for d in obj.lefts)):
        return None
    sent = v.sent
    after = [t for t in sent if t.i > obj.right_edge.i and not (t.is_punct or t.is_space)]
    if any(not _in_dep(t, v, ("prep", "npadvmod")) for t in after):      # "…, reported KCNA on Friday." is fine
        return None
    toks = _trim_punct([t for t in sent if t.i < v.i - 1])
    if not toks:
        return None
    return {"cue": _cue_span(v), "speaker": _np_span(obj), "content": (toks[0].idx, toks[-1].idx + len(toks[-1])),
            "lemma": v.lemma_.lower(), "speaker_tok": obj}


SOURCELESS = {"seem", "appear"}     # in PolNeAR train, 194 of 250 such attributions have no source


def _sourceless(v) -> bool:
    """"it appears that …", "X seems to be …" have no source; "Obama himself seemed to recognize …", "he
    seemed to confirm …" (a verb of its own after "to") are the subject's."""
    if v.lemma_.lower() not in SOURCELESS:
        return False
    return not any(c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in STANCE_OF
                   for c in v.children)


def _seems(v) -> dict | None:
    """"Sanders appears to have a slight lead", "Ms. Kelly seemed certain to leave", "This seems like a
    comparable moment": a sourceless impression whose content is the subject with what it seems (PolNeAR marks
    the two pieces; one span here, the cue inside). "It appears that …" (a clause) goes the usual way."""
    if not _sourceless(v) or any(c.dep_ == "ccomp" for c in v.children):
        return None
    comp = next((c for c in v.children if c.i > v.i and (c.dep_ in ("xcomp", "acomp", "attr", "oprd")
                                                         or (c.dep_ == "prep" and c.lower_ == "like"))), None)
    if comp is None:
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i), None)
    toks = _trim_punct(list(_subtree(comp)) + (list(_subtree(subj)) if subj is not None else []))
    if not toks:
        return None
    end = toks[-1].idx + len(toks[-1])
    start = subj.left_edge.idx if subj is not None and subj.lower_ != "it" else toks[0].idx
    return {"cue": _cue_span(v), "speaker": None, "content": (start, end), "lemma": v.lemma_.lower(),
            "speaker_tok": None}


def _agentless_passive(v) -> bool:
    """ "is expected to", "was asked about", "Asked whether ...,": a passive report without a by-agent."""
    if any(c.dep_ == "agent" for c in v.children):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        return True
    return v.tag_ == "VBN" and v.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubj" for c in v.children) \
        and not _name_read_as_modified(v)


def _name_read_as_modified(v) -> bool:
    """ "…, Trump called LeVell, a former county chairman, onto the stage": a name's past tense read as a
    reduced relative ("Trump, called LeVell"): a report verb's participle right after a name, with an object
    and no passive marks, is that name's act."""
    h = v.head
    if v.dep_ != "acl" or v.tag_ != "VBN" or h.i != v.i - 1 or any(c.dep_ in ("agent", "auxpass")
                                                                   for c in v.children):
        return False
    if h.pos_ == "PROPN" and h.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return any(c.dep_ in ("dobj", "obj", "oprd", "ccomp") for c in v.children)
    # "…, the candidate boasted of his negotiating skills …": a person by role, a verb that reports of or about
    return (h.pos_ == "NOUN" and h.lemma_.lower() in _PERSON_HEADS and v.lemma_.lower() in STANCE_OF
            and any(c.dep_ == "det" for c in h.children)
            and any(c.dep_ == "prep" and c.lower_ in ("of", "about") or c.dep_ == "ccomp" for c in v.children))


_PERSON_HEADS = PERSON_ROLES | {"candidate", "nominee", "front-runner", "frontrunner", "rival", "challenger"}


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
_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}


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
        if (t.pos_ not in _NAMING_POS and not (not run and t.lower_ in _SUBJECT_PRONOUNS)
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


def _np_before(v, quotes):
    """A finite report verb the parse left without a subject ("…, the campaign chief, Paul Manafort, bluntly
    suggested that …"): the noun right before it (across adverbs and a comma), or the noun a relative clause
    there describes ("Sanders, who hadn't endorsed during the primaries, decided to back …")."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or v.dep_ not in ("ROOT", "ccomp"):
        return None
    doc = v.doc
    j = v.i - 1
    while j >= 0 and v.i - j <= 4 and (doc[j].pos_ == "ADV" or doc[j].text == ","):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].sent.start != v.sent.start:
        return None
    t = doc[j]
    if _quote_holding(quotes, t.idx) is not None:
        return None
    up = t
    while up.head.i != up.i and up.i != v.i:
        if up.dep_ in ("relcl", "acl"):
            t = up.head
        up = up.head
    # a noun inside a phrase is not who speaks ("has throughout his campaign boasted")
    if t.i < v.i and t.dep_ not in ("pobj", "poss", "dobj", "attr", "oprd", "pcomp"):
        return t
    return _phrase_after_comma(doc[j], v)


def _phrase_after_comma(t, v):
    """ "…, disclosures filed on Sunday night revealed.": the phrase between the last comma and the verb,
    whose head the parse hung on a word before that comma (here as an object of "wound")."""
    doc = v.doc
    lo = next((k for k in range(t.i, v.sent.start - 1, -1) if doc[k].text == ","), None)
    if lo is None or lo == v.i - 1:
        return None
    up = t
    while up.head.i > lo and up.head.i != up.i and up.head.i != v.i:
        if up.dep_ in ("relcl", "acl"):
            t = up.head
        up = up.head
    if t.i == up.i and up.head.i < lo and t.left_edge.i > lo and t.pos_ in ("NOUN", "PROPN", "PRON"):
        return t
    return None


_INTRO_TAGS = {"IN", "VBN", "VBG", "RB"}
_APPOSITION_REACH = 60         # tokens from the sentence start to the comma before the verb


def _subject_before_apposition(v, quotes):
    """ "In addition to Mr. Syrskyi, two members of parliament from Kharkiv, A and B, have said …", "Reached by
    Yonhap, Lim, the Kyungnam University professor, hesitated …", "X, a Rylsk, Kursk, teacher helping …, said":
    a subject, its apposition and the comma before the verb, which the parse hung elsewhere (the members as an
    apposition of the opening phrase's noun, Lim as its conjunct, the teacher as the verb's clause). The first
    noun of the sentence, after one opening phrase, if the verb has no subject and nothing between that noun
    and the verb is a finite verb."""
    doc = v.doc
    # a past participle too, with "have" or with no auxiliary at all (the small model tags "hesitated" there VBN)
    finite = v.tag_ in ("VBD", "VBZ", "VBP") or v.tag_ == "VBN" and all(
        c.dep_ != "auxpass" and (c.dep_ != "aux" or c.lemma_ == "have") for c in v.children)
    if not finite or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
        return None
    aux = [c for c in v.children if c.dep_ == "aux" and c.i < v.i]
    end = min([v.i - 1] + [a.i - 1 for a in aux])        # the comma before "have said"
    if doc[end].text != ",":
        return None
    # the subject opens the sentence, a short way back (not Token.sent: it walks the whole sentence)
    start = next((k for k in range(end, max(-1, end - _APPOSITION_REACH), -1) if doc[k].is_sent_start), None)
    if start is None or end - 2 <= start:
        return None
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if doc[start].tag_ in _INTRO_TAGS:
        # "Reached by POLITICO,", "In addition to Mr. Regalado,": the opening phrase, up to its comma
        comma = next((k for k in range(start, end) if doc[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    toks = [t for t in doc[start:end] if not t.is_space]
    if len(toks) < 3 or not any(t.text == "," for t in toks):
        return None          # no apposition: "…, the campaign chief, said" is _np_before's
    if _quote_holding(quotes, toks[0].idx) is not None:
        return None
    k = 0
    while k < len(toks) and toks[k].pos_ in ("DET", "NUM", "ADJ", "PROPN", "NOUN") and toks[k].text != ",":
        k += 1
    nouns = [t for t in toks[:k] if t.pos_ in ("PROPN", "NOUN")]
    if not nouns or k >= len(toks) or toks[k].text not in (",", "of", "from"):
        return None
    run = {t.i for t in toks[:k]}
    for t in toks[k:]:
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if t.tag_ == "MD" or t.tag_ in ("VBD", "VBZ", "VBP") and subj and not all(c.i in run for c in subj):
            return None      # a clause of its own between them ("Lim, who is …, said"); a noun the small
            # model tagged as a verb with the name as its subject ("X, a … rabbi/VBP helping …") is none
    return nouns[-1]


def _appended_speaker(v):
    for c in v.children:
        if c.dep_ != "ccomp":
            continue
        for t in _subtree(c):
            if t.dep_ == "appos" and t.right_edge.i == v.i - 1:
                toks = _trim_punct([x for x in _subtree(c) if x.i < t.left_edge.i])
                if toks:
                    return t, (toks[0].idx, toks[-1].idx + len(toks[-1]))
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


# What one acts "according to" (in accordance with) rather than learns from.
_NORMS = set("plan plans agreement agreements schedule law laws rule rules principle principles procedure "
             "programme program regulation regulations order orders decision treaty constitution instruction "
             "instructions tradition custom requirement requirements standard standards spirit line policy "
             "strategy intention wish will need needs demand demands".split())


def _in_accordance(tok, obj) -> bool:
    """ "pushed forward according to the already-established plan", "developed according to the agreement
    reached at the summit": inside the clause (a word, not a comma or the sentence start, before it) with a
    plan or rule as object it is manner, not a source. On PolNeAR train 12 of 394 gold "according to" cues
    follow a word; none of them has such an object."""
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return before is not None and before.is_alpha and (obj.lower_ in _NORMS or obj.lemma_.lower() in _NORMS)


def _carrier_owner(noun):
    """The speaker behind "X's statement" or "a statement from X"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in CARRIER_NOUNS:
                return obj
    return None


_CONTRAST = {"while", "whereas"}
# speech acts that make a contrasting clause another source's report (not cognition: "while her
# opponent wants to ..." stays part of what she said)
_OTHER_REPORT = {"say", "tell", "report", "state", "announce", "claim", "deny", "confirm", "estimate", "put",
                 "insist", "argue", "dispute", "reject", "counter", "praise", "accuse", "warn", "allege",
                 "assert", "maintain", "contend", "write", "add", "respond", "reply"}


def _other_source_cut(clause) -> int | None:
    """Where a contrasting report by another source starts inside a content clause, if one does.

    "said about 15,000 troops had been deployed, while Ukraine's military intelligence put the
    figure at 12,000": the parser hangs the while-clause inside what the agency said, but it is
    another source's report. Cut at a while/whereas clause whose verb is a speech act
    (``_OTHER_REPORT``) with a subject of its own that is not a pronoun (a pronoun may be the
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
    if t.dep_ not in ("advcl", "conj") or t.lemma_.lower() not in _OTHER_REPORT:
        return None
    marker = next((m for m in t.children if m.dep_ in ("mark", "cc") and m.lower_ in _CONTRAST), None)
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return marker if subj is not None and subj.pos_ != "PRON" else None


def _content_of(v, after: bool = False) -> tuple[int, int] | None:
    """The clause or object ``v`` reports (with ``after``, only one that follows it)."""
    for c in v.children:
        if after and c.i < v.i:
            continue
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ in ("dobj", "obj") and _has_verb(c)):
            cut = _other_source_cut(c)
            toks = _trim_punct([t for t in _subtree(c) if cut is None or t.i < cut])   # PolNeAR/PARC keep "that"
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1])
    # "X described the troops as heroes", "called them 'heroes'"
    dobj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    if dobj is not None and dobj.i < v.i and v.dep_ == "relcl" and dobj.lower_ in _RELATIVES:
        # "the allegations, which Mr. Ailes denies": PolNeAR marks the relative word (its antecedent is
        # the relative clause's head)
        return dobj.idx, dobj.idx + len(dobj)
    if dobj is not None and v.lemma_.lower() in _ADDRESSEE_VERBS:
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


_RELATIVES = {"which", "that", "whom", "who", "what"}
_ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "brief", "notify"}
# verbs whose object is who a message went to, for a participle after it ("emailed supporters saying …")
_ADDRESSING = _ADDRESSEE_VERBS | {"email", "e-mail", "text", "message", "write", "urge", "warn", "address", "call",
                                  "send"}


def _is_subj_side(t, v) -> bool:
    return t.i < v.i


def _around(head, cue) -> tuple[int, int] | None:
    """The content clause a parenthetical cue hangs off, without the cue's own words."""
    toks = [t for t in _subtree(head) if not (cue.left_edge.i <= t.i <= cue.right_edge.i)]
    toks = _trim_punct(toks)
    return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None


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


_MARKS = set("\"'“”‘’«»„「」")


def _quote_holding(quotes, i: int) -> tuple[int, int] | None:
    """The quote that holds character ``i`` (quotes are sorted by start and do not overlap)."""
    k = bisect.bisect_right(quotes, (i, float("inf"))) - 1
    return quotes[k] if k >= 0 and quotes[k][0] <= i < quotes[k][1] else None


def _quote_ending_before(quotes, i: int) -> tuple[int, int] | None:
    """The last quote that ends at or before character ``i``."""
    k = bisect.bisect_right(quotes, (i, float("inf"))) - 1
    while k >= 0 and quotes[k][1] > i:
        k -= 1
    return quotes[k] if k >= 0 else None


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
    if not any(ch in _MARKS for ch in text[max(0, left - 4):left]):
        return None
    q = _quote_ending_before(quotes, left)
    if q is None or left - q[1] > 3 or text[q[1]:left].strip() not in ("", ","):
        return None
    if (not text[q[1]:left].strip() and text[q[0]:q[1]].rstrip("".join(_CLOSERS))[-1:] in ".!?"
            and text[q[1]:left + 1].strip()[:1].isupper() and any(c.i > v.i and _own_object(c) for c in v.children)):
        return None     # '“It's time.” She also gushes about being a grandmother': a sentence of its own before
        # a cue with its own object is not what that cue says ('“Until the end!" a commander shouts in Korean' is)
    return q


_OBJECT_PREPS = {"about", "against", "for", "over", "with", "to"}


def _own_object(c) -> bool:
    """What a cue itself is about or does: an object, a clause, or an about/against/for/… phrase (not "in
    Korean", "on Friday", "of the episode")."""
    return c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "dative", "acomp") or (
        c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)


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


# -- resolution, relays, spans --------------------------------------------------------
def _dedupe(raw: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in raw:
        key = (r["cue"], r["content"])
        if key not in seen and r["content"][1] > r["content"][0]:
            seen.add(key)
            out.append(r)
    return out


_AND_THEN = re.compile(r"\s*,?\s*(?:and|but|while)\s+(?:\w+ly\s+)?$")


def _end_before_own_next_report(text: str, raw: list[dict]) -> None:
    """ "Syrskyi said the units had suffered heavy losses, and accused Moscow of …": the parse hangs the
    second report inside the first one's clause, so "said" took "…, and accused Moscow …" as well. When a
    report of the same speaker starts inside a content after ", and", that content ends before it."""
    by_cue = sorted(raw, key=lambda r: r["cue"][0])
    starts = [r["cue"][0] for r in by_cue]
    for r in raw:
        sp, (cs, ce) = r.get("speaker"), r["content"]
        if not sp or ce <= r["cue"][1]:
            continue
        k = bisect.bisect_right(starts, max(cs, r["cue"][1]))
        while k < len(by_cue) and starts[k] < ce:
            o = by_cue[k]
            k += 1
            if o is r or o.get("speaker") != sp or o["content"][0] < o["cue"][1]:
                continue
            m = _AND_THEN.search(text, cs, o["cue"][0])
            if m is not None and m.start() > cs:
                r["content"] = (cs, len(text[:m.start()].rstrip(" ,")))
                break


_LIGHT_GAP = re.compile(r"[\s\w'’-]{0,24}")


def _merge_light_verbs(text: str, raw: list[dict]) -> list[dict]:
    """One statement, not two: "She expressed belief that …", "released the following press statement
    titled …", "carries an article saying …", "Russian officials expressed interest in bringing back …" gave a
    cue for the verb (content "belief that …") and one for the noun (content "that …", no speaker or the same).
    When a cue begins a few words into another's content, its content lies inside that one and it has no other
    speaker, they merge: the cue runs from the verb to the noun ("expressed belief"), the content from the
    inner one's start to the later end, the speaker the outer one's. Merges chain: "carries an article saying
    that …" (verb, noun, participle) is one statement, "carries an article saying"."""
    by_cue = sorted(raw, key=lambda r: r["cue"][0])
    starts = [r["cue"][0] for r in by_cue]
    drop: set[int] = set()
    for outer in raw:
        while id(outer) not in drop and _merge_inner(text, outer, by_cue, starts, drop):
            pass
    return [r for r in raw if id(r) not in drop]


def _merge_inner(text: str, outer: dict, by_cue: list[dict], starts: list[int], drop: set[int]) -> bool:
    """Merge into ``outer`` the first cue that begins a few words into its content (``_merge_light_verbs``)."""
    os_, oe = outer["content"]
    if outer["cue"][1] > os_ or not _LIGHT_GAP.fullmatch(text[outer["cue"][1]:os_]):
        return False      # the outer content must follow its cue closely
    k = bisect.bisect_left(starts, os_)
    while k < len(by_cue) and starts[k] <= os_ + 24:
        inner = by_cue[k]
        k += 1
        (cs, ce), (ics, ice) = inner["cue"], inner["content"]
        if inner is outer or id(inner) in drop or not ce <= ics < oe:
            continue      # the inner content follows its cue and starts inside the outer one
        if not _LIGHT_GAP.fullmatch(text[os_:cs]) or inner.get("speaker") not in (None, outer.get("speaker")):
            continue
        outer["cue"] = (outer["cue"][0], ce)
        outer["content"] = (ics, max(oe, ice))
        drop.add(id(inner))
        return True
    return False


def _colon_duplicates(text: str, raw: list[dict]) -> list[dict]:
    """'And Mr. Christie gloated: “…”': the colon rule (for 'Trump on Clinton: “…”') and a learned verb cue
    ("gloated") both took the quote. The verb's attribution stays, the colon's goes (when the verb's cue
    ends shortly before the colon in the same line and the two contents overlap)."""
    colons = [r for r in raw if r["cue"][1] - r["cue"][0] == 1 and text[r["cue"][0]] == ":"]
    if not colons:
        return raw
    by_cue_end = sorted(raw, key=lambda r: r["cue"][1])
    ends = [r["cue"][1] for r in by_cue_end]
    drop = set()
    for c in colons:
        at = c["cue"][0]
        for r in by_cue_end[bisect.bisect_left(ends, at - 40):bisect.bisect_right(ends, at)]:
            if r is c or "\n" in text[r["cue"][1]:at]:
                continue
            if r["content"][0] < c["content"][1] and c["content"][0] < r["content"][1]:
                drop.add(id(c))
                break
    return [r for r in raw if id(r) not in drop]


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


def _finish(text: str, r: dict, entities: list[Span], quotes) -> dict:
    cs, ce = _with_quote_marks(text, *r["content"], quotes)
    r["content"] = (cs, ce)
    inside = _quotes_overlapping(quotes, cs, ce)
    if len(inside) == 1 and inside[0][0] == cs and inside[0][1] >= ce - 1:
        r["label"] = "direct"
    elif inside:
        r["label"] = "mixed"
    else:
        r["label"] = "indirect"
    r.setdefault("stance", stance(r["lemma"].split()[0]) if r["lemma"] != "according to" else "says")
    if r.get("speaker") is None and r.get("speaker_search"):
        r["speaker"] = _nearest_entity(entities, *r["speaker_search"], r["cue"][0])
    if r.get("speaker") is not None:
        r["speaker"] = _clean_speaker_span(text, r["speaker"], r["cue"])
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


def _quotes_overlapping(quotes, cs: int, ce: int) -> list[tuple[int, int]]:
    """The quotes (sorted, not overlapping) that share a character with [cs, ce), by bisection."""
    k = max(0, bisect.bisect_left(quotes, (cs, -1)) - 1)
    out = []
    while k < len(quotes) and quotes[k][0] < ce:
        if cs < quotes[k][1]:
            out.append(quotes[k])
        k += 1
    return out


def _with_quote_marks(text: str, cs: int, ce: int, quotes) -> tuple[int, int]:
    """The content widened to the marks of a quote it touches from inside ("…," she said keeps the marks; so
    does a content that ends inside a quote it opened: 'that costs were "in the seven figures,"')."""
    for qs, qe in _quotes_overlapping(quotes, cs, ce):      # both cases below need an overlapping quote
        if qs == cs - 1 or (qs < cs and text[qs + 1:cs].strip(" '") == ""):     # ' for the '' mark
            if qe >= ce:
                cs = qs
        if qe == ce + 1 or (qe > ce and text[ce:qe - 1].strip(" ,.!?'") == ""):
            ce = qe
    return cs, ce


class _Entities(list):
    """The document's entity spans in text order, looked up by position by bisection: speaker resolution asks
    for the entities inside each speaker phrase, and a scan of all of them per attribution is quadratic in
    a huge document."""

    def __init__(self, spans):
        super().__init__(sorted(spans, key=lambda e: (e.start, e.end)))
        self.starts = [e.start for e in self]
        self.genders: dict[str, str | None] = {}     # actor -> gender from a title before a mention (``_gender``)

    def starting_in(self, lo: int, hi: int) -> list:
        """The entities that start at ``lo`` or later and before ``hi``, in text order."""
        return self[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def last_before(self, i: int, n: int) -> list:
        """The last ``n`` entities that start before character ``i``, in text order."""
        k = bisect.bisect_left(self.starts, i)
        return self[max(0, k - n):k]


_ANTECEDENTS_BACK = 500     # entities before a pronoun its antecedent search looks at (a news article has fewer)


def _nearest_entity(entities, ss, se, cue_start):
    cands = [e for e in entities.starting_in(ss, se) if e.end <= se and e.label in ("PERSON", "ORG", "MEDIA")]
    before = [e for e in cands if e.end <= cue_start]
    pick = before[0] if before else (cands[0] if cands else None)
    return (pick.start, pick.end) if pick else None


def _resolve_speaker(text: str, r: dict, entities: list[Span]):
    sp = r.get("resolve_span") or r.get("speaker")
    if not sp:
        return None, None, "no speaker in the text"
    ss, se = sp
    head = r["speaker_tok"].idx if r.get("speaker_tok") is not None else -1
    country = _capital_speaker(text, ss, se, head, entities)
    if country is not None:
        return country.id, country.name, None
    inside = [e for e in entities.starting_in(ss, se) if e.end <= se and e.attrs.get("actor")]
    if inside:   # the entity holding the phrase's head word, else a person or organisation, else any
        e = min(inside, key=lambda e: (not (e.start <= head < e.end),
                                       e.label not in ("PERSON", "ORG", "MEDIA"), e.start))
        tok = r.get("speaker_tok")
        if (tok is not None and not e.start <= head < e.end and e.label not in ("PERSON", "ORG", "MEDIA")
                and tok.pos_ == "NOUN" and tok.lemma_.lower() not in _SPEAKING_HEADS):
            # "The two nuclear-armed U.S. adversaries broke their silence", "the U.S.-Japan-ROK exercises
            # show": a country that only modifies the head is not who speaks ("US officials" still is)
            return None, None, f"'{text[ss:se][:60]}': {e.attrs['actor_name']} only modifies '{tok.text}'"
        last = _korean_head(text, ss, se) if tok is None else None
        if last is not None and e.end < ss + len(text[ss:se].rstrip()) and e.label not in ("PERSON", "ORG", "MEDIA") \
                and last not in SPEAKING_BODIES_KO:
            # "러시아 군인은 … 말했다" (a Russian soldier): the country only modifies who speaks ("러시아 당국" is it)
            return None, None, f"'{text[ss:se][:60]}': {e.attrs['actor_name']} only modifies '{last}'"
        return e.attrs["actor"], e.attrs["actor_name"], None
    country = _demonym_speaker(text, ss, se, r.get("speaker_tok"), entities)
    if country is not None:
        return country.id, country.name, None
    words = text[ss:se].lower().split()
    if words and words[-1] in PRONOUNS | {"him", "them"}:
        prev = [e for e in entities.last_before(ss, _ANTECEDENTS_BACK) if e.end <= ss and e.attrs.get("actor")
                and e.label == ("PERSON" if words[-1] in ("he", "she", "who", "i") else e.label)]
        e = None
        if words[-1] in ("he", "she") and r.get("speaker_tok") is not None:
            e = _subject_antecedent(text, r["speaker_tok"], prev, entities)
            if isinstance(e, str):
                return None, None, f"pronoun '{text[ss:se]}' continues '{e}', which names no known actor"
        if e is None and words[-1] in ("he", "she", "who"):
            e = _antecedent(text, prev, words[-1], entities)
        if e is not None:
            return e.attrs["actor"], e.attrs["actor_name"], None
        return None, None, f"pronoun '{text[ss:se]}' without a fitting antecedent"
    if words and words[-1].strip(".,") in GENERIC_SPEAKERS:
        return None, None, f"generic speaker '{text[ss:se]}'"
    return None, None, f"'{text[ss:se][:60]}' names no known or clustered actor"


_SPEAKING_HEADS = PERSON_ROLES | SPEAKING_BODIES   # heads through which a modifying country speaks
_DEFINITE = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]+)$", re.I)
_PUBLICATION = re.compile(r"(?:an?|another|the|its|one)\s+(?:[\w-]+\s+)?(article|editorial|commentary|daily|paper|newspaper)$",
                          re.I)


_DESCRIPTION_BACK = 50      # attributions a description looks back over (bounded: huge documents stay linear)


def _resolve_descriptions(text: str, out: list[dict], entities: list[Span], dateline_end: int) -> None:
    """Speakers named by a description, resolved in document order once every attribution has its own:
    "the vice-chairman said" / "the statement noted" → the last earlier speaker whose phrase holds that word
    ("Cha Sang Bo, vice-chairman of …", "The Social Confederation … in a statement said"); "An article says"
    in a press review → the last newspaper named before it (the "Rodong Sinmun" heading above the items, or
    "articles in Rodong Sinmun" in the lead), never the agency of the dateline, which carries every item."""
    media = sorted((e for e in entities if e.label == "MEDIA" and e.attrs.get("actor") and e.start >= dateline_end),
                   key=lambda e: e.end)
    media_ends = [e.end for e in media]
    done: list[dict] = []
    for r in sorted(out, key=lambda r: r["cue"][0]):
        sp = r.get("speaker")
        if r["actor"] is None and sp:
            phrase = " ".join(text[sp[0]:sp[1]].split())
            m = _PUBLICATION.fullmatch(phrase)
            if m:
                k = bisect.bisect_right(media_ends, sp[0])
                e = media[k - 1] if k else None
                if e is not None:
                    r["actor"], r["actor_name"], r["reason"] = e.attrs["actor"], e.attrs["actor_name"], None
            elif (m := _DEFINITE.fullmatch(phrase)) and m.group(1).lower() not in PRONOUNS:
                # every word after the determiner must be in the earlier phrase ("the U.S. president" is not
                # "Kim Jong Un, president of the State Affairs")
                words = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.I) for w in phrase.split()[1:]]
                o = next((o for o in reversed(done[-_DESCRIPTION_BACK:]) if o["actor"] and o.get("speaker")
                          and all(w.search(text[o["speaker"][0]:o["speaker"][1]]) for w in words)), None)
                if o is not None:
                    r["actor"], r["actor_name"], r["reason"] = o["actor"], o["actor_name"], None
        done.append(r)


def _subject_antecedent(text: str, pron, persons: list[Span], entities: list[Span]) -> Span | str | None:
    """The person "he"/"she" continues: the subject of an earlier clause of its sentence, else of the sentences
    before (their main clause's subject first), up to three back; a subject that is the same pronoun passes
    the search on, one of the other gender is skipped. Subjects are what a pronoun most often continues
    (centering): in "Kim Jong Un expressed thanks to President Putin … He said that …" the last person named
    is Putin, the subject Kim. A subject that is a person by its role but names no actor ("The national
    leader of the Workers' Party of Mexico said … , he noted") ends the search: its text is returned, and
    the pronoun stays unresolved rather than going to a name inside the quoted praise."""
    want = {"he": "m", "she": "f"}.get(pron.lower_)
    sent = pron.sent
    # "All these are fruition of Comrade Kim Jong Un's leadership, he noted": the subjects before an inverted
    # report belong to what is reported, not to who reports it
    inverted = pron.head.dep_ in ("parataxis", "ccomp")
    for k in range(4):
        subjects = [] if k == 0 and inverted else [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")
                                                    and t.i < pron.i]
        subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", t.i))
        for subj in subjects:
            if subj.lower_ == pron.lower_:
                break            # the same pronoun: its referent is further back
            lo, hi = subj.left_edge.idx, subj.idx + len(subj)
            e = next((p for p in reversed(persons) if p.start <= subj.idx < p.end), None)
            if e is None:
                e = next((p for p in reversed(persons) if lo <= p.start and p.end <= hi), None)
            if e is not None and _gender(text, e.attrs["actor"], entities) in (None, want):
                return e
            if e is None and subj.lemma_.lower() in PERSON_ROLES and subj.pos_ == "NOUN":
                return " ".join(text[lo:subj.right_edge.idx + len(subj.right_edge)].split())[:80]
        if sent.start == 0:
            return None
        sent = pron.doc[sent.start - 1].sent
    return None


_TITLE_GENDER = ((re.compile(r"\b(?:Mr|Sir|Mister)\.?\s*$"), "m"), (re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Mme)\.?\s*$"), "f"))


def _antecedent(text: str, persons: list[Span], pronoun: str, entities: list[Span]) -> Span | None:
    """The last person before a pronoun that agrees with it: "she" skips a man and "he" a woman (gender from
    the registry, else a Mr./Ms. before any mention of that actor in the text); "who" and people of unknown
    gender take the last person."""
    want = {"he": "m", "she": "f"}.get(pronoun)
    for e in reversed(persons):
        if want is None or _gender(text, e.attrs["actor"], entities) in (None, want):
            return e
    return None


def _gender(text: str, actor: str, entities: list[Span]) -> str | None:
    known = default_registry().get(actor)
    if known is not None and known.gender:
        return known.gender
    if actor in entities.genders:
        return entities.genders[actor]
    got = None
    for e in entities:
        if e.attrs.get("actor") == actor:
            before = text[max(0, e.start - 8):e.start]
            got = next((g for pat, g in _TITLE_GENDER if pat.search(before) or pat.match(text[e.start:e.end])),
                       None)
            if got is not None:
                break
    entities.genders[actor] = got
    return got


def _capital_speaker(text: str, ss: int, se: int, head: int, entities: list[Span]):
    """ "Pyongyang said", "заявила Москва", "평양은 …": a capital as speaker is its country (registry
    ``capitals``), when it is the whole speaker phrase or the entity holding the phrase's head word."""
    reg = default_registry()
    hit = reg.capital(text[ss:se])
    if hit is None:
        e = next((e for e in entities.starting_in(ss, head + 1) if e.start <= head < e.end <= se), None)
        hit = reg.capital(text[e.start:e.end]) if e is not None else None
    return hit


# the bodies through which a nationality word speaks for its country ("Russian officials", "the North Korean
# side", "the Russian ambassador"); not a person it describes ("a Russian soldier", "a North Korean man")
_NATIONAL_VOICES = SPEAKING_BODIES | {"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "minister",
                                      "official", "diplomat", "authority", "leadership"}


_KO_PARTICLES = ("께서는", "께서", "에서는", "에서", "은", "는", "이", "가")


def _korean_head(text: str, ss: int, se: int) -> str | None:
    """The last word of a Korean speaker phrase without its particle ("러시아 군인은" -> "군인"); None if not Korean."""
    words = text[ss:se].split()
    if not words or not is_hangul(words[-1]):
        return None
    w = words[-1]
    for p in _KO_PARTICLES:
        if w.endswith(p) and len(w) > len(p):
            return w[:-len(p)]
    return w


def _demonym_speaker(text: str, ss: int, se: int, tok, entities: list[Span]):
    """"Russian officials said", "the Ukrainian military said": the country a nationality word before the
    speaking head names (registry ``demonyms``); in Russian, where no parse gives the head, any speaking word of
    the phrase ("российская сторона", "по словам российских официальных лиц")."""
    if tok is None:
        return _demonym_in_words(text[ss:se])
    if tok.lemma_.lower() not in _NATIONAL_VOICES and tok.lower_ not in _NATIONAL_VOICES:
        return None
    reg = default_registry()
    for e in entities.starting_in(ss, tok.idx):
        if e.end <= tok.idx <= se and e.label in ("NORP", "GPE") and not e.attrs.get("actor"):
            hit = reg.demonym(text[e.start:e.end])
            if hit is not None:
                return hit
    return None


def _demonym_in_words(phrase: str):
    words = re.findall(r"[а-яё]+", phrase.lower())
    if not any(w.startswith(SPEAKING_BODIES_RU) for w in words):
        return None
    reg = default_registry()
    for w in words:
        if not w.startswith(SPEAKING_BODIES_RU):
            hit = reg.demonym(w)
            if hit is not None:
                return hit
    return None


def _relays(out: list[dict]) -> None:
    """An attribution whose cue lies inside another's content is relayed by that other's speaker.

    The relaying attribution is the one with the shortest content holding the cue (the
    first in ``out`` on a tie), among those with an actor. Found by one scan over the
    contents sorted by start, stopped as soon as no earlier content can reach or beat the
    best: near-linear on real text (the pairwise search took seconds on a 100 KB document
    with a thousand attributions).
    """
    for r in out:
        r["via"] = []
    cands = sorted((o["content"][0], o["content"][1], i) for i, o in enumerate(out) if o.get("actor"))
    starts = [c[0] for c in cands]
    reach: list[int] = []          # reach[j]: the furthest content end among cands[:j + 1]
    for c in cands:
        reach.append(max(c[1], reach[-1]) if reach else c[1])
    enclosing: list[int | None] = []        # per attribution: the index in ``out`` of the one relaying it
    for i, inner in enumerate(out):
        cs, ce = inner["cue"]
        best: tuple[int, int] | None = None            # (content length, index in out)
        j = bisect.bisect_right(starts, cs) - 1
        while j >= 0 and reach[j] >= ce:
            s, e, k = cands[j]
            if best is not None and ce - s > best[0]:
                break                                   # every earlier content is longer than the best
            if e >= ce and k != i and (best is None or (e - s, k) < best):
                best = (e - s, k)
            j -= 1
        enclosing.append(best[1] if best else None)
    for _ in range(3):            # chains: A reported that B said that C ...
        for inner, k in zip(out, enclosing):
            if k is not None:
                o = out[k]
                if o["actor"] != inner.get("actor"):
                    inner["via"] = o["via"] + [o["actor"]]


def _to_spans(r: dict) -> list[Span]:
    cs, ce = r["content"]
    sp = r.get("speaker")
    attrs = {"speaker": list(sp) if sp else None, "speaker_text": None, "cue": list(r["cue"]), "cue_text": None,
             "stance": r["stance"], "actor": r["actor"], "actor_name": r["actor_name"],
             "unresolved_reason": r["reason"], "via": r["via"]}
    if r.get("refers_to"):
        attrs["refers_to"] = list(r["refers_to"])
    conf = r.get("confidence")
    # without the learned confidence (other languages, rules only): a resolved speaker is the surer one
    conf = round(conf, 4) if conf is not None else 0.9 if r["actor"] else 0.6
    out = [Span(cs, ce, "attribution", r["label"], STAGE, VERSION, conf, attrs)]
    out.append(Span(r["cue"][0], r["cue"][1], "cue", r["stance"], STAGE, VERSION))
    if sp:
        out.append(Span(sp[0], sp[1], "speaker", "speaker", STAGE, VERSION, 1.0,
                        {"actor": r["actor"], "actor_name": r["actor_name"]}))
    return out


def _quote_spans(quotes, skipped, out: list[dict]) -> list[Span]:
    spans = []
    contents = sorted(r["content"] for r in out)
    starts = [c[0] for c in contents]
    reach = list(itertools.accumulate((c[1] for c in contents), max))   # the furthest end so far
    for qs, qe in quotes:
        k = bisect.bisect_right(starts, qs)
        claimed = k > 0 and reach[k - 1] >= qe        # a content that starts at or before it and ends after
        spans.append(Span(qs, qe, "quote", "attributed" if claimed else "unattributed", STAGE, VERSION))
    for pos, reason in skipped:
        spans.append(Span(pos, pos + 1, "quote", "skipped", STAGE, VERSION, 1.0, {"reason": reason}))
    return spans


def fill_texts(text: str, spans: list[Span]) -> list[Span]:
    """Set speaker_text / cue_text from offsets (done once, after all spans are final)."""
    for s in spans:
        if s.layer == "attribution":
            a = s.attrs
            a["speaker_text"] = text[a["speaker"][0]:a["speaker"][1]] if a["speaker"] else None
            a["cue_text"] = text[a["cue"][0]:a["cue"][1]]
            if a.get("refers_to"):      # the antecedent of a relative-word content ("which Mr. Ailes denies")
                a["refers_to_text"] = text[a["refers_to"][0]:a["refers_to"][1]]
    return spans
