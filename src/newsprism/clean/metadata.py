"""Metadata inference for text that carries none: title, date, outlet, author, with evidence."""

from __future__ import annotations

from ..model import MetaField


def infer_metadata(text: str, known: dict[str, MetaField], locator: str = "") -> dict[str, MetaField]:
    """Fields found in the text that ``known`` lacks. Unknown stays unknown."""
    return {}
