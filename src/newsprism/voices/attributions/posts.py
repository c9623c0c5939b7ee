"""Embedded posts: a quoted social-media post ends in its signature line ("— Name (@handle) April 2, 2025"); the
post's text, the line before the signature, is its author's. The claims stage gives the post's figures to the
author (claims/carry.py); this gives the attribution, in every language, where no rule read the line already.
"""

from __future__ import annotations

import re

from ...clean.dateforms import POST_SIGNATURE
from ...languages._text import strip_span

_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)\s*$")


def embedded_post_records(text: str, raw: list[dict]) -> list[dict]:
    out = []
    for m in POST_SIGNATURE.finditer(text):
        name = strip_span(text, m.start("name"), m.end("name"))
        while name[1] > name[0] and not (text[name[1] - 1].isalnum() or text[name[1] - 1] in ")"):
            name = (name[0], name[1] - 1)       # a flag or a comma after the name
        body_end = text.rfind("\n", 0, m.start())
        body_start = text.rfind("\n", 0, max(body_end, 0)) + 1
        if body_end <= body_start or name[1] <= name[0]:
            continue
        link = _LINK.search(text, body_start, body_end)
        cs, ce = strip_span(text, body_start, link.start() if link else body_end)
        if ce - cs < 10 or any(cs <= r["content"][0] < ce or r["content"][0] <= cs < r["content"][1] for r in raw):
            continue        # a rule read the post's line already
        dash = strip_span(text, m.start(), m.start("name"))
        out.append({"cue": dash, "speaker": name, "content": (cs, ce), "lemma": "posted", "stance": "says",
                    "_path": "embedded-post"})
    return out
