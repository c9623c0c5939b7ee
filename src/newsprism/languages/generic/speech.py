"""Speech (the interface): the words and patterns attribution rules read, empty for a language without them.

Sets are empty, patterns match nothing, ``TITLE_GENDER`` gives no gender: a rule that reads one
of these finds nothing rather than guessing. See ``languages/en/speech.py`` for what each name holds.
"""

from __future__ import annotations

import re

from .._text import quotes_with_speakers

_NOTHING = re.compile(r"(?!)")      # a pattern that matches nowhere

# cues that are no reporting verb
HEARSAY_ADVERBS: set[str] = set()
FRAME_PREPOSITIONS: set[str] = set()
ACCORDANCE_NOUNS: set[str] = set()
HEADLINE_SPEAKER = _NOTHING
# what joins a second object to a reporting verb's first ("… pointed to claims by A …, and to B's statements …")
COORDINATED_REPORT = _NOTHING

# reporting verbs by construction
INVERTING_VERBS: set[str] = set()
SOURCELESS_VERBS: set[str] = set()
ADDRESSEE_VERBS: set[str] = set()
ADDRESSING_VERBS: set[str] = set()
SPEECH_PARTICIPLES: set[str] = set()
OTHER_SOURCE_REPORTS: set[str] = set()
CONTRAST_MARKERS: set[str] = set()
AND_THEN = _NOTHING

# words around the speaker and the content
RELATIVE_WORDS: set[str] = set()
ANNOUNCING_WORDS: set[str] = set()     # a reported clause a colon goes on to give ("described how …: …")
QUANTIFIERS: set[str] = set()
NAMES_LIKE_MODALS: set[str] = set()
SUBJECT_PRONOUNS: set[str] = set()
OBJECT_PREPOSITIONS: set[str] = set()

# speaker resolution
CONTENDER_HEADS: set[str] = set()
NATIONAL_VOICE_HEADS: set[str] = set()
VAGUE_GROUP = _NOTHING                  # a plural source noun a nationality word only describes (see en)
DEFINITE_DESCRIPTION = _NOTHING
INDEFINITE_DESCRIPTION = _NOTHING       # "…, a conservative lawmaker argued": group 1 is the role
PUBLICATION_DESCRIPTION = _NOTHING
TITLE_GENDER: tuple[tuple[re.Pattern, str], ...] = ()

# how a content is labelled (voices/attributions/finish.py)
# what may join quotes in one direct content besides spaces and punctuation ('"A"며 "B"했다': the quotative
# particles and the light verb of a chain of quotes); matched against each stretch outside the quotes
QUOTE_JOINERS = _NOTHING
# a phrase in single quotes that gives the speaker's words condensed inside reported speech (Korean '…'고 답했다):
# a content that holds one, with no double quote, is mixed
CONDENSED_QUOTE = _NOTHING
# complementisers: a quote the writer's "that" takes in ('stressed that "…"') is mixed, not direct (lower case)
COMPLEMENTISERS: frozenset[str] = frozenset()

# report verbs read by text rules: stem -> stance (says, claims, confirms, denies, disputes, warns, praises)
VERBS: dict[str, str] = {}


def rules(text: str, quotes, entities) -> list[dict]:
    """Attributions found over the text by patterns (languages without a dependency-parse model):
    raw dicts with ``cue``, ``speaker`` (or None), ``content`` offsets, ``lemma`` and ``stance``, which
    ``voices.attributions`` finishes. Generic, for a language without rules of its own: a quoted passage
    with a named person or organisation next to it in its sentence says it (``_text.quotes_with_speakers``);
    nothing else, so precision stays high where no words of the language are known."""
    return quotes_with_speakers(text, quotes, entities)

# relay constructions ("X, citing Y, said", "Y told X", "a statement carried by X")
CITING_VERBS: set[str] = set()
RELAY_CARRIERS: set[str] = set()
RELAY_LINKS: set[str] = set()
RELAY_PARTICIPLES: set[str] = set()
SPEECH_CARRIERS: set[str] = set()
MEDIA_HEADS: set[str] = set()
MEDIA_AGENCY_MODIFIERS: set[str] = set()

# phrases that name no speaker: quantity openers, pointing determiners and nouns, side prefixes ("pro-")
NON_SPEAKER_OPENERS: set[str] = set()
ANAPHORIC_DETERMINERS: set[str] = set()
ANAPHORIC_SPEAKER_HEADS: set[str] = set()
SIDE_PREFIX = _NOTHING

# estimates and further English constructions (declared for every pack)
ESTIMATE_FRAME_VERBS: set[str] = set()
OWN_FIGURE_NOUNS: set[str] = set()
