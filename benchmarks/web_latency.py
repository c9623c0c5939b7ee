"""Web app latency at size: p50/p95 per page on a 100k-document store under concurrent load.

How the store is built (``build``):
1. A *source* store analysed by the real pipeline: ``newsprism run`` over the five
   seed articles and the 1,059 KCNA English articles (``--source``; built at
   ``benchmarks/.web/source.db`` when missing, a few minutes). Every stage's spans,
   stage runs, actor tables (corpus stage ``actors``) and claim groups (``reconcile``) are real.
2. The 100k store is filled from it with SQL: each source document is copied
   ``ceil(N / n_source)`` times with a new 16-hex id (first 12 hex of the original + the
   copy number), its spans, stage runs, actor mentions and claim-group members copied
   with it; metadata varied per copy: one of 40 outlets (state media, relays, independent
   press), language (84 % en, 8 % ru, 4 % de, 2 % ko, 2 % fr), published date shifted by a
   per-copy offset across 2022-2025 (5 % undated), every 10th copy linked as an exact
   duplicate of the first. The FTS5 word index is filled by the store's own triggers.

How it is measured (``load``): the app runs in its own process on 127.0.0.1: uvicorn, one
worker process (``--workers N``: N processes over ``newsprism.web.app:app_from_env``, each with
its own caches and warm-up), its default thread pool, ``create_app`` defaults (the whole-store
aggregates are computed by a background thread at startup); the load comes from another
process: an asyncio httpx client with ``--concurrency`` requests in flight, a bounded number
of requests per page kind (``--requests``) and a wall-clock cap (``--max-seconds``), never any
host but 127.0.0.1. Every page kind is requested once before timing, in the order of the
table (a first request waits for the startup warm-up when it has not finished; these cold
times are reported apart). URLs vary per request (sampled documents, actors, claim groups,
outlets, search words, filters). The machine's load average is printed before and after:
other processes on a shared machine lengthen every latency.

Recorded (commit after 3a90bfe, 2-core machine shared with other jobs, load average ~3-5 from
them; ``load --db /tmp/web100k.db --concurrency 4 --requests 60``): see docs/web.md.

Usage:
  .venv/bin/python benchmarks/web_latency.py build --db /tmp/web100k.db [--documents 100000]
  .venv/bin/python benchmarks/web_latency.py load --db /tmp/web100k.db [--concurrency 8] [--requests 200] [--workers 1]
  .venv/bin/python benchmarks/web_latency.py all --db /tmp/web100k.db    (build if missing, then load)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = [SHARED / "corpus" / "seeds", SHARED / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"]
OUTLETS = ["KCNA", "Rodong Sinmun", "TASS", "RIA Novosti", "RT", "Sputnik", "Izvestia", "Rossiyskaya Gazeta",
           "Komsomolskaya Pravda", "Voice of Korea", "Uriminzokkiri", "Naenara", "Xinhua", "Global Times",
           "PressTV", "Yonhap", "NK News", "Daily NK", "Korea Herald", "Korea JoongAng Daily", "Reuters",
           "Associated Press", "AFP", "BBC", "The Guardian", "The New York Times", "The Wall Street Journal",
           "Washington Post", "Kyiv Independent", "Ukrainska Pravda", "Meduza", "Novaya Gazeta Europe",
           "The Moscow Times", "Deutsche Welle", "Le Monde", "Radio Free Asia", "VOA", "Al Jazeera",
           "South China Morning Post", "Nikkei Asia"]
LANGS = ["en"] * 42 + ["ru"] * 4 + ["de"] * 2 + ["ko"] + ["fr"]
WORDS = ["Kursk", "troops", "missile", "delegation", "anniversary", "Pyongyang", "sanctions", "Kim Jong Un",
         "liberated", "friendship", "nuclear", "Ukraine", "imperialists", "ceremony", "soldiers"]


# -- build -----------------------------------------------------------------------------
def build_source(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "newsprism.cli", "--db", str(path), "-q", "run", *map(str, SOURCES),
           "-o", str(path.with_suffix(".html"))]
    print("building source store:", " ".join(cmd), file=sys.stderr)
    subprocess.run([sys.executable, "-c", "from newsprism.cli import main; main()", *cmd[3:]], check=False)


def build(db: Path, source: Path, n_docs: int) -> None:
    from newsprism.store import open_store
    if db.exists():
        raise SystemExit(f"{db} exists; remove it first")
    t0 = time.perf_counter()
    with open_store(db):
        pass
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=OFF")
    c.execute("PRAGMA foreign_keys=OFF")
    c.execute("PRAGMA cache_size=-200000")
    c.execute("ATTACH DATABASE ? AS src", (str(source),))
    n_src = c.execute("SELECT count(*) FROM src.documents").fetchone()[0]
    copies = math.ceil(n_docs / n_src)
    c.execute("BEGIN")
    c.execute("INSERT OR IGNORE INTO raw_blobs SELECT * FROM src.raw_blobs")
    c.execute("INSERT INTO inputs SELECT * FROM src.inputs")
    for t in ("actors", "actor_aliases", "claim_groups", "corpus_runs"):
        c.execute(f"INSERT INTO {t} SELECT * FROM src.{t}")
    c.execute("COMMIT")
    c.create_function("vary_outlet", 2, lambda seq, k: OUTLETS[(seq * 7 + k * 13) % len(OUTLETS)])
    c.create_function("vary_lang", 3, lambda seq, k, lang: lang if lang != "en" else LANGS[(seq * 3 + k * 11) % len(LANGS)])
    new_id = "substr({col}, 1, 12) || printf('%04x', {k})"
    for k in range(copies):
        left = n_docs - k * n_src
        if left <= 0:
            break
        c.execute("BEGIN")
        nid = new_id.format(col="d.id", k=k)
        c.execute(
            "INSERT INTO documents(id, locator, reader, raw_sha256, text_sha256, text, title, published, outlet, author,"
            " url, site_name, language, meta, removed, extra, duplicate_of, duplicate_kind, duplicate_score, ingested_at)"
            f" SELECT {nid}, d.locator || '#copy=' || {k}, d.reader, d.raw_sha256, d.text_sha256, d.text, d.title,"
            f" CASE WHEN (d.seq + {k}) % 20 = 0 THEN NULL"
            f"      ELSE date(coalesce(d.published, '2024-06-01'), '-' || (({k} * 37 + d.seq) % 1200) || ' days') END,"
            f" vary_outlet(d.seq, {k}), d.author, d.url, d.site_name, vary_lang(d.seq, {k}, coalesce(d.language, 'en')),"
            f" d.meta, d.removed, d.extra,"
            f" CASE WHEN {k} > 0 AND {k} % 10 = 0 THEN {new_id.format(col='d.id', k=0)} END,"
            f" CASE WHEN {k} > 0 AND {k} % 10 = 0 THEN 'exact' END, NULL, d.ingested_at"
            f" FROM src.documents d ORDER BY d.seq LIMIT {left}")
        sid = new_id.format(col="s.doc_id", k=k)
        c.execute('INSERT INTO spans(doc_id, layer, label, start, "end", stage, stage_version, score, attrs)'
                  f' SELECT {sid}, layer, label, start, "end", stage, stage_version, score, attrs FROM src.spans s')
        c.execute("INSERT OR IGNORE INTO stage_runs SELECT "
                  + new_id.format(col="s.doc_id", k=k) + ", stage, version, text_sha256, status, n_spans, duration_ms,"
                  " ran_at FROM src.stage_runs s")
        c.execute('INSERT INTO actor_mentions SELECT ' + sid + ', layer, start, "end", actor_id, raw_actor, match'
                  " FROM src.actor_mentions s")
        c.execute('INSERT INTO claim_group_members SELECT group_id, ' + sid + ', start, "end", role, source,'
                  " source_method, origin, outlet, published, as_of, as_of_resolved, min_value, max_value, hedge,"
                  " increment, text, attrs FROM src.claim_group_members s")
        c.execute("COMMIT")
        print(f"  copy {k + 1}/{copies}: {c.execute('SELECT count(*) FROM documents').fetchone()[0]:,} documents "
              f"({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    c.execute("BEGIN")
    # rows of copies cut off by the document cap point nowhere: drop them
    for t in ("spans", "stage_runs", "actor_mentions", "claim_group_members"):
        c.execute(f"DELETE FROM {t} WHERE doc_id NOT IN (SELECT id FROM documents)")
    c.execute("UPDATE actors SET mentions = (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = actors.id),"
              " attributions = (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = actors.id"
              " AND m.layer = 'attribution')")
    c.execute("COMMIT")
    c.execute("ANALYZE")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    s = c.execute("SELECT count(*) FROM spans").fetchone()[0]
    print(f"built {db}: {n:,} documents, {s:,} spans, {db.stat().st_size / 1e9:.2f} GB in "
          f"{time.perf_counter() - t0:.0f}s", file=sys.stderr)


# -- load ------------------------------------------------------------------------------
def url_sets(db: Path, rng: random.Random) -> dict[str, list[str]]:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    max_seq = c.execute("SELECT max(seq) FROM documents").fetchone()[0]
    docs = [r[0] for r in c.execute("SELECT id FROM documents WHERE seq IN (%s)" % ",".join(
        str(rng.randint(1, max_seq)) for _ in range(400)))]
    actors = [r[0] for r in c.execute("SELECT id FROM actors WHERE attributions > 0 ORDER BY attributions DESC LIMIT 40")]
    groups = [r[0] for r in c.execute("SELECT id FROM claim_groups ORDER BY n_claims DESC LIMIT 40")]
    techniques = [r[0] for r in c.execute("SELECT DISTINCT label FROM spans WHERE layer='technique'")] or [""]
    c.close()
    pick = rng.choice
    n = 200
    return {
        "overview": ["/"] * n,
        "documents": [f"/documents?offset={rng.randrange(0, 2000, 50)}" for _ in range(n)],
        "documents_filtered": [f"/documents?outlet={pick(OUTLETS).replace(' ', '+')}&date_from=2023-{rng.randint(1, 12):02d}"
                               f"&language=en" for _ in range(n)],
        "documents_technique": [f"/documents?technique={pick(techniques)}&outlet={pick(OUTLETS).replace(' ', '+')}"
                                for _ in range(n)],
        "document": [f"/documents/{pick(docs)}" for _ in range(n)],
        "search": [f"/search?q={pick(WORDS).replace(' ', '+')}" for _ in range(n)],
        "search_filtered": [f"/search?q={pick(WORDS).replace(' ', '+')}&outlet={pick(OUTLETS).replace(' ', '+')}"
                            f"&date_from=2023" for _ in range(n)],
        "actors": ["/actors"] * n,
        "actor": [f"/actors/{pick(actors)}" for _ in range(n)] if actors else [],
        "claims": ["/claims"] * n,
        "claim": [f"/claims/{pick(groups)}" for _ in range(n)] if groups else [],
        "outlets": ["/outlets"] * n,
        "timeline": ["/timeline"] * n,
        "api_documents": [f"/api/documents?offset={rng.randrange(0, 5000, 50)}" for _ in range(n)],
        "api_document": [f"/api/documents/{pick(docs)}" for _ in range(n)],
        "api_search": [f"/api/search?q={pick(WORDS).replace(' ', '+')}" for _ in range(n)],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    if workers > 1:     # several processes: uvicorn needs the app as an import string
        code = ("import sys, uvicorn; uvicorn.run('newsprism.web.app:app_from_env', factory=True, host='127.0.0.1',"
                " port=int(sys.argv[2]), workers=int(sys.argv[3]), log_level='warning', access_log=False)")
        env = {**os.environ, "NEWSPRISM_WEB_DB": str(db)}
        return subprocess.Popen([sys.executable, "-c", code, str(db), str(port), str(workers)], env=env)
    code = ("import sys, uvicorn; from newsprism.web import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning',"
            " access_log=False)")
    return subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])


async def _drive(base: str, urls: dict[str, list[str]], concurrency: int, per_page: int, max_seconds: float) -> dict:
    import httpx
    results: dict[str, list[float]] = {k: [] for k in urls}
    errors: dict[str, int] = {k: 0 for k in urls}
    cold: dict[str, float] = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0, trust_env=False) as client:
        for kind, us in urls.items():           # warm-up: each page kind once (fills the aggregate caches)
            if us:
                t = time.perf_counter()
                await client.get(us[0])
                cold[kind] = (time.perf_counter() - t) * 1000
        jobs = [(kind, u) for kind, us in urls.items() for u in us[:per_page]]
        random.Random(1).shuffle(jobs)
        queue: asyncio.Queue = asyncio.Queue()
        for j in jobs:
            queue.put_nowait(j)
        deadline = time.monotonic() + max_seconds

        async def worker() -> None:
            while not queue.empty() and time.monotonic() < deadline:
                kind, u = queue.get_nowait()
                t = time.perf_counter()
                r = await client.get(u)
                ms = (time.perf_counter() - t) * 1000
                if r.status_code != 200:
                    errors[kind] += 1
                results[kind].append(ms)
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    return {"results": results, "errors": errors, "cold": cold, "wall_s": wall}


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))] if xs else float("nan")


def load(db: Path, concurrency: int, per_page: int, max_seconds: float, out: Path | None,
         workers: int = 1) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    urls = url_sets(db, random.Random(7))
    load_before = os.getloadavg()
    server = start_server(db, port, workers)
    try:
        import httpx
        for _ in range(300):
            try:
                if httpx.get(base + "/api/health", timeout=1.0, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("server did not start")
        # the load runs in this process; the server is the child: two processes on 127.0.0.1
        res = asyncio.run(_drive(base, urls, concurrency, per_page, max_seconds))
    finally:
        server.terminate()
        server.wait(timeout=20)
    load_after = os.getloadavg()
    n = sum(len(v) for v in res["results"].values())
    config = (f"server: uvicorn, {workers} process{'es' if workers > 1 else ''}, default thread pool, "
              f"startup cache warm-up; client: httpx asyncio, "
              f"concurrency {concurrency}, {per_page} requests per page kind; {os.cpu_count()} CPUs; "
              f"load average before {load_before[0]:.1f}, after {load_after[0]:.1f}")
    print(f"\n{config}")
    print(f"{n:,} requests in {res['wall_s']:.1f}s ({n / res['wall_s']:.0f}/s), concurrency {concurrency}")
    print(f"{'page':<22}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'cold ms':>10}{'errors':>8}")
    table = {}
    for kind, xs in res["results"].items():
        if not xs:
            continue
        row = {"n": len(xs), "p50": round(statistics.median(xs), 1), "p95": round(pct(xs, 95), 1),
               "max": round(max(xs), 1), "cold": round(res["cold"].get(kind, float("nan")), 1),
               "errors": res["errors"][kind]}
        table[kind] = row
        print(f"{kind:<22}{row['n']:>6}{row['p50']:>10}{row['p95']:>10}{row['max']:>10}{row['cold']:>10}{row['errors']:>8}")
    allx = [x for xs in res["results"].values() for x in xs]
    summary = {"documents": _count(db), "configuration": config, "concurrency": concurrency, "requests": n, "wall_s": round(res["wall_s"], 1),
               "p50_all": round(statistics.median(allx), 1), "p95_all": round(pct(allx, 95), 1), "pages": table}
    print(f"{'all':<22}{n:>6}{summary['p50_all']:>10}{summary['p95_all']:>10}")
    if out:
        out.write_text(json.dumps(summary, indent=2))
    return summary


def _count(db: Path) -> int:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return c.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        c.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["build", "load", "all"])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--source", type=Path, default=ROOT / "benchmarks" / ".web" / "source.db")
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--requests", type=int, default=150, help="timed requests per page kind")
    ap.add_argument("--max-seconds", type=float, default=300)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes serving the app")
    a = ap.parse_args()
    if a.step in ("build", "all") and not (a.step == "all" and a.db.exists()):
        if not a.source.exists():
            build_source(a.source)
        build(a.db, a.source, a.documents)
    if a.step in ("load", "all"):
        load(a.db, a.concurrency, a.requests, a.max_seconds, a.json, a.workers)


if __name__ == "__main__":
    os.environ.setdefault("NO_PROXY", "127.0.0.1")
    main()
