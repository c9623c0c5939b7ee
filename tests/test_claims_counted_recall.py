"""What is counted, past words that stand between a number and its noun: a participle before a people's name
("two captured North Korean soldiers"), a parenthetical ("двох, за його словами, полонених солдатів"); a
death verb the zh pack reads (丧命); an agency named after a side is not whose (南韩国情院).

Sentences are written for these tests."""

from __future__ import annotations

import pytest

from newsprism.analyze.stage import StageInputs
from newsprism.claims.quantities import quantities
from newsprism.claims.stages import claims
from newsprism.model.document import Document, MetaField
from newsprism.text.sentences import sentences
from newsprism.text.timex import time_expressions


def _subject(text: str, lang: str, number: str) -> str | None:
    doc = Document("d", "d", "test", "x", text, {"language": MetaField(lang, "test"),
                                                 "published": MetaField("2025-03-01", "test")})
    by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
    by["quantity"] = quantities.fn(doc, StageInputs(dict(by)))
    by["time"] = time_expressions.fn(doc, StageInputs(dict(by)))
    at = text.index(number)
    found = [c for c in claims.fn(doc, StageInputs(by)) if c.start <= at < c.end]
    return found[0].attrs.get("subject") if found else None


@pytest.mark.parametrize("lang, text, number", [
    ("en", "The clip shows three captured Ukrainian soldiers being questioned.", "three"),
    ("uk", "Міністр показав відео трьох, за його словами, полонених українських солдатів.", "трьох"),
    ("ru", "Министр показал видео трёх, по его словам, пленных украинских солдат.", "трёх"),
])
def test_the_noun_is_counted_past_a_participle_or_a_parenthetical(lang, text, number):
    assert _subject(text, lang, number) == "ukrainian/captured"


def test_a_participle_before_a_weekday_still_ends_the_phrase():
    doc = Document("d", "d", "test", "x", "Two killed Monday morning were buried.", {"language": MetaField("en", "t")})
    by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
    q = quantities.fn(doc, StageInputs(by))
    assert q and q[0].attrs["counted"] == "killed"


@pytest.mark.parametrize("text, number, key", [
    ("乌克兰情报部门估计约500名俄军士兵已在前线丧命。", "约500名", "russian/killed"),
    ("南韩国情院估计约500名北韩士兵已丧命。", "约500名", "north-korean/killed"),
])
def test_zh_death_verbs_and_agencies(text, number, key):
    assert _subject(text, "zh", number) == key
