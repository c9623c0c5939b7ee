"""What each page shows, as plain JSON-able values: the API returns them, the views render them.

Generic pages (overview, documents, a document, search, failures). Pages over a
feature's tables are the feature's own (``voices/web.py``, ``claims/web.py``, ...).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model import Span
from ..report.context import display_title, meta_rows, safe_url
from ..report.highlight import LayerStyle, highlight, layer_styles
from . import queries as q
from .queries import DocFilter, StorePool

EVIDENCE_LAYER = "evidence"


def page(total: int, limit: int, offset: int) -> dict[str, Any]:
    nxt = offset + limit if offset + limit < total and offset + limit <= q.MAX_OFFSET else None
    return {"total": total, "limit": limit, "offset": offset, "next_offset": nxt,
            "prev_offset": max(0, offset - limit) if offset else None}


def overview(pool: StorePool, story: str | None = None) -> dict[str, Any]:
    """Corpus totals and distributions (cached until the store changes); with a story, its documents'."""
    if story:
        return pool.cached_item("overview", story, lambda st: _story_overview(st, story), maxsize=16)
    return pool.cached("overview", _overview) | {"story": None}


def _story_overview(st: q.ReadStore, story: str) -> dict[str, Any]:
    """The overview over one story's documents: their counts, spans, failures and per-document stage runs."""
    import inspect
    from ..store.stories import scope
    from .render import installed
    where, params = scope(st.conn, story, "id")
    d_where, _ = scope(st.conn, story, "doc_id")

    def pairs(sql: str) -> list[tuple[Any, int]]:
        return [(r[0], r[1]) for r in st.conn.execute(sql, params)]
    month = "CASE WHEN published IS NULL THEN 'unknown' ELSE substr(published, 1, 7) END"
    by_outlet = pairs(f"SELECT coalesce(outlet, 'unknown'), count(*) FROM documents WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1")
    by_language = pairs(f"SELECT coalesce(language, 'unknown'), count(*) FROM documents WHERE {where}"
                        " GROUP BY 1 ORDER BY 2 DESC, 1")
    one = lambda sql: st.conn.execute(sql, params).fetchone()[0]   # noqa: E731
    extra = {key: fn(st, story=story) for f in installed() for key, fn in f.overview.items()
             if "story" in inspect.signature(fn).parameters}
    return {
        "story": story,
        "totals": {"documents": sum(n for _, n in by_outlet),
                   "duplicates": one(f"SELECT count(*) FROM documents WHERE {where} AND duplicate_of IS NOT NULL"),
                   "inputs": one(f"SELECT count(DISTINCT locator) FROM documents WHERE {where}"),
                   "spans": one(f"SELECT count(*) FROM spans WHERE {d_where}"),
                   "failures": one(f"SELECT count(*) FROM failures WHERE {d_where}"),
                   "outlets": len(by_outlet), "languages": len(by_language)},
        "by_outlet": by_outlet, "by_language": by_language,
        "by_month": pairs(f"SELECT {month}, count(*) FROM documents WHERE {where} GROUP BY 1 ORDER BY 1"),
        "by_layer": pairs(f"SELECT layer, count(*) FROM spans WHERE {d_where} GROUP BY 1 ORDER BY 1"),
        "techniques": pairs(f"SELECT label, count(*) FROM spans WHERE layer='technique' AND {d_where}"
                            " GROUP BY 1 ORDER BY 2 DESC, 1"),
        "stage_runs": [dict(r) for r in st.conn.execute(
            "SELECT stage, version, status, count(*) AS documents, round(sum(duration_ms), 1) AS ms"
            f" FROM stage_runs WHERE {d_where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", params)],
        "corpus_runs": st.stats()["corpus_runs"],
    } | {key: None for f in installed() for key in f.overview} | extra


def _overview(st: q.ReadStore) -> dict[str, Any]:
    """Store totals, plus what each feature adds (``WebFeature.overview``: the top actors, ...)."""
    stats = st.stats()
    from .render import installed
    return {
        "totals": {k: stats[k] for k in ("documents", "duplicates", "inputs", "spans", "failures")}
        | {"outlets": len(stats["by_outlet"]), "languages": len(stats["by_language"])},
        "by_outlet": stats["by_outlet"], "by_language": stats["by_language"], "by_month": stats["by_month"],
        "by_layer": stats["by_layer"], "techniques": q.technique_counts(st),
        "stage_runs": stats["stage_runs"], "corpus_runs": stats["corpus_runs"],
    } | {key: fn(st) for f in installed() for key, fn in f.overview.items()}


def choices(pool: StorePool) -> dict[str, list[str]]:
    return pool.cached("choices", q.filter_choices)


def styles(pool: StorePool) -> dict[str, LayerStyle]:
    """Layer styles for the store's layers plus the evidence marker (stable CSS classes per store state)."""
    return pool.cached("styles", lambda st: layer_styles([*st.layers(), EVIDENCE_LAYER]))


def documents(pool: StorePool, f: DocFilter, limit: int, offset: int, sort: str) -> dict[str, Any]:
    res = q.list_documents(pool.get(), f, limit, offset, sort)
    return {"filters": f.as_params(), "sort": sort, **page(res["total"], limit, offset), "items": res["items"]}


def search(pool: StorePool, query: str, f: DocFilter, limit: int, offset: int) -> dict[str, Any]:
    res = q.search(pool.get(), query, f, limit, offset)
    return {"query": query, "filters": f.as_params(), **page(res["total"], limit, offset),
            "total_capped": res["total_capped"], "items": res["items"]}


def failures(pool: StorePool, limit: int, offset: int, story: str | None = None) -> dict[str, Any]:
    res = q.failures_page(pool.get(), limit, offset, story)
    return {**page(res["total"], limit, offset), "items": res["items"], "story": story}


def document(pool: StorePool, doc_id: str, *, evidence: tuple[int, int] | None = None,
             story: str | None = None) -> dict[str, Any] | None:
    """One document: metadata with provenance, spans, duplicates, failures; None when unknown (or, with a
    story, when the document is not one of the story's; its copies and original then only if they are)."""
    st = pool.get()
    doc = st.get_document(doc_id)
    if doc is None:
        return None
    if story:
        from ..store.stories import document_ids
        inside = set(document_ids(st.conn, story))
        if doc.id not in inside:
            return None
    spans = st.spans(doc.id)
    title, inferred = display_title(doc)
    copies = st.duplicates_of(doc.id)
    if story:
        copies = [c for c in copies if c[0] in inside]
    names = q.titles(st, [doc.duplicate_of or "", *(c[0] for c in copies)])
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.layer] = counts.get(s.layer, 0) + 1
    ev = None
    if evidence and 0 <= evidence[0] < evidence[1] <= len(doc.text):
        ev = {"start": evidence[0], "end": evidence[1], "text": doc.text[evidence[0]:evidence[1]]}
        around = [s for s in spans if s.layer == "sentence" and s.start <= evidence[0] and evidence[1] <= s.end]
        ev["sentence"] = doc.text[around[0].start:around[0].end] if around else ev["text"]
    return {
        "id": doc.id, "title": title, "title_inferred": inferred, "locator": doc.locator, "reader": doc.reader,
        "raw_sha256": doc.raw_sha256, "text_sha256": doc.text_sha256,
        "outlet": doc.get("outlet"), "published": doc.get("published"), "language": doc.language,
        "url": doc.get("url"), "safe_url": safe_url(doc.get("url")),
        "meta": [r.__dict__ for r in meta_rows(doc)],
        "story": story,
        "duplicate_of": ({"id": doc.duplicate_of, "kind": doc.duplicate_kind, "score": doc.duplicate_score,
                          "title": names.get(doc.duplicate_of, doc.duplicate_of)}
                         if doc.duplicate_of and (not story or doc.duplicate_of in inside) else None),
        "copies": [{"id": i, "kind": k, "score": s, "title": names.get(i, i)} for i, k, s in copies],
        "failures": q.doc_failures(st, doc.id), "removed": doc.removed,
        "layer_counts": sorted(counts.items()), "evidence": ev,
        "text": doc.text, "spans": [s.to_dict() for s in spans],
    }


def document_body(pool: StorePool, d: dict[str, Any]) -> Markup:
    """The highlighted, escaped text of a ``document()`` result (evidence range marked too)."""
    spans = [Span.from_dict(s) for s in d["spans"]]
    if d["evidence"]:
        e = d["evidence"]
        spans.append(Span(e["start"], e["end"], EVIDENCE_LAYER, "linked evidence", "web", "1", 1.0, {}))
    return highlight(d["text"], spans, styles(pool))
