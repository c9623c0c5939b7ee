"""Ingest + clean + dedup of the 1,059 KCNA articles, side by side with a peer on the same input.

Each run is a fresh child process (so peak RSS is that run's own), alternated
with its peer, repeated; we report medians and the ratio newsprism / peer.

  text: newsprism ingests kcna_en_2024_dedup.jsonl       vs  a plain read (json.loads of every line)
  html: newsprism ingests the same articles as HTML pages vs trafilatura's bare extract() of each page
  rerun: `analyze` on the ingested store, then again: the second run must compute nothing

Usage: .venv/bin/python benchmarks/ingest_kcna.py [--repeat 3] [--json out.json]
Absolute times on a shared 2-core machine are noise; the ratios are the result.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KCNA = ROOT.parent / "shared" / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"

NEWSPRISM = """
import sys
from newsprism.config import load_settings
from newsprism.pipeline import ingest
from newsprism.store import open_store
store = open_store(sys.argv[1])
rep = ingest(store, [sys.argv[2]], load_settings(environ={}))
print(rep.added, rep.duplicates, len(rep.failures))
"""

PLAIN_READ = """
import json, sys
n = 0
with open(sys.argv[2], encoding="utf-8") as fh:
    for line in fh:
        rec = json.loads(line)
        n += len(rec["text"].split()) > 0
print(n, 0, 0)
"""

TRAFILATURA = """
import sys
from pathlib import Path
import trafilatura
n = 0
for p in sorted(Path(sys.argv[2]).iterdir()):
    n += trafilatura.extract(p.read_text(encoding="utf-8")) is not None
print(n, 0, 0)
"""

ANALYZE = """
import sys, time
from newsprism.config import load_settings
from newsprism.pipeline import analyze
from newsprism.store import open_store
store = open_store(sys.argv[1])
rep = analyze(store, load_settings(environ={}))
print(rep.stage_runs, rep.cached, rep.failed)
"""


def run_child(code: str, *args: str) -> tuple[float, float, str]:
    """(seconds, peak RSS in MiB, stdout) of one fresh Python process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"benchmark child failed (status {status}): {code.strip().splitlines()[0]}")
    return seconds, usage.ru_maxrss / 1024, out.strip()


def write_html_pages(folder: Path) -> int:
    """Each KCNA article as a plain HTML page: headline, dateline, paragraphs."""
    n = 0
    with KCNA.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in rec["text"].split("\n") if p.strip())
            page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(rec['headline'])}"
                    f"</title><meta property='article:published_time' content='{rec['date']}'></head>"
                    f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
                    f"<h1>{html.escape(rec['headline'])}</h1>{paras}</article>"
                    f"<footer>Copyright KCNA</footer></body></html>")
            (folder / f"{rec['id']}.html").write_text(page, encoding="utf-8")
            n += 1
    return n


def side_by_side(label: str, ours: tuple, peer: tuple, repeat: int, n_articles: int, tmp: Path) -> dict:
    ours_runs, peer_runs = [], []
    for i in range(repeat):
        db = tmp / f"{label}-{i}.db"
        ours_runs.append(run_child(NEWSPRISM, str(db), *ours))
        peer_runs.append(run_child(peer[0], str(db), *peer[1:]))
    o_s = statistics.median(r[0] for r in ours_runs)
    p_s = statistics.median(r[0] for r in peer_runs)
    return {
        "input": label, "articles": n_articles, "repeat": repeat,
        "newsprism_s": round(o_s, 2), "peer_s": round(p_s, 2),
        "newsprism_articles_per_s": round(n_articles / o_s, 1),
        "peer_articles_per_s": round(n_articles / p_s, 1),
        "newsprism_peak_rss_mib": round(max(r[1] for r in ours_runs), 1),
        "peer_peak_rss_mib": round(max(r[1] for r in peer_runs), 1),
        "time_ratio_newsprism_over_peer": round(o_s / p_s, 2),
        "newsprism_output": ours_runs[-1][2],
    }


def rerun(tmp: Path) -> dict:
    db = tmp / "text-0.db"
    first = run_child(ANALYZE, str(db))
    second = run_child(ANALYZE, str(db))
    return {"first_s": round(first[0], 2), "first (computed, cached, failed)": first[2],
            "second_s": round(second[0], 2), "second (computed, cached, failed)": second[2],
            "time_ratio_second_over_first": round(second[0] / first[0], 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args()
    if not KCNA.exists():
        raise SystemExit(f"missing {KCNA}: the shared folder must sit beside the repo")
    n = sum(1 for _ in KCNA.open(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        pages = tmp / "pages"
        pages.mkdir()
        write_html_pages(pages)
        results = {
            "text": side_by_side("text", (str(KCNA),), (PLAIN_READ, str(KCNA)), args.repeat, n, tmp),
            "html": side_by_side("html", (str(pages),), (TRAFILATURA, str(pages)), args.repeat, n, tmp),
        }
        results["rerun"] = rerun(tmp)
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
