"""Sentence and paragraph offsets: English, Russian, Korean, CJK rules, real seed sentences, properties."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newsprism.clean.segment import paragraphs, sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
KCNA = SHARED / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"


def split(text: str, lang: str = "en") -> list[str]:
    return [text[a:b] for a, b in sentences(text, 0, len(text), lang)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Gen. Lee and Lt. Col. Park. They talked.",
     ["Mr. Smith met Gen. Lee and Lt. Col. Park.", "They talked."]),
    ("Dr. Kim left. U.S. and South Korean agencies agree.",
     ["Dr. Kim left.", "U.S. and South Korean agencies agree."]),
    ("The U.N. Security Council met. The troops went to the U.S. The next day they left.",
     ["The U.N. Security Council met.", "The troops went to the U.S.", "The next day they left."]),
    ("On Jan. 5 the No. 3 unit moved. Dec. 8 was quiet.",
     ["On Jan. 5 the No. 3 unit moved.", "Dec. 8 was quiet."]),
    ("It was signed by Kim Jong Un. J. Smith of the U.N. agreed.",
     ["It was signed by Kim Jong Un.", "J. Smith of the U.N. agreed."]),
    ("Output grew 3.5 percent. Prices rose 2.1%.", ["Output grew 3.5 percent.", "Prices rose 2.1%."]),
    ("He paused... Then he left. It went on… and on.", ["He paused...", "Then he left.", "It went on… and on."]),
    ("“They are heroes.” He said it twice. “Why?” she asked.",
     ["“They are heroes.”", "He said it twice.", "“Why?” she asked."]),
    ("Hengfeng Trade Co. Ltd. in Dandong sent flowers. Mr. Li came.",
     ["Hengfeng Trade Co. Ltd. in Dandong sent flowers.", "Mr. Li came."]),
    ("A headline without a period\nThe body starts here. It ends here.",
     ["A headline without a period", "The body starts here.", "It ends here."]),
])
def test_english(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("В 2024 г. в Курской области шли бои, т.е. наступление продолжалось. Потом стало тихо.",
     ["В 2024 г. в Курской области шли бои, т.е. наступление продолжалось.", "Потом стало тихо."]),
    ("В. В. Путин принял делегацию. Встреча прошла на ул. Ленина в музее им. Горького.",
     ["В. В. Путин принял делегацию.", "Встреча прошла на ул. Ленина в музее им. Горького."]),
    ("Обсуждали зерно, мосты и т.д. Затем подписали меморандум.",
     ["Обсуждали зерно, мосты и т.д.", "Затем подписали меморандум."]),
    ("«Мы победим!» — сказал он. — Когда? — спросила она. Он ответил: «Скоро». Все ушли.",
     ["«Мы победим!» — сказал он.", "— Когда? — спросила она.", "Он ответил: «Скоро».", "Все ушли."]),
])
def test_russian(text, expected):
    assert split(text, "ru") == expected


@pytest.mark.parametrize("text, expected", [
    ("김정은 동지는 “조국을 지키자.”라고 말했다. 그는 웃었다. 정말인가요? 네, 그렇습니다.",
     ["김정은 동지는 “조국을 지키자.”라고 말했다.", "그는 웃었다.", "정말인가요?", "네, 그렇습니다."]),
    ("조선중앙통신에 의하면 대표단이 도착하였다\n환영 행사가 열렸다",
     ["조선중앙통신에 의하면 대표단이 도착하였다", "환영 행사가 열렸다"]),
    ("그는 “좋다.” 라고 답했다. 회의는 3.5시간 계속되었다.",
     ["그는 “좋다.” 라고 답했다.", "회의는 3.5시간 계속되었다."]),
])
def test_korean(text, expected):
    assert split(text, "ko") == expected


def test_chinese_and_japanese():
    assert split("今天天气很好。你去吗？我去！", "zh") == ["今天天气很好。", "你去吗？", "我去！"]
    assert split("明日は雨でしょうか？「行きます。」と言った。", "ja") == ["明日は雨でしょうか？", "「行きます。」と言った。"]


def test_unknown_language_uses_general_rules():
    assert split("Der Präsident sprach. Dann ging er!", "und") == ["Der Präsident sprach.", "Dann ging er!"]


def test_paragraphs_are_trimmed_lines():
    text = "  Title  \n\nFirst para. Two.\n   \nLast"
    assert [text[a:b] for a, b in paragraphs(text)] == ["Title", "First para. Two.", "Last"]


@pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/corpus/seeds")
def test_seed_sentences():
    text = (SEEDS / "003_f5a5df3b31408cd2.txt").read_text(encoding="utf-8")
    got = {text[a:b] for p0, p1 in paragraphs(text) for a, b in sentences(text, p0, p1, "en")}
    assert ("Ukraine’s General Oleksandr Syrskyi stated that the fighters are highly motivated and utilize"
            " old Soviet-style tactics to overwhelm defenses.") in got
    text = (SEEDS / "002_484adb04f46ed6a9.txt").read_text(encoding="utf-8")
    got = [text[a:b] for p0, p1 in paragraphs(text) for a, b in sentences(text, p0, p1, "en")]
    assert ("U.S. and South Korean intelligence agencies assess that further North Korean troop deployments"
            " are likely between July and August.") in got
    assert not any(s.endswith("U.S.") for s in got)


_ALPHABET = st.sampled_from(list("ab AZ.!?…\n\t\"“”«»'’()-—,;:3.Mr Gen Jan U.S. 다요까。！？г.В") + ["Mr.", "U.S.", " т.д. "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from(["en", "ru", "ko", "ja", "und"]),
       st.integers(0, 10), st.integers(0, 10))
def test_offsets_are_exact_ordered_and_cover_text(text, lang, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    spans = list(sentences(text, start, end, lang))
    prev = start
    for a, b in spans:
        assert start <= prev <= a < b <= end
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert text[prev:a].strip() == ""          # nothing but space between sentences
        prev = b
    assert text[prev:end].strip() == ""
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text[start:end].split())


@pytest.mark.skipif(not KCNA.exists(), reason="needs ../shared/data/kcna-en-2024")
def test_speed_at_least_one_megabyte_per_second():
    text = "\n".join(json.loads(line)["text"] for line in KCNA.open(encoding="utf-8"))
    t0 = time.perf_counter()
    n = sum(1 for p0, p1 in paragraphs(text) for _ in sentences(text, p0, p1, "en"))
    rate = len(text) / (time.perf_counter() - t0)
    print(f"\nsegmented {len(text):,} chars into {n:,} sentences at {rate / 1e6:.1f} M chars/s")
    assert rate > 1e6
