"""Russian: words that make a tagged name a place."""

from __future__ import annotations

PLACE_SUFFIXES = frozenset({"область", "области", "областью", "край", "края", "крае", "район", "района",
                            "районе", "республика", "республики"})
LOCATIVE_WORDS = frozenset({"в", "во", "под", "около", "из", "у"})
