"""The techniques feature's export table: per outlet and technique, counts and rates."""

from __future__ import annotations

import pyarrow as pa

from .. import plugins
from ..export.records import Column
from ..store import Store

from .names import TECHNIQUES
from .summaries import profile

TECHNIQUE_PROFILE_COLUMNS: tuple[Column, ...] = (
    Column("outlet", pa.string(), "outlet (`unknown outlet` when not found); duplicates are not counted"),
    Column("technique", pa.string(), "technique label (SemEval-2020 Task 11)"),
    Column("technique_name", pa.string(), "display name of the technique"),
    Column("count", pa.int64(), "technique spans in the outlet's analysed documents"),
    Column("per_1000_words", pa.float64(), "spans of this technique per 1,000 words"),
    Column("outlet_documents", pa.int64(), "documents of the outlet analysed by the techniques stage"),
    Column("outlet_words", pa.int64(), "words in those documents"),
    Column("outlet_share_of_text", pa.float64(), "share of the outlet's text covered by any technique span"),
    Column("outlet_not_analysed", pa.int64(), "documents of the outlet not analysed (not English, failed, stale)"),
)


def technique_rows(store: Store) -> list[dict]:
    rows = []
    for outlet, p in profile(store).items():
        if not p["documents"]:
            continue        # nothing analysed for this outlet: no rates to report
        for t in TECHNIQUES:
            rows.append({"outlet": outlet, "technique": t.label, "technique_name": t.name,
                         "count": p["counts"].get(t.label, 0),
                         "per_1000_words": p["per_1000_words_by_technique"].get(t.label, 0.0),
                         "outlet_documents": p["documents"], "outlet_words": p["words"],
                         "outlet_share_of_text": p["share_of_text"],
                         "outlet_not_analysed": sum(p["not_analysed"].values())})
    return rows


TABLES = plugins.CorpusTables({"technique_profile": TECHNIQUE_PROFILE_COLUMNS},
                              lambda store: {"technique_profile": technique_rows(store)})
