"""How well the reconcile stage's embedding split of generic claim groups separates quantities.

There is no gold for "these two claims are about the same quantity" on our data, so this
uses a silver signal on an analysed store: among pairs of generic claims with the same
noun (``count:flat``) from different documents, pairs stating the *same* value are
mostly the same quantity repeated (KCNA's "10 000 flats" in Hwasong), pairs stating
*different* values are mostly different quantities (another project, another year).
For each cosine-distance threshold it reports the share of same-value pairs kept
together and of different-value pairs kept apart (single pair decisions, before
average linkage). The threshold in use is ``reconcile.GENERIC_SPLIT``.

    .venv/bin/newsprism --db /tmp/all.db run ../shared/corpus/seeds \
        ../shared/data/kcna-en-2024/kcna_en_2024_dedup.jsonl \
        ../shared/data/rodong-sinmun-en-sample/rodong_sinmun_en_sample.csv -o /tmp/all.html
    .venv/bin/python benchmarks/claims_generic_split.py --db /tmp/all.db
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

from newsprism.claims.reconcile import GENERIC_SPLIT, collect_members
from newsprism.embeddings import embed_cached
from newsprism.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="an analysed store (claims stage run)")
    args = ap.parse_args()
    store = Store(args.db)
    gen = [m for m in collect_members(store) if (m["subject"] or "").startswith("count:") and m["role"] == "quantity"]
    x = embed_cached(store, [m["context"] for m in gen])
    by = defaultdict(list)
    for i, m in enumerate(gen):
        by[m["subject"]].append(i)
    same, diff = [], []
    for idx in by.values():
        for a, i in enumerate(idx):
            for j in idx[a + 1:]:
                if gen[i]["doc_id"] == gen[j]["doc_id"]:
                    continue
                d = 1 - float(x[i] @ x[j])
                equal = (gen[i]["min_value"], gen[i]["max_value"]) == (gen[j]["min_value"], gen[j]["max_value"])
                (same if equal else diff).append(d)
    rows = []
    for t in (0.4, 0.5, 0.6, 0.7, 0.8):
        rows.append({"threshold": t, "in_use": t == GENERIC_SPLIT,
                     "same_value_together": round(sum(d <= t for d in same) / max(1, len(same)), 3),
                     "different_value_apart": round(sum(d > t for d in diff) / max(1, len(diff)), 3)})
    print(json.dumps({"generic_claims": len(gen), "same_value_pairs": len(same),
                      "different_value_pairs": len(diff), "thresholds": rows}, indent=1))


if __name__ == "__main__":
    main()
