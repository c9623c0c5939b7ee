"""Korean speech: report verbs and the rules that find attributions over the text.

Constructions, each a rule below; every rule returns raw dicts that ``voices.attributions`` finishes:

* ``X에 따르면 …`` (and ``X의 말에 따르면``, ``X에 의하면``): X said the rest of the sentence; a report inside it
  ("연합뉴스에 따르면 국정원은 …고 밝혔다") is the inner speaker's, relayed by X;
* a quotative ending and a report verb: ``"…"고 밝혔다``, ``…다고 주장했다``, ``…라고도 말했다``, with words between
  them (``…다고 오늘 보도했다``) and the source as their subject (``…다고 이 의원은 설명했다``);
* quotes chained by ``며``/``면서`` before one verb (``"…"며 "…"고 말했다``): each quote is the speaker's;
* ``"…"며`` / ``…다며`` before a predicate that is no report verb (``…며 자신감을 보였다``): the quote is the topic's;
* an estimate: ``…것으로 분석했다``, ``…것으로 (X은) 보고 있다``;
* a denial of an object: ``X는 파병설을 부인했다``; a content that says ``사실이 아니다`` is a denial whatever its verb;
* a relay: ``X는 Y를 인용해 …고 보도했다`` (Y said the clause, relayed by X), and ``X는 "…"며 Y의 전언을 소개했다``
  (the quote is Y's account, passed on by X);
* a broadcast transcript ``[X : "…"]`` and a title line ``…국정원 "…"``.

The speaker of a report is, in order: the subject between the quoted clause and its verb, the sentence's topic
``X은/는``, the subject just before a quote (``국정원이 '…'고 답했다``), the previous sentence's speaker when the
sentence names none (``또 "…"고 밝혔다``: the same speaker goes on), else the nearest named entity before it.
Vague sources keep their own words (``정보 당국``, ``군 관계자``): the speaker phrase is what the text says.
"""

from __future__ import annotations

import re

from ...model import Span
from .._text import sentences as _sentences, strip_span

# report verb stems (the past form) -> stance; ``_verb_forms`` adds the other endings (밝혀, 밝힌, 밝히며)
VERBS = {
    "밝혔": "says", "말했": "says", "전했": "says", "설명했": "says", "보도했": "says", "덧붙였": "says",
    "강조했": "says", "주장했": "claims", "확인했": "confirms", "부인했": "denies", "반박했": "disputes",
    "경고했": "warns", "칭찬했": "praises", "치하했": "praises", "발표했": "says", "지적했": "says",
    "보고했": "says", "진단했": "says", "알렸": "says", "답했": "says", "답변했": "says", "역설했": "says",
    "언급했": "says", "분석했": "says", "추정했": "says", "추산했": "says", "파악했": "says", "판단했": "says",
    "평가했": "says", "전망했": "says", "내다봤": "says", "관측했": "says", "예상했": "says", "공개했": "says",
    "시사했": "says", "부연했": "says", "증언했": "says", "귀띔했": "says", "털어놨": "says", "내놨": "says",
    "일축했": "denies", "부정했": "denies", "반발했": "disputes", "비판했": "disputes", "비난했": "disputes",
    "우려했": "warns", "촉구했": "says", "요구했": "says", "해명했": "says", "공언했": "claims",
}

# the last syllable of a past stem -> its other endings: 했 해 한 하(며), 혔 혀 힌 히, 였 여 인 이, 렸 려 린 리 …
_ENDINGS = {"했": "했해한하", "혔": "혔혀힌히", "였": "였여인이", "렸": "렸려린리", "봤": "봤봐본보", "놨": "놨놔논놓"}


def _verb_forms(stem: str) -> str:
    alts = _ENDINGS.get(stem[-1])
    return re.escape(stem[:-1]) + (f"[{alts}]" if alts else re.escape(stem[-1]))


# a passive after the form ("밝혀졌다", "전해진") is no report by anyone
_VERB = "(?:" + "|".join(_verb_forms(s) for s in sorted(VERBS, key=len, reverse=True)) + \
    ")(?:(?<=[혀해려여봐놔])(?![졌진지져집질])|(?<![혀해려여봐놔]))"
# "…고 했다", "…다고 한다": the plain verb of saying, only right after the quotative
_PLAIN_SAY = r"(?:했(?=다|습|으|지|고)|한다|합니다)"
_Q = "\"“”'‘’"
# a word between the quotative and its verb: no quote, and no predicate of its own (…다, …고, …며, …서, …면, a comma)
_BETWEEN = rf"(?:\s+[^\s{_Q}]*[^\s{_Q}다고며서면,.]){{0,10}}?"
_QUOTATIVE = re.compile(
    rf"(?P<mark>(?:이)?(?:라고|다고|냐고|자고)|(?<=[{_Q}])(?:이)?고)(?P<also>도|는)?"
    rf"(?P<between>{_BETWEEN})\s*(?:(?<=\s)(?P<verb>{_VERB})|(?<=고 |도 |는 )(?P<plain>{_PLAIN_SAY}))")
_ESTIMATE = re.compile(rf"(?P<mark>\s것으로)(?P<between>{_BETWEEN.replace('{0,10}', '{0,4}')})\s+"
                       rf"(?P<verb>보고\s?있|{_VERB})")
_DENIAL = re.compile(rf"(?P<mark>(?:을|를))(?P<between>{_BETWEEN.replace('{0,10}', '{0,2}')})\s+"
                     r"(?P<verb>(?:부인|반박|일축|부정)[했한하해])")
_CITING = re.compile(r"(?:을|를)\s+(?P<verb>인용(?:해서|해|하여|하며|한))")
# "…"며", "…다며": a quote or clause the speaker says, before a predicate that is none of the report verbs
_WHILE = re.compile(rf"(?:(?<=[{_Q}])(?:이)?(?:라며|라면서|며|면서)|(?:다|라)(?:며|면서))(?=[\s,])")
# "무기는 220여 문으로 추정되며": the topic is what an estimate is about, not who estimates
_PASSIVE = re.compile(r"(?:추정|추산|파악|분석|판단|평가|예상|전망|관측|집계)(?:되며|되고|됐으며|됐고|돼|된다며|되지만),?\s")
_CHAIN = re.compile(r"\s*(?:이)?(?:라)?(?:며|면서)\s*,?\s*")
_DENIES = re.compile(r"사실(?:이|과)\s*(?:아니|다르|달라)|사실무근|허위|거짓")

_KO_ACCORDING = re.compile(r"(\S+(?: \S+){0,3}?)(?:에 따르면|의 말에 따르면|에 의하면)")
_KO_WORD = re.compile(r"\S+")
_KO_TOPIC_MARKS = ("께서는", "께서", "은", "는")
_CLAUSE_NEUN = re.compile(r"(?:다는|라는|하는|되는|있는|없는|않는)$")
# an adverbial case particle before 는 ("물음에는", "회의에서는", "기자에게는"): a place, time or addressee set
# off as the frame, no speaker
_ADVERBIAL_NEUN = re.compile(r"(?:에|에서|에게|한테|으로)는$")
_KO_SUBJECT_MARKS = ("께서는", "께서", "은", "는", "이", "가")


# quotes chained in one report ('"…"며 "…"했다고 보도했다'): between and after them only the connective
# (이)라며/며/면서, the quotative (이)라고/고 and the light verb 했다/하며/하고
QUOTE_JOINERS = re.compile(r"(?:이)?(?:라며|라면서|며|면서|라고|고)?\s*,?\s*(?:했다|했고|했으며|하며|하고|했)?(?:고|며)?")
# a single-quoted phrase of three words or more inside reported speech is the speaker's words condensed by the
# writer ('국방부가 '검토할 수도 있다'고 답했다'); one or two quoted words are a name or a term ('‘시민공원’으로')
CONDENSED_QUOTE = re.compile(r"(?<![A-Za-z0-9])['‘][^'‘’\s\n]+(?:\s+[^'‘’\s\n]+){2,40}['’]")


def rules(text: str, quotes, entities: list[Span]) -> list[dict]:
    """Korean reports (the constructions of the module docstring), in text order."""
    quotes = _line_quotes(text, quotes)
    out = _title_ko(text, quotes, entities) + _transcripts(text, quotes)
    last = None                 # the speaker span of the previous sentence's last report
    for ss, se in _sentences(text):
        found = _sentence(text, ss, se, quotes, entities, last)
        out += found
        named = [r["speaker"] for r in found if r.get("speaker")]
        last = named[-1] if named else None
    _outlet_back_references(text, out)
    return out


# a bare generic word for a news outlet: "매체는", "이 매체는", "해당 통신은" stand for the last outlet named
_BARE_OUTLET = re.compile(r"^(?:이|그|해당|같은)?\s*(?:매체|언론|통신|통신사|방송|방송사|신문|외신)(?:은|는|이|가|도)?$")
_OUTLET_WORD = re.compile(r"매체|언론|통신|방송|신문|외신|뉴스|일보|타임스|포스트|저널")


def _outlet_back_references(text: str, out: list[dict]) -> None:
    """ "우크라이나 언론 RBC 우크라이나는 …고 보도했다. 매체는 …고 덧붙였다": the bare outlet word is the outlet the
    text named last as a speaker (a phrase with an outlet word that is more than the bare word)."""
    prev = []
    for r in sorted(out, key=lambda r: r["cue"][0]):
        sp = r.get("speaker")
        if not sp:
            continue
        words = text[sp[0]:sp[1]].strip()
        if _BARE_OUTLET.match(words):
            if prev:
                r["speaker"] = prev[-1]
            continue
        if _OUTLET_WORD.search(words):
            prev.append(sp)


def _line_quotes(text: str, quotes) -> list[tuple[int, int]]:
    """The quotes, but a straight mark left open on its line (a title 국정원 "… cut short) that the quote finder
    closed with a later line's opening mark “ gives way to the quote that opening mark starts."""
    out = []
    for a, b in quotes:
        if text[b - 1] == "“" and "\n" in text[a:b]:
            eol = text.find("\n", b)
            close = text.find("”", b, eol if eol >= 0 else len(text))
            if close < 0:
                continue
            a, b = b - 1, close + 1
        out.append((a, b))
    return out


def _sentence(text: str, ss: int, se: int, quotes, entities, last) -> list[dict]:
    out = []
    start = ss
    m = _KO_ACCORDING.search(text, ss, se)
    if m:
        out.append({"cue": (m.end(1), m.end()), "speaker": m.span(1), "content": strip_span(text, m.end(), se),
                    "lemma": "에 따르면", "stance": "says"})
        start = strip_span(text, m.end(), se)[0]
    cues = _cues(text, start, se, inner=bool(m))
    if not cues:
        return out
    topic = _ko_topic(text, start, se, entities)
    passive = bool(topic and _PASSIVE.search(text, topic[2], cues[-1].start()))
    if passive:
        topic = None      # "무기는 220여 문으로 추정되며, …고 전망했다": the topic is the passive clause's own
    body = topic[2] if topic else start     # the clause after a topic "X은/는"
    for k, v in enumerate(cues):
        out += _reports(text, ss, se, v, k == len(cues) - 1, (topic, body, last, passive), quotes, entities)
    out += _citing(text, body, se, cues, out)
    out += _passed_on(text, body, se, out)
    return out + _inner_reports(text, out, topic)


# "…"며 Y의 전언을 소개했다 / 전했다: the quote is Y's account, which the sentence's speaker passes on
_ACCOUNT = re.compile(r"(?<=[\s,])(?P<src>[^\s\"“”'‘’,.]+(?:\s[^\s\"“”'‘’,.]+){0,3}?)의\s+"
                      r"(?P<cue>(?:전언|증언|말|주장|발언|설명)(?:을|를))\s+(?:소개|전)(?:했|하며|하면서|한)")


def _passed_on(text: str, body: int, se: int, found: list[dict]) -> list[dict]:
    """ "자유아시아방송은 "…"며 현지 소식통의 전언을 소개했다": the quote before ``며`` is the source's account (Y의
    전언), the topic only passes it on: Y said it, relayed by the topic's report (``relayed_by``)."""
    out = []
    for m in _ACCOUNT.finditer(text, body, se):
        outer = next((r for r in found if r.get("speaker") and r["content"][1] <= m.start()
                      and not text[r["content"][1]:m.start()].strip(" ,\"”’'이라며면서")), None)
        if outer is None:
            continue
        out.append({"cue": m.span("cue"), "speaker": m.span("src"), "content": outer["content"], "lemma": "전언",
                    "stance": "says", "relayed_by": outer})
    return out


_ENDS_IN_REPORT = re.compile(rf"(?P<verb>{_VERB})다$")


def _inner_reports(text: str, found: list[dict], topic) -> list[dict]:
    """ "국정원은 … 이 같은 내용을 보고했다고 이 의원이 전했다": the topic's own report (its verb ends the clause the
    outer speaker passes on) is the topic's, relayed by the outer speaker (its cue lies in the outer content)."""
    out = []
    for r in found:
        c0, c1 = r["content"]
        m = _ENDS_IN_REPORT.search(text, c0, c1)
        if not (topic and m and c0 <= topic[0] and topic[2] < m.start() and r.get("speaker")
                and r["speaker"][0] >= c1):
            continue
        lemma = _stem(m.group("verb"))
        out.append({"cue": m.span("verb"), "speaker": (topic[0], topic[1]),
                    "content": strip_span(text, topic[2], m.start()), "lemma": lemma,
                    "stance": VERBS.get(lemma, "says")})
    return out


def _cues(text: str, ss: int, se: int, inner: bool) -> list[re.Match]:
    """The report cues of a sentence (from ``ss``) in order; inside "X에 따르면" only true report verbs (a
    plain "…다고 한다" there is X's report, told again)."""
    found = [v for pat in (_QUOTATIVE, _ESTIMATE, _DENIAL) for v in pat.finditer(text, ss, se)]
    if inner:
        found = [v for v in found if not ("plain" in v.re.groupindex and v.group("plain"))]
    found.sort(key=lambda v: v.start())
    kept = []
    for v in found:          # one cue per verb ("…것으로 분석했다" is no quotative as well)
        if not any(_verb_span(v) == _verb_span(o) for o in kept):
            kept.append(v)
    ends = [_verb_span(v)[0] for v in kept]
    for w in _WHILE.finditer(text, ss, se):   # "…"며 [no report verb]": only when no cue follows in the sentence
        if not any(e > w.start() for e in ends) and text[_next_nonspace(text, w.end())] not in _Q:
            kept.append(w)
    return kept


def _next_nonspace(text: str, i: int) -> int:
    while i < len(text) and text[i] in " ,":
        i += 1
    return i


def _verb_span(v: re.Match) -> tuple[int, int]:
    gi = v.re.groupindex
    for g in ("verb", "plain"):
        if g in gi and v.group(g):
            return v.span(g)
    return v.span()


def _stem(verb: str) -> str:
    verb = verb.replace(" ", "")
    if verb.startswith("보고있"):
        return "보고 있"
    return next((s for s in sorted(VERBS, key=len, reverse=True) if verb.startswith(s[:-1]) and len(s) > 1), verb)


def _reports(text, ss, se, v: re.Match, final: bool, ctx, quotes, entities) -> list[dict]:
    """The attribution(s) of one cue: one per quote of a chain ("…"며 "…"고), else one for the clause."""
    topic, body, last, passive = ctx
    gi = v.re.groupindex
    cue = _verb_span(v)
    if cue != v.span():          # the cue is the verb's whole word, short of a quotative 고 ("보도했다고")
        cue = (cue[0], re.compile(r"[^\s.!?。고,]*").match(text, cue[1]).end())
    if "verb" in gi and (v.group("verb") or "").startswith("인용"):
        return []
    mark = v.start("mark") if "mark" in gi else v.start()
    if "mark" in gi and v.group("mark").startswith(" "):
        mark += 1                                   # " 것으로": the content stops before the word
    lemma = _stem(text[cue[0]:cue[1]]) if _verb_span(v) != v.span() else text[v.start():v.end()]
    stance = VERBS.get(lemma, "says")
    contents = _quote_chain(text, quotes, ss, mark)
    subject = _subject_between(text, v) if "between" in gi else None
    if not contents:
        start = ss if subject else body
        if v.re is _DENIAL:                          # "파병설을 부인했다": what is denied is the object
            start = _object_start(text, body, mark)
        # "…파병됐다고": the clause keeps its final 다; "…사실이 아니라고": its 아니라
        end = mark + (1 if text.startswith("다", mark) or (text.startswith("라", mark) and text.endswith("아니", 0, mark))
                      else 0)
        contents = [strip_span(text, start, end)]
    out = []
    for content in contents:
        if content[1] <= content[0]:
            continue
        r = {"cue": cue, "speaker": None, "content": content, "lemma": lemma,
             "stance": "denies" if _DENIES.search(text, *content) and stance == "says" else stance}
        ctx = (final or v.re is _ESTIMATE, topic, last, passive or ("also" in gi and v.group("also") == "도"))
        r["speaker"] = subject or _speaker(text, ss, contents, ctx)
        if r["speaker"] is None:
            r["speaker_search"] = (body if not final else ss, content[0] if text[content[0]] in _Q else mark)
        out.append(r)
    return out


_PRONOUNS = {"그", "그녀", "이들", "그들"}
_GOING_ON = re.compile(r"(?:또|또한|이어|이어서|아울러|그러면서|그러나|다만|특히)\s")


def _speaker(text, ss, contents, ctx):
    """The topic, the subject right before a quote, the previous sentence's speaker when this one names none,
    or a sentence-initial subject "X이/가" (see the docstring); None leaves it to the nearest entity."""
    final, topic, last, also = ctx
    first = contents[0][0]
    if topic and topic[1] <= first and final:
        if last and text[topic[0]:topic[1]] in _PRONOUNS:
            return last                             # "그는 …라고도 말했다": he, the previous speaker
        return (topic[0], topic[1])                 # "조선중앙통신은 …고 보도했다"
    before = _subject_before(text, ss, first)
    if before:
        return before                               # "국정원이 '…'고 답했다"
    if not final or topic:
        return None                                 # an inner report: "김정은 위원장이 …라고 칭찬했다고 보도했다"
    quoted = text[first] in _Q and not _has_subject(text, ss, first)
    if last and (quoted or also or _GOING_ON.match(text, ss)):
        return last                                 # "또 "…"고 밝혔다", "…라고도 말했다": the speaker goes on
    words = list(_KO_WORD.finditer(text, ss, first if text[first] in _Q else contents[-1][1]))[:3]
    w = next((w for w in words if w.group().endswith(("이", "가")) and len(w.group()) > 1
              and not any(c in w.group() for c in _Q)), None)
    return (ss, w.end() - 1) if w else None         # "우크라이나 매체가 …고 보도했다"


def _quote_chain(text: str, quotes, ss: int, mark: int) -> list[tuple[int, int]]:
    """The quote that ends right before ``mark`` (``"…"고``, ``"…"이라고``) and those chained before it by
    ``며``/``면서``; [] when the clause is no quote."""
    q = next(((a, b) for a, b in quotes if ss <= a and b <= mark and re.fullmatch(r"(?:이)?", text[b:mark])), None)
    if q is None and mark > ss and text[mark - 1] == "'":
        a = text.rfind("'", ss, mark - 1)         # a straight single quote ('필요할 수도 있다'고), not paired
        q = (a, mark) if a >= 0 and (a == ss or not text[a - 1].isalnum()) else None   # by the quote finder
    if q is None:
        return []
    chain = [q]
    while True:
        prev = next(((a, b) for a, b in quotes if ss <= a and b <= chain[0][0]
                     and _CHAIN.fullmatch(text, b, chain[0][0])), None)
        if prev is None:
            return chain
        chain.insert(0, prev)


def _subject_between(text: str, v: re.Match) -> tuple[int, int] | None:
    """ "…다고 국민의힘 이성권 의원이 회의 직후 전했다": the last word with a subject particle between the quotative
    and the verb ends the speaker phrase, which starts at the first word after the quotative."""
    s, e = v.span("between")
    words = list(_KO_WORD.finditer(text, s, e))
    for w in reversed(words):
        mark = next((m for m in _KO_SUBJECT_MARKS if w.group().endswith(m) and len(w.group()) > len(m)), None)
        if mark:
            return (words[0].start(), w.end() - len(mark))
    return None


def _subject_before(text: str, ss: int, at: int) -> tuple[int, int] | None:
    """ "국정원이 '필요할 수도 있다'고": a word with a subject particle right before the quote at ``at``, with up
    to two words of its phrase before it (words with no particle of their own)."""
    if at <= ss or text[at] not in _Q:
        return None
    words = list(_KO_WORD.finditer(text, ss, at))
    if not words or words[-1].end() != at - (1 if text[at - 1] == " " else 0):
        return None
    w = words[-1].group()
    mark = next((m for m in _KO_SUBJECT_MARKS if w.endswith(m) and len(w) > len(m)), None)
    if not mark:
        return None
    first = len(words) - 1
    while first > 0 and len(words) - first < 3 and not re.search(r"[은는이가을를에도의,]$|서$", words[first - 1].group()):
        first -= 1
    return (words[first].start(), words[-1].end() - len(mark))


_PREDICATE_END = re.compile(r"(?:다|고|며|서|면|거나|지만|는데|다는|라는|던)[,.]?$")


def _has_subject(text: str, ss: int, at: int) -> bool:
    """Whether a word before ``at`` carries a subject particle of the sentence's own (one a later predicate
    closes belongs to that clause: "9명이 전사했다는 점을 거론하면서 "…"" names no speaker)."""
    subject = False
    for w in _KO_WORD.finditer(text, ss, at):
        word = w.group()
        if _PREDICATE_END.search(word):
            subject = False
        elif word.endswith(("은", "는", "이", "가", "께서")) and len(word) > 1:
            subject = True
    return subject


def _object_start(text: str, body: int, mark: int) -> int:
    """The start of the object phrase before ``을/를``: up to three words back, not past a particle word."""
    words = list(_KO_WORD.finditer(text, body, mark + 1))
    first = len(words) - 1
    while first > 0 and len(words) - first < 4 and not re.search(r"[은는이가을를에도,]$", words[first - 1].group()):
        first -= 1
    return words[first].start() if words else body


def _citing(text: str, body: int, se: int, cues, found: list[dict]) -> list[dict]:
    """ "로이터통신은 정부 관계자를 인용해 …고 보도했다": the cited source said the clause; the reporting outlet's
    own attribution holds this cue in its content, so the relay is recorded (``via``)."""
    out = []
    for m in _CITING.finditer(text, body, se):
        outer = next((r for r in found if r["cue"][0] > m.end() and r["content"][0] <= m.start()), None)
        if outer is None:
            continue
        src = _object_start(text, body, m.start())
        content = strip_span(text, m.end(), outer["content"][1])
        if content[1] > content[0] and src < m.start():
            out.append({"cue": m.span("verb"), "speaker": (src, m.start()), "content": content,
                        "lemma": "인용", "stance": "says"})
    return out


def _ko_topic(text: str, ss: int, se: int, entities: list[Span]) -> tuple[int, int, int] | None:
    """A sentence-initial topic "X은/는" (or a name with 도) within the first six words: (start, end of X, start of what follows).
    A word inside an entity is a name, not a particle ("김정은 국무위원장은": the topic is both words)."""
    names = [(e.start, e.end) for e in entities if ss <= e.start < se]
    words = [w.span() for _, w in zip(range(7), _KO_WORD.finditer(text, ss, se))]
    for k, (a, b) in enumerate(words[:6]):
        if any(c in text[a:b] for c in _Q):
            return None                             # a quote starts before any topic
        mark = next((m for m in _KO_TOPIC_MARKS if text.endswith(m, a, b) and b - len(m) > a), None)
        if mark and (_CLAUSE_NEUN.search(text, a, b) or _ADVERBIAL_NEUN.search(text, a, b)
                     or (mark == "는" and k and re.search(r"[을를]$", text[words[k - 1][0]:words[k - 1][1]]))):
            continue        # "전사했다는", "있는": a clause's ending; "물음에는": a frame; "병력을 묻는": a verb
        if mark is None and text.endswith("도", a, b) and any(y == b - 1 for x, y in names):
            mark = "도"                              # "국가정보원도 …다고 밝혔다": a name with "also"
        if mark and not any(x <= a and b <= y for x, y in names):
            return words[0][0], b - len(mark), words[k + 1][0] if k + 1 < len(words) else b
    return None


# -- broadcast transcripts and title lines
_TRANSCRIPT = re.compile(r"\[([^\]\n:\[]{2,60}?)\s*:\s*(?=[\"“])")


def _transcripts(text: str, quotes) -> list[dict]:
    """ "[젤렌스키 우크라이나 대통령 : "…"]": the bracketed speaker said the quote after the colon (to the line's
    end when the excerpt breaks off inside it)."""
    out = []
    for m in _TRANSCRIPT.finditer(text):
        content = _quote_or_line(text, quotes, m.end())
        if content:
            colon = text.rindex(":", m.start(), m.end())
            out.append({"cue": (colon, colon + 1), "speaker": strip_span(text, *m.span(1)),
                        "content": content, "lemma": "말했", "stance": "says"})
    return out


def _quote_or_line(text: str, quotes, at: int) -> tuple[int, int] | None:
    """The quote that opens at ``at``, else (an unclosed one) from the mark to the line's end, bracket or not."""
    eol = text.find("\n", at)
    eol = len(text) if eol < 0 else eol
    q = next(((a, b) for a, b in quotes if a == at and b <= eol), None)
    if q:
        return q
    end = text.find("]", at, eol)
    s, e = strip_span(text, at, end if end > 0 else eol)
    return (s, e) if e - s > 1 else None


_KO_TITLE = re.compile(r"(?:^|(?<=…)|(?<=\.\.\.)|(?<=, ))\s*([^\s\"“”…,]+(?: [^\s\"“”…,]+){0,2}) ?(?=[\"“])")


def _title_ko(text: str, quotes, entities: list[Span]) -> list[dict]:
    """A first line 국정원 "北 1만명 파병" (or "…" …김정은 "…"): the named source (an entity) said the quote that
    follows it; a quote the excerpt leaves open runs to the line's end."""
    eol = text.find("\n")
    eol = len(text) if eol < 0 else eol
    out = []
    for m in _KO_TITLE.finditer(text, 0, eol):
        content = _quote_or_line(text, quotes, m.end())
        if content is None or _QUOTATIVE.match(text, content[1]) or _WHILE.match(text, content[1]):
            continue     # '국정원은 "…"고 밝혔다.': a sentence with its own cue (the rules above), not a title
        if text[content[1]:eol].strip(" .") and not re.match(r"\s*(?:…|\(|\.\.\.)", text[content[1]:eol]):
            continue     # the line goes on: a sentence, not a title
        if not any(m.start(1) <= e.start and e.end <= m.end(1) for e in entities):
            continue
        out.append({"cue": (m.end(), m.end() + 1), "speaker": m.span(1), "content": content, "lemma": "밝혔",
                    "stance": "says"})
    return out


# the last word (without its particle) of a source a country only describes: an informant, or people of a body
# in the plural ("한국 정부 소식통", "우크라이나 관리들", "미국 당국자들"), an unnamed group kept in its words
VAGUE_GROUP = re.compile(r"(?:소식통(?:들)?|관계자들|관리들|당국자들|고위\s*관계자들|전문가들|분석가들|의원들|외교관들|"
                         r"정보기관들|매체들|언론들)$")
