"""Publication dates from date lines and datelines: labelled Korean date lines, and a dateline's year taken
only from a reference the record carries (its locator, its capture time). Texts written for these tests."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_record
from newsprism.clean.metadata import infer_metadata
from newsprism.clean.residue import remove_residue
from newsprism.config import Settings
from newsprism.model import RawRecord

BODY = ("The ministry said on Tuesday that the convoy had crossed the border before dawn and that "
        "no casualties were reported among the drivers or the escorting units.")
KO_BODY = "국방부는 화요일 수송대가 이틀 만에 접경 도시에 도착했다고 밝혔다. 당국은 트럭이 몇 대 투입됐는지 밝히지 않았다."
DATELINE = "ХАРЬКОВ, 14 мар - РИА Новости. Колонна прибыла в город утром.\n" + BODY


@pytest.mark.parametrize("line", [
    "입력 2023.03.14 09:30 / 수정 2023.03.14 11:05",
    "입력 2023.03.14. 오후 2:10",
    "입력 : 2023-03-14 09:30:00 | 수정 : 2023-03-14 11:05:00",
    "승인 2023.03.14 09:30",
])
def test_korean_date_lines_are_residue_and_give_the_date(line):
    text, removed = remove_residue(f"수송대 접경 도시 도착\n{line}\n{KO_BODY}\n")
    assert line not in text and [r["reason"] for r in removed] == ["date-line"]
    meta = infer_metadata(text, {}, "", removed)
    assert (meta["published"].value, meta["published"].source) == ("2023-03-14", "text:date-line")


def test_a_posted_and_updated_stamp_gives_the_first_date():
    text, removed = remove_residue(f"Convoy Crosses Border\nPosted: 14 Mar. 2023, 09:30 | Updated: 15 Mar. 2023, 11:05\n"
                                   f"{BODY}\n")
    assert infer_metadata(text, {}, "", removed)["published"].value == "2023-03-14"


def test_a_dateline_without_a_reference_stays_partial():
    assert "published" not in infer_metadata(DATELINE, {}, locator="kharkiv.txt")


@pytest.mark.parametrize("locator,reference,value,source", [
    ("https://example.org/news/2023/03/551234.html", "", "2023-03-14", "text:dateline+locator"),
    ("kharkiv.txt", "2023-06-02T08:00:00Z", "2023-03-14", "text:dateline+captured"),
    ("kharkiv.txt", "2024-02-01T08:00:00Z", "2023-03-14", "text:dateline+captured"),   # last March
    ("kharkiv.txt", "2023-03-13T23:30:00Z", "2023-03-14", "text:dateline+captured"),   # a day ahead: time zones
])
def test_a_dateline_takes_its_year_from_the_record(locator, reference, value, source):
    found = infer_metadata(DATELINE, {}, locator=locator, reference=reference)["published"]
    assert (found.value, found.source) == (value, source)


def test_a_locator_dated_another_day_gives_no_year():
    assert "published" not in infer_metadata(DATELINE, {}, locator="https://example.org/2023/03/20/a.html")


def test_clean_record_reads_the_capture_time_from_the_record():
    rec = RawRecord("kharkiv.jsonl#1", "jsonl", DATELINE.encode(), text=DATELINE)
    rec.extra["captured_at"] = "2023-04-01T10:00:00Z"
    doc = clean_record(rec, Settings())
    assert doc.meta["published"].value == "2023-03-14"
    plain = clean_record(RawRecord("kharkiv.txt", "text", DATELINE.encode(), text=DATELINE), Settings())
    assert "published" not in plain.meta
