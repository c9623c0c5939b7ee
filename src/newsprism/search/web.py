"""The web app's story pages (``/stories``, ``/stories/{name}``) and their JSON twins."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from ..web.api import Pool
from ..web.extension import WebFeature
from ..web.queries import DocFilter, StorePool, list_documents, table_exists
from ..web.views import html
from ..report.charts import stacked_columns
from ..store.stories import StoryError, all_stories, document_ids, get, story_volume

api = APIRouter(prefix="/api", tags=["read"])
pages = APIRouter(include_in_schema=False)
Name = Annotated[str, Path(min_length=1, max_length=80)]


def stories(pool: StorePool) -> dict[str, Any]:
    st = pool.get()
    if not table_exists(st, "stories"):
        return {"items": []}
    return {"items": [s.to_dict() | {"documents": len(document_ids(st.conn, s.name))} for s in all_stories(st.conn)]}


def story(pool: StorePool, name: str) -> dict[str, Any]:
    st = pool.get()
    try:
        s = get(st.conn, name) if table_exists(st, "stories") else None
    except StoryError:
        s = None
    if s is None:
        raise HTTPException(404, "no such story")
    return s.to_dict() | {"volume": story_volume(st.conn, name)}


@api.get("/stories", summary="Stories: saved queries and document lists, with their sizes")
def stories_api(p: Pool) -> dict:
    return stories(p)


@api.get("/stories/{name}", summary="One story: its definition and its volume by outlet and month")
def story_api(p: Pool, name: Name) -> dict:
    return story(p, name)


@pages.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, p: Pool):
    return html(request, "stories.html.j2", "Stories", "stories", d=stories(p))


@pages.get("/stories/{name}", response_class=HTMLResponse)
def story_page(request: Request, p: Pool, name: Name):
    d = story(p, name)
    docs = list_documents(p.get(), DocFilter(story=name), 20, 0)
    return html(request, "story.html.j2", f"Story: {name}", "stories", d=d, chart=stacked_columns(d["volume"]),
                docs=docs)


def web() -> WebFeature:
    return WebFeature("stories", [api, pages], nav=[("stories", "/stories", "Stories")],
                      templates=FsPath(__file__).with_name("templates"))
