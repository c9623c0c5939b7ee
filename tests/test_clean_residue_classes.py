"""Page residue phrase classes and block rules of the language packs, on sentences written for
these tests: each class goes, the article's own lines stay."""

from __future__ import annotations

import pytest

from newsprism.clean.residue import remove_residue

BODY = [
    "The ministry said on Tuesday that the convoy had reached the border town after two days on the road.",
    "Officials in the capital declined to say how many trucks were involved, citing security concerns.",
    "Aid groups have warned for weeks that supplies in the region are running low as winter approaches.",
]
RU_BODY = [
    "Министерство сообщило во вторник, что колонна добралась до приграничного города за два дня.",
    "Чиновники в столице отказались назвать число грузовиков, сославшись на соображения безопасности.",
    "Гуманитарные организации уже несколько недель предупреждают о нехватке припасов в регионе.",
]
UK_BODY = [
    "Міністерство повідомило у вівторок, що колона дісталася прикордонного міста за два дні.",
    "Посадовці у столиці відмовилися назвати кількість вантажівок, пославшись на безпеку.",
    "Гуманітарні організації вже кілька тижнів попереджають про брак припасів у регіоні.",
]
KO_BODY = [
    "국방부는 화요일 수송대가 이틀 만에 접경 도시에 도착했다고 밝혔다.",
    "당국은 보안상의 이유로 트럭이 몇 대 투입됐는지 밝히지 않았다.",
    "구호 단체들은 겨울을 앞두고 지역의 물자가 바닥나고 있다고 수주째 경고해 왔다.",
]


def _clean(lines: list[str]) -> tuple[str, dict[str, str]]:
    text, removed = remove_residue("\n".join(lines))
    return text, {r["text"]: r["reason"] for r in removed}


@pytest.mark.parametrize("body,line,reason", [
    (BODY, "Please wait while we verify your access. If you use a reading mode, turn it off and log in.", "paywall"),
    (BODY, "Have a subscription? Sign in.", "paywall"),
    (BODY, "Unlock unlimited access to our reporting. Subscribe today.", "paywall"),
    (BODY, "Support our small newsroom on Patreon!", "paywall"),
    (BODY, "Listen to this story · read by a synthetic voice", "widget"),
    (BODY, "Font size: 18 px | A- A+", "widget"),
    (BODY, "Open gallery (4 photos)", "widget"),
    (BODY, "Edit this article", "navigation"),
    (BODY, "Posted: 3 Jun. 2024, 09:10 | Updated: 3 Jun. 2024, 11:45", "timestamp"),
    (BODY, "5 hours ago", "timestamp"),
    (BODY, "EN | RU | UA", "navigation"),
    (BODY, "(12)", "widget"),
    (RU_BODY, "Прослушать статью", "widget"),
    (RU_BODY, "Лента.Ру 3 часа назад 42", "timestamp"),
    (RU_BODY, "Перейти к основному содержанию", "navigation"),
    (UK_BODY, "До основного вмісту", "navigation"),
    (UK_BODY, "Підтримайте нашу редакцію на Patreon", "paywall"),
    (UK_BODY, "Оновлено: 14 березня, 10:20", "timestamp"),
    (KO_BODY, "음성 재생은 일부 브라우저에서만 지원됩니다.", "widget"),
    (KO_BODY, "▶ 기사 제보 및 문의 : 카카오톡 채널", "widget"),
    (KO_BODY, "댓글", "widget"),
    (KO_BODY, "※ 건전한 댓글 문화를 위해 욕설 댓글은 삭제될 수 있습니다.", "widget"),
])
def test_phrase_class_goes_body_stays(body, line, reason):
    text, removed = _clean([body[0], line, body[1], body[2]])
    assert removed.get(line) == reason
    assert all(b in text for b in body)


@pytest.mark.parametrize("body,line", [
    (BODY, "A soldier stands next to a damaged truck near the crossing. (Photo: Defence Ministry / Telegram)"),
    (BODY, "A damaged bridge outside the town (Getty Images)"),
    (RU_BODY, "Разрушенный мост у въезда в город | Фото: архив редакции"),
    (UK_BODY, "Зруйнований міст біля міста (Фото: архів редакції)"),
    (UK_BODY, "Зруйнований міст Фото ілюстративне: колона на дорозі (Getty Images)"),
    (KO_BODY, "[서울=뉴스통신]접경 지역에 도착한 구호 트럭 사진.(사진=현지 당국 제공) 2024.05.02."),
    (KO_BODY, "▲ 접경 도시에 도착한 수송대 (재판매 및 DB 금지) [통신사]"),
])
def test_caption_with_credit_goes(body, line):
    text, removed = _clean([body[0], line, body[1], body[2]])
    assert line in removed and removed[line] in ("credit", "caption")
    assert all(b in text for b in body)


def test_a_sentence_mentioning_a_photo_or_subscribers_stays():
    lines = BODY + [
        "The photo, shared widely on social media, showed the convoy stuck in mud for hours.",
        "The newspaper said it had lost a third of its subscribers since the ban took effect last year.",
        "Это случилось три дня назад, когда колонна попала под обстрел у моста.",
    ]
    text, removed = _clean(lines)
    assert not removed and all(line in text for line in lines)


def test_korean_credit_glued_to_a_sentence_is_cut_off_the_sentence():
    glued = "[사진·영상=현지 당국 제공, 재판매 및 DB금지]"
    text, removed = _clean([KO_BODY[0], glued + KO_BODY[1], KO_BODY[2]])
    assert glued in removed and all(b in text for b in KO_BODY)


def test_date_stamp_glued_to_the_first_line_is_split_off():
    text, removed = _clean(["date 2024-06-03 Skip to main content", "Convoy reaches border town"] + BODY)
    assert removed == {"date 2024-06-03": "date-line", "Skip to main content": "navigation"}
    assert text.startswith("Convoy reaches border town")


def test_tag_list_and_section_label_before_the_article():
    tags = "Ukraine, Aid, Border Towns, Winter, News Feed"
    text, removed = _clean(["1. Politics", tags, "Convoy reaches border town", ""] + BODY)
    assert removed == {"1. Politics": "section", tags: "tags"}
    assert text.startswith("Convoy reaches border town")


def test_a_list_of_names_inside_the_article_stays():
    names = "Kim Min Su, Pak Sun Hui, Ri Chol, Jo Yong Nam"
    text, removed = _clean(BODY[:2] + [names] + BODY[2:])
    assert names in text and not removed


def test_caption_block_above_a_credit():
    gallery, caption = "Open gallery (2 photos)", "Trucks waiting at the crossing"
    text, removed = _clean([BODY[0], gallery, caption, "(Photo: Reuters)", BODY[1], BODY[2]])
    assert set(removed) == {gallery, caption, "(Photo: Reuters)"}
    assert all(b in text for b in BODY)


def test_a_headline_above_a_credit_at_the_top_stays():
    text, removed = _clean(["Convoy reaches border town", "(Photo: Reuters)"] + BODY)
    assert text.startswith("Convoy reaches border town") and list(removed) == ["(Photo: Reuters)"]


def test_letter_to_readers_after_the_article():
    appeal = ["A note to our readers:", "Dear reader,",
              "We depend on people like you. Independent reporting costs money, and our newsroom works "
              "under pressure from the authorities who have labelled us a foreign agent.", "Donate"]
    text, removed = _clean(BODY + appeal)
    assert set(removed) == set(appeal) and all(b in text for b in BODY)


def test_a_letter_to_readers_with_a_long_article_after_it_is_only_its_opener():
    opener = "Dear readers,"
    text, removed = _clean(BODY[:1] + [opener] + BODY * 4)
    assert removed == {opener: "appeal"} and BODY[2] in text


def test_teaser_after_a_read_also_label():
    teaser = "Міністр пообіцяв нові поставки допомоги до кінця мі"
    text, removed = _clean(UK_BODY + ["ЧИТАЙТЕ ТАКОЖ", teaser])
    assert removed == {"ЧИТАЙТЕ ТАКОЖ": "navigation", teaser: "teaser"}


def test_read_also_label_then_prose_keeps_the_prose():
    text, removed = _clean(UK_BODY[:1] + ["Читайте також"] + UK_BODY[1:])
    assert list(removed) == ["Читайте також"] and all(b in text for b in UK_BODY)
