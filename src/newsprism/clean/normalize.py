"""Text normalisation that keeps the article's words: unicode form, line endings, spaces,
and words a scraper glued together (see ``repair``)."""

from __future__ import annotations

import re
import unicodedata

from .repair import repair_glued_names

_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, one space between words, at most one blank line, names unglued."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CTRL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return repair_glued_names(_BLANKS.sub("\n\n", "\n".join(lines)).strip())
