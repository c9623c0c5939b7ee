"""Actors: Korean names meet across spellings and scripts, close names of different people never do,
and places, page furniture and photo credits are no actors. Names and sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprism.voices.actors import cluster_auto
from newsprism.languages import pack
from newsprism.model import Span
from newsprism.voices.actor_filter import non_actor, retype
from newsprism.voices.names import same_korean_name
from newsprism.voices.registry import default_registry, same_person

KO = pack("ko").entities


@pytest.mark.parametrize("a, b", [
    ("박민준", "Park Min-jun"), ("박민준", "Pak Min Jun"), ("Park Min-jun", "Bak Minjun"),
    ("최서연", "Choi Seo-yeon"), ("최서연", "Choe So Yon"), ("이성권", "Lee Sung-kwon"),
    ("이성권", "Rhee Seong-kweun"), ("유용원", "Yoo Yong-weon"), ("정희수", "Jung Hee-soo"),
    ("정희수", "Chung Hui Su"),
])
def test_korean_spellings_meet(a, b):
    assert same_korean_name(a, b) is True
    assert same_person(a, b) is True


@pytest.mark.parametrize("a, b", [
    ("Kim Jong Sun", "Kim Jong Un"), ("Kim Jong Sun", "Kim Jongun"), ("Park Min-jun", "Park Min-ji"),
    ("박민준", "박민지"), ("이성권", "리선권"), ("Park Min-jun", "Choi Min-jun"), ("Kim Jong Il", "Kim Jong Un"),
])
def test_different_given_names_are_different_people(a, b):
    assert same_person(a, b) is False


def test_non_korean_names_get_no_korean_opinion():
    assert KO.name_key("Lee Harvey Oswald") is None and KO.name_key("쿠르스크") is None
    assert same_korean_name("Sergei Shoigu", "Sergey Shoigu") is None
    assert same_person("Sergei Shoigu", "Sergey Shoigu") is True


def test_romanization_is_per_syllable():
    assert KO.romanize_name("박민준") == "bagminjun"
    assert pack("en").entities.romanize_name("Kim") == "Kim"          # generic: unchanged


def test_registry_meets_a_korean_name_in_another_spelling_but_not_a_close_name():
    reg = default_registry()
    m = reg.lookup("Choi Sun-hee")
    assert m is not None and m.actor.id == "choe-son-hui" and m.how == "registry:korean"
    assert reg.lookup("Kim Jong Sun") is None
    assert reg.lookup("Kim Jong-sun") is None


@pytest.mark.parametrize("name, after, kind", [
    ("박민준", " 의원은", "person"), ("스미스", " 대변인은", "person"), ("박민준", "은 ", "person"),
    ("쿠르스크", "주에서", "place"), ("벨고로드", " 지역", "place"), ("쿠르스크", "에서 ", None),
    ("정찰위성", "을 ", None), ("미래통일당", " ", "org"),
])
def test_korean_proper_nouns_typed_by_shape_and_next_word(name, after, kind):
    assert KO.classify_proper_noun(name, after) == kind


def test_a_word_before_can_make_a_korean_proper_noun_an_organisation():
    assert KO.classify_proper_noun("포르텔라", "는 ", "현지 매체 ") == "org"
    assert KO.classify_proper_noun("포르텔라", "는 ", "현지에서 ") is None


@pytest.mark.slow          # loads the Korean morphology model
def test_a_korean_name_run_is_split_from_the_next_name():
    from newsprism.voices.entities import _kiwi
    text = "박민준 미래통일당 의원은 어제 기자들에게 말했다."
    names = [text[s:e] for s, e, _l, k in _kiwi(text) if k == "person"]
    assert "박민준" in names and not any("미래통일당" in n for n in names)


@pytest.mark.parametrize("surface, junk", [
    ("Copy Icon COPY LINK", True), ("Share icon", True), ("Getty Images", True), ("AP Photo", True),
    ("Health Ministry", False), ("Sky News", False), ("Park Min-jun", False),
])
def test_page_furniture_and_photo_credits_are_no_actors(surface, junk):
    assert non_actor(surface) is junk


def _span(text, word, kind, actor, label="PERSON"):
    start = text.index(word)
    return Span(start, start + len(word), "entity", label, "entities", "t", 0.6,
                {"actor": actor, "actor_name": word, "match": "cluster", "kind": kind})


def test_places_typed_as_people_become_places():
    reg = default_registry()
    text = ("ODESA HARBOUR, Ukraine — Officials in Kyiv said on Monday that fighting in Kursk Oblast had slowed.\n"
            "Later, Brenholt said the talks in Tarnovia would go on; Tarnovia is a port.")
    spans = [_span(text, "ODESA HARBOUR", "person", "auto:odesa-harbour"),
             _span(text, "Kyiv", "person", "auto:kyiv"),
             _span(text, "Kursk Oblast", "person", "auto:kursk-oblast"),
             _span(text, "Brenholt", "person", "auto:brenholt"),
             _span(text, "Tarnovia", "org", "auto:tarnovia", "ORG"),
             Span(text.rindex("Tarnovia"), text.rindex("Tarnovia") + 8, "entity", "GPE", "entities", "t", 0.8,
                  {"actor": None, "actor_name": None, "match": None, "kind": "place"}),
             _span(text, "Getty Images", "org", "auto:getty", "ORG") if "Getty Images" in text else None]
    out = retype(text, [s for s in spans if s], reg, "en")
    kinds = {text[s.start:s.end]: (s.attrs["kind"], s.attrs.get("place")) for s in out}
    assert kinds["ODESA HARBOUR"] == ("place", "dateline")
    assert kinds["Kyiv"] == ("place", "capital")
    assert kinds["Kursk Oblast"] == ("place", "place word")
    assert kinds["Brenholt"] == ("person", None)
    assert kinds["Tarnovia"][0] == "place"
    assert all(s.attrs["actor"] is None for s in out if s.attrs["kind"] == "place")


def test_registry_actors_are_not_retyped():
    reg = default_registry()
    text = "Shoigu arrived in Pyongyang."
    s = Span(0, 6, "entity", "PERSON", "entities", "t", 1.0,
             {"actor": "sergei-shoigu", "actor_name": "Sergei Shoigu", "match": "registry:alias", "kind": "person"})
    assert retype(text, [s], reg, "en") == [s]


def test_outlet_name_is_not_the_country():
    from newsprism.voices.entities import _gazetteer
    text = "The outlet RBC-Ukraine reported that Ukraine had received the shells."
    hits = [(text[s.start:s.end], s.start) for s in _gazetteer(text, default_registry()) if s.attrs["actor"] == "ukraine"]
    assert hits == [("Ukraine", text.rindex("Ukraine"))]


def _mention(doc, aid, name, kind="person"):
    return (doc, "entity", 0, len(name), "PERSON", {"actor": aid, "actor_name": name, "kind": kind}, name)


def test_corpus_clusters_korean_spellings_and_keeps_close_names_apart():
    reg = default_registry()
    mentions = [_mention("d1", "auto:박민준", "박민준"), _mention("d2", "auto:park-min-jun", "Park Min-jun"),
                _mention("d3", "auto:pak-min-jun", "Pak Min Jun"), _mention("d4", "auto:park-min-ji", "Park Min-ji"),
                _mention("d5", "auto:kim-jong-sun", "Kim Jong Sun")]
    canon = cluster_auto(mentions, reg)
    assert canon["auto:박민준"] == canon["auto:park-min-jun"] == canon["auto:pak-min-jun"]
    assert canon["auto:park-min-ji"] != canon["auto:park-min-jun"]
    assert canon["auto:kim-jong-sun"] != "kim-jong-un"


def test_a_title_and_surname_alias_does_not_take_a_longer_name():
    from newsprism.voices.entities import _gazetteer
    reg = default_registry()
    text = "Chairman Kim Jong Il toured the farm. Later Chairman Kim spoke."
    hits = [(text[s.start:s.end], s.attrs["actor"]) for s in _gazetteer(text, reg)]
    assert ("Chairman Kim", "kim-jong-un") in hits and hits.count(("Chairman Kim", "kim-jong-un")) == 1
    assert text.index("Chairman Kim") not in [s.start for s in _gazetteer(text, reg) if s.attrs["actor"] == "kim-jong-un"]
