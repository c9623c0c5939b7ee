"""Corpus stages alone on a store built once: time and peak memory at two store sizes.

    .venv/bin/python benchmarks/corpus_scale.py --build 1000 --store /tmp/s1000.db   # ingest + analyze, once
    .venv/bin/python benchmarks/corpus_scale.py --store /tmp/s1000.db [--stage reconcile] [--force]

``--build N`` writes the first N documents of ``scale.py``'s corpus into a new store and runs the
document stages (the slow part; no corpus stage). Without it, the corpus stages (or ``--stage``) run on
a copy of ``--store`` in this process (so run it once per measurement, in a fresh process), and one JSON
line says wall and CPU seconds, peak RSS (sampled every 50 ms), each stage's seconds, the claim groups and
members, the load average, and a digest of the claim tables (equal digests: equal groups).
``--force`` recomputes the stages from every document (the first-run path, with cached embeddings).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--build", type=int, default=0)
    ap.add_argument("--stage", action="append", default=None)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    from newsprism.config import load_settings
    from newsprism.pipeline import analyze, build_corpus, ingest
    from newsprism.store import open_store
    settings = load_settings(environ={})
    if args.build:
        from scale import document, pool, write
        base = pool()
        with tempfile.TemporaryDirectory() as d:
            src = Path(d) / "base.jsonl"
            write(src, (document(base, i) for i in range(args.build)))
            with open_store(args.store, create=True) as store:
                ingest(store, [str(src)], settings)
                analyze(store, settings)
        return
    peak = [0]

    def sample() -> None:
        while True:
            with open(f"/proc/{os.getpid()}/status") as f:
                peak[0] = max(peak[0], int(f.read().split("VmRSS:")[1].split()[0]))
            time.sleep(0.05)
    threading.Thread(target=sample, daemon=True).start()
    with tempfile.TemporaryDirectory() as d:
        db = str(Path(d) / "s.db")
        shutil.copy(args.store, db)
        t0, c0 = time.perf_counter(), time.process_time()
        with open_store(db) as store:
            rep = build_corpus(store, settings, stages=args.stage, force=args.force)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            q = store.conn.execute
            stages = {s: round((ms or 0) / 1000, 2) for s, ms in q("SELECT stage, duration_ms FROM corpus_runs")}
            groups = q("SELECT id, subject, label, n_claims FROM claim_groups ORDER BY id").fetchall()
            members = q('SELECT group_id, doc_id, start, "end", role FROM claim_group_members ORDER BY 1, 2, 3, 4, 5').fetchall()
            n = store.count_documents()
    print(json.dumps({"documents": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                      "peak_rss_mib": round(peak[0] / 1024, 1), "stage_s": {s: stages.get(s) for s in rep.ran},
                      "failed": rep.failed, "claim_groups": len(groups), "claim_members": len(members),
                      "claim_digest": hashlib.sha256(json.dumps([[list(r) for r in groups], [list(r) for r in members]]).encode()).hexdigest()[:16],
                      "load": [round(x, 1) for x in os.getloadavg()]}))


if __name__ == "__main__":
    main()
