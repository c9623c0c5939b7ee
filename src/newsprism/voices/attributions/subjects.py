"""Who does an English reporting verb: its subject in the parse, and the repairs for the parses
that lose or mislabel it (inverted reports, appositions, dashes, names read as modifiers).
"""

from __future__ import annotations

from ...languages.en.speech import (ADDRESSING_VERBS, CONTENDER_HEADS, NAMES_LIKE_MODALS, QUANTIFIERS,
                                    SPEECH_PARTICIPLES)
from ..cues import CARRIER_NOUNS, PERSON_ROLES, STANCE_OF
from .parse import _subtree, _trim_punct
from .quotes import _quote_holding
from .speakers import _SPEAKING_HEADS


def _verb_subject(v):
    """Who does the verb: its subject, a governing verb's subject for xcomp/conj/advcl,
    the by-agent of a passive; None when the parse has none."""
    subj = _inverted_subject(v) or next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        or _subject_misread(v)
    if subj is None and v.tag_ == "VBN":
        # a passive without its own subject: its by-agent, not the governing verb's subject ("The FBI had
        # interviewed him, after being warned by the Russian government that …", "When asked by Ingraham …, Cruz")
        by = _by_agent(v)
        if by is not None:
            return by
    if subj is None and _name_read_as_modified(v):
        return v.head
    if (subj is None and v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON")
            and v.head.lemma_.lower() not in CARRIER_NOUNS and not _addressed(v.head)):
        # "a puppet saying what people want to hear", "officials warning that …"; not a carrier noun: "issued a
        # statement saying …" goes on up the chain to who issued it
        told = next((c for c in v.head.children if c.i < v.i and c.pos_ == "VERB" and c.lemma_.lower() in STANCE_OF
                     and _misread_as_modifier(c)), None)
        # "Lim Eul-chul told Yonhap, alluding to …" with "told" read as a modifier of "Yonhap": Lim alludes
        return v.doc[told.i - 1] if told is not None else v.head
    up = v
    for _ in range(4):        # "X said ..., adding that ...", "X went on to suggest ...", "X ended the meeting
        # by announcing ...", "X shot back in an article stating ...": up the chain to a verb with a subject
        if subj is not None or up.dep_ not in _CHAIN_DEPS or up.head.i == up.i:
            break
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
    if up.i != v.i and _after_comma(v) and (
            v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP")
            or v.dep_ in ("conj", "advcl") and v.tag_ == "VBG" and up.i == v.head.i
            and v.lemma_.lower() in SPEECH_PARTICIPLES):
        # a finite verb conjoined after a comma; a participle only when it reports speech itself ("Manafort said,
        # adding …", "Sanders has said that the campaign is maligning his record, pointing to …"): others are
        # as often the content subject's ("Hong Min predicts that North Korea will continue to emphasize …,
        # framing it as …": North Korea frames)
        subj = _reporter_of(up) or subj
    if subj is not None and subj.dep_ == "nsubjpass":
        subj = _by_agent(v)
    if subj is not None:
        subj = _outside_dashes(v, subj)
    return subj


_DASHES = ("—", "–", "--")

_DASH_REACH = 30


def _outside_dashes(v, subj):
    """A subject inside a parenthetical between dashes does not do a verb outside it: "footage—much appearing
    staged to analysts—depicting the soldiers as …" (the parse: "much appearing" the subject of "staged", the
    participle hung on it). A participle right after the closing dash describes the noun before the opening
    one (the footage depicts); any other verb is left without that subject."""
    doc = v.doc
    # within a parenthetical's reach of the subject and its sentence (Token.sent walks the whole sentence,
    # which can be a whole unpunctuated document)
    opens, k = [], subj.i
    while k > 0 and subj.i - k < _DASH_REACH and not doc[k].is_sent_start:
        k -= 1
        if doc[k].text in _DASHES:
            opens.append(k)
    hi = next((k for k in range(subj.i + 1, min(len(doc), subj.i + _DASH_REACH))
               if doc[k].text in _DASHES or doc[k].is_sent_start), None)
    if not opens or hi is None or doc[hi].is_sent_start or len(opens) % 2 == 0:
        return subj           # not between a pair ("X—the minister—said": an even count before means outside)
    lo = opens[0]
    if lo < v.i < hi:
        return subj
    before = doc[lo - 1] if lo > 0 and not doc[lo].is_sent_start else None
    if v.tag_ == "VBG" and v.i == hi + 1 and before is not None and before.pos_ in ("NOUN", "PROPN"):
        return before
    return None


def _by_agent(v):
    """The noun of a passive's by-phrase ("warned by the Russian government": government), or None."""
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _addressed(noun) -> bool:
    """The noun is who a message went to ("emailed supporters saying …", "told reporters saying …"): the
    participle after it is the sender's, up the chain."""
    return noun.dep_ in ("dobj", "obj", "dative") and noun.head.lemma_.lower() in ADDRESSING_VERBS


def _coordinated(v) -> bool:
    """A "and"/"but" of the clause before that joins ``v`` itself: one after the last other conjunct before ``v``
    ("They were left out and should now go home, a lawmaker argued": the "and" joins "go", not "argued")."""
    sibs = [c.i for c in v.head.children if c.dep_ == "conj" and c.i < v.i]
    return any(c.dep_ == "cc" and c.i < v.i and not any(c.i < k for k in sibs) for c in v.head.children)


def _trailing_conj_report(v, subj) -> bool:
    """"Americans oppose cutting off the funds, a new USA TODAY poll finds, …": a finite report verb with its own
    subject after a comma, no object or clause of its own, that the parse conjoined to (or hung as a parenthetical
    off) the clause before it, which it reports."""
    if v.dep_ not in ("conj", "parataxis") or v.head.i == v.i or v.tag_ not in ("VBZ", "VBD", "VBP") or subj is None:
        return False
    if subj.head.i != v.i or subj.i > v.i or subj.left_edge.i == 0 or v.head.i > subj.left_edge.i:
        return False      # "Her countrymen, she said, should …": the clause goes on after the cue
    if v.doc[subj.left_edge.i - 1].text != "," or _coordinated(v):
        return False
    return not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "dative") for c in v.children)


def _inverted_subject(v):
    """The speaker of a parenthetical report with the subject after the verb, when the parse also hung the
    content's subject on the verb: "The troops, said the ministry, were sent …", "The real figure, says
    Ukrainian military intelligence, is …" (both nouns its subjects)."""
    subjs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjs) > 1 and subjs[0].i < v.i < subjs[-1].i and v.i > 0 and v.doc[v.i - 1].text == ",":
        return subjs[-1]
    if len(subjs) == 1 and subjs[0].i < v.i and v.i > 0 and v.doc[v.i - 1].text == ",":
        # "And Kim, said Hong Min, who has studied the regime, doesn't forgive": the parse made the name after
        # the verb (and its relative clause) the subject of the reported clause, the content's subject the verb's
        c = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
        n = next((t for t in c.children if t.dep_ == "nsubj" and t.left_edge.i == v.i + 1), None) if c else None
        after = v.doc[n.right_edge.i + 1].text if n is not None and n.right_edge.i + 1 < len(v.doc) else ""
        if n is not None and n.pos_ in ("PROPN", "NOUN") and any(
                t.dep_ == "relcl" for t in n.children) and "," in (n.right_edge.text, after):
            return n
    return None


def _subject_misread(v):
    """A subject the small parse gave another label, right before the verb: "That attitude, many argue, could …"
    ("many" an adjective of "argue"), "In particular, Will wrote, …", "Will believes …" (the columnist George
    Will read as the auxiliary "will": a past tense, participle or third person after it cannot be one)."""
    if v.i == 0:
        return None
    prev = v.doc[v.i - 1]
    if prev.head.i != v.i:
        return None
    if prev.dep_ in ("amod", "advmod", "npadvmod", "dep") and prev.lower_ in QUANTIFIERS and not prev.is_sent_start:
        return prev
    if prev.dep_ == "aux" and prev.text in NAMES_LIKE_MODALS and v.tag_ in ("VBD", "VBN", "VBZ"):
        return prev
    return None


def _after_comma(v) -> bool:
    """", and accused …", ", vowing to …": the verb opens a new piece of the sentence."""
    doc = v.doc
    j = v.i - 1
    if j >= 0 and doc[j].dep_ == "cc":
        j -= 1
    if j >= 0 and doc[j].text in ("”", '"', "''"):      # '…, “there is precedent,” citing …'
        j -= 1
    return j >= 0 and doc[j].text in (",", "—", "–", "-")


def _reporter_of(up):
    """The speaker of the report whose content ``up`` is: in "Nigel Farage said the warning was indicative that
    the President did not know …, and accused Number 10 …" the parse hangs "accused" off a verb of the content;
    the one who accuses is who said it, not the content's subject."""
    if up.dep_ != "ccomp" or up.head.i == up.i or up.head.lemma_.lower() not in STANCE_OF:
        return None
    who = next((c for c in up.head.children if c.dep_ == "nsubj"), None)
    if who is None or who.lemma_.lower() in CARRIER_NOUNS or not (
            who.pos_ == "PROPN" or who.lower_ in ("he", "she", "they") or who.lemma_.lower() in _SPEAKING_HEADS):
        return None       # "The remarks suggest Mr. Trump is conducting …, railing against …": Trump rails
    return who


_CHAIN_DEPS = ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acl", "dobj")


def _cut_at_speaker(doc, content, subj) -> tuple[int, int]:
    """A content before its cue ends before the speaker found next to the cue ("…, disclosures filed on
    Sunday night revealed": not "disclosures filed …")."""
    cs, ce = content
    start = subj.left_edge
    if not cs < start.idx < ce:
        return content
    toks = _trim_punct([t for t in doc[:start.i] if t.idx >= cs])
    return (cs, toks[-1].idx + len(toks[-1])) if toks else content


def _misread_as_modifier(v) -> bool:
    """A past-tense verb the parse made an adjective of the next noun, with a name right before it that hangs
    off the same noun ("Lim Eul-chul told Yonhap": "told" and "Lim Eul - chul" all modify "Yonhap")."""
    if v.dep_ != "amod" or v.tag_ not in ("VBD", "VBN") or v.i == 0 or v.head.i <= v.i:
        return False
    left = v.doc[v.i - 1]
    return left.pos_ == "PROPN" and left.head.i in (v.head.i, v.i)     # or off the verb: "Trump/npadvmod dismissed"


def _name_read_as_modified(v) -> bool:
    """ "…, Trump called LeVell, a former county chairman, onto the stage": a name's past tense read as a
    reduced relative ("Trump, called LeVell"): a report verb's participle right after a name, with an object
    and no passive marks, is that name's act."""
    h = v.head
    if v.dep_ != "acl" or v.tag_ != "VBN" or h.i != v.i - 1 or any(c.dep_ in ("agent", "auxpass")
                                                                   for c in v.children):
        return False
    if h.pos_ == "PROPN" and h.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return any(c.dep_ in ("dobj", "obj", "oprd", "ccomp") for c in v.children)
    # "…, the candidate boasted of his negotiating skills …": a person by role, a verb that reports of or about
    return (h.pos_ == "NOUN" and h.lemma_.lower() in _PERSON_HEADS and v.lemma_.lower() in STANCE_OF
            and any(c.dep_ == "det" for c in h.children)
            and any(c.dep_ == "prep" and c.lower_ in ("of", "about") or c.dep_ == "ccomp" for c in v.children))


_PERSON_HEADS = PERSON_ROLES | CONTENDER_HEADS


def _np_before(v, quotes):
    """A finite report verb the parse left without a subject ("…, the campaign chief, Paul Manafort, bluntly
    suggested that …"): the noun right before it (across adverbs and a comma), or the noun a relative clause
    there describes ("Sanders, who hadn't endorsed during the primaries, decided to back …")."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or v.dep_ not in ("ROOT", "ccomp"):
        return None
    doc = v.doc
    j = v.i - 1
    while j >= 0 and v.i - j <= 4 and (doc[j].pos_ == "ADV" or doc[j].text == ","):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].sent.start != v.sent.start:
        return None
    t = doc[j]
    if _quote_holding(quotes, t.idx) is not None:
        return None
    up = t
    while up.head.i != up.i and up.i != v.i:
        if up.dep_ in ("relcl", "acl"):
            t = up.head
        up = up.head
    # a noun inside a phrase is not who speaks ("has throughout his campaign boasted")
    if t.i < v.i and t.dep_ not in ("pobj", "poss", "dobj", "attr", "oprd", "pcomp"):
        return t
    return _phrase_after_comma(doc[j], v)


def _phrase_after_comma(t, v):
    """ "…, disclosures filed on Sunday night revealed.": the phrase between the last comma and the verb,
    whose head the parse hung on a word before that comma (here as an object of "wound")."""
    doc = v.doc
    lo = next((k for k in range(t.i, v.sent.start - 1, -1) if doc[k].text == ","), None)
    if lo is None or lo == v.i - 1:
        return None
    up = t
    while up.head.i > lo and up.head.i != up.i and up.head.i != v.i:
        if up.dep_ in ("relcl", "acl"):
            t = up.head
        up = up.head
    if t.i == up.i and up.head.i < lo and t.left_edge.i > lo and t.pos_ in ("NOUN", "PROPN", "PRON"):
        return t
    return None


_INTRO_TAGS = {"IN", "VBN", "VBG", "RB"}

_APPOSITION_REACH = 60         # tokens from the sentence start to the comma before the verb


def _subject_before_apposition(v, quotes):
    """ "In addition to Mr. Syrskyi, two members of parliament from Kharkiv, A and B, have said …", "Reached by
    Yonhap, Lim, the Kyungnam University professor, hesitated …", "X, a Rylsk, Kursk, teacher helping …, said":
    a subject, its apposition and the comma before the verb, which the parse hung elsewhere (the members as an
    apposition of the opening phrase's noun, Lim as its conjunct, the teacher as the verb's clause). The first
    noun of the sentence, after one opening phrase, if the verb has no subject and nothing between that noun
    and the verb is a finite verb."""
    doc = v.doc
    # a past participle too, with "have" or with no auxiliary at all (the small model tags "hesitated" there VBN)
    finite = v.tag_ in ("VBD", "VBZ", "VBP") or v.tag_ == "VBN" and all(
        c.dep_ != "auxpass" and (c.dep_ != "aux" or c.lemma_ == "have") for c in v.children)
    if not finite or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
        return None
    aux = [c for c in v.children if c.dep_ == "aux" and c.i < v.i]
    end = min([v.i - 1] + [a.i - 1 for a in aux])        # the comma before "have said"
    if doc[end].text != ",":
        return None
    # the subject opens the sentence, a short way back (not Token.sent: it walks the whole sentence)
    start = next((k for k in range(end, max(-1, end - _APPOSITION_REACH), -1) if doc[k].is_sent_start), None)
    if start is None or end - 2 <= start:
        return None
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if doc[start].tag_ in _INTRO_TAGS:
        # "Reached by POLITICO,", "In addition to Mr. Regalado,": the opening phrase, up to its comma
        comma = next((k for k in range(start, end) if doc[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    toks = [t for t in doc[start:end] if not t.is_space]
    if len(toks) < 3 or not any(t.text == "," for t in toks):
        return None          # no apposition: "…, the campaign chief, said" is _np_before's
    if _quote_holding(quotes, toks[0].idx) is not None:
        return None
    k = 0
    while k < len(toks) and toks[k].pos_ in ("DET", "NUM", "ADJ", "PROPN", "NOUN") and toks[k].text != ",":
        k += 1
    nouns = [t for t in toks[:k] if t.pos_ in ("PROPN", "NOUN")]
    if not nouns or k >= len(toks) or toks[k].text not in (",", "of", "from"):
        return None
    run = {t.i for t in toks[:k]}
    for t in toks[k:]:
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if t.tag_ == "MD" or t.tag_ in ("VBD", "VBZ", "VBP") and subj and not all(c.i in run for c in subj):
            return None      # a clause of its own between them ("Lim, who is …, said"); a noun the small
            # model tagged as a verb with the name as its subject ("X, a … rabbi/VBP helping …") is none
    return nouns[-1]


def _appended_speaker(v):
    for c in v.children:
        if c.dep_ != "ccomp":
            continue
        for t in _subtree(c):
            if t.dep_ == "appos" and t.right_edge.i == v.i - 1:
                toks = _trim_punct([x for x in _subtree(c) if x.i < t.left_edge.i])
                if toks:
                    return t, (toks[0].idx, toks[-1].idx + len(toks[-1]))
    return None


def _carrier_owner(noun):
    """The speaker behind "X's statement" or "a statement from X"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in CARRIER_NOUNS:
                return obj
    return None
