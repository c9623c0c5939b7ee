"""Relay chains beyond English and the names they need: the one chain a text gives a speaker carries over to its
other statements; Ukrainian "Такі дані X наводить з посиланням на Y"; Korean "X은 …을 보고했다고 Y가 전했다";
the citing and briefing speakers of Spanish, German and French; persons after a title (es/de/fr) and Ukrainian
persons. Sentences written for these tests."""

from __future__ import annotations

from newsprism.languages import pack
from newsprism.voices.attributions import find_attributions
from newsprism.voices.attributions.relays import carry_relays
from newsprism.voices.entities import find_entities


def records(text: str, lang: str) -> list[tuple[str | None, str | None, list, str]]:
    """(speaker text, actor name, via, content) of each attribution."""
    spans = [s for s in find_attributions(text, lang, find_entities(text, lang)) if s.layer == "attribution"]
    return [(s.attrs.get("speaker_text"), s.attrs.get("actor_name") or s.attrs.get("actor"),
             list(s.attrs.get("via") or []), text[s.start:s.end]) for s in spans]


def raw(text: str, lang: str) -> list[tuple[str | None, str, bool]]:
    """(speaker, content, relayed) of each raw rule record of a pack."""
    out = []
    for r in pack(lang).speech.rules(text, [], []):
        sp = r.get("speaker")
        out.append((text[sp[0]:sp[1]] if sp else None, text[r["content"][0]:r["content"][1]],
                    r.get("relayed_by") is not None))
    return out


def test_one_chain_carries_over_to_the_speakers_other_statements():
    out = [{"actor": "mayor", "via": ["gazette"]}, {"actor": "gazette", "via": []},
           {"actor": "mayor", "via": []}, {"actor": "chief", "via": []}]
    carry_relays(out)
    assert [o["via"] for o in out] == [["gazette"], [], ["gazette"], []]


def test_two_chains_for_one_speaker_carry_nothing():
    out = [{"actor": "mayor", "via": ["gazette"]}, {"actor": "mayor", "via": ["radio"]}, {"actor": "mayor", "via": []}]
    carry_relays(out)
    assert out[2]["via"] == []


def test_never_relayed_through_itself():
    out = [{"actor": "mayor", "via": ["gazette"]}, {"actor": "gazette", "via": []}]
    carry_relays(out)
    assert out[1]["via"] == []


def test_ukrainian_data_given_by_an_agency_citing_a_service():
    text = ("Як заявила служба порятунку, під час повені загинули 12 людей. "
            "Такі дані агентство Укрінформ наводить з посиланням на службу порятунку.")
    first = "Як заявила служба порятунку, під час повені загинули 12 людей"
    assert raw(text, "uk") == [("службу порятунку", first, True), ("служба порятунку", first[29:], False),
                               ("агентство Укрінформ", first, False)]


def test_korean_topic_report_inside_a_passed_on_clause():
    text = "외교부는 어제 열린 회의에서 관련 사실을 설명했다고 김철수 의원이 기자들에게 전했다."
    got = {s: c for s, c, _ in raw(text, "ko")}
    assert got["김철수 의원"].startswith("외교부는")
    assert got["외교부"] == "어제 열린 회의에서 관련 사실을"


def test_spanish_briefing_speaker_said_it_relayed_by_the_speaker():
    text = ("Al menos 300 casas quedaron destruidas, explicó la alcaldesa Ana Ruiz después de que el Servicio "
            "Meteorológico informara al consejo municipal.")
    got = raw(text, "es")
    assert got[0] == ("el Servicio Meteorológico", "Al menos 300 casas quedaron destruidas", True)
    assert got[1] == ("la alcaldesa Ana Ruiz", "Al menos 300 casas quedaron destruidas", False)


def test_french_and_german_briefings():
    fr = ("«Nous avons perdu 40 bateaux», a déclaré le maire Paul Durand, à l’issue d’une réunion à huis clos avec "
          "les services de secours régionaux.")
    assert ("les services de secours régionaux", "«Nous avons perdu 40 bateaux»", True) in raw(fr, "fr")
    de = ("Rund 200 Häuser seien beschädigt, sagte die Abgeordnete Anna Weber nach einer vertraulichen Sitzung mit "
          "dem Katastrophenschutz.")
    assert raw(de, "de")[0] == ("dem Katastrophenschutz", "Rund 200 Häuser seien beschädigt", True)


def test_german_citing_speaker_is_relayed():
    text = "Der Bürgermeister sagte unter Berufung auf die Feuerwehr, dass 30 Menschen verletzt wurden."
    assert raw(text, "de")[0] == ("die Feuerwehr", "30 Menschen verletzt wurden", True)


def test_briefing_relay_reaches_the_record():
    text = ("Al menos 300 casas quedaron destruidas, explicó el diputado Mario Vidal después de que el Servicio "
            "Meteorológico informara a la comisión.")
    recs = records(text, "es")
    briefed = [r for r in recs if r[0] and "Servicio" in r[0]]
    assert briefed and briefed[0][2] and "vidal" in briefed[0][2][0].lower()


def test_names_after_a_title_are_persons():
    for lang, text, names in [
        ("de", "Das gaben die Parlamentarier Hans Gruber und Eva Lind bekannt.", ["Hans Gruber", "Eva Lind"]),
        ("es", "Lo explicó el diputado Mario Vidal ante la comisión.", ["Mario Vidal"]),
        ("fr", "Le député Jean Dupont a ajouté que rien n'était décidé.", ["Jean Dupont"]),
    ]:
        got = [text[s.start:s.end] for s in find_entities(text, lang) if s.label == "PERSON"]
        assert got == names, (lang, got)
    assert not [s for s in find_entities("El diputado de la OTAN habló.", "es") if s.label == "PERSON"]


def test_names_set_off_before_a_title_are_persons():
    for lang, text, names in [
        ("es", "En la rueda de prensa, Mario Vidal, portavoz del puerto, estimó que en marzo llegaron barcos.",
         ["Mario Vidal"]),
        ("fr", "Selon Jean Dupont, porte-parole du port, les navires arrivent selon le plan.", ["Jean Dupont"]),
    ]:
        got = [text[s.start:s.end] for s in find_entities(text, lang) if s.label == "PERSON"]
        assert got == names, (lang, got)
    # one capitalised word (a place) before the title is no name
    assert not [s for s in find_entities("En Norlandia, general y coronel en su casa.", "es") if s.label == "PERSON"]


def test_ukrainian_person_after_a_registry_ministry():
    text = "Про це сказав речник Міноборони України Петро Коваленко."
    got = {text[s.start:s.end]: s.label for s in find_entities(text, "uk")}
    assert got.get("Петро Коваленко") == "PERSON"


def test_korean_surname_with_title_is_the_last_person_of_that_surname_or_no_name():
    text = '박영수 의원은 "다리 두 곳이 무너졌다"고 말했다. 복구가 늦어질 수 있다고 박 의원은 설명했다.'
    people = [(text[s.start:s.end], s.attrs.get("actor")) for s in find_entities(text, "ko") if s.label == "PERSON"]
    assert people == [("박영수", "auto:박영수"), ("박", "auto:박영수")]
    alone = "복구가 늦어질 수 있다고 이 의원은 설명했다."
    assert not [s for s in find_entities(alone, "ko") if s.label == "PERSON"]


def test_russian_and_ukrainian_according_to_forms():
    for lang, text, speaker in [("ru", "Согласно данным полиции, пострадали 12 человек.", "полиции"),
                                ("ru", "Согласно МЧС, пострадали 12 человек.", "МЧС"),
                                ("uk", "Згідно з даними поліції, постраждали 12 людей.", "поліції")]:
        (sp, content, _), = raw(text, lang)
        assert sp == speaker and content.startswith(("пострадали", "постраждали")), (lang, sp, content)


def test_a_bare_document_noun_continues_the_relayed_speaker():
    text = ("Пожар уничтожил 40 домов, сообщает «Вечерняя газета» со ссылкой на МЧС. "
            "Согласно публикации, пострадали 12 человек.")
    last = records(text, "ru")[-1]
    assert last[1] == "МЧС" and last[2] == ["auto:vechernyaya-gazeta"] and last[3] == "пострадали 12 человек"


def test_a_straight_mark_left_open_on_its_line_pairs_with_no_later_style():
    from newsprism.voices.attributions.quotes import find_quotes
    text = 'Mayor "rebuild in a year\nThe mayor said “the bridge opens in May” on Monday.'
    quotes, skipped = find_quotes(text)
    assert [text[a:b] for a, b in quotes] == ["“the bridge opens in May”"] and skipped == [(6, "unbalanced quote mark")]
    wrapped = 'He said "the bridge\nopens in May" on Monday.'
    assert [wrapped[a:b] for a, b in find_quotes(wrapped)[0]] == ['"the bridge\nopens in May"']


def test_the_interviewing_outlet_carries_the_statement():
    uk = "Частина мостів потребує ремонту. Про це в інтерв'ю The Kyiv Independent сказав міністр Петро Коваленко."
    assert records(uk, "uk")[0][1:3] == ("Петро Коваленко", ["auto:kyiv-independent"])
    ru = "Ремонт займет год, сказал мэр Иван Петров в интервью газете «Вечерняя Москва»."
    assert raw(ru, "ru") == [("мэр Иван Петров", "Ремонт займет год", True),
                             ("«Вечерняя Москва»", "Ремонт займет год", False)]
    assert raw("Ремонт займет год, заявил мэр.", "ru") == [("мэр", "Ремонт займет год", False)]
