"""Numbers written with counters, place units and case forms (Korean, Chinese, Russian, Ukrainian, Spanish).

Sentences written for these tests: each checks one construction, and its neighbour that must not read the same.
"""

from __future__ import annotations

import pytest

from newsprism.claims.extract import find_quantities


def _values(text: str, lang: str) -> list[tuple[str, float | None, float | None]]:
    return [(text[q.start:q.end], q.min, q.max) for q in find_quantities(text, lang)
            if q.kind not in ("time", "temperature", "calibre")]


@pytest.mark.parametrize("text,lang,value", [
    ("정부는 피해 주민 1900명을 대피시켰다.", "ko", 1900.0),        # a four-digit count before a counter
    ("당국은 2000명 이상이 숨졌다고 밝혔다.", "ko", 2000.0),
    ("소식통은 약 1500人이 실종됐다고 말했다.", "ko", 1500.0),
    ("当局称约2000名居民已被疏散。", "zh", 2000.0),
    ("目前已有1200人抵达。", "zh", 1200.0),
])
def test_a_four_digit_number_before_a_counter_is_a_count(text, lang, value):
    assert value in [lo for _, lo, _ in _values(text, lang)]


@pytest.mark.parametrize("text,lang", [
    ("2019년 1월 정부는 계획을 발표했다.", "ko"),
    ("2024 대선을 앞두고 후보들이 토론했다.", "ko"),
    ("2008年北京举办了奥运会。", "zh"),
])
def test_a_year_stays_a_year(text, lang):
    assert not [v for v in _values(text, lang) if v[1] and v[1] >= 1000]


@pytest.mark.parametrize("text,raw,lo,hi", [
    ("구조대는 주민 3200여명을 구조했다.", "3200여명", 3200.0, None),              # 여 joined to the counter
    ("주민 500여 명이 대피했다.", "500여 명", 500.0, None),
    ("예산 3천여만 원이 들었다.", "3천여만 원", 3e7, None),                       # 여 between place units
    ("창고에서 탄약 천여만 발이 나왔다.", "천여만 발", 1e7, None),                  # place units with no digit
    ("현장에는 경찰 천 명가량이 배치됐다.", "천 명", 1000.0, 1000.0),
    ("부상자는 열 명 이상이라고 전했다.", "열 명 이상", 10.0, None),               # a native numeral and a hedge
    ("마을 주민 스물두 명이 다쳤다.", "스물두 명", 22.0, 22.0),
    ("선박 세 척이 침몰했다.", "세 척", 3.0, 3.0),
])
def test_korean_counts(text, raw, lo, hi):
    got = _values(text, "ko")
    assert any(r.startswith(raw) and a == lo and b == hi for r, a, b in got), got


@pytest.mark.parametrize("text", [
    "그는 문을 열 수 있다고 말했다.",       # 열 is "open" here: no counter follows
    "두 번째 회담이 열렸다.",               # 번째: an ordinal
    "백악관은 성명을 냈다.",                 # 백 starts a word, not a number
])
def test_korean_words_that_are_not_numbers(text):
    assert _values(text, "ko") == []


def test_chinese_more_between_place_units():
    got = _values("该地区约有三千多万居民，其中3千多万人受灾。", "zh")
    assert ("3千多万人", 3e7, None) in [(r[:5], a, b) for r, a, b in got]


@pytest.mark.parametrize("text,lang,lo,hi", [
    ("Он был готов пожертвовать 20 тысячами солдат.", "ru", 20000.0, 20000.0),   # a scale word in the instrumental
    ("Потери исчислялись сотнями человек.", "ru", 100.0, 1000.0),               # a vague plural in the instrumental
    ("В лагерь прибыли тысячи беженцев.", "ru", 1000.0, 10000.0),              # "thousands", not one thousand
    ("Загинули близько трьох тисяч осіб.", "uk", 3000.0, 3000.0),               # a genitive number word
    ("Навчання тривають на семи полігонах.", "uk", 7.0, 7.0),
    ("Бійців розмістили на п’яти базах.", "uk", 5.0, 5.0),                      # the typographic apostrophe
    ("Según la fuente, «varias docenas» de heridos llegaron.", "es", 24.0, 120.0),
])
def test_case_forms_and_vague_plurals(text, lang, lo, hi):
    assert any(a == lo and b == hi for _, a, b in _values(text, lang)), _values(text, lang)


def test_two_thousand_in_words_is_exact():
    assert [(a, b) for _, a, b in _values("Прибыли две тысячи беженцев.", "ru")] == [(2000.0, 2000.0)]


# -- numbers that are not claims ------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Der Vertrag wurde am 3. März unterzeichnet.", "de"),        # a day with its ordinal point
    ("La reunión se celebró el 12 de marzo en Madrid.", "es"),    # a day joined to its month
    ("사진은 2023.07.14. 촬영됐다.", "ko"),                          # a dotted date
    ("5·18 기념식이 열렸다.", "ko"),                                # a date that names an event
    ("올해 3∼4월 사이에 훈련이 진행됐다.", "ko"),                    # a range of months
    ("Die Einheit Nr. 12 rückte vor.", "de"),                     # a unit's number
    ("Il est affecté à la section 3 du régiment.", "fr"),
])
def test_dates_and_reference_numbers_are_not_quantities(text, lang):
    assert _values(text, lang) == []


@pytest.mark.parametrize("text,lang", [
    ("Ein Sprecher sagte, eine Einigung sei nahe.", "de"),        # the indefinite article
    ("Une délégation a rencontré un ministre.", "fr"),
    ("Un portavoz confirmó una reunión.", "es"),
])
def test_an_article_is_not_one(text, lang):
    assert _values(text, lang) == []


@pytest.mark.parametrize("text,lang,kind", [
    ("Le plus jeune a 19 ans selon la liste.", "fr", "age"),
    ("El soldado tiene 21 años.", "es", "age"),
    ("Laut Polizei wurde der 20-Jährige verletzt.", "de", "age"),
    ("부상병은 19세 청년이었다.", "ko", "age"),
    ("Бойцу было 20 лет, 20-летний боец выжил.", "ru", "age"),
    ("Les combats durent depuis huit mois.", "fr", "duration"),
    ("La misión duró tres semanas.", "es", "duration"),
    ("Die Ausbildung dauerte vier Wochen.", "de", "duration"),
    ("기온은 영하 12도까지 떨어졌다.", "ko", "temperature"),
    ("부대는 152㎜ 자주포를 배치했다.", "ko", "calibre"),
])
def test_ages_durations_temperatures_and_calibres_make_no_claim(text, lang, kind):
    kinds = [q.kind for q in find_quantities(text, lang)]
    assert kind in kinds and "count" not in kinds, kinds


def test_a_range_written_with_a_tilde():
    assert [(a, b) for _, a, b in _values("병사 4∼6명이 다쳤다.", "ko")] == [(4.0, 6.0)]


@pytest.mark.parametrize("text,lang,lo,hi", [
    ("据报道，三千多名士兵抵达前线。", "zh", 3000.0, None),       # digits written in characters
    ("事故造成十五人受伤。", "zh", 15.0, 15.0),
    ("当地疏散了两万名居民。", "zh", 20000.0, 20000.0),
    ("当地疏散了2000多人。", "zh", 2000.0, None),
    ("兵士三人が負傷した。", "ja", 3.0, 3.0),
])
def test_chinese_and_japanese_numbers_before_a_counter(text, lang, lo, hi):
    assert any(a == lo and b == hi for _, a, b in _values(text, lang)), _values(text, lang)


@pytest.mark.parametrize("text", ["万一发生事故，后果严重。", "他一人前往。", "第三名选手晋级。"])
def test_characters_that_are_not_counts(text):
    assert _values(text, "zh") == []


@pytest.mark.parametrize("text,lang,kind", [
    ("훈련은 4주 동안 이어졌다.", "ko", "duration"),
    ("시위가 3주째 계속됐다.", "ko", "duration"),
    ("Text size: 16 px", "en", "layout"),
])
def test_weeks_and_layout_units_make_no_claim(text, lang, kind):
    assert [q.kind for q in find_quantities(text, lang)] == [kind]


@pytest.mark.parametrize("text,lang,value", [
    ("Rund 11.000 Soldaten wurden verlegt.", "de", 11000.0),        # a point groups thousands
    ("Près de 3 000 militaires ont été tués.", "fr", 3000.0),         # a space groups thousands
    ("Près de 3\u202f000 militaires ont été tués.", "fr", 3000.0),    # a narrow no-break space
    ("Unos 11.000 soldados llegaron.", "es", 11000.0),
    ("Zwölftausend Menschen flohen, dreihundert blieben.", "de", 12000.0),   # one-word German numbers
    ("Onze mille soldats et dix-sept chars.", "fr", 11000.0),
    ("Llegaron quince mil soldados.", "es", 15000.0),
    ("Llegaron doscientos soldados.", "es", 200.0),
])
def test_thousands_separators_and_number_words(text, lang, value):
    assert value in [a for _, a, _ in _values(text, lang)], _values(text, lang)


@pytest.mark.parametrize("text,lang,lo,hi", [
    ("Поранено близько тисячі військових.", "uk", 1000.0, 1000.0),      # after a hedge: one thousand
    ("Ранены около тысячи человек.", "ru", 1000.0, 1000.0),
    ("Тисячі біженців перетнули кордон.", "uk", 1000.0, 10000.0),      # alone: thousands
])
def test_a_thousand_or_thousands(text, lang, lo, hi):
    assert [(a, b) for _, a, b in _values(text, lang)] == [(lo, hi)]
