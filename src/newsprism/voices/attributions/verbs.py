"""English reporting verbs: a cue verb with its subject and content ("X said that …", "'…,' said X",
"…, the agency said", "As reported by X, …"), and the fallback for verbs the learned cue model is sure of.
"""

from __future__ import annotations

import itertools

import re

from ...languages.en.speech import ADDRESSEE_VERBS, ANNOUNCING_WORDS, INVERTING_VERBS, RELATIVE_WORDS, SOURCELESS_VERBS
from ..cues import CARRIER_NOUNS, NEEDS_CLAUSE, STANCE_OF
from .content import (_around, _content_of, _content_of_a_report, _paragraph_after_colon, _passive_topic,
                      _relative_subject_left_out)
from .parse import _cue_span, _in_dep, _is_clause, _name_run, _np_span, _subtree, _text, _trim_punct
from .quote_cues import (_next_to_speaker_quote, _quote_after, _quote_after_phrase, _quote_at, _quote_before,
                         _quote_then_named, _quote_then_speaker)
from .quotes import _quote_ending_before, _quote_holding
from .subjects import (_appended_speaker, _by_agent, _carrier_owner, _cut_at_speaker, _misread_as_modifier,
                       _name_read_as_modified, _np_before, _subject_before_apposition, _trailing_conj_report,
                       _verb_subject)


def _verb_fallback(v, quotes=()) -> dict | None:
    """A cue the model is sure of but the rules found no clause for ("called for an end to the war",
    "refused to comment"): the content is what follows the verb in its phrase, the speaker its subject."""
    # "X seems to be ...", "X appears ready to ...": the subject is what the report is about, not a source
    subj = None if _sourceless(v) or _agentless_passive(v) else _verb_subject(v)
    # a particle is part of the cue ("went on to criticize …": "went on"), not of what it reports
    rights = [c for c in v.rights if c.dep_ not in ("conj", "cc", "punct", "agent", "prt")]
    heard = next((c for c in rights if c.dep_ in ("dobj", "obj", "dative")), None)
    if heard is not None and v.lemma_.lower() in ADDRESSEE_VERBS:
        # "telling Breitbart London: “…”": the quote after who hears it is what was told
        end = heard.right_edge.idx + len(heard.right_edge)
        q = _quote_at(_text(v.doc), end, quotes)
        if q is not None:
            return {"cue": _cue_span(v), "speaker": _np_span(subj) if subj is not None else None,
                    "content": q, "lemma": v.lemma_.lower(), "speaker_tok": subj}
    q = _quote_after_phrase(v, quotes)
    if q is not None:       # 'adding of Mr. Trump, ''He cares about the united team.''': the quote
        return {"cue": _cue_span(v), "speaker": _np_span(subj) if subj is not None else None,
                "content": q, "lemma": v.lemma_.lower(), "speaker_tok": subj}
    passive = any(c.dep_ == "auxpass" for c in (v.head if v.dep_ == "conj" else v).children)
    if passive and rights and all(c.lower_ == "to" and c.dep_ in ("prep", "dative") for c in rights):
        # "The message was conveyed … and immediately reported to the supreme leadership": a passive's
        # recipient is no content (PolNeAR does keep the active "appealed to voters", so passives only)
        return None
    toks = _trim_punct([t for c in rights for t in _subtree(c)])
    sender = _sender(v) if v.lemma_.lower() == "receive" else None
    if sender is not None:
        # "Kim Jong Un received a message of sympathy from Vladimir Putin": the message is Putin's
        frm = sender.head
        subj = sender
        what = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)    # the message, not "over …"
        toks = _trim_punct([t for t in (what.subtree if what is not None else toks)
                            if not (frm.left_edge.i <= t.i <= frm.right_edge.i)])
    if not toks and subj is None:     # "it was never mentioned": what the passive is about
        sp = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        toks = _trim_punct(list(sp.subtree)) if sp is not None else []
    if not toks:
        return None
    content = (toks[0].idx, toks[-1].idx + len(toks[-1]))
    if subj is None and not _sourceless(v) and not _agentless_passive(v):
        subj = _np_before(v, quotes) or _subject_before_apposition(v, quotes)
        if subj is not None:
            content = _cut_at_speaker(v.doc, content, subj)
    return {"cue": _cue_span(v), "speaker": _np_span(subj) if subj is not None else None,
            "content": content, "lemma": v.lemma_.lower(), "speaker_tok": subj}


def _sender(v):
    """The "from" of "received a message from X" (on the verb or on its object), if any."""
    for holder in [v] + [c for c in v.children if c.dep_ in ("dobj", "obj")]:
        frm = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        if frm is not None:
            obj = next((c for c in frm.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _verb_cue(v, quotes, need_clause: bool = False) -> dict | None:
    """A reporting verb with its speaker and content; ``need_clause`` (a learned cue outside the verb list, or a
    verb of ``NEEDS_CLAUSE``) takes only a clause, a quote or an as-frame as content."""
    lemma = v.lemma_.lower()
    if v.dep_ == "amod":
        return _verb_read_as_modifier(v, quotes)
    r = _as_reported_by(v) or _reported_by_object(v) or _seems(v)
    if r is not None:
        return r
    trailing = _name_before_trailing_verb(v)
    if trailing is not None:        # "…, 38,000 troops, Oleksandr Petrenko, the commander, said on Monday."
        subj, (cs, ce) = trailing
        return _verb_record(v, subj, cs, ce, lemma)
    subj = _verb_subject(v)
    if subj is not None and subj.lemma_.lower() in CARRIER_NOUNS:
        subj = _carrier_owner(subj) or subj
    if subj is not None and (q := _quote_holding(quotes, subj.idx)) is not None and q[1] <= v.idx:
        return _quote_then_speaker(v, quotes)     # the parser took a word of the quote for the subject
    if subj is None or (subj.i > v.i and subj.head.i != v.i):
        lost = _quote_then_named(v, quotes)
        if lost is not None:
            return lost
    subj, content, inverted = _verb_content(v, subj, quotes)
    if content is None:
        return None
    cs, ce = _next_to_speaker_quote(v, subj, content, quotes)
    if subj is not None and subj.i > v.i and subj.left_edge.idx == cs:
        cs = _content_after_inverted_speaker(v, subj, ce)
        if cs is None:
            return None
    if (need_clause or lemma in NEEDS_CLAUSE) and not inverted and not _is_clause(v, cs, ce, quotes):
        return None
    if _sourceless(v) or _agentless_passive(v):
        # "it appears that ...", "X is expected to ...", "Asked whether ...": PolNeAR gives these no source
        return {"cue": _cue_span(v), "speaker": None, "content": (cs, ce), "lemma": lemma, "speaker_tok": None}
    if subj is None and not inverted:
        found = _speaker_before_verb(v, quotes, cs, ce)
        if found is None:
            return None
        subj, (cs, ce) = found
    if subj is None:
        return None
    return _verb_record(v, subj, cs, ce, lemma)


def _name_before_trailing_verb(v):
    """ "Russian forces have lost over 38,000 troops, as well as 1,000 units, Oleksandr Petrenko, the army's
    commander, said on Monday.": a sentence-final report verb the parse conjoined to the clause it reports,
    with its speaker (a name, its apposition set off by commas) read as one more conjunct of that clause's
    object. Returns (speaker, content) or None."""
    doc = v.doc
    if (v.dep_ != "conj" or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i < 3 or doc[v.i - 1].text != ","
            or v.lemma_.lower() not in INVERTING_VERBS
            or any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp") for c in v.children)):
        return None
    t, name = doc[v.i - 2], None
    while t.head.i != t.i and t.head.i < v.i and t.right_edge.i == v.i - 2:
        if (t.pos_ == "PROPN" and t.dep_ in ("conj", "appos") and t.left_edge.i > 0
                and doc[t.left_edge.i - 1].text == "," and t.left_edge.i > v.head.i):
            name = t
        t = t.head
    if name is None or not any(w.ent_type_ for w in doc[name.left_edge.i:name.i + 1]):
        return None
    toks = _trim_punct([w for w in _subtree(v.head) if w.i < name.left_edge.i - 1])
    if not toks:
        return None
    return name, (toks[0].idx, toks[-1].idx + len(toks[-1]))


def _verb_content(v, subj, quotes):
    """What the verb reports, as (subject, content, inverted): its clause or object; a speaker the parse made an
    apposition of the clause; the clause before an inverted or parenthetical report ("..., the agency said");
    a quote next to the cue; a passive's topic; the paragraph after "X writes:". ``inverted``: the content is
    not the verb's own clause (so it need not be one)."""
    content = _content_of(v)
    if subj is None and content is not None:
        fixed = _appended_speaker(v)              # "..., South Korea's spy agency said" parsed as apposition
        if fixed:
            subj, content = fixed
    inverted = False
    if content is None and v.head.i != v.i and _trailing_conj_report(v, subj):
        # "… were left out of the swap and should now go home, a lawmaker argued": what is argued is the last
        # conjunct before the cue; the clause it is joined to is the writer's own narration
        last = max((c for c in v.head.children if c.dep_ == "conj" and c.i < v.i), key=lambda c: c.i, default=None)
        lo = last.left_edge.i if last is not None else -1
        toks = _trim_punct([t for t in _subtree(v.head) if lo <= t.i < subj.left_edge.i])
        content = (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None
        inverted = content is not None
    if content is None and v.dep_ in ("parataxis", "ccomp") and v.head.i != v.i:
        content = _around(v.head, v)          # "..., the agency said" / "Her countrymen, she said, should ..."
        if content is not None and _content_of_a_report(v, quotes):
            # the parse hung the cue off a later report ("He has also fulminated against plans … - ''I love
            # Oreos,'' he said"): what a parenthetical cue reports starts before it
            content = None
        inverted = content is not None
    if content is None:
        # 'wrote, “…”', 'tweeting at him, "…"', '“…” she wrote'; a subject up the chain is not next to this cue
        # ("Mr. Biden suggested … - ''He would have loved Stalin,'' Mr. Biden said twice - and repeatedly
        # reminded the crowd …": that quote is the said's)
        content = (_quote_after(v, quotes) or _quote_after_phrase(v, quotes)
                   or _quote_before(v, subj if subj is None or subj.head.i == v.i else None, quotes))
        inverted = content is not None
    if content is None:
        content = _passive_topic(v, subj)       # "The move was hotly criticized by left-leaning economists"
    if content is None:
        content = _paragraph_after_colon(v)     # "Hewitt writes:" and the paragraph below, without quote marks
        inverted = content is not None
    if content is not None and not inverted:
        content = _through_colon(v.doc.text, content)
    return subj, content, inverted


_COLON_AFTER = re.compile(r"[ \t]*:[ \t]*(?=\S)")
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"'”’]|$)|\n")


def _through_colon(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """ "described how the troops fight: they are packed into dugouts …": a reported "how"/"what" clause that a
    colon goes on to give runs to the end of the sentence."""
    cs, ce = content
    first = text[cs:ce].split(maxsplit=1)[:1]
    m = _COLON_AFTER.match(text, ce)
    if not first or first[0].lower() not in ANNOUNCING_WORDS or m is None:
        return content
    end = _SENTENCE_END.search(text, m.end())
    return cs, end.start() if end else len(text.rstrip())


def _content_after_inverted_speaker(v, subj, ce: int) -> int | None:
    """The speaker after the verb heads what the parse made the content ("…, said Hong Min, who …, doesn't
    forgive"): the content starts after the speaker's phrase (None: nothing is left of it)."""
    rest = _trim_punct(list(itertools.takewhile(lambda t: t.idx < ce, v.doc[subj.right_edge.i + 1:])))
    return rest[0].idx if rest else None


def _speaker_before_verb(v, quotes, cs: int, ce: int):
    """A verb the parse left without a subject: the noun right before it, else a subject before an apposition,
    as (speaker, content); the content ends before that speaker. None when the apposition was taken for the
    reported clause and the verb has no clause after it."""
    subj = _np_before(v, quotes)
    if subj is None and (subj := _subject_before_apposition(v, quotes)) is not None and cs < v.idx:
        # the parse took the apposition for the reported clause ("X, a … teacher …, said he …")
        after = _content_of(v, after=True)
        if after is None:
            return None
        cs, ce = after
    if subj is not None:
        cs, ce = _cut_at_speaker(v.doc, (cs, ce), subj)
    return subj, (cs, ce)


def _verb_record(v, subj, cs: int, ce: int, lemma: str) -> dict:
    """The raw attribution of a verb cue; a relative-clause cue's speaker resolves through the noun it describes,
    and a content that is a relative word (or whose relative subject lies before it) refers to that noun."""
    cue = _cue_span(v)
    resolve = v.head if subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl" else subj
    r = {"cue": cue, "speaker": _np_span(subj), "content": (cs, ce), "lemma": lemma,
         "speaker_tok": resolve, "resolve_span": _np_span(resolve)}
    if v.dep_ == "relcl" and (ce - cs < 6 and _text(v.doc)[cs:ce].lower() in RELATIVE_WORDS
                              or _relative_subject_left_out(v, cs)):
        # what "which" stands for, shown beside it; also "three generals who South Korea's spy agency said were
        # leading …": the content "were leading …" is about them
        r["refers_to"] = _np_span(v.head)
    return r


def _verb_read_as_modifier(v, quotes) -> dict | None:
    """ '“The troops are fighting well,” Lim Eul-chul told Yonhap', 'Trump dismissed critics who …': the small
    parse reads a finite report verb between two names as a modifier of the second ("told" an adjective of
    "Yonhap"). The name right before it is the speaker; the content is the quote before the speaker, else
    the modified noun's phrase (who was dismissed, accused, …)."""
    doc = v.doc
    if not _misread_as_modifier(v):
        return None
    left = doc[v.i - 1]
    speaker = _name_run(left)
    q = _quote_ending_before(quotes, speaker[0])
    if q is not None and _text(doc)[q[1]:speaker[0]].strip() not in ("", ","):
        q = None
    if q is None:
        if v.lemma_.lower() in ADDRESSEE_VERBS:
            return None
        toks = _trim_punct([t for t in _subtree(v.head) if t.i > v.i])
        if not toks:
            return None
        q = (toks[0].idx, toks[-1].idx + len(toks[-1]))
    return {"cue": _cue_span(v), "speaker": speaker, "content": q, "lemma": v.lemma_.lower(), "speaker_tok": left}


def _as_reported_by(v) -> dict | None:
    """ "As reported by Yonhap, the troops arrived …", "…, as first reported by the New York Times", "As the
    spokesman explained, …": the by-agent (or the subject) is the source and the clause the as-phrase hangs
    off is the content."""
    if not (v.dep_ == "advcl" and v.head.i != v.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)):
        return None
    if v.tag_ == "VBN":
        src = _by_agent(v)
    elif not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "dative") for c in v.children):
        # the active form: "As White House press secretary Josh Earnest explained, three taxes were …",
        # "…, as some liberals hope" (not "As Trump demands a wall, …": an object is its own content)
        src = next((c for c in v.children if c.dep_ == "nsubj"), None)
    else:
        src = None
    content = _around(v.head, v) if src is not None else None
    if content is None:
        return None
    return {"cue": _cue_span(v), "speaker": _np_span(src), "content": content, "lemma": v.lemma_.lower(),
            "speaker_tok": src}


def _reported_by_object(v) -> dict | None:
    """ "The troops have arrived in Kursk, reported the Korean Central News Agency.": the parse makes the source
    the verb's object; a sentence-final report verb after a comma, with no subject, no clause and a named or
    definite object at the end of the sentence, is reported by that object."""
    # a finite verb only: in "…, saying the right things" / "…, adding a plug for himself" the object is what is said
    if (v.lemma_.lower() not in INVERTING_VERBS or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i == 0
            or v.doc[v.i - 1].text not in (",", "—", "–")
            or v.dep_ not in ("conj", "advcl", "parataxis", "ccomp")
            or any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp") for c in v.children)):
        return None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj") and c.i > v.i), None)
    if obj is None or not (obj.pos_ == "PROPN" or any(d.lower_ in ("the", "a", "an") for d in obj.lefts)):
        return None
    sent = v.sent
    after = [t for t in sent if t.i > obj.right_edge.i and not (t.is_punct or t.is_space)]
    if any(not _in_dep(t, v, ("prep", "npadvmod")) for t in after):      # "…, reported KCNA on Friday." is fine
        return None
    toks = _trim_punct([t for t in sent if t.i < v.i - 1])
    if not toks:
        return None
    return {"cue": _cue_span(v), "speaker": _np_span(obj), "content": (toks[0].idx, toks[-1].idx + len(toks[-1])),
            "lemma": v.lemma_.lower(), "speaker_tok": obj}


def _sourceless(v) -> bool:
    """"it appears that …", "X seems to be …" have no source; "Obama himself seemed to recognize …", "he
    seemed to confirm …" (a verb of its own after "to") are the subject's."""
    if v.lemma_.lower() not in SOURCELESS_VERBS:
        return False
    return not any(c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in STANCE_OF
                   for c in v.children)


def _seems(v) -> dict | None:
    """"Sanders appears to have a slight lead", "Ms. Kelly seemed certain to leave", "This seems like a
    comparable moment": a sourceless impression whose content is the subject with what it seems (PolNeAR marks
    the two pieces; one span here, the cue inside). "It appears that …" (a clause) goes the usual way."""
    if not _sourceless(v) or any(c.dep_ == "ccomp" for c in v.children):
        return None
    comp = next((c for c in v.children if c.i > v.i and (c.dep_ in ("xcomp", "acomp", "attr", "oprd")
                                                         or (c.dep_ == "prep" and c.lower_ == "like"))), None)
    if comp is None:
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i), None)
    toks = _trim_punct(list(_subtree(comp)) + (list(_subtree(subj)) if subj is not None else []))
    if not toks:
        return None
    end = toks[-1].idx + len(toks[-1])
    start = subj.left_edge.idx if subj is not None and subj.lower_ != "it" else toks[0].idx
    return {"cue": _cue_span(v), "speaker": None, "content": (start, end), "lemma": v.lemma_.lower(),
            "speaker_tok": None}


def _agentless_passive(v) -> bool:
    """ "is expected to", "was asked about", "Asked whether ...,": a passive report without a by-agent."""
    if any(c.dep_ == "agent" for c in v.children):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        return True
    return v.tag_ == "VBN" and v.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubj" for c in v.children) \
        and not _name_read_as_modified(v)
