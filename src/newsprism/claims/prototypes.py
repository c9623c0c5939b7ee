"""Measures for wordings the packs' word tables do not list, by likeness to prototype phrases.

A quantity whose sentence names no measure cue gets a generic subject ``count:<noun>`` from the claims
stage. The ``reconcile`` stage embeds each generic claim's sentence (number masked) with the multilingual
sentence encoder (``newsprism.embeddings``) anyway; this module compares those vectors with short
prototype phrases per measure, written in each language pack (``languages/<code>/claims.py``:
``PROTOTYPES``; the encoder is cross-lingual, so all packs' phrases are pooled). A claim whose sentence is
like one measure's phrases (cosine at least ``SIMILARITY`` and ahead of the next measure by ``MARGIN``)
takes that measure and the side its sentence names: ``<whose>[-<role>]/<measure>``, so "portraits of
101 people on the memorial wall" joins the killed figures. People-only measures (killed, wounded ...)
are only given to counts of people. One encoder pass: the prototypes are encoded once (and cached in the
store), the sentences were encoded for the generic split already.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..languages import languages, pack
from .measure import PEOPLE_ONLY, counts_people, label_of, side_label

# Chosen on the field set: the sentences of its generic claims score at most 0.30 with any measure but the one
# the gold puts under a measure (0.61, a memorial wall of portraits: killed); checked on tests/test_claim_groups2.py.
SIMILARITY = 0.45
MARGIN = 0.04


@lru_cache(maxsize=1)
def prototypes() -> tuple[tuple[str, str], ...]:
    """(measure, phrase) of every pack's prototype phrases."""
    out = []
    for code in languages():
        for measure, phrases in pack(code).claims.PROTOTYPES.items():
            out += [(measure, p) for p in phrases]
    return tuple(dict.fromkeys(out))


def scores(vectors: np.ndarray, proto_vectors: np.ndarray) -> tuple[list[str], np.ndarray]:
    """(measures, best cosine of each sentence with each measure's phrases): shape (sentences, measures)."""
    protos = prototypes()
    measures = sorted({m for m, _ in protos})
    sims = vectors @ proto_vectors.T
    out = np.full((len(vectors), len(measures)), -1.0, dtype=np.float32)
    for j, m in enumerate(measures):
        cols = [i for i, (mm, _) in enumerate(protos) if mm == m]
        out[:, j] = sims[:, cols].max(axis=1)
    return measures, out


def pick(row: np.ndarray, measures: list[str], people: bool) -> str | None:
    """The measure a sentence is most like, when like enough and clearly ahead; people-only ones for people."""
    order = [j for j in np.argsort(-row) if people or measures[j] not in PEOPLE_ONLY]
    if not order or row[order[0]] < SIMILARITY:
        return None
    second = row[order[1]] if len(order) > 1 else -1.0
    return measures[order[0]] if row[order[0]] - second >= MARGIN else None


def assign(members: list[dict], vectors: dict[int, np.ndarray], embed) -> int:
    """Give generic members a measure by likeness to the prototypes; ``embed(texts)`` encodes the phrases.
    Members need ``side`` ((whose, role) of their sentence, from ``collect_members``). Returns how many."""
    idx = [i for i in vectors if (members[i]["subject"] or "").startswith("count:") and members[i]["role"] == "quantity"]
    if not idx or not prototypes():
        return 0
    proto_vectors = np.asarray(embed([p for _, p in prototypes()]), dtype=np.float32)
    measures, table = scores(np.asarray([vectors[i] for i in idx], dtype=np.float32), proto_vectors)
    n = 0
    for i, row in zip(idx, table):
        m = members[i]
        noun = m["subject"].split(":", 1)[1]
        whose, role = m.get("side") or (None, None)
        measure = pick(row, measures, counts_people(noun, m.get("lang")))
        if measure is None:
            continue
        side = "-".join(x for x in (whose or "unnamed", role) if x)
        m["subject"], m["label"] = f"{side}/{measure}", f"{side_label(whose, role)}: {label_of(measure)}"
        m["measure_by"] = "prototype"
        n += 1
    return n
