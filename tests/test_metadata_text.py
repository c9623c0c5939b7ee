"""Metadata from plain text in several languages: outlet cues, date shapes, headline lines.

Every text here is written for the test; the constructions are the ones pages use."""

from __future__ import annotations

import json

import pytest

from newsprism.clean import clean_record
from newsprism.clean.dateforms import dateline_agency, parse_date_line, site_header_date
from newsprism.clean.metadata import infer_metadata
from newsprism.clean.outlets import outlet_for_name, outlet_registry
from newsprism.config import load_settings
from newsprism.model import RawRecord

BODY = ("The ministry said on Tuesday that the convoy had crossed the border before dawn and that "
        "no casualties were reported among the drivers or the escorting units.")
BODY_RU = "Министерство заявило во вторник, что колонна пересекла границу до рассвета, пострадавших нет."
BODY_KO = "국방부는 화요일 호송대가 새벽 전에 국경을 넘었으며 부상자는 없었다고 밝혔다."


def _meta(text, removed=None, **kw):
    return infer_metadata(text, {}, "x.txt", removed or [], **kw)


@pytest.mark.parametrize("line, iso, label", [
    ("Tuesday, 17 June 2025", "2025-06-17", None),
    ("June 17, 2025", "2025-06-17", None),
    ("17 июня 2025 г.", "2025-06-17", None),
    ("17 червня 2025 року", "2025-06-17", None),
    ("17. Juni 2025", "2025-06-17", None),
    ("17 de junio de 2025", "2025-06-17", None),
    ("mardi 17 juin 2025", "2025-06-17", None),
    ("2025年6月17日", "2025-06-17", None),
    ("2025년 6월 17일 (화)", "2025-06-17", None),
    ("입력 2025.06.17 (18:58)", "2025-06-17", "published"),
    ("Опубліковано: 17 червня 2025, 10:15", "2025-06-17", "published"),
    ("Posted: 17 Jun. 2025, 12:18 | Updated: 17 Jun. 2025, 13:05", "2025-06-17", "published"),
    ("Updated: June 18, 2025 09:00 GMT", "2025-06-18", "updated"),
])
def test_date_lines_in_many_languages(line, iso, label):
    date, got = parse_date_line(line)
    assert (date.isoformat(), got) == (iso, label)


@pytest.mark.parametrize("line", ["17 гномов 2025", "Posted: in the morning | Updated: later", "Tuesday 2025",
                                  "June 17, 2025 | Convoy crosses the border"])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_site_header_date_is_a_low_confidence_guess_and_not_the_title():
    text = f"date 2025-06-17 Convoy Crosses Border Before Dawn\n{BODY}"
    meta = _meta(text)
    assert (meta["published"].value, meta["published"].source, meta["published"].confidence) == \
        ("2025-06-17", "text:site-header", 0.4)
    assert meta["title"].value == "Convoy Crosses Border Before Dawn"
    assert site_header_date("2025-06 Convoy") is None and site_header_date("weather 2025-06-17 x") is None


def test_labelled_date_line_beats_the_site_header():
    meta = _meta(f"date 2025-06-18 Convoy Crosses Border Before Dawn\nPublished: June 17, 2025\n{BODY}")
    assert (meta["published"].value, meta["published"].confidence) == ("2025-06-17", 0.7)


def test_byline_with_a_date_gives_date_and_author():
    meta = _meta(f"Convoy Crosses Border Before Dawn\nby Jane Roe June 17, 2025, 18:03 · 2-minute read\n{BODY}")
    assert meta["published"].value == "2025-06-17" and meta["published"].source == "text:byline-date"
    assert meta["author"].value == "Jane Roe"
    assert meta["title"].confidence == 0.8


@pytest.mark.parametrize("text, outlet, source", [
    (f"{BODY}\nCopyright ⓒ 연합뉴스TV. 무단 복제·재배포 금지", "Yonhap News TV", "text:copyright"),
    (f"{BODY_KO}\n◎공감언론 뉴시스 무단전재 금지", "Newsis", "text:copyright"),
    (f"{BODY}\n© 2025 Harbour Ledger. All rights reserved.", "Harbour Ledger", "text:copyright"),
    (f"MOSCOW, June 17. /TASS/. {BODY}", "TASS", "text:dateline"),
    (f"Convoy crosses the border\nСЕУЛ, 17 июня. /ТАСС/. {BODY_RU}", "TASS", "text:dateline"),
    (f"МОСКВА, 17 июн - РИА Новости. {BODY_RU}", "RIA Novosti", "text:dateline"),
    (f"[서울=뉴시스] {BODY_KO}", "Newsis", "text:self-report"),
    (f"{BODY}\nThe convoy was escorted, News.Az reports with reference to local media.", "News.Az", "text:self-report"),
    (f"{BODY}\n\nNews.Az", "News.Az", "text:sign-off"),
    (f"{BODY_RU}\nРанее Инфо24 сообщало о колонне.", "Info24", "text:self-report"),
    (f"Колонна перетнула кордон, пише РБК-Україна з посиланням на Reuters.\n{BODY}", "RBC-Ukraine", "text:self-report"),
    (f"«Колонна прошла (по дороге на север.— \"Ъ\") без потерь», сказал он.\n{BODY_RU}", "Kommersant", "text:self-credit"),
    (f"{BODY}\nA note to our readers from The Moscow Times:\nDear reader,", "The Moscow Times", "text:self-report"),
    (f"{BODY}\nAs Harbour Ledger previously reported, the road was closed.", "Harbour Ledger", "text:self-report"),
    (f"{BODY}\n©2025 The Harbour Ledger (Napier, N.Z.)", "The Harbour Ledger", "text:copyright"),
    (f"{BODY}\n©2025 Harbour Ledger, Inc., All Rights Reserved", "Harbour Ledger", "text:copyright"),
])
def test_outlet_constructions(text, outlet, source):
    found = _meta(text)["outlet"]
    assert (found.value, found.source) == (outlet, source)
    assert found.evidence and 0 < found.confidence < 0.9


def test_a_relayed_outlet_is_not_the_page_outlet():
    for text in (f"{BODY}\n\nRodong Sinmun", f"Reuters previously reported the closure.\n{BODY}",
                 f"{BODY}\nFrom A BOOK by Jane Roe. Copyright © 2015 by Jane Roe. Reprinted with permission.", f"Reuters reported that the convoy crossed.\n{BODY}", f"Такие данные приводит агентство Yonhap.\n{BODY_RU}",
                 f"{BODY}\n(Photo: Reuters)", f"{BODY_RU}\nФото: © РИА Новости"):
        assert "outlet" not in _meta(text), text


def test_the_more_specific_sister_outlet_named_in_the_copyright_wins_over_the_email_domain():
    text = f"{BODY_KO}\n한서영(hsy@yna.co.kr)\nCopyright ⓒ 연합뉴스TV. 무단 복제 금지"
    assert _meta(text, [{"text": "한서영(hsy@yna.co.kr)", "reason": "byline"}])["outlet"].value == "Yonhap News TV"


def test_place_datelines():
    assert dateline_agency(f"KYIV, Ukraine (AP) — {BODY}")[0] == "AP"
    assert dateline_agency(f"DEIR AL-BALAH, Gaza Strip (AP) — {BODY}")[0] == "AP"
    assert dateline_agency(BODY) is None


@pytest.mark.parametrize("text, title", [
    (f"UA | EN | RU\nКолона перетнула кордон до світанку\nКолона перетнула кордон до світанку Фото: архів\n{BODY}",
     "Колона перетнула кордон до світанку"),
    (f"Skip to main content\nWorld, Convoys, Borders\nConvoy crosses border before dawn\nBy Jane Roe June 17, 2025\n{BODY}",
     "Convoy crosses border before dawn"),
    (f"21:48\nКолонна пересекла границу до рассвета\n{BODY_RU}\n{BODY_RU}", "Колонна пересекла границу до рассвета"),
    (f"“국경 넘은 호송대”…국방부 “부상자 없어”\n입력 2025.06.17 (18:58)\n{BODY_KO}", "“국경 넘은 호송대”…국방부 “부상자 없어”"),
    (f"date 2025-06-17 车队黎明前越过边境无人受伤\n{BODY}", "车队黎明前越过边境无人受伤"),
])
def test_titles_among_page_chrome(text, title):
    assert _meta(text)["title"].value == title


@pytest.mark.parametrize("text", [
    f"Photo Credit : Harbour Ledger\n\n{BODY}",
    f"Text size: 16 px | A− A+\n\n{BODY}",
    f"By The Harbour Ledger\n\n{BODY}",
    f"{BODY}\n{BODY}\nOpen gallery\nКолонна на границе\nКолонна на границе\n{BODY}",
])
def test_no_title_from_chrome_bylines_or_captions_after_the_body(text):
    assert "title" not in _meta(text)


def test_registry_names_in_several_scripts_and_outlets_are_never_countries():
    assert outlet_for_name("РБК-Україна")["name"] == "RBC-Ukraine" == outlet_for_name("RBC-Ukraine")["name"]
    assert outlet_for_name("Ukraine") is None and outlet_for_name("Україна") is None
    assert outlet_for_name("연합뉴스TV")["name"] == "Yonhap News TV" and outlet_for_name("ТАСС")["name"] == "TASS"
    assert outlet_for_name("Ъ")["name"] == "Kommersant"
    assert all(set(rec) >= {"name", "country", "state_affiliated", "aliases"} for rec in outlet_registry().values())


def test_a_users_outlets_file_is_merged_over_the_built_in(tmp_path, monkeypatch):
    extra = tmp_path / "outlets.json"
    extra.write_text(json.dumps({"outlets": {"harbour-ledger.example": {
        "name": "Harbour Ledger", "country": "NZ", "state_affiliated": False, "aliases": ["Гавань"]},
        "tass.ru": {"name": "TASS (mine)", "aliases": ["ТАСС"]}}}, ensure_ascii=False), "utf-8")
    assert outlet_for_name("Гавань", str(extra))["country"] == "NZ"
    assert outlet_for_name("ТАСС", str(extra))["name"] == "TASS (mine)" and outlet_for_name("ТАСС")["name"] == "TASS"
    text = f"{BODY_RU}\nРанее Гавань сообщала о колонне."
    settings = load_settings(environ={"NEWSPRISM_OUTLETS_FILE": str(extra)})
    doc = clean_record(RawRecord("a.txt", "text", text.encode(), text=text), settings)
    assert doc.get("outlet") == "Harbour Ledger"
    plain = clean_record(RawRecord("a.txt", "text", text.encode(), text=text), load_settings(environ={}))
    assert plain.meta["outlet"].value == "Гавань" and plain.meta["outlet"].confidence < 0.6
    monkeypatch.setenv("NEWSPRISM_OUTLETS_FILE", str(extra))  # callers without settings (outlet groups) see it too
    from newsprism.outlets import affiliation
    assert outlet_for_name("Гавань")["name"] == "Harbour Ledger" and affiliation("Harbour Ledger") == "independent"


def test_a_self_naming_line_taken_off_as_residue_still_names_the_outlet():
    """Residue removal takes 'A note to our readers from X' off the text; the outlet cue still reads it."""
    from newsprism.clean.outlets import outlet_from_text
    text = "Officials met on Monday to discuss the grain corridor.\nThe talks will continue next week."
    removed = [{"text": "A note to our readers from The Moscow Times:", "reason": "letter-to-readers"}]
    found = outlet_from_text(text, removed)
    assert found is not None and found.value == "The Moscow Times"
    assert outlet_from_text(text, []) is None
