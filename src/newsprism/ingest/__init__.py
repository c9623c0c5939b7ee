"""Ingest: find inputs (paths, URLs), read them into RawRecords with their bytes kept."""

from . import readers  # noqa: F401  (registers the built-in readers)
from .base import Reader, Source
from .sources import choose_reader, iter_sources

__all__ = ["Reader", "Source", "choose_reader", "iter_sources"]
