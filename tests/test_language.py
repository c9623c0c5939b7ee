"""Language identification: the configured languages, no-letter text, mixed text, speed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsprism.clean.language import _detector, detect_language
from newsprism.config import DEFAULT_LANGUAGES
from newsprism.errors import ConfigError

KCNA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"

SAMPLES = {
    "en": "The delegation arrived in the capital on Thursday for talks on trade and culture.",
    "ru": "Делегация прибыла в столицу в четверг для переговоров о торговле и культуре.",
    "uk": "Делегація прибула до столиці в четвер для переговорів щодо торгівлі та культури.",
    "ko": "대표단은 무역과 문화 회담을 위해 목요일에 수도에 도착했다.",
    "ja": "代表団は貿易と文化の協議のため木曜日に首都に到着した。",
    "zh": "代表团星期四抵达首都，就贸易和文化问题进行会谈。",
    "de": "Die Delegation traf am Donnerstag zu Gesprächen über Handel und Kultur in der Hauptstadt ein.",
    "fr": "La délégation est arrivée jeudi dans la capitale pour des discussions sur le commerce et la culture.",
    "es": "La delegación llegó el jueves a la capital para conversar sobre comercio y cultura.",
    "it": "La delegazione è arrivata giovedì nella capitale per colloqui sul commercio e sulla cultura.",
    "ar": "وصل الوفد إلى العاصمة يوم الخميس لإجراء محادثات بشأن التجارة والثقافة.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_configured_language(code):
    found = detect_language(SAMPLES[code], DEFAULT_LANGUAGES)
    assert found is not None and found.value == code and found.source == "lingua"
    assert 0.5 < found.confidence <= 1.0


@pytest.mark.parametrize("text", ["", "   \n", "2024-11-05 12:30 — 1,000 / 3.5 %", "★ ★ ★ !!! ???"])
def test_no_letters_gives_none(text):
    assert detect_language(text, DEFAULT_LANGUAGES) is None


def test_mixed_text_picks_the_dominant_language():
    ru, en = SAMPLES["ru"], SAMPLES["en"]
    assert detect_language(f"{ru} {ru.replace('четверг', 'пятницу')} {en}", DEFAULT_LANGUAGES).value == "ru"
    assert detect_language(f"{en} {en.replace('Thursday', 'Friday')} {ru}", DEFAULT_LANGUAGES).value == "en"


def test_long_text_is_judged_beyond_its_first_lines():
    text = SAMPLES["en"] + "\n" + "\n".join([SAMPLES["ko"]] * 40)
    assert detect_language(text, DEFAULT_LANGUAGES).value == "ko"


def test_restricted_to_the_configured_set():
    assert detect_language(SAMPLES["uk"], ("en", "ru")).value == "ru"       # uk is not allowed
    assert detect_language("anything at all", ("en",)).source == "config:single-language"


def test_detector_is_built_once_per_language_set():
    assert _detector(DEFAULT_LANGUAGES) is _detector(tuple(DEFAULT_LANGUAGES))


def test_unknown_code_is_a_config_error():
    with pytest.raises(ConfigError):
        detect_language("Hello there, friends.", ("en", "xx"))


@pytest.mark.skipif(not KCNA.exists(), reason="needs ../shared/data/kcna-en-2024")
def test_kcna_speed_and_result():
    texts = [json.loads(line)["text"] for line in KCNA.open(encoding="utf-8")]
    detect_language(texts[0], DEFAULT_LANGUAGES)                  # load the models first
    t0 = time.perf_counter()
    found = [detect_language(t, DEFAULT_LANGUAGES).value for t in texts]
    rate = len(texts) / (time.perf_counter() - t0)
    print(f"\nlanguage of {len(texts)} KCNA articles: {rate:.0f} docs/s, {found.count('en')} detected as en")
    assert found.count("en") == len(texts)
    assert rate > 100
