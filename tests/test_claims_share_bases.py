"""A share's base (what it is a share of) is part of what it measures: "more than half of the dead were
women" and "2% of the population has been killed" are two measures, and never one group.

Sentences are written for these tests."""

from __future__ import annotations

import pytest

from newsprism.claims.measure import discover, label_of, share_base


def _key(sentence: str, number: str, lang: str, kind: str) -> str | None:
    at = sentence.index(number)
    found = discover(sentence, at, at + len(number), sentence, kind, None, None, "", lang)
    return found and found[0]


@pytest.mark.parametrize("lang, sentence, dead, pop", [
    ("en", "Medics say more than half of the dead were women; the toll now equals about 3% of the population.",
     "more than half", "about 3%"),
    ("ru", "Более половины погибших — женщины, а число погибших достигло около 3% населения.", "Более половины",
     "около 3%"),
    ("uk", "Понад половину загиблих становлять жінки, а кількість загиблих сягнула близько 3% населення.",
     "Понад половину", "близько 3%"),
    ("ko", "사망자의 절반 이상이 여성이며 사망자 수는 인구 약 50만 명의 약 3%에 이른다.", "절반 이상", "약 3%"),
])
def test_shares_of_two_bases_have_two_keys(lang, sentence, dead, pop):
    k1 = _key(sentence, dead, lang, "fraction")
    k2 = _key(sentence, pop, lang, "percent")
    assert k1 and k1.endswith("@of-dead"), k1
    assert k2 and k2.endswith("@of-population"), k2
    assert k1.split("/")[1] != k2.split("/")[1]


def test_a_share_with_no_named_base_keeps_its_key():
    s = "About 30% of them were killed in the first week."
    assert share_base(s, 0, 9, "en") is None


def test_label_says_the_base():
    assert label_of("killed@of-population") == "killed (share of the population)"
    assert label_of("killed@episode@of-dead") == "killed in one attack or span (share of the dead)"


@pytest.mark.parametrize("lang, text, raw", [
    ("en", "The count of flood victims has passed 1,200, officials said.", "has passed 1,200"),
    ("en", "Losses surpassed 3,500 by the spring.", "surpassed 3,500"),
    ("ru", "Число жертв паводка превысило 1200 человек.", "превысило 1200"),
    ("uk", "Кількість жертв повені перевищила 1200 осіб.", "перевищила 1200"),
])
def test_a_figure_gone_past_a_mark_is_a_lower_bound(lang, text, raw):
    from newsprism.analyze.stage import StageInputs
    from newsprism.claims.quantities import quantities
    from newsprism.model.document import Document, MetaField
    from newsprism.text.sentences import sentences
    doc = Document("d", "d", "test", "x", text, {"language": MetaField(lang, "test")})
    by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
    q = [q for q in quantities.fn(doc, StageInputs(by)) if q.attrs["raw"].startswith(raw)]
    assert q and q[0].attrs["bound"] == ">" and q[0].attrs["max"] is None, [x.attrs for x in q]
