"""The web app: ``create_app(db_path, write_token=None)`` builds a FastAPI application.

Security model (docs/web.md says the same):
- read-only by default: every route is GET; request connections are ``query_only``;
- ``POST /api/ingest`` exists only when a write token is configured, needs it in the
  ``X-Newsprism-Token`` header, accepts only http(s) URLs, and fetches them through
  the ingest's own address guard (``ingest/fetch.py``: private addresses refused);
- every article-derived string is escaped by Jinja2 autoescaping or by
  ``report.highlight`` (which escapes its own output);
- a strict Content-Security-Policy (scripts and styles from our own origin only,
  no inline code, no framing), ``X-Content-Type-Options``, ``Referrer-Policy``;
- errors have one shape, ``{"error": {"status", "code", "message"}}``, rendered as
  JSON or HTML by the Accept header, never with a traceback.
"""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, plugins
from ..store import open_store
from . import api, render, views
from .queries import StorePool
from .render import render_page

STATIC = Path(__file__).with_name("static")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
log = logging.getLogger("newsprism.web")


def create_app(db_path: str | Path, *, write_token: str | None = None, warm: bool = True) -> FastAPI:
    """A FastAPI app over the store at ``db_path`` (migrated once here, then read-only).

    ``warm``: compute the whole-store aggregates in a background thread at startup.
    """
    db_path = str(Path(db_path).expanduser().resolve())
    with open_store(db_path, create=False):   # refuses a mistyped path; applies pending migrations
        pass
    app = FastAPI(title="newsprism", version=__version__, docs_url=None, redoc_url=None, lifespan=_lifespan,
                  openapi_url="/api/openapi.json",
                  description="Read-only JSON API over a newsprism store: documents, search, actors, "
                              "claims, techniques, outlets, timeline. Every HTML page has a JSON twin here.")
    app.state.pool = StorePool(db_path)
    app.state.features = plugins.web_routes()
    render.install(app.state.features)
    app.state.write_token = write_token or None
    app.state.warm = warm
    app.state.db_path = db_path
    app.include_router(api.router)
    if app.state.write_token:
        app.include_router(api.write_router)
    app.include_router(views.router)
    for feature in app.state.features:
        for router in feature.routers:
            app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _install_errors(app)

    @app.middleware("http")
    async def body_cap(request: Request, call_next):
        # a request body is only for POST /api/ingest (a few URLs): refuse a large one before reading it
        if request.method not in ("GET", "HEAD"):
            declared = request.headers.get("content-length")
            if declared is None and request.headers.get("transfer-encoding"):
                return error_response(request, 411, "send a Content-Length with the request body")
            if declared is not None and (not declared.isdigit() or int(declared) > api.MAX_BODY_BYTES):
                return error_response(request, 413, f"request body over {api.MAX_BODY_BYTES:,} bytes")
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        else:
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return app


def app_from_env() -> FastAPI:
    """``create_app`` over the store named by ``NEWSPRISM_WEB_DB``: an import-string factory for
    uvicorn with several worker processes (``uvicorn --factory newsprism.web.app:app_from_env``)."""
    from ..config import setting_value
    db = setting_value("web_db")
    if not db:
        raise RuntimeError("set NEWSPRISM_WEB_DB to the store the app serves")
    return create_app(db, write_token=setting_value("write_token") or None)


@asynccontextmanager
async def _lifespan(app: FastAPI):
    stop = threading.Event()
    warm = None
    if app.state.warm:
        warm = threading.Thread(target=warm_caches, args=(app.state.pool, stop, app.state.features),
                                name="newsprism-warm", daemon=True)
        warm.start()
    yield
    stop.set()
    if warm is not None and warm.is_alive():
        app.state.pool.interrupt()
        warm.join(timeout=5.0)
    app.state.pool.close()


def warm_caches(pool: StorePool, stop: threading.Event, features: list | None = None) -> None:
    """Fill the whole-store aggregate caches at startup (in the background), so the first visitor
    of the overview, outlets, actors, an actor or the timeline does not wait seconds for them on a
    large store. A page asked for meanwhile waits for the one computation already under way."""
    from . import data
    steps = [data.overview, data.choices, data.styles]
    steps += [w for f in (plugins.web_routes() if features is None else features) for w in f.warm]
    for step in steps:
        if stop.is_set():
            return
        try:
            step(pool)
        except Exception:      # noqa: BLE001 - a failed warm-up only means the page computes it itself
            log.debug("cache warm-up step failed", exc_info=True)


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "busy", 411: "length_required", 413: "too_large", 422: "invalid_parameters", 500: "internal_error",
          503: "unavailable"}


def error_response(request: Request, status: int, message: str) -> Response:
    body = {"error": {"status": status, "code": _CODES.get(status, "error"), "message": message}}
    if wants_json(request):
        resp: Response = JSONResponse(body, status_code=status)
    else:
        resp = HTMLResponse(render_page(request, "error.html.j2", {"error": body["error"]}, title=f"Error {status}"),
                            status_code=status)
    for k, v in SECURITY_HEADERS.items():   # 500s bypass the middleware: set the headers here too
        resp.headers[k] = v
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _install_errors(app: FastAPI) -> None:
    from ..store.query import QueryError
    from ..store.stories import StoryError

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = "nothing here: no such page or record"
        resp = error_response(request, exc.status_code, message)
        if exc.status_code == 405:
            resp.headers["Allow"] = "GET, HEAD"
        return resp

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return error_response(request, 422, "; ".join(parts) or "invalid parameters")

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return error_response(request, 400, exc.message)

    @app.exception_handler(StoryError)
    async def no_story(request: Request, exc: StoryError):
        return error_response(request, 404, exc.message)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)   # the traceback goes to the log only
        return error_response(request, 500, "internal error; the server log has the details")
