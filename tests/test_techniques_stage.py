"""The techniques stage on the seed articles, ru/ko marked not applicable, summaries, speed floor."""

from __future__ import annotations

import time

import pytest

from newsprism.model import Span
from newsprism.pipeline import analyze, ingest
from newsprism.techniques import TECHNIQUES
from newsprism.techniques.model import default_path
from newsprism.techniques.names import LABELS
from newsprism.techniques.summaries import profile, summarize

pytestmark = pytest.mark.skipif(not default_path().is_file(),
                                reason="no trained technique model: run `newsprism train techniques`")


def test_fourteen_techniques_with_explanations():
    assert len(TECHNIQUES) == 14 and len(set(LABELS)) == 14
    assert all(t.explanation and "\n" not in t.explanation for t in TECHNIQUES)


def test_stage_marks_valid_spans_on_seeds(tmp_path, store, settings, seeds_dir):
    ingest(store, [str(seeds_dir)], settings)
    rep = analyze(store, settings, stages=["techniques"])
    assert rep.failed == 0
    total = 0
    for doc in store.iter_documents():
        spans = store.spans(doc.id, ["technique"])
        total += len(spans)
        for s in spans:
            assert 0 <= s.start < s.end <= len(doc.text)
            assert s.label in LABELS and 0.0 <= s.score <= 1.0
            assert s.attrs["explanation"] and s.attrs["name"]
            assert doc.text[s.start:s.end] == doc.text[s.start:s.end].strip()
    assert total > 0, "the seed articles are about propaganda: some technique spans are expected"
    prof = profile(store)
    assert prof and all(p["documents"] >= 1 for p in prof.values())
    assert sum(p["spans"] for p in prof.values()) == total


def test_russian_and_korean_are_not_applicable(tmp_path, store, settings):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ru.txt").write_text("Северная Корея направила войска в Курскую область. Это героический подвиг "
                              "братского народа, заявили в Москве.\n", encoding="utf-8")
    (d / "ko.txt").write_text("북한은 러시아 쿠르스크 지역에 군대를 파견했다. 조선중앙통신은 이를 "
                              "영웅적인 위훈이라고 보도했다.\n", encoding="utf-8")
    ingest(store, [str(d)], settings)
    langs = {doc.language for doc in store.iter_documents()}
    assert langs == {"ru", "ko"}
    rep = analyze(store, settings, stages=["techniques"])
    assert rep.not_applicable == 2 and rep.failed == 0
    for doc in store.iter_documents():
        assert store.stage_run(doc.id, "techniques")["status"] == "not_applicable"
        assert store.spans(doc.id, ["technique"]) == []
    prof = profile(store)
    assert sum(p["not_analysed"].get("not_applicable", 0) for p in prof.values()) == 2


def test_summarize_counts_overlaps_once():
    text = "one two three four five six seven eight nine ten"
    spans = [Span(0, 7, "technique", "Loaded_Language", "techniques", "1"),
             Span(4, 13, "technique", "Doubt", "techniques", "1")]
    s = summarize(text, spans)
    assert s["spans"] == 2 and s["counts"]["Doubt"] == 1
    assert s["share_of_text"] == pytest.approx(13 / len(text), abs=1e-4)
    assert s["per_1000_words"] == pytest.approx(200.0)


def test_speed_floor(seeds_dir):
    """At least as fast as spaCy's en_core_web_sm on the same seed articles, timed interleaved.

    A ratio, not articles/s: on a shared 2-core machine an absolute floor failed under load
    (2.9 seed articles/s while three jobs ran; 11 alone). benchmarks/techniques_speed.py
    measures the ≥ 20 articles/s target and the ratio (≈ 1.8× spaCy) on PTC texts.
    """
    from newsprism.techniques.model import load
    from newsprism.voices.models import english
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    m, nlp = load(), english()
    m.predict(texts[0])
    nlp(texts[0])
    ours = peer = 0.0
    for t in texts * 2:
        a = time.perf_counter()
        m.predict(t)
        b = time.perf_counter()
        nlp(t)
        peer += time.perf_counter() - b
        ours += b - a
    assert peer / ours >= 1.0, f"techniques {ours:.2f} s, spaCy {peer:.2f} s on the same texts"
