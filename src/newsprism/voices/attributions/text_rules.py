"""Attributions in Russian and Korean: rules over the text, with the entity stage's spans as speakers.

English reads a dependency parse (the other modules here); these languages use
patterns over each sentence: ``по словам X``, ``как заявил X``, ``«…», — заявил X``,
``X заявил, что …``; ``X에 따르면``, ``“…”라고 밝혔다``, ``…다고 주장했다``; and a
title line that names a source: ``Разведка: …``, ``국정원 "…"``. Each rule returns
raw dicts (cue, speaker, content offsets, lemma, stance) that
``voices.attributions.find`` finishes (labels, actors, relays).
"""

from __future__ import annotations

import re

from ...model import Span
from ..cues import KO_VERBS, RU_VERBS

_RU_PO_SLOVAM = re.compile(r"(?:[Пп]о (?:словам|данным|мнению|сообщению|информации)|[Кк]ак (?:(?:заявил|сообщил|"
                           r"отметил|подчеркнул|сказал|уточнил|написал|рассказал)[аио]?|(?:сообщает|заявляет|"
                           r"отмечает|утверждает|пишет|передает|передаёт|уточняет)|(?:сообщают|пишут|передают|"
                           r"утверждают)))\s+([^,.;]+)[,]")
_RU_OB_ETOM = re.compile(r"\s*[Оо]б этом\s+(?:\w+\s+){0,3}?((?:сообща|заяви|рассказа|написа|пише|передае|передаё)\w*)\s+"
                         r"([^.!?]+?)(\s*,?\s*со ссылкой на [^.!?]+)?[.!?]?\s*$")
_RU_VERB = re.compile(r"\b(" + "|".join(RU_VERBS) + r")\w*", re.IGNORECASE)
_KO_ACCORDING = re.compile(r"(\S+(?: \S+){0,3}?)(?:에 따르면|의 말에 따르면|에 의하면)")
# a quotative ending, an optional subject word ("…다고 국정원이 밝혔다"), a report verb; the verb's own ending is
# not consumed, so "…라고 칭찬했다고 보도했다" yields both reports
_KO_QUOTE_CUE = re.compile(r"(라고|다고|라며|고)\s*(?:(\S+?)(?:께서|이|가|은|는)\s+)?(" + "|".join(KO_VERBS)
                           + r")[^\s.!?。고]*")
_KO_WORD = re.compile(r"\S+")
_KO_TOPIC_MARKS = ("께서는", "께서", "은", "는")
_SENT = re.compile(r"[^.!?。\n]+[.!?。]?")


def _sentences(text: str):
    """(start, end) of each non-empty sentence (split on . ! ? 。 and line breaks)."""
    for m in _SENT.finditer(text):
        if m.group(0).strip():
            yield m.start(), m.end()


def rules_ru(text: str, quotes, entities: list[Span]) -> list[dict]:
    """Russian reports: по словам X, как заявил X, «…», — заявил X, X заявил(а), что …, a title "Разведка: …"."""
    out = _title_ru(text, entities)
    prev = None
    for ss, se in _sentences(text):
        sent = text[ss:se]
        last_sentence, prev = prev, (ss, se)
        m = _RU_OB_ETOM.match(sent)
        if m and not last_sentence:
            continue                        # "Об этом сообщает ТАСС" first: what "this" is lies outside the text
        if m:                               # "Об этом сообщает агентство Рейтер": the sentence before is the report
            src_end = ss + (m.start(3) if m.group(3) else len(sent.rstrip().rstrip(".!?")))
            out.append({"cue": (ss + m.start(1), ss + m.end(1)), "speaker": strip_span(text, ss + m.start(2), src_end),
                        "content": strip_span(text, *last_sentence), "lemma": m.group(1),
                        "stance": _ru_stance(m.group(1)), "speaker_after": True})
            continue
        m = _RU_PO_SLOVAM.search(sent)
        if m:
            cs = ss + m.end()
            out.append({"cue": (ss + m.start(), ss + m.start(1) - 1), "speaker": (ss + m.start(1), ss + m.end(1)),
                        "content": strip_span(text, cs, se), "lemma": m.group(0).split()[0].lower() + " " +
                        m.group(0).split()[1], "stance": "says"})
            continue
        verbs = list(_RU_VERB.finditer(sent))
        if not verbs:
            continue
        v, last = verbs[0], verbs[-1]
        if last is not v and _ru_trailing(text, ss, se, (ss + last.start(), ss + last.end())):
            # "Песков заявил, что …, сообщает ТАСС.": TASS reports the whole (a relay), Peskov the clause
            out.append({"cue": (ss + last.start(), ss + last.end()), "speaker": strip_span(text, ss + last.end(), se),
                        "content": strip_span(text, ss, ss + last.start()), "lemma": last.group(0),
                        "stance": _ru_stance(last.group(0)), "speaker_after": True})
            se = ss + last.start()
        st = _ru_stance(v.group(0))
        cue = (ss + v.start(), ss + v.end())
        q = next(((a, b) for a, b in quotes if ss <= a and b <= se), None)
        if q and q[1] <= cue[0]:          # «…», — заявил X.
            out.append({"cue": cue, "speaker": strip_span(text, cue[1], se), "content": q, "lemma": v.group(0),
                        "stance": st, "speaker_after": True})
        elif _ru_trailing(text, ss, se, cue):   # "…, сообщает РИА Новости." / "…, — заявил журналистам Песков."
            out.append({"cue": cue, "speaker": strip_span(text, cue[1], se), "content": strip_span(text, ss, cue[0]),
                        "lemma": v.group(0), "stance": st, "speaker_after": True})
        else:                             # X заявил, что …
            rest = text[cue[1]:se]
            k = rest.find("что")
            cs = cue[1] + (k + 3 if 0 <= k < 4 else 0)
            out.append({"cue": cue, "speaker": strip_span(text, ss, cue[0]), "content": q or strip_span(text, cs, se),
                        "lemma": v.group(0), "stance": st})
    return out


def _ru_stance(verb: str) -> str:
    return next((s for k, s in RU_VERBS.items() if verb.lower().startswith(k)), "says")


def _ru_trailing(text: str, ss: int, se: int, cue: tuple[int, int]) -> bool:
    """A report verb after a comma or dash, followed only by a short source to the end of the sentence."""
    before = text[ss:cue[0]].rstrip()
    rest = text[cue[1]:se].strip().rstrip(".!?")
    words = rest.split()
    return (before.endswith((",", "—", "–")) and len(before) > 10 and 0 < len(words) <= 6
            and not any(w.strip(",").lower() in ("что", "чтобы", "о", "об") for w in words))


def rules_ko(text: str, quotes, entities: list[Span]) -> list[dict]:
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
                 "stance": KO_VERBS.get(v.group(3), "says")}
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


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """(s, e) without surrounding spaces, commas, dashes and colons (and a final full stop)."""
    while s < e and (text[s].isspace() or text[s] in ",—–-:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",—–-:."):
        e -= 1
    return s, e


# -- title lines ------------------------------------------------------------------------
# Nouns that make a bare title word a source even when no entity covers it ("Разведка: …").
_RU_SOURCE_STEMS = ("разведк", "минобороны", "министерств", "мид", "кремл", "генштаб", "сми", "источник",
                    "штаб", "пресс-служб", "посольств", "эксперт")
_RU_TITLE = re.compile(r"([А-ЯЁA-Z][\w.-]*(?: [\w.-]+){0,3}): +(\S[^\n]*)")
_KO_TITLE = re.compile(r"(\S+(?: \S+){0,2}) +(?=[\"“‘'])")


def _title_ru(text: str, entities: list[Span]) -> list[dict]:
    """A first line "Разведка: КНДР направила …": the source before the colon said what follows, when an entity
    covers it or its last word is a source noun (so not "Внимание: …")."""
    m = _RU_TITLE.match(text)
    if not m:
        return []
    name_end = m.end(1)
    named = any(e.end <= name_end for e in entities)
    last = m.group(1).split()[-1].lower()
    if not named and not last.startswith(_RU_SOURCE_STEMS):
        return []
    cs, ce = strip_span(text, m.start(2), m.end(2))
    if ce <= cs:
        return []
    return [{"cue": (name_end, name_end + 1), "speaker": (0, name_end), "content": (cs, ce), "lemma": "сообщить",
             "stance": "says"}]


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
