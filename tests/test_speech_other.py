"""Attributions in Spanish, German, French, Japanese and Chinese (their packs' ``speech.rules``), and the generic
fallback for a language without rules: a quote with a named speaker next to it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprism.languages import pack
from newsprism.languages._text import quote_sentences
from newsprism.model import Span
from newsprism.voices.attributions import find_attributions, find_quotes
from newsprism.voices.entities import find_entities


def got(text: str, lang: str, entities=None) -> list[tuple[str | None, str, str]]:
    """(speaker text, content text, stance) of each attribution, in text order."""
    ents = find_entities(text, lang) if entities is None else entities
    spans = [s for s in find_attributions(text, lang, ents) if s.layer == "attribution"]
    return [(s.attrs.get("speaker_text"), text[s.start:s.end], s.attrs.get("stance")) for s in spans]


def ent(start: int, end: int, label: str = "PERSON") -> Span:
    return Span(start, end, "entity", label, "test", "1")


def said(text: str, lang: str) -> dict[str, tuple[str, str]]:
    """speaker text -> (content, stance)."""
    return {sp: (content, st) for sp, content, st in got(text, lang)}


@pytest.mark.parametrize("lang", ["es", "de", "fr", "ja", "zh"])
def test_the_packs_have_their_own_rules(lang):
    assert pack(lang).has("speech") and pack(lang).speech.VERBS


# -- Spanish

def test_spanish_quote_then_verb_and_an_apposed_name():
    assert got("«No daremos ni un paso atrás», dijo el ministro del Interior, Tomás Ibarra.", "es") == [
        ("el ministro del Interior, Tomás Ibarra", "«No daremos ni un paso atrás»", "says")]


def test_spanish_subject_verb_que_and_denials():
    by = said("La cancillería negó el martes que el cónsul hubiera sido detenido. "
              "El alcalde, Rubén Soto, afirmó que el puente se abrirá en mayo.", "es")
    assert by["La cancillería"] == ("el cónsul hubiera sido detenido", "denies")
    assert by["El alcalde, Rubén Soto"][0] == "el puente se abrirá en mayo"


def test_spanish_according_to_before_and_after():
    by = said("Según la agencia Reuters, el incendio arrasó 300 hectáreas. "
              "La presa resistió las lluvias, según fuentes municipales.", "es")
    assert by["la agencia Reuters"][0] == "el incendio arrasó 300 hectáreas"
    assert by["fuentes municipales"][0] == "La presa resistió las lluvias"


def test_spanish_citing_gives_both_parties():
    by = said("El diario local, citando a fuentes policiales, informó que el sospechoso fue liberado.", "es")
    assert by["El diario local"][0] == by["fuentes policiales"][0] == "el sospechoso fue liberado"


def test_spanish_coordinated_verb_keeps_the_subject_and_leading_adverbials_drop():
    assert got("Ayer, Lisboa revisó los datos y reconoció por primera vez que la cifra era mayor.", "es") == [
        ("Lisboa", "la cifra era mayor", "confirms")]


def test_spanish_sentences_without_a_report_give_nothing():
    assert got("El presidente visitó la fábrica y saludó a los obreros. Los informes llegaron tarde.", "es") == []
    assert got("Ayer llovió en Sevilla y el tráfico fue lento, según parece.", "es") == []


# -- German

def test_german_quote_then_verb_and_indirect_speech_continued():
    by = said("„Wir geben nicht nach“, sagte Ministerin Petra Lang am Dienstag in Bonn. "
              "Der Sprecher sagte, die Lage sei ruhig. Es gebe keine Hinweise auf neue Angriffe.", "de")
    assert by["Ministerin Petra Lang"] == ("„Wir geben nicht nach“", "says")
    found = got("Der Sprecher sagte, die Lage sei ruhig. Es gebe keine Hinweise auf neue Angriffe.", "de")
    assert [c for _, c, _ in found] == ["die Lage sei ruhig", "Es gebe keine Hinweise auf neue Angriffe"]
    assert {sp for sp, _, _ in found} == {"Der Sprecher"}


def test_german_according_forms():
    by = said("Laut dem Landesamt wurden zwei Brücken gesperrt. Der Feuerwehr zufolge brannte das Lager "
              "die ganze Nacht. Die Schäden seien hoch, so Kommandant Jens Voigt.", "de")
    assert by["dem Landesamt"][0].startswith("wurden zwei Brücken gesperrt")
    assert by["Der Feuerwehr"][0].startswith("brannte das Lager")
    assert by["Kommandant Jens Voigt"][0] == "Die Schäden seien hoch"


def test_german_denial_with_dass_and_the_wie_clause():
    by = said("Das Ministerium bestritt, dass Truppen verlegt worden seien. Wie die Stadtwerke mitteilten, "
              "fiel der Strom für drei Stunden aus.", "de")
    assert by["Das Ministerium"] == ("Truppen verlegt worden seien", "denies")
    assert by["die Stadtwerke"][0].startswith("fiel der Strom")


def test_german_relay_and_anaphoric_source():
    by = said("Die Zeitung berichtete unter Berufung auf Diplomaten, dass der Gipfel verschoben werde.", "de")
    assert by["Die Zeitung"][0] == by["Diplomaten"][0] == "der Gipfel verschoben werde"
    text = "Die Polizei legte am Abend ihre Bilanz vor. Nach diesen Angaben wurden vier Menschen verletzt."
    spans = [s for s in find_attributions(text, "de", [ent(4, 11, "ORG")])
             if s.layer == "attribution"]
    assert [(s.attrs["speaker_text"], text[s.start:s.end]) for s in spans] == [
        ("Polizei", "wurden vier Menschen verletzt")]


def test_german_plain_sentences_give_nothing():
    assert got("Das Wetter war schön, und die Kinder spielten im Garten. Am 3. März begann der Umbau.", "de") == []


# -- French

def test_french_quote_then_verb_and_pronoun_speaker():
    text = ("« Nous tiendrons bon », a déclaré le Premier ministre Paul Girard. "
            "« La reprise sera lente », a-t-il ajouté.")
    assert got(text, "fr") == [("le Premier ministre Paul Girard", "« Nous tiendrons bon »", "says"),
                               ("le Premier ministre Paul Girard", "« La reprise sera lente »", "says")]


def test_french_trailing_verb_after_a_clause_and_que_forms():
    by = said("Environ 2.000 colis ont été saisis au port, a ajouté M. Durand. "
              "Le porte-parole de la mairie, Luc Morel, a démenti qu'un accord ait été signé.", "fr")
    assert by["M. Durand"][0] == "Environ 2.000 colis ont été saisis au port"
    assert by["Le porte-parole de la mairie, Luc Morel"] == ("un accord ait été signé", "denies")


def test_french_according_to_and_estimates():
    by = said("Selon la préfecture, 40 personnes ont été évacuées. "
              "Le syndicat, lui, évalue la participation à environ 12 000 manifestants.", "fr")
    assert by["la préfecture"][0] == "40 personnes ont été évacuées"
    assert by["Le syndicat"][0] == "évalue la participation à environ 12 000 manifestants"


def test_french_idioms_are_no_source():
    assert got("Le convoi, selon toute vraisemblance, a quitté la ville hier.", "fr") == []
    assert got("Le président a visité l'usine et a salué les ouvriers.", "fr") == []


# -- Japanese

def test_japanese_quote_indirect_and_according_to():
    by = said("防衛省は5日、「落下地点は領海の外だった」と発表した。外務省は、報道は事実ではないと否定した。"
              "関係者によると、会談は来月開かれる見通しだ。", "ja")
    assert by["防衛省"] == ("「落下地点は領海の外だった」", "says")
    assert by["外務省"] == ("報道は事実ではない", "denies")
    assert by["関係者"][0].startswith("会談は来月")


def test_japanese_citing_and_plain_sentences():
    by = said("通信社は軍当局を引用して、部隊が撤収したと伝えた。", "ja")
    assert by["通信社"][0] == by["軍当局"][0] == "部隊が撤収した"
    assert got("東京は晴れて、気温が上がった。", "ja") == []


# -- Chinese

def test_chinese_verb_comma_according_and_citing():
    by = said("外交部发言人王明表示，中方反对任何单边制裁。据新华社报道，地震造成至少12人死亡。"
              "路透社援引知情人士的话说，谈判已经陷入僵局。国防部否认，有关报道不实。", "zh")
    assert by["外交部发言人王明"][0].startswith("中方反对任何单边制裁")
    assert by["新华社"][0].startswith("地震造成至少12人死亡")
    assert by["路透社"][0] == by["知情人士"][0]
    assert by["国防部"][1] == "denies"


def test_chinese_speaker_stops_at_time_words_and_plain_sentences_give_nothing():
    assert said("市长李华今天在记者会上说：“我们不会让步。”", "zh")["市长李华"][0] == "“我们不会让步。”"
    assert got("今天北京天气晴朗，气温升高。对我们来说，这是好消息。", "zh") == []


# -- the generic fallback

def test_a_language_without_rules_keeps_quotes_with_a_named_speaker():
    text = "«Non ci arrenderemo mai», ha detto Mario Rossi durante il vertice. Il titolo era «Una notte»."
    ents = [ent(text.index("Mario"), text.index("Mario") + 11)]
    assert pack("it").speech.rules is pack("xx").speech.rules
    assert got(text, "it", ents) == [("Mario Rossi", "«Non ci arrenderemo mai»", "says")]
    assert got(text, "it", []) == []                 # no named speaker near: nothing rather than a guess


def test_generic_fallback_skips_short_quotes_and_distant_names():
    text = "Anna Berg visitò la città. Il «piano» fu approvato dopo una lunga notte di discussioni nel consiglio, " \
           "e tutti dissero «che sarebbe stato un successo enorme»."
    ents = [ent(0, 9)]
    assert got(text, "it", ents) == []


def test_sentences_are_not_cut_inside_quotes_numbers_or_initials():
    text = "«Il a dit non. Puis il est parti», a précisé M. Lee. Il y avait 2.000 personnes.Le soir tombait."
    quotes, _ = find_quotes(text)
    parts = [text[a:b] for a, b in quote_sentences(text, quotes)]
    assert parts == ["«Il a dit non. Puis il est parti», a précisé M. Lee.", "Il y avait 2.000 personnes.",
                     "Le soir tombait."]


def test_relative_clauses_asides_and_infinitive_complements():
    by = said("El Gobierno regional, que niega cualquier implicación, dijo que abrirá una investigación.", "es")
    assert by["El Gobierno regional"] == ("abrirá una investigación", "says")
    assert said("La alcaldía afirmó, sin embargo, que el puente resistirá.", "es")["La alcaldía"][0] == \
        "el puente resistirá"
    assert said("L'armée affirme avoir détruit 30 dépôts.", "fr")["L'armée"][0] == "avoir détruit 30 dépôts"
    assert said("« Un jour historique », s'est félicité le maire lors d'un discours.", "fr")["le maire"] == \
        ("« Un jour historique »", "praises")


def test_japanese_object_denial_and_chinese_pronoun():
    assert said("報道官は、海軍の関与を否定した。", "ja")["報道官"] == ("海軍の関与", "denies")
    found = got("发言人王明表示，中方反对制裁。他表示，双方将保持沟通。", "zh")
    assert [(sp, c) for sp, c, _ in found] == [("发言人王明", "中方反对制裁。"), ("发言人王明", "双方将保持沟通。")]
    assert got("他表示，双方将保持沟通。", "zh") == []


def test_german_object_first_with_a_finding_verb_and_a_description_for_an_earlier_speaker():
    text = ("Der südkoreanische Nationale Geheimdienst (NIS) sagte am Montag, die Truppen seien verlegt worden. "
            "Belege für einen neuen Angriff hat der Geheimdienst bislang nicht gefunden, ausschließen will er ihn "
            "aber nicht.")
    spans = [s for s in find_attributions(text, "de", find_entities(text, "de")) if s.layer == "attribution"]
    by = {text[s.start:s.end]: (s.attrs["speaker_text"], s.attrs["actor"]) for s in spans}
    assert by["Belege für einen neuen Angriff"] == ("der Geheimdienst", "nis-south-korea")
    # no finding verb, no report: "Die Häuser hat der Sturm zerstört"
    text = "Die Häuser hat der Sturm zerstört."
    assert not [s for s in find_attributions(text, "de", find_entities(text, "de")) if s.layer == "attribution"]


def test_a_quote_after_according_to_ends_before_the_writers_concession():
    text = ("D’après lui, «on ne peut pas exclure une nouvelle hausse des prix», bien que la banque n’ait montré "
            "aucun signe en ce sens.")
    spans = [s for s in find_attributions(text, "fr", find_entities(text, "fr")) if s.layer == "attribution"]
    assert [(text[s.start:s.end], s.label) for s in spans] == [
        ("«on ne peut pas exclure une nouvelle hausse des prix»", "direct")]
