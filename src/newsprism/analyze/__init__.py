"""Document stages, one module per stage; importing this package registers the built-ins."""

from . import sentences, entities, attributions, techniques, quantities, timex, claims  # noqa: F401
from .stage import Stage, StageInputs, document_stage, order_stages

__all__ = ["Stage", "StageInputs", "document_stage", "order_stages"]
