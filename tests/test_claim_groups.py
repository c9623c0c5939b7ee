"""Claim groups are discovered (measure, whose, role) without a hand lexicon; flags and one order.

Sentences here are written for these tests."""

from __future__ import annotations

import pytest

from newsprism.claims.case import apply_case, load_case
from newsprism.claims.measure import discover
from newsprism.claims.query import group_order, load_groups, standing
from newsprism.claims.reconcile import build_groups
from newsprism.claims.subjects import quantity_subject


def _key(sentence: str, number: str, lang: str, head=None, counted=None, doc: str | None = None, base=False):
    at = sentence.index(number)
    found = discover(sentence, at, at + len(number), doc or sentence, "count", head, counted, "", lang, base)
    return found and found[0]


@pytest.mark.parametrize("lang,sentence,number,head,counted,key", [
    ("en", "Officials said 1,200 North Korean soldiers were killed near the border.", "1,200", "soldier",
     "North Korean soldiers", "north-korean/killed"),
    ("en", "The ministry says 900 Russian troops were wounded in the fighting.", "900", "troop", "Russian troops",
     "russian/wounded"),
    ("en", "Pyongyang has sent about 8,000 soldiers to the front, the agency said.", "8,000", "soldier", "soldiers",
     "north-korean/deployed"),
    ("en", "Gaza health officials said 350 Palestinians were killed or wounded since October.", "350", "palestinian",
     "Palestinians", "palestinian/killed-or-wounded"),
    ("ru", "По данным разведки, погибли около 700 северокорейских военных.", "700", "военных",
     "северокорейских военных", "north-korean/killed"),
    ("ru", "КНДР направила в Россию около 9 тысяч военных.", "9 тысяч", "военных", "военных",
     "north-korean/deployed"),
    ("uk", "За даними розвідки, поранено понад 500 російських військових.", "500", "військових",
     "російських військових", "russian/wounded"),
    ("ko", "정보당국은 북한군 800명이 숨졌다고 밝혔다.", "800", "명", "명", "north-korean/killed"),
    ("ko", "북한이 러시아로 보낸 병력 7천여 명 가운데 일부가 다쳤다.", "7천여", "명", "명", "north-korean/deployed"),
])
def test_measure_and_side_in_four_languages(lang, sentence, number, head, counted, key):
    assert _key(sentence, number, lang, head, counted) == key


def test_deaths_and_deployments_never_share_a_key():
    dep = _key("Moscow deployed 5,000 North Korean troops to the region.", "5,000", "en", "troop",
               "North Korean troops")
    dead = _key("Some 5,000 North Korean troops died in the region.", "5,000", "en", "troop", "North Korean troops")
    assert dep == "north-korean/deployed" and dead == "north-korean/killed"
    # one sentence, two figures: the cue in each number's own clause decides
    s = "At least 300 soldiers died, and some 2,000 more were wounded, the North Korean army said."
    assert _key(s, "300", "en", "soldier", "soldiers").endswith("/killed")
    assert _key(s, "2,000", "en", "more", "more").endswith("/wounded")


def test_two_sides_never_share_a_key():
    doc = "Ukraine and Russia traded claims."
    ru = _key("Kyiv said 400 Russian soldiers were killed.", "400", "en", "soldier", "Russian soldiers", doc)
    ua = _key("Moscow said 400 Ukrainian soldiers were killed.", "400", "en", "soldier", "Ukrainian soldiers", doc)
    assert ru == "russian/killed" and ua == "ukrainian/killed"


def test_additions_and_episodes_group_apart():
    assert _key("Pyongyang sent another 2,000 troops to Russia.", "2,000", "en", "troop", "troops") \
        == "north-korean/deployed+additional"
    assert _key("North Korean troops: 60 were killed in a single strike on the village.", "60", "en") \
        == "north-korean/killed@episode"


def test_a_share_base_takes_no_loss_measure():
    s = "A third of the 6,000 North Korean soldiers were killed or wounded."
    assert _key(s, "6,000", "en", "soldier", "North Korean soldiers", base=True) is None or \
        not _key(s, "6,000", "en", "soldier", "North Korean soldiers", base=True).endswith("wounded")


def test_no_measure_falls_back_to_a_generic_noun():
    got = quantity_subject("The city has 10,000 flats in its plan.", "", "count", "flat", 10000.0, True, "flats",
                           at=12, end=18, lang="en")
    assert got == ("count:flat", "flat")
    assert quantity_subject("Two nations met.", "", "count", "nation", 2.0, False, "nations", lang="en") is None


def _member(doc, subject, lo, source, role="quantity"):
    return {"doc_id": doc, "duplicate_of": None, "start": 0, "end": 1, "role": role, "subject": subject,
            "label": subject, "value_kind": "count", "source": source, "source_method": "attribution", "via": [],
            "outlet": f"outlet-{doc}", "published": None, "as_of": "2025-01", "as_of_text": None,
            "as_of_resolved": True, "min_value": lo, "max_value": lo, "hedge": None, "increment": False,
            "vague": False, "text": str(lo), "disputes": None, "implied_total": None, "source_name": source,
            "context": f"{lo} soldiers #"}


def test_one_source_is_no_disagreement_and_two_are():
    one = build_groups([_member("a", "north-korean/killed", 100, "nis"), _member("b", "north-korean/killed", 900, "nis")])
    assert not next(iter(one.values()))["disagreement"]
    two = build_groups([_member("a", "north-korean/killed", 100, "nis"), _member("b", "north-korean/killed", 900, "gur")])
    assert next(iter(two.values()))["disagreement"]


def test_generic_or_unnamed_groups_never_disagree():
    for subject in ("count:flat", "unnamed/killed"):
        g = build_groups([_member("a", subject, 1900, "x"), _member("b", subject, 50000, "y")])
        assert not next(iter(g.values()))["disagreement"]


def test_one_order_disputed_disagreeing_agreeing_single():
    gs = [{"subject": "d", "disputed": 0, "disagreement": 0, "n_origins": 1, "n_claims": 9},
          {"subject": "c", "disputed": 0, "disagreement": 0, "n_origins": 3, "n_claims": 2},
          {"subject": "b", "disputed": 0, "disagreement": 1, "n_origins": 2, "n_claims": 2},
          {"subject": "a", "disputed": 1, "disagreement": 0, "n_origins": 1, "n_claims": 1}]
    assert [g["subject"] for g in sorted(gs, key=group_order)] == ["a", "b", "c", "d"]
    assert [standing(g) for g in sorted(gs, key=group_order)] == [0, 1, 2, 3]


def test_cli_and_web_share_the_order_and_hide_generic(store):
    from newsprism.claims.query import claim_groups
    from newsprism.claims.reconcile import save_groups
    ms = [_member("a", "north-korean/killed", 100, "nis"), _member("b", "north-korean/killed", 900, "gur"),
          _member("a", "russian/wounded", 50, "mod"), _member("b", "russian/wounded", 50, "gur"),
          _member("c", "count:flat", 1900, "x"), _member("d", "count:flat", 50000, "y"),
          _member("c", "north-korean/deployed", 7000, "nis")]
    store.conn.execute("PRAGMA foreign_keys=OFF")          # members of documents this test does not ingest
    save_groups(store, build_groups(ms))
    cli = [g["subject"] for g in load_groups(store)]
    web = [g["subject"] for g in claim_groups(store, 50, 0, False)["items"]]
    assert cli == web == ["north-korean/killed", "russian/wounded", "north-korean/deployed"]
    assert "count:flat" in [g["subject"] for g in load_groups(store, include_generic=True)]
    assert "count:flat" in [g["subject"] for g in claim_groups(store, 50, 0, False, include_generic=True)["items"]]


def test_case_file_names_merges_and_splits(tmp_path):
    f = tmp_path / "case.json"
    f.write_text('{"names": {"north-korean/killed": "Soldiers killed"}, "merge": {"north-korean-x/killed":'
                 ' "north-korean/killed"}, "episodes": [{"name": "raid", "pattern": "the raid"}]}', "utf-8")
    case = load_case(str(f))
    m = {"subject": "north-korean-x/killed", "label": "x", "context": "# died"}
    apply_case(m, case)
    assert m == {"subject": "north-korean/killed", "label": "Soldiers killed", "context": "# died"}
    m = {"subject": "north-korean/killed", "label": "x", "context": "# died in the raid"}
    apply_case(m, case)
    assert m["subject"] == "north-korean/killed@raid"
    assert load_case("")["digest"] == "none" and load_case("kursk")["names"]


def test_narrative_labels_are_phrases_not_word_lists():
    from newsprism.framing.narratives import readable_label
    assert readable_label(["kursk", "north korean troops", "troops", "kursk region", "russia"]) == \
        "north korean troops · kursk region"
    assert readable_label(["kursk", "russia"]) == "kursk · russia"
    assert readable_label([]) == ""


def test_counted_things_and_the_bereaved_are_not_the_troops_or_the_dead():
    # a military adjective on a thing ("units of military equipment") does not make the count people
    prev = "Мінськ відправить інженерні частини, разом 4000 людей, для відбудови."
    s = "За його словами, Мінськ також відправить від 20 до 40 одиниць військової техніки, зокрема танки."
    at = s.index("20 до 40")
    key = quantity_subject(s, prev + " " + s, "count", "одиниць", 40.0, True, "одиниць військової", prev,
                           at=at, end=at + len("20 до 40 одиниць військової"), lang="uk")
    assert key is None or "/deployed" not in key[0] or "-" in key[0].split("/")[0]
    assert _key("Мінськ відправить 4000 військових до кордону.", "4000", "uk", "військових", "військових")
    # the families of the dead are counted, not the dead
    s = "소식통은 \"훈장을 받은 유족이 한 마을에서만 열 명 이상\"이라며 \"숨진 병사가 더 많다\"고 주장했다."
    k = _key(s, "열 명 이상", "ko")
    assert k and k.split("/")[0].endswith("bereaved")


def test_a_population_as_share_base_is_a_base():
    from newsprism.claims.stages import _BASE_BEFORE
    for s in ("Nearly 2% of Freedonia's ", "out of a population of about ", "a third of the "):
        assert _BASE_BEFORE.search(s), s
    assert not _BASE_BEFORE.search("officials said ")
    assert not _key("About 2% of Freedonia's 1.4 million people were killed in the war.", "1.4 million", "en",
                    "people", "people", base=True) or "killed" not in _key(
        "About 2% of Freedonia's 1.4 million people were killed in the war.", "1.4 million", "en", "people", "people",
        base=True)


def test_one_source_named_in_full_and_shorter_is_one_origin():
    """A document naming "Borduria's defence ministry" and then "the defence ministry", which revises its own
    figure, holds one source: no disagreement. Two documents' sources stay two."""
    a = _member("a", "syldavian/detected", 120, "auto:defence-ministry") | {"source_name": "defence ministry"}
    b = _member("a", "syldavian/detected", 150, "Borduria's defence ministry") | {"source_name": "Borduria's defence ministry"}
    g = next(iter(build_groups([a, b]).values()))
    assert g["n_origins"] == 1 and not g["disagreement"]
    # the same words as an actor id and as written
    d = _member("a", "syldavian/detected", 150, "Borduria's defence ministry") | {"source_name": "Borduria's defence ministry"}
    e = _member("a", "syldavian/detected", 120, "auto:defence-ministry") | {"source_name": "Borduria's defence ministry"}
    assert not next(iter(build_groups([d, e]).values()))["disagreement"]
    c = _member("c", "syldavian/detected", 150, "Borduria's defence ministry") | {"source_name": "Borduria's defence ministry"}
    g = next(iter(build_groups([a, c]).values()))
    assert g["n_origins"] == 2


def test_per_event_groups_are_named_with_their_month():
    """Counts made afresh at each event (aircraft detected in one drill) group by month, and the month is in the
    group's name, so two drills' groups never read as one listed twice."""
    a = _member("a", "syldavian-aircraft/detected", 70, "x") | {"as_of": "2026-03-02"}
    b = _member("b", "syldavian-aircraft/detected", 30, "y") | {"as_of": "2026-05-11"}
    c = _member("c", "syldavian-aircraft/detected", 12, "z") | {"as_of": None}
    labels = sorted(g["label"] for g in build_groups([a, b, c]).values())
    assert len(labels) == 3 and len(set(labels)) == 3
    assert any(x.endswith(", 2026-03") for x in labels) and any(x.endswith(", 2026-05") for x in labels)
    assert any(x.endswith(", undated") for x in labels)
    # a figure of no event keeps its plain name
    d = _member("d", "syldavian/killed", 5, "x") | {"as_of": "2026-03-02"}
    assert not next(iter(build_groups([d]).values()))["label"].endswith("2026-03")


def test_an_event_count_as_of_now_takes_the_reports_month():
    """"Now" or "this week" (as-of values of no stated year) is the month of the report; a known year stays."""
    a = _member("a", "syldavian-ship/detected", 4, "x") | {"as_of": "PRESENT_REF", "published": "2026-04-02"}
    b = _member("b", "syldavian-ship/detected", 6, "y") | {"as_of": "XXXX-WX", "published": "2026-04-09"}
    c = _member("c", "syldavian-ship/detected", 9, "z") | {"as_of": "2025", "published": "2026-04-09"}
    labels = sorted(g["label"] for g in build_groups([a, b, c]).values())
    assert labels == ["syldavian-ship/detected, 2025", "syldavian-ship/detected, 2026-04"]
