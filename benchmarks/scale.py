"""Scale: a first analyze of N state-media documents, then an incremental one after adding 1 %.

    .venv/bin/python benchmarks/scale.py --n 1000 [--workers 0] [--json out.json] [--no-spacy]

The corpus is built reproducibly from the shared state-media texts (no network):

1. the pool is every KCNA article of ``shared/data/kcna-en-2024/kcna_en_2024_dedup.jsonl`` in file
   order, then every article of ``shared/data/rodong-sinmun-en-sample/*.csv`` in file order
   (1,059 + the sample);
2. document i is pool[i % len(pool)]; for copy k = i // len(pool) > 0 its id gets ``-k``, its date
   moves k weeks later and its paragraphs are rotated by k (so each copy is a new text: the
   document stages compute it anew rather than hitting the cache by text hash; the near-duplicate
   index links it to its original, as it would a re-published article);
3. the first ``n`` documents are the base store, the next ``max(1, n // 100)`` the 1 % added.

Each run is a fresh process tree (models load in each, as in ``newsprism analyze`` from the shell):
``first`` = ingest + analyze (document stages) + corpus stages on the empty store; ``incremental`` =
the same on that store after the 1 % is added. Reported: wall and CPU seconds, peak memory of the
process tree (PSS, sampled every 0.2 s), each corpus stage's own milliseconds (``corpus_runs``), and
the incremental/first ratio. The peer is spaCy ``en_core_web_sm`` over the same N texts (as
``pipeline_speed.py``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline_speed import SPACY, _USAGE, run_child  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
KCNA = SHARED / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"
RODONG = SHARED / "rodong-sinmun-en-sample"

CHILD = _USAGE + """
import sys, time
from newsprism.config import load_settings
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.store import open_store
over = {"workers": int(sys.argv[3])} if sys.argv[3] != "0" else {}
settings = load_settings(environ={}, **over)
t = {}
with open_store(sys.argv[1], create=True) as store:
    t0 = time.perf_counter(); irep = ingest(store, [sys.argv[2]], settings); t["ingest_s"] = time.perf_counter() - t0
    t0 = time.perf_counter(); rep = analyze(store, settings); t["document_stages_s"] = time.perf_counter() - t0
    t0 = time.perf_counter(); crep = build_corpus(store, settings); t["corpus_stages_s"] = time.perf_counter() - t0
    stages = {r[0]: round((r[1] or 0) / 1000, 2) for r in store.conn.execute("SELECT stage, duration_ms FROM corpus_runs")}
    n = store.count_documents()
print(json.dumps({**_usage(), **{k: round(v, 2) for k, v in t.items()}, "documents": n, "added": irep.added,
                  "stage_runs": rep.stage_runs, "corpus_ran": crep.ran, "corpus_failed": crep.failed,
                  "corpus_stage_s": {s: stages.get(s) for s in crep.ran}}))
"""


def pool() -> list[dict]:
    out = [json.loads(line) for line in KCNA.open(encoding="utf-8") if line.strip()]
    for path in sorted(RODONG.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                out.append({"id": r["doc_id"], "source": "Rodong Sinmun", "language": "en", "date": r["date"],
                            "headline": r.get("title", ""), "links": [r["url"]] if r.get("url") else [],
                            "text": r["text"]})
    return out


def document(base: list[dict], i: int) -> dict:
    rec = dict(base[i % len(base)])
    k = i // len(base)
    if k:
        rec["id"] = f"{rec['id']}-{k}"
        try:
            rec["date"] = (dt.date.fromisoformat(rec["date"][:10]) + dt.timedelta(weeks=k)).isoformat()
        except (ValueError, TypeError):
            pass
        paras = rec["text"].split("\n")
        r = k % len(paras)
        rec["text"] = "\n".join(paras[r:] + paras[:r])
        rec["links"] = [f"{u}#copy{k}" for u in rec.get("links") or []]
    return rec


def write(path: Path, recs) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=0, help="newsprism's workers (0 = its default)")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    base = pool()
    add = max(1, args.n // 100)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        write(tmp / "base.jsonl", (document(base, i) for i in range(args.n)))
        write(tmp / "add.jsonl", (document(base, i) for i in range(args.n, args.n + add)))
        db, w = str(tmp / "s.db"), str(args.workers)
        first = run_child(CHILD, db, str(tmp / "base.jsonl"), w)
        print("first", json.dumps(first), file=sys.stderr, flush=True)
        inc = run_child(CHILD, db, str(tmp / "add.jsonl"), w)
        print("incremental", json.dumps(inc), file=sys.stderr, flush=True)
        peer = None if args.no_spacy else run_child(SPACY, "", str(tmp / "base.jsonl"))
    rnd = lambda r: {k: (round(v, 2) if isinstance(v, float) else v) for k, v in r.items()}  # noqa: E731
    out = {"n": args.n, "added": add, "pool": len(base), "first": rnd(first), "incremental": rnd(inc),
           "incremental_over_first": {k: round(inc[k] / first[k], 3) for k in ("wall_s", "cpu_s", "corpus_stages_s")
                                      if first.get(k)},
           "incremental_corpus_stage_over_first": {
               s: round(v / first["corpus_stage_s"][s], 3) for s, v in inc["corpus_stage_s"].items()
               if v is not None and first["corpus_stage_s"].get(s)}}
    if peer:
        out["spacy"] = rnd(peer)
        out["first_over_spacy"] = {k: round(first[k] / peer[k], 2) for k in ("cpu_s", "wall_s", "peak_mib")}
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
