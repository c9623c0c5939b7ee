"""Corpus stage "timeline": dated events merged across sources, each with its earliest report.

An event mention is a sentence holding a resolved ``time`` span (stage "time":
attrs value, granularity, resolved). Datelines ("Pyongyang, December 24 (KCNA)
--") date the report, not an event, and are skipped. Mentions are merged when
they carry the same normalised date and either share a claim subject (stage
"claims", e.g. ``kursk-liberated``) or read alike (rapidfuzz token-set ratio of
the sentences, dates removed, >= ``MERGE_SIMILARITY``). Each event keeps all its
sources and the earliest report (earliest publication date among them).

Incremental: events of one date depend only on that date's mentions, so a run
after documents were added or changed recomputes only the dates those documents
mention (now or in the last run), reading the mentions of every document with an
event on those dates; the other dates' events are kept. The result is the same
as a full rebuild (same events, ids and sources). A first run, a version change
or a removed document rebuilds everything.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict

from rapidfuzz import fuzz

from ..config import Settings
from ..outlets import outlet_of
from ..store import Store
from ..corpus.stage import CorpusContext, corpus_stage

VERSION = "1"
MERGE_SIMILARITY = 70
_DATELINE_AFTER = re.compile(r"^\s*(?:\d{4}\s*)?(?:\([A-Z][A-Za-z ]{1,30}\)|--|—|/[A-Z]+/)")
_UNRESOLVED = re.compile(r"[XP]")


def _mentions(store: Store, ids: list[str] | None = None) -> list[dict]:
    """Dated sentences of every document (or of ``ids``: a story's, framing/scoped.py)."""
    out = []
    for doc in store.iter_documents(ids):
        spans = store.spans(doc.id, ["sentence", "time", "claim"])
        sents = [s for s in spans if s.layer == "sentence"]
        claims = [s for s in spans if s.layer == "claim"]
        outlet = outlet_of(doc)
        for t in (s for s in spans if s.layer == "time"):
            value = t.attrs.get("value")
            if not value or not t.attrs.get("resolved", True) or _UNRESOLVED.search(str(value)):
                continue
            if t.start < 80 and _DATELINE_AFTER.match(doc.text[t.end:t.end + 20]):
                continue
            sent = next((s for s in sents if s.start <= t.start < s.end), None)
            s0, s1 = (sent.start, sent.end) if sent else (max(0, t.start - 120), min(len(doc.text), t.end + 120))
            subjects = sorted({c.attrs.get("subject") for c in claims if s0 <= c.start < s1
                               and c.attrs.get("subject") and not str(c.attrs["subject"]).startswith("count:")})
            text = doc.text[s0:s1].strip()
            out.append({"doc_id": doc.id, "start": s0, "end": s1, "date": str(value), "granularity": t.label,
                        "relation": t.attrs.get("relation"), "outlet": outlet, "published": doc.get("published"),
                        "time_text": doc.text[t.start:t.end], "text": text, "subjects": subjects,
                        "bare": text.replace(doc.text[t.start:t.end], " ")})
    return out


def merge(mentions: list[dict], threshold: int = MERGE_SIMILARITY) -> list[dict]:
    """Events: mentions of one date that share a claim subject or read alike."""
    by_date: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_date[m["date"]].append(m)
    events = []
    for date, ms in by_date.items():
        groups: list[list[dict]] = []
        for m in sorted(ms, key=lambda m: (m["published"] or "9999", m["doc_id"], m["start"])):
            for g in groups:
                if (set(m["subjects"]) & set(g[0]["subjects"])) or \
                        fuzz.token_set_ratio(m["bare"], g[0]["bare"]) >= threshold:
                    g.append(m)
                    break
            else:
                groups.append([m])
        events += [_event(date, g) for g in groups]
    events.sort(key=lambda e: (e["date"], -e["n_sources"]))
    return events


def _event(date: str, ms: list[dict]) -> dict:
    # one mention per (document, sentence): a sentence with two dates of the same day counts once
    uniq = list({(m["doc_id"], m["start"]): m for m in ms}.values())
    dated = [m for m in uniq if m["published"]]
    first = min(dated, key=lambda m: m["published"]) if dated else uniq[0]
    eid = hashlib.sha1(f"{date}|{uniq[0]['doc_id']}|{uniq[0]['start']}".encode()).hexdigest()[:12]
    return {"id": eid, "date": date, "granularity": uniq[0]["granularity"], "label": first["text"][:240],
            "n_sources": len({m["doc_id"] for m in uniq}), "n_outlets": len({m["outlet"] for m in uniq}),
            "earliest_doc": first["doc_id"], "earliest_report": first["published"],
            "claim_subjects": sorted({s for m in uniq for s in m["subjects"]}), "sources": uniq}


def save(store: Store, events: list[dict]) -> None:
    store.conn.execute("DELETE FROM timeline_event_sources")
    store.conn.execute("DELETE FROM timeline_events")
    _insert(store, events)


def _insert(store: Store, events: list[dict]) -> None:
    c = store.conn
    c.executemany("INSERT INTO timeline_events(id, date, granularity, label, n_sources, n_outlets, earliest_doc,"
                  " earliest_report, claim_subjects) VALUES (?,?,?,?,?,?,?,?,?)",
                  [(e["id"], e["date"], e["granularity"], e["label"], e["n_sources"], e["n_outlets"],
                    e["earliest_doc"], e["earliest_report"], json.dumps(e["claim_subjects"])) for e in events])
    c.executemany('INSERT INTO timeline_event_sources(event_id, doc_id, start, "end", outlet, published, time_text,'
                  " text) VALUES (?,?,?,?,?,?,?,?)",
                  [(e["id"], m["doc_id"], m["start"], m["end"], m["outlet"], m["published"], m["time_text"],
                    m["text"]) for e in events for m in e["sources"]])


def update(store: Store, changed: list[str]) -> int:
    """Recompute the events of the dates the ``changed`` documents mention now or mentioned in the last
    run; returns how many dates were recomputed."""
    if not changed:
        return 0
    c = store.conn
    new = _mentions(store, list(changed))
    dates = {m["date"] for m in new}
    for i in range(0, len(changed), 500):
        part = changed[i:i + 500]
        dates |= {r[0] for r in c.execute(
            "SELECT DISTINCT e.date FROM timeline_events e JOIN timeline_event_sources s ON s.event_id = e.id"
            f" WHERE s.doc_id IN ({','.join('?' * len(part))})", part)}
    if not dates:
        return 0
    dl = sorted(dates)
    ids: list[str] = []
    docs: set[str] = set()
    for i in range(0, len(dl), 500):
        part = dl[i:i + 500]
        q = ",".join("?" * len(part))
        ids += [r[0] for r in c.execute(f"SELECT id FROM timeline_events WHERE date IN ({q})", part)]
        docs |= {r[0] for r in c.execute(
            "SELECT DISTINCT s.doc_id FROM timeline_event_sources s JOIN timeline_events e ON e.id = s.event_id"
            f" WHERE e.date IN ({q})", part)}
    changed_set = set(changed)
    others = sorted(docs - changed_set)
    mentions = [m for m in new if m["date"] in dates]
    mentions += [m for m in _mentions(store, others) if m["date"] in dates] if others else []
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        q = ",".join("?" * len(part))
        c.execute(f"DELETE FROM timeline_event_sources WHERE event_id IN ({q})", part)
        c.execute(f"DELETE FROM timeline_events WHERE id IN ({q})", part)
    _insert(store, merge(mentions))
    return len(dates)


@corpus_stage("timeline", version=VERSION, requires=("time", "claims"), after=("reconcile",))
def timeline(store: Store, settings: Settings, ctx: CorpusContext) -> dict:
    """Dated events merged across sources, with the earliest report of each."""
    if ctx.full or ctx.removed_docs or ctx.previous is None:
        events = merge(_mentions(store))
        save(store, events)
    else:
        update(store, ctx.changed_docs)
        events = [{"n_sources": n, "sources": range(m)} for n, m in store.conn.execute(
            "SELECT e.n_sources, (SELECT count(*) FROM timeline_event_sources s WHERE s.event_id = e.id)"
            " FROM timeline_events e")]
    return {"events": len(events), "multi_source": sum(e["n_sources"] > 1 for e in events),
            "mentions": sum(len(e["sources"]) for e in events)}
