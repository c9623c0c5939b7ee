"""Chinese speech: report verbs and the rules that find attributions over the text.

``X表示，…`` (称, 说, 指出, 认为, 否认 …), ``X对记者说：“…”``, ``据X称，…`` / ``据X报道，…``, ``根据/依照X的判断，…``
and the relay ``X援引Y说，…``; a report whose content opens with another source's estimate (``X对记者说，Y今年4月时估计…``)
holds that source's report, relayed by X. Each rule returns raw dicts that ``voices.attributions`` finishes.
"""

from __future__ import annotations

import re

from .._text import alternation, clause_start_before, inside_quote, quote_sentences, stance_of, strip_span

# report verbs -> stance
VERBS = {
    "表示": "says", "称": "says", "说": "says", "指出": "says", "认为": "says", "透露": "says", "强调": "says",
    "宣布": "says", "报道": "says", "估计": "says", "介绍": "says", "说明": "says", "回应": "says", "补充": "says",
    "表明": "says", "声称": "claims", "坚称": "claims", "证实": "confirms", "承认": "confirms", "确认": "confirms",
    "否认": "denies", "否定": "denies", "驳斥": "disputes", "批评": "disputes", "反驳": "disputes",
    "警告": "warns", "称赞": "praises", "赞扬": "praises",
}

_VERB = re.compile(rf"(?<![据来])(?P<v>{alternation(VERBS)})(?=[，,：:“「])")
_ACCORDING = re.compile(rf"(?:据|根据|依照|按照|依据)(?P<sp>[^，,。：:“「]{{2,40}}?)"
                        rf"(?:的(?:判断|说法|消息|估计|评估|数据|统计|报告)|(?P<v>{alternation(VERBS)})?)[，,：:]")
_CITING = re.compile(r"援引|引述|引用")
# where a speaker phrase ends: time, place and manner words before the verb ("李成权今天在记者会上表示")
_SPEAKER_END = re.compile(r"目前|今天|昨天|今日|昨日|日前|近日|当天|当日|本周|上周|今年|去年|早些时候|此前|随后|曾|在|对|向|也|则|还|又|"
                          r"已|再次|周[一二三四五六日]|\d+日")
# an estimate that opens a report's content: "国家情报院今年4月时估计…" (no punctuation after the verb)
_ESTIMATE = re.compile(r"(?P<sp>[^，,。：:“「」”\s]{2,15}?)(?P<v>评估认为|估计|评估|判断|认为|预计)")
_LEADING = re.compile(r"^(?:而|但|但是|并|且|此外|另外|同时|不过)")
_MAX_SPEAKER = 40


_PRONOUNS = ("他们", "她们", "他", "她")


def rules(text: str, quotes, entities) -> list[dict]:
    """Chinese reports: X表示，…; 据X称，…; 依照X的判断，…; X援引Y说，…; 他表示 takes the last named speaker."""
    out = []
    for ss, se in quote_sentences(text, quotes):
        taken = []
        for m in _ACCORDING.finditer(text, ss, se):
            if inside_quote(quotes, m.start()):
                continue
            sp = _trimmed(text, m.start("sp"), m.end("sp"))
            out.append({"cue": (m.start(), m.start("sp")), "speaker": sp, "content": strip_span(text, m.end(), se),
                        "lemma": "据", "stance": stance_of(m.group("v") or "称", VERBS)})
            taken.append((m.start(), m.end()))
        for v in _VERB.finditer(text, ss, se):
            if inside_quote(quotes, v.start()) or any(a <= v.start() < b for a, b in taken):
                continue
            found = _report(text, ss, se, v, quotes, out)
            out += found + [r for f in found[:1] for r in _estimate_inside(text, f)]
    return out


def _trimmed(text, s, e) -> tuple[int, int]:
    """A speaker phrase cut before a time or place word ("国家情报院目前" -> 国家情报院)."""
    m = next((m for m in _SPEAKER_END.finditer(text, s + 2, e) if not _inside_parens(text, s, m.start())), None)
    return strip_span(text, s, m.start() if m else e)


def _estimate_inside(text, outer) -> list[dict]:
    """ "李成权对记者说，国家情报院今年4月时估计…": the content opens with another source's estimate; that source said
    it, the outer speaker relays it."""
    cs, ce = outer["content"]
    m = _ESTIMATE.match(text, cs, ce)
    if m is None or _CITING.search(m.group("sp")) or _ACCORDING.match(text, cs, ce) \
            or text[m.end():m.end() + 1] in ("，", ",", "：", ":", "“", "「"):
        return []           # "据X…" and "X认为，…" are reports of their own (the rules above)
    sp = _trimmed(text, m.start("sp"), m.end("sp"))
    if sp[1] - sp[0] < 2 or text[sp[0]:sp[1]] in _PRONOUNS or ce - m.end() < 4:
        return []
    return [{"cue": (m.start("v"), m.end("v")), "speaker": sp, "content": strip_span(text, m.end(), ce),
             "lemma": m.group("v"), "stance": "says", "relayed_by": outer}]


def _report(text, ss, se, v, quotes, out) -> list[dict]:
    sp = _speaker(text, ss, v.start())
    if sp is None:
        sp = _pronoun(text, ss, v.start(), out)
    if sp is None:
        return []
    cs = v.end() + 1
    q = next(((a, b) for a, b in quotes if a >= v.end() and not text[v.end():a].strip("，,：: ")), None)
    content = q if q and q[1] >= len(text[:se].rstrip("。 \n")) - 1 else strip_span(text, cs, se)
    if content[1] - content[0] < 4:
        return []
    r = {"cue": (v.start(), v.end()), "speaker": sp, "content": content, "lemma": v.group("v"),
         "stance": stance_of(v.group("v"), VERBS)}
    c = _CITING.search(text, sp[0], sp[1])
    if c is None:
        return [r]
    cited = strip_span(text, c.end(), sp[1])
    cited = (cited[0], cited[1] - 2) if text.endswith("的话", cited[0], cited[1]) else cited
    r["speaker"] = strip_span(text, sp[0], c.start())
    out = [r]
    if cited[1] > cited[0]:
        out.append({"cue": (c.start(), c.end()), "speaker": cited, "content": content, "lemma": "援引",
                    "stance": "says"})
    return out


def _pronoun(text, ss, vs, out) -> tuple[int, int] | None:
    """ "他表示，…": a pronoun right before the verb, at the start of its clause, stands for the last speaker."""
    k = max(text.rfind(c, ss, vs) for c in "，,。；;") + 1
    k = max(k, ss)
    if text[k:vs].strip() not in _PRONOUNS or not out:
        return None
    return out[-1]["speaker"]


def _speaker(text, ss, vs) -> tuple[int, int] | None:
    """The phrase before a verb: back to the last comma outside parentheses, cut at a time or place word."""
    s = clause_start_before(text, ss, vs, "，,。；;：:")
    while s < vs and text[s] in " \u3000\n":
        s += 1
    if text[s:s + 1] in ("（", "(") and ")" not in text[s:vs] and "）" in text[s:vs]:
        s = text.index("）", s) + 1               # a dateline "（法新社首尔2日电）" before the sentence
    lead = _LEADING.match(text[s:vs].lstrip())
    if lead:
        s += len(text[s:vs]) - len(text[s:vs].lstrip()) + lead.end()
    e = vs
    for m in _SPEAKER_END.finditer(text, s + 2, vs):
        if not _inside_parens(text, s, m.start()):
            e = m.start()
            break
    sp = strip_span(text, s, e)
    return sp if 2 <= sp[1] - sp[0] <= _MAX_SPEAKER else None


def _inside_parens(text, s, i) -> bool:
    seg = text[s:i]
    return seg.count("（") + seg.count("(") > seg.count("）") + seg.count(")")
