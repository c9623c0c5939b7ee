"""Document- and outlet-level technique summaries.

``summarize(text, spans)`` for one document; ``profile(store)`` for every
outlet in a store (documents whose outlet is unknown are grouped under
``"unknown outlet"``, as everywhere else). Shares count characters covered by at least one technique
span, so overlapping spans are not counted twice. Documents the stage did not
analyse (``not_applicable``: not English; ``failed``; not yet run) are counted
apart and never averaged in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..outlets import outlet_of
from ..model import Span
from .names import LABELS
from .ptc import merge

_WORD = re.compile(r"\w+", re.UNICODE)
LAYER = "technique"


@dataclass
class TechniqueSummary:
    documents: int = 0
    words: int = 0
    chars: int = 0
    covered_chars: int = 0
    counts: Counter = field(default_factory=Counter)
    not_analysed: Counter = field(default_factory=Counter)   # status -> documents

    def add(self, text: str, spans: Iterable[Span]) -> None:
        spans = [s for s in spans if s.layer == LAYER]
        self.documents += 1
        self.words += len(_WORD.findall(text))
        self.chars += len(text)
        self.covered_chars += sum(e - s for s, e in merge(((s.start, s.end) for s in spans), touching=True))
        self.counts.update(s.label for s in spans)

    def as_dict(self) -> dict[str, Any]:
        per_k = 1000.0 / self.words if self.words else 0.0
        return {
            "documents": self.documents, "words": self.words,
            "spans": sum(self.counts.values()),
            "share_of_text": round(self.covered_chars / self.chars, 4) if self.chars else 0.0,
            "per_1000_words": round(sum(self.counts.values()) * per_k, 2),
            "counts": {l: self.counts.get(l, 0) for l in LABELS},
            "per_1000_words_by_technique": {l: round(self.counts.get(l, 0) * per_k, 2) for l in LABELS},
            "not_analysed": dict(self.not_analysed),
        }


def summarize(text: str, spans: Iterable[Span]) -> dict[str, Any]:
    """One document: share of text covered, counts per technique, per 1,000 words."""
    s = TechniqueSummary()
    s.add(text, spans)
    return s.as_dict()


def profile(store, *, stage: str = "techniques", include_duplicates: bool = False,
            story: str | None = None) -> dict[str, dict[str, Any]]:
    """Per outlet: counts per technique, per 1,000 words and share of text covered.

    Reads stored ``technique`` spans; near/exact duplicates are skipped unless
    ``include_duplicates`` (a relayed copy would otherwise count twice). With a story: its documents only.
    """
    from ..store.stories import scope
    runs = store.stage_runs_for(stage)
    out: dict[str, TechniqueSummary] = {}
    where, params = scope(store.conn, story, "id")
    for doc in (store.iter_documents(where=where, params=tuple(params)) if story else store.iter_documents()):
        if doc.duplicate_of and not include_duplicates:
            continue
        outlet = outlet_of(doc)
        summ = out.setdefault(str(outlet), TechniqueSummary())
        run = runs.get(doc.id)
        status = run[2] if run else "not_run"
        if status != "ok" or run[1] != doc.text_sha256:
            summ.not_analysed[status if status != "ok" else "stale"] += 1
            continue
        summ.add(doc.text, store.spans(doc.id, [LAYER]))
    return {k: v.as_dict() for k, v in sorted(out.items())}


def profile_texts(groups: dict[str, Iterable[str]], model=None) -> dict[str, dict[str, Any]]:
    """Per group (outlet, corpus) of English texts: the same summary as ``profile``, without a store."""
    from .model import load
    from ..model import Span as _Span
    m = model or load()
    out = {}
    for name, texts in groups.items():
        summ = TechniqueSummary()
        for text in texts:
            summ.add(text, [_Span(f.start, f.end, LAYER, f.label, "techniques", "-", f.score)
                            for f in m.predict(text)])
        out[name] = summ.as_dict()
    return out


def shared_sample_profiles(shared: str | Path, n: int = 300) -> dict[str, dict[str, Any]]:
    """Profiles of the English samples beside the repo: the seed articles, KCNA and Rodong Sinmun.

    Texts are read in place from ``shared`` (``../shared``); shorter than 400
    characters are skipped; the first ``n`` of each state-media corpus are used.
    """
    import csv
    import json
    import sys
    shared = Path(shared)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    kcna: list[str] = []
    with open(shared / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line).get("text") or ""
            if len(t) > 400 and len(kcna) < n:
                kcna.append(t)
    csv.field_size_limit(sys.maxsize)
    with open(shared / "data" / "rodong-sinmun-en-sample" / "rodong_sinmun_en_sample.csv", encoding="utf-8") as fh:
        rodong = [r["text"] for r in csv.DictReader(fh) if len(r.get("text") or "") > 400][:n]
    return profile_texts({f"seeds ({len(seeds)} independent-press articles)": seeds,
                          f"KCNA 2024 (first {len(kcna)})": kcna,
                          f"Rodong Sinmun sample (first {len(rodong)})": rodong})
