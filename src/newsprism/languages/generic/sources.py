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
# articles a source phrase may open with, kept for display ("the General Staff") though the key drops them
ARTICLES: set[str] = set()
# who a speaker relays, read inside the speaker's phrase or right after it: group 1 is the original source
# ("The report, which relied on unnamed Western officials, said", "Lee, citing the spy agency, said")
CITING = _NOTHING
# the agent of a document noun: "a map released by the ministry" (group 1)
ISSUED_BY = _NOTHING
# whose figure a number is, right before it: "the White House's figure of" (group 1)
OWNED_FIGURE = _NOTHING

# cue stems that make a "disputes" stance contest a claim (not blame or criticism); empty: every one does
CONTESTING_CUE = ""

# word stems (regex, matched at a word's start, case-insensitively) of a describable group in an inflected
# language, where a set of heads cannot list every form: "разведк" (разведка, разведки), "autoridad"
GROUP_STEMS = ""
# a sentence that says where the figures just before it come from ("This information comes from the General
# Staff", "Такие данные приводит X, ссылаясь на Y"): group ``source`` is who gives them, ``cited`` (optional)
# whom that one cites. Matched against a whole sentence.
BACK_REFERENCE = _NOTHING
# the start of a sentence that goes on with the statement before it and names no speaker of its own ("Of that
# total, …", "Помимо этого", "이 가운데"): its figures take the previous sentence's source
CONTINUATION = _NOTHING
# a report with no agent ("were reported killed", "сообщается"), anywhere in a sentence: it names no speaker of its
# own, so right after a sourced sentence its figures take that sentence's source (as a continuation does)
AGENTLESS_REPORT = _NOTHING
# the words before a number in an apposition that glosses a name in reported words ("the Taiwan Strait, a "
# before "160-kilometre wide stretch"): the writer's gloss, so the number is the outlet's own
GLOSS_BEFORE = _NOTHING
# words that dispute or deny what was said before, in a sentence with or without a reporting verb ("называют
# фейком", "не соответствует действительности"); read beside the shared cue list of resources/claims/subjects.json
DISPUTE_CUES = _NOTHING
# cue stems of a report verb that answers another's claim with a counter-claim ("Rights groups counter that …"):
# an attribution with such a cue is a dispute whatever its stance
COUNTER_CUE = ""
# cue stems of an accusation ("X accused Y of …", "X blamed Y for …", "X held Y responsible for …"): an accusation
# that answers another speaker's earlier accusation about the same act (a word of its content shared) disputes it
ACCUSING_CUE = ""
ACCUSATION_NOT_ACT: set[str] = set()      # words of an accusation that name the accused, not the act
# the last word of a speaker phrase that names a body within an organisation ("the army command"): shown in the
# text's words when the organisation's registry names do not hold it
BODY_WITHIN: set[str] = set()
# a speaker who labels what was said as false ("described the claim as a propaganda trick", "called it a lie"):
# cue stems of the labelling verb, and the false-labelling words read in its content
LABELLING_CUE = ""
FALSE_LABEL = _NOTHING
# a speaker set against the one before it ("Le gouvernement sud-coréen, lui, évalue …"): matched on the text
# between the speaker and its cue; such a report disputes the claim before it
CONTRAST_SPEAKER = _NOTHING
# a sentence that names who made the statement before it ("Таку заяву зробив X", "Such a statement was made by
# X"): the disputes in that attribution's content are that speaker's
STATEMENT_MADE_BY = _NOTHING
# what joins the parts of a coordinated speaker ("Rights groups and Palestinians"): a group if one part is
COORDINATION = _NOTHING
# a sentence opening that sets its report against a claim in the sentence before ("Yet … the General Staff said"):
# matched on the text from the sentence's start to the speaker; a dispute when that sentence holds a "claims"
# stance by another speaker
CONTRAST_OPENING = _NOTHING
