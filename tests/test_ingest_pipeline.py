"""Bad input through the real pipeline: each bad input is a clear failure, the rest lands,
earlier documents stay, and ingesting the same folder twice adds nothing."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from newsprism.config import load_settings
from newsprism.pipeline import ingest
from newsprism.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ENGLISH = ("North Korean troops have been deployed to Russia's Kursk region, officials said on Monday.\n"
           "The deployment was confirmed by intelligence services in Seoul and Kyiv.\n")
RUSSIAN = ("Северокорейские войска прибыли в Курскую область, сообщает ТАСС.\n"
           "Министерство обороны не комментирует эти сообщения.")
KOREAN = ("조선중앙통신은 김정은 동지가 러시아 대표단을 만나 담화를 나누었다고 보도했다.\n"
          "양측은 전략적 동반자 관계를 더욱 발전시키기로 합의했다.")
GOOD_JSONL = '{"title": "Kursk", "text": "%s", "date": "2024-11-11", "source": "Example Daily"}'
RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://wire.example/1</link><description>%s</description></item>
<item><title>Headline only</title><link>https://wire.example/2</link></item>
</channel></rss>"""


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "x.db")
    yield s
    s.close()


@pytest.fixture
def settings():
    return load_settings(environ={})


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def batch(tmp_path) -> Path:
    """A folder of good and bad inputs, as an analyst's download folder looks."""
    d = tmp_path / "batch"
    d.mkdir()
    write(d, "a_good.txt", ENGLISH)
    write(d, "b_empty.txt", b"")
    write(d, "c_blank.txt", b"  \n\n ")
    write(d, "d_binary.bin", bytes(range(256)) * 64)
    write(d, "e_ru_cp1251.txt", RUSSIAN.encode("cp1251"))
    write(d, "f_ko_euckr.txt", KOREAN.encode("euc-kr"))
    write(d, "g_truncated.html", f"<html><head><title>Cut</title></head><body><article><p>{ENGLISH}</p><p>The pa")
    good = GOOD_JSONL % "Pyongyang sent more troops, the report said, citing officials in Seoul."
    write(d, "h_mixed.jsonl", "\n".join([good, "{not json", '{"text": ', "[1, 2]", good.replace("Kursk", "K2")]))
    write(d, "i_feed.rss", RSS % "Wire story: troops reached the front line, according to the ministry.")
    return d


def by_locator(store):
    return {doc.locator: doc for doc in store.iter_documents()}


def failures_by_locator(store):
    return {f.locator: f for f in store.failures()}


def test_bad_inputs_are_recorded_and_the_rest_lands(store, settings, batch):
    report = ingest(store, [str(batch)], settings)
    docs, fails = by_locator(store), failures_by_locator(store)

    def doc(name):
        return next(d for loc, d in docs.items() if loc.split("#")[0].endswith(name))

    def fail(name, fragment=""):
        return next(f for loc, f in fails.items() if loc.split("#")[0].endswith(name) and fragment in loc)

    assert doc("a_good.txt").text.startswith("North Korean troops")
    assert doc("e_ru_cp1251.txt").text == RUSSIAN
    assert doc("f_ko_euckr.txt").text == KOREAN
    assert fail("b_empty.txt").code == "NP320"
    assert fail("c_blank.txt").code == "NP320"
    assert fail("d_binary.bin").code == "NP310" and "binary" in fail("d_binary.bin").message
    # JSONL: two good lines land, three bad ones are failures with their line numbers
    jsonl_docs = [loc for loc in docs if "h_mixed.jsonl" in loc]
    assert sorted(loc.rsplit("#", 1)[1] for loc in jsonl_docs) == ["line=1", "line=5"]
    assert {loc.rsplit("#", 1)[1] for loc in fails if "h_mixed.jsonl" in loc} == {"line=2", "line=3", "line=4"}
    assert all(fails[loc].code == "NP340" for loc in fails if "h_mixed.jsonl" in loc)
    assert docs[jsonl_docs[0]].meta["outlet"].value == "Example Daily"
    # feed: the entry with a body lands, the headline-only one is a failure
    assert any(loc.endswith("i_feed.rss#entry=1") for loc in docs)
    assert fail("i_feed.rss", "#entry=2").code == "NP340"
    # truncated HTML: lands when cleaning can extract it, otherwise a recorded failure, never lost
    assert any("g_truncated.html" in loc for loc in [*docs, *fails])
    assert report.inputs == 9
    assert report.added == len(docs)
    # the raw bytes of a failed record are kept for a person to inspect
    bad_line = fail("h_mixed.jsonl", "#line=2")
    assert store.get_raw(bad_line.raw_sha256) == b"{not json"


@pytest.mark.skipif(importlib.util.find_spec("newsprism.clean.html") is None,
                    reason="HTML extraction in clean/ is not there yet")
def test_truncated_html_lands_as_a_document(store, settings, batch):
    ingest(store, [str(batch / "g_truncated.html")], settings)
    [doc] = store.iter_documents()
    assert "North Korean troops" in doc.text


def test_documents_stored_earlier_are_still_there(store, settings, batch, tmp_path):
    first = write(tmp_path, "first.txt", ENGLISH.replace("Monday", "Tuesday"))
    ingest(store, [str(first)], settings)
    before = store.document_ids()
    ingest(store, [str(batch)], settings)
    assert set(before) <= set(store.document_ids())
    assert store.get_document(before[0]).text.startswith("North Korean troops")


def test_ingesting_the_same_folder_twice_adds_nothing(store, settings, batch):
    ingest(store, [str(batch)], settings)
    n_docs, n_fails = store.count_documents(), len(store.failures())
    again = ingest(store, [str(batch)], settings)
    assert again.added == 0
    assert again.unchanged == n_docs
    assert store.count_documents() == n_docs
    assert len(store.failures()) == n_fails     # failures are updated in place, not piled up


def test_shared_seed_corpus_ingests_cleanly(store, settings):
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.exists():
        pytest.skip("shared corpus not present")
    report = ingest(store, [str(seeds)], settings)
    assert report.added == 5 and not report.failures


def test_fifty_megabyte_text_file_lands_or_fails_clearly(store, settings, tmp_path):
    big = tmp_path / "big.txt"
    line = ("Officials in Seoul said that North Korean units had been moved closer to the front line, "
            "and that the number of troops could rise further in the coming weeks.\n")
    with big.open("w", encoding="utf-8") as fh:
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size >= 50 * 1024 * 1024
    t0 = time.perf_counter()
    report = ingest(store, [str(big)], settings)
    elapsed = time.perf_counter() - t0
    assert elapsed < 60, f"50 MB took {elapsed:.1f} s"
    if report.added:
        [doc] = store.iter_documents()
        assert len(doc.text) <= settings.max_text_chars     # clean text truncated, raw kept whole
        assert len(store.get_raw(doc.raw_sha256)) == big.stat().st_size
    else:
        assert report.failures and report.failures[0].code.startswith("NP3")


def test_file_over_the_cap_is_refused_with_its_size(store, tmp_path):
    path = write(tmp_path, "over.txt", ENGLISH * 100)
    report = ingest(store, [str(path)], load_settings(environ={}, max_bytes=1000))
    [failure] = report.failures
    assert failure.code == "NP330" and "exceeds the cap" in failure.message
