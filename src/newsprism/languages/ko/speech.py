"""Korean speech: report verbs and the rules that find attributions over the text.

``X에 따르면``, ``“…”라고 밝혔다``, ``…다고 주장했다``, a sentence-initial topic ``X은/는`` as speaker, and a
title line ``국정원 "…"``. Each rule returns raw dicts that ``voices.attributions`` finishes.
"""

from __future__ import annotations

import re

from ...model import Span
from .._text import sentences as _sentences, strip_span

# report verb stems -> stance
VERBS = {
    "밝혔": "says", "말했": "says", "전했": "says", "설명했": "says", "보도했": "says", "덧붙였": "says",
    "강조했": "says", "주장했": "claims", "확인했": "confirms", "부인했": "denies", "반박했": "disputes",
    "경고했": "warns", "칭찬했": "praises", "치하했": "praises", "발표했": "says", "지적했": "says",
}

_KO_ACCORDING = re.compile(r"(\S+(?: \S+){0,3}?)(?:에 따르면|의 말에 따르면|에 의하면)")
# a quotative ending, an optional subject word ("…다고 국정원이 밝혔다"), a report verb; the verb's own ending is
# not consumed, so "…라고 칭찬했다고 보도했다" yields both reports

_KO_QUOTE_CUE = re.compile(r"(라고|다고|라며|고)\s*(?:(\S+?)(?:께서|이|가|은|는)\s+)?(" + "|".join(VERBS)
                           + r")[^\s.!?。고]*")

_KO_WORD = re.compile(r"\S+")

_KO_TOPIC_MARKS = ("께서는", "께서", "은", "는")


def rules(text: str, quotes, entities: list[Span]) -> list[dict]:
    """Korean reports: X에 따르면 …, “…”라고 밝혔다, …다고 주장했다, a title 국정원 "…"."""
    out = _title_ko(text, quotes, entities)
    for ss, se in _sentences(text):
        sent = text[ss:se]
        m = _KO_ACCORDING.search(sent)
        if m:
            out.append({"cue": (ss + m.end(1), ss + m.end()), "speaker": (ss + m.start(1), ss + m.end(1)),
                        "content": strip_span(text, ss + m.end(), se), "lemma": "에 따르면", "stance": "says"})
            continue
        cues = list(_KO_QUOTE_CUE.finditer(sent))
        topic = _ko_topic(text, ss, se, entities) if cues else None
        body = topic[2] if topic else ss        # the clause after a sentence-initial topic "X은/는"
        for k, v in enumerate(cues):
            cue = (ss + v.start(3), ss + v.end())
            mark = ss + v.start(1)
            q = next(((a, b) for a, b in quotes if ss <= a and b <= mark), None)
            # "…파병됐다고": the content keeps the final 다 of the quoted clause
            # a subject before the verb ("…다고 외무성이 밝혔다") leaves the sentence-initial topic to the clause
            start = ss if v.group(2) else body
            content = q or strip_span(text, start, mark + (1 if v.group(1) == "다고" else 0))
            r = {"cue": cue, "speaker": None, "content": content, "lemma": v.group(3),
                 "stance": VERBS.get(v.group(3), "says")}
            if v.group(2):                          # "…다고 국정원이 밝혔다": the subject between quote and verb
                r["speaker"] = (ss + v.start(2), ss + v.end(2))
            elif topic and k == len(cues) - 1 and topic[1] <= content[0]:
                r["speaker"] = (topic[0], topic[1])   # "조선중앙통신은 …고 보도했다"
            else:                                   # an inner report: "김정은 위원장이 …라고 칭찬했다고 보도했다"
                r["speaker_search"] = (body if k < len(cues) - 1 else ss, mark)
            out.append(r)
    return out


def _ko_topic(text: str, ss: int, se: int, entities: list[Span]) -> tuple[int, int, int] | None:
    """A sentence-initial topic "X은/는" within the first four words: (start, end of X, start of what follows).
    A word inside an entity is a name, not a particle ("김정은 국무위원장은": the topic is both words)."""
    names = [(e.start, e.end) for e in entities if ss <= e.start < se]
    words = [w.span() for _, w in zip(range(5), _KO_WORD.finditer(text, ss, se))]
    for k, (a, b) in enumerate(words[:4]):
        mark = next((m for m in _KO_TOPIC_MARKS if text.endswith(m, a, b) and b - len(m) > a), None)
        if mark and not any(x <= a and b <= y for x, y in names):
            return words[0][0], b - len(mark), words[k + 1][0] if k + 1 < len(words) else b
    return None


# -- title lines
_KO_TITLE = re.compile(r"(\S+(?: \S+){0,2}) +(?=[\"“‘'])")


def _title_ko(text: str, quotes, entities: list[Span]) -> list[dict]:
    """A first line 국정원 "北 1만명 파병": the named source (an entity) said the quote that follows it."""
    m = _KO_TITLE.match(text)
    if not m or "\n" in m.group(0):
        return []
    q = next(((a, b) for a, b in quotes if a == m.end()), None)
    if q is None or "\n" in text[q[0]:q[1]]:
        return []
    if _KO_QUOTE_CUE.match(text, q[1]):
        return []          # '국정원은 "…"고 밝혔다.': a sentence with its own cue (the rules below), not a title
    if not any(e.end <= m.end(1) for e in entities):
        return []
    return [{"cue": (q[0], q[0] + 1), "speaker": (0, m.end(1)), "content": q, "lemma": "밝혔", "stance": "says"}]
