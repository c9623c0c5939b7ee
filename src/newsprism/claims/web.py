"""The web app's claim pages (``/claims``, ``/claims/{id}``) and their JSON twins, over ``claims.query``."""

from __future__ import annotations

import json
from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..web import plots
from ..web.api import ID, Limit, Offset, Pool, Story, found
from ..web.data import page
from ..web.extension import WebFeature, missing
from ..web.queries import MAX_LIMIT, ReadStore, StorePool, clamp, has_rows
from ..web.views import html
from .dates import member_as_of
from .query import claim_groups, named, source_name
from .report import value_text

CLAIM_POINTS = 400
api = APIRouter(prefix="/api", tags=["read"])
pages = APIRouter(include_in_schema=False)


def claims(pool: StorePool, limit: int, offset: int, flagged: bool, story: str | None = None,
           include_generic: bool = False) -> dict[str, Any]:
    """A page of claim groups in the order of ``newsprism claims`` (disputed, disagreeing, agreeing, single);
    generic ``count:<noun>`` groups only with ``include_generic``, as there."""
    st = pool.get()
    if not has_rows(st, "claim_groups"):
        return missing("claims", "reconcile") | page(0, limit, offset) | {"items": []}
    res = claim_groups(st, limit, offset, flagged, story, include_generic)
    return {"status": "ok", "flagged_only": flagged, "include_generic": include_generic, "story": story,
            **page(res["total"], limit, offset), "items": res["items"]}


def claim(pool: StorePool, group_id: str, story: str | None = None) -> dict[str, Any] | None:
    """One claim group: every member with source and date, and the points of its value chart.

    Cached per group (the most recently viewed ones) until the store changes: a group copied across
    many documents has thousands of members to read, sort and decode.
    """
    st = pool.get()
    if not has_rows(st, "claim_groups"):
        return missing("claims", "reconcile")
    return pool.cached_item("claim", json.dumps([group_id, story]), lambda s: _claim(s, group_id, story))


def _claim(st: ReadStore, group_id: str, story: str | None = None) -> dict[str, Any] | None:
    """One group; with a story, only the members from its documents, the group's figures and flags
    recomputed from them (claims/scoped.py; None when it has none there)."""
    if story:
        from .scoped import story_groups
        g = next((x for x in story_groups(st, story) if x["id"] == group_id), None)
        if g is None:
            return None
    else:
        row = st.conn.execute("SELECT * FROM claim_groups WHERE id=?", (group_id,)).fetchone()
        if row is None:
            return None
        # the shape of claims.query.load_groups for this one group (it loads every group of the subject)
        g = dict(row)
        g["summary"] = json.loads(g["summary"])
        g["members"] = [dict(m) | {"attrs": json.loads(m["attrs"])} for m in st.conn.execute(
            "SELECT * FROM claim_group_members WHERE group_id=?"
            " ORDER BY coalesce(as_of, published, ''), doc_id, start", (group_id,)).fetchall()]
    members = named(st, [g])[0].pop("members")
    return {"status": "ok", "story": story, "group": g, "n_members": len(members), "members": members[:MAX_LIMIT],
            "points": claim_points(members)}


def claim_points(members: list[dict]) -> list[dict[str, Any]]:
    """Value-by-date points (first ``CLAIM_POINTS``); a claim with no value or date is left out of the chart."""
    out = []
    for m in members:
        date = m.get("as_of") if m.get("as_of_resolved") else None
        date = date or m.get("published")
        lo, hi = m.get("min_value"), m.get("max_value")
        if date is None or (lo is None and hi is None) or m.get("increment"):
            continue
        out.append({"date": str(date)[:10], "lo": lo if lo is not None else hi, "hi": hi if hi is not None else lo,
                    "source": "not stated" if m.get("source_method") == "unknown"
                    else (m.get("attrs") or {}).get("source_name") or m["source"], "origin": m["origin"],
                    "role": m["role"], "doc_id": m["doc_id"],
                    "start": m["start"], "end": m["end"], "text": m["text"], "hedge": m.get("hedge")})
        if len(out) >= CLAIM_POINTS:
            break
    return out


@api.get("/claims", summary="Claim groups: the same figure or assertion across sources, disputes first")
def claims_api(p: Pool, limit: Limit = 50, offset: Offset = 0,
               flagged: Annotated[bool, Query(description="only groups with a disagreement or dispute")] = False,
               story: Story = None,
               all: Annotated[bool, Query(description="also generic groups (count:<noun>)")] = False) -> dict:
    return claims(p, *clamp(limit, offset), flagged, story or None, all)


@api.get("/claims/{group_id}", summary="One claim group: each value by source and date, with evidence")
def claim_api(p: Pool, group_id: Annotated[str, Path(pattern=ID)], story: Story = None) -> dict:
    return found(claim(p, group_id, story or None), "claim group")


@pages.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, p: Pool, limit: Limit = 50, offset: Offset = 0, flagged: bool = False,
                story: Story = None, all: bool = False):
    d = claims(p, *clamp(limit, offset), flagged, story or None, all)
    params = {k: "true" for k, on in (("flagged", flagged), ("all", all)) if on} | ({"story": story} if story else {})
    return html(request, "claims.html.j2", "Claims", "claims", d=d, params=params)


@pages.get("/claims/{group_id}", response_class=HTMLResponse)
def claim_page(request: Request, p: Pool, group_id: Annotated[str, Path(pattern=ID)], story: Story = None):
    d = found(claim(p, group_id, story or None), "claim group")
    chart = plots.value_chart(d["points"]) if d.get("status") == "ok" else None
    title = d["group"]["label"] if d.get("status") == "ok" else "Claim"
    return html(request, "claim.html.j2", title, "claims", d=d, chart=chart)


_TEMPLATES = FsPath(__file__).with_name("templates")   # this feature's pages (beside its report section)


def web() -> WebFeature:
    # the filters word claim values and dates as the report does
    return WebFeature("claims", routers=[api, pages], nav=[("claims", "/claims", "Claims")],
                      templates=_TEMPLATES,
                      filters={"claim_value": value_text, "as_of": member_as_of, "actor_name": source_name})
