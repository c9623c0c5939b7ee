"""Finding attributions in one text: the rules for its language, then the shared finishing steps.

``attribution_records`` gives the finished attributions as dicts (cue, speaker, content, label,
stance, actor, relays); ``find_attributions`` filters them by the learned confidence and turns
them into spans.
"""

from __future__ import annotations

import bisect

from ...model import Span
from .. import confidence as confidence_model, cuemodel, tagger as cuetagger
from .cues import _english
from .finish import _after_dateline, _dateline_end, _finish
from .overlaps import _colon_duplicates, _dedupe, _end_before_own_next_report, _merge_light_verbs
from .posts import embedded_post_records
from .quotes import _quote_holding, find_quotes
from .backref import back_reference_records
from .cited import relay_constructions
from .relays import _relays, carry_relays
from .spans import _quote_spans, _to_spans, fill_texts
from .speakers import _Entities, _resolve_descriptions
from ...languages import pack


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
    if _is_english(lang):
        model = cuemodel.load() if cue_model is None else cue_model
        if cue_tagger is None:       # the shipped tagger goes with the shipped cue model only
            cue_tagger = cuetagger.load() if cue_model is None else None
        raw = _english(text, quotes, model, (cue_tagger or None) if model else None)
    else:                            # rules over the text, from the language's pack (generic: none)
        raw = pack(lang).speech.rules(text, quotes, entities)
    raw = _colon_duplicates(text, _merge_light_verbs(text, _dedupe(raw)))
    raw += back_reference_records(text, lang, raw)     # "This information comes from X": the sentence before is X's
    raw += embedded_post_records(text, raw)             # "— Name (@handle) date": the post's line is Name's
    _end_before_own_next_report(text, raw)
    dateline = _dateline_end(text)
    out = [_finish(text, _after_dateline(text, r, dateline), entities, quotes, lang) for r in raw]
    _resolve_descriptions(text, out, entities, dateline)
    _statement_made_by(text, out, entities, lang)
    out = relay_constructions(text, out, entities)
    _coordinated_reports(text, out, lang)
    _relays(out)
    carry_relays(out)
    return out, quotes, skipped


def _statement_made_by(text: str, out: list[dict], entities, lang: str) -> None:
    """ "У КНДР наполягають, що … . Такі повідомлення Пхеньян називає «чутками». Таку заяву зробив представник КНДР
    при ООН X": the reports of the paragraph that statement names, by the body X speaks for (a name inside X's
    phrase), are X's. The pack's ``sources.STATEMENT_MADE_BY`` (the disputes read it too)."""
    rx = pack(lang).sources.STATEMENT_MADE_BY
    for m in rx.finditer(text):
        x = next((r for r in out if m.start() <= r["cue"][0] < m.end() and r.get("actor") and r.get("speaker")
                  and r.get("content") and r["content"][1] <= m.start()), None)
        if x is None:
            continue
        ss, se = x["speaker"]
        whose = {e.attrs["actor"] for e in entities.starting_in(ss, se) if e.end <= se and e.attrs.get("actor")}
        whose.discard(x["actor"])
        lo = text.rfind("\n", 0, x["content"][0]) + 1
        for r in out:
            if r is not x and r.get("actor") in whose and lo <= r["cue"][0] < m.start():
                r["actor"], r["actor_name"], r["reason"] = x["actor"], x["actor_name"], None


def _coordinated_reports(text: str, out: list[dict], lang: str) -> None:
    """ "He pointed to claims by A that …, and to B's statements putting the figure at …": a report joined to a
    reporting verb's object (its content) as a second object is passed on by that verb's speaker too."""
    rx = pack(lang if lang not in ("und", "") else "en").speech.COORDINATED_REPORT
    ends = sorted((o["content"][1], k) for k, o in enumerate(out) if o.get("actor") and o.get("content"))
    keys = [e for e, _ in ends]
    for inner in out:
        sp = inner.get("speaker")
        if not sp or inner.get("relayed_by") is not None:
            continue
        j = bisect.bisect_left(keys, sp[0] - 12)
        while j < len(ends) and ends[j][0] <= sp[0]:
            outer = out[ends[j][1]]
            j += 1
            if outer is not inner and outer.get("actor") != inner.get("actor") \
                    and rx.match(text[outer["content"][1]:sp[0]]):
                inner["relayed_by"] = outer
                break


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
