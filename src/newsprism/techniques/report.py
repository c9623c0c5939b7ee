"""The report's Techniques section: per outlet, per technique, rate per 1,000 words."""

from __future__ import annotations

from typing import Callable

from ..report.sections import SHADES, Linker, Section
from ..store import Store

MAX_TECHNIQUE_OUTLETS = 14


def techniques_section(store: Store, _link: Linker | None = None, story: str | None = None) -> Section:
    """Per outlet, per technique: rate per 1,000 words (shaded), counts and share of text covered
    (with a story: over its documents only)."""
    from . import TECHNIQUES
    from .summaries import profile
    prof = profile(store, story=story)
    analysed = {o: p for o, p in prof.items() if p["documents"]}
    if not analysed:
        skipped = sum(sum(p["not_analysed"].values()) for p in prof.values())
        return Section(False, "Not analysed yet: no document has a current run of the techniques stage"
                       + (f" ({skipped} documents not analysed: not English, failed or not run)." if skipped
                          else " (newsprism analyze)."))
    outlets = sorted(analysed, key=lambda o: (-analysed[o]["documents"], o))
    sec = Section(True)
    shown = outlets[:MAX_TECHNIQUE_OUTLETS]
    top = max((analysed[o]["per_1000_words_by_technique"][t.label] for o in shown for t in TECHNIQUES), default=0)
    shade: Callable[[float], int] = lambda r: 0 if r <= 0 or not top else 1 + min(SHADES - 2, int(
        (SHADES - 1) * r / top))
    from . import quality
    for t in TECHNIQUES:
        sec.items.append({"label": t.label, "name": t.name, "explanation": t.explanation,
                          "model_f1": quality.technique_f1(t.label), "cells": [
            {"rate": analysed[o]["per_1000_words_by_technique"][t.label], "count": analysed[o]["counts"][t.label],
             "shade": shade(analysed[o]["per_1000_words_by_technique"][t.label])} for o in shown]})
    sec.extra = {"outlets": [{"name": o, **{k: analysed[o][k] for k in (
        "documents", "words", "spans", "per_1000_words", "share_of_text")},
        "not_analysed": sum(analysed[o]["not_analysed"].values())} for o in shown],
        "skipped": sum(sum(p["not_analysed"].values()) for p in prof.values()), "caveat": quality.caveat()}
    if len(outlets) > MAX_TECHNIQUE_OUTLETS:
        sec.left_out.append(f"{len(outlets) - MAX_TECHNIQUE_OUTLETS} outlets with fewer analysed documents "
                            f"(of {len(outlets)}) are not shown.")
    return sec
