"""Leader names glued to their neighbours by the KCNA scrape: repaired, nothing else touched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsprism.clean.normalize import normalize_text
from newsprism.clean.repair import count_glued_names, repair_glued_names

KCNA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "kcna-en-2024" / "kcna_en_2024_dedup.jsonl"

_NAMES = re.compile(r"Kim (?:Il Sung|Jong Il|Jong Un)")


def glued_names(text: str) -> int:
    """Independent of the repair's regex: leader names touching a letter, comma, period
    or "--" on the left, or a letter on the right (what a reader would call glued)."""
    n = 0
    for m in _NAMES.finditer(text):
        left = text[max(0, m.start() - 2):m.start()]
        right = text[m.end():m.end() + 1]
        n += bool(left[-1:].isalpha() or left[-1:] in (",", ".") or left == "--" or right.isalpha())
    return n


@pytest.mark.parametrize("glued, fixed", [
    # fragments seen in the KCNA 2024 data
    ("the statues of PresidentKim Il Sungmade", "the statues of President Kim Il Sung made"),
    ("the respected ComradeKim Jong Unvisited", "the respected Comrade Kim Jong Un visited"),
    ("General SecretaryKim Jong Unsent a message", "General Secretary Kim Jong Un sent a message"),
    ("Pyongyang, July 18 (KCNA) --Kim Jong Un, president", "Pyongyang, July 18 (KCNA) -- Kim Jong Un, president"),
    ("solidarity to H.E.Kim Jong Unwho is", "solidarity to H.E. Kim Jong Un who is"),
    ("theKim Il Sung-Kim Jong IlFoundation", "the Kim Il Sung-Kim Jong Il Foundation"),
    ("atKim Il SungSquare", "at Kim Il Sung Square"),
    ("ofKim Il Sungand\nKim Jong Ilwho glorified", "of Kim Il Sung and Kim Jong Il who glorified"),
    ("the portraits of President\nKim Il Sung and Chairman", "the portraits of President Kim Il Sung and Chairman"),
    ("Phothae-dong,Kim Jong Unexpressed", "Phothae-dong, Kim Jong Un expressed"),
])
def test_real_glued_fragments_are_repaired(glued, fixed):
    assert repair_glued_names(glued) == fixed


@pytest.mark.parametrize("text", [
    "Kim Jong Un's visit", "Kim Jong Il.", "the Kim Il Sung-Kim Jong Il Foundation", "\"Kim Jong Un\" and",
    "Kimilsungia and Kimjongilia flowers", "Kim Jong Ung, a worker", "Kim Il Sungism", "(Kim Jong Un)",
    "the meeting.\nKim Jong Un said", "Kim Yo Jong said", "North Korea\nKim Jong Un visited a farm",
])
def test_legitimate_text_is_left_alone(text):
    assert repair_glued_names(text) == text
    assert count_glued_names(text) == 0


def test_normalize_applies_the_repair():
    assert normalize_text("respected  ComradeKim Jong Unvisited\r\n") == "respected Comrade Kim Jong Un visited"


def test_whole_kcna_file_before_and_after():
    """Measured numbers quoted in docs/cleaning.md."""
    if not KCNA.exists():
        pytest.skip("shared KCNA data not present")
    texts = [json.loads(line)["text"] for line in KCNA.open(encoding="utf-8")]
    repaired = [repair_glued_names(t) for t in texts]
    assert len(texts) == 1059
    assert sum(count_glued_names(t) for t in texts) == 1978          # places a space goes in
    assert sum(1 for t in texts if count_glued_names(t)) == 488      # articles affected
    assert sum(glued_names(t) for t in texts) == 1227                # of 1,255 leader-name occurrences
    assert sum(count_glued_names(t) for t in repaired) == 0
    assert sum(glued_names(t) for t in repaired) == 0
    # nothing but whitespace changes: the words, in order, are the same characters
    assert all(re.sub(r"\s", "", a) == re.sub(r"\s", "", b) for a, b in zip(texts, repaired))
