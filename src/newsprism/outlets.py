"""Which outlet a document comes from, and the groups an outlet belongs to.

Groups are what analysts compare: one outlet against the rest, state-affiliated
against independent press, one country's outlets against the others. State
affiliation and country come from the outlet registry (``resources/outlets.json``,
read through ``clean.metadata``); an outlet the registry does not know is
"unknown" on both axes, never guessed.
"""

from __future__ import annotations

from functools import lru_cache

from .clean.metadata import outlet_for_name, outlet_registry

UNKNOWN_OUTLET = "unknown outlet"
# the same wording as an SQL literal, for ``coalesce(outlet, ...)`` in queries
UNKNOWN_SQL = "'" + UNKNOWN_OUTLET.replace("'", "''") + "'"


def outlet_of(doc) -> str:
    """The outlet name of a document (outlet, else site name), or ``unknown outlet``."""
    return (doc.get("outlet") or doc.get("site_name") or UNKNOWN_OUTLET).strip() or UNKNOWN_OUTLET


@lru_cache(maxsize=4096)
def outlet_record(name: str) -> dict | None:
    """The registry record for an outlet name or alias, or for a registry domain."""
    if name == UNKNOWN_OUTLET:
        return None
    rec = outlet_for_name(name)
    if rec is None:
        rec = outlet_registry().get(name.lower())
    return rec


def affiliation(name: str) -> str:
    """``state``, ``independent`` (in the registry and not state-affiliated) or ``unknown``."""
    rec = outlet_record(name)
    if rec is None or rec.get("state_affiliated") is None:
        return "unknown"
    return "state" if rec["state_affiliated"] else "independent"


def country(name: str) -> str:
    rec = outlet_record(name)
    return (rec or {}).get("country") or "unknown"


def groups_of(name: str) -> list[tuple[str, str]]:
    """(scope, group) pairs an outlet counts towards: itself, its affiliation, its country."""
    return [("outlet", name), ("affiliation", affiliation(name)), ("country", country(name))]
