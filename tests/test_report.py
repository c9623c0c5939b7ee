"""The HTML report: overview, document table, highlighted texts, scale, CSP."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newsprism.model import Document, Failure, MetaField, Span
from newsprism.report import write_report
from newsprism.report.html import csp_hash
from newsprism.report.highlight import highlight, layer_styles
from newsprism.store import open_store

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def add_doc(store, text: str, n: int, **meta) -> Document:
    raw = f"{n}:{text}".encode()
    sha = hashlib.sha256(raw).hexdigest()
    doc = Document(Document.make_id(f"doc{n}.txt", sha), f"doc{n}.txt", "text", sha, text,
                   {k: MetaField(v, "test:given", 0.9, f"seen: {v}") for k, v in meta.items()})
    store.put_raw(sha, raw)
    store.add_document(doc)
    return doc


class Coverage(HTMLParser):
    """Which span classes cover each character of the rendered text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.chars: list[frozenset[str]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        assert tag == "span"
        self.stack.append(dict(attrs)["class"].split()[1])

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text += data
        self.chars += [frozenset(self.stack)] * len(data)


def coverage(text, spans):
    styles = layer_styles(s.layer for s in spans)
    parser = Coverage()
    parser.feed(str(highlight(text, spans, styles)))
    parser.close()
    assert parser.stack == [], "unbalanced span tags"
    return parser, styles


span_lists = st.integers(0, 40).flatmap(lambda n: st.tuples(
    st.text("ab <&>\"'\n", min_size=n, max_size=n),
    st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(["sentence", "quote", "entity"])),
             max_size=8)))


@settings(max_examples=200, deadline=None)
@given(span_lists)
def test_highlight_is_well_formed_and_every_character_has_exactly_its_spans(case):
    text, raw = case
    spans = [Span(min(a, b), max(a, b), layer, "x", "t", "1") for a, b, layer in raw]
    parser, styles = coverage(text, spans)
    assert parser.text == text
    for i in range(len(text)):
        want = {styles[s.layer].css_class for s in spans if s.start <= i < s.end}
        assert parser.chars[i] == want


def test_crossing_spans_are_split_into_continued_pieces():
    text = "Kim said: troops. They went."
    spans = [Span(0, 17, "sentence", "sentence", "s", "1"), Span(18, 28, "sentence", "sentence", "s", "1"),
             Span(10, 23, "quote", "direct", "q", "1", 0.8, {"speaker": "Kim"})]
    html = str(highlight(text, spans, layer_styles(["sentence", "quote"])))
    assert html.count('class="hl L0') == 2 and "cont" in html
    assert 'title="quote: direct · score 0.80 · q v1\nspeaker=Kim"' in html


@pytest.fixture
def small_store(tmp_path):
    store = open_store(tmp_path / "r.db")
    a = add_doc(store, "KCNA says the Kursk region was liberated.\nTASS agrees.", 1,
                title="Kursk liberated", outlet="KCNA", published="2024-12-01", language="en",
                url="https://kcnawatch.example/a")
    b = add_doc(store, "Ким Чен Ын заявил о победе.", 2, outlet="ТАСС", published="2025-01-05", language="ru")
    store.save_stage_result(a.id, "sentences", "1", a.text_sha256,
                            [Span(0, 41, "sentence", "sentence", "sentences", "1"),
                             Span(0, 4, "entity", "ORG", "sentences", "1", 0.9)], 1.0)
    store.conn.execute("UPDATE documents SET duplicate_of=?, duplicate_kind='near', duplicate_score=0.8"
                       " WHERE id=?", (a.id, b.id))
    store.record_failure(Failure("bad.bin", "read", "NP310", "bytes are not text"))
    yield store, a, b
    store.close()


def test_report_shows_overview_table_texts_and_failures(small_store, tmp_path):
    store, a, b = small_store
    html = write_report(store, tmp_path / "out" / "r.html").read_text(encoding="utf-8")
    assert "Documents by outlet" in html and "<svg" in html and "ТАСС" in html
    assert f'href="#doc-{a.id}"' in html and f'id="doc-{b.id}"' in html     # duplicate-of link and target
    assert "test:given · 0.90" in html                                     # how the date was found
    assert "Ким Чен Ын заявил о победе." in html and 'lang="ru"' in html
    assert 'data-layer="L0"' in html and ">entity<" not in html.split("<main>")[0]
    assert "NP310" in html and "bad.bin" in html
    assert 'href="https://kcnawatch.example/a"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "Kursk liberated" in html


def test_csp_pins_our_inline_style_and_script_and_allows_nothing_remote(small_store, tmp_path):
    store, _, _ = small_store
    html = write_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    assert "default-src 'none'" in csp and "unsafe" not in csp and "http" not in csp
    assert f"style-src {csp_hash(style)}" in csp and f"script-src {csp_hash(script)}" in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.replace('href="https://kcnawatch', ""))
    assert "style=" not in html          # inline style attributes would be blocked by the CSP


def test_large_corpus_stays_light_and_says_what_it_left_out(tmp_path):
    store = open_store(tmp_path / "big.db")
    with store.transaction():
        for i in range(1200):
            add_doc(store, f"Document number {i} about Kursk. " * 5, i, outlet=f"outlet {i % 30}",
                    published=f"2024-{i % 12 + 1:02d}-01", language="en")
    out = write_report(store, tmp_path / "big.html", max_documents=1000)
    html = out.read_text(encoding="utf-8")
    assert html.count('<details class="doc"') == 1000
    assert html.count("<tr>") >= 1200
    assert "The text of the first 1000 of 1200 documents is shown" in html
    assert "other (19 outlets)" in html                      # the outlet chart folds its long tail
    assert " open" not in re.findall(r"<details[^>]*>", html)[0]   # collapsed by default
    assert out.stat().st_size < 3_000_000


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")
def test_report_of_the_seed_corpus(tmp_path):
    from newsprism.config import Settings
    from newsprism.pipeline import analyze, build_corpus, ingest
    store, cfg = open_store(tmp_path / "s.db"), Settings(db=str(tmp_path / "s.db"))
    ingest(store, [str(SEEDS)], cfg)
    analyze(store, cfg)
    build_corpus(store, cfg, stages=["actors", "reconcile"])
    html = write_report(store, tmp_path / "seeds.html").read_text(encoding="utf-8")
    assert html.count('<details class="doc"') == store.count_documents() == 5
    assert "Kursk" in html and "sentence" in html
    # an as-of time the stage could not resolve reads as written, never as a placeholder (PY-SU, PAST_REF-year)
    assert "as of PAST_REF" not in html and "as of PY-" not in html      # (span tooltips keep the raw attrs)
    assert "(publication date unknown)" in html
