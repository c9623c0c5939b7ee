"""Hostile inputs through the real ingest: each one is recorded as a failure of its own item,
with its raw bytes kept, and the good inputs around it land (docs/reliability.md)."""

from __future__ import annotations

import gzip
import io
import json
import os
import sqlite3

import pytest

from newsprism.ingest.sources import MAX_LOCATOR_CHARS, safe_locator
from newsprism.pipeline import ingest

GOOD = "The harbour authority said on Tuesday that the new ferry line opens in May.\n"
OTHER = "Farmers in the valley reported an early harvest after a warm and dry spring.\n"


def _docs(store) -> list[str]:
    return [d.text for d in store.iter_documents()]


def _failures(store) -> list[tuple[str, str, str]]:
    return [(f.locator, f.stage, f.message) for f in store.failures()]


def test_undecodable_file_name_is_ingested_and_the_batch_goes_on(store, settings, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"news-\xff\xfe.txt")   # not UTF-8 (nor any valid name text)
    with open(bad, "wb") as fh:
        fh.write(GOOD.encode())
    (folder / "z-after.txt").write_text(OTHER)
    rep = ingest(store, [str(folder)], settings)
    assert rep.added == 2 and not rep.failures
    locators = [r[0] for r in store.conn.execute("SELECT locator FROM documents ORDER BY seq")]
    assert any("\\xff\\xfe" in loc for loc in locators)     # shown as escapes, storable and printable
    assert all(loc.isprintable() for loc in locators)


def test_symlink_loop_is_a_recorded_failure_not_a_crash(store, settings, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-loop").symlink_to(folder / "b-loop")
    (folder / "b-loop").symlink_to(folder / "a-loop")
    (folder / "c-good.txt").write_text(GOOD)
    rep = ingest(store, [str(folder)], settings)
    assert rep.added == 1
    assert len(rep.failures) == 2 and all(f.stage == "read" for f in rep.failures)
    assert _docs(store) == [GOOD.strip()] or GOOD.strip() in _docs(store)[0]


@pytest.mark.parametrize("bad_line", [
    '{"text": "x", "n": ' + "1" * 5000 + "}",            # over Python's 4,300-digit int limit
    '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",   # RecursionError in json
    '{"text": 17}', '{"text": true}', '{"body": 3.5}',  # a number or boolean is no text
])
def test_one_bad_jsonl_line_fails_alone(store, settings, tmp_path, bad_line):
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join([json.dumps({"text": GOOD}), bad_line, json.dumps({"text": OTHER})]) + "\n")
    rep = ingest(store, [str(p)], settings)
    assert rep.added == 2, rep.failures
    [(loc, stage, message)] = _failures(store)
    assert loc.endswith("#line=2") and stage == "read"
    assert "TypeError" not in message
    if "text" in bad_line and ("17" in bad_line or "true" in bad_line):
        assert "`text` holds a" in message and "not text" in message
    raw = store.conn.execute("SELECT raw_sha256 FROM failures").fetchone()[0]
    assert store.get_raw(raw) == bad_line.encode()        # the bad line's own bytes are kept


def test_lone_surrogate_in_json_text_lands(store, settings, tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "%s \\ud800 end", "title": "t\\udfff", "odd": "\\ud83d"}\n' % GOOD.strip()
                 + json.dumps({"text": OTHER}) + "\n")
    rep = ingest(store, [str(p)], settings)
    assert rep.added == 2 and not rep.failures


def test_utf16_jsonl_with_final_newline_has_no_spurious_bad_line(store, settings, tmp_path):
    p = tmp_path / "u16.jsonl"
    body = json.dumps({"text": GOOD}, ensure_ascii=False) + "\n" + json.dumps({"text": OTHER}) + "\n"
    p.write_bytes(body.encode("utf-16"))
    rep = ingest(store, [str(p)], settings)
    assert rep.added == 2 and not rep.failures


def test_input_counts_documents_not_documents_minus_failures(store, settings, tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text("\n".join([json.dumps({"text": GOOD}), json.dumps({"text": "   "}),
                            json.dumps({"html": "<html><body><script>var a = 1;</script></body></html>"}), json.dumps({"text": OTHER})]) + "\n")
    rep = ingest(store, [str(p)], settings)
    assert rep.added == 2
    row = store.conn.execute("SELECT n_records, n_documents, n_failures FROM inputs").fetchone()
    assert tuple(row) == (4, 2, 2)


def _warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i, sentence in enumerate((GOOD, OTHER)):
        page = f"<html><head><title>P{i}</title></head><body><p>{sentence * 8}</p></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://example.org/{i}", "response",
                                            payload=io.BytesIO(page), http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_is_a_failure_not_a_short_document(store, settings, tmp_path, gz):
    whole = _warc(gz)
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    p.write_bytes(whole[:-60])
    rep = ingest(store, [str(p)], settings)
    assert rep.failures, "a cut archive must be reported"
    assert any("cut" in f.message for f in rep.failures)
    # what landed is whole: the first capture only, never a shortened second one
    assert rep.added == 1 and "ferry" in _docs(store)[0]
    assert all("harvest" not in t for t in _docs(store))


def test_whole_gzipped_warc_is_not_flagged(store, settings, tmp_path):
    p = tmp_path / "whole.warc.gz"
    p.write_bytes(_warc(True))
    rep = ingest(store, [str(p)], settings)
    assert rep.added == 2 and not rep.failures
    assert gzip.decompress(p.read_bytes()).startswith(b"WARC/")


def test_long_locators_are_capped_and_stay_distinct():
    a, b = "https://x.example/" + "a" * 50_000_000, "https://x.example/" + "a" * 49_999_999 + "b"
    la, lb = safe_locator(a), safe_locator(b)
    assert len(la) <= MAX_LOCATOR_CHARS and len(lb) <= MAX_LOCATOR_CHARS and la != lb


def test_an_ingest_crash_on_one_input_is_isolated(store, settings, tmp_path, monkeypatch):
    from newsprism import pipeline
    real = pipeline.load_source

    def explode(item, s):
        if item.endswith("boom.txt"):
            raise MemoryError("simulated")
        return real(item, s)
    monkeypatch.setattr(pipeline, "load_source", explode)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "boom.txt").write_text(OTHER)
    (tmp_path / "c.txt").write_text(OTHER + GOOD)
    rep = ingest(store, [str(tmp_path / n) for n in ("a.txt", "boom.txt", "c.txt")], settings)
    assert rep.added == 2 and len(rep.failures) == 1 and "MemoryError" in rep.failures[0].message


def test_clean_stage_deadline_records_the_document_and_goes_on(store, settings, tmp_path, monkeypatch):
    import time

    from newsprism import pipeline
    real = pipeline.clean_record

    def slow(rec, s):
        if "harvest" in (rec.text or ""):
            time.sleep(5)
        return real(rec, s)
    monkeypatch.setattr(pipeline, "clean_record", slow)
    p = tmp_path / "f.jsonl"
    p.write_text(json.dumps({"text": OTHER}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    t0 = time.monotonic()
    rep = ingest(store, [str(p)], settings.with_overrides(stage_deadline=0.3))
    assert time.monotonic() - t0 < 3
    assert rep.added == 1 and [f.code for f in rep.failures] == ["NP410"]
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_store_failure_is_fatal_not_swallowed(store, settings, tmp_path, monkeypatch):
    from newsprism.errors import StoreError
    (tmp_path / "a.txt").write_text(GOOD)

    def broken(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(store, "add_document", broken)
    with pytest.raises(StoreError):
        ingest(store, [str(tmp_path / "a.txt")], settings)
