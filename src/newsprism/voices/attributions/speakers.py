"""Speaker resolution: from the speaker phrase to a known actor, or a reason why not.

Through the entity spans: the entity holding the phrase's head word; a capital or a nationality
word for its country; "he"/"she" to the subject they continue, else (like "who") the last fitting
person; "the vice-chairman" / "the statement" to the earlier speaker whose phrase holds those
words; "An article" of a press review to the newspaper named above it.
"""

from __future__ import annotations

import bisect
import re

from ...languages.en.speech import (DEFINITE_DESCRIPTION, INDEFINITE_DESCRIPTION, NATIONAL_VOICE_HEADS, PUBLICATION_DESCRIPTION, SIDE_PREFIX,
                                    TITLE_GENDER)
from ...model import Span
from ..cues import (CARRIER_NOUNS, GENERIC_SPEAKERS, PERSON_ROLES, PRONOUNS, SPEAKING_BODIES, SPEAKING_BODIES_KO,
                    SPEAKING_BODIES_RU)
from ...languages.en.speech import VAGUE_GROUP as _VAGUE_EN
from ...languages.ko.speech import VAGUE_GROUP as _VAGUE_KO
from ...languages.ru.speech import VAGUE_GROUP as _VAGUE_RU
from ...languages.uk.speech import VAGUE_GROUP as _VAGUE_UK
from ..names import is_hangul
from ..registry import default_registry
from .nobody import several


class _Entities(list):
    """The document's entity spans in text order, looked up by position by bisection: speaker resolution asks
    for the entities inside each speaker phrase, and a scan of all of them per attribution is quadratic in
    a huge document."""

    def __init__(self, spans):
        super().__init__(sorted(spans, key=lambda e: (e.start, e.end)))
        self.starts = [e.start for e in self]
        self.genders: dict[str, str | None] = {}     # actor -> gender from a title before a mention (``_gender``)

    def starting_in(self, lo: int, hi: int) -> list:
        """The entities that start at ``lo`` or later and before ``hi``, in text order."""
        return self[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def last_before(self, i: int, n: int) -> list:
        """The last ``n`` entities that start before character ``i``, in text order."""
        k = bisect.bisect_left(self.starts, i)
        return self[max(0, k - n):k]


_ANTECEDENTS_BACK = 500     # entities before a pronoun its antecedent search looks at (a news article has fewer)


def _nearest_entity(entities, ss, se, cue_start):
    cands = [e for e in entities.starting_in(ss, se) if e.end <= se and e.label in ("PERSON", "ORG", "MEDIA")]
    before = [e for e in cands if e.end <= cue_start]
    pick = before[0] if before else (cands[0] if cands else None)
    return (pick.start, pick.end) if pick else None


def _resolve_speaker(text: str, r: dict, entities: list[Span]):
    sp = r.get("resolve_span") or r.get("speaker")
    if not sp:
        return None, None, "no speaker in the text"
    ss, se = sp
    r.pop("side", None)
    if several(r.get("speaker_tok")):     # a group of parties keeps its own words
        return None, None, f"'{text[ss:se][:60]}' names several parties"
    head = r["speaker_tok"].idx if r.get("speaker_tok") is not None else -1
    country = _capital_speaker(text, ss, se, head, entities)
    if country is not None:
        return country.id, country.name, None
    inside = [e for e in entities.starting_in(ss, se) if e.end <= se and e.attrs.get("actor")
              and not _sided(text, e.start)]
    if r.get("whole_phrase"):   # a phrase with no parse of its head: only an entity that is the whole phrase
        bare = re.sub(r"^(?:the|a|an)\s+", "", text[ss:se].strip(), flags=re.I)
        inside = [e for e in inside if text[e.start:e.end].strip() == bare]
    if inside:   # the entity holding the phrase's head word, else a person or organisation, else any
        e = min(inside, key=lambda e: (not (e.start <= head < e.end),
                                       e.label not in ("PERSON", "ORG", "MEDIA"), e.start))
        tok = r.get("speaker_tok")
        if _group_of(text, r, e, head):
            return None, None, _VAGUE_REASON.format(text[ss:se][:60], e.attrs["actor_name"])
        if (tok is not None and not e.start <= head < e.end and e.label not in ("PERSON", "ORG", "MEDIA")
                and tok.pos_ == "NOUN" and tok.lemma_.lower() not in _SPEAKING_HEADS):
            # "The two nuclear-armed U.S. adversaries broke their silence", "the U.S.-Japan-ROK exercises
            # show": a country that only modifies the head is not who speaks ("US officials" still is)
            return None, None, f"'{text[ss:se][:60]}': {e.attrs['actor_name']} only modifies '{tok.text}'"
        last = _korean_head(text, ss, se) if tok is None else None
        if last is not None and e.end < ss + len(text[ss:se].rstrip()) and e.label not in ("PERSON", "ORG", "MEDIA") \
                and last not in SPEAKING_BODIES_KO:
            # "러시아 군인은 … 말했다" (a Russian soldier): the country only modifies who speaks ("러시아 당국" is it)
            return None, None, f"'{text[ss:se][:60]}': {e.attrs['actor_name']} only modifies '{last}'"
        return e.attrs["actor"], _qualified_name(text, e, entities, ss), None
    country = _demonym_speaker(text, ss, se, r.get("speaker_tok"), entities)
    if country is not None and _vague_group(text, ss, se, r.get("speaker_tok")) is not None:
        r["side"] = country.id      # the country the group is of: its relays follow the country's
        return None, None, _VAGUE_REASON.format(text[ss:se][:60], country.name)
    if country is not None:
        return country.id, country.name, None
    words = text[ss:se].lower().split()
    if words and words[-1] in PRONOUNS | {"him", "them"}:
        prev = [e for e in entities.last_before(ss, _ANTECEDENTS_BACK) if e.end <= ss and e.attrs.get("actor")
                and e.label == ("PERSON" if words[-1] in ("he", "she", "who", "i") else e.label)]
        e = None
        if words[-1] in ("he", "she") and r.get("speaker_tok") is not None:
            e = _subject_antecedent(text, r["speaker_tok"], prev, entities)
            if isinstance(e, str):
                return None, None, f"pronoun '{text[ss:se]}' continues '{e}', which names no known actor"
        if e is None and words[-1] in ("he", "she", "who"):
            e = _antecedent(text, prev, words[-1], entities)
        if e is not None:
            return e.attrs["actor"], e.attrs["actor_name"], None
        return None, None, f"pronoun '{text[ss:se]}' without a fitting antecedent"
    if words and words[-1].strip(".,") in GENERIC_SPEAKERS:
        return None, None, f"generic speaker '{text[ss:se]}'"
    return None, None, f"'{text[ss:se][:60]}' names no known or clustered actor"


_VAGUE_REASON = "'{}' is an unnamed group ({} only describes it): kept in its words"


def _vague_group(text: str, ss: int, se: int, tok) -> int | None:
    """Where (offset in the phrase) a plural source noun heads the speaker phrase ("Ukrainian sources",
    "українські джерела", "한국 정부 소식통"; the packs' ``VAGUE_GROUP``), else None."""
    phrase = text[ss:se]
    if tok is not None:
        return tok.idx - ss if ss <= tok.idx < se and _VAGUE_EN.fullmatch(tok.text) else None
    last = _korean_head(text, ss, se)
    if last is not None:
        return phrase.rstrip().rfind(last) if _VAGUE_KO.search(last) else None
    m = _VAGUE_RU.search(phrase) or _VAGUE_UK.search(phrase)
    return m.start() if m else None


def _group_of(text: str, r: dict, e: Span, head: int) -> bool:
    """Whether the speaker phrase is an unnamed group the entity ``e`` (not holding its head) only gives the
    nationality of; sets ``r["side"]`` to that country when known."""
    ss, se = r.get("resolve_span") or r.get("speaker")
    group = _vague_group(text, ss, se, r.get("speaker_tok"))
    if group is None or e.start <= head < e.end or e.end > ss + group:
        return False
    side = _nationality(text, e)
    if side:
        r["side"] = side
    return side is not None


def _nationality(text: str, e: Span) -> str | None:
    """Whether an entity before a group noun only gives the group's nationality: a country or place, a name
    opening with a nationality word ("South Korean intelligence officials"), or a word only clustered
    ("Українські" read as a name). The country's id ("" when unknown), else None."""
    actor = str(e.attrs.get("actor") or "")
    if actor.startswith("auto:"):
        return "" if e.label != "MEDIA" else None
    reg = default_registry()
    hit = reg.get(actor)
    if hit is not None and hit.type in ("place", "country"):
        return hit.id
    words = text[e.start:e.end].split()
    for n in (2, 1):
        hit = reg.demonym(" ".join(words[:n])) if n < len(words) else None
        if hit is not None:
            return hit.id
    return None


def _qualified_name(text: str, e: Span, entities, ss: int) -> str | None:
    """The actor's name; for an actor only clustered (``auto:``) from a generic name, with the place that
    qualifies it in the speaker phrase ("the UK Ministry of Defense", "Taiwan's defence ministry": the cluster is
    the bare "Ministry of Defense"), so that the name says whose body it is."""
    name = e.attrs.get("actor_name")
    if not str(e.attrs.get("actor") or "").startswith("auto:") or e.label == "PERSON":
        return name         # a person's name is whole without the place ("губернатор Курской области X")
    place = next((p for p in entities.starting_in(ss, e.start) if p.label != "PERSON" and p.end <= e.start
                  and re.fullmatch(r"(?:['’]s)?\s*", text[p.end:e.start])), None)
    return " ".join(text[place.start:e.end].split()) if place is not None else name


def _sided(text: str, start: int) -> bool:
    """ "pro-Russian forces", "anti-Kremlin activists": a name after "pro-"/"anti-" is a side taken, not who
    speaks."""
    return bool(SIDE_PREFIX.search(text[max(0, start - 6):start]))


_SPEAKING_HEADS = PERSON_ROLES | SPEAKING_BODIES   # heads through which a modifying country speaks


_DESCRIPTION_BACK = 50      # attributions a description looks back over (bounded: huge documents stay linear)


def _resolve_descriptions(text: str, out: list[dict], entities: list[Span], dateline_end: int) -> None:
    """Speakers named by a description, resolved in document order once every attribution has its own:
    "the vice-chairman said" / "the statement noted" → the last earlier speaker whose phrase holds that word
    ("Cha Sang Bo, vice-chairman of …", "The Social Confederation … in a statement said"); "An article says"
    in a press review → the last newspaper named before it (the "Rodong Sinmun" heading above the items, or
    "articles in Rodong Sinmun" in the lead), never the agency of the dateline, which carries every item."""
    media = sorted((e for e in entities if e.label == "MEDIA" and e.attrs.get("actor") and e.start >= dateline_end),
                   key=lambda e: e.end)
    media_ends = [e.end for e in media]
    done: list[dict] = []
    for r in sorted(out, key=lambda r: r["cue"][0]):
        sp = r.get("speaker")
        if r["actor"] is None and sp:
            phrase = " ".join(text[sp[0]:sp[1]].split())
            m = PUBLICATION_DESCRIPTION.fullmatch(phrase)
            if m:
                k = bisect.bisect_right(media_ends, sp[0])
                e = media[k - 1] if k else None
                if e is not None:
                    r["actor"], r["actor_name"], r["reason"] = e.attrs["actor"], e.attrs["actor_name"], None
            elif (m := DEFINITE_DESCRIPTION.fullmatch(phrase)) and m.group(1).lower() not in PRONOUNS:
                # every word after the determiner must be in the earlier phrase ("the U.S. president" is not
                # "Kim Jong Un, president of the State Affairs")
                words = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.I) for w in phrase.split()[1:]]
                o = next((o for o in reversed(done[-_DESCRIPTION_BACK:]) if o["actor"] and o.get("speaker")
                          and (all(w.search(text[o["speaker"][0]:o["speaker"][1]]) for w in words)
                               or m.group(1).lower() in _published_in(o))), None)
                if o is None and m.group(1).lower() in PERSON_ROLES:
                    o = _role_antecedent(text, phrase.split()[1:], done,
                                         entities.last_before(sp[0], _ANTECEDENTS_BACK))
                if o is not None:
                    r["actor"], r["actor_name"], r["reason"] = o["actor"], o["actor_name"], None
        done.append(r)
    _named_next(text, done)


def _named_next(text: str, ordered: list[dict]) -> None:
    """ "…, a conservative lawmaker argued on Tuesday. Kim Min-jun, a Justice Party lawmaker …, said …": a speaker
    introduced by an indefinite role description is the person the next report names with that role."""
    for r, n in zip(ordered, ordered[1:]):
        sp, nsp = r.get("speaker"), n.get("speaker")
        if r["actor"] is not None or not sp or not nsp or not n.get("actor"):
            continue
        m = INDEFINITE_DESCRIPTION.fullmatch(" ".join(text[sp[0]:sp[1]].split()))
        if m is None or m.group(1).lower() not in PERSON_ROLES:
            continue
        named = text[nsp[0]:nsp[1]]
        tok = n.get("speaker_tok")
        if re.search(rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?{re.escape(m.group(1))}\b", named, re.I) and \
                (tok is None or tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN"):
            r["actor"], r["actor_name"], r["reason"] = n["actor"], n["actor_name"], None


_ROLE_BACK = 4          # attributions "the general added" looks back over for its person


def _role_antecedent(text: str, words: list[str], done: list[dict], entities: list[Span]) -> dict | None:
    """ "…, Oleksandr Petrenko said. … , the general added.", "Vladimir Putin, the Russian president, … the
    Russian leader said": a role description no earlier speaker phrase holds continues the last person who
    spoke (of the last few attributions), when its other words ("Russian") stand beside a mention of that
    person; "the U.S. president" does not continue "Kim Jong Un, president of …". ``entities``: those before the
    description (a bounded number)."""
    for o in reversed(done[-_ROLE_BACK:]):
        if not o.get("actor"):
            continue
        mentions = [e for e in entities if e.attrs.get("actor") == o["actor"]]
        said_by = text[o["speaker"][0]:o["speaker"][1]].lower().split() if o.get("speaker") else []
        if not mentions or not (any(e.label == "PERSON" for e in mentions)
                                or any(w.strip(",.") in PERSON_ROLES for w in said_by)):
            return None              # the last speaker is no person: the role is someone else's
        near = " ".join(text[max(0, e.start - 80):e.end + 80] for e in mentions).lower()
        if all(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", near) for w in words[:-1]):
            return o
        return None
    return None


def _published_in(o: dict) -> set[str]:
    """The carriers an attribution's cue names ("In a report published on X, the ministry said": {"report"}), so
    that "the report" later is that speaker's."""
    tok = o.get("_tok")
    if tok is None:
        return set()
    return {w.lemma_.lower() for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "through")
            for w in p.children if w.dep_ == "pobj"} & CARRIER_NOUNS


def _subject_antecedent(text: str, pron, persons: list[Span], entities: list[Span]) -> Span | str | None:
    """The person "he"/"she" continues: the subject of an earlier clause of its sentence, else of the sentences
    before (their main clause's subject first), up to three back; a subject that is the same pronoun passes
    the search on, one of the other gender is skipped. Subjects are what a pronoun most often continues
    (centering): in "Kim Jong Un expressed thanks to President Putin … He said that …" the last person named
    is Putin, the subject Kim. A subject that is a person by its role but names no actor ("The national
    leader of the Workers' Party of Mexico said … , he noted") ends the search: its text is returned, and
    the pronoun stays unresolved rather than going to a name inside the quoted praise."""
    want = {"he": "m", "she": "f"}.get(pron.lower_)
    sent = pron.sent
    # "All these are fruition of Comrade Kim Jong Un's leadership, he noted": the subjects before an inverted
    # report belong to what is reported, not to who reports it
    inverted = pron.head.dep_ in ("parataxis", "ccomp")
    for k in range(4):
        subjects = [] if k == 0 and inverted else [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")
                                                    and t.i < pron.i]
        subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", t.i))
        for subj in subjects:
            if subj.lower_ == pron.lower_:
                break            # the same pronoun: its referent is further back
            lo, hi = subj.left_edge.idx, subj.idx + len(subj)
            e = next((p for p in reversed(persons) if p.start <= subj.idx < p.end), None)
            if e is None:
                e = next((p for p in reversed(persons) if lo <= p.start and p.end <= hi), None)
            if e is not None and _gender(text, e.attrs["actor"], entities) in (None, want):
                return e
            if e is None and subj.lemma_.lower() in PERSON_ROLES and subj.pos_ == "NOUN":
                return " ".join(text[lo:subj.right_edge.idx + len(subj.right_edge)].split())[:80]
        if sent.start == 0:
            return None
        sent = pron.doc[sent.start - 1].sent
    return None


def _antecedent(text: str, persons: list[Span], pronoun: str, entities: list[Span]) -> Span | None:
    """The last person before a pronoun that agrees with it: "she" skips a man and "he" a woman (gender from
    the registry, else a Mr./Ms. before any mention of that actor in the text); "who" and people of unknown
    gender take the last person."""
    want = {"he": "m", "she": "f"}.get(pronoun)
    for e in reversed(persons):
        if want is None or _gender(text, e.attrs["actor"], entities) in (None, want):
            return e
    return None


def _gender(text: str, actor: str, entities: list[Span]) -> str | None:
    known = default_registry().get(actor)
    if known is not None and known.gender:
        return known.gender
    if actor in entities.genders:
        return entities.genders[actor]
    got = None
    for e in entities:
        if e.attrs.get("actor") == actor:
            before = text[max(0, e.start - 8):e.start]
            got = next((g for pat, g in TITLE_GENDER if pat.search(before) or pat.match(text[e.start:e.end])),
                       None)
            if got is not None:
                break
    entities.genders[actor] = got
    return got


def _capital_speaker(text: str, ss: int, se: int, head: int, entities: list[Span]):
    """ "Pyongyang said", "заявила Москва", "평양은 …": a capital as speaker is its country (registry
    ``capitals``), when it is the whole speaker phrase or the entity holding the phrase's head word."""
    reg = default_registry()
    hit = reg.capital(text[ss:se])
    if hit is None:
        e = next((e for e in entities.starting_in(ss, head + 1) if e.start <= head < e.end <= se), None)
        hit = reg.capital(text[e.start:e.end]) if e is not None else None
    return hit


_NATIONAL_VOICES = SPEAKING_BODIES | NATIONAL_VOICE_HEADS


_KO_PARTICLES = ("께서는", "께서", "에서는", "에서", "은", "는", "이", "가")


def _korean_head(text: str, ss: int, se: int) -> str | None:
    """The last word of a Korean speaker phrase without its particle ("러시아 군인은" -> "군인"); None if not Korean."""
    words = text[ss:se].split()
    if not words or not is_hangul(words[-1]):
        return None
    w = words[-1]
    for p in _KO_PARTICLES:
        if w.endswith(p) and len(w) > len(p):
            return w[:-len(p)]
    return w


def _demonym_speaker(text: str, ss: int, se: int, tok, entities: list[Span]):
    """"Russian officials said", "the Ukrainian military said": the country a nationality word before the
    speaking head names (registry ``demonyms``); in Russian, where no parse gives the head, any speaking word of
    the phrase ("российская сторона", "по словам российских официальных лиц")."""
    if tok is None:
        return _demonym_in_words(text[ss:se])
    if tok.lemma_.lower() not in _NATIONAL_VOICES and tok.lower_ not in _NATIONAL_VOICES:
        return None
    reg = default_registry()
    for e in entities.starting_in(ss, tok.idx):
        if e.end <= tok.idx <= se and e.label in ("NORP", "GPE") and not e.attrs.get("actor") \
                and not _sided(text, e.start):
            hit = reg.demonym(text[e.start:e.end])
            if hit is not None:
                return hit
    return None


def _demonym_in_words(phrase: str):
    words = re.findall(r"[а-яё]+", phrase.lower())
    if not any(w.startswith(SPEAKING_BODIES_RU) for w in words):
        return None
    reg = default_registry()
    for w in words:
        if not w.startswith(SPEAKING_BODIES_RU):
            hit = reg.demonym(w)
            if hit is not None:
                return hit
    return None
