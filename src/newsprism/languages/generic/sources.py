"""Sources (the interface): the words the claims stage reads to judge who a number comes from.

Empty sets and a pattern that matches nothing: without a pack's words, a speaker is kept as the
attributions stage gives it (a resolved actor, a tagged name) and no relay is read from its phrase.
See ``languages/en/sources.py`` for what each name holds.
"""

from __future__ import annotations

import re

_NOTHING = re.compile(r"(?!)")

# heads of a describable group that may speak for itself: "US officials", "Western intelligence agencies"
GROUP_HEADS: set[str] = set()
# texts that stand for whoever issued them: "the report", "a map released by the ministry", "its latest update"
DOCUMENT_HEADS: set[str] = set()
# determiners and light modifiers that leave a document noun without an author ("its most recent update")
EMPTY_MODIFIERS: set[str] = set()
# who a speaker relays, read inside the speaker's phrase or right after it: group 1 is the original source
# ("The report, which relied on unnamed Western officials, said", "Lee, citing the spy agency, said")
CITING = _NOTHING
# the agent of a document noun: "a map released by the ministry" (group 1)
ISSUED_BY = _NOTHING
# whose figure a number is, right before it: "the White House's figure of" (group 1)
OWNED_FIGURE = _NOTHING

# cue stems that make a "disputes" stance contest a claim (not blame or criticism); empty: every one does
CONTESTING_CUE = ""
