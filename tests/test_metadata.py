"""Metadata inference from text: title, published, outlet, author, each with evidence."""

from __future__ import annotations

import json

import pytest

from newsprism.clean import clean_record
from newsprism.clean.metadata import (find_dateline, infer_metadata, outlet_for_domain, outlet_for_name,
                                      outlet_registry, parse_date_line)
from newsprism.model import MetaField, RawRecord

BODY = ("The ministry said on Tuesday that the convoy had crossed the border before dawn and that "
        "no casualties were reported among the drivers or the escorting units.")
KCNA_TEXT = "Pyongyang, December 24 (KCNA) -- The delegation left for home on Tuesday.\n" + BODY


def test_title_is_the_first_headline_shaped_line():
    meta = infer_metadata(f"Convoy Crosses Border Before Dawn\n\n{BODY}", {})
    assert meta["title"] == MetaField("Convoy Crosses Border Before Dawn", "text:first-line", 0.7,
                                      "Convoy Crosses Border Before Dawn")


@pytest.mark.parametrize("text", [BODY + "\n" + BODY, KCNA_TEXT, "Convoy Crosses Border Before Dawn",
                                  "He said:\n" + BODY, "Comrades,\n" + BODY])
def test_no_title_when_the_text_opens_with_a_sentence_or_dateline(text):
    assert "title" not in infer_metadata(text, {})


def test_title_repeated_with_a_glued_tag_is_more_certain():
    removed = [{"text": "WorldConvoy Crosses Border Before Dawn", "reason": "duplicate-title"}]
    assert infer_metadata(f"Convoy Crosses Border Before Dawn\n{BODY}", {}, removed=removed)["title"].confidence == 0.85


def test_bare_date_line_is_a_modest_guess_labelled_one_less_so():
    bare = infer_metadata(BODY, {}, removed=[{"text": "Saturday, December 6, 2025", "reason": "date-line"}])
    assert bare["published"] == MetaField("2025-12-06", "text:date-line", 0.5, "Saturday, December 6, 2025")
    labelled = infer_metadata(BODY, {}, removed=[{"text": "Published: 10 May 2025", "reason": "date-line"}])
    assert (labelled["published"].value, labelled["published"].confidence) == ("2025-05-10", 0.7)


def test_kcna_dateline_gives_outlet_but_no_invented_year():
    meta = infer_metadata(KCNA_TEXT, {})
    assert "published" not in meta
    assert meta["outlet"] == MetaField("KCNA", "text:dateline", 0.7, "Pyongyang, December 24 (KCNA) --")
    assert find_dateline(KCNA_TEXT) == {"place": "Pyongyang", "month": 12, "day": 24, "agency": "KCNA",
                                        "evidence": "Pyongyang, December 24 (KCNA) --"}


def test_dateline_year_only_from_a_locator_with_the_same_month_and_day():
    meta = infer_metadata(KCNA_TEXT, {}, locator="https://example.org/kcna/2023/12/24/delegation.html")
    assert (meta["published"].value, meta["published"].source) == ("2023-12-24", "text:dateline+locator")
    other_day = infer_metadata(KCNA_TEXT, {}, locator="https://example.org/kcna/2023/12/25/delegation.html")
    assert "published" not in other_day


def test_partial_dateline_lands_in_extra_through_clean_record(settings):
    doc = clean_record(RawRecord("kcna.txt", "text", KCNA_TEXT.encode(), text=KCNA_TEXT), settings)
    assert "published" not in doc.meta
    assert doc.extra["dateline"]["month"] == 12 and doc.extra["dateline"]["day"] == 24
    assert doc.get("outlet") == "KCNA"


@pytest.mark.parametrize("head, agency", [
    ("SEOUL, Dec. 5 (Yonhap) -- North Korea fired", "Yonhap"),
    ("МОСКВА, 24 декабря. /ТАСС/. Президент России", "ТАСС"),
])
def test_other_agency_datelines(head, agency):
    assert find_dateline(head)["agency"] == agency
    assert outlet_for_name(agency) is not None


def test_byline_email_names_outlet_and_author():
    removed = [{"text": "Write to Jane Roe at jane.roe@wsj.com and John Doe at john.doe@wsj.com", "reason": "byline"}]
    meta = infer_metadata(BODY, {}, removed=removed)
    assert meta["outlet"].value == "The Wall Street Journal" and meta["outlet"].source == "text:byline-email"
    assert meta["author"].value == "Jane Roe, John Doe"


@pytest.mark.parametrize("line, author", [("By Jane Roe", "Jane Roe"), ("By Jane Roe and John Doe | Reuters", "Jane Roe, John Doe"),
                                          ("Автор: Иван Петров", "Иван Петров")])
def test_by_lines(line, author):
    meta = infer_metadata(BODY, {}, removed=[{"text": line, "reason": "byline"}])
    assert (meta["author"].value, meta["author"].source) == (author, "text:byline")


def test_unknown_email_domain_names_no_outlet():
    meta = infer_metadata(BODY, {}, removed=[{"text": "Write to Jane Roe at jane@unknown-blog.net", "reason": "byline"}])
    assert "outlet" not in meta and meta["author"].value == "Jane Roe"


def test_url_domain_is_the_strongest_outlet_evidence():
    known = {"url": MetaField("https://en.yna.co.kr/view/AEN2025", "jsonl:field:url")}
    assert infer_metadata(KCNA_TEXT, known)["outlet"].value == "Yonhap"
    assert infer_metadata(BODY, {}, locator="https://tass.com/world/1")["outlet"].source == "locator:domain"


def test_known_fields_are_never_overwritten():
    known = {"title": MetaField("From the feed", "feed:title"), "outlet": MetaField("Some Outlet", "jsonl:field:source")}
    meta = infer_metadata(f"Convoy Crosses Border Before Dawn\n{BODY}", known,
                          removed=[{"text": "Write to Jane Roe at jane@wsj.com", "reason": "byline"}])
    assert "title" not in meta and "outlet" not in meta


def test_nothing_is_invented_from_plain_prose():
    assert infer_metadata(BODY, {}) == {}


@pytest.mark.parametrize("line, iso", [("Saturday, December 6, 2025", "2025-12-06"), ("6 декабря 2025 г.", "2025-12-06"),
                                       ("2025년 12월 6일", "2025-12-06"), ("2025-12-06", "2025-12-06"), ("06.12.2025", "2025-12-06"),
                                       ("Dec. 6, 2025 10:32 KST", "2025-12-06")])
def test_date_line_forms(line, iso):
    assert parse_date_line(line)[0].isoformat() == iso


@pytest.mark.parametrize("line", ["December 6", "May 2025 was hot", "February 30, 2025", "Kim met Putin on May 5, 2025."])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_outlet_registry_covers_the_outlets_analysts_ask_for():
    names = {rec["name"] for rec in outlet_registry().values()}
    for name in ("KCNA", "Rodong Sinmun", "TASS", "RIA Novosti", "RT", "Rossiyskaya Gazeta", "Yonhap", "NK News",
                 "Daily NK", "The Wall Street Journal", "The New York Times", "Reuters", "AP", "BBC", "The Guardian",
                 "The Kyiv Independent", "Ukrainska Pravda", "Meduza", "The Korea Herald", "Korea JoongAng Daily"):
        assert name in names
    assert outlet_for_domain("www.kcna.kp")["state_affiliated"] is True
    assert outlet_for_domain("www.bbc.co.uk")["name"] == "BBC"
    assert all(set(rec) >= {"name", "country", "state_affiliated"} for rec in outlet_registry().values())
    json.dumps(outlet_registry(), ensure_ascii=False)


@pytest.mark.parametrize("text, date", [
    ("North Korea sends more troops\n\nSeoul, April 30, 2025 — South Korea's spy agency said on Wednesday.", "2025-04-30"),
    ("Разведка\n\nМосква, 20 ноября 2024 года. По данным южнокорейской разведки, КНДР направила войска.", "2024-11-20"),
    ("국정원 발표\n\n2025년 2월 27일 — 국가정보원은 북한이 병력을 파병했다고 밝혔다.", "2025-02-27"),
    ("WASHINGTON, Dec. 5, 2024 (Reuters) - The United States said on Thursday.", "2024-12-05"),
])
def test_a_dated_lead_gives_the_publication_date(text, date):
    from newsprism.clean.metadata import infer_metadata
    f = infer_metadata(text, {}, "x.txt")["published"]
    assert (f.value, f.source, f.confidence) == (date, "text:dated-lead", 0.6)


def test_a_sentence_that_mentions_a_date_is_not_a_dated_lead():
    from newsprism.clean.metadata import infer_metadata
    assert "published" not in infer_metadata("Title\n\nMay 5, 2024 was the day it began.", {}, "x.txt")
