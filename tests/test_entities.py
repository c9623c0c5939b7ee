"""Entity spans in English, Russian and Korean, resolved to actors (registry, fuzzy, in-document)."""

from __future__ import annotations

import sys

import pytest

from newsprism.voices.entities import find_entities


def _by_text(text, spans):
    return {text[s.start:s.end]: s for s in spans}


def test_english_registry_fuzzy_and_surname_coreference():
    text = ("North Korean leader Kim Jong-un met Russian Ambassador to Pyongyang, Alexander Matsyoha. "
            "Kim Jnog Un praised the troops. Later Kim said the Central News Agency of Korea (CNA) was right, "
            "and the agency agreed. Senior official Pak Jong Chon spoke; Pak added more.")
    spans = find_entities(text, "en")
    got = _by_text(text, spans)
    assert got["Kim Jong-un"].attrs["actor"] == "kim-jong-un"
    assert got["Kim Jong-un"].attrs["match"] == "registry:alias"
    assert got["Kim Jnog Un"].attrs["match"].startswith("fuzzy:")
    assert got["Kim Jnog Un"].attrs["actor"] == "kim-jong-un"
    assert got["Russian Ambassador to Pyongyang"].attrs["actor"] == "alexander-matsegora"
    assert got["Alexander Matsyoha"].attrs["actor"] == "alexander-matsegora"
    assert got["Central News Agency of Korea"].attrs["actor"] == "kcna"
    assert got["Central News Agency of Korea"].label == "MEDIA"
    assert got["CNA"].attrs["actor"] == "kcna"
    assert got["the agency"].attrs == {**got["the agency"].attrs, "actor": "kcna", "match": "coref:nominal"}
    kim = [s for s in spans if text[s.start:s.end] == "Kim"]
    assert kim and all(s.attrs["actor"] == "kim-jong-un" for s in kim)
    ri = [s for s in spans if text[s.start:s.end].startswith("Pak")]
    assert ri and {s.attrs["actor"] for s in ri} == {"auto:pak-jong-chon"}
    assert {s.attrs["match"] for s in ri} == {"cluster", "coref:surname"}


def test_a_role_or_a_nationality_is_no_surname():
    # "Russian President" is a role of Putin: its words are not his name ("a Russian soldier" is not Putin)
    text = "Russian President Vladimir Putin thanked Pyongyang. A Russian soldier said they were like brothers."
    spans = find_entities(text, "en")
    russian = [s for s in spans if text[s.start:s.end] == "Russian"]
    assert all(s.attrs["actor"] != "vladimir-putin" for s in russian)
    assert _by_text(text, spans)["Vladimir Putin"].attrs["actor"] == "vladimir-putin"


def test_a_place_in_a_masthead_is_the_newspaper():
    text = "A new USA TODAY/Suffolk University Poll found it. USA Today reported that. The USA said no. Russia Today agreed."
    spans = find_entities(text, "en")
    got = {text[s.start:s.end]: s.attrs["actor"] for s in spans}
    assert got["USA Today"] != "united-states" and "united-states" not in {
        a for t, a in got.items() if t.upper().startswith("USA TODAY")}
    assert got["USA"] == "united-states" and got["Russia Today"] == "rt"


def test_span_format():
    text = "South Korea's spy agency said the NIS and 국정원 agree."
    for s in find_entities(text, "en"):
        assert s.layer == "entity" and s.label in {"PERSON", "ORG", "GPE", "LOC", "NORP", "MEDIA"}
        assert set(s.attrs) == {"actor", "actor_name", "match", "kind"}
    ids = [s.attrs["actor"] for s in find_entities(text, "en")]
    assert ids.count("nis-south-korea") == 3


def test_russian_entities_with_case_endings():
    text = "Как заявил Сергей Шойгу, Ким Чен Ын встретился с Александром Мацегорой. Об этом сообщило ЦТАК."
    got = _by_text(text, find_entities(text, "ru"))
    assert got["Сергей Шойгу"].attrs["actor"] == "sergei-shoigu"
    assert got["Ким Чен Ын"].attrs["actor"] == "kim-jong-un"
    assert got["Александром Мацегорой"].attrs["actor"] == "alexander-matsegora"
    assert got["ЦТАК"].attrs["actor"] == "kcna"


def test_korean_entities_with_particles():
    text = "국정원은 김정은 국무위원장이 쇼이구와 만났다고 밝혔다. 조선중앙통신은 이를 보도했다."
    ids = {s.attrs["actor"] for s in find_entities(text, "ko")}
    assert {"nis-south-korea", "kim-jong-un", "sergei-shoigu", "kcna"} <= ids


def test_other_languages_get_registry_matches_only():
    text = "Kim Jong Un a rencontré Sergueï Choïgou ; la KCNA l'a rapporté."
    ids = {s.attrs["actor"] for s in find_entities(text, "fr")}
    assert {"kim-jong-un", "kcna"} <= ids


def test_models_load_only_for_the_language_used():
    import subprocess
    code = ("import sys; from newsprism.voices.entities import find_entities;"
            "find_entities('Kim Jong Un said so.', 'fr');"
            "print('natasha' in sys.modules, 'kiwipiepy' in sys.modules, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "False", "False"], out.stderr[-2000:]


def test_chinese_alias_inside_running_text():
    """Chinese runs words together: a registry alias of four or more characters is found with a word on
    either side ("依照国家情报院目前的判断"); a short one is not taken from inside another word."""
    text = "一名议员说，依照国家情报院目前的判断，敌军增兵。南韩国会议员表示同意。"
    got = [(text[s.start:s.end], s.attrs.get("actor")) for s in find_entities(text, "zh")]
    assert ("国家情报院", "nis-south-korea") in got
    assert not any(t == "韩国" for t, _ in got)


def test_a_bare_description_in_a_later_sentence_continues_the_subject_it_fits():
    text = ("Sergei Lavrov met Choe Son Hui, the foreign minister of her country, in a seaside town on Monday. "
            "After lunch the minister spoke about the harvest.")
    got = _by_text(text, find_entities(text, "en"))
    assert got["the minister"].attrs["actor"] == "sergei-lavrov"
    # in the sentence that names them, the last fitting name is still the one
    text2 = "Sergei Lavrov met Choe Son Hui, and the minister spoke about the harvest."
    got2 = _by_text(text2, find_entities(text2, "en"))
    assert got2["the minister"].attrs["actor"] == "choe-son-hui"
