"""Timeline: merging dated mentions across sources, datelines skipped, the stage on the seeds."""

from __future__ import annotations

from newsprism.config import load_settings
from newsprism.framing import timeline as timeline_stage  # noqa: F401  (registers the stage)
from newsprism.framing.timeline import merge
from newsprism.claims import query as claims_query
from newsprism.framing import queries
from newsprism.pipeline import analyze, build_corpus, ingest


def _m(doc, date, text, published, subjects=(), outlet="X"):
    return {"doc_id": doc, "start": 0, "end": len(text), "date": date, "granularity": "day", "relation": None,
            "outlet": outlet, "published": published, "time_text": "", "text": text, "subjects": list(subjects),
            "bare": text}


def test_merge_by_date_and_similarity_keeps_the_earliest_report():
    ms = [_m("b", "2025-04-26", "Gerasimov said the Kursk region was fully liberated on April 26.", "2025-04-27", outlet="B"),
          _m("a", "2025-04-26", "Gerasimov said the Kursk region has been fully liberated.", "2025-04-26", outlet="A"),
          _m("c", "2025-04-26", "A factory in Pyongyang opened a new production line.", "2025-04-26"),
          _m("d", "2025-04-28", "Gerasimov said the Kursk region was fully liberated.", "2025-04-28")]
    ev = merge(ms)
    kursk = [e for e in ev if e["date"] == "2025-04-26" and e["n_sources"] == 2]
    assert len(kursk) == 1 and kursk[0]["earliest_doc"] == "a" and kursk[0]["earliest_report"] == "2025-04-26"
    assert kursk[0]["n_outlets"] == 2
    assert len(ev) == 3          # other date and other subject stay apart


def test_shared_claim_subject_merges_unlike_wording():
    ms = [_m("a", "2025-04", "Pyongyang confirmed its troops fought in Kursk.", "2025-04-28", ["nk-troops-in-russia"]),
          _m("b", "2025-04", "North Korea admitted for the first time sending soldiers.", "2025-04-29",
             ["nk-troops-in-russia"])]
    assert len(merge(ms)) == 1


def test_timeline_stage_on_seeds_and_a_dateline(store, settings, seeds_dir, tmp_path):
    kcna = tmp_path / "kcna.txt"
    kcna.write_text("Pyongyang, April 28 (KCNA) -- A ceremony was held in Pyongyang.\n\n"
                    "The units took part in the operation on April 26, 2025.", encoding="utf-8")
    ingest(store, [str(seeds_dir), str(kcna)], settings)
    analyze(store, settings, stages=["sentences", "time", "claims"])
    rep = build_corpus(store, settings, stages=["timeline"])
    assert not rep.failed and "reconcile" in rep.ran      # timeline runs after reconcile
    evs = queries.events(store)
    assert evs and all(e["sources"] and e["date"] for e in evs)
    texts = [s["text"] for e in evs for s in e["sources"]]
    assert not any(t.startswith("Pyongyang, April 28 (KCNA)") for t in texts)   # a dateline is not an event
    assert any("April 26, 2025" in t for t in texts)
    assert [e["date"] for e in evs] == sorted(e["date"] for e in evs)
    series = claims_query.claim_series(store)
    assert any(s["subject"] == "north-korean/deployed" and len(s["points"]) >= 2 for s in series)


def _events_table(store):
    evs = [tuple(r) for r in store.conn.execute("SELECT * FROM timeline_events ORDER BY id")]
    srcs = sorted(tuple(r) for r in store.conn.execute("SELECT * FROM timeline_event_sources"))
    return evs, srcs


def test_incremental_timeline_equals_a_full_rebuild(store, settings, tmp_path):
    """Adding documents recomputes only the dates they mention; the tables equal a full rebuild."""
    texts = {"a": "The bridge over the river opened on March 3, 2025. Officials cut a ribbon.",
             "b": "A new school was inaugurated on March 9, 2025, in the northern town.",
             "c": "The bridge over the river was opened on March 3, 2025, the ministry said.",
             "d": "Farmers began the spring sowing on April 2, 2025, across the province."}
    for k in "ab":
        (tmp_path / f"{k}.txt").write_text(texts[k], encoding="utf-8")
    ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], settings)
    analyze(store, settings, stages=["sentences", "time", "claims"])
    build_corpus(store, settings, stages=["timeline"])
    before = _events_table(store)
    assert before[0]
    for k in "cd":
        (tmp_path / f"{k}.txt").write_text(texts[k], encoding="utf-8")
    ingest(store, [str(tmp_path / "c.txt"), str(tmp_path / "d.txt")], settings)
    analyze(store, settings, stages=["sentences", "time", "claims"])
    rep = build_corpus(store, settings, stages=["timeline"])
    assert "timeline" in rep.ran
    inc = _events_table(store)
    assert inc != before and len(inc[1]) > len(before[1])
    build_corpus(store, settings, stages=["timeline"], force=True)
    assert _events_table(store) == inc
    # a document removed (its event sources cascade away): the next run rebuilds everything
    store.conn.execute("DELETE FROM documents WHERE id = (SELECT doc_id FROM timeline_event_sources"
                       " ORDER BY doc_id LIMIT 1)")
    build_corpus(store, settings, stages=["timeline"])
    after = _events_table(store)
    build_corpus(store, settings, stages=["timeline"], force=True)
    assert _events_table(store) == after
