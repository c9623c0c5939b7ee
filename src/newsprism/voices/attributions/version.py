"""The stage name and version (with the hashes of the registry and the learned models it depends on)."""

from __future__ import annotations

from .. import confidence as confidence_model, cuemodel, tagger as cuetagger
from ..registry import default_registry


# The registry is part of the result: extending it (NEWSPRISM_ACTORS) re-runs the stage.
# So are the learned English cue model, the contextual cue tagger and the attribution confidence (their file
# hashes): retraining re-runs it.
VERSION = (f"22+registry.{default_registry().version}+cues.{cuemodel.model_version()}"
           f"+tagger.{cuetagger.model_version()}+confidence.{confidence_model.model_version()}")

STAGE = "attributions"
