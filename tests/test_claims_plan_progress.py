"""What of a plan is already done is neither the plan nor the running total: "X plans to send 4,000 more;
800 have already arrived" gives a plan of 4,000 and a figure of its own for the 800, so a plan group never
holds an actual count and never shows a false "sources disagree".

Sentences are written for these tests."""

from __future__ import annotations

import pytest

from newsprism.claims.measure import discover, label_of, progress


def _key(sentence: str, number: str, lang: str, head: str | None = None, counted: str | None = None) -> str | None:
    at = sentence.index(number)
    found = discover(sentence, at, at + len(number), sentence, "count", head, counted, "", lang)
    return found and found[0]


@pytest.mark.parametrize("lang, sentence, number", [
    ("en", "Pyongyang plans to send 4,000 more engineers; 800 have already arrived.", "800"),
    ("ru", "Пхеньян планирует направить ещё 4000 инженеров; уже прибыли 800 человек.", "800"),
    ("zh", "平壤计划向俄罗斯派遣4000名工兵，目前已有800人到达。", "800"),
    ("ko", "북한은 공병 4천명을 보내기로 했으며, 이미 800명이 도착했다.", "800명"),
])
def test_already_done_of_a_plan_is_its_own_figure(lang, sentence, number):
    at = sentence.index(number)
    assert progress(sentence, at, at + len(number), lang)
    key = _key(sentence, number, lang)
    assert key and key.endswith("deployed@so-far"), key


@pytest.mark.parametrize("lang, sentence, number", [
    ("en", "Pyongyang plans to send 4,000 more engineers; 800 have already arrived.", "4,000"),
    ("zh", "平壤计划向俄罗斯派遣4000名工兵，目前已有800人到达。", "4000"),
])
def test_the_plan_itself_stays_a_plan(lang, sentence, number):
    at = sentence.index(number)
    assert not progress(sentence, at, at + len(number), lang)
    assert _key(sentence, number, lang).endswith("@planned")


@pytest.mark.parametrize("lang, sentence, number", [
    # "already" with no plan in the sentence is a plain count
    ("en", "Some 900 engineers have already arrived in the region.", "900"),
    # "already" in a clause that itself plans is still the plan
    ("en", "Officials said Pyongyang has already decided to send 900 engineers.", "900"),
])
def test_already_without_an_earlier_plan_is_no_progress(lang, sentence, number):
    at = sentence.index(number)
    assert not progress(sentence, at, at + len(number), lang)


def test_label():
    assert label_of("deployed@so-far").endswith("(of a plan, so far)")
