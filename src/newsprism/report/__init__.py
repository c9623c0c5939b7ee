"""The static HTML report: one self-contained file, all article text escaped."""

from .html import write_report

__all__ = ["write_report"]
