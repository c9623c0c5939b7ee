"""Entity spans (people, organisations, outlets, places, groups), each resolved to an actor.

Find, then resolve:
1. a gazetteer scan of the actor registry (every alias and role, any script);
2. a statistical tagger per language: spaCy (en), natasha (ru), kiwipiepy
   proper nouns (ko); its spans that a registry hit already covers are dropped;
3. resolution of each remaining name: registry (alias, transliteration, fuzzy),
   then within the document (a surname such as "Kim" or "Gerasimov" takes the
   actor of the last full name it belongs to), else an automatic cluster id
   ``auto:<slug>`` that the corpus stage ``actors`` merges across documents;
4. nominal references ("the agency", "the newspaper", "the ambassador") take the
   last actor of a fitting kind (``coref:nominal``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Span
from .models import ENGLISH_PARSE, korean, parse_english, russian
from .names import is_cyrillic, is_hangul, name_key, slug, strip_titles
from ..languages import pack
from .actor_filter import retype
from .registry import Registry, default_registry
from ..analyze.stage import StageInputs, document_stage

# The registry is part of the result: extending it (NEWSPRISM_ACTORS) re-runs the stage.
# 5: the shared English parse starts a sentence at each line break (voices.models.paragraph_starts).
# 8: places, page furniture and photo credits are no actors (voices.actor_filter); Korean names typed by shape.
# 9: Ukrainian persons (natasha); names after a person's title in languages without a tagger (es, de, fr); a lone
#    Korean surname syllable ("이 의원") is the last person of that surname, else no name.
# 10: a generic name is no fuzzy match for a qualified alias ("defence ministry" is not "DPRK Defence Ministry").
# 12: names of 2-4 capitalised words before a comma and a title are persons in languages without a tagger.
# 13: a bare description ("the minister") in a later sentence continues the subject of the sentence that named
#     the last fitting actor, when that sentence opens with a fitting one (centering).
VERSION = f"13+registry.{default_registry().version}"
STAGE = "entities"

KIND_LABEL = {"person": "PERSON", "media": "MEDIA", "agency": "ORG", "military": "ORG", "ministry": "ORG",
              "org": "ORG", "place": "GPE", "group": "NORP"}
_SPACY_LABEL = {"PERSON": ("PERSON", "person"), "ORG": ("ORG", "org"), "GPE": ("GPE", "place"),
                "LOC": ("LOC", "place"), "NORP": ("NORP", "group"), "FAC": ("LOC", "place")}
_NATASHA_LABEL = {"PER": ("PERSON", "person"), "ORG": ("ORG", "org"), "LOC": ("GPE", "place")}
_NOMINALS = {
    "agency": ("media", "agency"), "news agency": ("media",), "spy agency": ("agency",),
    "newspaper": ("media",), "paper": ("media",), "daily": ("media",), "broadcaster": ("media",),
    "ministry": ("ministry",), "army": ("military",), "military": ("military",),
    "ambassador": ("role:ambassador",), "envoy": ("role:ambassador",), "diplomat": ("role:ambassador",),
    "president": ("role:president",), "leader": ("role:leader",), "minister": ("role:minister",),
}
_NOMINAL_RE = re.compile(r"\b[Tt]he (?:(?:Russian|Ukrainian|North Korean|South Korean|state|news|spy|"
                         r"intelligence|foreign|defen[cs]e|party|official) )?(" +
                         "|".join(sorted(map(re.escape, _NOMINALS), key=len, reverse=True)) + r")\b")
_EN_STOP = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "the"}


@document_stage(STAGE, version=VERSION, layers=("entity",), requires=("sentences",), consumes=(ENGLISH_PARSE,))
def entities(doc: Document, inputs: StageInputs) -> list[Span]:
    """People, organisations, outlets, places and groups, resolved to canonical actors."""
    return find_entities(doc.text, doc.language or "en")


def find_entities(text: str, language: str = "en", registry: Registry | None = None) -> list[Span]:
    reg = registry or default_registry()
    found = _gazetteer(text, reg)
    tagged = []
    for start, end, label, kind in _tagger(text, language):
        if not _overlaps(found, start, end):
            tagged.append(_resolve(text, start, end, label, kind, reg))
        elif label == "PERSON" and (language or "en").split("-")[0] in ("ru", "uk"):
            tail = _tail_outside(found, start, end, text)
            if tail:
                tagged.append(_resolve(text, *tail, label, kind, reg))
    found += tagged
    found.sort(key=lambda s: (s.start, -s.end))
    found = retype(text, found, reg, language)
    found = _corefer(text, found, reg)
    found += _nominals(text, found, reg)
    found.sort(key=lambda s: (s.start, -s.end))
    return found


# -- 1. registry gazetteer ------------------------------------------------------------
# a Chinese or Japanese alias long enough to stand without word boundaries (a 2- or 3-character one, "韩国", may sit
# inside other words: "南韩国会议员" is 南韩 + 国会议员)
_HAN_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{4,}")


@lru_cache(maxsize=4)
def _alias_patterns(reg: Registry) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """One case-insensitive pattern (long aliases) and one case-sensitive (short or upper-case)."""
    ci, cs, owner = [], [], {}
    for alias, aid in reg.scan_aliases():
        owner[alias if _case_sensitive(alias) else alias.casefold()] = aid
        (cs if _case_sensitive(alias) else ci).append(alias)

    def build(aliases, flags):
        # Branches in order, longest first; each run of branches that must start a word shares one (?<!\w),
        # tested once per position instead of once per alias (the same matches, ~10× less scanning).
        runs: list[tuple[bool, list[str]]] = []
        for a in sorted(set(aliases), key=len, reverse=True):
            esc = _ru_inflected(a) if is_cyrillic(a) else re.escape(a)
            esc = re.sub(r"['’]", "['’]", esc.replace(r"\ ", r"\s+"))
            bounded = not _HAN_WORD.fullmatch(a)    # Chinese/Japanese run words together: "依照国家情报院目前的判断"
            if bounded and not is_hangul(a):
                esc += r"(?!\w)"
            if not runs or runs[-1][0] != bounded:
                runs.append((bounded, []))
            runs[-1][1].append(esc)
        parts = [(r"(?<!\w)(?:" if bounded else "(?:") + "|".join(branch) + ")" for bounded, branch in runs]
        return re.compile(r"(?:" + "|".join(parts) + ")", flags)

    return build(ci, re.IGNORECASE), build(cs, 0), owner


_RU_ADJ_END = ("ая", "яя", "ий", "ый", "ой", "ое", "ее", "ые", "ие")


def _ru_inflected(alias: str) -> str:
    """A Russian alias as a pattern that takes case endings: "южнокорейская разведка" also finds
    "южнокорейской разведки", "Россия" "России". Only an adjective ending or one final vowel is
    replaced (so "Песков" finds "Пескова" but never "Пески"); the hit then resolves by stem."""
    parts = []
    for w in alias.split(" "):
        if len(w) >= 5 and w.endswith(_RU_ADJ_END):
            w, tail = w[:-2], r"\w{1,3}"
        elif len(w) >= 5 and w[-1] in "аяоеиыуюь":
            w, tail = w[:-1], r"\w{0,3}"
        else:
            tail = r"\w{0,3}" if len(w) >= 5 else ""
        parts.append(re.escape(w) + tail)
    return r"\ ".join(parts)


def _case_sensitive(alias: str) -> bool:
    return len(alias) <= 5 or alias.isupper() or alias[:1].islower()


def _gazetteer(text: str, reg: Registry) -> list[Span]:
    ci, cs, owner = _alias_patterns(reg)
    hits: list[tuple[int, int, str]] = []
    for pat in (ci, cs):
        for m in pat.finditer(text):
            surface = m.group(0)
            aid = owner.get(surface) or owner.get(surface.casefold())
            match = reg.lookup(surface, fuzzy=False)
            aid = match.actor.id if match else aid
            if aid:     # an inflected Russian hit says so ("registry:inflection")
                inflected = match is not None and match.how == "registry:inflection"
                hits.append((m.start(), m.end(), aid, inflected))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Span] = []
    last_end = -1
    for start, end, aid, inflected in hits:   # longest leftmost wins
        if start < last_end:
            continue
        surface = text[start:end]
        if surface.lower().startswith("the "):
            start += 4
        actor = reg.actors[aid]
        if actor.type == "place" and (_MASTHEAD.match(text, end) or _outlet_compound(text, start, reg)):
            continue        # "USA TODAY", "China Daily", "RBC-Ukraine": a newspaper's name, not the place
        if actor.type == "person" and _longer_name(text, start, end, aid, reg):
            continue        # "Chairman Kim" inside "Chairman Kim Jong Il": another person; the tagger span below
        how = ("registry:role" if name_key(surface) in reg._roles
               else "registry:inflection" if inflected else "registry:alias")
        out.append(_span(start, end, KIND_LABEL.get(actor.type, "ORG"), actor.type, actor.id, actor.name, how))
        last_end = end
    return out


# -- 2. statistical taggers ----------------------------------------------------------
def _tagger(text: str, language: str) -> list[tuple[int, int, str, str]]:
    lang = (language or "en").split("-")[0]
    if lang == "ru":
        return _natasha(text)
    if lang == "ko":
        return _kiwi(text)
    if lang == "uk":            # natasha's Russian model finds Ukrainian persons well, its places and orgs less so
        return _uk_persons(text)
    if pack(lang).entities.TITLES_BEFORE_NAME:
        own = pack(lang).entities.titled_names(text)
        return own if own is not None else _titled_names(text, pack(lang).entities.TITLES_BEFORE_NAME)
    if lang in ("en", "und", ""):
        doc = parse_english(text)
        out = []
        for e in doc.ents:
            if e.label_ in _SPACY_LABEL and e.text.strip().lower() not in _EN_STOP:
                start, end = _trim_possessive(text, e.start_char, e.end_char)
                end = start + len(text[start:end].split("\n")[0].rstrip())
                if text[start:end].lower().startswith("the "):
                    start += 4
                label = _SPACY_LABEL[e.label_]
                m = _MASTHEAD.match(text, end) if e.label_ in ("GPE", "LOC", "NORP") else None
                if m:           # "USA TODAY", "China Daily": a place before a masthead word is a newspaper's name
                    end, label = m.end(), ("ORG", "media")
                out.append((start, end, *label))
        return out
    return []


_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]*"
_NAMES_AFTER = re.compile(rf"\s+((?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{0,3}})"
                          rf"(?:\s+(?:und|y|e|et)\s+((?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{0,3}}))?")
_TITLE_WORD = re.compile(r"(?<![\w.-])[^\W\d_][\w-]*\.?")


def _titled_names(text: str, titles: frozenset[str]) -> list[tuple[int, int, str, str]]:
    """ "el diputado Lee Seong-kweun", "die Parlamentarier Kim Byung-kee und Lee Seong-kweun": capitalised words
    right after a person's title are persons, and so are two to four set off before one by a comma ("Ana Ruiz,
    portavoz del ministerio"; languages without a tagger; the registry types what it knows)."""
    out = []
    for w in _TITLE_WORD.finditer(text):
        if w.group(0).lower() not in titles and w.group(0).lower().rstrip(".") not in titles:
            continue
        m = _NAMES_AFTER.match(text, w.end())
        for g in (1, 2):
            if m and m.group(g) and not m.group(g).isupper():
                out.append((m.start(g), m.end(g), "PERSON", "person"))
        b = _NAME_BEFORE.search(text, max(0, w.start() - 80), w.start())
        start = b.start(1) if b else 0
        while b and re.match(r"(\w+)\s+(?=\S)", text[start:b.end(1)]):
            first = re.match(r"(\w+)\s+", text[start:b.end(1)])
            if not re.search(rf"(?<![\w’'-]){re.escape(first.group(1).lower())}(?![\w’'-])", text):
                break
            start += first.end()        # "Selon Marie Dupont, porte-parole …": a word the text also writes in lower case
        if b and " " in text[start:b.end(1)].strip() and not b.group(1).isupper() \
                and not any(s <= start < e for s, e, _, _ in out):
            out.append((start, b.end(1), "PERSON", "person"))     # "Ana Ruiz, portavoz del ministerio"
    return out


# a name of two to four capitalised words set off before a title by a comma (an apposition after the name)
_NAME_BEFORE = re.compile(rf"(?<![\w’'-])({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s*$")


_UK_NOT_NAME = ("ого", "ому", "ої", "ий", "ій", "их", "ими")


def _uk_persons(text: str) -> list[tuple[int, int, str, str]]:
    """natasha's persons in Ukrainian text (its Russian model finds them well, its places and orgs less so; of
    its organisations only names in Latin letters): no span across lines, no lone adjective ("Головного")."""
    out = []
    for t in _natasha(text):
        name = text[t[0]:t[1]]
        if "\n" in name:
            continue
        if t[2] == "PERSON" and not (" " not in name.strip() and name.lower().endswith(_UK_NOT_NAME)):
            out.append(t)
        elif t[2] == "ORG" and re.fullmatch(r"[A-Za-z][\w.&’' -]*", name):
            out.append(t)       # a name in Latin letters ("The Japan Times"): an outlet or a foreign body
    return out


def _tail_outside(found: list[Span], start: int, end: int, text: str) -> tuple[int, int] | None:
    """ "Міноборони України Кирило Буданов" tagged as one person where the registry already holds the ministry:
    the capitalised words after the last registry hit inside it, when they are a name of their own."""
    cut = max(s.end for s in found if s.start < end and start < s.end)
    tail = _from_letter(text, cut, end) if cut < end else None
    return tail if tail and text[tail[0]].isupper() and " " in text[tail[0]:tail[1]].strip() else None


def _from_letter(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and not text[s].isalpha():
        s += 1
    return (s, e) if s < e else None


_COMPOUND_BEFORE = re.compile(r"(?<![\w.-])([A-Z][\w.]*)-$")


_NAME_TAIL = re.compile(r"(?:[ -][A-Z][a-z]{1,5}){1,2}\b")


def _longer_name(text: str, start: int, end: int, aid: str, reg: Registry) -> bool:
    """A one-word name hit ("Chairman Kim", "Kim") that the text continues into a longer name ("Kim Jong Il")
    which is not the same actor."""
    if len(strip_titles(text[start:end]).split()) != 1:
        return False
    m = _NAME_TAIL.match(text, end)
    if not m:
        return False
    longer = reg.lookup(text[start:m.end()], fuzzy=False)
    return longer is None or longer.actor.id != aid


def _outlet_compound(text: str, start: int, reg: Registry) -> bool:
    """"RBC-Ukraine": a capitalised word that names nothing the registry knows, hyphened on to the place, makes
    the place part of a name (not "ROK-U.S.", "Russia-Ukraine": two places)."""
    m = _COMPOUND_BEFORE.search(text, max(0, start - 30), start)
    return bool(m) and reg.lookup(m.group(1), fuzzy=False) is None and reg.capital(m.group(1)) is None
_MASTHEAD = re.compile(r" (?:Today|TODAY|Daily|DAILY|Times|TIMES|Post|Herald|Tribune|Gazette|Observer)\b")


def _natasha(text: str) -> list[tuple[int, int, str, str]]:
    from natasha import Doc
    segmenter, ner, _syntax = russian()
    d = Doc(text)
    d.segment(segmenter)
    d.tag_ner(ner)
    return [(s.start, s.stop, *_NATASHA_LABEL[s.type]) for s in d.spans if s.type in _NATASHA_LABEL]


def _kiwi(text: str) -> list[tuple[int, int, str, str]]:
    """Runs of proper nouns (NNP) as candidate names, typed by the Korean pack from their shape and the
    word after them ("이성권 의원": a person; "쿠르스크주": a place); the registry types them where it can.
    A Korean full name never shares a run with another word ("이성권 국민의힘" is two names)."""
    ko = pack("ko").entities
    out: list[tuple[int, int]] = []
    for tok in korean().tokenize(text):
        if tok.tag != "NNP":
            continue
        start, end = tok.start, tok.start + tok.len
        if out and start - out[-1][1] <= 1 and not (start > out[-1][1] and (
                ko.looks_like_person(text[out[-1][0]:out[-1][1]]) or ko.looks_like_person(text[start:end]))):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    typed = []
    for s, e in out:
        kind = ko.classify_proper_noun(text[s:e], text[e:e + 12], text[max(0, s - 8):s]) if is_hangul(text[s:e]) else "org"
        typed.append((s, e, *_KO_KIND.get(kind, ("MISC", "misc"))))     # unknown: a name, but no actor
    return typed


_KO_KIND = {"person": ("PERSON", "person"), "place": ("GPE", "place"), "org": ("ORG", "org")}


def _trim_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    for suf in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suf):
            return start, end - len(suf)
    return start, end


# -- 3. resolution -----------------------------------------------------------------
def _resolve(text: str, start: int, end: int, label: str, kind: str, reg: Registry) -> Span:
    surface = text[start:end]
    m = reg.lookup(surface, fuzzy=kind in ("person", "org"))
    if m:
        a = m.actor
        return _span(start, end, KIND_LABEL.get(a.type, label), a.type, a.id, a.name, m.how, m.score)
    if kind in ("person", "org"):
        name = strip_titles(surface)
        return _span(start, end, label, kind, f"auto:{slug(name)}", name, "cluster", 0.6)
    return _span(start, end, label, kind, None, None, None, 0.8)


def _corefer(text: str, spans: list[Span], reg: Registry) -> list[Span]:
    """A one-word person name takes the actor of the last full name containing it ("Kim", "Gerasimov")."""
    out: list[Span] = []
    by_token: dict[str, dict[str, list]] = {}     # name word -> actor -> [count, a span]
    for s in spans:
        words = name_key(text[s.start:s.end]).split()
        if len(words) == 1 and s.attrs["match"] in ("cluster", None) and s.label != "NORP":
            # spaCy may call "Kim" a place; a nationality ("a Russian soldier") is never a surname
            cands = by_token.get(words[0])
            if cands:   # the actor this word named most often so far ("Kim" = Kim Jong Un, not his sister)
                prev = max(cands.values(), key=lambda c: c[0])[1]
                s = _span(s.start, s.end, "PERSON", "person", prev.attrs["actor"], prev.attrs["actor_name"],
                          "coref:surname", 0.8)
            elif _korean_surname(text, s):
                continue        # "이 의원" with no 이 named before: "this lawmaker", no name
        if s.label == "PERSON" and len(words) == 1 and s.attrs["actor"] and _korean_full_name(text, s):
            # "이성권 … 이 의원": the surname syllable alone ("Rep. Lee", or "this lawmaker") is the last such person
            by_token.setdefault(text[s.start], {}).setdefault(s.attrs["actor"], [0, s])[0] += 1
        if s.label == "PERSON" and len(words) > 1 and s.attrs["actor"]:
            # a role ("Russian President", "Russian journalist") names nobody by its words: only the actor's name
            keys = {words[0], words[-1]} if s.attrs["match"] != "registry:role" else set()
            if not s.attrs["actor"].startswith("auto:"):
                keys |= set(name_key(reg.actors[s.attrs["actor"]].name).split())
            for w in keys:
                c = by_token.setdefault(w, {}).setdefault(s.attrs["actor"], [0, s])
                c[0] += 1
        out.append(s)
    return out


def _korean_full_name(text: str, s: Span) -> bool:
    surface = text[s.start:s.end]
    return 2 <= len(surface) <= 4 and is_hangul(surface) and " " not in surface


def _korean_surname(text: str, s: Span) -> bool:
    """A lone Hangul syllable typed as a person ("이" of "이 의원")."""
    surface = text[s.start:s.end]
    return s.label == "PERSON" and len(surface) == 1 and is_hangul(surface) and s.attrs["match"] in ("cluster", None)


def _nominals(text: str, spans: list[Span], reg: Registry) -> list[Span]:
    out = []
    for m in _NOMINAL_RE.finditer(text):
        if _overlaps(spans, m.start(), m.end()):
            continue
        wanted = _NOMINALS[m.group(1).lower()]
        before = [s for s in spans if s.end <= m.start()]
        prev = _last_fitting(before, wanted, reg)
        if prev is not None and m.group(0).count(" ") == 1:
            prev = _sentence_subject(text, before, prev, m.start(), wanted, reg) or prev
        if prev is not None:
            a = prev.attrs
            out.append(_span(m.start(), m.end(), prev.label, a["kind"], a["actor"], a["actor_name"],
                             "coref:nominal", 0.7))
    return out


_SENTENCE_END = re.compile(r"[.!?]['’\"”]?\s|\n")


def _sentence_subject(text: str, before: list[Span], last: Span, at: int, wanted: tuple[str, ...],
                      reg: Registry) -> Span | None:
    """ "Lavrov held talks with Choe Son Hui, North Korea's foreign minister, … . Later, the minister said": a bare
    description in a later sentence continues the subject of the sentence that named the last fitting actor
    (its first entity, when that one fits too), not the last fitting name (centering, as for "he")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    starts = [e for e in ends if e <= last.start]
    lo = starts[-1] if starts else 0
    if not any(lo <= e <= at for e in ends[len(starts):]) or not ends[len(starts):]:
        return None         # the description is in the same sentence as the name: the last fitting one
    first = next((s for s in before if s.start >= lo and s.attrs.get("actor")), None)
    if first is None or first is last or text[lo:first.start].strip():
        return None         # the sentence does not open with that entity
    return first if _last_fitting([first], wanted, reg) is first else None


def _last_fitting(before: list[Span], wanted: tuple[str, ...], reg: Registry) -> Span | None:
    for s in reversed(before[-40:]):
        aid = s.attrs.get("actor")
        actor = reg.get(aid)
        if actor is None:
            continue
        for w in wanted:
            if w.startswith("role:"):
                if any(w[5:] in r.lower() for r in actor.roles):
                    return s
            elif actor.type == w:
                return s
    return None


def _overlaps(spans: list[Span], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _span(start: int, end: int, label: str, kind: str, actor: str | None, actor_name: str | None,
          how: str | None, score: float = 1.0) -> Span:
    return Span(start, end, "entity", label, STAGE, VERSION, score,
                {"actor": actor, "actor_name": actor_name, "match": how, "kind": kind})

