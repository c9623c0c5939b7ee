"""Duplicate detection: exact and near copies, short texts, Russian and Korean, the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.duplicates import (DuplicateIndex, decode_signature, encode_signature, minhash,
                                  normalized_units, shingle)
from newsprism.model import Document
from newsprism.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

EN = ("Pyongyang, October 3 (KCNA) -- A ceremony was held at the port to mark the launch of a new "
      "cargo ship built by the workers of the shipyard, who completed the vessel two months ahead of schedule.\n"
      "Speakers said the ship would carry grain and fertiliser along the east coast and praised the builders "
      "for their devotion, adding that three more ships of the same type are planned for next year.\n"
      "The participants then toured the vessel and watched a trial run in the harbour. -0-")
RU = ("Москва, 3 октября. Делегация из Пхеньяна прибыла в столицу для переговоров о расширении торговли "
      "и культурного обмена между двумя странами.\n"
      "Стороны обсудили поставки зерна, строительство нового моста через реку Туманную и открытие прямого "
      "авиасообщения, сообщили в министерстве иностранных дел.\n"
      "По итогам встречи подписан меморандум о сотрудничестве в области образования и здравоохранения.")
KO = ("평양 10월 3일 조선중앙통신 -- 새로 건조한 화물선의 진수식이 항구에서 진행되었다.\n"
      "연설자들은 이 배가 동해안을 따라 곡물과 비료를 나르게 될 것이라고 말하고 계획보다 두 달 앞당겨 "
      "배를 완공한 조선소 노동자들의 헌신을 높이 평가하였다.\n"
      "참가자들은 이어 배를 돌아보고 항구에서 진행된 시운전을 보았다.")


def doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, locator=doc_id, reader="test", raw_sha256="", text=text)


def run(*texts: str, settings: Settings | None = None) -> list:
    """Feed texts in order through a fresh index; the match of each (None for the first)."""
    index = DuplicateIndex(settings or Settings())
    out = []
    for i, text in enumerate(texts):
        d = doc(f"d{i}", text)
        out.append(index.check(d))
        index.add(d)
    return out


def test_exact_copy_links_to_first_seen():
    matches = run(EN, EN, EN)
    assert matches[0] is None
    assert [(m.first_id, m.kind, m.score) for m in matches[1:]] == [("d0", "exact", 1.0)] * 2


def test_near_copies_link_to_first_seen():
    relay = "Korea Wire | 4 October 2024\n" + EN.replace(" -0-", "") + "\nAll rights reserved."
    reflowed = EN.replace("\n", " ").replace(",", " ,").replace("  ", " ")
    edited = EN.replace("praised the builders", "thanked the builders")
    matches = run(EN, relay, reflowed, edited)
    assert [m.first_id for m in matches[1:]] == ["d0", "d0", "d0"]
    assert all(m.kind == "near" and 0.7 <= m.score <= 1.0 for m in matches[1:])


def test_added_and_dropped_paragraphs_are_copies():
    paras = EN.split("\n")
    added = "\n".join([paras[0], "Analysts said the ship is the third of its class launched this year.", *paras[1:]])
    dropped = "\n".join(paras[:-1])
    assert all(m is not None and m.first_id == "d0" for m in run(EN, added, dropped)[1:])


def test_a_short_excerpt_is_not_a_copy():
    excerpt = EN.split("\n")[0]          # a third of the article, quoted whole
    assert run(EN, excerpt)[1] is None


def test_template_lookalikes_are_not_copies():
    # KCNA's arrival/departure notices: same template, 3 words differ, different events.
    arrived = ("Pyongyang, August 2 (KCNA) -- A delegation of the International Alliance of Societies for the "
               "Study of the Juche Idea in East European and Central Asian Regions led by General Secretary "
               "Mikhail Panchenko arrived here by plane on Thursday. -0-")
    left = arrived.replace("August 2", "August 9").replace("arrived", "left").replace("Thursday", "Aug. 8")
    assert run(arrived, left)[1] is None


def test_tiny_texts_need_every_word():
    assert run("Pyongyang, Oct. 3 (KCNA) -- Rain is expected.", "Pyongyang, Oct. 4 (KCNA) -- Rain is expected.")[1] is None
    assert run("Rain is expected today in Pyongyang.", "Rain is expected today in Pyongyang!")[1].kind == "near"


def test_different_articles_are_not_linked():
    assert run(EN, RU, KO) == [None, None, None]


def test_russian_copy_with_edits():
    edited = "ТАСС, 3 октября.\n" + RU.replace("сообщили в министерстве", "сообщили в МИД").replace("Москва, 3 октября. ", "")
    assert run(RU, edited)[1] is not None


def test_korean_uses_character_ngrams_and_ignores_spacing():
    sh = shingle(KO)
    assert sh.k == 4 and "평" in normalized_units(KO)
    respaced = KO.replace("항구에서 진행되었다", "항구에서진행 되었다").replace("높이 평가하였다", "높이평가하였다")
    match = run(KO, respaced)[1]
    assert match is not None and match.score > 0.9


def test_punctuation_and_case_do_not_matter():
    assert normalized_units("U.S. and South Korean—“intelligence”") == ["u", "s", "and", "south", "korean", "intelligence"]


def test_signature_round_trip():
    sh = shingle(EN)
    mh = minhash(sh)
    blob = encode_signature(doc("x", EN).text_sha256, sh, mh)
    sha, k, back = decode_signature(blob)
    assert sha == doc("x", EN).text_sha256 and k == 3 and back.jaccard(mh) == 1.0
    assert decode_signature(b"old format") is None


def test_from_store_rebuilds_without_reshingling(tmp_path, monkeypatch):
    store = Store(tmp_path / "t.db")
    settings = Settings()
    index = DuplicateIndex.from_store(store, settings)
    for d in (doc("a", EN), doc("b", RU)):
        _store(store, d)
        store.save_signature(d.id, *index.add(d))
    import newsprism.duplicates as dup
    calls = []
    real = dup.shingle
    monkeypatch.setattr(dup, "shingle", lambda text: calls.append(text) or real(text))
    rebuilt = DuplicateIndex.from_store(store, settings)
    assert len(rebuilt) == 2 and calls == []                   # signatures were enough
    relay = doc("c", "Korea Wire -- " + EN.replace("harbour", "port"))
    match = rebuilt.check(relay)
    assert match is not None and match.first_id == "a"        # candidate text fetched by id
    assert rebuilt.check(doc("e", EN)).kind == "exact"


def test_from_store_signs_documents_that_lack_a_signature(tmp_path):
    store = Store(tmp_path / "t.db")
    _store(store, doc("a", EN))
    index = DuplicateIndex.from_store(store, Settings())
    assert [row[0] for row in store.iter_signatures()] == ["a"]
    assert index.check(doc("b", EN + " Extra words here.")).first_id == "a"


def _store(store: Store, d: Document) -> None:
    store.put_raw(d.raw_sha256 or d.id, d.text.encode())
    d.raw_sha256 = d.raw_sha256 or d.id
    store.add_document(d)


@pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/corpus/seeds")
def test_seed_articles_are_distinct_and_found_again():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    first = run(*texts)
    assert first == [None] * len(texts)
    again = run(*texts, *[t.replace("\n", "\n\n") for t in texts])
    assert [m.first_id for m in again[len(texts):]] == [f"d{i}" for i in range(len(texts))]

