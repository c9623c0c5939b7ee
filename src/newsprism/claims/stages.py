"""Claim spans: quantities in context, assertions, and the statements that dispute them.

Layer ``claim``; label = kind (``quantity``, ``assertion``, ``dispute``). attrs:

* ``subject`` (discovered key, e.g. ``north-korean/deployed``; generic ``count:<noun>``),
  ``subject_label``;
* ``min``/``max``/``lo``/``hi``/``hedge``/``unit``/``value_kind`` for quantities
  (copied from the quantity span), ``increment`` (True for "an additional 3,000"), and for an
  increment after a base claim of the same subject in the document, ``implied_total`` (base + increment:
  "over 11,000 ... an additional 3,000" -> min 14,000, max open, with the base's hedge);
* ``as_of`` ({value, granularity, resolved, text} of the nearest time expression
  in the sentence, else the publication date with ``source: published``, else
  ``{"value": None, "resolved": False, "note": "no date in sentence, publication date unknown"}``);
* ``source_text``/``source_actor``/``source_method`` — the sentence-rule fallback
  (``according to X``, ``X said``); the corpus stage ``reconcile`` prefers an
  attribution span's actor and falls back to this, then the outlet;
* ``disputes`` (for kind ``dispute``): {"subject", "start", "end"} of the claim it disputes.

Not claims: ages, durations, prices in ad/paywall sentences, bare values of 1.
"""

from __future__ import annotations

import re

from .carry import carry_sources
from .dates import date_role
from .disputes import attribution_disputes
from .sources import as_written, claim_source, plain_chain
from .assertions import discover as discover_assertions
from ..voices.models import wants_english
from .subjects import dispute_cue, quantity_subject, sentence_source
from ..languages import pack
from ..model import Document, Span
from ..analyze.stage import StageInputs, document_stage

VERSION = "30"   # 30: a relay chain never holds its own source and never an actor twice (sources.plain_chain: nested reports that quote each other made "A via B → A → B"); 29: the quantities of quantities stage 14 (vague multiples in es/de/fr/zh/ja); a Japanese "、" after kana ends a clause (ja CLAUSE_BREAK); 28: a date in a relative clause about another noun is no as-of date, a start date ("which began in") starts the period (as_of.since); share bases in keys (@of-population, @of-dead); counted nouns past a participle or a parenthetical; 27: an accusation answering another speaker's accusation of the same act is a dispute (claims/disputes.py); 26: what of a plan is already done (ACTUAL aspect words: already, уже, 已, すでに) is its own figure, zh clause breaks (，；), zh/ja arrival cues, no assertion object after a preposition of time ("had before the war"); 25: a number glossing a name in reported words is the outlet's (sources.py GLOSS_BEFORE); 24: a frame opening the sentence scopes its figures after the content (carry.py); 23: an agentless report ("were reported killed") continues the sentence before (carry.py); 22: a headline number takes only the lead's source of the same value; 21: report paragraphs (carry.py): a paragraph of further details goes on with the report the paragraph before ends on; 20: source_words, a source phrase as written (with its article) for display; crossheads (carry.py); 19: assertions discovered (claims/assertions.py: predicate and object, no story lexicon); 18: counted nouns: "військової техніки" is not people, "유족" (the bereaved) are not the dead, population share bases; 17: disputes without a denying verb (counter-claims, labels of falsehood, contrasted speakers, "such a statement was made by X"); 16: a person named with their agency is the source (claims/sources.py), other estimates are their own (ru/uk OWNED_FIGURE); 15: an embedded post's figures are its author's (carry.py); 14: losses read by what is counted, place-of-event sides, plans by what is planned; 13: back references in de/zh; 12: carried sources (claims/carry.py), subjects past speakers and partners (claims/measure.py)
CLAIM_KINDS = {"count", "percent", "money", "measure", "fraction", "multiple"}
_AD = re.compile(r"subscri|paywall|sign up|log in|free trial|per month|/month|/mo\b|% off|\bsale\b|buy now|unlock|premium", re.I)
_INCREMENT_BEFORE = re.compile(r"(?:additional|another|further|extra|more|ещё|еще|дополнительн\w*|추가)\s*$", re.I)
# the whole a share is taken of: "a third of the 11,000 troops", "2% of Gaza's 2.3 million people", "a population of 2.3 million", "почти треть из 11 тысяч", "1만1천여 명 중 3분의 1"
_BASE_BEFORE = re.compile(r"(?:\b(?:third|half|quarter|percent|per cent|%|share|fraction|most|many|some|one|two|three)"
                          r"\s+of\s+(?:the|those|its|their|[\w-]+(?:'s|’s))?\s*(?:estimated\s+|roughly\s+|about\s+|around\s+|some\s+)?"
                          r"|\bpopulation\s+of\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|over\s+)?"
                          r"|(?:треть|половин\w*|четверть|трети|часть|процент\w*|%|третина|частина)\s+из\s+(?:примерно\s+|около\s+)?"
                          r"|\bз\s+(?:близько\s+)?)$", re.I)
_BASE_AFTER = re.compile(r"\s*(?:명\s*)?(?:중|가운데)(?:\s|$)"
                         r"|\s*,\s*(?:of\s+whom|of\s+which|из\s+которых|з\s+яких)\b", re.I)  # "11,000, of whom" (not "3 тысячи из них")
_INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|extra)\b|^\s*명?(?:을|를|이|가|의)?\s*추가(?:로|\s)", re.I)   # "3천여 명을 추가로 파병"


def _as_of(doc: Document, sent: Span, times: list[Span], at: int) -> dict:
    inside = [t for t in times if sent.start <= t.start < sent.end]
    pub = doc.get("published")
    text = doc.text[sent.start:sent.end]
    roles = {id(t): date_role(text, t.start - sent.start, t.end - sent.start, at - sent.start, doc.language)
             for t in inside}
    # a date in a relative clause about another noun ("the minister, who took office in March, said ...") is not
    # the figure's; a start date ("the war, which began in October 2023, has killed ...") starts its period
    inside = [t for t in inside if roles[id(t)] != "other"]
    if inside:
        t = min(inside, key=lambda t: (roles[id(t)] == "start", t.start < at, abs(t.start - at)))   # prefer the one after the number
        if (t.attrs.get("relation") == "since" or roles[id(t)] == "start") and pub and t.attrs.get("resolved"):
            # "about 15,000 ... since October last year": a running total, as of publication, counted from then
            return {"value": str(pub)[:10], "granularity": "day", "resolved": True, "source": "published",
                    "since": t.attrs.get("value"), "text": f"since {t.attrs.get('text')}", "start": t.start,
                    "end": t.end}
        if roles[id(t)] == "start":        # a start date and no publication date: the as-of date is unknown
            return {"value": None, "resolved": False, "source": None, "since": t.attrs.get("value"),
                    "text": f"since {t.attrs.get('text')}", "start": t.start, "end": t.end,
                    "note": "only a start date in sentence, publication date unknown"}
        return {k: t.attrs.get(k) for k in ("value", "granularity", "resolved", "text", "relation")} | \
            {"source": "sentence", "start": t.start, "end": t.end}
    if pub:
        return {"value": str(pub)[:10], "granularity": "day", "resolved": True, "source": "published"}
    return {"value": None, "resolved": False, "source": None,
            "note": "no date in sentence, publication date unknown"}


def _source(doc: Document, sents: list[Span], i: int, at: int, end: int | None = None,
            inputs: StageInputs | None = None) -> dict:
    """The claim's source: the attribution holding it (speaker, relays), else the sentence rule, else none."""
    text = doc.text[sents[i].start:sents[i].end]
    prev = doc.text[sents[i - 1].start:sents[i - 1].end] if i > 0 else None
    phrase, actor = sentence_source(text, at - sents[i].start, prev)
    atts = inputs.spans("attribution") if inputs else []
    ents = inputs.spans("entity")
    speech = [(int(a.attrs["cue"][0]), int(a.attrs["cue"][1])) for a in inputs.spans("attribution")
              if a.attrs.get("cue")] if inputs else []
    return claim_source(doc.text, at, end if end is not None else at + 1, atts, ents, doc.language or "en",
                        {"source_text": phrase, "source_actor": actor})


@document_stage("claims", version=VERSION, layers=("claim",),
                requires=("sentences", "quantities", "time", "entities", "attributions"))
def claims(doc: Document, inputs: StageInputs) -> list[Span]:
    """Quantities about a known subject, assertions, and disputes linked to what they dispute."""
    sents = inputs.spans("sentence")
    qs, times = inputs.spans("quantity"), inputs.spans("time")
    out: list[Span] = []
    prior_assertions: list[tuple[int, Span]] = []      # (sentence index, assertion claim)
    ents = inputs.spans("entity")
    speech = [(int(a.attrs["cue"][0]), int(a.attrs["cue"][1])) for a in inputs.spans("attribution")
              if a.attrs.get("cue")]
    prior_quantities: list[tuple[int, Span]] = []        # (sentence index, named-subject quantity claim)
    by_sentence = _by_sentence(sents, qs)                  # one pass: a 140 KB table has 18,000 numbers
    for i, sent in enumerate(sents):
        text = doc.text[sent.start:sent.end]
        if _AD.search(text):
            continue
        here: list[Span] = []
        for q in by_sentence[i]:
            here += _quantity_claim(doc, sents, i, q, times, here, inputs)
        cue = dispute_cue(text) or pack(doc.language or "en").sources.DISPUTE_CUES.search(text)
        asserted = discover_assertions(doc, sent, ents, cue, speech)
        if not wants_english(doc):
            asserted = asserted[:1]           # no parse: the sentence's first finite verb that is not speech
        for a in asserted:
            if any(a["clause"][0] < q.end and q.start < a["clause"][1] for q in by_sentence[i]):
                continue          # "sent 12,000 soldiers", "put losses at 4,700": the figure states it
            attrs = {"subject": a["key"], "subject_label": a["label"], "assertion_phrase": a["phrase"], "as_of": _as_of(doc, sent, times, a["start"]),
                     **_source(doc, sents, i, a["start"], a["end"], inputs)}
            here.append(Span(a["start"], a["end"], "claim", "assertion", "claims", VERSION, 0.6, attrs))
        out += here
        if cue:
            targets = [q for q in here if q.label == "quantity" and not q.attrs["subject"].startswith("count:")][-1:] \
                or [s for s in here if s.label == "assertion"]
            if not targets:
                # "The ministry denied these reports, calling them fake": nothing asserted in the sentence, so the
                # latest figure with a named subject in this or the two sentences before is what is denied, else
                # the latest assertion of the two sentences before
                near = [q for k, q in prior_quantities if i - k <= 2] + \
                    [q for q in here if q.label == "quantity" and not q.attrs["subject"].startswith("count:")]
                targets = near[-1:] or [a for k, a in prior_assertions if i - k <= 2][-1:]
            for t in targets:
                attrs = {"subject": t.attrs["subject"], "subject_label": t.attrs["subject_label"],
                         "disputes": {"subject": t.attrs["subject"], "start": t.start, "end": t.end,
                                      "kind": t.label, "value_kind": t.attrs.get("value_kind")},
                         "cue": cue.group(0), "as_of": _as_of(doc, sent, times, sent.start + cue.start()),
                         **_dispute_source(text, cue)}
                out.append(Span(sent.start + cue.start(), sent.start + cue.end(), "claim", "dispute", "claims",
                                VERSION, 0.7, attrs))
        prior_assertions += [(i, s) for s in here if s.label == "assertion"]
        prior_quantities += [(i, q) for q in here if q.label == "quantity" and not q.attrs["subject"].startswith("count:")]
    carry_sources(doc, out, inputs.spans("attribution"), inputs.spans("entity"), sents)
    as_written(doc.text, out, doc.language or "en")
    for c in out:
        if c.attrs.get("via"):
            c.attrs["via"] = plain_chain(c.attrs.get("source_actor"), c.attrs.get("source_text"), c.attrs["via"])
    return out + attribution_disputes(doc, inputs.spans("attribution"), inputs.spans("entity"), out, sents, VERSION)


_UPPER = "A-ZА-ЯЁІЇЄҐ"
_DISPUTER_EN = re.compile(rf"((?:[{_UPPER}][\w’'.-]*\s+){{0,3}}[{_UPPER}][\w’'.-]*)(?:’s|'s)?\s+(?:\w+ly\s+)?$")
# Russian/Ukrainian: the sentence's subject, up to its verb, lower-case words inside ("Министерство обороны России")
_SL_VERB = re.compile(r"(?:л|ла|ло|ли|ет|ит|ют|ят|ает|яет|ует|ал|ил)$")
_DISPUTER_KO = re.compile(r"^\s*((?:[^\s]+\s+){0,2}?[^\s]+?)(?:은|는|이|가)\s")


def _slavic_subject(sentence: str, cue_at: int) -> str | None:
    words = re.findall(r"[\w’'.-]+", sentence[:cue_at])[:5]
    if not words or not words[0][0].isupper():
        return None
    out = []
    for w in words:
        if out and (w[0].islower() and _SL_VERB.search(w.lower())):
            break
        out.append(w)
    return " ".join(out[:4]) or None


def _by_sentence(sents: list[Span], spans: list[Span]) -> list[list[Span]]:
    """``spans`` grouped by the sentence their start falls in (both sorted by start)."""
    import bisect
    starts = [s.start for s in sents]
    out: list[list[Span]] = [[] for _ in sents]
    for sp in sorted(spans, key=lambda x: x.start):
        i = bisect.bisect_right(starts, sp.start) - 1
        if i >= 0 and sp.start < sents[i].end:
            out[i].append(sp)
    return out


def _dispute_source(sentence: str, cue: re.Match) -> dict:
    from .subjects import resolve_actor
    before = sentence[:cue.start()]
    if re.search(r"[а-яёіїєґ]", before, re.I):
        phrase = _slavic_subject(sentence, cue.start())
    elif re.search(r"[가-힣]", sentence):
        m = _DISPUTER_KO.match(sentence)
        phrase = m.group(1) if m else None
    else:
        m = _DISPUTER_EN.search(before)
        phrase = m.group(1) if m else None
    phrase = phrase.strip() if phrase else None
    if phrase:
        return {"source_text": phrase, "source_actor": resolve_actor(phrase), "source_method": "sentence-rule"}
    return {"source_text": None, "source_actor": None, "source_method": None}


def _quantity_claim(doc: Document, sents: list[Span], i: int, q: Span, times: list[Span],
                    before: list[Span], inputs: StageInputs | None = None) -> list[Span]:
    a = q.attrs
    if q.label not in CLAIM_KINDS or a.get("hedge") == "vague" and q.label != "count":
        return []
    if q.label == "count" and (a.get("hi") or 0) <= 1 and not a.get("counted"):
        return []
    if a.get("hedge") == "vague" and not a.get("counted"):
        return []                      # "hundreds of times": a vague plural with nothing counted says nothing
    sent = sents[i]
    text = doc.text[sent.start:sent.end]
    rel = q.start - sent.start
    increment = bool(_INCREMENT_BEFORE.search(text[max(0, rel - 14):rel])
                     or _INCREMENT_AFTER.search(text[q.end - sent.start:]))
    base = bool(_BASE_BEFORE.search(text[max(0, rel - 40):rel]) or _BASE_AFTER.match(text, q.end - sent.start))
    subj = quantity_subject(text, doc.text, q.label, a.get("unit") if q.label == "count" else None,
                            float((a.get("lo") if a.get("hedge") == "vague" else a.get("hi")) or 0), bool(re.search(r"\d", a.get("raw") or "")),
                            a.get("counted"), doc.text[sents[i - 1].start:sents[i - 1].end] if i > 0 else "", base,
                            at=rel, end=q.end - sent.start, lang=doc.language)
    earlier = [c for c in before if c.label == "quantity" and not c.attrs["subject"].startswith("count:")]
    if increment and earlier and (subj is None or subj[0].startswith("count:")):
        # "over 11,000 ..., with an additional 3,000 sent": the increment counts the same thing
        subj = (earlier[-1].attrs["subject"], earlier[-1].attrs["subject_label"])
    if subj is None:
        return _figure(doc, sents, i, q, times, inputs)
    total = None
    base = [c for c in earlier if c.attrs["subject"] == subj[0].partition("+")[0] and not c.attrs.get("increment")]
    if increment and base and a.get("min") is not None:
        b = base[-1].attrs
        total = {"min": (b.get("min") or 0) + a["min"] if b.get("min") is not None else None,
                 "max": b["max"] + a["max"] if b.get("max") is not None and a.get("max") is not None else None,
                 "hedge": b.get("hedge"), "base": b.get("raw"), "base_start": base[-1].start}
    attrs = {"subject": subj[0], "subject_label": subj[1], "min": a.get("min"), "max": a.get("max"),
             "lo": a.get("lo"), "hi": a.get("hi"), "hedge": a.get("hedge"), "bound": a.get("bound"),
             "unit": a.get("unit"), "value_kind": q.label, "raw": a.get("raw"), "increment": increment,
             "vague": a.get("hedge") == "vague", "as_of": _as_of(doc, sent, times, q.start),
             **_source(doc, sents, i, q.start, q.end, inputs)}
    if total:
        attrs["implied_total"] = total     # "over 11,000 … plus 3,000 more" -> over 14,000, as the text implies
    score = 0.8 if not subj[0].startswith("count:") else 0.5
    return [Span(q.start, q.end, "claim", "quantity", "claims", VERSION, score, attrs)]



def _figure(doc: Document, sents: list[Span], i: int, q: Span, times: list[Span], inputs: StageInputs | None) -> list[Span]:
    """A stated number with no subject to group it by ("207", "five planes"): kept with its source, as of its date,
    so every figure says who gives it; ``reconcile`` leaves figures out of its groups."""
    a = q.attrs
    attrs = {"subject": None, "subject_label": None, "min": a.get("min"), "max": a.get("max"), "lo": a.get("lo"),
             "hi": a.get("hi"), "hedge": a.get("hedge"), "bound": a.get("bound"), "unit": a.get("unit"),
             "value_kind": q.label, "raw": a.get("raw"), "vague": a.get("hedge") == "vague",
             "as_of": _as_of(doc, sents[i], times, q.start), **_source(doc, sents, i, q.start, q.end, inputs)}
    return [Span(q.start, q.end, "claim", "figure", "claims", VERSION, 0.3, attrs)]
