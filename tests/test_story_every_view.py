"""Every view takes a story and shows nothing from outside it.

One analysed store (the seed articles plus test_web's hostile record, through the real pipeline)
and a story listing two of its documents. Every GET route the app registers (pages and JSON API,
path parameters filled from the story's own records), every report section, the report and the
export are asked for the story: no id or title of a document outside the story may appear.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from newsprism import plugins  # noqa: E402
from newsprism.store import open_store  # noqa: E402
from newsprism.store.stories import save  # noqa: E402
from newsprism.web import create_app  # noqa: E402

from test_web import build_store  # noqa: E402

STORY = "kursk-two"
SKIP = {"/api/openapi.json", "/layers.css", "/api", "/ingest", "/static"}


@pytest.fixture(scope="module")
def scoped(tmp_path_factory) -> dict:
    info = build_store(tmp_path_factory.mktemp("story") / "s.db")
    with open_store(info["path"]) as s:
        # the story: the two seed documents with the most claim members (so claims, voices and events exist)
        rows = s.conn.execute("SELECT doc_id, count(*) FROM claim_group_members GROUP BY 1 ORDER BY 2 DESC, 1")
        inside = [r[0] for r in rows.fetchall() if r[0] != info["xss_id"]][:2]
        save(s.conn, STORY, None, inside)
        s.conn.commit()
        outside = [i for i in s.document_ids() if i not in inside]
        titles = [r[0] for r in s.conn.execute(
            "SELECT title FROM documents WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(outside),))
            if r[0] and len(r[0]) >= 20]
        actor = s.conn.execute("SELECT actor_id FROM actor_mentions WHERE doc_id IN (SELECT value FROM json_each(?))"
                               " ORDER BY actor_id LIMIT 1", (json.dumps(inside),)).fetchone()
        group = s.conn.execute("SELECT group_id FROM claim_group_members WHERE doc_id IN"
                               " (SELECT value FROM json_each(?)) ORDER BY group_id LIMIT 1", (json.dumps(inside),)).fetchone()
    assert len(inside) == 2 and outside and actor and group
    return info | {"inside": inside, "outside": outside, "titles": titles,
                   "params": {"doc_id": inside[0], "actor_id": actor[0], "group_id": group[0], "name": STORY}}


def _leaks(text: str, scoped: dict) -> list[str]:
    return [x for x in scoped["outside"] + scoped["titles"] if x in text]


def _flat(routes):
    """Every route, also inside included routers (newer FastAPI keeps them wrapped; paths are whole)."""
    for r in routes:
        inner = getattr(r, "original_router", None)
        if inner is not None:
            yield from _flat(inner.routes)
        else:
            yield getattr(r, "path", ""), getattr(r, "methods", None) or set()


def _get_routes(app) -> list[str]:
    return sorted({p for p, methods in _flat(app.routes) if "GET" in methods and p not in SKIP
                   and not p.startswith("/static")})


def test_every_get_route_limited_to_the_story(scoped):
    app = create_app(scoped["path"], warm=False)
    routes = _get_routes(app)
    assert {"/", "/api/overview", "/documents/{doc_id}", "/outlets", "/claims/{group_id}", "/timeline",
            "/actors/{actor_id}", "/stories/{name}", "/failures", "/narratives", "/api/narratives"} <= set(routes)
    with TestClient(app) as c:
        for path in routes:
            url = path.format(**scoped["params"]) + f"?story={STORY}"
            if path in ("/search", "/api/search"):
                url += "&q=the"
            r = c.get(url)
            assert r.status_code == 200, (url, r.status_code, r.text[:300])
            assert not _leaks(r.text, scoped), (url, _leaks(r.text, scoped))
        # the story's own storylines, clustered over its two documents only
        got = c.get(f"/api/narratives?story={STORY}").json()
        assert got["status"] == "ok" and got["story"] == STORY
        assert {e["doc_id"] for n in got["items"] for e in n["exemplars"]} <= set(scoped["inside"])
        assert "Narratives" in c.get(f"/narratives?story={STORY}").text
        # a document, claim group or actor page asked for inside a story it is not part of: not found
        r = c.get(f"/documents/{scoped['outside'][0]}?story={STORY}")
        assert r.status_code == 404
        assert c.get(f"/api/documents/{scoped['outside'][0]}").status_code == 200     # without the story: there


def test_every_report_section_limited_to_the_story(scoped):
    from newsprism.report.sections import Linker
    with open_store(scoped["path"]) as s:
        for sec in plugins.report_sections():
            built = sec.build(s, Linker(set(scoped["inside"]), {}), story=STORY)
            text = json.dumps(built.__dict__, default=lambda o: getattr(o, "__dict__", str(o)))
            assert not _leaks(text, scoped), (sec.key, _leaks(text, scoped))


def test_report_and_export_whole_for_the_story(scoped, tmp_path):
    from newsprism.export import export
    from newsprism.report.html import write_report
    with open_store(scoped["path"]) as s:
        out = write_report(s, tmp_path / "r.html", story=STORY)
        assert not _leaks(Path(out).read_text(encoding="utf-8"), scoped)
        export(s, "jsonl", tmp_path / "e.jsonl", STORY)
    text = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("e*"))
    assert not _leaks(text, scoped), _leaks(text, scoped)
    records = [json.loads(x) for p in tmp_path.glob("e*corpus*") for x in p.read_text(encoding="utf-8").splitlines()]
    tables = {r["table"] for r in records}
    assert {"claim_groups", "claim_members", "timeline_events"} <= tables, tables
