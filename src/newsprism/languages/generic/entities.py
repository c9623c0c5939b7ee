"""Entities concern: how people's names are written and compared, and what names no actor.

The interface every pack may override; these defaults hold for any language
(no opinion: the caller's language-independent rules decide).
"""

from __future__ import annotations

# Words after a proper noun that make it a person ("X 의원", "X 대변인"); a pack lists its own.
PERSON_TITLES: frozenset[str] = frozenset()
# Words after a proper noun that make it a place ("X 주", "X 지역").
PLACE_WORDS: frozenset[str] = frozenset()
# Last words of an organisation's name ("...당", "...위원회").
ORG_SUFFIXES: tuple[str, ...] = ()


def romanize_name(name: str) -> str:
    """The name in Latin letters (lower case); unchanged where the pack knows no script of its own."""
    return name


def name_key(name: str) -> tuple[frozenset[str], str] | None:
    """A spelling-tolerant key of a person's name: (surname classes, given-name form), or None when the
    name does not have this language's shape. Two names are one person only if the classes meet and the
    given-name forms are equal; None here means: no opinion."""
    return None


def same_given(a: str, b: str) -> bool:
    """Whether two names whose keys differ still have one given name (a tolerated slip); False here."""
    return False


def looks_like_person(name: str) -> bool | None:
    """Whether a proper noun has the shape of a person's name in this language (None: cannot tell)."""
    return None

# A last word that makes a name a place ("Kursk Oblast", "Gaza Strip").
PLACE_SUFFIXES: frozenset[str] = frozenset()
# Words right before a name that make it a place ("in Kyiv", "near Kursk").
LOCATIVE_WORDS: frozenset[str] = frozenset()
# Words of page furniture ("Copy link", "Share", "Icon"): a name made of them names nobody.
INTERFACE_WORDS: frozenset[str] = frozenset()
# A last word that makes a name a photo credit ("Getty Images", "AP Photo"), not a speaker.
PHOTO_CREDIT_WORDS: frozenset[str] = frozenset()


def classify_proper_noun(name: str, after: str, before: str = "") -> str | None:
    """The kind ("person", "place", "org") of a proper noun the tagger could not type, from its shape and the
    text right after (and before) it; None when the language's rules cannot tell."""
    return None

# Words right before capitalised words that make them a person's name ("el diputado Lee Seong-kweun", "der
# Abgeordnete Kim", "le député Lee"), for languages without a statistical tagger; lower case.
TITLES_BEFORE_NAME: frozenset[str] = frozenset()


def titled_names(text: str) -> list[tuple[int, int, str, str]] | None:
    """Persons named after a title, for a script without capitals (Chinese): (start, end, "PERSON", "person");
    None: the shared rule reads capitalised words after ``TITLES_BEFORE_NAME``."""
    return None
