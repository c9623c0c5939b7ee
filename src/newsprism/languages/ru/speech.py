"""Russian speech: report verbs and the rules that find attributions over the text.

``по словам X``, ``как заявил X``, ``«…», — заявил X``, ``X заявил, что …``, ``Об этом сообщает X``, and a
title line that names a source (``Разведка: …``). Each rule returns raw dicts (cue, speaker, content
offsets, lemma, stance) that ``voices.attributions`` finishes (labels, actors, relays).
"""

from __future__ import annotations

import re

from ...model import Span
from .._text import sentences as _sentences, strip_span

# report verb stems -> stance
VERBS = {
    "заяв": "says", "сообщ": "says", "отмет": "says", "подчеркн": "says", "сказа": "says",
    "добави": "says", "рассказа": "says", "пояснил": "says", "написа": "says", "передае": "says",
    "передаё": "says", "утвержда": "claims", "подтверд": "confirms", "признал": "confirms",
    "опроверг": "denies", "отверг": "denies", "отрица": "denies", "оспори": "disputes",
    "предупред": "warns", "пригрози": "warns", "похвал": "praises", "восхвал": "praises",
}

_RU_PO_SLOVAM = re.compile(r"(?:[Пп]о (?:словам|данным|мнению|сообщению|информации)|[Кк]ак (?:(?:заявил|сообщил|"
                           r"отметил|подчеркнул|сказал|уточнил|написал|рассказал)[аио]?|(?:сообщает|заявляет|"
                           r"отмечает|утверждает|пишет|передает|передаёт|уточняет)|(?:сообщают|пишут|передают|"
                           r"утверждают)))\s+([^,.;]+)[,]")

_RU_OB_ETOM = re.compile(r"\s*[Оо]б этом\s+(?:\w+\s+){0,3}?((?:сообща|заяви|рассказа|написа|пише|передае|передаё)\w*)\s+"
                         r"([^.!?]+?)(\s*,?\s*со ссылкой на [^.!?]+)?[.!?]?\s*$")

_RU_VERB = re.compile(r"\b(" + "|".join(VERBS) + r")\w*", re.IGNORECASE)


def rules(text: str, quotes, entities: list[Span]) -> list[dict]:
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
    return next((s for k, s in VERBS.items() if verb.lower().startswith(k)), "says")


def _ru_trailing(text: str, ss: int, se: int, cue: tuple[int, int]) -> bool:
    """A report verb after a comma or dash, followed only by a short source to the end of the sentence."""
    before = text[ss:cue[0]].rstrip()
    rest = text[cue[1]:se].strip().rstrip(".!?")
    words = rest.split()
    return (before.endswith((",", "—", "–")) and len(before) > 10 and 0 < len(words) <= 6
            and not any(w.strip(",").lower() in ("что", "чтобы", "о", "об") for w in words))


# -- title lines
# Nouns that make a bare title word a source even when no entity covers it ("Разведка: …").
_RU_SOURCE_STEMS = ("разведк", "минобороны", "министерств", "мид", "кремл", "генштаб", "сми", "источник",
                    "штаб", "пресс-служб", "посольств", "эксперт")
_RU_TITLE = re.compile(r"([А-ЯЁA-Z][\w.-]*(?: [\w.-]+){0,3}): +(\S[^\n]*)")


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
