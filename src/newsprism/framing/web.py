"""The web app's outlet comparison (techniques and framing side by side) and timeline pages, with
their JSON twins; read through ``framing.queries``, ``claims.query`` and ``techniques.summaries``.

A part whose stage has not run answers ``{"status": "not_analysed", ...}``.
"""

from __future__ import annotations

import json
from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..claims.query import dated_claims
from ..outlets import UNKNOWN_SQL
from ..report.charts import column_chart
from ..web import plots
from ..web import queries as q
from ..web.api import Limit, Offset, Pool, Story, _terms
from ..web.data import page
from ..web.extension import WebFeature, missing
from ..web.queries import ReadStore, StorePool, clamp
from ..web.views import html
from .queries import events_page

DEFAULT_TERMS = 12        # the outlets page's default framing words: the terms outlets over-use most, per story


def default_terms(st: ReadStore, story: str | None = None, n: int = DEFAULT_TERMS) -> list[str]:
    """The words to compare outlets on when the user names none: each outlet's most over-used terms against
    the rest (the framing stage's keyness; with a story, within the story), taken in turn so every outlet
    contributes. Empty before the framing stage has run: the page then asks for words."""
    from .queries import outlet_terms
    try:
        groups = outlet_terms(st, "outlet", top=n, story=story)
    except Exception:           # framing tables absent (store not analysed)
        return []
    lists = [[t["term"] for t in g["terms"] if t["z"] > 0] for g in sorted(groups, key=lambda g: str(g["group"]))]
    out: list[str] = []
    for rank in range(n):
        for terms in lists:
            if rank < len(terms) and terms[rank] not in out and len(out) < n:
                out.append(terms[rank])
    return out
api = APIRouter(prefix="/api", tags=["read"])
Historical = Annotated[bool, Query(description="the dated references outside the coverage's period instead")]
pages = APIRouter(include_in_schema=False)


def framing_counts(st: ReadStore, terms: list[str], story: str | None = None) -> dict[str, dict[str, int]]:
    """Per term, per outlet: documents (first copies only) using the word (FTS, any inflection not folded);
    with a story, its documents only."""
    from ..store.stories import scope
    where, params = scope(st.conn, story, "d.id")
    out: dict[str, dict[str, int]] = {}
    for term in terms:
        m = q.fts_match(term)
        if m is None:
            continue
        table, expr = m
        out[term] = {r[0]: r[1] for r in st.conn.execute(
            f"SELECT coalesce(d.outlet, {UNKNOWN_SQL}), count(*) FROM {table} JOIN documents d ON d.seq = {table}.rowid"
            f" WHERE {table} MATCH ? AND d.duplicate_of IS NULL AND {where} GROUP BY 1", (expr, *params))}
    return out


def outlets(pool: StorePool, terms: list[str] | None, story: str | None = None) -> dict[str, Any]:
    """Outlets side by side (the whole store's, cached; or one story's documents only)."""
    st = pool.get()
    terms = [t for t in (terms or default_terms(st, story)) if t.strip()][:20]
    if story:
        key = json.dumps([story, terms])
        parts = pool.cached_item("story_outlets", key, lambda s: _outlet_parts(s, terms, story), maxsize=16)
    else:
        parts = {"outlets": pool.cached("outlet_table", q.outlet_table),
                 "techniques": pool.cached("technique_profile", _technique_profile),
                 "framing": pool.cached("framing:" + json.dumps(terms), lambda s: framing_counts(s, terms)),
                 "framing_variants": pool.cached("framing_variants", _framing_variants),
                 "sizes": pool.cached("outlet_sizes", q.outlet_sizes)}
    return parts | {"terms": terms, "story": story, "status": "ok" if q.table_exists(st, "documents") else "empty"}


def _outlet_parts(st: ReadStore, terms: list[str], story: str) -> dict[str, Any]:
    from ..store.stories import scope
    where, params = scope(st.conn, story, "id")
    return {"outlets": q.outlet_table(st, (where, params)), "techniques": _technique_profile(st, story),
            "framing": framing_counts(st, terms, story), "framing_variants": _framing_variants(st, story),
            "sizes": q.outlet_sizes(st, (where, params))}


def _technique_profile(st: ReadStore, story: str | None = None) -> dict[str, Any]:
    if not st.conn.execute("SELECT 1 FROM spans WHERE layer='technique' LIMIT 1").fetchone():
        return missing("techniques", "techniques") | {"profile": {}, "labels": []}
    from ..techniques import quality
    from ..techniques.summaries import profile
    prof = profile(st, story=story)
    labels = sorted({l for p in prof.values() for l, n in p["counts"].items() if n})
    return {"status": "ok", "profile": prof, "labels": labels, "caveat": quality.caveat(),
            "model_f1": {l: quality.technique_f1(l) for l in labels}}


def _framing_variants(st: ReadStore, story: str | None = None) -> dict[str, Any]:
    """Which word each outlet uses for the same referent, from the framing stage when it has run."""
    if not q.has_rows(st, "framing_variants"):
        return missing("framing variants", "framing")
    from ..store.stories import scope
    where, params = scope(st.conn, story, "v.doc_id")
    rows = st.conn.execute(
        f"SELECT v.referent, v.variant, v.connotation, coalesce(d.outlet, {UNKNOWN_SQL}) AS outlet, count(*) AS n,"
        " min(v.doc_id) AS doc_id, min(v.start) AS start"
        f" FROM framing_variants v JOIN documents d ON d.id = v.doc_id WHERE {where}"
        " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4", params).fetchall()
    return {"status": "ok", "rows": [dict(r) for r in rows]}


def timeline(pool: StorePool, bucket: str, limit: int, offset: int, story: str | None = None,
             historical: bool = False) -> dict[str, Any]:
    """Volume, the events of the coverage's period (``historical``: the references outside it) and dated
    claims; with a story, all of them the story's own (events merged over its documents only)."""
    st = pool.get()
    if story:        # the story's own volume (first copies and duplicates alike, as the whole-store chart)
        from ..store.stories import story_volume
        vol = _story_volume(st, story, bucket)
        by_outlet = story_volume(st.conn, story)
    else:
        vol = pool.cached(f"volume:{bucket}", lambda s: q.volume(s, bucket))
        by_outlet = pool.cached("volume_by_outlet", q.volume_by_outlet)
    if q.has_rows(st, "timeline_events"):
        ev = (events_page(st, limit, offset, story, historical=historical) if story else pool.cached_item(
            "events_page", json.dumps([limit, offset, historical]),
            lambda s: events_page(s, limit, offset, None, historical=historical)))
        events = {"status": "ok", **page(ev["total"], limit, offset), "items": ev["items"], "period": ev["period"],
                  "historical": historical, "other_side": ev["other_side"]}
    else:
        events = missing("timeline events", "timeline") | {"items": []}
    # latest dated claims: a sort over every claim member, so cached with the other whole-store aggregates
    dated = ((dated_claims(st, limit, story) if story else
              pool.cached(f"dated_claims:{limit}", lambda s: dated_claims(s, limit)))
             if q.has_rows(st, "claim_group_members") else None)
    return {"bucket": bucket, "story": story, "volume": vol, "by_outlet": by_outlet, "events": events,
            "dated_claims": dated if dated is not None else missing("dated claims", "reconcile")}


def _story_volume(st: ReadStore, story: str, bucket: str) -> list[tuple[str, int]]:
    from ..store.stories import scope
    where, params = scope(st.conn, story, "id")
    n = 10 if bucket == "day" else 7
    return [(r[0], r[1]) for r in st.conn.execute(
        f"SELECT coalesce(substr(published, 1, {n}), 'unknown'), count(*) FROM documents WHERE {where}"
        " GROUP BY 1 ORDER BY 1", params)]


@api.get("/outlets", summary="Outlet comparison: volume, technique rates, framing terms side by side")
def outlets_api(p: Pool, terms: Annotated[str | None, Query(max_length=500, description="comma-separated framing "
                                                                                         "words to compare")] = None,
                story: Story = None) -> dict:
    return outlets(p, _terms(terms), story or None)


@api.get("/timeline", summary="Timeline: volume over time, dated events, claims by as-of date")
def timeline_api(p: Pool, bucket: Annotated[str, Query(pattern="^(day|month)$")] = "month",
                 limit: Limit = 50, offset: Offset = 0, story: Story = None, historical: Historical = False) -> dict:
    return timeline(p, bucket, *clamp(limit, offset), story or None, historical)


def narratives(pool: StorePool, story: str | None = None) -> dict[str, Any]:
    """The recurring storylines (``framing.queries.narratives``): the store's, or the story's own, clustered
    over its documents only."""
    from .queries import narratives as storylines
    st = pool.get()
    if not q.has_rows(st, "narratives"):
        return missing("narratives", "narratives") | {"story": story, "items": []}
    items = storylines(st, story=story) if story else pool.cached("narratives", lambda s: storylines(s))
    return {"status": "ok", "story": story, "total": len(items), "items": items}


@api.get("/narratives", summary="Narratives: recurring storylines across languages, with phrases, exemplars,"
                                " outlets and months")
def narratives_api(p: Pool, story: Story = None) -> dict:
    return narratives(p, story or None)


@pages.get("/narratives", response_class=HTMLResponse)
def narratives_page(request: Request, p: Pool, story: Story = None):
    return html(request, "narratives.html.j2", "Narratives", "narratives", d=narratives(p, story or None))


@pages.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request, p: Pool, terms: Annotated[str | None, Query(max_length=500)] = None,
                 story: Story = None):
    d = outlets(p, _terms(terms), story or None)
    prof = d["techniques"].get("profile", {})
    rates = {(o, l): v["per_1000_words_by_technique"].get(l, 0) for o, v in prof.items()
             for l in d["techniques"]["labels"]}
    shares = {(t, o): n / d["sizes"].get(o, 1) for t, row in d["framing"].items() for o, n in row.items()}
    framing_outlets = sorted({o for row in d["framing"].values() for o in row}, key=lambda o: -d["sizes"].get(o, 0))
    return html(request, "outlets.html.j2", "Outlets", "outlets", d=d, rate_levels=plots.heat_levels(rates),
                share_levels=plots.heat_levels(shares, 1.0), shares=shares, framing_outlets=framing_outlets,
                terms_text=", ".join(d["terms"]))


@pages.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, p: Pool, bucket: Annotated[str, Query(pattern="^(day|month)$")] = "month",
                  limit: Limit = 50, offset: Offset = 0, story: Story = None, historical: Historical = False):
    d = timeline(p, bucket, *clamp(limit, offset), story or None, historical)
    vol = [(k, n) for k, n in d["volume"] if k != "unknown"][-120:]
    chart = column_chart(f"Documents per {bucket} published", vol)
    bo = d["by_outlet"]
    cells = {(o, i): n for o, row in bo["series"].items() for i, n in enumerate(row)}
    return html(request, "timeline.html.j2", "Timeline", "timeline", d=d, chart=chart,
                levels=plots.heat_levels(cells), undated=dict(d["volume"]).get("unknown", 0))


_TEMPLATES = FsPath(__file__).with_name("templates")   # this feature's pages (beside its report section)


def web() -> WebFeature:
    return WebFeature("framing", routers=[api, pages],
                      nav=[("outlets", "/outlets", "Outlets"), ("narratives", "/narratives", "Narratives"),
                           ("timeline", "/timeline", "Timeline")],
                      templates=_TEMPLATES,
                      warm=[lambda pool: outlets(pool, None), lambda pool: timeline(pool, "month", 1, 0)])
