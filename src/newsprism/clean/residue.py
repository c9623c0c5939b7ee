"""Page residue in scraped text: menus, teasers, repeated captions, subscribe prompts."""

from __future__ import annotations


def remove_residue(text: str) -> tuple[str, list[dict]]:
    """Return (clean text, removed lines with reasons). Placeholder: keeps everything."""
    return text, []
