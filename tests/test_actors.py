"""The actors corpus stage: clusters unknown names across documents, never merging different people."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from newsprism.config import load_settings
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.store import open_store
from newsprism.voices.commands import actors_cmd, voices_cmd
from newsprism.voices.query import find_actor, list_actors, voices_of

DOCS = {
    "a.txt": "Senior official Pak Jong Chon said that the army was ready. Kim Jong Il was mentioned.",
    "b.txt": "Pak Jong-chon stated that the drills would go on. Pak added that nothing had changed.",
    "c.txt": "Kim Jong Un said that the troops were heroes. KCNA reported it.",
    "d.txt": "Kim Jong Il was also named in this report about the war, and Kim Jong Il died in 2011.",
    "e.txt": "Ким Чен Ын заявил, что всё хорошо. Об этом сообщило ЦТАК в понедельник вечером.",
    "f.txt": "South Korea's spy agency published the casualty figures, which the Kremlin disputes, on Friday.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("actors")
    for name, text in DOCS.items():
        (d / name).write_text(text, "utf-8")
    settings = load_settings(environ={})
    s = open_store(d / "t.db")
    ingest(s, [str(d / n) for n in DOCS], settings)
    analyze(s, settings, stages=["entities", "attributions"])
    rep = build_corpus(s, settings)
    assert "actors" in rep.ran, rep.failed
    yield s
    s.close()


def test_unknown_names_cluster_across_documents(store):
    rows = {r["id"]: r for r in list_actors(store)}
    pak = [r for r in rows.values() if r["name"].startswith("Pak Jong")]
    assert len(pak) == 1, pak
    assert pak[0]["source"] == "auto" and pak[0]["id"].startswith("auto:")
    assert pak[0]["documents"] == 2 and pak[0]["attributions"] >= 2
    assert {"Pak Jong Chon", "Pak Jong-chon"} <= {a["alias"] for a in pak[0]["aliases"]}


def test_clearly_different_people_stay_apart(store):
    ids = {r["id"] for r in list_actors(store)}
    assert "kim-jong-un" in ids
    kim_il = [i for i in ids if i.startswith("auto:kim-jong-il")]
    assert kim_il and "auto:kim-jong-il" in ids
    m = store.conn.execute("SELECT DISTINCT actor_id FROM actor_mentions WHERE raw_actor LIKE 'auto:kim-jong-il%'")
    assert "kim-jong-un" not in {r[0] for r in m}


def test_voices_and_find_actor_across_scripts(store):
    assert find_actor(store, "김정은") == "kim-jong-un"
    assert find_actor(store, "Pak Jong Chon").startswith("auto:")
    said = [v["content"] for v in voices_of(store, "kim-jong-un")]
    assert any("the troops were heroes" in s for s in said)
    assert any("всё хорошо" in s for s in said)            # the Russian document, same actor


def test_rerun_is_skipped_and_tables_stable(store):
    before = store.conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0]
    rep = build_corpus(store, load_settings(environ={}))
    assert "actors" in rep.skipped
    assert store.conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == before


def _cli(store):
    class Obj:
        settings = None

        def store(self):
            return open_store(store.path)

    @click.group()
    @click.pass_context
    def root(ctx):
        ctx.obj = Obj()

    root.add_command(actors_cmd)
    root.add_command(voices_cmd)
    return root


def test_cli_actors_and_voices(store):
    runner = CliRunner()
    r = runner.invoke(_cli(store), ["actors", "--type", "person"])
    assert r.exit_code == 0, r.output
    assert "kim-jong-un  Kim Jong Un  [person, KP]" in r.output and "Pak Jong" in r.output
    r = runner.invoke(_cli(store), ["voices", "Ким Чен Ын", "--json"])
    d = json.loads(r.output)
    assert d["actor"] == "kim-jong-un" and len(d["statements"]) >= 2
    assert all(s["link"] and s["doc_id"] for s in d["statements"])
    r = runner.invoke(_cli(store), ["voices", "Nobody Atall"])
    assert r.exit_code == 1 and "no actor matches" in r.output


def test_a_relative_word_statement_shows_what_it_stands_for(store):
    said = [v for v in voices_of(store, "kremlin") if v["content"] == "which"]
    assert said and said[0]["refers_to"] == "the casualty figures"
    r = CliRunner().invoke(_cli(store), ["voices", "kremlin"])
    assert r.exit_code == 0 and "“which” (→ the casualty figures)" in r.output, r.output


def _actor_tables(s):
    return [sorted(tuple(r) for r in s.conn.execute(f"SELECT * FROM {t}"))
            for t in ("actors", "actor_aliases", "actor_mentions")]


def test_incremental_actors_equal_a_full_rebuild(tmp_path):
    """Added documents: only their spans are read and only new person names compared; the tables
    equal a full rebuild's, also when a new spelling joins clusters made on an earlier run."""
    first = {"p.txt": "Senior official Ri Chol Ho said that the harvest was good. Ri Chol-ho added more.",
             "q.txt": "Ri Chol Ho stated that the plan was met. Mun Kyong Sik was also present.",
             "r.txt": "The trade minister Tomas Varga said prices would fall in the spring."}
    later = {"s.txt": "Ri Chol-Ho said that the farms would grow. Mun Kyong-sik agreed with him.",
             "t.txt": "Tomas Vargas, the trade minister, said the new port would open soon.",
             "u.txt": "Mun Kyong Sik said that the new school was finished on time."}
    settings = load_settings(environ={})
    s = open_store(tmp_path / "t.db")
    try:
        def add(docs):
            for name, text in docs.items():
                (tmp_path / name).write_text(text, "utf-8")
            ingest(s, [str(tmp_path / n) for n in docs], settings)
            analyze(s, settings, stages=["entities", "attributions"])
            return build_corpus(s, settings, stages=["actors"])
        assert "actors" in add(first).ran
        names_before = {r[0] for r in s.conn.execute("SELECT name FROM actor_person_names")}
        assert names_before and s.conn.execute("SELECT count(*) FROM actor_doc_mentions").fetchone()[0] == 3
        assert "actors" in add(later).ran
        inc = _actor_tables(s)
        assert names_before < {r[0] for r in s.conn.execute("SELECT name FROM actor_person_names")}
        build_corpus(s, settings, stages=["actors"], force=True)
        assert _actor_tables(s) == inc
        # a store whose per-document mentions are missing (kept before they were): read again, same tables
        s.conn.execute("DELETE FROM actor_doc_mentions")
        s.conn.execute("DELETE FROM actor_person_names")
        s.conn.execute("DELETE FROM actor_person_matches")
        s.conn.execute("UPDATE corpus_runs SET fingerprint = 'stale' WHERE stage = 'actors'")
        assert "actors" in build_corpus(s, settings, stages=["actors"]).ran
        assert _actor_tables(s) == inc
        # a removed document (its mentions cascade away) leaves the tables of a full rebuild
        s.conn.execute("DELETE FROM documents WHERE id = (SELECT min(doc_id) FROM actor_doc_mentions)")
        build_corpus(s, settings, stages=["actors"])
        after = _actor_tables(s)
        build_corpus(s, settings, stages=["actors"], force=True)
        assert _actor_tables(s) == after
    finally:
        s.close()
