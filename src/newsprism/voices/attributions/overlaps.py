"""Attributions that overlap one another: duplicates, light-verb pairs that are one statement
("expressed belief that …"), a colon cue that a verb cue already took, and a content that runs on over
the same speaker's next report.
"""

from __future__ import annotations

import bisect
import re

from ...languages.en.speech import AND_THEN


def _dedupe(raw: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in raw:
        key = (r["cue"], r["content"])
        if key not in seen and r["content"][1] > r["content"][0]:
            seen.add(key)
            out.append(r)
    return out


def _end_before_own_next_report(text: str, raw: list[dict]) -> None:
    """ "Syrskyi said the units had suffered heavy losses, and accused Moscow of …": the parse hangs the
    second report inside the first one's clause, so "said" took "…, and accused Moscow …" as well. When a
    report of the same speaker starts inside a content after ", and", that content ends before it."""
    by_cue = sorted(raw, key=lambda r: r["cue"][0])
    starts = [r["cue"][0] for r in by_cue]
    for r in raw:
        sp, (cs, ce) = r.get("speaker"), r["content"]
        if not sp or ce <= r["cue"][1]:
            continue
        k = bisect.bisect_right(starts, max(cs, r["cue"][1]))
        while k < len(by_cue) and starts[k] < ce:
            o = by_cue[k]
            k += 1
            if o is r or o.get("speaker") != sp or o["content"][0] < o["cue"][1]:
                continue
            m = AND_THEN.search(text, cs, o["cue"][0])
            if m is not None and m.start() > cs:
                r["content"] = (cs, len(text[:m.start()].rstrip(" ,")))
                break


_LIGHT_GAP = re.compile(r"[\s\w'’-]{0,24}")


def _merge_light_verbs(text: str, raw: list[dict]) -> list[dict]:
    """One statement, not two: "She expressed belief that …", "released the following press statement
    titled …", "carries an article saying …", "Russian officials expressed interest in bringing back …" gave a
    cue for the verb (content "belief that …") and one for the noun (content "that …", no speaker or the same).
    When a cue begins a few words into another's content, its content lies inside that one and it has no other
    speaker, they merge: the cue runs from the verb to the noun ("expressed belief"), the content from the
    inner one's start to the later end, the speaker the outer one's. Merges chain: "carries an article saying
    that …" (verb, noun, participle) is one statement, "carries an article saying"."""
    by_cue = sorted(raw, key=lambda r: r["cue"][0])
    starts = [r["cue"][0] for r in by_cue]
    drop: set[int] = set()
    for outer in raw:
        while id(outer) not in drop and _merge_inner(text, outer, by_cue, starts, drop):
            pass
    return [r for r in raw if id(r) not in drop]


def _merge_inner(text: str, outer: dict, by_cue: list[dict], starts: list[int], drop: set[int]) -> bool:
    """Merge into ``outer`` the first cue that begins a few words into its content (``_merge_light_verbs``)."""
    os_, oe = outer["content"]
    if outer["cue"][1] > os_ or not _LIGHT_GAP.fullmatch(text[outer["cue"][1]:os_]):
        return False      # the outer content must follow its cue closely
    k = bisect.bisect_left(starts, os_)
    while k < len(by_cue) and starts[k] <= os_ + 24:
        inner = by_cue[k]
        k += 1
        (cs, ce), (ics, ice) = inner["cue"], inner["content"]
        if inner is outer or id(inner) in drop or not ce <= ics < oe:
            continue      # the inner content follows its cue and starts inside the outer one
        if not _LIGHT_GAP.fullmatch(text[os_:cs]) or inner.get("speaker") not in (None, outer.get("speaker")):
            continue
        outer["cue"] = (outer["cue"][0], ce)
        outer["content"] = (ics, max(oe, ice))
        drop.add(id(inner))
        return True
    return False


def _colon_duplicates(text: str, raw: list[dict]) -> list[dict]:
    """'And Mr. Christie gloated: “…”': the colon rule (for 'Trump on Clinton: “…”') and a learned verb cue
    ("gloated") both took the quote. The verb's attribution stays, the colon's goes (when the verb's cue
    ends shortly before the colon in the same line and the two contents overlap)."""
    colons = [r for r in raw if r["cue"][1] - r["cue"][0] == 1 and text[r["cue"][0]] == ":"]
    if not colons:
        return raw
    by_cue_end = sorted(raw, key=lambda r: r["cue"][1])
    ends = [r["cue"][1] for r in by_cue_end]
    drop = set()
    for c in colons:
        at = c["cue"][0]
        for r in by_cue_end[bisect.bisect_left(ends, at - 40):bisect.bisect_right(ends, at)]:
            if r is c or "\n" in text[r["cue"][1]:at]:
                continue
            if r["content"][0] < c["content"][1] and c["content"][0] < r["content"][1]:
                drop.add(id(c))
                break
    return [r for r in raw if id(r) not in drop]
