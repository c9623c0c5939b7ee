"""Main text and page metadata from HTML.

    trafilatura (favor_precision: menus, footers, teasers out) -> plain text, one paragraph a line
    trafilatura metadata (htmldate for the date)               -> title, author, published, site_name, url
    nothing extracted? -> lxml text of the body without scripts
    nothing still? -> text from a streaming tokenizer (no depth limit: 10,000 nested <div>s)
    nothing? EmptyInputError

Each metadata value is a MetaField whose evidence quotes the tag it was read from when
one holds it, so an analyst can check it against the page. Broken or truncated markup
never raises anything but EmptyInputError.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import lxml.html
from lxml import etree
from trafilatura import bare_extraction

from ..errors import EmptyInputError
from ..model import MetaField

# trafilatura logs every page it cannot parse; the caller records failures itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "header", "footer", "pre", "figcaption", "dd", "dt")
# Tried in this order: a meta tag is the page's own declaration, <title> often adds the site.
_EVIDENCE_XPATHS = ("//meta[@content]", "//link[@rel='canonical']", "//time", "//*[@itemprop]", "//title")
_CONFIDENCE = {"title": 0.9, "author": 0.8, "published": 0.8, "site_name": 0.9, "url": 0.9}


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, MetaField]]:
    """Main text (paragraphs as lines) and metadata fields found in the page."""
    if not html or not html.strip():
        raise EmptyInputError("the HTML page is empty")
    tree = _parse(html)
    doc = _trafilatura(html, url)
    meta = _page_meta(doc, tree) if doc is not None else {}
    text = (doc.text or "").strip() if doc is not None else ""
    if not text and tree is not None:
        text = _fallback_text(tree)  # pages trafilatura rejects (too short, odd markup) still have words
    if not any(ch.isalnum() for ch in text):
        # libxml2 stops building a tree 256 elements deep (10,000 nested <div>s): a streaming
        # tokenizer has no depth, so the words of such a page are still found
        text = _stream_text(html)
    if not any(ch.isalnum() for ch in text):
        raise EmptyInputError("no text found in the HTML page (only markup, scripts or navigation)")
    return text, meta


def _parse(html: str):
    """An lxml tree of the page, or None when not even a recovering parser finds elements."""
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):  # empty document; XML declaration in a str
        try:
            return lxml.html.document_fromstring(html.encode("utf-8", "replace"))
        except (etree.ParserError, ValueError):
            return None


def _trafilatura(html: str, url: str | None):
    try:
        return bare_extraction(html, url=url, favor_precision=True, with_metadata=True,
                               include_comments=False, include_tables=True)
    except Exception:  # noqa: BLE001 - a parser bug on one hostile page must not stop the batch
        return None


def _fallback_text(tree) -> str:
    """Visible text of the body, a line per block element; scripts and styles dropped."""
    for el in tree.xpath("|".join(f"//{t}" for t in _DROP)):
        el.drop_tree()
    for el in tree.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    body = tree.find("body")
    raw = (body if body is not None else tree).text_content()
    return "\n".join(ln.strip() for ln in raw.split("\n") if ln.strip())


class _TextCollector(HTMLParser):
    """Visible text from the tag stream (no tree, so no nesting limit); a line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ARG002
        if tag in _DROP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _stream_text(html: str) -> str:
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # noqa: BLE001 - a tokenizer failure only means no fallback text
        pass
    raw = "".join(collector.parts)
    return "\n".join(" ".join(ln.split()) for ln in raw.split("\n") if ln.strip())


def _page_meta(doc, tree) -> dict[str, MetaField]:
    found = {"title": doc.title, "author": doc.author, "published": doc.date,
             "site_name": doc.sitename, "url": doc.url}
    meta = {}
    for name, value in found.items():
        if value:
            source = "html:htmldate" if name == "published" else "html:trafilatura"
            meta[name] = MetaField(value, source, _CONFIDENCE[name], _evidence(tree, str(value)))
    return meta


def _evidence(tree, value: str) -> str | None:
    """The first tag whose attribute or text holds the value, serialised (at most 300 chars)."""
    if tree is None:
        return None
    probe = value[:10] if re.match(r"\d{4}-\d{2}-\d{2}$", value) else value
    for el in (el for xp in _EVIDENCE_XPATHS for el in tree.xpath(xp)):
        held = [el.get("content"), el.get("datetime"), el.get("href"), el.text]
        if any(h and probe in h for h in held):
            return lxml.html.tostring(el, encoding="unicode", with_tail=False)[:300].strip()
    return None
