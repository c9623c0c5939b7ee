"""Document stages, one module per stage; importing this package registers the built-ins."""

from . import sentences, entities  # noqa: F401  (registration order is the run order)
from ..voices.attributions import stage as _attributions_stage  # noqa: F401
from . import techniques, quantities, timex, claims  # noqa: F401
from .stage import Stage, StageInputs, document_stage, order_stages

__all__ = ["Stage", "StageInputs", "document_stage", "order_stages"]
