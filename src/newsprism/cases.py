"""Case files: the story-specific data a user names for one story (claims groups, framing terms).

A case is named by a built-in name (a file ``resources/<feature>/cases/<name>.json`` shipped with the package) or
by a path to the user's own file; "" names no case. Each feature reads its own part (``claims.case``,
``framing.lexicon``)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from .errors import ConfigError


def case_text(ref: str, feature: str) -> str:
    """The text of case ``ref`` for ``feature`` ("claims", "framing"); "" for no case. A missing file is a
    ``ConfigError`` naming it."""
    if not ref:
        return ""
    if re.fullmatch(r"[a-z0-9_-]+", ref):
        f = resources.files("newsprism.resources").joinpath(f"{feature}/cases/{ref}.json")
        if f.is_file():
            return f.read_text("utf-8")
    path = Path(ref)
    if not path.is_file():
        raise ConfigError(f"{feature} case file {ref!r}: no such file nor built-in case")
    return path.read_text("utf-8")
