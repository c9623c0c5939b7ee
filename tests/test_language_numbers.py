"""Quantity and date extraction read what differs by language from the language packs."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from newsprism import languages
from newsprism.claims.dates import find_times
from newsprism.claims.extract import find_quantities
from newsprism.languages import pack


@pytest.fixture
def toy_pack():
    """A third party's language "zz": number words, a decimal comma, a hedge and month stems of its own."""
    root = types.ModuleType("zzlang")
    root.__path__ = []
    nums = types.ModuleType("zzlang.numbers")
    nums.WORDS = {"uno": 1, "duo": 2, "tri": 3}
    nums.DECIMAL_COMMA = True
    nums.HEDGES_BEFORE = {"cirka": ["~", "about"]}
    dates = types.ModuleType("zzlang.dates")
    dates.MONTH_STEMS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    dates.MONTH_PREPOSITIONS = "en"
    sys.modules.update({"zzlang": root, "zzlang.numbers": nums, "zzlang.dates": dates})
    languages.register_pack("zz", "zzlang")
    yield
    languages.PACKS.pop("zz")
    pack.cache_clear()
    for m in ("zzlang", "zzlang.numbers", "zzlang.dates"):
        sys.modules.pop(m)


def test_a_new_pack_is_read_without_touching_claims(toy_pack):
    q = find_quantities("cirka tri soldatoj kaj 2,5 tankoj", "zz")
    assert [(x.lo, x.hedge) for x in q] == [(3, "about"), (2.5, None)]
    # the same words mean nothing in a language without them, and the comma groups thousands there
    assert [x.lo for x in find_quantities("cirka tri soldatoj kaj 2,500 tankoj", "xx")] == [2500]
    t = find_times("en okt 2024 kaj 5 maj", "zz", "2025-01-10")
    assert [x.value for x in t] == ["2024-10", "2024-05-05"]


def test_packs_hold_the_language_rules():
    assert pack("ru").numbers.DECIMAL_COMMA and not pack("en").numbers.DECIMAL_COMMA
    assert [x.lo for x in find_quantities("потери составили 1,5 тыс. человек", "ru")] == [1500]
    assert [x.lo for x in find_quantities("losses reached 1,500 people", "en")] == [1500]
    assert pack("xx").numbers.counted_head(["a", "b"]) == "b" and pack("fr").numbers.counted_head(["a", "b"]) == "a"


def test_claims_code_does_not_branch_on_a_language_code():
    src = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "claims"
    branch = re.compile(r"\blang\s*(?:==|!=|in\s*\(|not\s+in\s*\()\s*[\"'(]")
    for f in src.glob("*.py"):
        hits = [ln for ln in f.read_text("utf-8").splitlines() if branch.search(ln)]
        assert not hits, f"{f.name} branches on a language code: {hits}"
