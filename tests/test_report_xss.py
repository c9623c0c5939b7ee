"""Hostile article content must reach the report only as escaped text.

State-media and scraped pages are untrusted input: titles, outlets, text,
metadata evidence, residue, failure messages and even span labels may carry
markup. The report must show them, never run them.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsprism import plugins
from newsprism.model import Document, Failure, MetaField, Span
from newsprism.report import write_report
from newsprism.store import open_store

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)>",
    "</textarea></style></script><script>document.documentElement.setAttribute('data-pwned','1')</script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    "javascript:alert(1)",
]
HOSTILE = " ".join(PAYLOADS)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


class Audit(HTMLParser):
    """Collects what a browser would treat as active content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts = 0
        self.tags: set[str] = set()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.scripts += tag == "script"
        for name, value in attrs:
            v = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}=...>")
            if name in URL_ATTRS and (v.startswith("javascript:") or v.startswith("data:")):
                self.bad.append(f"<{tag} {name}={value!r}>")
            if name == "http-equiv" and value.lower() == "refresh":
                self.bad.append("meta refresh")

    handle_startendtag = handle_starttag


def hostile_store(path: Path):
    """A store whose every article-derived string is a payload."""
    store = open_store(path)
    docs = []
    for n in range(2):
        raw = f"{n}{HOSTILE}".encode()
        sha = hashlib.sha256(raw).hexdigest()
        meta = {f: MetaField(f"{f} {HOSTILE}", f"test:{HOSTILE}", 0.5, f"evidence {HOSTILE}")
                for f in ("title", "outlet", "author", "site_name", "published")}
        meta["url"] = MetaField("javascript:alert(1)" if n == 0 else "  JaVaScRiPt:alert(1)", "test", 1.0)
        meta["language"] = MetaField('en" onmouseover="alert(1)', "test", 1.0)
        text = f"Intro {HOSTILE}\nSecond line {HOSTILE}"
        doc = Document(Document.make_id(f"{HOSTILE}{n}", sha), f"file:{HOSTILE}", "text", sha, text, meta,
                       removed=[{"text": HOSTILE, "reason": HOSTILE}], extra={"x": HOSTILE})
        store.put_raw(sha, raw)
        store.add_document(doc)
        docs.append(doc)
        spans = [Span(0, len(text), "sentence", "sentence", "t", "1"),
                 Span(6, 40, f'layer"><script>alert(1)</script>', HOSTILE, "t", "1", 0.5, {HOSTILE: HOSTILE})]
        store.save_stage_result(doc.id, "t", "1", doc.text_sha256, spans, 0.0)
    store.conn.execute("UPDATE documents SET duplicate_of=?, duplicate_kind='near' WHERE id=?",
                       (docs[0].id, docs[1].id))
    store.record_failure(Failure(HOSTILE, "read", "NP300", HOSTILE, docs[0].id))
    return store


def add_jsonl_payloads(store, tmp_path: Path) -> None:
    """Also go through the real JSONL reader, so field mapping cannot smuggle markup in."""
    from newsprism.config import Settings
    from newsprism.pipeline import ingest
    f = tmp_path / "hostile.jsonl"
    rec = {"title": HOSTILE, "source": HOSTILE, "author": HOSTILE, "url": "javascript:alert(1)",
           "date": "2024-11-05", "text": f"Body {HOSTILE}"}
    f.write_text(json.dumps(rec) + "\n" + "{not json " + HOSTILE + "\n", encoding="utf-8")
    ingest(store, [str(f)], Settings(db=store.path))


@pytest.fixture
def report(tmp_path) -> Path:
    store = hostile_store(tmp_path / "x.db")
    if "jsonl" in plugins.readers():
        add_jsonl_payloads(store, tmp_path)
    out = write_report(store, tmp_path / "x.html")
    store.close()
    return out


def test_payloads_appear_only_escaped(report):
    html = report.read_text(encoding="utf-8")
    audit = Audit()
    audit.feed(html)
    audit.close()
    assert audit.scripts == 1                      # ours, at the end
    assert audit.bad == []
    assert not audit.tags & {"img", "iframe", "object", "embed", "base", "form", "link"}
    for p in PAYLOADS:
        if "<" in p:
            assert p not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html        # shown to the reader, as text
    assert html.count("<script>") == 1 and html.count("</script>") == 1


def test_no_payload_reaches_the_script_or_style(report):
    html = report.read_text(encoding="utf-8")
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert "alert" not in script and "alert" not in style


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_a_real_browser_runs_our_script_and_none_of_theirs(report):
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--virtual-time-budget=2000", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=60).stdout
    assert 'data-js="ready"' in dom          # our script ran: its CSP hash matches
    assert "data-pwned" not in dom.split("<body")[0]
    assert "<title>PWNED" not in dom
    audit = Audit()
    audit.feed(dom)
    assert audit.bad == [] and audit.scripts == 1
