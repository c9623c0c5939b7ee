"""Execution of document stages: in-process or in a local process pool, from the same code."""

from .local import RunReport, process_document, run_document_stages

__all__ = ["RunReport", "process_document", "run_document_stages"]
