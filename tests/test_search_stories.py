"""The query language (store/query.py) over the normalised index (store/terms.py), stories as scopes
(store/stories.py) and the views that take them. Every document here is a sentence written for the test."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.model import Document, MetaField
from newsprism.model.document import bytes_hash
from newsprism.store import open_store
from newsprism.store.find import find
from newsprism.store.query import QueryError, parse
from newsprism.store import stories

DOCS = [
    ("en1", "en", "Alpha Wire", "2024-08-12", "Fighting near Kursk",
     "Ukrainian forces advanced in the Kursk region on Monday. The liberation of two villages was claimed."),
    ("ru1", "ru", "Beta Agency", "2024-08-13", "Бои в Курской области",
     "Российские войска отбили атаку в Курской области, сообщило министерство обороны."),
    ("ko1", "ko", "Gamma News", "2024-10-20", "북한군 파병",
     "북한군은 러시아 쿠르스크 지역에 배치되었다고 정보 당국이 밝혔다."),
    ("en2", "en", "Alpha Wire", "2024-06-19", "Summit in Pyongyang",
     "Kim Jong Un met Putin in Pyongyang. Putin praised the new treaty and the two leaders signed it."),
    ("en3", "en", "Delta Daily", "1995-07-27", "Anniversary",
     "The country marked the anniversary of the great Fatherland Liberation War with a parade."),
    ("uk1", "uk", "Epsilon", "2024-08-20", "Обстріл Харкова", "Ворог знову обстріляв місто, у Харкові пошкоджено будинки."),
    ("zh1", "zh", "Zeta", "2024-08-21", "库尔斯克", "朝鲜军队在库尔斯克作战。"),
]


def _add(store, key, lang, outlet, published, title, text) -> str:
    raw = (key + text).encode("utf-8")
    doc = Document(id=Document.make_id("mem://" + key, bytes_hash(raw)), locator="mem://" + key, reader="text",
                   raw_sha256=bytes_hash(raw), text=text,
                   meta={k: MetaField(v, "test") for k, v in (("language", lang), ("outlet", outlet),
                                                               ("published", published), ("title", title))})
    store.put_raw(doc.raw_sha256, raw)
    store.add_document(doc)
    return doc.id


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as s:
        ids = {d[0]: _add(s, *d) for d in DOCS}
    return {"path": str(path), "ids": ids}


def _hits(db, q: str) -> set[str]:
    by_id = {v: k for k, v in db["ids"].items()}
    with open_store(db["path"]) as s:
        return {by_id[h["id"]] for h in find(s.conn, q, limit=100)["items"]}


@pytest.mark.parametrize("query, expected", [
    ("kurs*", {"en1"}),                                   # a prefix, as written
    ("liberat*", {"en1", "en3"}),
    ('"Kim Jong Un" AND Putin', {"en2"}),                 # AND is an operator, not a word
    ('"Kim Jong Un" Putin', {"en2"}),
    ('"Putin Kim Jong Un"', set()),                       # a phrase keeps its order
    ("Курск", {"ru1"}),                                   # Курск finds Курской (lemma, then stem)
    ("Курская", {"ru1"}),
    ("Харків", {"uk1"}),                                  # Ukrainian lemma: Харкові
    ("북한", {"ko1"}),                                     # two syllables inside 북한군은
    ("북한군", {"ko1"}),
    ("쿠르스크", {"ko1"}),
    ("库尔", {"zh1"}),                                     # two Han characters inside a run
    ("liberated", {"en1", "en3"}),                        # English stems: liberation
    ("Kursk NOT Ukrainian", set()),
    ("Kursk -Ukrainian", set()),
    ("Pyongyang NOT treaty", set()),
    ("Kursk OR Курск", {"en1", "ru1"}),
    ("(Kursk OR Курск) NOT Ukrainian", {"ru1"}),
    ("NEAR(Kim Putin, 3)", {"en2"}),
    ("NEAR(Kim treaty, 3)", set()),
    ("Kursk outlet:\"Alpha Wire\"", {"en1"}),
    ("outlet:\"beta agency\"", {"ru1"}),                 # a filter alone lists its documents
    ("lang:ko", {"ko1"}),
    ("liberat* date:2024", {"en1"}),
    ("liberat* before:2000", {"en3"}),
    ("after:2024-08-20", {"uk1", "ko1", "zh1"}),
    ("date:2024-08-12..2024-08-13", {"en1", "ru1"}),
])
def test_query_language(db, query, expected):
    assert _hits(db, query) == expected


@pytest.mark.parametrize("query, says", [
    ('"Kim Jong', "unclosed quote"),
    ("(Kursk OR", "OR needs words"),
    ("(Kursk", "unbalanced"),
    ("Kursk)", "unexpected"),
    ("NOT Kursk", "exclude"),
    ("Kursk OR NOT Курск", "NOT"),
    ("NEAR(Kim, 5)", "two words"),
    ("NEAR(Kim Putin, 999)", "distance"),
    ("date:2024-13-45x", "not a date"),
    ("Kursk OR outlet:x", "whole query"),
    ("*", "*"),
    ("x " * 40, "more than"),
])
def test_syntax_errors_are_one_line(query, says):
    with pytest.raises(QueryError) as e:
        parse(query)
    assert says in e.value.message and "\n" not in e.value.one_line()


@pytest.mark.parametrize("attack", [
    'Kursk" OR "x',                     # a quote can only open a phrase
    'x "; DROP TABLE documents; --"',
    "Kursk) OR (1=1",
    "kursk NEAR/3 x",
    "raw : kurs*",
    "{raw norm} : x",
    "x' OR '1'='1",
    "^Kursk",
])
def test_user_text_never_reaches_fts_or_sql_as_syntax(db, attack):
    try:
        q = parse(attack)
    except QueryError:
        return
    with open_store(db["path"]) as s:
        find(s.conn, q, limit=5)            # runs, whatever it matches
        assert s.count_documents() == len(DOCS)
    assert all(tok.startswith('"') or tok in ("(", ")", "OR", "AND", "NOT", ":", "*", "raw", "norm", "NEAR(")
               or tok.rstrip(",").isdigit() or tok.endswith(")") for tok in _outside_quotes(q.match))


def _outside_quotes(expr: str) -> list[str]:
    """The compiled expression's tokens outside quoted strings (what FTS5 reads as syntax)."""
    out, buf, inq, i = [], "", False, 0
    while i < len(expr):
        c = expr[i]
        if inq:
            if c == '"' and expr[i + 1:i + 2] == '"':
                i += 2
                continue
            if c == '"':
                inq = False
                out.append('"q"')
        elif c == '"':
            inq = True
        elif c in "() ":
            if buf:
                out.append(buf)
            buf = ""
            if c != " ":
                out.append(c)
        else:
            buf += c
        i += 1
    if buf:
        out.append(buf)
    return [t for t in out if t != ","]


def test_cli_search_json_totals_and_one_line_error(db):
    r = CliRunner().invoke(cli, ["--db", db["path"], "search", "--json", "Kursk OR Курск"])
    assert r.exit_code == 0
    d = json.loads(r.output)
    assert d["total"] == 2 and {h["id"] for h in d["items"]} == {db["ids"]["en1"], db["ids"]["ru1"]}
    assert any("[Курск]" in h["snippet"] for h in d["items"])       # the inflected form is marked
    r = CliRunner().invoke(cli, ["--db", db["path"], "search", '"Kim Jong'])
    assert r.exit_code != 0 and "Traceback" not in r.output
    assert [ln for ln in r.output.splitlines() if ln.startswith("error")] == \
        ["error[NP700]: unclosed quote in the query"]


def test_story_crud_and_scope(db):
    run = CliRunner().invoke
    r = run(cli, ["--db", db["path"], "story", "add", "kursk", "--query", "Kursk OR Курск OR 쿠르스크",
                  "--doc", db["ids"]["zh1"], "--description", "The incursion"])
    assert r.exit_code == 0 and "4 documents" in r.output
    assert run(cli, ["--db", db["path"], "story", "add", "bad", "--query", "(x"]).exit_code != 0
    assert run(cli, ["--db", db["path"], "story", "add", "ghost", "--doc", "nope"]).exit_code != 0
    listed = json.loads(run(cli, ["--db", db["path"], "story", "list", "--json"]).output)
    assert [(s["name"], s["documents"]) for s in listed] == [("kursk", 4)]
    shown = json.loads(run(cli, ["--db", db["path"], "story", "show", "kursk", "--json"]).output)
    assert shown["volume"]["months"] == ["2024-08", "2024-09", "2024-10"]      # a month without documents too
    assert shown["volume"]["series"]["Alpha Wire"] == [1, 0, 0]
    r = run(cli, ["--db", db["path"], "search", "--json", "--story", "kursk", "lang:en OR lang:ru"])
    assert r.exit_code != 0                                   # field filters do not go inside OR
    r = run(cli, ["--db", db["path"], "search", "--json", "--story", "kursk", "after:2024-08-13"])
    assert {h["id"] for h in json.loads(r.output)["items"]} == {db["ids"][k] for k in ("ru1", "ko1", "zh1")}
    assert run(cli, ["--db", db["path"], "story", "rm", "kursk"]).exit_code == 0
    assert run(cli, ["--db", db["path"], "story", "show", "kursk"]).exit_code != 0


def test_claims_view_limited_to_a_story(db):
    from newsprism.claims.query import claim_groups, load_groups
    with open_store(db["path"]) as s:
        stories.save(s.conn, "summit", "Pyongyang")
        for gid, key in (("g1", "en2"), ("g2", "ru1")):
            s.conn.execute("INSERT INTO claim_groups(id, subject, label, kind, n_claims, n_sources, n_origins)"
                           " VALUES (?, ?, ?, 'assertion', 1, 1, 1)", (gid, gid, gid))
            s.conn.execute('INSERT INTO claim_group_members(group_id, doc_id, start, "end", role, source,'
                           " source_method, origin, text) VALUES (?, ?, 0, 5, 'claim', 's', 'm', 'o', 't')",
                           (gid, db["ids"][key]))
        assert {g["id"] for g in load_groups(s, include_generic=True)} == {"g1", "g2"}
        assert [g["id"] for g in load_groups(s, include_generic=True, story="summit")] == ["g1"]
        assert [g["id"] for g in claim_groups(s, 10, 0, False, "summit")["items"]] == ["g1"]


def test_old_store_is_indexed_when_it_migrates(tmp_path):
    from newsprism.store.migrations import MIGRATIONS
    path = tmp_path / "old.db"
    with open_store(path) as s:
        _add(s, *DOCS[1])
        s.conn.execute("DROP TABLE documents_terms")          # as a store made before migration 7
        s.conn.execute("DROP TRIGGER IF EXISTS documents_terms_ad")
        s.conn.execute("DROP TABLE stories")
        s.conn.execute("DELETE FROM schema_migrations WHERE version = 7")
    with open_store(path) as s:
        assert s.schema_version() == max(v for v, _, _ in MIGRATIONS)
        assert len(find(s.conn, "Курск")["items"]) == 1


def test_deleted_document_leaves_the_index(db):
    with open_store(db["path"]) as s:
        s.conn.execute("DELETE FROM documents WHERE id = ?", (db["ids"]["en2"],))
        assert find(s.conn, "Pyongyang")["total"] == 0
        assert s.conn.execute("SELECT count(*) FROM documents_terms").fetchone()[0] == len(DOCS) - 1


def test_web_story_scope(db):
    from fastapi.testclient import TestClient
    from newsprism.web.app import create_app
    with open_store(db["path"]) as s:
        stories.save(s.conn, "kursk", "Kursk OR Курск", description="<script>x</script>")
    with TestClient(create_app(db["path"], warm=False)) as c:
        docs = c.get("/api/documents", params={"story": "kursk"}).json()
        assert {d["id"] for d in docs["items"]} == {db["ids"]["en1"], db["ids"]["ru1"]}
        hits = c.get("/api/search", params={"q": "Kursk OR Курск", "story": "kursk"})
        assert hits.status_code == 200 and hits.json()["total"] == 2
        hits = c.get("/api/search", params={"q": "(Kursk OR Курск) lang:ru", "story": "kursk"}).json()
        assert [h["id"] for h in hits["items"]] == [db["ids"]["ru1"]]
        assert c.get("/api/search", params={"q": "Pyongyang", "story": "kursk"}).json()["total"] == 0
        assert c.get("/api/search", params={"q": "(Kursk"}).status_code == 400
        assert "unbalanced" in c.get("/search", params={"q": "(Kursk"}).text
        assert c.get("/api/documents", params={"story": "nope"}).status_code == 404
        assert c.get("/api/stories").json()["items"][0]["documents"] == 2
        page = c.get("/stories/kursk")
        assert page.status_code == 200 and "<svg" in page.text and "Beta Agency" in page.text
        assert "<script>x</script>" not in page.text
        # the story's own page is inside it: the quick search and the main links keep the story
        assert 'name="story" value="kursk"' in page.text and 'href="/outlets?story=kursk"' in page.text
        assert c.get("/stories/nope").status_code == 404
        assert c.get("/api/timeline", params={"story": "kursk"}).json()["story"] == "kursk"


def test_report_and_export_limited_to_a_story(db, tmp_path):
    run = CliRunner().invoke
    assert run(cli, ["--db", db["path"], "story", "add", "kursk", "--query", "Kursk OR Курск"]).exit_code == 0
    out = tmp_path / "r.html"
    r = run(cli, ["--db", db["path"], "report", "--story", "kursk", "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "story kursk" in html and "<svg" in html and "Beta Agency" in html
    assert "Summit in Pyongyang" not in html and "Anniversary" not in html      # other stories' documents
    r = run(cli, ["--db", db["path"], "export", "--story", "kursk", "-o", str(tmp_path / "e.jsonl")])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(x["id"] for x in lines) == sorted([db["ids"]["en1"], db["ids"]["ru1"]])
    assert run(cli, ["--db", db["path"], "report", "--story", "nope", "-o", str(out)]).exit_code != 0


def _voices(s, db) -> None:
    """Two statements by one actor (in en1 and en2) with confidences, as the actors stage writes them."""
    s.conn.execute("INSERT INTO actors(id, name, type, source) VALUES ('putin', 'Vladimir Putin', 'person', 'registry')")
    for key, start, end, score in (("en1", 0, 20, 0.4), ("en2", 20, 40, 0.9)):
        doc = db["ids"][key]
        s.conn.execute('INSERT INTO actor_mentions(doc_id, layer, start, "end", actor_id, raw_actor)'
                       " VALUES (?, 'attribution', ?, ?, 'putin', 'Putin')", (doc, start, end))
        s.conn.execute('INSERT INTO spans(doc_id, layer, label, start, "end", stage, stage_version, score, attrs)'
                       " VALUES (?, 'attribution', 'direct', ?, ?, 't', '1', ?, '{}')", (doc, start, end, score))


def test_voices_sorted_and_filtered(db):
    from newsprism.voices.query import VoiceFilter, list_actors, voices_of, voices_page
    with open_store(db["path"]) as s:
        _voices(s, db)
        stories.save(s.conn, "kursk", "Kursk")
        by = lambda rows: [r["doc_id"] for r in rows]                            # noqa: E731
        en1, en2 = db["ids"]["en1"], db["ids"]["en2"]
        assert by(voices_of(s, "putin", order="date")) == [en1, en2]           # 2024-08-12 before 2024-06-19
        assert by(voices_of(s, "putin", order="confidence")) == [en2, en1]
        assert by(voices_of(s, "putin", where=VoiceFilter(min_confidence=0.5))) == [en2]
        assert by(voices_of(s, "putin", where=VoiceFilter(date_to="2024-07"))) == [en2]
        assert by(voices_of(s, "putin", where=VoiceFilter(outlet="Alpha Wire", date_from="2024-08"))) == [en1]
        assert by(voices_of(s, "putin", where=VoiceFilter(story="kursk"))) == [en1]
        assert voices_page(s, "putin", 10, 0, total=2, where=VoiceFilter(min_confidence=0.5))["total"] == 1
        assert [(a["id"], a["attributions"]) for a in list_actors(s, story="kursk")] == [("putin", 1)]
    r = CliRunner().invoke(cli, ["--db", db["path"], "voices", "putin", "--json", "--sort", "confidence",
                                 "--min-confidence", "0.3", "--story", "kursk"])
    assert r.exit_code == 0, r.output
    assert [x["confidence"] for x in json.loads(r.output)["statements"]] == [0.4]


def test_web_voices_filters(db):
    from fastapi.testclient import TestClient
    from newsprism.web.app import create_app
    with open_store(db["path"]) as s:
        _voices(s, db)
        s.conn.execute("INSERT INTO corpus_runs(stage, version, fingerprint, status, ran_at)"
                       " VALUES ('actors', '1', 'x', 'ok', 'now')")
    with TestClient(create_app(db["path"], warm=False)) as c:
        d = c.get("/api/actors/putin", params={"sort": "confidence"}).json()
        assert [v["confidence"] for v in d["voices"]] == [0.9, 0.4]
        d = c.get("/api/actors/putin", params={"min_confidence": 0.5}).json()
        assert d["total"] == 1 and d["voices"][0]["confidence"] == 0.9
        assert c.get("/api/actors/putin", params={"sort": "loudest"}).status_code == 422
        page = c.get("/actors/putin", params={"outlet": "Alpha Wire", "sort": "date"})
        assert page.status_code == 200 and 'value="date" selected' in page.text
