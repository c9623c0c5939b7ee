"""The stage's output: attribution, cue, speaker and quote spans, with the texts filled in."""

from __future__ import annotations

import bisect
import itertools

from ...model import Span
from .version import STAGE, VERSION


def _to_spans(r: dict) -> list[Span]:
    cs, ce = r["content"]
    sp = r.get("speaker")
    attrs = {"speaker": list(sp) if sp else None, "speaker_text": None, "cue": list(r["cue"]), "cue_text": None,
             "stance": r["stance"], "actor": r["actor"], "actor_name": r["actor_name"],
             "unresolved_reason": r["reason"], "via": r["via"]}
    if r.get("side"):       # an unnamed group kept in its words: the country it is of
        attrs["side"] = r["side"]
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
