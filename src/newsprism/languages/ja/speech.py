"""Japanese speech: report verbs and the rules that find attributions over the text.

``Xは「…」と述べた`` (語った, 明らかにした, との見方を示した …), ``Xは…と伝えた`` (indirect, the content from after
the topic to と), ``Xは…を否定した`` (the object), ``Xによると、…`` and the relay ``Yを引用して``. Each rule returns raw dicts that
``voices.attributions`` finishes.
"""

from __future__ import annotations

import re

from .._text import alternation, clause_start_before, inside_quote, quote_sentences, stance_of, strip_span

# report verb stems (the form before the past ending) -> stance
VERBS = {
    "述べ": "says", "語っ": "says", "語り": "says", "話し": "says", "明らかにし": "says", "伝え": "says",
    "報じ": "says", "説明し": "says", "強調し": "says", "指摘し": "says", "発表し": "says", "見方を示し": "says",
    "考えを示し": "says", "認識を示し": "says", "表明し": "says", "言及し": "says", "付け加え": "says",
    "主張し": "claims", "確認し": "confirms", "認め": "confirms", "否定し": "denies", "否認し": "denies",
    "反論し": "disputes", "批判し": "disputes", "警告し": "warns", "称賛し": "praises", "評価し": "praises",
}

_CUE = re.compile(rf"(」|』)?(?:と|との|とし|などと)(?:[^。、「」]{{0,4}}?)(?P<v>{alternation(VERBS)})")
_OBJECT_CUE = re.compile(r"を(?P<v>否定し|否認し|認め|確認し|批判し|称賛し)")     # "Xは…の関与を否定した"
_ACCORDING = re.compile(r"によると|によれば|の話では")
_CITING = re.compile(r"を引用して|を引用し、|を引用した上で")
_TOPIC = re.compile(r"(?<![でにとへ])は")
_MAX_SPEAKER = 30


def rules(text: str, quotes, entities) -> list[dict]:
    """Japanese reports: Xは「…」と述べた, Xは…と伝えた, Xによると…, Yを引用して."""
    out = []
    for ss, se in quote_sentences(text, quotes):
        m = _ACCORDING.search(text, ss, se)
        if m and not inside_quote(quotes, m.start()):
            sp = _phrase_before(text, ss, m.start())
            if sp:
                out.append({"cue": (m.start(), m.end()), "speaker": sp, "lemma": "によると", "stance": "says",
                            "content": strip_span(text, m.end() + (text[m.end():m.end() + 1] == "、"), se)})
        for v in list(_CUE.finditer(text, ss, se)) + list(_OBJECT_CUE.finditer(text, ss, se)):
            if inside_quote(quotes, v.start()):
                continue
            r = _report(text, ss, se, v, quotes)
            if r is not None:
                out.append(r)
                out += _cited(text, ss, v.start(), r)
    return out


def _report(text, ss, se, v, quotes) -> dict | None:
    quoted = v.re is _CUE and v.group(1)
    mark = v.start() + (1 if quoted else 0)           # where と (or を) starts
    topic = _TOPIC.search(text, ss, mark)
    while topic is not None and inside_quote(quotes, topic.start()):
        topic = _TOPIC.search(text, topic.end(), mark)
    if topic is None:
        return None
    sp = _phrase_before(text, ss, topic.start())
    if sp is None:
        return None
    if quoted:
        q = next(((a, b) for a, b in quotes if b == mark and a >= topic.end()), None)
        if q is None:
            return None
        content = q
    else:
        body = topic.end() + (text[topic.end():topic.end() + 1] == "、")
        cite = _CITING.search(text, body, mark)          # "Xは Yを引用して、…と伝えた": the content follows it
        if cite is not None:
            body = cite.end() + (text[cite.end():cite.end() + 1] == "、")
        content = strip_span(text, _after_adverbial(text, body, mark), mark)
    if content[1] - content[0] < 4:
        return None
    return {"cue": (v.start("v"), v.end("v")), "speaker": sp, "content": content, "lemma": v.group("v"),
            "stance": stance_of(v.group("v"), VERBS)}


def _after_adverbial(text, s, e) -> int:
    """Past a date phrase right after the topic ("4日、"): the content starts after its comma."""
    k = text.find("、", s, e)
    return k + 1 if 0 < k - s <= 6 and any(c.isdigit() for c in text[s:k]) else s


def _phrase_before(text, ss, end) -> tuple[int, int] | None:
    """The phrase before a topic mark or によると: back to the last 、 (outside parentheses) or the sentence start."""
    sp = strip_span(text, clause_start_before(text, ss, end, "、,。"), end)
    return sp if 0 < sp[1] - sp[0] <= _MAX_SPEAKER else None


def _cited(text, ss, end, r) -> list[dict]:
    m = _CITING.search(text, ss, end)
    if not m:
        return []
    sp = _phrase_before(text, r["speaker"][1], m.start())
    if sp is None:
        return []
    start = sp[0] + (text[sp[0]] == "は")
    sp = strip_span(text, start, sp[1])
    return [{"cue": (m.start(), m.end()), "speaker": sp, "content": r["content"], "lemma": "引用",
             "stance": "says"}] if sp[1] > sp[0] else []
