"""Claims on KCNA (DPRK state media) wording: money is never a people count, other peoples' troops,
casualties and victims are not the North Korean deployment's. Sentences are short quotes from
kcna_en_2024_dedup.jsonl (rows 67, 75, 77, 78, 89, 170)."""

from __future__ import annotations

import pytest

from newsprism.claims.stages import claims
from newsprism.claims.quantities import quantities
from newsprism.text.sentences import sentences
from newsprism.analyze.stage import StageInputs
from newsprism.text.timex import time_expressions
from newsprism.claims.extract import find_quantities
from newsprism.claims.subjects import quantity_subject
from newsprism.model.document import Document, MetaField

DPRK = "Pyongyang, June 25 (KCNA) -- The DPRK denounced the U.S. "
UKRAINE = " The Kiev puppet regime and Russia were mentioned elsewhere in the article."
DAMAGES = ("According to their calculated damages, the damages of those persons killed, abducted and missing are "
           "estimated to be more than 16 533.396 billion U.S. dollars and the damages of the wounded and disabled "
           "are 9 635.427 billion U.S. dollars, totaling to 26 168.823 billion U.S. dollars.")


def _claims(text: str, date: str = "2024-06-25") -> list:
    meta = {"language": MetaField("en", "test"), "published": MetaField(date, "test")}
    doc = Document("d", "d", "test", "x", text, meta)
    by = {"sentence": [s for s in sentences.fn(doc, StageInputs({})) if s.layer == "sentence"]}
    by["quantity"] = quantities.fn(doc, StageInputs(dict(by)))
    by["time"] = time_expressions.fn(doc, StageInputs(dict(by)))
    return [c for c in claims.fn(doc, StageInputs(by)) if c.label == "quantity"]


@pytest.mark.parametrize("text,value", [
    ("estimated to be more than 16 533.396 billion U.S. dollars and", 16533.396e9),
    ("causing the property damage amounting to 21 266 million U.S. dollars.", 21266e6),
    ("amounts to more than 29.354 trillion U.S. dollars and the amount is increasing", 29.354e12),
    ("military aids worth 8 billion U.S. dollars to the neo-Nazis", 8e9),
    ("the damages reached 5 000 million won", 5e9),
    ("a fund of 300 USD", 300),
])
def test_money_is_money(text, value):
    qs = find_quantities(text)
    assert len(qs) == 1 and qs[0].kind == "money" and qs[0].lo == pytest.approx(value), [(q.raw, q.kind) for q in qs]
    assert qs[0].unit in ("dollar", "korean won") and qs[0].counted is None


def test_dotted_abbreviation_is_part_of_the_counted_phrase():
    q = find_quantities("where more than 54 000 U.S. troops are deployed.")[0]
    assert (q.counted, q.unit, q.kind) == ("U.S. troops", "troop", "count")


def test_damages_in_dollars_make_no_casualty_claims():
    cs = _claims(DPRK + DAMAGES + UKRAINE)
    assert cs == [], [(c.attrs["subject"], c.attrs["raw"]) for c in cs]


def test_money_never_takes_a_people_subject():
    sent = "the damages of the wounded and disabled are 9 635.427 billion U.S. dollars"
    assert quantity_subject(sent, DPRK + sent + UKRAINE, "money", None, 9.6e12) is None
    assert quantity_subject(sent, DPRK + sent + UKRAINE, "count", "dollar", 9.6e12) is None   # a mis-read stays out


@pytest.mark.parametrize("sentence", [
    "This is the largest overseas military base of the U.S, where more than 54 000 U.S. troops are deployed.",
    "On June 8, 274 Palestinians were mercilessly killed and nearly 700 wounded by the Israel's military attack.",
    "It killed three people, including two children, and wounded 150 others.",
    "The total number of victims to the U.S. massacres in the DPRK includes 1 247 870 deaths.",
    "With regards to the deployment of dozens of fighters from three NATO member states for the drill.",
    "The number of casualties in our flood-hit areas is expected to be over 1 000 or 1 500.",
    "The Kiev puppet regime has committed such crimes hundreds of times in Kursk.",
    "The Kiev regime has killed hundreds of thousands of innocent people in Kursk and Donbass.",
])
def test_kcna_sentences_are_not_north_korean_deployment_claims(sentence):
    cs = _claims(DPRK + "It issued a statement on Tuesday. " + sentence + UKRAINE)
    war = {"north-korean/deployed", "north-korean/killed", "north-korean/wounded", "north-korean/killed-or-wounded"}
    assert not [c for c in cs if c.attrs["subject"] in war], [(c.attrs["subject"], c.attrs["raw"]) for c in cs]


def test_people_subjects_are_discovered_with_or_without_the_war_in_the_document():
    sent = "At least 1,000 North Korean soldiers were killed."
    assert _claims(DPRK + sent + UKRAINE)[0].attrs["subject"] == "north-korean/killed"
    assert _claims(DPRK + sent)[0].attrs["subject"] == "north-korean/killed"     # no story lexicon needed


def test_no_generic_subject_from_abbreviations_or_currencies():
    cs = _claims("Pyongyang (KCNA) -- It paid 500 U.S. to them. It paid 300 dollars to them.")
    assert not [c for c in cs if c.attrs["subject"] in ("count:u", "count:dollar")]
