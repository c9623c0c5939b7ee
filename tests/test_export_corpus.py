"""Corpus tables in the exports: csv, parquet and the second JSONL file round-trip what the
query functions return; a store whose corpus stages have not run exports empty tables."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from newsprism.claims.query import load_groups
from newsprism.export import EXPORT_SCHEMA_VERSION, corpus_path, export, read_corpus_jsonl
from newsprism.export.records import CORPUS_TABLES, arrow_schema
from newsprism.export.tables import ROW_READERS
from newsprism.framing.queries import events, variant_usage
from newsprism.store import open_store
from newsprism.voices.query import list_actors
from test_report_corpus import HOSTILE, corpus_store  # noqa: F401  (shared session fixture)


@pytest.fixture(scope="module")
def store(corpus_store):  # noqa: F811
    with open_store(corpus_store["path"]) as s:
        yield s


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_corpus_tables_round_trip(store, tmp_path, fmt):
    summary = export(store, fmt, tmp_path)
    assert summary["corpus_stages"] == dict.fromkeys(["actors", "reconcile", "framing", "narratives", "timeline"],
                                                     "ok")
    rows = {t: ROW_READERS[fmt](tmp_path / f"{t}.{fmt}") for t in CORPUS_TABLES}
    for t in CORPUS_TABLES:
        assert summary[t] == len(rows[t]) > 0, t
    groups = load_groups(store, include_generic=True)
    assert {r["group_id"] for r in rows["claim_groups"]} == {g["id"] for g in groups}
    assert len(rows["claim_members"]) == sum(len(g["members"]) for g in groups)
    # without a case file the seeds' disputed assertion is discovered: Gerasimov's "regained full control" (claims v19)
    kursk = next(r for r in rows["claim_groups"] if r["subject"].startswith("assert:") and str(r["disputed"]) == "True")
    assert str(kursk["disputed"]) == "True" and "Ukraine".lower() in json.loads(kursk["disputed_by"])[0].lower()
    deployed = next(r for r in rows["claim_groups"] if r["subject"] == "north-korean/deployed+additional")
    totals = [json.loads(r["implied_total"]) for r in rows["claim_members"]
              if r["group_id"] == deployed["group_id"] and r["implied_total"] not in (None, "", "null")]
    assert totals and totals[0]["min"] == 14000.0                 # over 11,000 + an additional 3,000
    assert any(r["source_name"] == "Oleksandr Syrskyi" for r in rows["claim_members"])
    docs = {d.id: d.text for d in store.iter_documents()}
    for r in rows["claim_members"] + rows["timeline_sources"]:
        assert docs[r["doc_id"]][int(r["start"]):int(r["end"])] == r["text"]
    assert {r["actor_id"] for r in rows["actors"]} == {a["id"] for a in list_actors(store)}
    kim = next(r for r in rows["actors"] if r["actor_id"] == "kim-jong-un")
    assert "김정은" in [a["alias"] for a in json.loads(kim["aliases"])]
    n_variants = sum(len(r["variants"]) for r in variant_usage(store))
    assert len(rows["framing_variants"]) == n_variants
    assert {r["event_id"] for r in rows["timeline_events"]} == {e["id"] for e in events(store)}
    inside = {e["id"]: e["in_period"] for e in events(store)}
    assert {r["event_id"]: str(r["in_period"]) == "True" for r in rows["timeline_events"]} == inside
    assert set(inside.values()) == {True, False}        # the seeds recall history outside their period
    hostile_outlet = HOSTILE["source"]
    assert any(r["outlet"] == hostile_outlet for r in rows["technique_profile"])   # written exactly, as text


def test_parquet_corpus_schemas_are_the_declared_ones(store, tmp_path):
    export(store, "parquet", tmp_path)
    for t in CORPUS_TABLES:
        assert pq.read_schema(tmp_path / f"{t}.parquet").equals(arrow_schema(t, EXPORT_SCHEMA_VERSION),
                                                                 check_metadata=True)


def test_jsonl_writes_corpus_records_to_a_second_file(store, tmp_path):
    out = tmp_path / "c.jsonl"
    summary = export(store, "jsonl", out)
    side = corpus_path(out)
    assert side.name == "c.corpus.jsonl" and summary["files"] == [str(out), str(side)]
    back = read_corpus_jsonl(side)
    for t in CORPUS_TABLES:
        assert len(back[t]) == summary[t]
        assert all(r["schema_version"] == EXPORT_SCHEMA_VERSION for r in back[t])
    g = back["claim_groups"][0]
    assert isinstance(g["disputed_by"], list) and isinstance(g["disputed"], bool)   # JSON values, not text
    assert all(json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines())  # documents only


def test_store_without_corpus_stages_exports_empty_corpus_tables(tmp_path):
    from newsprism.config import load_settings
    from newsprism.pipeline import ingest
    (tmp_path / "h.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    with open_store(tmp_path / "n.db") as s:
        ingest(s, [str(tmp_path / "h.jsonl")], load_settings(environ={}))
        summary = export(s, "csv", tmp_path / "csv")
        assert export(s, "jsonl", tmp_path / "n.jsonl")["claim_groups"] == 0
    assert set(summary["corpus_stages"].values()) == {"not run"}
    for t, cols in CORPUS_TABLES.items():
        lines = (tmp_path / "csv" / f"{t}.csv").read_text(encoding="utf-8").splitlines()
        assert lines == [",".join(c.name for c in cols)], t
    assert (tmp_path / "n.corpus.jsonl").read_text() == ""
