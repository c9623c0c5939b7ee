"""Every CLI view takes ``--story NAME``: claims, voices, actors, framing, narratives, timeline, report, export
and search. A story that does not exist is a one-line error, never a traceback; a story's view shows nothing of
the documents outside it. Documents are sentences written for the test (test_search_stories)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.store import open_store
from newsprism.store import stories

from test_search_stories import DOCS, _add

VIEWS = [["claims"], ["voices", "putin"], ["actors"], ["framing"], ["narratives"], ["timeline"], ["search", "x"],
         ["report", "-o", "{tmp}/r.html"], ["export", "-o", "{tmp}/e.jsonl"]]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "s.db"
    with open_store(path) as s:
        ids = {d[0]: _add(s, *d) for d in DOCS}
        stories.save(s.conn, "summit", "Pyongyang")
    return {"path": str(path), "ids": ids}


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v[0])
def test_every_view_refuses_an_unknown_story_in_one_line(db, view, tmp_path):
    args = [a.format(tmp=tmp_path) for a in view]
    r = CliRunner().invoke(cli, ["--db", db["path"], *args, "--story", "no-such-story"])
    assert r.exit_code != 0, (view, r.output)
    assert "Traceback" not in r.output and "no-such-story" in r.output
    assert len([ln for ln in r.output.splitlines() if ln.startswith("error")]) == 1


@pytest.mark.parametrize("view", [["claims", "--json"], ["actors", "--json"], ["framing", "--json"],
                                  ["timeline", "--json"], ["search", "--json", "Putin OR Харків"]], ids=lambda v: v[0])
def test_every_view_shows_only_the_story(db, view):
    r = CliRunner().invoke(cli, ["--db", db["path"], *view, "--story", "summit"])
    assert r.exit_code == 0, r.output
    outside = [v for k, v in db["ids"].items() if k != "en2"]
    assert not [x for x in outside if x in r.output]
    assert "Kursk" not in r.output and "Курск" not in r.output
    json.loads(r.output)


def test_framing_contrasts_are_computed_within_the_story(tmp_path):
    """An outlet's over-used words in a story are against the story's other documents, not the whole store:
    words only documents outside the story use count nowhere."""
    from newsprism.framing.queries import outlet_terms
    path = tmp_path / "f.db"
    with open_store(path) as s:
        ids = {d[0]: _add(s, *d) for d in DOCS}
        counts = {"en1": {"incursion": 400, "village": 300}, "ru1": {"operation": 400, "village": 300},
                  "en3": {"parade": 900, "village": 90}, "uk1": {"operation": 900, "village": 90}}
        for key, terms in counts.items():
            outlet = next(d[2] for d in DOCS if d[0] == key)
            s.conn.execute("INSERT INTO framing_doc_terms(doc_id, outlet, n_tokens, terms) VALUES (?,?,?,?)",
                           (ids[key], outlet, sum(terms.values()), json.dumps(terms)))
        stories.save(s.conn, "front", None, [ids["en1"], ids["ru1"]])
        got = {(g["scope"], g["group"]): {t["term"]: t for t in g["terms"]}
               for g in outlet_terms(s, "outlet", story="front")}
    assert set(got) == {("outlet", "Alpha Wire"), ("outlet", "Beta Agency")}
    alpha = got[("outlet", "Alpha Wire")]
    assert "incursion" in alpha and "parade" not in alpha
    assert alpha["incursion"]["n_group"] == 400 and alpha["incursion"]["n_rest"] == 0
    assert "operation" in got[("outlet", "Beta Agency")]
    assert got[("outlet", "Beta Agency")]["operation"]["n_rest"] == 0     # uk1's 900 lie outside the story


def test_the_timeline_period_is_the_storys(db):
    """The timeline's period is the story's own publication dates (the store's spans 1995 to 2024): an event
    of 1995 is a historical reference of the story, shown apart, not the start of its timeline."""
    from newsprism.framing.scoped import PERIOD_LEAD_DAYS, coverage_period, in_period
    with open_store(db["path"]) as s:
        stories.save(s.conn, "front", None, [db["ids"]["en1"], db["ids"]["ru1"]])
        whole, front = coverage_period(s), coverage_period(s, "front")
    assert whole["first"] == "1995-07-27"
    assert (front["first"], front["last"]) == ("2024-08-12", "2024-08-13") and PERIOD_LEAD_DAYS >= 0
    assert in_period("1995-07-27", whole) and not in_period("1995-07-27", front)
    assert in_period("2024-08-12", front) and not in_period("2024-10-20", front)


def test_the_attention_chart_axis_has_no_holes(tmp_path):
    """The volume chart's time axis runs over every month from the first to the last (a month without coverage
    is a zero column, not left out); coverage over more than three years is charted by year."""
    from newsprism.store.stories import MAX_MONTHS, story_volume
    with open_store(tmp_path / "v.db") as s:
        ids = {d[0]: _add(s, *d) for d in DOCS}
        stories.save(s.conn, "front", None, [ids["en1"], ids["ko1"]])
        v = story_volume(s.conn, "front")
        assert v["months"] == ["2024-08", "2024-09", "2024-10"]
        assert sum(sum(x) for x in v["series"].values()) == 2 and [sum(x) for x in zip(*v["series"].values())][1] == 0
        whole = story_volume(s.conn, None)               # 1995 to 2024: by year
        assert 1995 + MAX_MONTHS // 12 < 2024 and whole["months"][0] == "1995" and whole["months"][-1] == "2024"
        assert len(whole["months"]) == 30


def test_a_storys_assertion_group_is_labelled_by_what_its_own_claims_say(db):
    """A discovered assertion group formed over the whole store takes its label from one member ("back war");
    in a story whose members say something else, the label is the story's own first assertion as written."""
    from newsprism.claims.query import load_groups
    with open_store(db["path"]) as s:
        stories.save(s.conn, "two", None, [db["ids"]["en1"], db["ids"]["en2"]])
        s.conn.execute("INSERT INTO claim_groups(id, subject, label, kind, n_claims, n_sources, n_origins)"
                       " VALUES ('ga', 'assert:back/war', 'back war', 'assertion', 3, 3, 3),"
                       " ('gb', 'assert:sign/treaty', 'sign treaty', 'assertion', 2, 2, 2)")
        rows = [("ga", "en1", "the war was triggered"), ("ga", "ko1", "backed the war"),
                ("gb", "en2", "the two leaders signed it"), ("gb", "en2", "signed the treaty")]
        for gid, key, text in rows:
            s.conn.execute('INSERT INTO claim_group_members(group_id, doc_id, start, "end", role, source,'
                           " source_method, origin, text) VALUES (?, ?, 0, 5, 'assertion', 's', 'm', 'o', ?)",
                           (gid, db["ids"][key], text))
        s.conn.commit()
        labels = {g["id"]: g["label"] for g in load_groups(s, include_generic=True, story="two")}
        whole = {g["id"]: g["label"] for g in load_groups(s, include_generic=True)}
        s.conn.execute("DELETE FROM claim_group_members WHERE group_id IN ('ga', 'gb')")
        s.conn.execute("DELETE FROM claim_groups WHERE id IN ('ga', 'gb')")
        s.conn.commit()
    assert labels == {"ga": "“the war was triggered”", "gb": "sign treaty"}
    assert whole == {"ga": "back war", "gb": "sign treaty"}
