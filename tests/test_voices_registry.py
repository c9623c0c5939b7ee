"""The actor registry: spellings, scripts, roles and typos meet one actor; different people never do."""

from __future__ import annotations

import json

import pytest

from newsprism.voices.registry import Registry, default_registry, same_person


@pytest.mark.parametrize("name, actor", [
    ("Kim Jong Un", "kim-jong-un"), ("Kim Jong-un", "kim-jong-un"), ("KIM JONG UN’s", "kim-jong-un"),
    ("Ким Чен Ын", "kim-jong-un"), ("김정은", "kim-jong-un"), ("김정은은", "kim-jong-un"),
    ("KCNA", "kcna"), ("Korean Central News Agency", "kcna"), ("Central News Agency of Korea", "kcna"),
    ("ЦТАК", "kcna"), ("조선중앙통신", "kcna"),
    ("Шойгу", "sergei-shoigu"), ("쇼이구", "sergei-shoigu"), ("Sergei Shoigu", "sergei-shoigu"),
    ("South Korea's spy agency", "nis-south-korea"), ("NIS", "nis-south-korea"),
    ("National Intelligence Service", "nis-south-korea"), ("국정원", "nis-south-korea"),
    ("국가정보원", "nis-south-korea"),
    ("Russian Ambassador to Pyongyang", "alexander-matsegora"), ("Alexander Matsyoha", "alexander-matsegora"),
    ("Александром Мацегорой", "alexander-matsegora"),          # Russian instrumental case
    ("Lim Eum Chul", "lim-eul-chul"), ("Oleksandr Syrsky", "oleksandr-syrskyi"),
])
def test_lookup_finds_the_canonical_actor(name, actor):
    m = default_registry().lookup(name)
    assert m is not None and m.actor.id == actor, (name, m)


def test_typos_match_fuzzily_and_say_so():
    m = default_registry().lookup("Kim Jnog Un")
    assert m.actor.id == "kim-jong-un" and m.how.startswith("fuzzy:")
    m = default_registry().lookup("Valery Gerasimow")
    assert m.actor.id == "valery-gerasimov"


def test_a_name_with_a_qualifier_more_or_less_is_no_typo_of_an_alias():
    reg = default_registry()
    assert reg.lookup("defence ministry") is None           # not the DPRK's "DPRK Defence Ministry"
    m = reg.lookup("Ministry of National Defense, ROC")     # not South Korea's "Ministry of National Defense"
    assert m is None or m.how.startswith("registry:"), m


@pytest.mark.parametrize("a, b, same", [
    ("Kim Jon Un", "Kim Jong Un", True), ("Lim Eum Chul", "Lim Eul-chul", True),
    ("Kim Jong Il", "Kim Jong Un", False), ("Kim Yo Jong", "Kim Jong Un", False),
    ("Choe Son Hui", "Choe Ryong Hae", False), ("Sergei Lavrov", "Sergei Shoigu", False),
])
def test_same_person_guard(a, b, same):
    assert same_person(a, b) is same


def test_clearly_different_people_are_not_fuzzy_matched():
    reg = default_registry()
    assert reg.lookup("Kim Jong Il") is None
    assert reg.lookup("Kim Il Sung") is None


def test_every_actor_has_type_country_and_outlets_say_state_affiliation():
    reg = default_registry()
    assert len(reg.actors) >= 60
    for a in reg.actors.values():
        assert a.type in {"person", "org", "media", "agency", "military", "ministry", "place", "group"}
        assert a.country or a.affiliation
        if a.type == "media":
            assert a.state_affiliated is not None, a.id
    for aid in ("kcna", "rodong-sinmun", "tass", "ria-novosti", "rt"):
        assert reg.actors[aid].state_affiliated is True


def test_users_extend_the_registry_without_code(tmp_path, monkeypatch):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"actors": [
        {"id": "pak-jong-chon", "name": "Pak Jong Chon", "type": "person", "country": "KP",
         "aliases": ["Пак Чон Чхон", "박정천"]},
        {"id": "kcna", "aliases": ["Korean Central News Agency (KCNA) English service"]}]}), "utf-8")
    reg = Registry.load([extra])
    assert reg.lookup("박정천").actor.id == "pak-jong-chon"
    assert reg.lookup("Korean Central News Agency (KCNA) English service").actor.id == "kcna"
    assert reg.lookup("KCNA").actor.id == "kcna"          # extending keeps what was there
    monkeypatch.setenv("NEWSPRISM_ACTORS", str(tmp_path))
    assert Registry.load().lookup("Pak Jong Chon").actor.id == "pak-jong-chon"
    assert reg.version != default_registry().version


def test_demonyms_name_a_country_and_users_add_them(tmp_path):
    reg = default_registry()
    assert reg.demonym("Russian").id == "russia" and reg.demonym("North Korean").id == "north-korea"
    assert reg.demonym("Kursk") is None and reg.lookup("Russian", fuzzy=False) is None   # not an alias
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"actors": [{"id": "china", "name": "China", "type": "place", "country": "CN",
                                             "aliases": ["China"], "demonyms": ["Chinese"]}]}), "utf-8")
    assert Registry.load([extra]).demonym("Chinese").id == "china"


def test_russian_case_endings_keep_the_surname_suffix():
    from newsprism.voices.registry import Registry
    reg = Registry.load()
    assert reg.lookup("Пескова", fuzzy=False).actor.id == "dmitry-peskov"
    assert reg.lookup("Лаврова", fuzzy=False).actor.id == "sergei-lavrov"
    assert reg.lookup("Пески", fuzzy=False) is None              # "sands", not Peskov


def test_russian_names_in_oblique_cases_without_fuzzy_matching():
    from newsprism.voices.registry import Registry
    reg = Registry.load()
    for text, actor in [("Сырского", "oleksandr-syrskyi"), ("Александра Сырского", "oleksandr-syrskyi"),
                        ("Сергея Шойгу", "sergei-shoigu"), ("Валерия Герасимова", "valery-gerasimov")]:
        hit = reg.lookup(text, fuzzy=False)
        assert hit and hit.actor.id == actor, text
