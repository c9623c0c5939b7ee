"""Claim groups of a story are counted and flagged over the story's members only (claims/scoped.py).

The store holds documents written for the test and one claim group formed by the reconcile stage's own
``build_groups``: two ministries give different death tolls for the same month. A story holding only one
side of it must not say "sources disagree"; a story holding both must.
"""

from __future__ import annotations

import re

import pytest

from newsprism.claims.query import claim_groups, load_groups, omission
from newsprism.claims.reconcile import build_groups, save_groups
from newsprism.store import open_store
from newsprism.store import stories

from test_search_stories import _add

DOCS = [
    ("a1", "en", "Alpha Wire", "2024-08-12", "Toll rises", "The ministry said 1,000 people were killed in August."),
    ("a2", "en", "Alpha Wire", "2024-08-14", "Toll again", "The ministry repeated that 1,000 people were killed."),
    ("b1", "en", "Beta Agency", "2024-08-13", "Other toll", "The other ministry said 5,000 people were killed."),
]


def _member(doc_id: str, outlet: str, source: str, value: float) -> dict:
    return {"doc_id": doc_id, "duplicate_of": None, "start": 0, "end": 5, "role": "quantity",
            "subject": "civilians/killed", "label": "civilians killed", "value_kind": "count",
            "source": source, "source_method": "sentence-rule", "source_name": source.title(), "via": [],
            "outlet": outlet, "published": "2024-08-13", "as_of": "2024-08", "as_of_text": "in August",
            "as_of_resolved": True, "min_value": value, "max_value": value, "hedge": None, "increment": False,
            "vague": False, "text": f"{value:,.0f} people were killed", "disputes": None, "context": "#"}


@pytest.fixture()
def db(tmp_path):
    return make_store(tmp_path)


def make_store(tmp_path) -> dict:
    """The store of this module: three documents, one claim group, stories "alpha" (one side) and "both"."""
    path = tmp_path / "s.db"
    with open_store(path) as s:
        ids = {d[0]: _add(s, *d) for d in DOCS}
        members = [_member(ids["a1"], "Alpha Wire", "ministry-a", 1000),
                   _member(ids["a2"], "Alpha Wire", "ministry-a", 1000),
                   _member(ids["b1"], "Beta Agency", "ministry-b", 5000)]
        save_groups(s, build_groups(members))
        stories.save(s.conn, "alpha", 'outlet:"Alpha Wire"')
        stories.save(s.conn, "both", None, [ids["a1"], ids["b1"]])
        s.conn.commit()
    return {"path": str(path), "ids": ids}


def test_a_story_with_one_side_of_a_disagreement_is_not_flagged(db):
    with open_store(db["path"]) as s:
        (whole,) = load_groups(s)
        assert whole["disagreement"] and whole["n_origins"] == 2 and whole["spread"] == 0.8
        (one,) = load_groups(s, story="alpha")
        assert one["id"] == whole["id"] and not one["disagreement"]
        assert (one["n_claims"], one["n_origins"], one["n_sources"]) == (2, 1, 1)
        assert one["spread"] == 0.0 and one["min_value"] == one["max_value"] == 1000
        assert not one["summary"]["conflicts"] and one["summary"]["outlets"] == ["Alpha Wire"]
        assert {m["doc_id"] for m in one["members"]} == {db["ids"]["a1"], db["ids"]["a2"]}
        (both,) = load_groups(s, story="both")
        assert both["disagreement"] and both["n_claims"] == 2 and both["n_origins"] == 2
        assert claim_groups(s, 10, 0, True, "alpha")["total"] == 0          # "only disputed or disagreeing"
        assert claim_groups(s, 10, 0, True, "both")["total"] == 1
        assert "members" not in claim_groups(s, 10, 0, False, "alpha")["items"][0]


def test_a_changed_story_is_counted_again(db):
    with open_store(db["path"]) as s:
        assert not load_groups(s, story="alpha")[0]["disagreement"]
        load_groups(s, story="alpha")[0]["summary"]["conflicts"].append("scribbled")     # callers get copies
        assert load_groups(s, story="alpha")[0]["summary"]["conflicts"] == []
        stories.save(s.conn, "alpha", 'ministry')
        assert load_groups(s, story="alpha")[0]["disagreement"]


def test_omission_counts_the_story_only(db, tmp_path):
    with open_store(db["path"]) as s:
        s.conn.execute("INSERT INTO corpus_runs(stage, version, fingerprint, status, ran_at) VALUES ('reconcile', 't', 't', 'ok', 't')")
        (g,) = omission(s, story="alpha")["groups"]
        assert g["claim_outlets"] == ["Alpha Wire"] and g["silent"] == [] and not g["disputed"]


def test_web_claims_of_a_story(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from newsprism.web import create_app
    with TestClient(create_app(db["path"], warm=False)) as c:
        (item,) = c.get("/api/claims", params={"story": "alpha"}).json()["items"]
        assert item["disagreement"] is False and item["n_origins"] == 1
        assert c.get("/api/claims", params={"story": "alpha", "flagged": "true"}).json()["total"] == 0
        assert c.get("/api/claims").json()["items"][0]["disagreement"]
        one = c.get(f"/api/claims/{item['id']}", params={"story": "alpha"}).json()
        assert one["group"]["disagreement"] is False and one["n_members"] == 2
        page = c.get("/claims", params={"story": "alpha"}).text
        assert "whole store" not in page and "disagreement</span>" not in page
        assert "/claims?story=alpha&amp;flagged=true" in page       # the filter links keep the story
        assert 'href="/outlets?story=alpha"' in page and 'href="/stories"' in page     # so do the main links
        assert '<input type="hidden" name="story" value="alpha">' in page              # and the quick search
        assert 'href="/outlets"' in c.get("/claims").text
        group = c.get(f"/claims/{item['id']}", params={"story": "alpha"}).text
        assert "sources disagree" not in group and "Values that do not overlap" not in group
        assert f"/api/claims/{item['id']}?story=alpha" in group and 'href="/claims?story=alpha"' in group
        both = c.get(f"/claims/{item['id']}", params={"story": "both"}).text
        assert "sources disagree" in both and "same period, both named" in both


def test_speakers_clustered_by_the_voices_stage_read_as_their_names(db):
    from newsprism.claims.query import named
    with open_store(db["path"]) as s:
        s.conn.execute("INSERT INTO actors(id, name, type, source) VALUES ('auto:idf', 'IDF', 'org', 'auto')")
        g = {"members": [{"source": "auto:idf", "attrs": {}}, {"source": "kcna", "attrs": {"source_name": "KCNA"}}],
             "summary": {"disputed_by": ["auto:idf"], "conflicts": [{"a": ["auto:idf", "70,000", None],
                                                                    "b": ["KCNA", "274", "2024-06-08"]}]}}
        (out,) = named(s, [g])
    assert [m["attrs"]["source_name"] for m in out["members"]] == ["IDF", "KCNA"]
    assert out["summary"]["conflicts"][0]["a"][0] == "IDF" and out["disputed_by_names"] == ["IDF"]


def test_timeline_claims_of_a_story_keep_it(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from newsprism.web import create_app
    with TestClient(create_app(db["path"], warm=False)) as c:
        page = c.get("/timeline", params={"story": "alpha"}).text
    assert re.search(r'href="/claims/\w+\?story=alpha"', page) and "Ministry-A" in page and "Ministry-B" not in page
