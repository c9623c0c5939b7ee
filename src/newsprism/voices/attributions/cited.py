"""Relay constructions: who first said it, and who passes it on.

In "Lee, citing the spy agency, said …", "RIA Novosti cited Shoigu as saying …", "Kim was quoted by
KCNA as saying …", "According to the NIS, Yonhap reported …", "the NIS told AFP …" and "the ministry
said in a statement carried by the state news agency …" the original speaker is the one cited (the spy
agency, Shoigu, Kim, the NIS, the ministry); the other passes the statement on and goes to the
attribution's ``relay`` (read by ``relays._relays`` into ``via``, outermost relay first). A relay is an
actor id, or its own words where it names no known actor ("local media", "Reports"). The cue a
construction swallows ("citing the spy agency", "as saying", "according to the NIS") is dropped as an
attribution of its own.
"""

from __future__ import annotations

from ...languages.en.speech import (ADDRESSEE_VERBS, CITING_VERBS, MEDIA_AGENCY_MODIFIERS, MEDIA_HEADS,
                                    OWN_FIGURE_NOUNS, RELAY_CARRIERS, RELAY_LINKS, RELAY_PARTICIPLES,
                                    SPEECH_CARRIERS)
from ..cues import CARRIER_NOUNS, STANCE_OF
from .parse import _np_span, _subtree, _trim_punct
from .speakers import _resolve_speaker
from .subjects import _carrier_owner

# relative clauses on a speaker that name its source ("The report, which relied on unnamed officials, said")
_SOURCING_VERBS = {"rely": ("on", "upon"), "base": ("on", "upon"), "draw": ("on", "upon", "from")}


def relay_constructions(text: str, out: list[dict], entities) -> list[dict]:
    """Rewrite each relay construction's attribution to its original speaker with the relay; returns ``out``
    without the cues the constructions swallowed."""
    by_cue = {r["_tok"].i: r for r in out if r.get("_tok") is not None}
    dropped: set[int] = set()
    for r in out:
        v = r.get("_tok")
        if v is None or id(r) in dropped or v.pos_ not in ("VERB", "AUX"):
            continue
        swallowed = _rewrite(text, r, v, entities)
        if swallowed == ["own"]:     # "According to its latest update, the ministry says …": one attribution
            a = by_cue.get(next(c.i for c in v.children if c.lower_ == "according"))
            if a is not None and id(a) not in dropped:
                _into_according(r, a)
                dropped.add(id(r))
            continue
        for t in swallowed:
            o = by_cue.get(t.i)
            if o is not None and o is not r:
                dropped.add(id(o))
    return [r for r in out if id(r) not in dropped]


def _rewrite(text: str, r: dict, v, entities) -> list:
    """The tokens whose own attributions the construction of ``v`` swallows (empty when none applies)."""
    lemma = v.lemma_.lower()
    if lemma in CITING_VERBS:
        return _cited_as(text, r, v, entities)
    if lemma not in STANCE_OF:
        return []
    subj = r.get("speaker_tok")
    cite = next((c for c in list(v.children) + (list(subj.children) if subj is not None else [])
                 if c.lemma_.lower() in CITING_VERBS and c.tag_ == "VBG" and c.dep_ in ("advcl", "acl", "xcomp")
                 and any(o.dep_ == "dobj" for o in c.children)), None)
    if cite is not None:
        return _citing(text, r, cite, entities)
    according = next((c for c in v.children if c.lower_ == "according" and c.i < v.i), None)
    if according is not None and subj is not None and _is_media(subj, entities):
        return _according_outlet(text, r, according, entities)
    if according is not None and subj is not None and _own_document(according):
        return ["own"]
    if subj is not None and _sourced_speaker(text, r, subj, entities):
        return []
    if lemma in ADDRESSEE_VERBS:
        obj = next((c for c in v.children if c.dep_ in ("dobj", "dative") and c.i > v.i), None)
        if obj is not None and _is_media(obj, entities):
            _add_relay(r, _who(text, obj, entities))
            return []
    _carrier_relay(text, r, v, entities)
    return []


def _cited_as(text: str, r: dict, v, entities) -> list:
    """ "X cited/quoted Y as saying C", "Y was quoted by X as saying C", "X quoted Y as accepting C"."""
    as_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    said = next((c for c in as_.children if c.dep_ == "pcomp"), None) if as_ is not None else None
    if said is None:
        return []
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    passive = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if obj is not None:
        relay = _own_words(text, r)
        source = obj
    elif passive is not None:
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        relay = _who(text, by, entities) if by is not None else None
        source = passive
    else:
        return []
    content = _said_content(said)
    if content is not None:
        r["content"] = content
    elif said.idx < r["content"][0] or said.lemma_.lower() not in STANCE_OF:
        return []
    _set_speaker(text, r, source, entities)
    _add_relay(r, relay)
    return [said]


def _said_content(said) -> tuple[int, int] | None:
    """What "as saying …" reports: the clause of a reporting verb, else the phrase ("as accepting a toll of …")."""
    if said.lemma_.lower() in STANCE_OF:
        clause = next((c for c in said.children if c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > said.i), None)
        toks = _trim_punct(list(_subtree(clause))) if clause is not None else []
    else:
        toks = _trim_punct([t for t in _subtree(said)])
    return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None


def _citing(text: str, r: dict, cite, entities) -> list:
    """ "X, citing Y, said C", "Citing Y, X said C", "X reported, citing Y, that C", "A report citing Y said C"."""
    source = _cited_source(next(c for c in cite.children if c.dep_ == "dobj"))
    if source is None:
        return []
    clause = next((c for c in cite.children if c.dep_ == "ccomp" and c.i > source.i), None)
    if clause is not None:       # "Yonhap reported, citing the NIS, that …": the clause hangs under "citing"
        toks = _trim_punct(list(_subtree(clause)))
        if toks:
            r["content"] = (toks[0].idx, toks[-1].idx + len(toks[-1]))
    relay = _own_words(text, r)
    _set_speaker(text, r, source, entities)
    _add_relay(r, relay)
    return [cite]


def _cited_source(obj):
    """Who a cited object makes the original speaker: a person or body itself, the owner of a cited statement
    ("citing a statement from the NIS"); none for a cited document, study or data, which the citing speaker
    reads and reports in its own words ("…, citing a document from the Ministry of Culture")."""
    lemma = obj.lemma_.lower()
    if lemma in SPEECH_CARRIERS or obj.lower_ in SPEECH_CARRIERS:
        return _carrier_owner(obj)
    if lemma in CARRIER_NOUNS or obj.lower_ in CARRIER_NOUNS:
        return None
    return obj


def _according_outlet(text: str, r: dict, according, entities) -> list:
    """ "According to the NIS, Yonhap reported …": an outlet's report of what its source says; not "According
    to the agency, Kim said …", where the agency relays Kim (``relays``)."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return []
    relay = _own_words(text, r)
    _set_speaker(text, r, source, entities)
    _add_relay(r, relay)
    return [according]


def _into_according(r: dict, a: dict) -> None:
    """The report's speaker and content go to the "according to" attribution of its own document (one statement,
    its cue the phrase that names where it was published)."""
    for k in ("speaker", "speaker_tok", "actor", "actor_name", "reason", "content", "label"):
        a[k] = r.get(k)
    a.pop("resolve_span", None)


def _own_document(according) -> bool:
    """ "According to its most recent update": the object of "according to" is a carrier owned by a pronoun (the
    speaker of the report it introduces)."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return obj is not None and obj.lemma_.lower() in CARRIER_NOUNS | OWN_FIGURE_NOUNS and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _sourced_speaker(text: str, r: dict, subj, entities) -> bool:
    """ "The report, which relied on unnamed Western officials, said …": the speaker's relative clause names
    the source it passes on."""
    for rel in (c for c in subj.children if c.dep_ == "relcl"):
        lemma = rel.lemma_.lower()
        preps = _SOURCING_VERBS.get(lemma)
        if preps:
            prep = next((c for c in rel.children if c.dep_ == "prep" and c.lower_ in preps), None)
            source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        elif lemma in CITING_VERBS:
            source = next((c for c in rel.children if c.dep_ == "dobj"), None)
        else:
            continue
        source = _cited_source(source) if source is not None else None
        if source is not None:
            relay = _own_words(text, r)
            _set_speaker(text, r, source, entities)
            _add_relay(r, relay)
            return True
    return False


def _carrier_relay(text: str, r: dict, v, entities) -> None:
    """ "said in a statement carried by the state news agency", "in comments to local media", "in an interview
    with Reuters": the medium the statement came through."""
    for prep in (c for c in v.children if c.dep_ == "prep" and c.lower_ == "in"):
        carrier = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in RELAY_CARRIERS), None)
        if carrier is None:
            continue
        for c in carrier.children:
            if c.dep_ == "prep" and c.lower_ in RELAY_LINKS:
                medium = next((o for o in c.children if o.dep_ == "pobj"), None)
            elif c.dep_ == "acl" and c.lemma_.lower() in RELAY_PARTICIPLES:
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                medium = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
            else:
                continue
            if medium is not None and _is_media(medium, entities):
                _add_relay(r, _who(text, medium, entities))
                return


def _entity_at(tok, entities):
    return next((e for e in entities.last_before(tok.idx + 1, 4) if e.start <= tok.idx < e.end), None)


def _is_media(tok, entities) -> bool:
    """A news medium: a media entity, or a head like "media", "newspaper", "the state news agency"."""
    e = _entity_at(tok, entities)
    if e is not None and e.label == "MEDIA":
        return True
    lemma = tok.lemma_.lower()
    if lemma in MEDIA_HEADS or tok.lower_ in MEDIA_HEADS:
        return True
    return lemma == "agency" and any(c.lower_ in MEDIA_AGENCY_MODIFIERS for c in tok.children
                                     if c.dep_ in ("compound", "amod"))


def _who(text: str, tok, entities) -> str | None:
    """A relay by its actor id, else its own words."""
    span = _np_span(tok)
    actor, _name, _why = _resolve_speaker(text, {"speaker": span, "speaker_tok": tok}, entities)
    return actor or " ".join(text[span[0]:span[1]].split()) or None


def _own_words(text: str, r: dict) -> str | None:
    """The attribution's present speaker as a relay: its actor, else its words (None without a speaker)."""
    if r.get("actor"):
        return r["actor"]
    sp = r.get("speaker")
    return " ".join(text[sp[0]:sp[1]].split()) or None if sp else None


def _set_speaker(text: str, r: dict, tok, entities) -> None:
    r["speaker"], r["speaker_tok"] = _np_span(tok), tok
    r.pop("resolve_span", None)
    r["actor"], r["actor_name"], r["reason"] = _resolve_speaker(text, r, entities)


def _add_relay(r: dict, relay: str | None) -> None:
    if relay and relay != r.get("actor") and relay not in r.setdefault("relay", []):
        r["relay"].append(relay)
