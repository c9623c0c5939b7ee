"""A sentence that says where the statement before it comes from ("This information comes from the General
Staff", "Такие данные приводит X"): the sentence before is that source's report.

The construction is the language pack's ``sources.BACK_REFERENCE`` (the one the claims stage reads for the
figures' sources); here it gives an attribution whose speaker is the source the sentence names, its cue the
words before that name, and its content the sentence before. Not when the sentence names whom the source
cites (a relay the claims stage reads), the sentence before already has a report of its own, or the language's
rules already read the sentence as a report.
"""

from __future__ import annotations

import re

from ...languages import pack

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’»]?|$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            out.append((s, e))
    return out


def back_reference_records(text: str, lang: str, raw: list[dict]) -> list[dict]:
    """Raw attribution records for the back-reference sentences of ``text`` (see the module)."""
    rx = pack(lang).sources.BACK_REFERENCE
    if not rx.pattern or rx.pattern == "(?!)":
        return []
    sents = _sentences(text)
    out = []
    for (ps, pe), (s, e) in zip(sents, sents[1:]):
        m = rx.match(text[s:e])
        if not m:
            continue
        groups = m.groupdict()
        key = "source" if groups.get("source") else "source2" if groups.get("source2") else None
        if key is None or any(groups.get(k) for k in ("cited", "relayer", "relayer2")):
            continue
        if any(ps <= r["cue"][0] < e for r in raw):
            continue        # the sentence before reports on its own (its speaker stays), or the rules read this one
        ss, se = s + m.start(key), s + m.end(key)
        # the cue: the sentence's words before the source, less an article ("This information comes from")
        words = text[s:ss].rstrip()
        articles = {a.lower() for a in pack(lang).sources.ARTICLES}
        while words.split() and words.split()[-1].lower() in articles:
            words = words[:len(words) - len(words.split()[-1])].rstrip()
        if not words:
            continue
        cs, ce = ps, pe
        while ce > cs and text[ce - 1] in ".!?;: \n":
            ce -= 1
        out.append({"cue": (s, s + len(words)), "speaker": (ss, se), "content": (cs, ce),
                    "lemma": words.split()[-1].lower(), "stance": "says", "_path": "back-reference",
                    "whole_phrase": True})     # "General Staff of Ukraine's Armed Forces" is not the forces
    return out
