"""Speaker phrases that name no one, or more than one.

A speaker is an actor or a describable group. A lone determiner ("an"), a quantity or part ("including
about 600", "some 300") and a pointing noun that no one could be ("This revelation suggests …": the
reported matter itself) are no speaker: the attribution keeps its cue and content and loses the phrase,
with the reason. A coordination ("Seoul and Washington", "Western, South Korean and Ukrainian
intelligence agencies", "Ukrainian and Western assessments") names several parties: it keeps its own
words as a group and resolves to none of them.
"""

from __future__ import annotations

import re

from ...languages.en.speech import (ANAPHORIC_DETERMINERS, ANAPHORIC_SPEAKER_HEADS, CONTENDER_HEADS,
                                    NATIONAL_VOICE_HEADS, NON_SPEAKER_OPENERS)
from ..cues import CARRIER_NOUNS, GENERIC_SPEAKERS, PERSON_ROLES, PRONOUNS, SPEAKING_BODIES

_ARTICLES = {"a", "an", "the"}
_DIGITS = re.compile(r"^[\d][\d,.]*$")
_SPEAKING_NOUNS = (PERSON_ROLES | SPEAKING_BODIES | CARRIER_NOUNS | GENERIC_SPEAKERS | NATIONAL_VOICE_HEADS
                   | CONTENDER_HEADS | ANAPHORIC_SPEAKER_HEADS)


def no_one(phrase: str, tok=None) -> str | None:
    """Why an English speaker phrase names no one (None when it may name someone). Narrow on purpose: a pronoun
    ("that" of a relative clause, "those who …", "some say"), a poll's share ("Six in 10 voters", "About
    three-quarters") and a plural after "that" ("that marketers") still speak."""
    words = [w.strip(".,;:!?\"'“”‘’()") for w in phrase.split()]
    words = [w.lower() for w in words if w]
    if not words:
        return None
    if all(w in _ARTICLES for w in words):
        return f"'{phrase}' is a determiner, not a speaker"
    if words[0] in ("including", "among") or all(w in NON_SPEAKER_OPENERS or _DIGITS.match(w) for w in words) \
            and any(_DIGITS.match(w) for w in words):
        return f"'{phrase}' is a quantity, not a speaker"
    if (words[0] in ANAPHORIC_DETERMINERS and len(words) == 2 and words[1] not in PRONOUNS
            and (tok.tag_ == "NN" if tok is not None else not words[1].endswith("s"))
            and not _speaking_noun(words[1], tok)):
        return f"'{phrase}' points back to what was reported, not to a speaker"
    return None


def _speaking_noun(word: str, tok) -> bool:
    lemma = tok.lemma_.lower() if tok is not None else word
    if tok is not None and (tok.pos_ == "PROPN" or tok.ent_type_):
        return True
    return word in _SPEAKING_NOUNS or lemma in _SPEAKING_NOUNS or word.rstrip("s") in _SPEAKING_NOUNS


def several(tok) -> bool:
    """A speaker head coordinated with another ("Seoul and Washington"), or with coordinated modifiers
    ("Western, South Korean and Ukrainian intelligence agencies", "Ukrainian and Western assessments")."""
    if tok is None:
        return False
    if any(c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for c in tok.children):
        return True
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
    return any(c.dep_ == "conj" and c.i < tok.i for m in mods for c in m.children)
