"""What a tagged name is not: places typed as people, page furniture and photo credits as actors.

Statistical taggers call "Kyiv" a person and "Copy Icon COPY LINK" an
organisation. ``retype`` corrects the entity spans the registry did not
resolve (registry actors are trusted as they are):

* a place: a capital the registry knows ("Kyiv", "평양"), a name ending in a place
  word ("Kursk Oblast"), an all-capitals dateline ("DEIR AL-BALAH, Gaza Strip"),
  a name the tagger calls a place elsewhere in the same text, or one right after
  a locative word ("in Kursk") — it keeps its span, as a place with no actor;
* no actor at all: names made of page-furniture words ("Copy link", "Share
  icon") or ending in a photo-credit word ("Getty Images", "AP Photo") — dropped.

The words are the language packs' (``entities`` concern); English's apply in
every language, since page furniture and credits are so often English.
"""

from __future__ import annotations

import re

from ..languages import pack
from ..model import Span
from .names import name_key
from .registry import Registry

_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|—|–|-\s)")


def _words(concern_name: str, language: str) -> frozenset[str]:
    own = getattr(pack(language).entities, concern_name)
    return own | getattr(pack("en").entities, concern_name)


def non_actor(surface: str, language: str = "en") -> bool:
    """True for page furniture ("Copy Icon COPY LINK") and photo credits ("Getty Images")."""
    words = name_key(surface).split()
    if not words:
        return True
    ui = _words("INTERFACE_WORDS", language)
    if len(words) >= 2 and sum(w in ui for w in words) * 3 >= len(words) * 2:
        return True
    return words[-1] in _words("PHOTO_CREDIT_WORDS", language) and (len(words) >= 2 or surface[:1].isupper())


def place_reason(text: str, span: Span, reg: Registry, language: str, places: set[str]) -> str | None:
    """Why an unresolved person/organisation span is a place, or None."""
    surface = text[span.start:span.end]
    key = name_key(surface)
    words = key.split()
    if not words:
        return None
    if reg.capital(surface) is not None:
        return "capital"
    if len(words) >= 2 and words[-1] in _words("PLACE_SUFFIXES", language):
        return "place word"
    if key in places:
        return "tagged a place elsewhere"
    line_start = span.start == 0 or text[span.start - 1] == "\n"
    if line_start and surface.isupper() and len(surface) > 3 and _DATELINE_AFTER.match(text, span.end):
        return "dateline"
    before = text[max(0, span.start - 20):span.start].split()
    after = text[span.end:span.end + 2]
    if before and before[-1].lower() in pack(language).entities.LOCATIVE_WORDS and not after.startswith(("'", "’")):
        return "locative"
    return None


def retype(text: str, spans: list[Span], reg: Registry, language: str = "en") -> list[Span]:
    """The spans with places retyped (GPE, kind place, no actor) and non-actors dropped; registry actors as
    they are. Spans are the entity stage's (``attrs``: actor, actor_name, match, kind)."""
    places = {name_key(text[s.start:s.end]) for s in spans if s.attrs.get("kind") == "place"}
    out: list[Span] = []
    for s in spans:
        a = s.attrs
        unresolved = not a.get("actor") or str(a.get("actor")).startswith("auto:")
        if not unresolved or a.get("kind") not in ("person", "org", None):
            out.append(s)
            continue
        if non_actor(text[s.start:s.end], language):
            continue
        why = place_reason(text, s, reg, language, places) if a.get("kind") in ("person", "org") else None
        if why:
            s = Span(s.start, s.end, s.layer, "GPE", s.stage, s.stage_version, s.score,
                     {"actor": None, "actor_name": None, "match": None, "kind": "place", "place": why})
        out.append(s)
    return out
