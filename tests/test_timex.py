"""Time expressions: past-preferring resolution against the publication date; unresolved without one."""

from __future__ import annotations

import pytest

from newsprism.claims.dates import find_times

SENT = ("On Monday reports surfaced. The deployment began in October last year, and Pyongyang acknowledged it "
        "in April; orders came on October 22, December 12, and December 22 of last year, with more sent "
        "earlier this year and since last fall.")


def _vals(text, pub, lang="en"):
    return {t.text: (t.value, t.granularity, t.resolved) for t in find_times(text, lang, pub)}


def test_resolved_against_publication_date_prefer_past():
    v = _vals(SENT, "2025-05-10")
    assert v["On Monday"] == ("2025-05-05", "day", True)
    assert v["October last year"] == ("2024-10", "month", True)
    assert v["April"] == ("2025-04", "month", True)
    assert v["December 22"] == ("2024-12-22", "day", True)
    assert v["earlier this year"] == ("2025", "year", True)
    assert v["last fall"] == ("2024-FA", "season", True)
    # a bare "December 22" in a May article is last December, not the coming one
    assert _vals("It happened on December 22.", "2025-05-10")["December 22"][0] == "2024-12-22"


def test_unknown_publication_date_stays_unresolved():
    v = _vals(SENT, None)
    assert v["October last year"] == ("PY-10", "month", False)
    assert v["On Monday"][2] is False and v["April"] == ("XXXX-04", "month", False)
    assert _vals("in December 2024", None)["December 2024"] == ("2024-12", "month", True)


def test_gate_against_false_hits():
    assert find_times("Hong Min, a senior researcher, said troops may march on.", "en", "2025-05-10") == []


def test_korean_and_russian():
    assert _vals("지난해 10월 파병", "2025-05-10", "ko")["지난해 10월"][0] == "2024-10"
    assert _vals("22 декабря", "2025-05-10", "ru")["22 декабря"][0] == "2024-12-22"


def test_juche_dates_take_the_gregorian_year():
    # KCNA: "Juche <n> (<gregorian>)"; Juche year n = n + 1911 when no parenthesis is given.
    v = _vals("It was sent on Oct. 4, Juche 104 (2015), to the leader.", "2024-06-25")
    assert v == {"Oct. 4, Juche 104 (2015)": ("2015-10-04", "day", True)}
    v = _vals("One day in May Juche 106 (2017), he came. A ceremony was held on January 1, Juche 113 (2024).",
              "2024-06-25")
    assert v["May Juche 106 (2017)"] == ("2017-05", "month", True)
    assert v["January 1, Juche 113 (2024)"] == ("2024-01-01", "day", True)
    assert _vals("on the occasion of the New Year Juche 113 (2024).", None) == {"Juche 113 (2024)": ("2024", "year", True)}
    assert _vals("It was on 4 October Juche 104.", None)["4 October Juche 104"] == ("2015-10-04", "day", True)
    assert _vals("in Juche 112", None)["Juche 112"] == ("2023", "year", True)
    assert [t.anchor for t in find_times("on Oct. 4, Juche 104", "en", "2024-06-25")] == [None]


def test_next_and_last_month_names():
    # found on KCNA text: "discharge ... into sea next February" in a December article is the coming February
    assert _vals("They plan to discharge it into the sea next February.", "2023-12-24")["next February"] == \
        ("2024-02", "month", True)
    assert _vals("It began last March, officials said.", "2023-12-24")["last March"] == ("2023-03", "month", True)
    assert _vals("It began last December.", "2023-12-24")["last December"] == ("2022-12", "month", True)
    assert _vals("It begins next February.", None)["February"] == ("FY-02", "month", False)


def test_counted_back_from_publication_with_ago():
    v = _vals("Troops arrived three years ago; talks began two weeks ago and in December three years ago.", "2025-12-06")
    assert v["three years ago"] == ("2022", "year", True)
    assert v["two weeks ago"] == ("2025-W47", "week", True)
    assert v["December three years ago"] == ("2022-12", "month", True)
    assert _vals("It happened four months ago.", "2025-02-10")["four months ago"] == ("2024-10", "month", True)
    assert _vals("That may a year ago have mattered.", "2025-02-10") == {"a year ago": ("2024", "year", True)}
    assert _vals("It happened 5 days ago.", None)["5 days ago"] == ("PAST_REF-day", "day", False)   # nothing invented


@pytest.mark.parametrize("lang, text, found", [
    ("ru", "Войска прибыли в октябре прошлого года.", {"октябре прошлого года": ("2024-10", "month", True)}),
    ("ru", "Об этом сообщили в прошлом году.", {"в прошлом году": ("2024", "year", True)}),
    ("ru", "Это было осенью прошлого года.", {"осенью прошлого года": ("2024-FA", "season", True)}),
    ("ru", "Парад прошёл 9 мая.", {"9 мая": ("2025-05-09", "day", True)}),
    ("ru", "в мае", {"мае": ("2025-05", "month", True)}),
    ("ru", "Она сказала, что мая здесь нет.", {}),              # "мая" alone is not a date
    ("uk", "у жовтні 2024 року", {"жовтні 2024": ("2024-10", "month", True)}),
    ("uk", "торік", {"торік": ("2024", "year", True)}),
    ("de", "im Oktober letzten Jahres", {"Oktober letzten Jahres": ("2024-10", "month", True)}),
    ("es", "el 22 de diciembre de 2024", {"22 de diciembre de 2024": ("2024-12-22", "day", True)}),
    ("zh", "去年10月，朝鲜派兵", {"去年10月": ("2024-10", "month", True)}),
    ("ja", "2024年10月3日に派遣", {"2024年10月3日": ("2024-10-03", "day", True)}),
    ("ar", "في أكتوبر 2024", {"أكتوبر 2024": ("2024-10", "month", True)}),
    ("ko", "북한은 지난달 파병했고 어제 발표했다", {"지난달": ("2025-05", "month", True), "어제": ("2025-05-31", "day", True)}),
    ("ko", "3년 전 작년 가을", {"3년 전": ("2022", "year", True), "작년 가을": ("2024-FA", "season", True)}),
])
def test_other_languages_month_names_and_relative_years(lang, text, found):
    assert _vals(text, "2025-06-01", lang) == found


def test_other_languages_stay_unresolved_without_a_date():
    assert _vals("в октябре прошлого года", None, "ru")["октябре прошлого года"] == ("PY-10", "month", False)
    assert _vals("去年10月", None, "zh")["去年10月"] == ("PY-10", "month", False)


def test_a_bare_month_after_a_future_cue_is_the_coming_one():
    assert _vals("a plenary meeting to be held in December", "2024-08-26")["December"] == ("2024-12", "month", True)
    assert _vals("The deployment began in October", "2024-08-26")["October"] == ("2023-10", "month", True)
    assert _vals("rubbish found in 17 places in Jangphung County", "2024-07-14") == {}    # "Jan" inside a name


def test_as_of_label_words_unresolved_times_as_written():
    from newsprism.claims.dates import as_of_label
    assert as_of_label("2024-10", True, "October last year") == "2024-10 (October last year)"
    assert as_of_label("2024-10", True, "2024-10") == "2024-10"
    assert as_of_label("PY-SU", False, "last summer") == "“last summer” (publication date unknown)"
    assert "PAST_REF" not in as_of_label("PAST_REF-year", False, None)
    assert as_of_label(None, False, "x") == ""
