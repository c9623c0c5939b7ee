"""Russian and Ukrainian reported speech (languages/_speech.py with the ru and uk packs), on sentences written
for these tests: opening phrases, quotes closed by a verb, trailing and anaphoric reports, relays, disputes,
vague sources and pronouns."""

from __future__ import annotations

import pytest

from newsprism.languages import _speech, pack
from newsprism.voices.attributions import find_attributions
from newsprism.voices.entities import find_entities


def got(text, lang):
    """(actor or speaker text, content, via, stance) of each attribution."""
    spans = find_attributions(text, lang, find_entities(text, lang))
    return [(s.attrs["actor"] or s.attrs["speaker_text"], text[s.start:s.end], s.attrs["via"], s.attrs["stance"])
            for s in spans if s.layer == "attribution"]


def speakers_of(text, lang, key):
    return {a for a, c, _, _ in got(text, lang) if key in c}


def test_ukrainian_opening_phrases_name_their_source():
    assert speakers_of("За словами Володимира Зеленського, бої тривають на трьох напрямках.", "uk", "бої тривають") \
        == {"volodymyr-zelensky"}
    assert speakers_of("За даними Reuters, загинули близько 600 військових.", "uk", "загинули") == {"reuters"}
    spans = find_attributions("Як заявив Дмитро Кулеба, переговори відкладено.", "uk",
                              find_entities("Як заявив Дмитро Кулеба, переговори відкладено.", "uk"))
    assert [s.attrs["speaker_text"] for s in spans if s.layer == "attribution"] == ["Дмитро Кулеба"]


def test_ukrainian_verbs_before_and_after_the_content():
    text = ("Володимир Зеленський повідомив, що армія утримує позиції. "
            "\"Ми не відступимо\", - сказав Зеленський. "
            "Росія втратила сотні танків, заявив Зеленський.")
    res = got(text, "uk")
    assert ("volodymyr-zelensky", "армія утримує позиції", [], "says") in res
    assert ("volodymyr-zelensky", "\"Ми не відступимо\"", [], "says") in res
    assert ("volodymyr-zelensky", "Росія втратила сотні танків", [], "says") in res


def test_a_quote_over_several_sentences_closed_by_a_dash_and_verb():
    text = "«Мы готовы к переговорам. Но условия ставит Москва», — заявил Сергей Лавров."
    res = got(text, "ru")
    assert ("sergei-lavrov", "«Мы готовы к переговорам. Но условия ставит Москва»", [], "says") in res


def test_relay_inside_the_sentence_gives_the_original_speaker_via_the_outlet():
    # "со ссылкой на": the cited source said it, the agency relays it (the English relay shape: via)
    res = got("ТАСС со ссылкой на Министерство обороны сообщил, что колонна уничтожена.", "ru")
    inner = [r for r in res if r[2] == ["tass"]]
    assert inner and "колонна уничтожена" in inner[0][1]
    assert any(a == "tass" and "колонна уничтожена" in c for a, c, _, _ in res)
    # "з посиланням на" after a trailing report
    res = got("Втрати сягнули 300 осіб, повідомляє Укрінформ з посиланням на Генштаб.", "uk")
    assert any(v and "Втрати сягнули 300 осіб" in c for _, c, v, _ in res)
    # "…, передает ТАСС" after the speaker's own report
    res = got("Песков заявил, что встреча не планируется, передает ТАСС.", "ru")
    assert ("dmitry-peskov", "встреча не планируется", ["tass"], "says") in res


def test_anaphoric_report_takes_the_sentence_before_and_a_vague_source_keeps_its_words():
    text = "На границе замечены новые колонны. Такие данные привели источники в Минобороны."
    res = got(text, "ru")
    assert [(a, c) for a, c, _, _ in res] == [("источники в Минобороны", "На границе замечены новые колонны")]
    text = "У Курській області перебувають 11 тисяч військових. Про це повідомили західні розвідки."
    assert speakers_of(text, "uk", "11 тисяч") == {"західні розвідки"}


def test_denials_and_disputes_carry_their_stance_and_the_disputed_content():
    res = got("Мария Захарова опровергла сообщения о том, что войска КНДР воюют в Курской области.", "ru")
    assert ("maria-zakharova", "войска КНДР воюют в Курской области", [], "denies") in res
    res = got("Министерство обороны заявило, что эта информация не соответствует действительности.", "ru")
    assert [s for _, _, _, s in res] == ["denies"]
    text = "Сеул заявил об отправке войск. Мария Захарова назвала эти сведения «фейком»."
    zakh = [r for r in got(text, "ru") if r[0] == "maria-zakharova"]
    assert zakh and zakh[0][3] == "disputes" and "эти сведения" in zakh[0][1]
    res = got("Міністерство оборони Росії спростувало повідомлення про втрати.", "uk")
    assert [s for _, _, _, s in res] == ["denies"]
    res = got("Кремль заперечив, що військові КНДР перебувають у Росії.", "uk")
    assert [(c, s) for _, c, _, s in res] == [("військові КНДР перебувають у Росії", "denies")]


def test_a_pronoun_or_a_bare_role_continues_the_earlier_speaker():
    text = ("Губернатор Курской области Александр Хинштейн рассказал о разминировании. "
            "По словам губернатора, очищено 40 тысяч гектаров. По его словам, работы продолжатся.")
    res = got(text, "ru")
    who = {c: a for a, c, _, _ in res}
    first = next(a for a, c, _, _ in res if "разминировании" in c)
    assert who["очищено 40 тысяч гектаров"] == first == who["работы продолжатся"]


def test_no_report_in_plain_narration_or_without_what_this_refers_to():
    assert got("Войска вошли в город утром.", "ru") == []
    assert got("Про це повідомив Генштаб.", "uk") == []
    assert got("Заявление было опубликовано вечером.", "ru") == []


def test_report_verbs_need_a_verb_ending():
    ru = _speech.verb_stance
    lex = pack("ru").speech._LEX
    assert ru("заявил", lex) == "says" and ru("рассказывал", lex) == "says" and ru("отвергло", lex) == "denies"
    assert ru("заявление", lex) is None and ru("сообщение", lex) is None
    assert ru("спростували", pack("uk").speech._LEX) == "denies"
    assert ru("повідомлення", pack("uk").speech._LEX) is None


def test_russian_po_otsenke_in_the_singular_opens_a_report_mid_sentence():
    text = "Соседняя страна, по оценке японской разведки, отправила на учения около 7 тысяч солдат."
    spans = find_attributions(text, "ru", find_entities(text, "ru"))
    assert [(s.attrs["speaker_text"], text[s.start:s.end]) for s in spans if s.layer == "attribution"] == \
        [("японской разведки", "отправила на учения около 7 тысяч солдат")]


@pytest.mark.parametrize("lang, text, bare, actor", [
    ("uk", "Армія отримає нові дрони. Про це заявив очільник Головного управління розвідки Міноборони України "
           "Кирило Буданов. За даними української розвідки, армія вже поповнила втрати.", "української розвідки",
     "hur-ukraine"),
    ("ru", "Армия получит новые дроны. Об этом заявил глава Главного управления разведки Минобороны Украины "
           "Кирилл Буданов. По данным украинской разведки, армия уже восполнила потери.", "украинской разведки",
     "hur-ukraine"),
    ("uk", "Обстріл тривав дві години. Про це заявив губернатор Харківської області Олег Синєгубов. "
           "За словами губернатора, загиблих немає.", "губернатора", "auto:oleg-sinyegubov"),
])
def test_a_bare_body_is_the_body_in_an_earlier_title_not_the_person_who_heads_it(lang, text, bare, actor):
    spans = [s for s in find_attributions(text, lang, find_entities(text, lang)) if s.layer == "attribution"]
    assert {s.attrs["speaker_text"]: s.attrs["actor"] for s in spans}[bare] == actor


@pytest.mark.parametrize("tail", ["заслужили новую дорогу.\"", "заслужили новую дорогу, которая соединит"])
def test_a_paragraph_of_quote_alone_continues_the_speaker_of_the_paragraph_before(tail):
    text = ('"Мы построим новый мост через реку", - подчеркнул мэр Иван Петров. По его словам, работы начнутся '
            'весной.\n\n"Пусть это будет трудно, жители, можно сказать, ' + tail)
    spans = [s for s in find_attributions(text, "ru", find_entities(text, "ru")) if s.layer == "attribution"]
    last = max(spans, key=lambda s: s.start)
    assert text[last.start:].startswith('"Пусть') and last.attrs["actor"] == "auto:ivan-petrov"
    assert last.label == "direct"
    text = 'Мост откроют весной.\n\n"Пусть это будет трудно."'      # no report before: nobody's
    assert not [s for s in find_attributions(text, "ru", find_entities(text, "ru")) if s.layer == "attribution"]


def test_a_quote_a_complementiser_takes_in_is_mixed_and_quoted_names_are_no_quotes():
    def labels(text):
        return [(text[s.start:s.end], s.label) for s in find_attributions(text, "uk", find_entities(text, "uk"))
                if s.layer == "attribution"]
    text = 'Мер наголосив, що "дороги відкриють наступного тижня, адже ремонт завершено".'
    assert labels(text) == [('"дороги відкриють наступного тижня, адже ремонт завершено"', "mixed")]
    text = ("За даними міністерства, військових навчають на трьох полігонах: “Барановському” в Уссурійську "
            "та “Донгузі” в Улан-Уде.")
    assert [k for _, k in labels(text)] == ["indirect"]
