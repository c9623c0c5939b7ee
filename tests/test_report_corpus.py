"""The report's corpus sections (claims, voices, techniques, framing, omission, narratives,
timeline) from a really analysed store: seeds plus a hostile record whose text yields a
claim and a quote carrying markup, so the sections are checked for content and for escaping.

The analysed store is built once per session (``corpus_store``, also used by
tests/test_export_corpus.py).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsprism.config import load_settings
from newsprism.pipeline import analyze, build_corpus, ingest
from newsprism.claims import report as claims_report
from newsprism.framing import report as framing
from newsprism.report import write_report
from newsprism.voices import report as voices_report
from newsprism.store import open_store
from test_report_xss import Audit

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
P = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>']
HOSTILE = {
    "id": "xss-claims", "headline": "Kursk " + P[0], "source": "KCNA " + P[2], "date": "2024-11-05", "language": "en",
    "text": ('Pyongyang, November 5 (KCNA) -- "The Kursk region ' + P[0] + ' was fully liberated by our heroes," '
             "Kim Jong Un said on Tuesday. According to " + P[1] + " officials, North Korea sent 12,000 troops "
             + P[2] + " to Russia in October 2024. Ukraine disputed the claim that the Kursk region was liberated.\n\n"
             'Kim Jong Un said the "liberation" ' + P[1] + " of Kursk shows the fighting brotherhood.")}
SECTION_IDS = ["claims", "voices", "techniques", "framing", "omission", "narratives", "timeline"]


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> dict:
    """Seeds + the hostile record, through every document and corpus stage (~15 s, once)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    d = tmp_path_factory.mktemp("corpus")
    (d / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    settings = load_settings(environ={"NEWSPRISM_FRAMING_CASE": "kursk"})     # the Kursk worked example
    with open_store(d / "c.db") as store:
        ingest(store, [str(SEEDS), str(d / "hostile.jsonl")], settings)
        analyze(store, settings)
        build_corpus(store, settings)
        xss = store.conn.execute("SELECT id FROM documents WHERE locator LIKE '%hostile.jsonl%'").fetchone()[0]
        layers = {s.layer for s in store.spans(xss)}
    return {"path": d / "c.db", "xss_id": xss, "xss_layers": layers}


@pytest.fixture(scope="module")
def report_html(corpus_store, tmp_path_factory) -> str:
    with open_store(corpus_store["path"]) as store:
        out = write_report(store, tmp_path_factory.mktemp("rep") / "r.html")
    return out.read_text(encoding="utf-8")


def section(html: str, key: str) -> str:
    return re.search(rf'<section id="{key}" class="corpus">(.*?)</section>', html, re.S).group(1)


def test_every_section_is_linked_from_the_top_and_rendered(report_html):
    nav = report_html.split("<nav>")[1].split("</nav>")[0]
    for key in SECTIONS_WITH_DOCS():
        assert f'href="#{key}"' in nav
    for key in SECTION_IDS:
        assert "Not analysed yet" not in section(report_html, key), key


def SECTIONS_WITH_DOCS():
    return ["overview", *SECTION_IDS, "documents", "texts", "failures"]


def test_claims_disputed_first_with_chart_and_evidence_links(report_html):
    claims = section(report_html, "claims")
    groups = re.findall(r'<article class="cgroup([^"]*)"', claims)
    assert "disputed" in groups[0] and "Kursk" in claims
    assert '<figure class="chart series">' in claims and "<circle" in claims     # values over time
    assert "North Korean: deployed" in claims and "12k" in claims
    links = re.findall(r'href="#(ev-[^"]+)"', claims)
    assert links and all(f'id="{a}"' in report_html for a in links)          # each value reaches its sentence


def test_every_in_page_link_has_a_target(report_html):
    ids = set(re.findall(r'\sid="([^"]+)"', report_html))
    for target in set(re.findall(r'href="#([^"]+)"', report_html)):
        assert target in ids, target


def test_voices_techniques_framing_narratives_timeline(report_html):
    voices = section(report_html, "voices")
    assert "Kim Jong Un" in voices and 'id="voice-kim-jong-un"' in voices and "state" in voices
    tech = section(report_html, "techniques")
    assert "Loaded language" in tech and 'class="num h' in tech and "per 1,000 words" in tech
    # how far to trust the marks: the shipped model's cross-validated figures, overall and per technique
    from newsprism.techniques import quality
    m = quality.measured()
    assert m is not None and f"span F1 {m['si']['f1']:.2f}" in tech and "leads to check" in tech
    assert f">{m['per_label']['Whataboutism,Straw_Men,Red_Herring']:.2f}<" in tech
    fr = section(report_html, "framing")
    assert "territory-control" in fr and 'class="seg ' in fr and "Over-used terms" in fr
    assert "scare_quoted" in fr                                                  # distanced use drawn apart
    assert "Kursk region was fully liberated" not in section(report_html, "omission")
    assert "disputed" in section(report_html, "omission")
    narr = section(report_html, "narratives")
    assert "phrases" in narr and "documents by month" in narr
    tl = section(report_html, "timeline")
    assert "earliest report" in tl and "2024-10" in tl


def test_payloads_in_claims_voices_and_outlets_stay_text(report_html, corpus_store):
    assert {"claim", "quote", "attribution"} <= corpus_store["xss_layers"]    # the payload doc did yield them
    audit = Audit()
    audit.feed(report_html)
    audit.close()
    assert audit.scripts == 1 and audit.bad == []
    assert not audit.tags & {"img", "iframe"}
    for p in P:
        assert p not in report_html
    claims, voices = section(report_html, "claims"), section(report_html, "voices")
    # the payload's sentence is one document's assertion, grouped only when stated twice (claims v19): when the
    # claims section shows it, it shows it as text (the raw payloads are nowhere in the page, above)
    assert "liberation&#34; &lt;img src=x onerror=alert(1)&gt; of Kursk" in claims or "onerror" not in claims
    assert "&lt;img src=x onerror=alert(1)&gt;" in voices
    assert "KCNA &#34;&gt;&lt;svg onload=alert(1)&gt;" in section(report_html, "techniques")
    script = re.search(r"<script>(.*?)</script>", report_html, re.S).group(1)
    assert "alert" not in script


def test_caps_leave_a_note_saying_what_was_left_out(corpus_store, tmp_path, monkeypatch):
    monkeypatch.setattr(claims_report, "MAX_CLAIM_GROUPS", 2)
    monkeypatch.setattr(voices_report, "MAX_ACTORS", 3)
    monkeypatch.setattr(voices_report, "MAX_SPEAKERS", 1)
    monkeypatch.setattr(framing, "MAX_EVENTS", 2)
    monkeypatch.setattr(framing, "MAX_NARRATIVES", 1)
    with open_store(corpus_store["path"]) as store:
        html = write_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<article class="cgroup', html)) == 2 and "smaller claim groups" in html
    assert "less mentioned actors" in html and "top 1 of" in html
    assert "The 2 events with the most sources are shown" in html
    assert len(re.findall(r'<article class="narr"', html)) == 1


def test_evidence_beyond_the_full_text_cap_is_quoted_not_linked(corpus_store, tmp_path):
    with open_store(corpus_store["path"]) as store:
        html = write_report(store, tmp_path / "r.html", max_documents=1).read_text(encoding="utf-8")
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    assert all(t in ids for t in re.findall(r'href="#([^"]+)"', html))
    assert "text not included in this report" in html


def test_not_analysed_yet_is_one_clear_line_per_section(tmp_path):
    settings = load_settings(environ={})
    with open_store(tmp_path / "n.db") as store:
        (tmp_path / "h.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
        ingest(store, [str(tmp_path / "h.jsonl")], settings)
        html = write_report(store, tmp_path / "n.html").read_text(encoding="utf-8")
    for key in SECTION_IDS:
        body = section(html, key)
        assert body.count("Not analysed yet") == 1, key
        assert "<table" not in body and "<svg" not in body
    assert "class=\"off\"" in html.split("</nav>")[0]                      # greyed in the navigation


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]


def test_span_ids_are_unique(report_html):
    p = _Ids()
    p.feed(report_html)
    assert len(p.ids) == len(set(p.ids))


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_an_evidence_link_opens_its_document_in_a_real_browser(report_html, tmp_path):
    target = re.search(r'href="#(ev-([0-9a-f]+)-claim-[^"]+)"', report_html)
    page = tmp_path / "r.html"
    page.write_text(report_html, encoding="utf-8")
    dom = subprocess.run(
        [shutil.which("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000", "--dump-dom",
         f"{page.as_uri()}#{target.group(1)}"], capture_output=True, text=True, timeout=60).stdout
    assert 'data-js="ready"' in dom
    assert re.search(rf'<details class="doc" id="doc-{target.group(2)}" open', dom)
    assert len(re.findall(r'<details class="doc"[^>]* open', dom)) == 1


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_the_stage_runs_table_stays_in_its_column_in_a_real_browser(report_html, tmp_path):
    """The attributions stage version ("15+registry.…+cues.…+tagger.…+confidence.…") is one long word: it pushed
    the stage-runs table under the spans-by-layer table beside it. Measured in chromium (the page's CSP is
    taken out of this copy only, so that the measuring script may run)."""
    assert "+confidence." in report_html
    probe = ("<script>addEventListener('load',()=>{const [a,b]=document.querySelector('.cols').children;"
             "const t=a.querySelector('table').getBoundingClientRect(),r=b.getBoundingClientRect();"
             "document.body.dataset.layout=(t.right<=r.left+1)+':'+Math.round(t.right)+':'+Math.round(r.left);"
             "});</script></body>")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", report_html).replace("</body>", probe)
    page = tmp_path / "r.html"
    page.write_text(html, encoding="utf-8")
    dom = subprocess.run(
        [shutil.which("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1300,900", "--virtual-time-budget=2000",
         "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=60).stdout
    got = re.search(r'data-layout="(\w+):(\d+):(\d+)"', dom)
    assert got, "the probe did not run"
    assert got.group(1) == "true", f"stage-runs table ends at x={got.group(2)}, the next column starts at {got.group(3)}"
