"""The document-stage contract (``stage.py``); the stages themselves live in the feature packages."""

from .stage import Stage, StageInputs, document_stage, order_stages

__all__ = ["Stage", "StageInputs", "document_stage", "order_stages"]
