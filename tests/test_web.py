"""The web app through FastAPI's TestClient: every page, every API route, the security model.

One store for the module: the seed articles plus a hostile document (markup in
its title, outlet, text, URL, a span label and a failure message), analysed by
the real pipeline, so pages show real actors and claims.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsprism.config import load_settings  # noqa: E402
from newsprism.model import Failure, Span  # noqa: E402
from newsprism.pipeline import analyze, build_corpus, ingest  # noqa: E402
from newsprism.store import open_store  # noqa: E402
from newsprism.web import create_app  # noqa: E402
from newsprism.web.app import CSP  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
MARK = "data-pwned"
PAYLOAD_TITLE = "<script>document.documentElement.setAttribute('data-pwned','1')</script><img src=x onerror=alert(1)>"
PAYLOAD_OUTLET = '"><svg onload=alert(1)>'
HOSTILE = {
    "id": "xss-1", "headline": PAYLOAD_TITLE, "source": PAYLOAD_OUTLET, "date": "2024-11-05", "language": "en",
    "url": "javascript:alert(1)",
    "text": ("Pyongyang, November 5 (KCNA) -- The delegation said the troops are heroes. "
             "</textarea></style></script><script>document.documentElement.setAttribute('data-pwned','1')</script> "
             "<img src=x onerror=\"document.title='PWNED'\"> Kim Jong Un said that 12,000 troops would go.\n\n"
             "A second paragraph with <b>bold</b> markup and more text about Kursk."),
}
PAGES = ["/", "/documents", "/search", "/search?q=Kursk", "/failures", "/actors", "/claims", "/outlets",
         "/timeline", "/timeline?bucket=day", "/api"]
API = ["/api/health", "/api/overview", "/api/documents", "/api/search?q=Kursk", "/api/failures", "/api/actors",
       "/api/claims", "/api/outlets", "/api/timeline", "/api/openapi.json"]


def build_store(path: Path, *, analysed: bool = True) -> dict:
    """Seeds + a hostile JSONL record, ingested and analysed by the real pipeline."""
    settings = load_settings(environ={})
    hostile = path.parent / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    with open_store(path) as store:
        rep = ingest(store, [str(SEEDS), str(hostile)], settings)
        if analysed:
            analyze(store, settings)
            build_corpus(store, settings)
        xss_id = store.conn.execute("SELECT id FROM documents WHERE locator LIKE ?", ("%hostile.jsonl%",)).fetchone()[0]
        doc = store.get_document(xss_id)
        store.save_stage_result(xss_id, "hostile", "1", doc.text_sha256,
                                [Span(0, 9, "hostile<b>", PAYLOAD_OUTLET, "hostile", "1", 1.0, {"x": PAYLOAD_TITLE})], 1.0)
        store.record_failure(Failure("hostile://" + PAYLOAD_OUTLET, "clean", "NP399", PAYLOAD_TITLE, xss_id))
        ids = store.document_ids()
    return {"path": path, "xss_id": xss_id, "ids": ids, "added": rep.added}


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> dict:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store["path"])) as c:
        yield c


def _no_active_markup(html: str) -> None:
    assert "<script>document" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "<svg onload" not in html
    assert not re.search(r"<(script|img|svg|iframe)[^>]*(onload|onerror)=", html)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert all('src="/static/app.js"' in s for s in scripts), scripts


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_security_headers(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert 'class="skip" href="#main"' in r.text
    _no_active_markup(r.text)


@pytest.mark.parametrize("url", API)
def test_every_api_route_answers_json(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["content-security-policy"] == CSP
    assert isinstance(r.json(), dict)


def test_every_document_page_and_its_json(client, web_store):
    for doc_id in web_store["ids"]:
        page = client.get(f"/documents/{doc_id}")
        assert page.status_code == 200
        _no_active_markup(page.text)
        d = client.get(f"/api/documents/{doc_id}").json()
        assert d["id"] == doc_id and d["text"] and isinstance(d["spans"], list)
        assert all({"start", "end", "layer", "label"} <= set(s) for s in d["spans"])


def test_hostile_strings_are_shown_as_text(client, web_store):
    xid = web_store["xss_id"]
    html = client.get(f"/documents/{xid}").text
    assert "&lt;script&gt;document.documentElement" in html
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt;" in html or "&quot;&gt;&lt;svg onload" in html
    assert 'href="javascript:' not in html            # a javascript: URL is shown, never linked
    for url in ["/documents", f"/search?q=delegation", "/failures", "/outlets", "/"]:
        _no_active_markup(client.get(url).text)
    assert PAYLOAD_TITLE in json.dumps(client.get(f"/api/documents/{xid}").json(), ensure_ascii=False)


def test_documents_are_paginated_and_filtered(client, web_store):
    d = client.get("/api/documents?limit=2").json()
    assert d["total"] == len(web_store["ids"]) and len(d["items"]) == 2 and d["next_offset"] == 2
    rest = client.get("/api/documents?limit=200&offset=2").json()
    ids = [i["id"] for i in d["items"] + rest["items"]]
    assert sorted(ids) == sorted(web_store["ids"]) and rest["next_offset"] is None
    only = client.get("/api/documents", params={"outlet": PAYLOAD_OUTLET}).json()
    assert [i["id"] for i in only["items"]] == [web_store["xss_id"]]
    dated = client.get("/api/documents?date_from=2024-11&date_to=2024-11").json()
    assert web_store["xss_id"] in [i["id"] for i in dated["items"]]
    assert client.get("/api/documents?language=xx").json()["total"] == 0


def test_limits_are_capped_and_bad_parameters_get_one_error_shape(client):
    for url in ["/api/documents?limit=100000", "/api/documents?offset=999999", "/api/documents?date_from=yesterday",
                "/api/search?q=x&limit=0"]:
        r = client.get(url)
        assert r.status_code == 422
        err = r.json()["error"]
        assert err["status"] == 422 and err["code"] == "invalid_parameters" and err["message"]
    html = client.get("/documents?limit=100000", headers={"accept": "text/html"})
    assert html.status_code == 422 and "invalid parameters" in html.text and "Traceback" not in html.text


def test_unknown_records_are_404_as_json_or_html(client):
    r = client.get("/api/documents/0000000000000000")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    h = client.get("/documents/0000000000000000")
    assert h.status_code == 404 and h.headers["content-type"].startswith("text/html") and "not found" in h.text
    assert client.get("/documents/0000", headers={"accept": "application/json"}).json()["error"]["status"] == 404
    assert client.get("/api/actors/no-such-actor").status_code == 404
    assert client.get("/api/claims/nope").status_code == 404


def test_search_finds_words_with_filters_and_marks_hits(client, web_store):
    d = client.get("/api/search?q=Kursk").json()
    assert d["total"] >= 2
    assert any(p["hit"] for p in d["items"][0]["snippet"])
    assert client.get("/api/search", params={"q": "Kursk", "outlet": "no such outlet"}).json()["total"] == 0
    bad = client.get("/api/search?q=%22%29%20OR%20*")     # a query that does not parse: a 400 naming why
    assert bad.status_code == 400 and "quote" in bad.json()["error"]["message"]
    assert client.get("/api/search?q=%29%20OR%20*").status_code == 400
    assert "<mark>" in client.get("/search?q=Kursk").text


def test_actor_claim_and_evidence_pages(client):
    actors = client.get("/api/actors").json()
    assert actors["status"] == "ok" and actors["items"]
    top = max(actors["items"], key=lambda a: a["attributions"])
    a = client.get(f"/api/actors/{top['id']}").json()
    assert a["actor"]["id"] == top["id"] and a["total"] == len(a["voices"]) > 0
    page = client.get(f"/actors/{top['id']}").text
    v = a["voices"][0]
    assert f'/documents/{v["doc_id"]}?at={v["start"]}-{v["end"]}#evidence' in page
    assert 0.0 < v["confidence"] <= 1.0 and f'{v["confidence"]:.2f}</span>' in page      # how sure, shown
    claims = client.get("/api/claims").json()
    assert claims["status"] == "ok" and claims["items"]
    g = claims["items"][0]
    assert g["disputed"] or g["disagreement"]            # flagged groups come first
    detail = client.get(f"/api/claims/{g['id']}").json()
    assert detail["members"] and detail["group"]["id"] == g["id"]
    m = detail["members"][0]
    ev = client.get(f"/documents/{m['doc_id']}?at={m['start']}-{m['end']}").text
    assert 'id="evidence"' in ev
    assert "<svg" in client.get(f"/claims/{g['id']}").text or not detail["points"]


def test_claim_page_names_each_relay_chain(client):
    """A claim passed on by others shows its chain on the group page, in the registry's names (the seeds hold
    figures relayed through state media)."""
    import html
    from newsprism.claims.query import source_name
    for g in client.get("/api/claims", params={"include_generic": "true", "limit": 200}).json()["items"]:
        members = client.get(f"/api/claims/{g['id']}").json()["members"]
        chained = [m for m in members if (m.get("attrs") or {}).get("via")]
        if chained:
            page = html.unescape(client.get(f"/claims/{g['id']}").text)
            chain = " → ".join(source_name(v) for v in chained[0]["attrs"]["via"])
            assert f"via {chain}" in page
            return
    pytest.fail("no relayed claim in the seeds' groups")


def test_layers_css_covers_every_layer(client):
    css = client.get("/layers.css")
    assert css.headers["content-type"].startswith("text/css")
    d = client.get("/api/overview").json()
    assert css.text.count(".sw.L") >= len(d["by_layer"])


def test_read_only_by_default(client):
    assert client.post("/api/ingest", json={"urls": ["https://example.org/"]}).status_code in (404, 405)
    assert client.post("/ingest", json={"urls": ["https://example.org/"]}).status_code in (404, 405)
    assert client.get("/ingest").status_code == 404
    for url in ["/", "/api/documents"]:
        assert client.post(url).status_code == 405
        assert client.delete(url).status_code == 405
    assert "/api/ingest" not in client.get("/api/openapi.json").json()["paths"]


def test_ingest_needs_the_token_and_keeps_the_address_guard(web_store, tmp_path, monkeypatch):
    import shutil
    db = tmp_path / "w.db"
    shutil.copy(web_store["path"], db)
    monkeypatch.setenv("NEWSPRISM_ALLOW_PRIVATE_ADDRESSES", "1")   # the web ingest ignores this
    token = "t0ken-for-tests-0123456789"
    with TestClient(create_app(db, write_token=token)) as c:
        body = {"urls": ["http://127.0.0.1:9/x"]}
        assert c.post("/api/ingest", json=body).status_code == 401
        assert c.post("/api/ingest", json=body, headers={"X-Newsprism-Token": "wrong"}).status_code == 401
        bad = c.post("/api/ingest", json={"urls": ["/etc/passwd"]}, headers={"X-Newsprism-Token": token})
        assert bad.status_code == 400 and "http" in bad.json()["error"]["message"]
        assert c.post("/api/ingest", json={"urls": ["file:///etc/passwd"]},
                      headers={"X-Newsprism-Token": token}).status_code == 400
        r = c.post("/api/ingest", json=body, headers={"X-Newsprism-Token": token})
        assert r.status_code == 200, r.text
        fails = r.json()["failures"]
        assert r.json()["report"]["added"] == 0 and fails and "loopback" in fails[0]["message"]
        assert c.get("/ingest").status_code == 200
        assert "/api/ingest" in c.get("/api/openapi.json").json()["paths"]


def test_server_errors_show_no_traceback(web_store, monkeypatch):
    from newsprism.web import data

    def boom(*a, **k):
        raise RuntimeError("secret internal detail")
    monkeypatch.setattr(data, "overview", boom)
    with TestClient(create_app(web_store["path"]), raise_server_exceptions=False) as c:
        for accept in ("application/json", "text/html"):
            r = c.get("/", headers={"accept": accept}) if accept == "text/html" else c.get("/api/overview")
            assert r.status_code == 500
            assert "secret internal detail" not in r.text and "Traceback" not in r.text
            assert r.headers["content-security-policy"] == CSP
        assert c.get("/api/overview").json()["error"]["code"] == "internal_error"


def test_unanalysed_store_says_so_instead_of_failing(tmp_path):
    s = build_store(tmp_path / "raw.db", analysed=False)
    with TestClient(create_app(s["path"])) as c:
        for url in ["/actors", "/claims", "/timeline", "/outlets", "/"]:
            r = c.get(url)
            assert r.status_code == 200
        assert "Not analysed yet" in c.get("/actors").text and "newsprism analyze" in c.get("/claims").text
        assert c.get("/api/actors").json()["status"] == "not_analysed"
        assert c.get("/api/claims").json()["status"] == "not_analysed"


def test_every_route_is_documented(client):
    doc = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    from newsprism.web import create_app as _  # noqa: F401
    app = client.app
    paths = sorted({r.path for r in app.routes if getattr(r, "methods", None)} | {"/api/ingest", "/ingest"})
    missing = [p for p in paths if f"`{p}`" not in doc and f"`GET {p}`" not in doc and f"`POST {p}`" not in doc]
    assert not missing, f"docs/web.md does not describe: {missing}"


def test_serve_command_options():
    from click.testing import CliRunner

    from newsprism.web.commands import serve_cmd
    out = CliRunner().invoke(serve_cmd, ["--help"]).output
    assert "--host" in out and "127.0.0.1" in out and "--port" in out and "--write-token" in out
    assert "NEWSPRISM_WRITE_TOKEN" in out


def test_narrow_filter_search_plan_gives_the_same_hits_as_the_fts_first_plan(web_store, monkeypatch):
    """Search with a narrow filter lists candidates first; with a broad one FTS walks its matches first.
    Both plans answer the same hits in the same order."""
    from newsprism.web import queries as q
    pool = q.StorePool(str(web_store["path"]))
    try:
        st = pool.get()
        outlets = [r[0] for r in st.conn.execute("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL")]
        cases = [(w, q.DocFilter(outlet=o)) for w in ("Kursk", "troops", "Pyongyang") for o in outlets]
        cases += [("troops", q.DocFilter(date_from="2024")), ("Kursk", q.DocFilter(language="en", date_to="2024-12"))]
        seen = 0
        for word, f in cases:
            monkeypatch.setattr(q, "SELECTIVE_FILTER", 10**9)    # always candidates first
            narrow = q.search(st, word, f, 20, 0)
            monkeypatch.setattr(q, "SELECTIVE_FILTER", 0)        # always FTS first
            broad = q.search(st, word, f, 20, 0)
            assert [d["id"] for d in narrow["items"]] == [d["id"] for d in broad["items"]], (word, f)
            assert narrow["total"] == broad["total"]
            seen += narrow["total"]
        assert seen > 0
        assert q.search(st, "Kursk", q.DocFilter(outlet="no such outlet"), 20, 0)["total"] == 0
    finally:
        pool.close()


def test_actor_aggregates_match_the_per_actor_queries(web_store):
    from newsprism.web import queries as q
    from newsprism.voices import query as vq
    pool = q.StorePool(str(web_store["path"]))
    try:
        st = pool.get()
        agg = vq.actor_aggregates(st)
        assert agg
        for actor_id, a in agg.items():
            assert a["by_outlet"] == vq.actor_outlets(st, actor_id)
            assert a["by_month"] == vq.actor_months(st, actor_id)
            assert a["attributions"] == st.conn.execute(
                "SELECT count(*) FROM actor_mentions WHERE actor_id=? AND layer='attribution'", (actor_id,)).fetchone()[0]
    finally:
        pool.close()


def test_aggregate_caches_follow_store_changes(tmp_path):
    from newsprism.web import queries as q
    db = tmp_path / "c.db"
    with open_store(db):
        pass
    pool = q.StorePool(str(db))
    try:
        calls = []
        assert pool.cached("k", lambda st: calls.append(1) or len(calls)) == 1
        assert pool.cached("k", lambda st: calls.append(1) or len(calls)) == 1      # same state: cached
        assert pool.cached_item("g", "a", lambda st: "A1") == "A1"
        assert pool.cached_item("g", "a", lambda st: "A2") == "A1"
        with open_store(db) as store:                                             # a writer commits
            store.conn.execute("INSERT INTO corpus_runs(stage, version, fingerprint, status, ran_at)"
                               " VALUES ('x', '1', 'f', 'ok', '2024-01-01')")
        assert pool.cached("k", lambda st: calls.append(1) or len(calls)) == 2
        assert pool.cached_item("g", "a", lambda st: "A3") == "A3"
    finally:
        pool.close()


def test_actor_and_technique_filters_list_the_same_documents_in_either_plan(web_store, monkeypatch):
    """A rare actor or technique is planned from its id list, a common one as a per-document probe."""
    from newsprism.web import queries as q
    pool = q.StorePool(str(web_store["path"]))
    try:
        st = pool.get()
        actors = [r[0] for r in st.conn.execute("SELECT DISTINCT actor_id FROM actor_mentions LIMIT 5")]
        labels = [r[0] for r in st.conn.execute("SELECT DISTINCT label FROM spans WHERE layer='technique' LIMIT 5")]
        cases = [q.DocFilter(actor=a) for a in actors] + [q.DocFilter(technique=t) for t in labels]
        assert actors and labels
        cases.append(q.DocFilter(actor=actors[0], technique=labels[0]))
        for f in cases:
            got = []
            for n in (10**9, -1):
                monkeypatch.setattr(q, "NARROW_ROWS", n)
                docs = q.list_documents(st, f, 50, 0)
                hits = q.search(st, "the", f, 20, 0)
                got.append(([d["id"] for d in docs["items"]], docs["total"], [d["id"] for d in hits["items"]]))
            assert got[0] == got[1], f
        assert any(q.list_documents(st, f, 5, 0)["total"] for f in cases)
    finally:
        pool.close()


def test_app_factory_for_several_worker_processes_reads_the_store_from_the_environment(web_store, monkeypatch):
    from newsprism.web.app import app_from_env
    monkeypatch.setenv("NEWSPRISM_WEB_DB", str(web_store["path"]))
    monkeypatch.delenv("NEWSPRISM_WRITE_TOKEN", raising=False)
    with TestClient(app_from_env()) as c:
        assert c.get("/api/health").status_code == 200
        assert c.post("/api/ingest", json={"url": "https://example.org/"}).status_code in (404, 405)


def test_outlets_page_says_how_far_technique_marks_can_be_trusted(client):
    from newsprism.techniques import quality
    m = quality.measured()
    html = client.get("/outlets").text
    assert f"span F1 {m['si']['f1']:.2f}" in html and "model F1 (PTC cross-validation)" in html
    d = client.get("/api/outlets").json()["techniques"]
    assert d["caveat"] == quality.caveat() and all(
        v == m["per_label"].get(label) for label, v in d["model_f1"].items())


def test_outlets_page_defaults_to_the_words_outlets_over_use(client, web_store):
    """No story's word list is built in: with no terms asked for, the page compares outlets on the terms the
    framing stage found each outlet over-using (every default term is one of them)."""
    import sqlite3
    d = client.get("/api/outlets").json()
    with sqlite3.connect(web_store["path"]) as conn:
        over_used = {r[0] for r in conn.execute("SELECT term FROM framing_terms WHERE scope='outlet' AND z > 0")}
    assert d["terms"] and set(d["terms"]) <= over_used
    assert client.get("/api/outlets", params={"terms": "Kursk"}).json()["terms"] == ["Kursk"]
