"""Corpus stage "reconcile": claims about the same quantity across documents, by source and date.

Method (docs/claims.md has the long form):

1. **Source** of each claim: the actor of an ``attribution`` span whose content
   covers the claim (voices stage, when present); else the sentence-rule source
   the claims stage found (``according to X``, ``X said``); else the document's
   outlet; else ``unknown``. ``source_method`` says which.
2. **Group key**: the claim's subject id (cross-lingual ids from the subjects
   lexicon, so en/ru/ko claims about North Korean troops deployed share a
   group) plus the value kind class (counts, shares, multiples apart; shares in
   percent, so "nearly a third" is 33.3 beside "30 percent").
   Discovered assertions group by the encoder's likeness of their phrases (claims.assertions), stated in two
   documents at least; disputes join the group of what they dispute.
   Generic ``count:<noun>`` subjects first group by noun, then split by what the
   sentence is about: each claim's sentence, its number masked, is embedded with
   the multilingual Universal Sentence Encoder (``newsprism.embeddings``, cached in the
   store) and the noun group is cut by average-linkage clustering at cosine
   distance ``GENERIC_SPLIT`` ("10 000 flats" in Hwasong and "50 000 flats" in
   another project are two quantities, not a disagreement).
3. **Origins**: relays of one statement are one origin. A claim's origin is its
   source actor when known (KCNA relayed by TASS stays ``kcna``; an attribution's
   ``via`` chain is recorded), else the outlet of the first of a duplicate chain
   (``documents.duplicate_of``: an aggregator's copy counts with the original), else
   that first document (documents with no source and no known outlet are each one
   origin); the same source repeating a value in several outlets is one origin.
4. **Spread and flags**: over non-increment, non-vague values: min, max, spread
   = (max - min) / max. ``disagreement`` (lexicon subjects only) when two origins' intervals (widened
   by 10 % for "about"/"nearly") do not overlap for about the same time: both as-of dates resolved and
   within ``SAME_PERIOD_DAYS`` of each other ("same"), or one of them unknown ("undated": it cannot be
   ruled out). Values whose dates are clearly apart (11,000 in October 2024, 15,000 in 2025) are listed as
   ``changes_over_time``, not as a disagreement. ``disputed`` when a dispute claim is linked.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from datetime import date, timedelta

import numpy as np

from ..config import Settings
from .query import source_name
from .subjects import resolve_actor
from .measure import ADDITIONAL_SUFFIX, EPISODE_SUFFIX, PLANNED_SUFFIX, side_at
from . import prototypes
from .assertions import ASSERTION_SPLIT, MIN_DOCUMENTS, PREFIX, group_assertions
from .case import apply_case, follow_pins, load_case
from ..config import setting_value
from ..errors import ConfigError
from ..embeddings import embed_cached
from ..model import MetaField
from ..store import Store
from ..corpus.stage import CorpusContext, corpus_stage

GENERIC_SPLIT = 0.7      # cosine distance (average linkage) above which two generic claims are different quantities
# 19: share bases in keys (@of-population), start dates are no as-of dates, lower bounds from "has passed";
# 18: a body within a known actor ("the army command") keeps the text's words as its reader name
BASE_VERSION = f"21+assert{ASSERTION_SPLIT}x{MIN_DOCUMENTS}+split{GENERIC_SPLIT}+proto{prototypes.SIMILARITY}"


def stage_version(settings) -> str:
    """The version in force: the base with the digest of the claims case file the run's settings name, so a
    case set in code, not only one named in the environment, rebuilds the groups when it changes."""
    return f"{BASE_VERSION}+case-{load_case(settings.claims_case).get('digest')}"


try:
    VERSION = f"{BASE_VERSION}+case-{load_case(setting_value('claims_case')).get('digest')}"   # for listings
except ConfigError:         # a missing case file: the stage fails when it runs, naming it (not every command)
    VERSION = f"{BASE_VERSION}+case-missing"
PER_EVENT = ("/detected",)    # measures counted afresh at each event
_CLASS = {"count": "count", "money": "money", "measure": "measure", "percent": "share", "fraction": "share",
          "multiple": "multiple"}


def _source(claim, attributions, outlet: str | None, text: str | None = None) -> tuple[str, str, list[str]]:
    a = claim.attrs
    if "via" in a:      # claims v9 on: the claims stage read the attributions itself (speaker, relays, groups' words)
        if a.get("source_method") in ("attribution", "sentence-rule") and (a.get("source_actor") or a.get("source_text")):
            return str(a.get("source_actor") or a["source_text"]), a["source_method"], list(a.get("via") or [])
        return (outlet, "outlet", []) if outlet else ("unknown", "unknown", [])
    inside = [a for a in attributions if a.start <= claim.start and claim.end <= a.end]
    for a in sorted(inside, key=lambda a: a.end - a.start):
        # a speaker the voices stage left unresolved, or clustered as an unknown ``auto:`` actor, may still be a
        # known source ("южнокорейской разведки", "Разведка Южной Кореи")
        given = a.attrs.get("actor")
        actor = (given if given and not str(given).startswith("auto:") else None) \
            or _registry_actor(a.attrs.get("speaker_text")) or given \
            or a.attrs.get("actor_name") or a.attrs.get("speaker_text")
        if actor and _nearer_source(claim, a, actor, text):
            return claim.attrs["source_actor"], "sentence-rule", []
        if actor:
            return str(actor), "attribution", list(a.attrs.get("via") or [])
    if claim.attrs.get("source_actor") or claim.attrs.get("source_text"):
        return claim.attrs.get("source_actor") or claim.attrs["source_text"], "sentence-rule", []
    if outlet:
        return outlet, "outlet", []
    return "unknown", "unknown", []


def _nearer_source(claim, attribution, actor: str, text: str | None) -> bool:
    """True when the claim's own sentence names another known source between the attribution's start and the
    claim: "The agency said that about 15,000 …, while Ukraine's military intelligence put the figure at 12,000"
    — the 12,000 is Ukraine's, though the agency's attribution span runs to the end of the sentence."""
    other, phrase = claim.attrs.get("source_actor"), claim.attrs.get("source_text")
    cue = attribution.attrs.get("cue")
    if not text or not other or not phrase or other == actor or not cue:
        return False
    speaker = attribution.attrs.get("speaker") or (0, 0)
    after_cue = max(int(cue[1]), int(speaker[1]))
    return phrase in text[max(after_cue, claim.start - 300):claim.start]     # named after the attribution's own cue


def _reader_name(source: str, attrs: dict, lang: str | None = None) -> str:
    """The registry's name for a known actor; for one only clustered (``auto:``) the text's own words when they
    name it more fully ("Taiwan's defence ministry", where the cluster is the bare "defence ministry"); for a
    body within a known actor, which the registry does not list, the text's words ("the Ukrainian army command",
    resolved to the Armed Forces of Ukraine through "Ukrainian army")."""
    said = attrs.get("source_text")
    if attrs.get("source_words") and source == said and not attrs.get("source_actor"):
        return str(attrs["source_words"])       # "the General Staff": the phrase as written (claims.sources.as_written)
    if said and source == attrs.get("source_actor") and _body_within(str(said), source, lang):
        return " ".join(str(said).split())
    if source.startswith("auto:") and said and source == attrs.get("source_actor"):
        return str(said)
    if said and source == attrs.get("source_actor") and _capital_of(str(said)) == source:
        return str(said)        # "Según Seúl": a capital speaking stands for its government, named as written
    return source_name(source)


def _capital_of(words: str) -> str | None:
    """The country whose capital the words are ("Seúl", "Москва"), else None (registry ``capitals``)."""
    from ..voices.registry import default_registry
    hit = default_registry().capital(words)
    return hit.id if hit else None


def _body_within(phrase: str, actor: str, lang: str | None) -> bool:
    """The phrase's last word is a body within an organisation (the pack's ``sources.BODY_WITHIN``: "command",
    "headquarters") that no name of the registry actor holds: the phrase names that body, not the whole actor."""
    from ..languages import pack
    from ..voices.registry import default_registry
    heads = pack(lang).sources.BODY_WITHIN
    words = phrase.lower().split()
    found = default_registry().get(actor)
    if not heads or not words or words[-1].strip(".,;:") not in heads or found is None:
        return False
    return not any(words[-1].strip(".,;:") in n.lower().split() for n in (found.name, *found.aliases))


def _registry_actor(phrase: str | None) -> str | None:
    """A registry actor id for an unresolved speaker, through the claims source patterns; None otherwise
    (the patterns' own group ids such as "ukraine-officials" are no actors: the speaker's words stay)."""
    from ..voices.registry import default_registry
    found = resolve_actor(phrase) if phrase else None
    return found if found and default_registry().get(found) else None


def _interval(m: dict) -> tuple[float, float]:
    lo = m["min_value"] if m["min_value"] is not None else float("-inf")
    hi = m["max_value"] if m["max_value"] is not None else float("inf")
    if m["hedge"] in ("about", "nearly"):
        lo, hi = lo * 0.9, hi * 1.1
    return lo, hi


def collect_members(store: Store, case: dict | None = None) -> list[dict]:
    """Every claim span as a group member; ``case`` (``claims.case.load_case``) names, merges or splits."""
    members = []
    for doc in store.iter_documents():
        for m in _doc_members(store, doc):
            if case:
                apply_case(m, case)
            members.append(m)
    return members


def _doc_members(store: Store, doc) -> list[dict]:
    """One document's claims as group members (no case applied)."""
    members = []
    spans = store.spans(doc.id, ["claim", "attribution"])
    attributions = [s for s in spans if s.layer == "attribution"]
    outlet = doc.get("outlet") or doc.get("site_name")
    for c in (s for s in spans if s.layer == "claim" and s.label != "figure"):   # figures: no subject, no group
        source, method, via = _source(c, attributions, outlet, doc.text)
        a = c.attrs
        if a.get("value_kind") == "fraction":   # one scale for shares: "nearly a third" = 33.3 (%), like "33%"
            a = {**a, "min": _pct(a.get("min")), "max": _pct(a.get("max"))}
        as_of = a.get("as_of") or {}
        members.append({
            "doc_id": doc.id, "duplicate_of": doc.duplicate_of, "start": c.start, "end": c.end,
            "role": c.label, "subject": a.get("subject"), "label": a.get("subject_label") or a.get("subject"),
            "value_kind": _CLASS.get(a.get("value_kind"), None) if c.label == "quantity" else None,
            "source": source, "source_method": method, "via": via, "outlet": outlet,
            "published": doc.get("published"), "as_of": as_of.get("value"), "as_of_text": as_of.get("text"),
            "as_of_resolved": bool(as_of.get("resolved")), "min_value": a.get("min"), "max_value": a.get("max"),
            "hedge": a.get("hedge"), "increment": bool(a.get("increment")), "vague": bool(a.get("vague")),
            "text": doc.text[c.start:c.end], "disputes": a.get("disputes"), "implied_total": a.get("implied_total"),
            "source_name": _reader_name(source, a, doc.language), "phrase": a.get("assertion_phrase"),
            "context": _context(doc.text, c.start, c.end)})
        if (a.get("subject") or "").startswith("count:") and c.label == "quantity":
            # for a measure found by likeness (claims.prototypes): the side its sentence names
            members[-1]["side"] = side_at(doc.text, c.start, c.end, doc.language, a["subject"].split(":", 1)[1])
            members[-1]["lang"] = doc.language
    return members


def kept_members(store: Store, case: dict | None, changed: list[str] | None) -> list[dict]:
    """``collect_members``, reusing each document's members kept in ``reconcile_doc_members`` unless
    the document is in ``changed`` (None: all are), its outlet, site or language changed, or the
    actor registry did; the others are computed and kept. Equal to ``collect_members``."""
    from ..voices.registry import default_registry
    c = store.conn
    reg_version = default_registry().version
    if changed is None:
        c.execute("DELETE FROM reconcile_doc_members")
        kept: dict[str, tuple[str, str]] = {}
    else:
        skip = set(changed)
        kept = {d: (k, m) for d, k, m in c.execute("SELECT doc_id, key, members FROM reconcile_doc_members")
                if d not in skip}
    members, fresh = [], []
    for doc_id, meta_json, duplicate_of in c.execute(
            "SELECT id, meta, duplicate_of FROM documents ORDER BY seq").fetchall():
        meta = json.loads(meta_json)

        def get(name: str):
            return MetaField.from_dict(meta[name]).value if name in meta else None
        key = json.dumps([get("outlet"), get("site_name"), get("language"), reg_version], ensure_ascii=False)
        hit = kept.get(doc_id)
        if hit and hit[0] == key:
            ms = json.loads(hit[1])
            for m in ms:
                if "side" in m:
                    m["side"] = tuple(m["side"])
        else:
            doc = store.get_document(doc_id)
            ms = _doc_members(store, doc) if doc is not None else []
            fresh.append((doc_id, key, json.dumps(ms, ensure_ascii=False)))
        for m in ms:
            m["duplicate_of"], m["published"] = duplicate_of, get("published")
            if case:
                apply_case(m, case)
            members.append(m)
    c.executemany("INSERT OR REPLACE INTO reconcile_doc_members(doc_id, key, members) VALUES (?, ?, ?)", fresh)
    return members


def _pct(v: float | None) -> float | None:
    return None if v is None else round(v * 100, 4)


def _context(text: str, start: int, end: int, width: int = 240) -> str:
    """The claim's sentence (as far as ``width`` characters each way), its number masked."""
    left = text[max(0, start - width):start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("! "), left.rfind("? "))
    left = left[cut + 1:] if cut >= 0 else left
    right = text[end:end + width]
    m = re.search(r"[.!?](?:\s|$)|\n", right)
    right = right[:m.start() + 1] if m else right
    return (left + "#" + right).strip()


def split_generic(members: list[dict], vectors) -> dict[int, int]:
    """Cluster ids for generic members (index into ``members`` -> cluster within its noun group)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    out: dict[int, int] = {}
    by_noun: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        if (m["subject"] or "").startswith("count:") and m["role"] == "quantity":
            by_noun[f"{m['subject']}|{m['value_kind']}"].append(i)
    for idx in by_noun.values():
        if len(idx) < 2:
            out.update({i: 0 for i in idx})
            continue
        x = np.asarray([vectors[i] for i in idx], dtype=np.float64)
        z = linkage(x, method="average", metric="cosine")
        labels = fcluster(z, t=GENERIC_SPLIT, criterion="distance")
        out.update({i: int(k) for i, k in zip(idx, labels)})
    return out


def build_groups(members: list[dict], clusters: dict[int, int] | None = None) -> dict[str, dict]:
    """Groups keyed by subject and value class; ``clusters`` (from ``split_generic``) splits generic subjects."""
    groups: dict[str, dict] = {}
    for i, m in enumerate(members):
        if m["subject"] == "":
            continue           # a discovered assertion stated in one document only (claims.assertions)
        kind = "quantity" if m["role"] == "quantity" else "assertion"
        key = f"{m['subject']}|{m['value_kind'] or kind}"
        label = m["label"]
        subject = m["subject"] or ""
        if _addition(m) and ADDITIONAL_SUFFIX not in subject:
            # "an additional 3,000 sent" is a figure of its own, not the total
            key = f"{subject}{ADDITIONAL_SUFFIX}|{m['value_kind'] or kind}"
            label = f"{label} (additional)"
        if EPISODE_SUFFIX in subject or subject.endswith(PER_EVENT):
            # episodes (one strike, one week) and per-event counts (aircraft detected in one drill) group
            # with their own month only: two drills' counts are two figures, not a disagreement. A plan groups
            # by what is planned (side, role, measure), whenever it was reported: two plans differ in those.
            month = _event_month(m)
            key += f"|{month}"
            # the month is part of what the figure counts, so it is part of its name: two drills' "aircraft
            # detected" groups read apart in every listing ("…, 2025-04"; "…, undated" where no date is known)
            label = f"{label}, {month or 'undated'}"
        if clusters and clusters.get(i):
            key += f"|{clusters[i]}"
        value_kind = m["value_kind"]
        if m["role"] == "dispute":
            # a dispute joins the group of what it disputes: an assertion, or a figure ("denied these reports")
            d = m.get("disputes") or {}
            if d.get("kind") == "quantity":
                kind, value_kind = "quantity", _CLASS.get(d.get("value_kind")) or "count"
                key = f"{m['subject']}|{value_kind}"
            else:
                key = f"{m['subject']}|assertion"
        g = groups.setdefault(key, {"id": hashlib.sha1(key.encode()).hexdigest()[:12], "subject": m["subject"],
                                    "label": label, "kind": kind, "value_kind": value_kind, "members": []})
        g["members"].append(m)
    root_outlets = {m["doc_id"]: m["outlet"] for m in members}
    for g in groups.values():
        _summarise(g, root_outlets)
    _label_split(groups)
    return groups


_MONTH = re.compile(r"\d{4}-\d{2}")


def _event_month(m: dict) -> str:
    """The month an event's count belongs to: its as-of month; for "now", "this week" or a weekday of no stated
    year (as-of values such as PRESENT_REF, XXXX-WX) the month of the report that gives it; else ""."""
    as_of, published = str(m.get("as_of") or ""), str(m.get("published") or "")
    if _MONTH.match(as_of):
        return as_of[:7]
    if as_of[:4].isdigit():
        return as_of[:4]        # a year, or a week or season of a known year: the year
    return published[:7] if _MONTH.match(published) else ""


_LABEL_STOP = set("the a an of in on at to for and or by with from as is are was were be been has have had that this "
                  "these those it its their his her they he she which who over more than about some after before into "
                  "under during dprk said says".split())


def _label_split(groups: dict[str, dict]) -> None:
    """Generic groups split from one noun get the words that set them apart: "flat (hwasong, pyongyang, third)"."""
    by_subject: dict[str, list[dict]] = defaultdict(list)
    for g in groups.values():
        if g["subject"] and g["subject"].startswith("count:") and g["kind"] == "quantity":
            by_subject[f"{g['subject']}|{g['value_kind']}"].append(g)
    for siblings in by_subject.values():
        if len(siblings) < 2:
            continue
        counts = []
        for g in siblings:
            c: dict[str, int] = defaultdict(int)
            for m in g["members"]:
                for w in set(re.findall(r"[^\W\d_]{3,}", (m.get("context") or "").lower())):
                    c[w] += 1
            counts.append(c)
        for g, c in zip(siblings, counts):
            others = {w for o in counts if o is not c for w in o}
            noun = g["subject"].split(":", 1)[1]
            words = [w for w, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
                     if w not in _LABEL_STOP and w not in others and not w.startswith(noun[:4])][:3]
            if words:
                g["label"] = f"{g['label']} ({', '.join(words)})"


_ADDABLE = ("deployed", "supplied")


def _addition(m: dict) -> bool:
    """An increment of a figure that adds up ("another 3,000 sent"); "300 dead and another 2,700 wounded" is
    a level of its own measure, not an addition."""
    subject = m["subject"] or ""
    return bool(m["increment"]) and m["role"] == "quantity" and "/" in subject \
        and subject.split("/", 1)[1].startswith(_ADDABLE) and PLANNED_SUFFIX not in subject


def _origin(m: dict, root_outlets: dict[str, str | None]) -> str:
    """Who first stated a claim: the named source; else the outlet of the first copy; else that copy itself.

    ``root_outlets`` maps document ids to their outlet, so that a copy (``duplicate_of``) in an aggregator
    counts with the article it copies, not as its own outlet. Documents with no source and no known
    outlet are each their own origin: five unrelated articles whose outlet is unknown are five origins,
    not one called "unknown".
    """
    if m["source_method"] in ("attribution", "sentence-rule"):
        return m["source"]
    root = m["duplicate_of"] or m["doc_id"]
    return root_outlets.get(root, m["outlet"]) or f"unknown:{root}"


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-(SP|SU|FA|WI))?$")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SAME_PERIOD_DAYS = 31       # two as-of periods closer than this are "the same time" for a disagreement


def period(value: str | None) -> tuple[date, date] | None:
    """The days an as-of value covers: "2024-10" -> Oct 1..31; None for unresolved ones (PY-SU, PAST_REF-year)."""
    m = _PERIOD.match(value or "")
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            return date(y, mo, 1), date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)
        if m.group(4):
            d = date.fromisocalendar(y, int(m.group(4)), 1)
            return d, d + timedelta(days=6)
        if m.group(5):
            start = date(y, _SEASON_START[m.group(5)], 1)
            return start, start + timedelta(days=91)
    except ValueError:
        return None
    return date(y, 1, 1), date(y, 12, 31)


def _same_period(m1: dict, m2: dict) -> bool | None:
    """True when two claims speak of about the same time, False when clearly apart, None when a date is unknown."""
    p1 = period(m1["as_of"]) if m1.get("as_of_resolved") else None
    p2 = period(m2["as_of"]) if m2.get("as_of_resolved") else None
    if p1 is None or p2 is None:
        return None
    gap = max(p1[0], p2[0]) - min(p1[1], p2[1])
    return gap.days <= SAME_PERIOD_DAYS


def _who(m: dict, origin: str) -> str:
    """A conflict's side as a reader names it: the source's name, "not stated" when nobody is named."""
    if m["source_method"] == "unknown":
        return "not stated (outlet unknown)"
    return m.get("source_name") or origin


def _named(m: dict) -> bool:
    """Whether a claim names its source (an attribution or a sentence's "according to X"), not only its outlet."""
    return m["source_method"] in ("attribution", "sentence-rule") and bool(m["source"])


def _established(subject: str | None) -> bool:
    """A discovered subject with a named side (``north-korean/killed``), or one a case file pins."""
    s = subject or ""
    return bool(s) and not s.startswith(("count:", "unnamed"))


def _summarise(g: dict, root_outlets: dict[str, str | None]) -> None:
    for m in g["members"]:
        m["origin"] = _origin(m, root_outlets)
    _same_source_shortened(g["members"])
    summarise(g)


def _source_words(m: dict) -> frozenset[str]:
    names = (m.get("source_name") or "", (m.get("source") or "").removeprefix("auto:"))
    return frozenset(w for n in names for w in re.findall(r"[^\W_]+", n.lower()) if len(w) > 1)


def _same_source_shortened(members: list[dict]) -> None:
    """One document naming a source in full and then shorter ("Taiwan's defence ministry" ... "the defence
    ministry said") gives one origin, not two: within a document, a named source whose words all lie in
    another's (or the same words, as an actor id and as written) takes the fullest one's origin, so one source
    revising its own figure never "disagrees"."""
    named = [m for m in members if m["source_method"] in ("attribution", "sentence-rule")]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in named:
        by_doc[m["duplicate_of"] or m["doc_id"]].append(m)
    for ms in by_doc.values():
        words = {m["origin"]: _source_words(m) for m in ms}
        for m in ms:
            own = words[m["origin"]]
            fuller = [o for o, w in words.items() if own and own <= w]      # its own origin among them
            if fuller:
                m["origin"] = max(fuller, key=lambda o: (len(words[o]), o))


def summarise(g: dict) -> None:
    """A group's range, spread, origins, conflicts and flags from its members (each with its ``origin``).

    Pure over ``g["members"]``: the stage calls it on the whole store's members, a story's view
    (claims/scoped.py) on the story's members only."""
    ms = g["members"]
    core = [m for m in ms if m["role"] == "quantity" and not _addition(m) and not m["vague"]
            and not (m["increment"] and not (m["subject"] or "").count("/"))]
    lows = [m["min_value"] for m in core if m["min_value"] is not None]
    highs = [m["max_value"] for m in core if m["max_value"] is not None]
    vals = lows + highs
    g["min_value"] = min(vals) if vals else None
    g["max_value"] = max(vals) if vals else None
    g["spread"] = round((g["max_value"] - g["min_value"]) / g["max_value"], 4) \
        if vals and g["max_value"] else None
    by_origin: dict[str, list[dict]] = defaultdict(list)
    for m in core:
        by_origin[m["origin"]].append(m)
    conflicts, changes = [], []
    origins = sorted(by_origin)
    for i, o1 in enumerate(origins):
        for o2 in origins[i + 1:]:
            for m1 in by_origin[o1]:
                for m2 in by_origin[o2]:
                    (a1, b1), (a2, b2) = _interval(m1), _interval(m2)
                    if b1 < a2 or b2 < a1:
                        pair = {"a": [_who(m1, o1), m1["text"], m1["as_of"]], "b": [_who(m2, o2), m2["text"], m2["as_of"]]}
                        when = _same_period(m1, m2)
                        if when is False:
                            changes.append(pair)      # 11,000 in October 2024, 15,000 in 2025: a change, not a dispute
                        else:
                            conflicts.append(pair | {"period": "same" if when else "undated",
                                                     "named": _named(m1) and _named(m2)})
    # Sources disagree only about one established quantity: a generic group (same noun, similar sentences)
    # or one whose side is unnamed may hold different things, so its spread is shown but never flagged.
    # Conflicts are only counted between two origins: a group with one source never disagrees. The flag
    # needs a conflict between two named sources (each figure says who gives it) about the same period.
    g["disagreement"] = _established(g["subject"]) and any(c["period"] == "same" and c["named"] for c in conflicts)
    # disputed: a dispute stands against something the group holds; a lone denial whose claim was not found
    # ("X questions …" with nothing asserted) is listed, not flagged
    g["disputed"] = any(m["role"] == "dispute" for m in ms) and any(m["role"] != "dispute" for m in ms)
    g["n_claims"] = len(ms)
    g["n_sources"] = len({m["source"] for m in ms})
    g["n_origins"] = len({m["origin"] for m in ms if m["role"] != "dispute"})
    g["summary"] = {"conflicts": conflicts[:20], "changes_over_time": changes[:20],
                    "disputed_by": sorted({m["source"] for m in ms if m["role"] == "dispute"}),
                    "relays": sorted({v for m in ms for v in m["via"]}),
                    "outlets": sorted({m["outlet"] for m in ms if m["outlet"]}),
                    "implied_totals": [{"source": m["source"], "doc_id": m["doc_id"], "as_of": m["as_of"],
                                        **m["implied_total"]} for m in ms if m.get("implied_total")]}


def save_groups(store: Store, groups: dict[str, dict]) -> None:
    c = store.conn
    c.execute("DELETE FROM claim_group_members")
    c.execute("DELETE FROM claim_groups")
    for g in groups.values():
        c.execute("INSERT INTO claim_groups(id, subject, label, kind, value_kind, n_claims, n_sources, n_origins,"
                  " min_value, max_value, spread, disagreement, disputed, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  (g["id"], g["subject"], g["label"], g["kind"], g["value_kind"], g["n_claims"], g["n_sources"],
                   g["n_origins"], g["min_value"], g["max_value"], g["spread"], int(g["disagreement"]),
                   int(g["disputed"]), json.dumps(g["summary"], ensure_ascii=False)))
        c.executemany(
            'INSERT INTO claim_group_members(group_id, doc_id, start, "end", role, source, source_method, origin,'
            " outlet, published, as_of, as_of_resolved, min_value, max_value, hedge, increment, text, attrs)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(g["id"], m["doc_id"], m["start"], m["end"], m["role"], m["source"], m["source_method"], m["origin"],
              m["outlet"], m["published"], m["as_of"], int(m["as_of_resolved"]), m["min_value"], m["max_value"],
              m["hedge"], int(m["increment"]),
              m["text"], json.dumps({"as_of_text": m["as_of_text"], "via": m["via"], "vague": m["vague"],
                                     "disputes": m["disputes"], "implied_total": m.get("implied_total"),
                                     "source_name": m.get("source_name")},
                                    ensure_ascii=False)) for m in g["members"]])


@corpus_stage("reconcile", version=VERSION, requires=("claims", "attributions"), version_of=stage_version)   # sources: attribution spans
def reconcile(store: Store, settings: Settings, ctx: CorpusContext) -> dict:
    """Group claims about the same quantity or assertion across documents; flag spread and disputes."""
    # Members are kept per document (only changed documents are read again); the grouping runs over
    # all of them on each run, which keeps cross-document groups exact.
    case = load_case(settings.claims_case)
    members = kept_members(store, case, None if ctx.full else ctx.changed_docs)
    generic = [i for i, m in enumerate(members) if (m["subject"] or "").startswith("count:")]
    vectors = dict(zip(generic, embed_cached(store, [members[i]["context"] for i in generic]))) if generic else {}
    by_likeness = prototypes.assign(members, vectors, lambda texts: embed_cached(store, texts))
    if case and by_likeness:
        for i in vectors:
            apply_case(members[i], case)
    follow_pins(members)
    # assertions: discovered keys grouped across languages by the encoder, unless a case file pinned them
    found = [i for i, m in enumerate(members) if m["role"] == "assertion" and (m["subject"] or "").startswith(PREFIX)]
    if found:
        # one vector per distinct phrase (~2 members each), shared by the members that say it
        phrases = [members[i]["phrase"] or members[i]["text"] for i in found]
        at = {p: n for n, p in enumerate(dict.fromkeys(phrases))}
        distinct = embed_cached(store, list(at))
        keys = group_assertions(members, {i: distinct[at[p]] for i, p in zip(found, phrases)})
        for i, key in keys.items():
            members[i]["subject"] = key
    groups = build_groups(members, split_generic(members, vectors) if generic else None)
    save_groups(store, groups)
    return {"groups": len(groups), "claims": sum(g["n_claims"] for g in groups.values()),
            "disagreements": sum(g["disagreement"] for g in groups.values()),
            "disputed": sum(g["disputed"] for g in groups.values()), "measures_by_likeness": by_likeness}
