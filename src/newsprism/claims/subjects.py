"""Subjects (what a claim measures or asserts) and the sentence-rule source fallback.

Quantity subjects are discovered (``claims.measure``): stable cross-lingual keys
``<whose>[-<role>]/<measure>`` (``north-korean/deployed``) so claims in en, ru and ko about
the same quantity share a key. A quantity whose sentence names no measure gets a generic
subject ``count:<head>`` from its counted noun. Assertions are discovered too (``claims.assertions``);
dispute cues come from ``resources/claims/subjects.json``.

The source fallback (used only when no attribution span covers a claim) reads
the sentence: ``according to X``, ``X said/stated/claimed/indicate(s) ...``,
``..., X said``; a pronoun (he/she/they) takes the source found in the previous
sentence. Known names map to actor ids via ``resources/claims/sources.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .measure import counts_people, discover


def _res(name: str) -> dict:
    return json.loads(resources.files("newsprism.resources").joinpath(f"claims/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def subjects() -> dict:
    d = _res("subjects.json")
    d["_dispute"] = re.compile(rf"(?<!\w)(?:{d['dispute_cues']})", re.I)
    return d


# Heads that name money, not something counted: "5 000 dollars" read as a count is still money.
MONEY_HEADS = {"dollar", "won", "yuan", "euro", "ruble", "rouble", "yen", "rupee", "franc", "usd", "kpw", "krw", "eur",
               "rmb", "hryvnia", "shekel", "ringgit", "cent"}


@lru_cache(maxsize=1)
def _actors() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(k, re.I), v) for k, v in _res("sources.json")["actors"].items()]


def actor_id(name: str | None) -> str | None:
    if not name:
        return None
    for rx, aid in _actors():
        if rx.search(name):
            return aid
    return None


def quantity_subject(sentence: str, doc_text: str, kind: str, head: str | None, value: float = 0.0,
                     digits: bool = True, counted: str | None = None, previous: str = "",
                     base: bool = False, at: int | None = None, end: int | None = None,
                     lang: str | None = None) -> tuple[str, str] | None:
    """(key, label) of what this quantity measures (``claims.measure.discover``), or a generic one, or None.

    The key is discovered from the sentence: measure, whose and role (``north-korean/killed``); no
    hand-listed subjects. Money is never a claim subject. ``at``/``end``: the number's place in
    ``sentence`` (default: where ``counted`` or the sentence's first digit is). Only numbers written in
    digits and at least 2 take a subject ("two nations", "one video" are wording, not claims), but people
    with a measure do ("captured two North Korean soldiers", "병사 1명 생포"). A quantity
    whose sentence names no measure gets a generic subject ``count:<head>`` from its counted noun, never
    for a currency or a bare abbreviation. ``base``: the number is the whole a share is taken of ("a third
    of the 11,000 troops", "из 11 тысяч", "1만1천여 명 중"), so it never takes a loss measure."""
    if kind == "money" or (head or "").lower() in MONEY_HEADS:
        return None
    small = kind == "count" and (value < 2 or not digits and value < 100)   # "two soldiers", "1명": wording, unless
    if small and value < 1:
        return None
    if at is None:
        m = re.search(r"\d", sentence)
        at = m.start() if m else 0
    found = discover(sentence, at, end if end is not None else at + 1, doc_text, kind, head, counted, previous,
                     lang, base, need_cue=small and not digits)
    people = counts_people(head, lang) or any(counts_people(w, lang) for w in re.findall(r"\w+", counted or ""))
    if found and (not small or people):
        return found                                           # ... people with a measure: "captured two soldiers"
    if small:
        return None
    if head and kind == "count" and len(head) > 1 and not _NOT_A_NOUN.search(head):
        noun = _GENERIC_ALIAS.get(head.lower(), head.lower())
        return f"count:{noun}", noun
    return None


# Generic subjects need a noun: a counted phrase cut short ("over 200 new", "130 scientific and technological
# data") ends on an adjective, which would make a junk group.
_NOT_A_NOUN = re.compile(r"^(?:new|old|other|more|such|different|various|major|modern|excellent|young|many|several"
                         r"|additional|further|total|same|own|last|first|next|previous|extra|fresh|latest|scientific"
                         r"|technological|technical|economic|political|cultural|national|international|social|public"
                         r"|civic|foreign|domestic|local|regional|central|main|key|big|small|large|long|short|high|low)$",
                         re.I)
_GENERIC_ALIAS = {"people": "person", "persons": "person", "individual": "person"}


def dispute_cue(sentence: str) -> re.Match | None:
    return subjects()["_dispute"].search(sentence)


_CUE = (r"said|says|say|stated|claimed|reported|estimated|assessed|assess|assesses"
        r"|indicated|indicates|indicate|told|announced|confirmed|added|disputed|disputes|denied|denies|warned|believes?|suggests?"
        r"|put(?:s|ting)?\s+(?:the|its|their)\s+(?:figure|number|toll|total|count|estimate)(?:\s+at)?"
        r"|put(?:s|ting)?\s+(?:[\w’'-]+\s+){0,4}?(?:losses|casualties|toll|figure|number|count|total|strength)\s+at"
        r"|estimates?")
_NP_BEFORE = re.compile(rf"((?:[\w’'.()-]+\s+){{0,5}}?[\w’'.()-]+)\s+(?:\w+ly\s+)?(?:also\s+)?(?:{_CUE})\b")
_AFTER = re.compile(rf",\s*((?:the\s+)?(?:[\w’'.-]+\s+){{0,4}}?[\w’'.-]+)\s+(?:{_CUE})\s*[.,]?\s*$", re.I)
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?((?:[\w’'.-]+\s*){1,6}?)(?=[,.;]|\s+(?:that|which|who|in|on|at)\b|$)", re.I)
_PRONOUNS = {"he", "she", "they", "it", "officials", "the agency"}
_STOPSTART = re.compile(r"^(?:and|but|while|that|which|who|as|the|a|an|also|this|these)\s+", re.I)


_BY = re.compile(r"\b(?:hailed|reported|claimed|announced|stated|confirmed|described|praised|cited|estimated|assessed)"
                 r"\s+by\s+((?:the\s+)?(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+?)(?=\s+(?:as|in|on|at|that|which|who|after)\b|[,.;]|$)")
# Russian/Ukrainian: "по словам X", "по данным X", "как заявил X", "X заявил/сообщил ...", ", — заявил X"
_RU_ACCORDING = re.compile(r"(?:по\s+(?:словам|данным|оценкам|информации|сведениям)|за\s+(?:словами|даними|оцінками)"
                           r"|як\s+(?:заявив|повідомив)\w*|как\s+(?:заявил|сообщил|отметил)\w*)\s+"
                           r"((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+?)(?=[,.;]|\s+(?:в|на|о|об|что|що)\b|$)", re.I)
_RU_SAID = re.compile(r"(?:^|[.;]\s+|,\s+)([А-ЯЁІЇЄҐ][\w’'.-]*(?:\s+[\w’'.-]+){0,3}?)\s+(?:также\s+)?"
                      r"(?:заявил|сообщил|отметил|подтвердил|оценил|заявив|повідомив|підтвердив)\w*\b")
_RU_DASH = re.compile(r"[,»\"]\s*[—–-]\s*(?:заявил|сообщил|отметил|сказал|заявив|повідомив|сказав)\w*\s+"
                      r"((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)\s*\.?$", re.I)
# Korean: "X에 따르면", "X은/는 ... 밝혔다/말했다/전했다/발표했다"
_KO_ACCORDING = re.compile(r"((?:[^\s]+\s+){0,2}?[^\s]+?)(?:에\s*따르면|의\s*발표에\s*따르면)")
_KO_SAID = re.compile(r"^\s*((?:[^\s]+\s+){0,2}?[^\s]+?)(?:은|는|이|가)\s.*(?:밝혔|말했|전했|발표했|추정했|분석했|주장했)")


# German, French, Spanish, Italian, Portuguese: "selon X", "según X", "secondo X", "laut X", "nach Angaben des X"
_EU_ACCORDING = re.compile(r"(?:\bselon|\bd['’]après|\bsegún|\bde acuerdo con|\bsecondo|\bstando a|\bsegundo|\bde acordo com"
                           r"|\blaut|\bnach Angaben(?:\s+(?:des|der|von))?)\s+"
                           r"((?:[\w’'.-]+\s+){0,5}?[\w’'.-]+?)(?=\s*[,.;:]|\s+(?:que|che|dass|a|ha|hat|habe)\b|$)", re.I)


def _ml_source(sentence: str) -> str | None:
    for rx in (_RU_ACCORDING, _RU_DASH, _RU_SAID, _KO_ACCORDING, _KO_SAID):
        m = rx.search(sentence)
        if m:
            return m.group(1).strip().rstrip(".,;:")
    return None


def resolve_actor(phrase: str | None) -> str | None:
    """An actor id for a source phrase: ``sources.json`` first, then the actor registry (any script)."""
    found = actor_id(phrase)
    if found or not phrase:
        return found
    from ..voices.registry import default_registry
    hit = default_registry().lookup(phrase)
    return hit.actor.id if hit else None


# A headline that names its source before a colon or a quote: "Разведка Южной Кореи: КНДР отправила …",
# "NIS: North Korea sent …", '국정원 "북한군 사상자 4천700명"'. Only when the phrase is a known actor.
_HEADLINE = re.compile(r"^\s*([^\s:«\"“「]+(?:\s+[^\s:«\"“「]+){0,3}?)\s*(?::\s|\s?[«\"“「])")


def headline_source(sentence: str) -> tuple[str | None, str | None]:
    """(phrase, actor id) of a headline's source ("X: …", 'X "…"'); (None, None) for other sentences."""
    line = sentence.strip()
    if not line or len(line) > 160 or line[-1] in ".!?。" or "\n" in line:
        return None, None
    m = _HEADLINE.match(line)
    if not m:
        return None, None
    actor = resolve_actor(m.group(1))
    return (m.group(1), actor) if actor else (None, None)


def sentence_source(sentence: str, claim_at: int, previous: str | None = None) -> tuple[str | None, str | None]:
    """(source phrase, actor id) for a claim at ``claim_at`` within ``sentence``; (None, None) if none."""
    phrase, actor = headline_source(sentence)
    if actor:
        return phrase, actor
    if re.search(r"[а-яёіїєґ가-힣]", sentence, re.I):
        phrase = _ml_source(sentence)
        return (phrase, resolve_actor(phrase)) if phrase else (None, None)
    eu = _EU_ACCORDING.search(sentence)
    if eu:
        return eu.group(1), resolve_actor(eu.group(1))
    m = _ACCORDING.search(sentence) or _BY.search(sentence)
    phrase = m.group(1).strip() if m else None
    if not phrase:
        cands = [x for x in _NP_BEFORE.finditer(sentence) if x.start() <= claim_at]
        if cands:
            phrase = cands[-1].group(1)
            # keep the noun phrase nearest the cue: cut at clause words
            phrase = re.split(r"\b(?:that|which|who|while|and|but|when|after|as|,)\b|,", phrase)[-1].strip()
    if not phrase:
        m = _AFTER.search(sentence)
        phrase = m.group(1).strip() if m else None
    if not phrase:
        return None, None
    phrase = _STOPSTART.sub("", phrase).strip().rstrip(".,;:")
    phrase = re.sub(r"(?:\s+(?:has|have|had|is|was|were|are|officially|also|previously|recently|publicly|earlier|already|now|then|later))+$", "", phrase)
    if phrase.lower() in _PRONOUNS or phrase.lower() in ("he", "she", "they"):
        if previous:
            p, a = sentence_source(previous, len(previous))
            if p and p.lower() not in _PRONOUNS:
                return p, a
        return None, None
    if not phrase or len(phrase) < 2:
        return None, None
    return phrase, resolve_actor(phrase)
