"""Voices: actors and attributions (who says what), across spellings and languages.

``registry`` holds the canonical actors and name matching; ``models`` loads the
language pipelines once per process; ``polnear`` reads PolNeAR gold and scores
attributions against it; ``query`` reads actor and attribution tables for the
CLI; ``commands`` holds the click commands.
"""

from .registry import Actor, Match, Registry, default_registry

__all__ = ["Actor", "Match", "Registry", "default_registry"]
