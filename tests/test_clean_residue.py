"""Residue rules on small hand-written pages: what goes, with which reason, and what stays."""

from __future__ import annotations

import pytest

from newsprism.clean.residue import remove_residue

BODY = ("The ministry said on Tuesday that the convoy had crossed the border before dawn and that "
        "no casualties were reported among the drivers or the escorting units.")
BODY2 = ("Officials in the capital declined to comment on the figures, which could not be verified "
         "independently by reporters who visited the area later that week.")


def reasons(text: str) -> dict[str, str]:
    return {r["text"]: r["reason"] for r in remove_residue(text)[1]}


def kept(text: str) -> str:
    return remove_residue(text)[0]


@pytest.mark.parametrize("line, reason", [
    ("Subscribe to our daily briefing", "subscribe"),
    ("Sign up for our newsletter", "subscribe"),
    ("Already a subscriber? Log in", "subscribe"),
    ("Подписывайтесь на наш канал в Telegram", "subscribe"),
    ("구독하기", "subscribe"),
    ("Share this article", "share"),
    ("Follow us on Telegram", "share"),
    ("Поделиться", "share"),
    ("We use cookies to improve your experience on our site.", "cookie"),
    ("Мы используем файлы cookie для улучшения работы сайта.", "cookie"),
    ("Most Popular Articles", "navigation"),
    ("Read more: Kursk offensive stalls", "navigation"),
    ("Читайте также", "navigation"),
    ("관련 기사", "navigation"),
    ("© 2025 Example Media. All rights reserved.", "copyright"),
    ("무단 전재 및 재배포 금지", "copyright"),
    ("Photo: Reuters", "caption"),
    ("Фото: ТАСС", "caption"),
    ("사진=연합뉴스", "caption"),
])
def test_prompts_in_many_languages_are_removed(line, reason):
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert reasons(text) == {line: reason}
    assert kept(text) == f"{BODY}\n\n{BODY2}"


@pytest.mark.parametrize("sentence", [
    "Readers who subscribe to the state newspaper are required to study its editorials at work.",
    "The agency said it would share the intelligence with allies, and follow up with sanctions later.",
    "Photos published by the newspaper showed soldiers in Kursk waving flags next to their Russian comrades.",
    "By Monday, the troops had left the village.",
    "Long live the great friendship between our two peoples!",
])
def test_sentences_that_merely_mention_a_prompt_word_stay(sentence):
    text = f"{BODY}\n{sentence}\n{BODY2}"
    assert kept(text) == text


def test_repeated_slogans_are_kept_because_repetition_is_a_technique():
    slogan = "Long live the great friendship between our two peoples!"
    text = "\n".join([BODY, slogan, BODY2, slogan, BODY, slogan])
    assert kept(text).count(slogan) == 3


def test_a_caption_repeated_under_each_photo_goes_entirely():
    cap = "Soldiers at a training ground near Kursk"
    text = "\n".join([BODY, cap, BODY2, cap, "Another paragraph of the report follows here with more detail.", cap])
    clean, removed = remove_residue(text)
    assert cap not in clean
    assert [r["reason"] for r in removed] == ["repeated-caption"] * 3


def test_a_label_shown_twice_keeps_its_first_copy():
    label = "Kursk frontline update"
    text = "\n".join([label, BODY, label, BODY2])
    assert kept(text) == "\n".join([label, BODY, BODY2])


def test_teaser_list_before_the_article_goes_but_title_and_dek_stay():
    page = "\n\n".join([
        "Talks Resume in Geneva",
        "Negotiators met for a third round of talks on prisoner exchanges...",
        "New Drone Factory Opens Near Kazan",
        "Satellite images show a second assembly hall...",
        "Convoy Crosses Border Before Dawn",
        "The ministry says no one was hurt.",
        BODY, BODY2,
    ])
    clean, removed = remove_residue(page)
    assert clean.startswith("Convoy Crosses Border Before Dawn\n\nThe ministry says no one was hurt.")
    assert [r["reason"] for r in removed] == ["teaser"] * 4


def test_title_and_dek_alone_are_not_a_teaser_list():
    page = "Convoy Crosses Border Before Dawn\n\nThe ministry says no one was hurt on either side.\n" + BODY
    assert kept(page) == page


def test_menu_at_the_head_and_fragments_at_the_tail():
    page = "\n".join(["Home", "World", "Politics", "Opinion", BODY, BODY2, "Tags", "Russia", "North Korea"])
    clean, removed = remove_residue(page)
    assert clean == f"{BODY}\n{BODY2}"
    assert {r["reason"] for r in removed} == {"menu", "navigation", "tail-fragment"}


def test_headline_list_after_the_article_goes_only_next_to_other_residue():
    heads = ["Drone Strike Hits Fuel Depot in Belgorod", "Seoul Summons Russian Ambassador Over Troops"]
    page = "\n".join([BODY, BODY2, "Most Read", *heads])
    assert kept(page) == f"{BODY}\n{BODY2}"
    officials = "\n".join([BODY, BODY2, "Pak Jong Chon, secretary of the Central Committee",
                           "Ri Pyong Chol, member of the Presidium"])
    assert kept(officials) == officials   # KCNA articles end with lists of attending officials


@pytest.mark.parametrize("line", ["By Jane Roe and John Doe", "By Jane Roe | Reuters", "Write to Jane Roe at jane.roe@wsj.com",
                                  "Автор: Иван Петров", "홍길동 기자", "Jane Roe, jane@example.com"])
def test_bylines_are_taken_out_with_reason_byline(line):
    assert reasons(f"{line}\n{BODY}\n{BODY2}") == {line: "byline"}


@pytest.mark.parametrize("line", ["Saturday, December 6, 2025", "Published: 10 May 2025 08:00 GMT",
                                  "6 декабря 2025 г.", "2025년 12월 6일", "Updated May 10, 2025 8:00 am ET"])
def test_date_lines(line):
    assert reasons(f"{line}\n{BODY}") == {line: "date-line"}


def test_kcna_press_review_headings_and_end_marker_are_kept():
    text = ("Pyongyang, August 5 (KCNA) -- The following are major news items carried by newspapers today.\n\n"
            "Rodong Sinmun\n- An article says the harvest in the western region was better than expected.\n\n"
            "Minju Joson\n- A new school was opened in a coastal county of the province. -0-")
    assert kept(text) == text


def test_a_brief_with_no_prose_line_is_left_alone():
    text = "Kursk liberated\nRussian army says\nMore soon"
    assert kept(text) == text


def test_empty_text():
    assert remove_residue("") == ("", [])


def test_one_clipped_headline_closing_the_page_is_a_related_card():
    text = BODY + "\n\n" + BODY2 + "\n\nHarbour workers to rebuild three bridges and open"
    assert reasons(text).get("Harbour workers to rebuild three bridges and open") == "teaser"
    clipped = BODY + "\n\n" + BODY2 + "\n\nThe mayor said earlier that the bridges, which had been closed for"
    assert "which had been closed for" in kept(clipped)
