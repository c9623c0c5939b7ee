"""Claims case files: optional, user-editable JSON that names, merges or splits discovered claim groups.

Groups are discovered without one (``claims.measure``); a case file only adjusts them for one story
(the setting ``claims_case``: a file path, or the name of a built-in one under
``resources/claims/cases/``, e.g. ``kursk``)::

    {"about": "free text",
     "names":    {"north-korean/killed": "North Korean soldiers killed in the Kursk fighting"},
     "merge":    {"north-korean-builders/deployed": "north-korean-engineers/deployed"},
     "episodes": [{"name": "storm-shadow-strike", "label": "in the Storm Shadow strike",
                   "pattern": "storm shadow|шторм шэдоу"}],
     "assertions": [{"id": "kursk-liberated", "label": "Russia regained control of the Kursk region",
                     "pattern": "liberat\\w*[^.]{0,60}kursk|освобожд\\w*[^.]{0,40}курск", "exclude": "film|movie"}]}

* ``names``: a readable label for a discovered subject;
* ``merge``: subject -> subject it is to join (two wordings the packs keep apart);
* ``episodes``: a claim whose sentence matches ``pattern`` (regex, case-insensitive) is split from the
  running totals into ``<subject>@<name>``: a figure about one strike, battle or week;
* ``assertions``: an assertion (a discovered one, ``claims.assertions``) whose sentence matches ``pattern``
  and not ``exclude`` (regexes, case-insensitive) is pinned to the group ``id`` with ``label``, whatever its
  discovered key, and a dispute of it follows; pinned groups need no second document. ``names`` and ``merge``
  also take discovered assertion keys (``assert:liberate/region``).

Applied by the ``reconcile`` stage to quantity claims with a discovered subject; the stage version carries
the case file's digest, so changing it rebuilds the groups.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache

from ..cases import case_text


def _text(ref: str) -> str:
    return case_text(ref, "claims")


@lru_cache(maxsize=8)
def load_case(ref: str) -> dict:
    """The case file ``ref`` (path or built-in name), compiled; an empty case for ""."""
    text = _text(ref)
    d = json.loads(text) if text else {}
    eps = [{**e, "_rx": re.compile(e["pattern"], re.I)} for e in d.get("episodes", [])]
    pins = [{**a, "_rx": re.compile(a["pattern"], re.I),
             "_exclude": re.compile(a["exclude"], re.I) if a.get("exclude") else None} for a in d.get("assertions", [])]
    return {"names": dict(d.get("names", {})), "merge": dict(d.get("merge", {})), "episodes": eps, "assertions": pins,
            "digest": hashlib.sha1(text.encode()).hexdigest()[:8] if text else "none"}


def apply_case(member: dict, case: dict) -> None:
    """Rename, merge or split one reconcile member in place (quantities and disputes of discovered subjects)."""
    subject = member.get("subject") or ""
    if member.get("role") == "assertion" and _pin(member, case):
        return
    if "/" not in subject or subject.startswith("count:"):
        return
    label = member.get("label") or subject
    for e in case["episodes"]:
        if e["_rx"].search(member.get("context") or ""):
            subject, label = f"{subject}@{e['name']}", f"{label} ({e.get('label', e['name'])})"
            break
    subject = case["merge"].get(subject, subject)
    member["subject"], member["label"] = subject, case["names"].get(subject, label)


def _pin(member: dict, case: dict) -> bool:
    """Pin an assertion whose sentence matches one of the case's ``assertions`` patterns to that group."""
    context, claim = member.get("context") or "", member.get("text") or ""
    at = context.find("#")
    text = context.replace("#", claim, 1)             # the sentence, claim unmasked
    for a in case.get("assertions", []):
        # the pattern must take in the assertion's own words: one sentence may assert other things too
        hit = any(m.start() < at + len(claim) and at < m.end() for m in a["_rx"].finditer(text)) if at >= 0 else False
        if hit and not (a["_exclude"] and a["_exclude"].search(text)):
            member["subject"], member["label"], member["pinned"] = a["id"], a.get("label", a["id"]), True
            return True
    return False


def follow_pins(members: list[dict]) -> None:
    """Disputes of a pinned assertion join its group (they were keyed by the assertion's discovered key)."""
    pinned = {(m["doc_id"], m["start"]): m for m in members if m.get("pinned")}
    for m in members:
        d = m.get("disputes") or {}
        t = pinned.get((m["doc_id"], d.get("start"))) if m.get("role") == "dispute" else None
        if t is not None:
            m["subject"], m["label"] = t["subject"], t["label"]
