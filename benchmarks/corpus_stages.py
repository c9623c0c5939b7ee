"""Time and peak memory of the corpus stages framing, narratives, timeline on KCNA + seeds (+ Rodong Sinmun).

    .venv/bin/python benchmarks/corpus_stages.py [--rodong] [--db PATH]

Ingests ../shared (seeds + the 1,059-article KCNA corpus, optionally the Rodong
Sinmun sample) into a fresh store (or reuses --db), runs the document stages the
corpus stages read (sentences, time, claims), then times each corpus stage on a
first run, on a re-run with nothing changed, and after adding three documents
(the incremental cost). Peak memory is the process's max RSS after each step
(ru_maxrss: it only grows, so read it as "peak so far").
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from newsprism.config import load_settings
from newsprism.corpus import framing, narratives, timeline  # noqa: F401  (register)
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
STAGES = ["framing", "narratives", "timeline"]


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def step(store, settings, label: str, out: dict) -> None:
    for st in STAGES:
        t0 = time.perf_counter()
        rep = build_corpus(store, settings, stages=[st])
        out.setdefault(label, {})[st] = {"seconds": round(time.perf_counter() - t0, 2), "peak_rss_mb": rss_mb(),
                                         "ran": rep.ran, "skipped": rep.skipped, "failed": rep.failed,
                                         "summary": rep.summaries.get(st)}
        print(label, st, out[label][st], file=sys.stderr, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=None)
    ap.add_argument("--rodong", action="store_true")
    args = ap.parse_args()
    settings = load_settings(environ={})
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    store = open_store(db)
    out: dict = {"db": db}
    if store.count_documents() == 0:
        inputs = [str(SHARED / "corpus" / "seeds"), str(SHARED / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl")]
        if args.rodong:
            inputs.append(str(SHARED / "data" / "rodong-sinmun-en-sample" / "rodong_sinmun_en_sample.csv"))
        t0 = time.perf_counter()
        ingest(store, inputs, settings)
        analyze(store, settings, stages=["sentences", "time", "claims"])
        out["prepare_seconds"] = round(time.perf_counter() - t0, 1)
    out["documents"] = store.count_documents()
    step(store, settings, "first_run", out)
    step(store, settings, "rerun_unchanged", out)
    extra = Path(tempfile.mkdtemp())
    for i, txt in enumerate(["North Korean troops fought in the Kursk region alongside Russian forces.",
                             "Pyongyang honoured the soldiers who fell heroically in the liberation of Kursk.",
                             "Ukraine disputed Moscow's claim that Kursk was fully liberated on April 26, 2025."]):
        (extra / f"new{i}.txt").write_text((txt + " ") * 3 + "\n\n" + txt, encoding="utf-8")
    ingest(store, [str(extra)], settings)
    analyze(store, settings, stages=["sentences", "time", "claims"])
    step(store, settings, "after_adding_3_documents", out)
    out["embeddings_cached"] = store.conn.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    store.close()
    print(json.dumps(out, indent=1, default=str))


if __name__ == "__main__":
    main()
