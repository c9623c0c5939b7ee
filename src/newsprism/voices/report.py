"""The report's Voices section: top actors with aliases and counts, and what the top speakers say."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..report.sections import Evidence, Linker, Section, not_run, ran
from ..store import Store

MAX_ACTORS = 40
MAX_SPEAKERS = 15
MAX_STATEMENTS = 8
MAX_ALIASES = 6


@dataclass
class Statement:
    content: str
    kind: str
    cue: str
    stance: str
    speaker_text: str
    via: list[str]
    outlet: str
    published: str
    evidence: Evidence


@dataclass
class Speaker:
    id: str
    name: str
    attributions: int
    statements: list[Statement]


def _affiliated(v: Any) -> str:
    return "—" if v is None else ("state" if v else "no")


def voices_section(store: Store, link: Linker, story: str | None = None) -> Section:
    """Top actors with aliases and counts; for the top speakers what they are reported to say
    (with a story: counted and quoted within its documents only)."""
    if not ran(store, "actors"):
        return not_run("actors", "resolved actors")
    from .query import VoiceFilter, actor_counts_in, list_actors, voices_of
    actors = list_actors(store)
    if story:
        counts = actor_counts_in(store, story)
        actors = sorted((a | counts[a["id"]] for a in actors if a["id"] in counts),
                        key=lambda a: (-a["mentions"], a["name"]))
    if not actors:
        return Section(True, "The actors stage ran but found no actor mentioned in the documents.")
    sec = Section(True)
    for a in actors[:MAX_ACTORS]:
        seen = [x["alias"] for x in a["aliases"] if x["n"]] or [x["alias"] for x in a["aliases"]]
        sec.items.append({"id": a["id"], "name": a["name"], "type": a.get("type") or "",
                          "country": a.get("country") or "", "state": _affiliated(a.get("state_affiliated")),
                          "aliases": seen[:MAX_ALIASES], "more_aliases": max(0, len(seen) - MAX_ALIASES),
                          "mentions": a.get("mentions") or 0, "attributions": a.get("attributions") or 0,
                          "documents": a.get("documents") or 0})
    if len(actors) > MAX_ACTORS:
        sec.left_out.append(f"{len(actors) - MAX_ACTORS} less mentioned actors (of {len(actors)}) are not shown.")
    speakers = sorted((a for a in actors if a.get("attributions")), key=lambda a: (-a["attributions"], a["name"]))
    for a in speakers[:MAX_SPEAKERS]:
        rows = voices_of(store, a["id"], limit=MAX_STATEMENTS, where=VoiceFilter(story=story))
        sec.extra.setdefault("speakers", []).append(Speaker(a["id"], a["name"], a["attributions"], [
            Statement(r["content"], r.get("kind") or "", r.get("cue") or "", r.get("stance") or "",
                      r.get("speaker_text") or "", [v["name"] for v in r.get("via") or []],
                      r.get("outlet") or "", str(r.get("published") or "")[:10],
                      link(r["doc_id"], "attribution", r["start"], r["end"], r["content"])) for r in rows]))
    sec.extra["speaker_ids"] = {sp.id for sp in sec.extra.get("speakers", ())}
    if len(speakers) > MAX_SPEAKERS:
        sec.left_out.append(f"Statements are shown for the top {MAX_SPEAKERS} of {len(speakers)} speakers, "
                            f"at most {MAX_STATEMENTS} each (newsprism voices ACTOR lists them all).")
    return sec
