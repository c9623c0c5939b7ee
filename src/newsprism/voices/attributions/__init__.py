"""Attributions: who is reported to say (or think) what, with cue, stance and relay chain.

English reads spaCy's dependency parse (shared with the entity stage):
- a reporting verb (``voices.cues``) with a subject and a clause or quote:
  "X said that ...", "X stated ...", "X described ... as '...'", "'...,' said X" (``verbs``);
- an inverted report: "..., the agency said" (the cue hangs off the content's verb);
- "according to X, ..." (``phrases``); a carrier noun: "X's statement emphasized ..." (``nouns``).
Which words are cues is the cue mix of ``cues``: the learned cue model, the contextual tagger and
the verb list. Quotes in every style are found by pairing marks (``quotes``); a content span
touching a quote takes its marks; a quote no cue claims is kept in the ``quote`` layer as
unattributed. Russian and Korean use rules over the text (their language packs, ``languages/<code>/speech.py``: ``по словам X``,
``— заявил X``, ``X에 따르면``, ``…라고 밝혔다``), with the entity stage's spans as speakers.

Each speaker resolves through the entity spans (``speakers``); a speaker that cannot be resolved
says why. An agency dateline ("Pyongyang, August 4 (KCNA) --") is nobody's speech (``finish``).
When one attribution's content holds another's cue, the inner one is relayed (``relays``):
"KCNA reported that Kim said ..." gives Kim with ``via = ["kcna"]``. Relay constructions (``cited``):
"X, citing Y, said", "X cited Y as saying", "Y told AFP", "in a statement carried by X", "According to Y, the
outlet reported" give Y as speaker with X in ``via`` (outermost relay first; an unknown relay by its words).
A speaker phrase that names no one ("an", "including about 600", "This revelation") is dropped, and one that
names several parties ("Seoul and Washington") resolves to none of them (``nobody``).

The document stage itself is ``stage`` (imported by ``voices.feature``, which registers it).
"""

from .find import attribution_records, confidence_features, find_attributions
from .overlaps import _merge_light_verbs
from .phrases import _hearsay_adverb, _title_case_verb
from .quotes import MAX_QUOTE, _quotes_overlapping, find_quotes
from .relays import _relays
from .spans import fill_texts
from .speakers import _Entities
from ...languages._text import strip_span
from ...languages.ko.speech import rules as rules_ko
from ...languages.ru.speech import rules as rules_ru
from .version import STAGE, VERSION

__all__ = ["MAX_QUOTE", "STAGE", "VERSION", "attribution_records", "confidence_features", "fill_texts",
           "find_attributions", "find_quotes", "rules_ko", "rules_ru", "strip_span"]
