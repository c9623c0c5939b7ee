"""Peer benchmark: quantulum3 vs newsprism on NewsQuant, same metric (newsprism.claims.newsquant).

Run inside the peer venv (see requirements-quantulum3.txt)::

    /tmp/peer-quantulum/bin/python benchmarks/quantities_quantulum3.py --retrain

``--retrain`` retrains quantulum3's unit-disambiguation classifier with the
installed scikit-learn (its shipped pickle breaks under scikit-learn 1.9).
Prints a JSON table: for each extractor and split (all / even / odd), value and
value+unit P/R/F1, concept accuracy, and sentences per second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsprism.claims.extract import Quantity, find_quantities  # noqa: E402
from newsprism.claims.newsquant import evaluate_quantities  # noqa: E402

GOLD = REPO.parent / "shared" / "data" / "newsquant"


def quantulum_extractor():
    from quantulum3 import parser

    def run(text: str) -> list[Quantity]:
        out = []
        try:
            found = parser.parse(text)
        except Exception:     # a crash on one sentence counts as finding nothing there
            return out
        for q in found:
            lo = hi = float(q.value)
            if getattr(q, "uncertainty", None):
                pass
            unit = None if q.unit.name in ("dimensionless", "") else q.unit.name
            span = getattr(q, "span", (0, 0))
            out.append(Quantity(span[0], span[1], lo, hi, unit=unit, counted=None, raw=q.surface))
        return out
    return run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--retrain", action="store_true", help="retrain quantulum3's classifier first")
    args = ap.parse_args()
    if args.retrain:
        from quantulum3 import classifier
        t0 = time.perf_counter()
        classifier.train_classifier(store=True)
        print(f"retrained quantulum3 classifier in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    rows = []
    for name, ex in (("newsprism", lambda t: find_quantities(t, "en")), ("quantulum3", quantulum_extractor())):
        for split in ("all", "even", "odd"):
            t0 = time.perf_counter()
            r = evaluate_quantities(args.gold, split=split, extractor=ex)
            r["sentences_per_s"] = round(r["sentences"] / (time.perf_counter() - t0), 1)
            rows.append({"extractor": name, **r})
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
