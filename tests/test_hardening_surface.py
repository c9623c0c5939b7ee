"""Hostile data at the surfaces people use: search, the web API, the CLI's output and exit
codes, the Excel export, deeply nested HTML, the per-document stage deadline."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.model import Document
from newsprism.store import open_store

GOOD = "The harbour authority said on Tuesday that the new ferry line opens in May."


def _add(store, doc_id: str, text: str, title: str | None = None) -> None:
    from newsprism.model import MetaField
    meta = {"title": MetaField(title, "test", 1.0)} if title else {}
    store.put_raw(doc_id.ljust(64, "0"), text.encode())
    store.add_document(Document(id=doc_id, locator=f"mem:{doc_id}", reader="text", raw_sha256=doc_id.ljust(64, "0"),
                                text=text, meta=meta, removed=[], extra={}))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """One 5 MB single-line document that matches, beside a short one."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    words = ("alpha", "beta", "gamma", "delta", "ferry", "report", "harbour", "line")
    text = " ".join(words[(i * 7 + i // 3) % len(words)] for i in range(850_000))
    with open_store(path) as st:
        _add(st, "big1", text)
        _add(st, "short1", GOOD, title="Ferry \x1b[2J\x1b]0;pwned\x07 news")
    return path


def test_search_is_fast_whatever_one_document_holds(big_store):
    from newsprism.web.queries import DocFilter, ReadStore, search
    with open_store(big_store) as st:
        t0 = time.perf_counter()
        hits = st.search("ferry harbour")
        cli_s = time.perf_counter() - t0
    rs = ReadStore(str(big_store))
    t0 = time.perf_counter()
    res = search(rs, "ferry harbour", DocFilter(), 20, 0)
    web_s = time.perf_counter() - t0
    assert {h["id"] for h in hits} == {"big1", "short1"} and res["total"] == 2
    assert cli_s < 1.0 and web_s < 1.0, (cli_s, web_s)
    big = next(i for i in res["items"] if i["id"] == "big1")
    assert any(p["hit"] and p["text"].lower() in ("ferry", "harbour") for p in big["snippet"])
    assert sum(len(p["text"]) for p in big["snippet"]) < 400


def test_search_output_strips_terminal_escapes(big_store):
    res = CliRunner().invoke(cli, ["--db", str(big_store), "search", "ferry"])
    assert res.exit_code == 0 and "short1" in res.output
    assert "\x1b" not in res.output and "\x07" not in res.output


def test_read_commands_refuse_a_missing_store(tmp_path):
    runner = CliRunner()
    for cmd in (["status"], ["search", "x"], ["analyze"], ["export", "-o", str(tmp_path / "o.jsonl")]):
        db = tmp_path / "typo" / "nope.db"
        res = runner.invoke(cli, ["--db", str(db), *cmd])
        assert res.exit_code == 3, (cmd, res.output)
        assert "no store at" in res.output and not db.parent.exists()


def test_a_crash_exits_3_not_1(tmp_path, monkeypatch):
    from newsprism.store.sqlite import Store

    def boom(self):
        raise ZeroDivisionError("simulated bug")
    db = tmp_path / "s.db"
    open_store(db).close()
    monkeypatch.setattr(Store, "stats", boom)
    res = CliRunner().invoke(cli, ["--db", str(db), "status"])
    assert res.exit_code == 3 and "internal error: ZeroDivisionError" in res.output


def test_csv_excel_has_a_bom_and_respects_the_cell_limit(tmp_path):
    from newsprism.export import export
    from newsprism.export.tables import EXCEL_CELL_CHARS
    db = tmp_path / "x.db"
    with open_store(db) as st:
        _add(st, "ko1", "조선중앙통신 " + "Кириллица " * 5000, title="Заголовок")
        export(st, "csv-excel", tmp_path / "xl")
        export(st, "csv", tmp_path / "plain")
    raw = (tmp_path / "xl" / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert all(len(v) <= EXCEL_CELL_CHARS for r in rows for v in r.values())
    assert "cut:" in rows[0]["text"] and rows[0]["title"] == "Заголовок"
    assert not (tmp_path / "plain" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_deeply_nested_html_keeps_its_text():
    from newsprism.clean.html import extract_html
    html = ("<html><body>" + "<div>" * 10_000 + f"<p>{GOOD}</p>" + "</div>" * 10_000 + "</body></html>")
    text, _ = extract_html(html)
    assert "ferry line" in text


def test_document_stage_deadline_fails_that_document_only(store):
    from newsprism import plugins
    from newsprism.analyze.stage import Stage
    from newsprism.engine import run_document_stages

    def slow(doc, inputs):
        if "slow" in doc.text:
            time.sleep(5)
        return []
    plugins.register_stage(Stage("deadline_probe", "1", ("deadline_probe",), slow))
    try:
        _add(store, "d1", "a slow document")
        _add(store, "d2", "a quick document")
        t0 = time.monotonic()
        rep = run_document_stages(store, ["deadline_probe"], stage_deadline=0.3)
        assert time.monotonic() - t0 < 3
        assert rep.failed == 1 and rep.stage_runs == 1
        assert "deadline" in rep.failures[0][2] and rep.failures[0][0] == "d1"
    finally:
        plugins._STAGES.pop("deadline_probe", None)


def test_web_caps_and_calendar_dates(big_store, tmp_path):
    pytest.importorskip("httpx")
    import shutil

    from fastapi.testclient import TestClient

    from newsprism.web.app import create_app
    db = tmp_path / "w.db"
    shutil.copy(big_store, db)
    token = "t0ken-for-tests-0123456789"
    with TestClient(create_app(db, write_token=token, warm=False)) as c:
        for bad in ("2024-13-99", "2024-02-30", "2023-00"):
            r = c.get("/api/documents", params={"date_from": bad})
            assert r.status_code == 422 and "calendar" in r.json()["error"]["message"]
        assert c.get("/api/documents", params={"date_from": "2024-02-29"}).status_code == 200
        head = {"X-Newsprism-Token": token}
        long_url = "http://example.com/" + "a" * 5000
        r = c.post("/api/ingest", json={"urls": [long_url]}, headers=head)
        assert r.status_code == 400 and "at most" in r.json()["error"]["message"]
        r = c.post("/api/ingest", content=b'{"urls": ["' + b"a" * 200_000 + b'"]}',
                   headers={**head, "Content-Type": "application/json"})
        assert r.status_code == 413
    with open_store(db) as st:
        assert all(len(f.locator) < 3000 for f in st.failures())
