"""Publication dates as a fallback from plain text: a year-less date written with its weekday takes the latest
year (up to the capture or ingest day, ten years back at most) where that day is that weekday; an embedded
post's signature date. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.clean.dateforms import weekday_dates, weekday_number, year_by_weekday
from newsprism.clean.metadata import CONF_EMBEDDED_POST, CONF_WEEKDAY_DATE, infer_metadata

CAPTURED = "2026-03-10T08:00:00Z"


@pytest.mark.parametrize("word, number", [
    ("Friday", 4), ("пятницу", 4), ("пятница", 4), ("п'ятницю", 4), ("п’ятницю", 4), ("금요일", 4), ("금", 4),
    ("вторник", 1), ("неділю", 6), ("mittwoch", 2), ("mar", None),   # "mar" is a month word too
])
def test_weekday_words_come_from_the_locale_data(word, number):
    assert weekday_number(word) == number


@pytest.mark.parametrize("text, month_day, weekday", [
    ("Вечером 14 марта, в субботу, колонна вошла в город.", (3, 14), 5),
    ("В субботу, 14 марта, колонна вошла в город.", (3, 14), 5),
    ("У суботу, 14 березня, колона увійшла до міста.", (3, 14), 5),
    ("14 березня, у суботу, колона увійшла до міста.", (3, 14), 5),
    ("On Saturday, March 14, the convoy entered the town.", (3, 14), 5),
    ("The convoy entered the town on Saturday 14th March.", (3, 14), 5),
    ("The convoy entered the town on March 14 (Saturday).", (3, 14), 5),
    ("수송대는 3월 14일(토) 도시에 들어갔다.", (3, 14), 5),
    ("수송대는 3월 14일 토요일 도시에 들어갔다.", (3, 14), 5),
    ("Le convoi est entré samedi 14 mars dans la ville.", (3, 14), 5),
    ("Der Konvoi erreichte die Stadt am Samstag, 14. März.", (3, 14), 5),
    ("Sat, March 14: the convoy entered the town.", (3, 14), 5),
    ("The convoy entered the town on March 14 (Sat).", (3, 14), 5),
    ("車列は3月14日(土)に町へ入った。", (3, 14), 5),
])
def test_a_yearless_date_with_its_weekday_is_found(text, month_day, weekday):
    [(month, day, wday, _)] = weekday_dates(text)
    assert ((month, day), wday) == (month_day, weekday)


@pytest.mark.parametrize("text", [
    "On Saturday, March 14, 2026, the convoy entered the town.",    # a full date: not a year-less one
    "수송대는 2026년 3월 14일(토) 도시에 들어갔다.",
    "Колонна вошла в город 14 марта. В субботу мэр открыл мост.",    # the weekday of the next sentence
    "The convoy entered the town on March 14, officials said.",     # no weekday
    "Sam March 14 was the day the convoy came.",                    # a three-letter word without its dot or comma
    "Der Konvoi kam mit 14. März an.",
])
def test_no_weekday_date(text):
    assert weekday_dates(text) == []


def test_the_latest_year_where_the_day_is_that_weekday():
    bound = dt.date(2026, 3, 10)
    assert year_by_weekday(3, 14, 5, bound) == dt.date(2020, 3, 14)          # 2026-03-14 is after the bound
    assert year_by_weekday(3, 14, 5, dt.date(2026, 3, 14)) == dt.date(2026, 3, 14)
    assert year_by_weekday(3, 14, 5, dt.date(2026, 3, 13)) == dt.date(2026, 3, 14)   # a day ahead: time zones
    assert year_by_weekday(2, 29, 5, bound) == dt.date(2020, 2, 29)
    assert year_by_weekday(2, 29, 0, bound, window=5) is None                 # no leap-day Monday in five years


def test_a_weekday_date_gives_the_publication_date_at_low_confidence():
    text = ("Колонна вошла в город\n\nВечером 5 марта, в четверг, колонна вошла в город. "
            "Власти не уточнили, сколько машин было в её составе.")
    pub = infer_metadata(text, {}, "", [], reference=CAPTURED)["published"]
    assert (pub.value, pub.source, pub.confidence) == ("2026-03-05", "text:weekday-date", CONF_WEEKDAY_DATE)
    assert "5 марта, в четверг" in pub.evidence and "Thursday in 2026" in pub.evidence and "captured" in pub.evidence


def test_without_a_capture_time_the_ingest_day_bounds_the_year():
    text = "Convoy reaches the town\n\nOn Thursday, March 5, the convoy reached the town, the ministry said."
    pub = infer_metadata(text, {}, "", [])["published"]
    date = dt.date.fromisoformat(pub.value)
    assert date.weekday() == 3 and (date.month, date.day) == (3, 5) and "ingested" in pub.evidence
    assert date <= dt.date.today() + dt.timedelta(days=1)


def test_a_stated_publication_date_wins_over_a_weekday_date():
    text = ("Convoy reaches the town\nPublished: 9 March 2026\n"
            "On Thursday, March 5, the convoy reached the town, the ministry said.")
    assert infer_metadata(text, {}, "", [], reference=CAPTURED)["published"].value == "2026-03-09"


POST = ("Convoy reaches the town\n\nThe ministry posted a video of the convoy on its account.\n\n"
        "The convoy has reached the town. All drivers are safe.\n"
        "— Ministry of Transport (@transport_min) March 5, 2026\n\n"
        "Officials did not say how many trucks took part.")


def test_an_embedded_posts_date_is_a_low_confidence_fallback():
    pub = infer_metadata(POST, {}, "", [], reference=CAPTURED)["published"]
    assert (pub.value, pub.source, pub.confidence) == ("2026-03-05", "text:embedded-post", CONF_EMBEDDED_POST)
    assert "(@transport_min)" in pub.evidence and "embedded post" in pub.evidence


def test_a_full_date_elsewhere_in_the_body_is_not_the_publication_date():
    text = ("Convoy reaches the town\n\nThe bridge, closed since August 6, 2024, reopened for the convoy, "
            "the ministry said.")
    assert "published" not in infer_metadata(text, {}, "", [], reference=CAPTURED)


def test_an_embedded_post_dated_after_the_capture_is_ignored():
    assert "published" not in infer_metadata(POST, {}, "", [], reference="2026-01-01T00:00:00Z")


@pytest.mark.parametrize("words", [
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "понедельник вторник среду четверг пятницу субботу воскресенье",
    "понеділок вівторок середу четвер п'ятницю суботу неділю",
    "월요일 화요일 수요일 목요일 금요일 토요일 일요일",
])
def test_every_weekday_of_the_first_class_languages(words):
    assert [weekday_number(w) for w in words.split()] == list(range(7))


def test_a_weekday_date_just_after_the_capture_is_a_plan_and_dates_nothing():
    text = "Summit set for next week\n\nThe leaders will meet on Friday, March 20, the ministry said."
    assert "published" not in infer_metadata(text, {}, "", [], reference=CAPTURED)   # 2026-03-20 is a Friday
    later = infer_metadata(text, {}, "", [], reference="2026-06-01T00:00:00Z")["published"]
    assert later.value == "2026-03-20"
