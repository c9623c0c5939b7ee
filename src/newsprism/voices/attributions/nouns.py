"""English cues that are not verbs in the parse: predicate adjectives ("X is confident that …"),
nouns ("his belief that …", "X's statement …") and reporting verbs the parse read as nouns.
"""

from __future__ import annotations

from ...languages.en.speech import FRAME_PREPOSITIONS, QUANTIFIERS
from ..cues import STANCE_OF
from .parse import _has_verb, _name_run, _np_span, _subtree, _trim_punct
from .quote_cues import _adjacent_quote, _quote_before
from .quotes import _quote_ending_before
from .subjects import _carrier_owner


def _adjective_frame(adj, holder=None) -> dict | None:
    """A predicate adjective: "X is confident that …" (its clause), "X was also critical of Obama's stance",
    "X are wary of saying anything", "X was unsure why …" (what its preposition or clause takes); ``holder``
    for an adjective that is not predicated by a copula (the noun it follows, or its own subject)."""
    cop = adj.head
    subj = holder or next((c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    cont = next((c for c in adj.children if c.dep_ in ("ccomp", "xcomp")), None)
    end = adj.idx + len(adj)
    if cont is not None:
        toks = list(_subtree(cont))
    else:
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in FRAME_PREPOSITIONS), None)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is None:
            return None
        toks = list(_subtree(obj))
        end = prep.idx + len(prep)
    toks = _trim_punct(toks)
    if not toks:
        return None
    start = cop.idx if holder is None and cop.i < adj.i and cop.pos_ == "AUX" else adj.idx
    return {"cue": (start, end), "speaker": _np_span(subj),
            "content": (toks[0].idx, toks[-1].idx + len(toks[-1])), "lemma": adj.lemma_.lower(),
            "speaker_tok": subj}


def _noun_fallback(n) -> dict | None:
    """A noun cue the model is sure of ("criticism of the plan"): what follows it in its phrase."""
    toks = _trim_punct([t for c in n.rights if c.dep_ not in ("conj", "cc", "punct", "appos") for t in _subtree(c)])
    if not toks:
        return None
    owner = _carrier_owner(n)
    if owner is not None and owner.i > n.i:
        toks = _trim_punct([t for t in toks if not (owner.left_edge.i <= t.i <= owner.right_edge.i)
                            and t.head.i != owner.i])
        if all(t.is_stop or not t.is_alpha for t in toks):
            return None   # "a message of sympathy from …" left "of" once the owner was taken out
    if owner is None and n.dep_ in ("dobj", "obj") and n.head.pos_ in ("VERB", "AUX"):
        owner = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
    if owner is None:       # as for a noun cue with a clause: a name as its compound, a subject ("Williamson
        # assails in scoffing prose what …" with "assails" a root noun)
        owner = next((c for c in n.children if c.i < n.i and (c.dep_ == "nsubj" or c.dep_ == "compound"
                                                             and c.pos_ == "PROPN")), None)
    if owner is None:
        lost = _verb_read_as_root_noun(n)
        if lost is not None:
            return {"cue": (n.idx, n.idx + len(n)), "speaker": lost[0], "content": (toks[0].idx, toks[-1].idx
                    + len(toks[-1])), "lemma": n.lemma_.lower(), "speaker_tok": lost[1]}
    return {"cue": (n.idx, n.idx + len(n)), "speaker": _np_span(owner) if owner is not None else None,
            "content": (toks[0].idx, toks[-1].idx + len(toks[-1])), "lemma": n.lemma_.lower(), "speaker_tok": owner}


def _verb_read_as_root_noun(n):
    """ "The Israeli military claims to have killed …" parsed as one noun phrase ("claims" its head, "The Israeli
    military" its modifiers) with the infinitive hung on it: the words before the reporting verb are its subject.
    Returns (speaker span, speaker head) or None."""
    if n.dep_ != "ROOT" or n.lemma_.lower() not in STANCE_OF or n.i == 0:
        return None
    if not any(c.dep_ in ("xcomp", "ccomp") and c.i > n.i for c in n.children):
        return None
    before = [c for c in n.children if c.i < n.i]
    if not before or any(c.dep_ not in ("det", "amod", "compound", "nmod", "poss") for c in before):
        return None
    head = n.doc[n.i - 1]
    if head.pos_ not in ("NOUN", "PROPN", "ADJ") or head.head.i != n.i:
        return None
    first = min(c.left_edge.i for c in before)
    return (n.doc[first].idx, head.idx + len(head)), head


def _noun_cue(n, quotes) -> dict | None:
    misread = _verb_read_as_noun(n, quotes) or _verb_read_as_noun_before_clause(n)
    if misread is not None:
        return misread
    cont = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and _has_verb(c)
                 and any(g.dep_ == "mark" or g.dep_.startswith("nsubj") for g in c.children)), None)
    content = None
    if cont is not None and cont.dep_ != "relcl":
        toks = _trim_punct(list(_subtree(cont)))
        if toks:
            content = (toks[0].idx, toks[-1].idx + len(toks[-1]))
    if content is None:
        content = _adjacent_quote(n, None, quotes)
    if content is None:
        return None
    owner = _carrier_owner(n)
    if owner is None:
        owner = next((c for c in n.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if owner is None:       # "Trump claims he's worth …" with "claims" a root noun and Trump its subject: a verb
        owner = next((c for c in n.children if c.dep_ == "nsubj" and c.i < n.i), None)
    if owner is None and n.dep_ in ("dobj", "obj") and n.head.pos_ in ("VERB", "AUX"):
        owner = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
    return {"cue": (n.idx, n.idx + len(n)), "speaker": _np_span(owner) if owner is not None else None,
            "content": content, "lemma": n.lemma_.lower(), "speaker_tok": owner}


def _verb_read_as_noun(n, quotes) -> dict | None:
    """'“…,” the email read.', '“…,” the two write.': the small parse makes the verb a noun with the speaker as
    its compound or number. A noun right after a quote and its own modifiers, ending the sentence, with a
    compound noun or a number: that word speaks the quote."""
    doc = n.doc
    if n.i + 1 >= len(doc) or doc[n.i + 1].text not in (".", ";"):
        return None
    q = _quote_ending_before(quotes, n.idx)
    if q is None or n.idx - q[1] > 40:
        return None
    between = [t for t in doc[:n.i] if t.idx >= q[1] and not t.is_punct]
    if not between or any(t.head.i != n.i or t.dep_ not in ("det", "compound", "amod", "poss", "nummod")
                          for t in between):
        return None
    owner = next((t for t in reversed(between) if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")
                  or t.dep_ == "nummod" and t.pos_ == "NUM"), None)     # '“…,” the two write.'
    if owner is None or _quote_before(between[0], None, quotes) != q:
        return None
    return {"cue": (n.idx, n.idx + len(n)), "speaker": (between[0].idx, owner.idx + len(owner)), "content": q,
            "lemma": n.lemma_.lower(), "speaker_tok": owner}


def _verb_read_as_noun_before_clause(n) -> dict | None:
    """"Trump claims he's worth $10 billion." (the parse: "Trump" the root noun, "claims" its object), "Many fear
    Trump will feed …" ("fear" the root noun, "many" its adjective): a reporting verb the small model read as a
    noun, in a sentence with no verb of its own but the reported clause. The word before it speaks; the clause
    is the content."""
    if n.lemma_.lower() not in STANCE_OF or n.i == 0:
        return None
    doc = n.doc
    prev = doc[n.i - 1]
    if n.dep_ in ("dobj", "attr", "appos") and n.head.i == prev.i and prev.dep_ == "ROOT" and prev.pos_ in (
            "PROPN", "NOUN") and doc[prev.left_edge.i].is_sent_start:
        who, holder = prev, prev
    elif n.dep_ == "ROOT" and prev.head.i == n.i and (prev.lower_ in QUANTIFIERS or prev.pos_ == "PROPN"):
        who, holder = prev, n
    else:
        return None
    clause = next((c for c in holder.children if c.dep_ == "ccomp" and c.i > n.i
                   and any(g.dep_.startswith("nsubj") for g in c.children)), None)
    if clause is None or any(t.pos_ == "VERB" and t.i < n.i for t in doc[prev.left_edge.i:n.i]):
        return None
    toks = _trim_punct(list(_subtree(clause)))
    if not toks:
        return None
    return {"cue": (n.idx, n.idx + len(n)), "speaker": _name_run(who) if who.pos_ == "PROPN" else
            (who.idx, who.idx + len(who)), "content": (toks[0].idx, toks[-1].idx + len(toks[-1])),
            "lemma": n.lemma_.lower(), "speaker_tok": who}
