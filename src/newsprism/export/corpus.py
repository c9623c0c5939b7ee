"""Rows of the corpus tables (claims, actors, techniques, framing, narratives, timeline).

Each table is read through its feature's query function and flattened to the
columns declared in ``records.CORPUS_TABLES``. A stage that has not run gives
an empty table (``corpus_status`` says which ran), never an error.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..store import Store
from .records import CORPUS_TABLES, dumps

# Over-used terms kept per outlet group in the export (the report shows fewer).
EXPORT_TOP_TERMS = 100
CORPUS_STAGES = ("actors", "reconcile", "framing", "narratives", "timeline")


def corpus_status(store: Store) -> dict[str, str]:
    """Each corpus stage's last status (``ok``, ``failed``) or ``not run``."""
    out = {}
    for stage in CORPUS_STAGES:
        row = store.corpus_run(stage)
        out[stage] = row["status"] if row else "not run"
    return out


def _ran(store: Store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def claim_rows(store: Store) -> tuple[list[dict], list[dict]]:
    if not _ran(store, "reconcile"):
        return [], []
    from ..corpus.reconcile import load_groups
    from ..framing.queries import omission
    sides = {g["group_id"]: g for g in (omission(store).get("groups") or [])}
    groups, members = [], []
    for g in load_groups(store, include_generic=True):
        s, o = g.get("summary") or {}, sides.get(g["id"], {})
        groups.append({
            "group_id": g["id"], "subject": g["subject"], "label": g.get("label"), "kind": g["kind"],
            "value_kind": g.get("value_kind"), "n_claims": g["n_claims"], "n_sources": g["n_sources"],
            "n_origins": g["n_origins"], "min_value": g.get("min_value"), "max_value": g.get("max_value"),
            "spread": g.get("spread"), "disagreement": bool(g["disagreement"]), "disputed": bool(g["disputed"]),
            "disputed_by": dumps(s.get("disputed_by") or []), "relays": dumps(s.get("relays") or []),
            "outlets": dumps(s.get("outlets") or []), "conflicts": dumps(s.get("conflicts") or []),
            "changes_over_time": dumps(s.get("changes_over_time") or []),
            "claim_outlets": dumps(o.get("claim_outlets") or []),
            "counter_outlets": dumps(o.get("counter_outlets") or []),
            "silent_outlets": dumps(o.get("silent") or [])})
        for m in g["members"]:
            a = m.get("attrs") or {}
            members.append({
                "group_id": g["id"], "doc_id": m["doc_id"], "start": m["start"], "end": m["end"],
                "text": m.get("text"), "role": m["role"], "source": m.get("source"),
                "source_method": m.get("source_method"), "origin": m.get("origin"), "via": dumps(a.get("via") or []),
                "outlet": m.get("outlet"), "published": m.get("published"), "as_of": m.get("as_of"),
                "as_of_text": a.get("as_of_text"), "as_of_resolved": bool(m.get("as_of_resolved")),
                "min_value": m.get("min_value"), "max_value": m.get("max_value"), "hedge": m.get("hedge"),
                "increment": bool(m.get("increment")), "vague": bool(a.get("vague")),
                "disputes": dumps(a.get("disputes")),
                "source_name": a.get("source_name") or m.get("source"), "implied_total": dumps(a.get("implied_total"))})
    return groups, members


def actor_rows(store: Store) -> list[dict]:
    if not _ran(store, "actors"):
        return []
    from ..voices.query import list_actors
    return [{"actor_id": a["id"], "name": a["name"], "type": a.get("type"), "country": a.get("country"),
             "affiliation": a.get("affiliation"), "state_affiliated": a.get("state_affiliated"),
             "source": a.get("source"), "registry_version": a.get("registry_version"),
             "mentions": a.get("mentions"), "attributions": a.get("attributions"), "documents": a.get("documents"),
             "aliases": dumps(a.get("aliases") or [])} for a in list_actors(store)]


def technique_rows(store: Store) -> list[dict]:
    from ..techniques import TECHNIQUES
    from ..techniques.summaries import profile
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


def framing_rows(store: Store) -> tuple[list[dict], list[dict]]:
    if not _ran(store, "framing"):
        return [], []
    from ..framing.queries import outlet_terms, variant_usage
    variants = [{"referent": r["referent"], "outlet": r["outlet"], "affiliation": r["affiliation"], "variant": v,
                 "connotation": u["connotation"], "own": u["own"], "scare_quoted": u["scare_quoted"],
                 "reported": u["reported"]}
                for r in variant_usage(store) for v, u in r["variants"].items()]
    terms = [{"scope": g["scope"], "group": g["group"], "rank": i, **t}
             for g in outlet_terms(store, top=EXPORT_TOP_TERMS) for i, t in enumerate(g["terms"], 1)]
    return variants, terms


def narrative_rows(store: Store) -> list[dict]:
    if not _ran(store, "narratives"):
        return []
    from ..framing.queries import narratives
    return [{"narrative_id": n["id"], "label": n["label"], "phrases": dumps(n["phrases"]), "size": n["size"],
             "cohesion": n.get("cohesion"), "model": n.get("model"), "by_outlet": dumps(n["by_outlet"]),
             "by_affiliation": dumps(n.get("by_affiliation") or {}), "by_month": dumps(n["by_month"]),
             "exemplars": dumps(n["exemplars"])} for n in narratives(store)]


def timeline_rows(store: Store) -> tuple[list[dict], list[dict]]:
    if not _ran(store, "timeline"):
        return [], []
    from ..framing.queries import events
    evs, srcs = [], []
    for e in events(store):
        evs.append({"event_id": e["id"], "date": e["date"], "granularity": e.get("granularity"),
                    "label": e.get("label"), "n_sources": e["n_sources"], "n_outlets": e.get("n_outlets"),
                    "earliest_doc": e.get("earliest_doc"), "earliest_report": e.get("earliest_report"),
                    "claim_subjects": dumps(e.get("claim_subjects") or [])})
        srcs += [{"event_id": e["id"], **{k: s.get(k) for k in ("doc_id", "start", "end", "outlet", "published",
                                                                "time_text", "text")}} for s in e["sources"]]
    return evs, srcs


def corpus_tables(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every corpus table's rows, in ``CORPUS_TABLES`` order (empty when its stage has not run)."""
    groups, members = claim_rows(store)
    variants, terms = framing_rows(store)
    events, sources = timeline_rows(store)
    tables = {"claim_groups": groups, "claim_members": members, "actors": actor_rows(store),
              "technique_profile": technique_rows(store), "framing_variants": variants, "framing_terms": terms,
              "narratives": narrative_rows(store), "timeline_events": events, "timeline_sources": sources}
    return {t: tables[t] for t in CORPUS_TABLES}


def as_json_record(table: str, row: dict[str, Any], schema_version: str) -> dict[str, Any]:
    """A corpus row for the JSONL file: tagged with its table, JSON columns as JSON values."""
    out: dict[str, Any] = {"table": table, "schema_version": schema_version}
    for c in CORPUS_TABLES[table]:
        v = row.get(c.name)
        out[c.name] = json.loads(v) if c.json and isinstance(v, str) else v
    return out


def iter_corpus_records(store: Store, schema_version: str) -> Iterator[dict]:
    """Every corpus row as one JSON record (the ``.corpus.jsonl`` file), table by table."""
    for table, rows in corpus_tables(store).items():
        for row in rows:
            yield as_json_record(table, row, schema_version)
