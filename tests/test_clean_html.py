"""HTML extraction on small hand-written pages, including hostile and broken ones."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_record
from newsprism.clean.html import extract_html
from newsprism.errors import EmptyInputError
from newsprism.model import MetaField, RawRecord

P1 = ("Pyongyang has shown pictures of its soldiers in Russia for the first time, state television "
      "reported on Monday evening after weeks of silence.")
P2 = ("Analysts in Seoul said the broadcast was meant for a home audience that had heard little "
      "about the deployment until this spring.")

PAGE = f"""<!doctype html>
<html lang="en"><head>
<title>Troops shown on television | Example Wire</title>
<meta property="og:title" content="Troops shown on television">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-05-10T08:00:00Z">
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://example.org/world/troops-shown">
<script>document.write('tracking pixel'); alert("x")</script>
<style>p {{ color: red }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Troops shown on television</h1>
<p>{P1}</p>
<img src="x.jpg" onerror="alert('owned')">
<p>{P2}</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
<footer><p>Subscribe to our newsletter</p><p>© 2025 Example Wire</p></footer>
</body></html>"""


def test_main_text_is_paragraph_lines_without_page_chrome():
    text, _ = extract_html(PAGE, url="https://example.org/world/troops-shown")
    assert P1 in text.split("\n") and P2 in text.split("\n")
    for junk in ("Home", "Sport", "Most read", "Another story", "Subscribe", "tracking pixel", "alert", "color: red"):
        assert junk not in text


def test_page_metadata_with_sources_and_evidence():
    _, meta = extract_html(PAGE)
    assert meta["title"] == MetaField("Troops shown on television", "html:trafilatura", 0.9,
                                      '<meta property="og:title" content="Troops shown on television">')
    assert meta["author"].value == "Jane Roe"
    assert (meta["published"].value, meta["published"].source) == ("2025-05-10", "html:htmldate")
    assert "article:published_time" in meta["published"].evidence
    assert meta["site_name"].value == "Example Wire"
    assert meta["url"].value == "https://example.org/world/troops-shown"
    assert meta["url"].evidence.startswith("<link")


def test_truncated_page_still_gives_its_text():
    cut = PAGE[: PAGE.index(P2) + 40]           # the download stopped mid-paragraph
    text, meta = extract_html(cut)
    assert P1 in text
    assert meta["title"].value == "Troops shown on television"


def test_short_page_falls_back_to_the_visible_text():
    page = "<html><body><script>steal()</script><div>Kursk: shelling resumed overnight.</div></body></html>"
    text, _ = extract_html(page)
    assert text == "Kursk: shelling resumed overnight."


@pytest.mark.parametrize("page", [
    "", "   ", "<html><head><script>alert(1)</script></head><body></body></html>",
    "<html><body><img src=x onerror=alert(1)><style>b{}</style></body></html>", "\x00\x01\x02",
    "<div><<<</div>",
])
def test_pages_without_text_raise_empty_input(page):
    with pytest.raises(EmptyInputError):
        extract_html(page)


def test_markup_soup_does_not_crash():
    soup = "<html><body><p>Unclosed <b>bold <i>italic</p></div></span><p>Second paragraph text here</body>"
    text, _ = extract_html(soup)
    assert "Second paragraph text here" in text


def test_clean_record_prefers_record_metadata_over_page_metadata(settings):
    rec = RawRecord("https://example.org/world/troops-shown", "html", PAGE.encode(), html=PAGE,
                    meta={"title": MetaField("Title from the feed", "feed:title", 1.0)})
    doc = clean_record(rec, settings)
    assert doc.get("title") == "Title from the feed"
    assert doc.get("author") == "Jane Roe"
    assert doc.get("published") == "2025-05-10"
    assert P1 in doc.text
