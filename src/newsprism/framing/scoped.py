"""Narratives and the timeline of one story, computed over the story's documents only.

The corpus stages ``narratives`` and ``timeline`` run over the whole store. For a story, filtering
their results is not enough: a storyline of the whole store may be a mix of the story and other
coverage, and an event merged across the store may carry sources and a date the story never
reports. So with a story both are computed again, on demand, from what the stages stored:

- narratives: the story's paragraphs (the stage's units) are clustered on their own, with the
  vectors the stage cached in the ``embeddings`` table (a unit the stage has not embedded yet is
  encoded but not stored: readers may be read-only); labels are the phrases the story's clusters
  over-use against the rest of the story;
- timeline: the story's dated mentions are merged by the stage's own rule (``timeline.merge``).

Results are cached in memory (corpus/scoped.py) keyed by (store file, story documents, the stages' last
runs), so a second view of the same story on an unchanged store does not compute again; any change to
the story's definition, its documents or a re-run of the stage makes a new key. Nothing is written.

The period: a timeline (story or whole store) is split into the events inside the coverage's own
period (from ``PERIOD_LEAD_DAYS`` before the first report to the last report) and the references
outside it (history recalled, plans announced), which views show apart. A date with only a year is
inside only when the whole year is (``in_period``).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

import numpy as np

from ..corpus.scoped import cache_key, cached
from ..outlets import UNKNOWN_OUTLET, affiliation
from ..store.stories import document_ids

PERIOD_LEAD_DAYS = 31        # events a few weeks before the first report are still the story's own


# -- narratives ------------------------------------------------------------------------------
def _vectors(store, texts: list[str], model_name: str) -> np.ndarray:
    """Unit vectors for texts from the ``embeddings`` cache; missing ones encoded, never stored."""
    from ..embeddings import HASH_MODEL, HashingEmbedder, embedder, text_key
    keys = [text_key(t) for t in texts]
    have: dict[str, np.ndarray] = {}
    uniq = list(dict.fromkeys(keys))
    for i in range(0, len(uniq), 500):
        chunk = uniq[i:i + 500]
        for k, blob in store.conn.execute(
                f"SELECT text_sha256, vector FROM embeddings WHERE model=? AND text_sha256 IN"
                f" ({','.join('?' * len(chunk))})", (model_name, *chunk)):
            have[k] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    todo = {k: t for k, t in zip(keys, texts) if k not in have}
    if todo:
        model = HashingEmbedder() if model_name == HASH_MODEL else embedder()
        have.update(zip(todo, model.encode(list(todo.values()))))
    m = np.vstack([have[k] for k in keys])
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)


def _narratives(store, ids: list[str]) -> list[dict]:
    from .cluster import choose_k, kmeans
    from .narratives import _collect, _describe
    row = store.conn.execute("SELECT model FROM narratives LIMIT 1").fetchone()
    units = _collect(store, ids) if row else []
    if not units:
        return []
    x = _vectors(store, [u[3] for u in units], row[0])
    labels, cents = kmeans(x, choose_k(len(units)))
    described = _describe(store, units, x, labels, cents)
    docs = {r[0]: (r[1], r[2]) for r in store.conn.execute(
        "SELECT id, coalesce(outlet, site_name, ?), substr(published, 1, 7) FROM documents"
        " WHERE id IN (SELECT value FROM json_each(?))", (UNKNOWN_OUTLET, json.dumps(ids)))}
    out = []
    for n in described:
        members = [units[i][0] for i in np.where(labels == n["id"])[0]]
        by_outlet = Counter(docs[d][0] for d in members)
        by_month = Counter(docs[d][1] or "undated" for d in members)
        out.append({"id": n["id"], "label": n["label"], "phrases": [p["term"] for p in n["phrases"]],
                    "exemplars": n["exemplars"], "size": n["size"], "cohesion": n["cohesion"], "model": row[0],
                    "by_outlet": dict(by_outlet.most_common()), "by_month": dict(sorted(by_month.items())),
                    "by_affiliation": dict(sum((Counter({affiliation(o): k}) for o, k in by_outlet.items()),
                                               Counter()))})
    return sorted(out, key=lambda n: (-n["size"], n["id"]))


def story_narratives(store, story: str) -> list[dict]:
    """The story's own storylines (``queries.narratives``' shape), clustered over its paragraphs only."""
    ids = document_ids(store.conn, story)
    return cached(cache_key(store, story, "narratives", ids), lambda: _narratives(store, ids))


# -- timeline --------------------------------------------------------------------------------
_SOURCE_KEYS = ("doc_id", "start", "end", "outlet", "published", "time_text", "text")


def _events(store, ids: list[str]) -> list[dict]:
    from .timeline import _mentions, merge
    out = []
    for e in merge(_mentions(store, ids)):
        srcs = sorted(({k: m.get(k) for k in _SOURCE_KEYS} for m in e["sources"]),
                      key=lambda s: (s["published"] or "9999", s["doc_id"]))
        out.append({k: e[k] for k in ("id", "date", "granularity", "label", "n_sources", "n_outlets",
                                       "earliest_doc", "earliest_report", "claim_subjects")} | {"sources": srcs})
    return out


def story_events(store, story: str) -> list[dict]:
    """The story's dated events (``queries.events``' shape), merged over its documents only."""
    ids = document_ids(store.conn, story)
    return cached(cache_key(store, story, "timeline", ids), lambda: _events(store, ids))


def _bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD value; None when it is not one."""
    s = str(value or "")
    try:
        if len(s) >= 10 and s[4] == "-" and s[7] == "-":
            d = date.fromisoformat(s[:10])
            return d, d
        if len(s) >= 7 and s[4] == "-" and s[5:7].isdigit():
            y, m = int(s[:4]), int(s[5:7])
            return date(y, m, 1), date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
        if len(s) >= 4 and s[:4].isdigit() and (len(s) == 4 or not s[4].isdigit()):
            return date(int(s[:4]), 1, 1), date(int(s[:4]), 12, 31)
    except ValueError:
        return None
    return None


def coverage_period(store, story: str | None = None) -> dict[str, str] | None:
    """{"first", "last", "from"}: the first and last publication date of the documents (the story's, or
    the store's), and where the period starts (``PERIOD_LEAD_DAYS`` before the first); None undated."""
    from ..store.stories import scope
    where, params = scope(store.conn, story, "id")
    first, last = store.conn.execute(
        f"SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM documents"
        f" WHERE {where} AND published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'", params).fetchone()
    if not first:
        return None
    lo, hi = _bounds(first), _bounds(last)
    if lo is None or hi is None:
        return None
    return {"first": first, "last": last, "from": (lo[0] - timedelta(days=PERIOD_LEAD_DAYS)).isoformat()}


def in_period(value: str | None, period: dict[str, str] | None) -> bool:
    """Whether an event's date belongs to the period: a day or a month when it overlaps the period; a date
    with only a year when the whole year lies inside it ("in 2024" in coverage of August 2024 may be any
    time that year, so it is listed with the references outside). An undated period or event is inside."""
    b = _bounds(value)
    if period is None or b is None:
        return True
    start, last = date.fromisoformat(period["from"]), date.fromisoformat(period["last"])
    if year_only(value):
        return start <= b[0] and b[1] <= last
    return b[1] >= start and b[0] <= last


def year_only(value: str | None) -> bool:
    """A date that names a year and nothing finer ("2024")."""
    s = str(value or "")
    return len(s) == 4 and s.isdigit()
