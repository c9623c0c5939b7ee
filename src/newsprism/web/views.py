"""HTML pages, server-rendered: each calls the same ``data``/``features`` function as its API twin."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..report.charts import bar_chart, column_chart
from ..report.html import layer_css
from . import data
from .api import DATE, ID, Filter, Limit, Offset, Pool, Story, found
from .queries import clamp
from .render import render_page

router = APIRouter(include_in_schema=False)
_AT = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def html(request: Request, template: str, title: str, section: str, **ctx) -> HTMLResponse:
    return HTMLResponse(render_page(request, template, ctx, title=title, section=section))


@router.get("/layers.css")
def layers_css(p: Pool) -> Response:
    """Per-layer highlight colours for this store's layers (same rules as the report)."""
    styles = data.styles(p)
    ev = styles[data.EVIDENCE_LAYER].css_class
    css = layer_css(list(styles.values())) + (
        f"\n.hl.{ev}{{background:rgba(255,209,102,.75);border-bottom:2px solid #d55e00;outline:1px solid #d55e00}}"
        f"\n.sw.{ev}{{background:rgba(255,209,102,.75);border-color:#d55e00}}\n")
    return Response(css, media_type="text/css", headers={"Cache-Control": "no-cache"})


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, p: Pool, story: Story = None):
    d = data.overview(p, story or None)
    charts = [bar_chart("Documents by outlet", d["by_outlet"], "outlets"),
              bar_chart("Documents by language", d["by_language"], "languages"),
              column_chart("Documents by month published", d["by_month"])]
    return html(request, "overview.html.j2", "Overview", "overview", d=d, charts=charts)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, p: Pool, f: Filter, limit: Limit = 50, offset: Offset = 0,
                   sort: Annotated[str, Query(pattern="^(published|ingested)$")] = "published"):
    d = data.documents(p, f, *clamp(limit, offset), sort)
    return html(request, "documents.html.j2", "Documents", "documents", d=d, choices=data.choices(p),
                params=f.as_params() | ({"sort": sort} if sort != "published" else {}))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, p: Pool, doc_id: Annotated[str, Path(pattern=ID)],
                  at: Annotated[str | None, Query(max_length=24)] = None, story: Story = None):
    m = _AT.match(at or "")
    d = found(data.document(p, doc_id, evidence=(int(m[1]), int(m[2])) if m else None, story=story or None),
              "document" + (" in this story" if story else ""))
    styles = data.styles(p)
    layers = [styles[name] for name, _ in d["layer_counts"] if name in styles]
    return html(request, "document.html.j2", d["title"], "documents", d=d, body=data.document_body(p, d),
                layers=layers, evidence_style=styles[data.EVIDENCE_LAYER])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, p: Pool, f: Filter,
                q: Annotated[str, Query(max_length=1000)] = "", limit: Limit = 20, offset: Offset = 0):
    from ..store.query import QueryError
    error = None
    try:
        d = data.search(p, q, f, *clamp(limit, offset)) if q.strip() else None
    except QueryError as exc:       # the page says what it cannot read; the API answers 400
        d, error = None, exc.message
    return html(request, "search.html.j2", f"Search: {q}" if q else "Search", "search", d=d, q=q, error=error,
                choices=data.choices(p), params=f.as_params() | {"q": q})


@router.get("/failures", response_class=HTMLResponse)
def failures_page(request: Request, p: Pool, limit: Limit = 50, offset: Offset = 0, story: Story = None):
    return html(request, "failures.html.j2", "Failures", "failures",
                d=data.failures(p, *clamp(limit, offset), story or None))


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    schema = request.app.openapi()
    routes = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "params": [{"name": x["name"], "in": x["in"], "required": x.get("required", False),
                                       "description": x.get("description", "")} for x in op.get("parameters", [])]})
    return html(request, "api.html.j2", "JSON API", "api", routes=routes)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request):
    if not request.app.state.write_token:
        raise HTTPException(404, "ingest from the web app is off: start `newsprism serve` with --write-token")
    return html(request, "ingest.html.j2", "Ingest", "ingest")


_ = DATE  # the date pattern is validated by the shared filter dependency
