"""Claim groups without a case file: lost people vs lost equipment, the place of the event as whose, plans by
what is planned, replacements and totals over several roles, episodes read at the measure cue.

Sentences are written for these tests."""

from __future__ import annotations

import pytest

from newsprism.claims.measure import discover
from newsprism.claims.reconcile import build_groups


def _key(sentence: str, number: str, lang: str, head: str | None = None, counted: str | None = None,
         doc: str | None = None, previous: str = "") -> str | None:
    at = sentence.index(number)
    found = discover(sentence, at, at + len(number), doc or sentence, "count", head, counted, previous, lang)
    return found and found[0]


@pytest.mark.parametrize("lang, sentence, number, head, counted, key", [
    # a loss cue counts people lost (killed or wounded) or things lost (lost equipment, by the thing)
    ("en", "Since the raid began, Ukraine says Russian forces have lost over 20,000 troops.", "20,000", "troops",
     "troops", "russian/killed-or-wounded"),
    ("en", "Moscow said the Ukrainian army lost 4,100 servicemen, 60 tanks and 300 armored vehicles.", "300",
     "vehicles", "armored vehicles", "ukrainian-vehicles/destroyed"),
    ("en", "Moscow said the Ukrainian army lost 4,100 servicemen, 60 tanks and 300 armored vehicles.", "4,100",
     "servicemen", "servicemen", "ukrainian/killed-or-wounded"),
    ("ru", "По данным Минобороны, украинская армия потеряла 14 систем HIMARS.", "14", "систем", "систем HIMARS",
     "ukrainian-систем/destroyed"),
    ("ru", "Украинская армия лишилась свыше 40 тысяч военнослужащих.", "40 тысяч", "военнослужащих",
     "военнослужащих", "ukrainian/killed-or-wounded"),
    # the head read from a killed or wounded cue never makes equipment ("ums Leben gekommen")
    ("de", "Mindestens 250 nordkoreanische Soldaten sollen ums Leben gekommen sein.", "250", "Leben", "ums Leben",
     "north-korean/killed"),
    # replacements are an addition, not a role
    ("en", "Officials said 20,000 North Korean soldiers had been sent, among them 4,000 replacements dispatched "
           "after losses.", "4,000", "replacements", "replacements", "north-korean/deployed+additional"),
    # a total over several kinds of specialists is the force itself
    ("ko", "북한이 공병과 군사 건설 인력을 합쳐 총 7천명을 보내기로 했다.", "7천명", "명", None,
     "north-korean/deployed@planned"),
    # one attack named at the measure cue, past a parenthesis after the number
    ("en", "At least 12 people, among them two children, were killed overnight by an Israeli strike in Gaza City.",
     "12", "people", "people", "palestinian/killed@episode"),
])
def test_measure_whose_role(lang, sentence, number, head, counted, key):
    assert _key(sentence, number, lang, head, counted) == key


def test_people_of_no_named_side_take_the_place_of_the_event():
    doc = ("Strikes continued in Gaza on Monday. Aid trucks waited in Gaza for days. Israel said it hit targets. "
           "The war, which began last year, has killed 40,100 people and wounded 90,500.")
    s = "The war, which began last year, has killed 40,100 people and wounded 90,500."
    prev = "Israel said it hit targets."
    assert _key(s, "40,100", "en", "people", "people", doc, prev) == "palestinian/killed"
    assert _key(s, "90,500", "en", None, None, doc, prev) == "palestinian/wounded"
    # a possessive is an owner, not a place: "a change in the IDF’s stance" names no place
    doc = "Crowds gathered in Gaza. Some saw a change in the IDF’s stance. The toll rose to 500 people killed."
    assert _key("The toll rose to 500 people killed.", "500", "en", "people", "people", doc) == "palestinian/killed"
    # "of them" points back to the people of the sentence before, not to the place of the event
    doc = "North Korean soldiers were sent to Russia. Nearly a third of them, or about 3,900, were wounded in Russia."
    assert _key("Nearly a third of them, or about 3,900, were wounded in Russia.", "3,900", "en", None, None, doc,
                "North Korean soldiers were sent to Russia.") == "north-korean/wounded"
    # soldiers keep the side the document is about, not the place they fight in
    assert _key("About 900 soldiers were killed in Russia.", "900", "en", "soldiers", "soldiers",
                "North Korean soldiers fight in Russia. About 900 soldiers were killed in Russia.") \
        == "north-korean/killed"


def _plan(doc: str, lo: float, as_of: str, subject: str = "north-korean-builders/deployed@planned") -> dict:
    return {"doc_id": doc, "duplicate_of": None, "start": 0, "end": 1, "role": "quantity", "subject": subject,
            "label": subject, "value_kind": "count", "source": "s", "source_method": "attribution", "via": [],
            "outlet": f"o-{doc}", "published": None, "as_of": as_of, "as_of_text": None, "as_of_resolved": True,
            "min_value": lo, "max_value": lo, "hedge": None, "increment": False, "vague": False, "text": str(lo),
            "disputes": None, "implied_total": None, "source_name": "s", "context": f"{lo} builders #"}


def test_a_plan_groups_by_what_is_planned_not_the_month():
    groups = build_groups([_plan("a", 5000, "2024-06"), _plan("b", 5000, "2024-07"),
                           _plan("c", 1000, "2024-07", "north-korean-deminers/deployed@planned")])
    assert sorted(g["n_claims"] for g in groups.values()) == [1, 2]
    # episodes still keep their month: two strikes are two figures
    eps = build_groups([_plan("a", 18, "2024-06", "russian/killed@episode"),
                        _plan("b", 40, "2024-09", "russian/killed@episode")])
    assert len(eps) == 2
