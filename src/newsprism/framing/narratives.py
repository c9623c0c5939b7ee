"""Corpus stage "narratives": recurring storylines across languages, by outlet and over time.

Units are paragraphs (the ``sentences`` stage's ``paragraph`` spans) of at least
``MIN_WORDS`` words, the first ``MAX_UNITS_PER_DOC`` of each document, each
clipped to ``CLIP_CHARS`` characters for embedding (the lead carries the
storyline; clipping bounds the cost: ~50 units/s). Embeddings are cross-lingual
(``newsprism.embeddings``) and cached in the ``embeddings`` table by text hash, so a
re-run embeds only new text.

A first run (or a version change) clusters every unit (``framing.cluster``).
Later runs are incremental: units of changed documents are re-embedded and
assigned to the nearest existing narrative or left unassigned; the world is
re-clustered when more than ``RECLUSTER_SHARE`` of units are unassigned, or when more
than ``RECLUSTER_DRIFT`` of units were not placed by the last clustering (the store grew
by a third since it, or that many documents changed). Between two clusterings the cost
is that of the new documents' units; the result may differ from a full recompute in
that the narratives (centroids, labels, exemplars) are those of the last clustering and
new units are placed by nearest centroid above the cluster's threshold, never founding
a narrative of their own. An unchanged store is skipped by the runner (same tables).
"""

from __future__ import annotations

import json

import numpy as np

from ..config import Settings
from .cluster import assign, characteristic_phrases, choose_k, kmeans, thresholds
from ..embeddings import embed_cached, embedder, text_key
from ..outlets import outlet_of
from ..store import Store
from ..corpus.stage import CorpusContext, corpus_stage

VERSION = "3"       # 2: labels are the cluster's characteristic phrases, not single words; 3: drift rule
MIN_WORDS = 8
MAX_UNITS_PER_DOC = 12
CLIP_CHARS = 300
RECLUSTER_SHARE = 0.3
RECLUSTER_DRIFT = 0.25   # a quarter of units placed since the last clustering: the store grew by a third


def clip(text: str, n: int = CLIP_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0]


def units_of(store: Store, doc) -> list[tuple[int, int, str]]:
    """(start, end, clipped text) of a document's narrative units."""
    out = []
    for p in store.spans(doc.id, ["paragraph"]):
        text = doc.text[p.start:p.end]
        if len(text.split()) >= MIN_WORDS:
            out.append((p.start, p.end, clip(text)))
        if len(out) >= MAX_UNITS_PER_DOC:
            break
    return out


def _collect(store: Store, ids) -> list[tuple[str, int, int, str]]:
    return [(doc.id, s, e, t) for doc in store.iter_documents(ids) for s, e, t in units_of(store, doc)]


def _save_members(store: Store, units, labels, sims, how: str) -> None:
    store.conn.executemany(
        'INSERT OR REPLACE INTO narrative_members(doc_id, start, "end", text_sha256, narrative_id, similarity, assigned)'
        " VALUES (?,?,?,?,?,?,?)",
        [(d, s, e, text_key(t), int(c) if c >= 0 else None, round(float(sim), 4),
          how if c >= 0 else "unassigned") for (d, s, e, t), c, sim in zip(units, labels, sims)])


def readable_label(terms: list[str], most: int = 2) -> str:
    """A narrative's label from its characteristic terms (best first): phrases of several words before single
    words, none repeating a word already shown ("north korean troops · kursk region", not "the / of / said")."""
    ranked = sorted(enumerate(terms), key=lambda it: (len(it[1].split()) < 2, it[0]))
    chosen: list[str] = []
    for _, t in ranked:
        if not set(t.split()) & {w for c in chosen for w in c.split()}:
            chosen.append(t)
        if len(chosen) == most:
            break
    return " · ".join(chosen)


def _describe(store: Store, units, x, labels, cents) -> list[dict]:
    texts = [u[3] for u in units]
    phrases = characteristic_phrases(texts, labels, len(cents))
    outlets = {d.id: outlet_of(d) for d in store.iter_documents(list({u[0] for u in units}))}
    out = []
    for c in range(len(cents)):
        idx = np.where(labels == c)[0]
        sims = x[idx] @ cents[c]
        ex, seen = [], set()
        for i in idx[np.argsort(-sims)]:
            d, s, e, t = units[i]
            if d not in seen:
                seen.add(d)
                ex.append({"doc_id": d, "start": s, "end": e, "outlet": outlets.get(d), "text": t[:300],
                           "similarity": round(float(x[i] @ cents[c]), 3)})
            if len(ex) == 3:
                break
        out.append({"id": c, "label": readable_label([p["term"] for p in phrases[c]]) or f"narrative {c}",
                    "phrases": phrases[c],
                    "exemplars": ex, "size": int(len(idx)), "cohesion": round(float(sims.mean()), 4) if len(idx) else None})
    return out


def cluster_all(store: Store, k: int | None = None) -> dict:
    model = embedder()
    store.conn.execute("DELETE FROM narrative_members")
    store.conn.execute("DELETE FROM narratives")
    units = _collect(store, None)
    if not units:
        return {"units": 0, "narratives": 0}
    x = embed_cached(store, [u[3] for u in units], model)
    labels, cents = kmeans(x, k or choose_k(len(units)))
    sims = (x * cents[labels]).sum(axis=1)
    _save_members(store, units, labels, sims, "clustered")
    for n in _describe(store, units, x, labels, cents):
        store.conn.execute("INSERT INTO narratives(id, label, phrases, exemplars, size, cohesion, centroid, model)"
                           " VALUES (?,?,?,?,?,?,?,?)",
                           (n["id"], n["label"], json.dumps(n["phrases"], ensure_ascii=False),
                            json.dumps(n["exemplars"], ensure_ascii=False), n["size"], n["cohesion"],
                            cents[n["id"]].astype(np.float32).tobytes(), model.name))
    return {"units": len(units), "narratives": len(cents), "model": model.name, "mode": "clustered"}


def _centroids(store: Store) -> tuple[np.ndarray, np.ndarray, str | None]:
    rows = store.conn.execute("SELECT id, centroid, model FROM narratives ORDER BY id").fetchall()
    if not rows:
        return np.zeros((0, 0)), np.zeros(0), None
    cents = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
    sims = store.conn.execute("SELECT narrative_id, similarity FROM narrative_members WHERE assigned='clustered'")
    pairs = [(r[0], r[1]) for r in sims.fetchall() if r[0] is not None]
    labels = np.array([p[0] for p in pairs], int)
    vals = np.array([p[1] for p in pairs], float)
    thr = thresholds(vals, labels, len(rows))
    return cents, thr, rows[0][2]


def assign_new(store: Store, doc_ids: list[str]) -> dict:
    """Incremental: the changed documents' units join existing narratives (or stay unassigned)."""
    cents, thr, model_name = _centroids(store)
    model = embedder()
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        store.conn.execute(f"DELETE FROM narrative_members WHERE doc_id IN ({','.join('?' * len(chunk))})", chunk)
    units = _collect(store, doc_ids)
    x = embed_cached(store, [u[3] for u in units], model)
    labels, sims = assign(x, cents, thr)
    _save_members(store, units, labels, sims, "incremental")
    store.conn.execute("UPDATE narratives SET size=(SELECT count(*) FROM narrative_members m"
                       " WHERE m.narrative_id=narratives.id)")
    return {"units": len(units), "assigned": int((labels >= 0).sum()), "unassigned": int((labels < 0).sum()),
            "model": model.name, "mode": "incremental"}


@corpus_stage("narratives", version=VERSION, requires=("sentences",))
def narratives(store: Store, settings: Settings, ctx: CorpusContext) -> dict:
    """Cluster paragraphs across languages into storylines; assign new documents incrementally."""
    have = store.conn.execute("SELECT model FROM narratives LIMIT 1").fetchone()
    if ctx.full or not have or have[0] != embedder().name:
        return cluster_all(store)
    summary = assign_new(store, list(ctx.changed_docs))
    total, unassigned, clustered = store.conn.execute(
        "SELECT count(*), sum(assigned='unassigned'), sum(assigned='clustered') FROM narrative_members").fetchone()
    if total and (unassigned or 0) / total > RECLUSTER_SHARE:
        return cluster_all(store) | {"reclustered_because": f"{unassigned}/{total} units unassigned"}
    if total and (total - (clustered or 0)) / total > RECLUSTER_DRIFT:
        return cluster_all(store) | {"reclustered_because": f"{total - (clustered or 0)}/{total} units placed"
                                                            " since the last clustering"}
    return summary
