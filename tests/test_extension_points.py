"""The extension points, proven by a toy feature registered from a temporary module: a document
stage, a report section, a web page and an exporter, each found where a user would look for it,
with no change to newsprism itself."""

from __future__ import annotations

import importlib
import json
import sys
import textwrap

import pytest
from click.testing import CliRunner

from newsprism import plugins

TOY = textwrap.dedent('''
    """A toy feature: counts the exclamation marks of each document."""
    import json
    from pathlib import Path

    from fastapi import APIRouter, Request
    from fastapi.responses import HTMLResponse

    from newsprism import plugins
    from newsprism.analyze.stage import document_stage
    from newsprism.model import Span
    from newsprism.report.sections import Section
    from newsprism.web.api import Pool
    from newsprism.web.extension import WebFeature

    HERE = Path(__file__).parent


    @document_stage("toy_bangs", version="1", layers=("toy_bang",))
    def bangs(doc, inputs):
        """Each exclamation mark."""
        return [Span(i, i + 1, "toy_bang", "bang", "toy_bangs", "1") for i, c in enumerate(doc.text) if c == "!"]


    def count(store):
        return store.conn.execute("SELECT count(*) FROM spans WHERE layer='toy_bang'").fetchone()[0]


    def section(store, link):
        return Section(True, items=[{"bangs": count(store)}])


    plugins.register_report_section(plugins.ReportSection("toy", "Toy bangs", section, str(HERE / "toy_report.html.j2")))

    router = APIRouter()


    @router.get("/toy", response_class=HTMLResponse)
    def toy_page(request: Request, p: Pool):
        return HTMLResponse(f"<p>toy bangs: {count(p.get())}</p>")


    plugins.register_web_routes(lambda: WebFeature("toy", routers=[router], nav=[("toy", "/toy", "Toy")]))


    class ToyExporter:
        name = "toy"

        def write(self, store, out):
            out.write_text(json.dumps({"bangs": count(store)}), encoding="utf-8")
            return {"format": "toy", "path": str(out), "bangs": count(store)}


    plugins.register_exporter(ToyExporter())
''')


@pytest.fixture()
def toy(tmp_path, monkeypatch):
    """Register the toy from a module in a temporary folder; unregister it afterwards."""
    (tmp_path / "toy_feature.py").write_text(TOY, encoding="utf-8")
    (tmp_path / "toy_report.html.j2").write_text(
        '{% for i in sec.items %}<p class="toy">toy bangs counted: {{ i.bangs }}</p>{% endfor %}\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins._load()
    saved = {n: dict(getattr(plugins, n)) for n in ("_STAGES", "_EXPORTERS", "_REPORT_SECTIONS")}
    saved_web = list(plugins._WEB_ROUTES)
    importlib.import_module("toy_feature")
    yield
    sys.modules.pop("toy_feature", None)
    for n, v in saved.items():
        getattr(plugins, n).clear()
        getattr(plugins, n).update(v)
    plugins._WEB_ROUTES[:] = saved_web


def test_toy_stage_section_page_and_exporter(toy, tmp_path):
    from newsprism.cli import cli
    db = str(tmp_path / "toy.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Stop! Look! Listen.\n\nA second paragraph, calm.", encoding="utf-8")
    run = CliRunner().invoke
    assert run(cli, ["--db", db, "-q", "ingest", str(tmp_path / "in")]).exit_code == 0
    res = run(cli, ["--db", db, "-q", "analyze", "--stage", "toy_bangs"])
    assert res.exit_code == 0, res.output
    assert "toy_bangs v1" in run(cli, ["--db", db, "stages"]).output

    out = tmp_path / "r.html"
    assert run(cli, ["--db", db, "report", "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert '<section id="toy" class="corpus">' in html and "toy bangs counted: 2" in html

    res = run(cli, ["--db", db, "export", "--format", "toy", "-o", str(tmp_path / "t.json")])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "t.json").read_text())["bangs"] == 2

    from fastapi.testclient import TestClient
    from newsprism.web import create_app
    with TestClient(create_app(db, warm=False)) as client:
        page = client.get("/toy")
        assert page.status_code == 200 and "toy bangs: 2" in page.text
        assert 'href="/toy"' in client.get("/").text           # in the navigation bar


def test_unknown_export_format_lists_the_registered_ones(tmp_path):
    from newsprism.cli import cli
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "export", "--format", "nope", "-o",
                                   str(tmp_path / "o")])
    assert res.exit_code == 2
    assert "'nope' is not a registered export format" in res.output
    assert "csv-excel, jsonl, parquet" in res.output


def test_sections_and_tables_keep_their_order():
    keys = [s.key for s in plugins.report_sections()]
    assert keys[:7] == ["claims", "voices", "techniques", "framing", "omission", "narratives", "timeline"]
    tables = [name for t in plugins.corpus_tables() for name in t.columns]
    assert tables == ["claim_groups", "claim_members", "actors", "technique_profile", "framing_variants",
                      "framing_terms", "narratives", "timeline_events", "timeline_sources"]
