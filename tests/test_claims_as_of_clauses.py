"""A figure's as-of date is its own: a date in a relative clause about another noun is not it, and a date
that says when something began ("the war, which began in October 2023, has killed ...") starts the figure's
period ("since") but is not its as-of date.

Sentences are written for these tests."""

from __future__ import annotations

import pytest

from newsprism.analyze.stage import StageInputs
from newsprism.claims.dates import date_role
from newsprism.claims.quantities import quantities
from newsprism.claims.stages import claims
from newsprism.model.document import Document, MetaField
from newsprism.text.sentences import sentences
from newsprism.text.timex import time_expressions


def _as_of(text: str, lang: str, number: str, date: str | None = "2025-02-20") -> dict:
    meta = {"language": MetaField(lang, "test")}
    if date:
        meta["published"] = MetaField(date, "test")
    doc = Document("d", "d", "test", "x", text, meta)
    by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
    by["quantity"] = quantities.fn(doc, StageInputs(dict(by)))
    by["time"] = time_expressions.fn(doc, StageInputs(dict(by)))
    at = text.index(number)
    found = [c for c in claims.fn(doc, StageInputs(by)) if c.start <= at < c.end and c.label != "dispute"]
    assert found, [text[c.start:c.end] for c in claims.fn(doc, StageInputs(by))]
    return found[0].attrs["as_of"]


@pytest.mark.parametrize("lang, text, number", [
    ("en", "Officials say the flood season, which began in March 2024, has killed 1,250 people.", "1,250"),
    ("ru", "По данным властей, за время паводка, который начался в марте 2024 года, погибли 1250 человек.", "1250"),
    ("uk", "За даними влади, повінь, яка почалася в березні 2024 року, забрала життя 1250 людей.", "1250"),
    ("ko", "당국에 따르면 2024년 3월 시작된 홍수로 주민 1250명이 숨졌다.", "1250명"),
])
def test_a_start_date_starts_the_period_and_is_not_the_as_of(lang, text, number):
    a = _as_of(text, lang, number)
    assert a["value"] == "2025-02-20" and a["source"] == "published", a
    assert a["since"] == "2024-03", a


def test_a_start_date_without_a_publication_date_leaves_the_as_of_unknown():
    a = _as_of("The strike wave, which started in March 2024, has cost 1,250 jobs.", "en", "1,250", None)
    assert a["value"] is None and not a["resolved"] and a["since"] == "2024-03", a


@pytest.mark.parametrize("lang, text, number", [
    ("en", "The governor, who took office in June 2023, said 480 homes were destroyed.", "480"),
    ("ru", "Губернатор, который вступил в должность в июне 2023 года, заявил, что разрушены 480 домов.", "480"),
    ("uk", "Губернатор, який обійняв посаду в червні 2023 року, заявив, що зруйновано 480 будинків.", "480"),
])
def test_a_date_in_a_relative_clause_about_another_noun_is_not_the_as_of(lang, text, number):
    a = _as_of(text, lang, number)
    assert a["value"] == "2025-02-20" and a["source"] == "published", a


@pytest.mark.parametrize("text, at", [
    ("The agency, which said in May that 480 homes were destroyed, gave no update.", "480"),   # the figure is inside
    ("The agency said 480 homes were destroyed in May.", "480"),                                # no clause at all
])
def test_the_figures_own_date_stays(text, at):
    start = text.index("May")
    assert date_role(text, start, start + 3, text.index(at), "en") is None
    assert _as_of(text, "en", at)["value"].endswith("-05")
