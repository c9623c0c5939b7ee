"""Relay chains: "KCNA reported that Kim said …" gives Kim with ``via = ["kcna"]``.

The cue rules keep a nested report the learned models doubt when it is a relay ("X, citing Y,
said", "…, state media reported"); ``_relays`` links each attribution to the one whose content
holds its cue.
"""

from __future__ import annotations

import bisect

from .. import cuemodel
from ..cues import STANCE_OF


def _named_relay(v) -> bool:
    """ "KCNA reported that Kim Jong Un said ...": a named person's or organisation's report that is the clause
    of another reporting verb is the relay chain this stage exists to keep, though PolNeAR often leaves nested
    reports unmarked (so the model and the tagger doubt them). Only the direct clause or a report under "according
    to", only named speakers: each wider form cost more PolNeAR F1 on CV folds 0-1."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ not in ("PERSON", "ORG"):
        return False
    h = v.head
    if v.dep_ == "ccomp" and h.pos_ == "VERB" and h.lemma_.lower() in STANCE_OF:
        return True
    # "According to the agency, Kim Jong Un described these troops as heroes": relayed by "according to"
    return any(c.lower_ == "according" and c.i < subj.i for c in v.children)


def _relayed_by_trailing_report(v) -> bool:
    """ "Moscow's top envoy to North Korea said cities … will be named after North Korean soldiers, North Korean
    state media reported.": a report with a subject that is the content of a sentence-final inverted report is
    relayed by it, named speaker or not. PolNeAR mostly leaves such nested reports unmarked, so the models doubt
    them (the tagger with context gives the "said" of this example 0.01); the parse hangs the inverted report either
    under the inner verb or above it."""
    def trailing(t) -> bool:
        return t.lemma_.lower() in STANCE_OF and cuemodel.is_trailing_report(t)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    return (v.dep_ == "ccomp" and trailing(v.head)) or any(c.dep_ == "ccomp" and c.i > v.i and trailing(c)
                                                             for c in v.children)


def _relays(out: list[dict]) -> None:
    """An attribution whose cue lies inside another's content is relayed by that other's speaker (or the one
    its text rule named in ``relayed_by``), after the outer relays and before the attribution's own ``relay``:
    outermost first.

    The relaying attribution is the one with the shortest content holding the cue (the
    first in ``out`` on a tie), among those with an actor. Found by one scan over the
    contents sorted by start, stopped as soon as no earlier content can reach or beat the
    best: near-linear on real text (the pairwise search took seconds on a 100 KB document
    with a thousand attributions).
    """
    for r in out:      # a relay construction's own relay ("X, citing Y, said": Y's, relayed by X; ``cited``)
        r["via"] = list(r.get("relay") or [])
    cands = sorted((o["content"][0], o["content"][1], i) for i, o in enumerate(out) if o.get("actor"))
    starts = [c[0] for c in cands]
    reach: list[int] = []          # reach[j]: the furthest content end among cands[:j + 1]
    for c in cands:
        reach.append(max(c[1], reach[-1]) if reach else c[1])
    enclosing: list[int | None] = []        # per attribution: the index in ``out`` of the one relaying it
    for i, inner in enumerate(out):
        cs, ce = inner["cue"]
        best: tuple[int, int] | None = None            # (content length, index in out)
        j = bisect.bisect_right(starts, cs) - 1
        while j >= 0 and reach[j] >= ce:
            s, e, k = cands[j]
            if best is not None and ce - s > best[0]:
                break                                   # every earlier content is longer than the best
            if e >= ce and k != i and (best is None or (e - s, k) < best):
                best = (e - s, k)
            j -= 1
        enclosing.append(best[1] if best else None)
    at = {id(o): k for k, o in enumerate(out)}
    for i, inner in enumerate(out):     # a text rule named the relayer ("ссылаясь на Y"): no content holds the cue
        k = at.get(id(inner.pop("relayed_by", None)))
        if enclosing[i] is None and k is not None and out[k].get("actor"):
            enclosing[i] = k
    for _ in range(3):            # chains: A reported that B said that C ...
        for inner, k in zip(out, enclosing):
            if k is not None:
                o = out[k]
                if o["actor"] != inner.get("actor"):
                    own = [v for v in inner.get("relay") or [] if v not in o["via"] and v != o["actor"]]
                    inner["via"] = o["via"] + [o["actor"]] + own


def carry_relays(out: list[dict]) -> None:
    """ "Об этом заявил Шойгу, передает РИА Новости. … Шойгу сказал: «…»": once the text gives a speaker's words
    through one relay chain, its other statements in the same text came the same way (the reporter did not hear
    them first-hand either), headline included. Only a speaker whose relayed statements all share one chain, and
    never through itself; through a relay that is no news outlet (a lawmaker passing on a briefing), only to a
    statement that has no other source of its own (it cites or relays no one)."""
    chains: dict[str, list[list[str]]] = {}
    for r in out:       # an unnamed group goes by the country it is of ("North Korean sources": "side")
        if _who(r) and r.get("via"):
            chains.setdefault(_who(r), []).append(list(r["via"]))
    relaying = _relaying(out)
    for r in out:
        found = chains.get(_who(r))
        if r.get("via") or not found or any(c != found[0] for c in found[1:]) or _who(r) in found[0]:
            continue
        if _outlet(found[0][-1]) or not (r.get("relay") or id(r) in relaying):
            r["via"] = list(found[0])


def _who(r: dict) -> str | None:
    return r.get("actor") or r.get("side")


def _relaying(out: list[dict]) -> set[int]:
    """The attributions whose content holds another speaker's cue (they relay someone)."""
    cues = sorted((o["cue"][0], o.get("actor")) for o in out if o.get("cue"))
    starts = [c[0] for c in cues]
    found = set()
    for r in out:
        if not r.get("content"):
            continue
        cs, ce = r["content"]
        k = bisect.bisect_left(starts, cs)
        while k < len(cues) and cues[k][0] < ce:
            if cues[k][1] != r.get("actor"):
                found.add(id(r))
                break
            k += 1
    return found


def _outlet(actor: str) -> bool:
    """A news outlet of the actor registry (a relay through it reaches each statement of its source)."""
    from ..registry import default_registry
    a = default_registry().get(str(actor))
    return a is not None and a.type == "media"
