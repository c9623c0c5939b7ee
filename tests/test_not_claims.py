"""Numbers that are not claims: dates, years, times, ordinals, unit numbers, temperatures, calibres.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsprism.claims.stages import CLAIM_KINDS
from newsprism.claims.dates import find_times
from newsprism.claims.extract import find_quantities


def _claims(text: str, lang: str) -> list[float]:
    return [q.lo for q in find_quantities(text, lang) if q.kind in CLAIM_KINDS]


@pytest.mark.parametrize("text,lang,left", [
    # dates with the month written after the day, at a sentence end or abbreviated
    ("The envoy flew to Pyongyang on 4 June.", "en", []),
    ("Делегация прибыла в Пхеньян 26 апреля.", "ru", []),
    ("ПХЕНЬЯН, 9 дек. Двести инженеров вернулись домой.", "ru", [200]),
    # years followed by the word for year
    ("В 2025 году в лагере жили 400 человек.", "ru", [400]),
    ("У 2024 році до табору прибули 300 людей.", "uk", [300]),
    # ordinals and units' names
    ("Бойцы 810-й бригады сменили 25-ю роту.", "ru", []),
    ("Підрозділи 47-ї бригади відійшли.", "uk", []),
    ("The 11th Airborne Brigade and the 6th Army moved 900 vehicles.", "en", [900]),
    ("북한군 제11군단 병력이 이동했고 8군단도 합류했다.", "ko", []),
    # times
    ("Two days ago 40 marines landed.", "en", [40]),
    ("Сообщение появилось 3 часа назад.", "ru", []),
    ("Це сталося 2 роки тому.", "uk", []),
    ("그 부대는 3개월 전 이동했다.", "ko", []),
    # temperatures and calibres
    ("At night it fell to -12°C and crews fired 155-mm rounds.", "en", []),
    ("Ночью было 18 градусов мороза, закончились 152-мм снаряды.", "ru", []),
    ("Вночі було 10 градусів морозу.", "uk", []),
])
def test_numbers_that_state_nothing_make_no_claim(text, lang, left):
    assert _claims(text, lang) == left


def test_they_stay_quantities_where_useful():
    kinds = {q.kind for q in find_quantities("Crews fired 155-mm rounds at -12°C two days ago.", "en")}
    assert {"calibre", "temperature", "time"} <= kinds
    # a length in millimetres is still a measure
    assert [q.kind for q in find_quantities("The storm left 40 mm of rain.", "en")] == ["measure"]


def test_korean_day_of_month_is_a_date():
    t = find_times("정찰총국은 지난 13일 새 부대를 보냈고 오는 5일 다시 회의한다.", "ko", "2025-01-20")
    assert [(x.text, x.value) for x in t] == [("지난 13일", "2025-01-13"), ("오는 5일", "2025-02-05")]
    t = find_times("12월 1일과 2일 이틀 동안 13일간의 훈련을 했다.", "ko", "2025-01-20")
    assert [(x.text, x.value) for x in t] == [("12월 1일", "2024-12-01"), ("2일", "2024-12-02")]
    assert [x.value for x in find_times("지난 13일", "ko")] == ["XXXX-XX-13"]
