"""The document stage ``attributions`` (layers ``attribution``, ``quote``, ``speaker``, ``cue``)."""

from __future__ import annotations

from ...analyze.stage import StageInputs, document_stage
from ...model import Document, Span
from ..models import ENGLISH_PARSE
from .find import find_attributions
from .version import STAGE, VERSION


@document_stage(STAGE, version=VERSION, layers=("attribution", "quote", "speaker", "cue"),
                requires=("sentences", "entities"), consumes=(ENGLISH_PARSE,))
def attributions(doc: Document, inputs: StageInputs) -> list[Span]:
    """Direct and reported speech with speaker, resolved actor, cue, stance and relays."""
    return find_attributions(doc.text, doc.language or "en", inputs.spans("entity"))
