"""The web app's actor pages (``/actors``, ``/actors/{id}``) and their JSON twins, over ``voices.query``.

A page whose ``actors`` stage has not run answers ``{"status": "not_analysed", ...}`` and
says "run newsprism analyze" instead of failing.
"""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..report.charts import bar_chart, column_chart
from ..web.api import DATE, ID, Limit, Offset, Pool, Story, found
from ..web.data import page
from ..web.extension import WebFeature, missing
from ..web.queries import ReadStore, StorePool, clamp, has_rows
from ..web.views import html
from .query import VoiceFilter, actor_aggregates, get_actor, list_actors, voices_page

api = APIRouter(prefix="/api", tags=["read"])
pages = APIRouter(include_in_schema=False)


def top_actors(st: ReadStore, n: int = 10, story: str | None = None) -> list[dict[str, Any]] | None:
    if not has_rows(st, "actors"):
        return None
    return [{k: a[k] for k in ("id", "name", "type", "mentions", "documents", "attributions")}
            for a in list_actors(st, limit=n, story=story)]


def _story_aggregates(st: ReadStore, actor_id: str, story: str) -> dict[str, Any]:
    """One actor's attributions by outlet and mentions by month within a story's documents."""
    from ..store.stories import scope
    where, params = scope(st.conn, story, "m.doc_id")
    rows = st.conn.execute(
        "SELECT m.layer = 'attribution', coalesce(d.outlet, 'unknown'), coalesce(substr(d.published, 1, 7), 'unknown'),"
        f" count(*) FROM actor_mentions m JOIN documents d ON d.id = m.doc_id WHERE m.actor_id = ? AND {where}"
        " GROUP BY 1, 2, 3", (actor_id, *params)).fetchall()
    outlets: dict[str, int] = {}
    months: dict[str, int] = {}
    for attr, outlet, month, n in rows:
        months[month] = months.get(month, 0) + n
        if attr:
            outlets[outlet] = outlets.get(outlet, 0) + n
    return {"by_outlet": sorted(outlets.items(), key=lambda x: (-x[1], x[0])), "by_month": sorted(months.items()),
            "attributions": sum(outlets.values())}


def actors(pool: StorePool, limit: int, offset: int, type_: str | None, story: str | None = None) -> dict[str, Any]:
    if not has_rows(pool.get(), "actors"):
        return missing("actors", "actors") | page(0, limit, offset) | {"items": []}
    rows = list_actors(pool.get(), story=story) if story else pool.cached("actors", list_actors)
    if type_:
        rows = [a for a in rows if a["type"] == type_]
    types = sorted({a["type"] for a in pool.cached("actors", list_actors)})
    return {"status": "ok", "type": type_, "story": story, "types": types,
            **page(len(rows), limit, offset), "items": rows[offset:offset + limit]}


def relays(voices: list[dict]) -> list[dict]:
    seen: dict[str, dict] = {}
    for v in voices:
        for r in v["via"]:
            seen.setdefault(r["id"], {"id": r["id"], "name": r["name"], "n": 0})["n"] += 1
    return sorted(seen.values(), key=lambda r: -r["n"])


def actor(pool: StorePool, actor_id: str, limit: int, offset: int, sort: str = "recent",
          where: VoiceFilter | None = None) -> dict[str, Any] | None:
    """An actor, what they are reported to say (paged, sorted, narrowed by ``where``), who relayed it, and when."""
    st = pool.get()
    if not has_rows(st, "actors"):
        return missing("actors", "actors")
    a = get_actor(st, actor_id)
    if a is None:
        return None
    if where is not None and where.story:
        agg = _story_aggregates(st, actor_id, where.story)
    else:
        agg = pool.cached("actor_aggregates", actor_aggregates).get(
            actor_id, {"by_outlet": [], "by_month": [], "attributions": 0})
    res = voices_page(st, actor_id, limit, offset, total=agg["attributions"], order=sort, where=where)
    filters = {k: v for k, v in (where or VoiceFilter()).__dict__.items() if v is not None}
    return {"status": "ok", "actor": a, "sort": sort, "filters": filters, **page(res["total"], limit, offset), "voices": res["items"],
            "by_outlet": agg["by_outlet"], "by_month": agg["by_month"], "relays": relays(res["items"])}


@api.get("/actors", summary="Actors resolved across spellings and scripts, most mentioned first")
def actors_api(p: Pool, limit: Limit = 50, offset: Offset = 0,
               type: Annotated[str | None, Query(max_length=40, description="person, organisation, media, ...")] = None,
               story: Story = None) -> dict:
    return actors(p, *clamp(limit, offset), type or None, story or None)


Sort = Annotated[str, Query(pattern="^(recent|date|confidence)$", description="recent (stored), date (published), "
                                                                             "confidence: each latest or highest first")]


def voice_filter(story: Story = None,
                 outlet: Annotated[str | None, Query(max_length=200, description="reported by this outlet")] = None,
                 date_from: Annotated[str | None, Query(pattern=DATE, description="published on or after")] = None,
                 date_to: Annotated[str | None, Query(pattern=DATE, description="published on or before")] = None,
                 min_confidence: Annotated[float | None, Query(ge=0, le=1, description="lowest confidence")] = None
                 ) -> VoiceFilter:
    return VoiceFilter(story or None, outlet or None, date_from or None, date_to or None, min_confidence)


Voices = Annotated[VoiceFilter, Depends(voice_filter)]


@api.get("/actors/{actor_id}", summary="One actor: what they are reported to say, by whom relayed, over time")
def actor_api(p: Pool, w: Voices, actor_id: Annotated[str, Path(pattern=ID)], limit: Limit = 50, offset: Offset = 0,
              sort: Sort = "recent") -> dict:
    return found(actor(p, actor_id, *clamp(limit, offset), sort, w), "actor")


@pages.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, p: Pool, limit: Limit = 50, offset: Offset = 0,
                type: Annotated[str | None, Query(max_length=40)] = None, story: Story = None):
    d = actors(p, *clamp(limit, offset), type or None, story or None)
    params = {k: v for k, v in (("type", type), ("story", story)) if v}
    return html(request, "actors.html.j2", "Actors", "actors", d=d, params=params)


@pages.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, p: Pool, w: Voices, actor_id: Annotated[str, Path(pattern=ID)],
               limit: Limit = 50, offset: Offset = 0, sort: Sort = "recent"):
    d = found(actor(p, actor_id, *clamp(limit, offset), sort, w), "actor")
    charts = []
    if d.get("status") == "ok":
        charts = [bar_chart("Reported statements by outlet", d["by_outlet"], "outlets"),
                  column_chart("Mentions by month published", d["by_month"])]
    title = d["actor"]["name"] if d.get("status") == "ok" else "Actor"
    return html(request, "actor.html.j2", title, "actors", d=d, charts=charts)


def _warm_aggregates(pool: StorePool) -> None:
    if has_rows(pool.get(), "actors"):
        pool.cached("actor_aggregates", actor_aggregates)


_TEMPLATES = FsPath(__file__).with_name("templates")   # this feature's pages (beside its report section)


def web() -> WebFeature:
    return WebFeature("voices", routers=[api, pages], nav=[("actors", "/actors", "Actors")],
                      templates=_TEMPLATES,
                      overview={"top_actors": top_actors},
                      warm=[lambda pool: actors(pool, 1, 0, None), _warm_aggregates])
