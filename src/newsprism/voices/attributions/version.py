"""The stage name and version (with the hashes of the registry and the learned models it depends on)."""

from __future__ import annotations

from .. import confidence as confidence_model, cuemodel, tagger as cuetagger
from ..registry import default_registry


# The registry is part of the result: extending it (NEWSPRISM_ACTORS) re-runs the stage.
# So are the learned English cue model, the contextual cue tagger and the attribution confidence (their file
# hashes): retraining re-runs it.
# 23: a clustered body is named with the place that qualifies it in the speaker phrase ("UK Ministry of Defense").
# 24: an inverted report after a coordinated clause ("… and should go home, a lawmaker argued"); a speaker
#     introduced by an indefinite role is the person the next report names with that role.
# 25: "This information comes from X" (the pack's sources.BACK_REFERENCE): the sentence before is X's report.
# 26: "Such a statement was made by X" (sources.STATEMENT_MADE_BY): the paragraph's reports by the body X speaks for are X's.
# 27: a reported "how"/"what" clause runs through the colon that gives it ("described how they fight: they …").
# 28: kinds: quotes chained by the language's joiners ('"A"며 "B"했다') are direct, a quote left open at its
#     line's end is direct, a condensed single-quoted phrase (ko) makes a report mixed; "X에는"/"…을 묻는" no topic.
#     ru/uk: a bare body ("української розвідки") whose head word an earlier speaker phrase holds only inside an
#     organisation's name is that organisation, not the person who heads it.
#     de (and the shared engine): an object-first sentence with a finding verb ("Belege … hat die Behörde nicht
#     gefunden"); a definite description ("der Geheimdienst") is the earlier speaker whose phrase holds its words.
#     ru/uk: a paragraph of quote alone after a paragraph with a report continues that speaker.
#     kinds: a quote a complementiser takes in ("наголосив, що \"…\"") is mixed; a quoted proper name is no quote.
#     es/fr/de: a quote after a fronted "according to" ends before a concession the writer adds ("…», bien que …").
#     an embedded post (the line before "— Name (@handle) date") is its author's words, direct (attributions/posts.py).
VERSION = (f"29+registry.{default_registry().version}+cues.{cuemodel.model_version()}"
           f"+tagger.{cuetagger.model_version()}+confidence.{confidence_model.model_version()}")

STAGE = "attributions"
