"""The coverage's period (framing/scoped.py): which timeline dates belong to it, and the outlets page of a story."""

from __future__ import annotations

import pytest

from newsprism.framing.scoped import in_period, year_only

PERIOD = {"first": "2024-08-12", "last": "2025-01-20", "from": "2024-07-12"}


@pytest.mark.parametrize("value, inside", [
    ("2024-08-20", True), ("2024-07-12", True), ("2024-07-11", False), ("2025-01-20", True), ("2025-01-21", False),
    ("2024-07", True),              # a month overlapping the period's start
    ("2025-02", False),
    ("2024", False),                # a bare year: inside only when the whole year is
    ("2025", False), ("1950", False),
    (None, True), ("", True),       # undated
])
def test_what_lies_in_the_period(value, inside):
    assert in_period(value, PERIOD) is inside


def test_a_whole_year_inside_the_period_is_in_it():
    long = {"first": "2024-01-05", "last": "2025-03-01", "from": "2023-12-05"}
    assert in_period("2024", long) and not in_period("2023", long) and not in_period("2025", long)
    assert in_period("2024", None)                       # an undated store has no period to be outside
    assert year_only("2024") and not year_only("2024-08") and not year_only(None)


def test_outlets_page_of_a_story_keeps_the_story(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from newsprism.web import create_app
    from test_story_claims import make_store
    db = make_store(tmp_path)
    with TestClient(create_app(db["path"], warm=False)) as c:
        page = c.get("/outlets", params={"story": "alpha"}).text
    assert '<input type="hidden" name="story" value="alpha">' in page          # the Compare form
    assert "/documents?outlet=Alpha+Wire&amp;story=alpha" in page              # the outlet links
    assert "/api/outlets?story=alpha" in page and "Beta Agency" not in page
