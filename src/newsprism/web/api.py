"""The JSON API: one route behind every page, read-only, paginated, with stable ids.

Document ids are the store's (hash of locator and raw bytes), actor ids the
registry's slugs, claim group ids the reconcile stage's hashes: a link stays valid
across re-runs of an unchanged corpus. Lists take ``limit`` (1-200, default 50)
and ``offset`` (0-10,000) and answer ``total``, ``next_offset`` and ``items``.
"""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any
from urllib.parse import urlsplit

from datetime import date

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool

from ..errors import StoreBusyError
from . import data
from .queries import MAX_LIMIT, MAX_OFFSET, DocFilter, StorePool, clamp

router = APIRouter(prefix="/api", tags=["read"])
write_router = APIRouter(tags=["write"])
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
ID = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}$"
MAX_INGEST_URLS = 20
MAX_URL_CHARS = 2048            # longer URLs are refused: a locator is stored and shown by every view
MAX_BODY_BYTES = 64 * 1024      # a POST body larger than this is refused (413) before it is read whole

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size (1-200)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip (0-10,000)")]


def pool(request: Request) -> StorePool:
    return request.app.state.pool


def _calendar(value: str | None, name: str) -> str | None:
    """A YYYY[-MM[-DD]] the pattern let through must also be a real month and day (else 422)."""
    if value:
        y, *rest = value.split("-")
        try:
            date(int(y), int(rest[0]) if rest else 1, int(rest[1]) if len(rest) > 1 else 1)
        except ValueError:
            raise RequestValidationError([{"loc": ("query", name), "msg": f"{value!r} is not a calendar date",
                                           "type": "value_error"}]) from None
    return value or None


def doc_filter(
    outlet: Annotated[str | None, Query(max_length=200, description="exact outlet name")] = None,
    language: Annotated[str | None, Query(max_length=20, description="language code, e.g. en, ru, ko")] = None,
    date_from: Annotated[str | None, Query(pattern=DATE, description="published on or after (YYYY[-MM[-DD]])")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE, description="published on or before (YYYY[-MM[-DD]])")] = None,
    actor: Annotated[str | None, Query(max_length=128, description="actor id: documents mentioning the actor")] = None,
    technique: Annotated[str | None, Query(max_length=100, description="technique label, e.g. Loaded_Language")] = None,
    duplicates: Annotated[bool, Query(description="include documents linked as duplicates")] = True,
    story: Annotated[str | None, Query(max_length=80, description="story name: only its documents")] = None,
) -> DocFilter:
    return DocFilter(outlet or None, language or None, _calendar(date_from, "date_from"),
                     _calendar(date_to, "date_to"), actor or None, technique or None, duplicates, story or None)


Pool = Annotated[StorePool, Depends(pool)]
Story = Annotated[str | None, Query(max_length=80, description="story name: only its documents (/api/stories)")]
Filter = Annotated[DocFilter, Depends(doc_filter)]


def found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/health", summary="Liveness and the store's schema version")
def health(p: Pool) -> dict:
    return {"ok": True, "schema_version": p.get().schema_version()}


@router.get("/overview", summary="Corpus overview: totals, volume by outlet, language and month, layers, "
                                 "techniques, top actors, stage runs")
def overview(p: Pool, story: Story = None) -> dict:
    return data.overview(p, story or None)


@router.get("/documents", summary="Documents, newest first, filtered (outlet, language, dates, actor, technique)")
def documents(p: Pool, f: Filter, limit: Limit = 50, offset: Offset = 0,
              sort: Annotated[str, Query(pattern="^(published|ingested)$")] = "published") -> dict:
    return data.documents(p, f, *clamp(limit, offset), sort)


@router.get("/documents/{doc_id}", summary="One document: clean text, metadata with provenance, spans of "
                                           "every layer, duplicates, failures")
def document(p: Pool, doc_id: Annotated[str, Path(pattern=ID)], story: Story = None) -> dict:
    return found(data.document(p, doc_id, story=story or None), "document" + (" in this story" if story else ""))


@router.get("/search", summary="Full-text search (any script) with the document filters; query language: "
                              'words, "phrases", OR, NOT, prefix*, NEAR(a b, 5), outlet:, lang:, date:FROM..TO')
def search(p: Pool, f: Filter, q: Annotated[str, Query(max_length=1000, description="the query")] = "",
           limit: Limit = 20, offset: Offset = 0) -> dict:
    return data.search(p, q, f, *clamp(limit, offset))


@router.get("/failures", summary="Inputs and documents that could not be read, cleaned or analysed")
def failures(p: Pool, limit: Limit = 50, offset: Offset = 0, story: Story = None) -> dict:
    return data.failures(p, *clamp(limit, offset), story or None)


def _terms(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    return [t.strip() for t in raw.split(",") if t.strip()][:20] or None


# -- the one write action ---------------------------------------------------------------
_ingest_lock = threading.Lock()


def check_token(request: Request, token: str | None) -> None:
    expected = request.app.state.write_token
    if not expected or not token or not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(401, "a valid X-Newsprism-Token header is required for write actions")


def http_urls(urls: list[str]) -> list[str]:
    """Only absolute http(s) URLs: the server never reads local paths on a client's behalf."""
    if not urls or len(urls) > MAX_INGEST_URLS:
        raise HTTPException(400, f"give 1 to {MAX_INGEST_URLS} URLs")
    for u in urls:
        if not isinstance(u, str) or len(u) > MAX_URL_CHARS:
            raise HTTPException(400, f"a URL may have at most {MAX_URL_CHARS:,} characters")
        try:
            parts = urlsplit(u.strip())
            parts.port
        except ValueError:
            raise HTTPException(400, "not a well-formed URL") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise HTTPException(400, "only http(s) URLs can be ingested from the web app")
    return [u.strip() for u in urls]


@write_router.post("/api/ingest", summary="Fetch and ingest URLs (needs the write token; private addresses refused)")
async def ingest(request: Request,
                 urls: Annotated[list[str], Body(embed=True, description="http(s) URLs to fetch and ingest")],
                 x_newsprism_token: Annotated[str | None, Header()] = None) -> dict:
    check_token(request, x_newsprism_token)
    items = http_urls(urls)
    try:
        return await run_in_threadpool(_ingest_now, request.app.state.db_path, items)
    except StoreBusyError as exc:
        raise HTTPException(409, exc.message) from None


write_router.add_api_route("/ingest", ingest, methods=["POST"], include_in_schema=False)


def _ingest_now(db_path: str, items: list[str]) -> dict:
    from ..config import load_settings
    from ..pipeline import ingest as run_ingest
    from ..store import open_store
    # the ingest's address guard stays on whatever the environment says
    settings = load_settings().with_overrides(allow_private_addresses=False)
    with _ingest_lock, open_store(db_path) as store:
        rep = run_ingest(store, items, settings)
    return {"report": rep.as_dict(), "added_ids": rep.added_ids,
            "failures": [{"locator": f.locator, "stage": f.stage, "code": f.code, "message": f.message}
                         for f in rep.failures],
            "next": "run `newsprism analyze` to analyse the new documents"}
