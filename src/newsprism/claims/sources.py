"""Who a claim comes from: the speaker of the attribution that holds it, its relays, else the sentence rule.

``claim_source`` gives the attrs the claims stage puts on a claim span (and ``reconcile`` copies to the
claim's member row):

* ``source_actor`` — an actor id when the source is a known actor (``nis-south-korea``), else None;
* ``source_text`` — the source in the text's own words ("Western intelligence agencies");
* ``source_method`` — ``attribution``, ``sentence-rule`` or None (no speaker: the outlet's own voice);
* ``via`` — the relay chain, nearest to the original first ("Lee, citing the spy agency, said" → source the
  spy agency, via ["Lee"]; a report the attributions stage nested inside another carries that one's chain).

A speaker is kept only when it is an actor or a describable group: a resolved or tagged name, or a phrase whose
head is a group word of the language pack ("US officials"). A group is kept in its own words, never collapsed
into the country the registry knows it by ("Ukrainian officials" is not "Ukraine"), nor into one agency when the
text names several ("South Korean intelligence services"). A document ("the report", "its latest update", "a map
released by the ministry") stands for whoever issued it: the agent after "by", else the speaker before it.
A pronoun speaker takes the speaker of the attribution before it.
"""

from __future__ import annotations

import re

from ..languages import pack
from ..model import Span
from .subjects import resolve_actor

_COUNTRY_TYPES = {"place", "country"}
_ENTITY_LABELS = {"PERSON", "ORG", "MEDIA"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _words(phrase: str) -> list[str]:
    return re.findall(r"[\w’'-]+", phrase.lower())


def _head(phrase: str) -> str:
    """The phrase's head: its last word before a clause or apposition ("Lee Seong-kweun, a lawmaker" → Seong-kweun)."""
    core = re.split(r",|\s+(?:who|which|that|of|in|on|from|at|by)\s+|\s+\w+ed\s+by\s", phrase, maxsplit=1)[0]
    w = _words(core)
    return w[-1].strip("’'") if w else ""


def _registry_type(actor: str | None) -> str | None:
    if not actor or str(actor).startswith("auto:"):
        return None
    from ..voices.registry import default_registry
    a = default_registry().get(actor)
    return a.type if a else None


def as_written(text: str, claims: list[Span], lang: str) -> None:
    """``source_words``: a source phrase as the text writes it, for display. ``source_text`` drops a leading article
    (``_clean``: "the General Staff" -> "General Staff") so that one source's mentions share a key; a reader (and
    the export's ``source_name``) sees the phrase with its article, from the nearest mention before the figure,
    else after it (in place; only sources with no known actor, whose words are all a reader gets). The articles
    are the pack's (``sources.ARTICLES``; none without a pack: in French or Spanish "a" is a verb or a preposition)."""
    articles = sorted(pack(lang).sources.ARTICLES, key=len, reverse=True)
    if not articles:
        return
    for c in claims:
        words = c.attrs.get("source_text")
        if c.attrs.get("source_actor") or not words or c.attrs.get("source_words"):
            continue
        rx = r"(?<!\w)(?:" + "|".join(map(re.escape, articles)) + r")\s+" + re.escape(str(words)) + r"(?!\w)"
        found = list(re.finditer(rx, text, re.I))
        if not found:
            continue
        before = [m for m in found if m.start() <= c.start]
        m = before[-1] if before else found[0]
        c.attrs["source_words"] = " ".join(m.group(0).split())


def _clean(phrase: str) -> str:
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
    return phrase.strip(" ,.;:")


def _named(text: str, start: int, end: int, entities: list[Span], places: bool = False) -> bool:
    """A tagged person or organisation name (or, for the subject of a report, a place: "Taiwan said") overlaps
    the phrase at start..end."""
    labels = _ENTITY_LABELS | ({"GPE"} if places else set())
    return any(e.start < end and start < e.end and e.label in labels for e in entities)


def is_source(phrase: str | None, actor: str | None, lang: str, named: bool = False) -> bool:
    """An actor or a describable group, never junk ("This revelation", "including about 600", "an", "Casualty")."""
    if not phrase and not actor:
        return False
    if actor:
        return True
    words = _words(phrase or "")
    if not words or not any(ch.isalpha() for ch in phrase or ""):
        return False
    if words[0] in _PRONOUNS or len(words) == 1 and len(words[0]) < 3:
        return False
    if named:
        return True
    sp = pack(lang).sources
    heads = sp.GROUP_HEADS | pack("en").sources.GROUP_HEADS
    parts = [p for p in sp.COORDINATION.split(phrase or "") if p and p.strip()] or [phrase or ""]
    return any(_head(p) in heads for p in parts) or bool(group_stem(phrase, lang))


def group_stem(phrase: str | None, lang: str) -> re.Match | None:
    """A group word of the language pack's stems in the phrase ("военной разведки", "Las autoridades")."""
    stems = pack(lang).sources.GROUP_STEMS
    if not stems or not phrase:
        return None
    spaced = not _CJK.search(phrase)        # Korean, Chinese, Japanese: a stem anywhere in the phrase
    return re.search(rf"(?<![\w-])(?:{stems})" if spaced else f"(?:{stems})", phrase, re.I)


def _group_words(phrase: str, actor: str | None, lang: str) -> bool:
    """A group the text names in its own words: a plural group head, or one the registry would make a country."""
    words = _words(phrase)
    heads = pack(lang).sources.GROUP_HEADS | pack("en").sources.GROUP_HEADS
    head = _head(phrase)
    if head not in heads and group_stem(phrase, lang):      # an inflected language: its stems, any word
        return (len(words) >= 2 or bool(_CJK.search(phrase))) and _registry_type(actor) in _COUNTRY_TYPES
    if len(words) < 2 or head not in heads:
        return False
    return _registry_type(actor) in _COUNTRY_TYPES or head.endswith("s") and not head.endswith("ss")


def _document(phrase: str, lang: str) -> str | None:
    """For a document noun: "agent" (an author is named after "by"), "antecedent" (only determiners), else None."""
    sp = pack(lang).sources
    docs = sp.DOCUMENT_HEADS | pack("en").sources.DOCUMENT_HEADS
    if _head(phrase) not in docs:
        return None
    if sp.ISSUED_BY.search(phrase) or pack("en").sources.ISSUED_BY.search(phrase):
        return "agent"
    mods = sp.EMPTY_MODIFIERS | pack("en").sources.EMPTY_MODIFIERS
    core = re.split(r",", phrase, maxsplit=1)[0]
    return "antecedent" if all(w in mods for w in _words(core)[:-1]) else None


def _resolved(phrase: str, given: str | None, lang: str) -> tuple[str | None, str]:
    """(actor id or None, words) for a speaker phrase."""
    actor = given if given and not str(given).startswith("auto:") else resolve_actor(phrase) or given
    if _registry_type(actor) in _COUNTRY_TYPES:
        # "военной разведки Украины" read as Ukraine: the phrase names an agency of the country, when known
        own = resolve_actor(phrase)
        if own and own != actor and _registry_type(own) and _registry_type(own) not in _COUNTRY_TYPES:
            actor = own
    if _group_words(phrase, actor, lang):
        return None, _clean(phrase)
    return actor, _clean(phrase)


def _citing(text: str, a: Span, lang: str) -> re.Match | None:
    """A "citing X" / "which relied on X" in the speaker's phrase or between it and the content."""
    sp, cue = a.attrs.get("speaker"), a.attrs.get("cue")
    if not sp:
        return None
    lo = min(int(sp[0]), int(cue[0]) if cue else int(sp[0]))
    hi = max(int(sp[1]), int(cue[1]) if cue else int(sp[1]))
    hi = max(hi, min(a.start, hi + 80)) if a.start > hi else hi
    window = text[lo:hi]
    for rx in (pack(lang).sources.CITING, pack("en").sources.CITING):
        m = rx.search(window)
        if m:
            return m
    return None


def speaker_source(text: str, a: Span, attributions: list[Span], entities: list[Span], lang: str,
                   depth: int = 0) -> dict | None:
    """The source an attribution gives its content, or None when its speaker is no source."""
    at = a.attrs
    phrase, given = at.get("speaker_text"), at.get("actor")
    via = [str(v) for v in at.get("via") or []]
    m = _citing(text, a, lang) if phrase else None
    if m:
        actor, words = _resolved(m.group(1), None, lang)
        relay = given if given and not str(given).startswith("auto:") else at.get("actor_name") or given or phrase
        return {"source_actor": actor, "source_text": words, "via": via + [str(relay)]}
    kind = _document(phrase, lang) if phrase else None
    if kind == "agent":
        rx = pack(lang).sources.ISSUED_BY
        agent = (rx.search(phrase) or pack("en").sources.ISSUED_BY.search(phrase)).group(1)
        actor, words = _resolved(agent, None, lang)
        return {"source_actor": actor, "source_text": words, "via": via}
    pronoun = phrase and _words(phrase)[:1] and _words(phrase)[0] in _PRONOUNS and not given
    if (kind == "antecedent" or pronoun or not phrase and not given) and depth < 3:
        before = [b for b in attributions if b.attrs.get("cue") and a.attrs.get("cue")
                  and b.attrs["cue"][0] < a.attrs["cue"][0] and b is not a]
        for b in sorted(before, key=lambda b: -b.attrs["cue"][0])[:4]:
            found = speaker_source(text, b, attributions, entities, lang, depth + 1)
            if found:
                return found | {"via": via or found["via"]}
        return None
    if not phrase and not given:
        return None
    if phrase and not given:
        phrase = _antecedent_name(text, a, phrase, lang) or phrase
    actor, words = _resolved(phrase or str(at.get("actor_name") or given), given, lang)
    if _body_of(words, actor, at.get("actor_name"), lang):
        actor = None
    sp = at.get("speaker")
    if actor != given and _named_person(given, sp, entities):
        actor = given   # "заступник начальника ГУР Вадим Скібіцький": the person named speaks, not the agency
    named = bool(sp) and _named(text, int(sp[0]), int(sp[1]), entities, places=True)
    if not is_source(words, actor, lang, named):
        return None
    return {"source_actor": actor, "source_text": words, "via": via}


def _named_person(actor: str | None, sp, entities: list[Span]) -> bool:
    """The attribution's own actor is a person whose name the speaker phrase holds (an unknown person named with
    their agency or role keeps the statement, the agency in the phrase does not take it)."""
    if not actor or not sp or not str(actor).startswith("auto:"):
        return False
    return any(e.label == "PERSON" and e.attrs.get("actor") == actor and int(sp[0]) <= e.start and e.end <= int(sp[1])
               for e in entities)


def _body_of(words: str, actor: str | None, name: str | None, lang: str) -> bool:
    """ "Представительство КНДР при ООН", "the mission to the UN": an unknown actor clustered from an acronym
    (ООН, UN) that a group word before it only places; the group is the source, not the acronym's body."""
    if not actor or not str(actor).startswith("auto:") or not name or not str(name).isupper() or len(str(name)) > 6:
        return False
    m = group_stem(words, lang)
    return bool(m and m.start() == 0 and not words.startswith(str(name)))


def _antecedent_name(text: str, a: Span, phrase: str, lang: str) -> str | None:
    """ "the ministry" after "The Gaza Health Ministry's tally": the nearest earlier name with the same head."""
    w = _words(phrase)
    if len(w) != 2 or w[0] not in ("the", "this", "that"):
        return None
    sp = a.attrs.get("speaker") or (a.start, a.end)
    before = text[max(0, int(sp[0]) - 1500):int(sp[0])]
    names = re.findall(rf"((?:[A-Z][\w’'-]*\s+){{1,5}}){re.escape(w[1].capitalize())}\b", before)
    return (names[-1] + w[1].capitalize()).strip() if names else None


def owned_figure(text: str, start: int, lang: str) -> str | None:
    """ "she backed the White House's figure of 1,000": whose figure a number is, named right before it."""
    for rx in (pack(lang).sources.OWNED_FIGURE, pack("en").sources.OWNED_FIGURE):
        m = rx.search(text[max(0, start - 120):start])
        if m:
            return m.group(1)
    return None


def _gloss(text: str, start: int, a: Span, lang: str) -> bool:
    """ "planes crossed the centre line of the Taiwan Strait, a 160-kilometre wide stretch of water": a number in
    an apposition the writer sets after a name inside reported words (not quoted) glosses the name; it is the
    outlet's, not the speaker's (the pack's ``sources.GLOSS_BEFORE``, read on the content up to the number)."""
    rx = pack(lang).sources.GLOSS_BEFORE
    content = text[a.start:start]
    if re.search(r"[\"“”«»„]", content) or a.label == "direct":
        return False
    return bool(rx.search(content))


def claim_source(text: str, start: int, end: int, attributions: list[Span], entities: list[Span], lang: str,
                 fallback: dict) -> dict:
    """Source attrs for a claim at start..end: the innermost attribution holding it, else ``fallback`` (the
    sentence rule's {"source_text", "source_actor"}) when that names an actor or a group, else none."""
    owner = owned_figure(text, start, lang)
    if owner:
        actor, words = _resolved(owner, None, lang)
        held = sorted((a for a in attributions if a.start <= start and end <= a.end), key=lambda a: a.end - a.start)
        relay = speaker_source(text, held[0], attributions, entities, lang) if held else None
        via = (relay or {}).get("via", []) + [relay["source_actor"] or relay["source_text"]] if relay else []
        return {"source_actor": actor, "source_text": words, "via": [str(v) for v in via if v],
                "source_method": "attribution" if held else "sentence-rule"}
    inside = sorted((a for a in attributions if a.start <= start and end <= a.end), key=lambda a: a.end - a.start)
    if inside and _gloss(text, start, inside[0], lang):
        inside = []         # the outlet's gloss on a name in reported words: its own voice
    for a in inside:
        found = speaker_source(text, a, attributions, entities, lang)
        if found:
            return found | {"source_method": "attribution"}
    phrase, actor = fallback.get("source_text"), fallback.get("source_actor")
    if phrase or actor:
        at = text.find(phrase, max(0, start - 400)) if phrase else -1
        named = at >= 0 and _named(text, at, at + len(phrase), entities)
        if is_source(phrase, actor, lang, named):
            if phrase and _group_words(phrase, actor, lang):
                actor = None
            return {"source_actor": actor, "source_text": _clean(phrase) if phrase else None, "via": [],
                    "source_method": "sentence-rule"}
    return {"source_actor": None, "source_text": None, "via": [], "source_method": None}


def plain_chain(source_actor, source_text, via: list) -> list[str]:
    """A relay chain as a reader takes it: nearest to the original first, never the source itself and never one
    relay twice (reports nested inside each other can hand a chain "B → A → B" to A's own figure)."""
    seen = {str(x) for x in (source_actor, source_text) if x}
    out = []
    for v in via or []:
        v = str(v)
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out
