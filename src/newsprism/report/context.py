"""What the report shows, read from the store into plain values for the template.

Nothing here produces HTML except ``highlight`` (which escapes everything);
the template escapes every other string it prints.
"""

from __future__ import annotations

import inspect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from .. import plugins
from ..model import META_FIELDS, Document, MetaField
from ..outlets import UNKNOWN_OUTLET
from ..store import Store
from ..store.stories import get as get_story, scope, story_volume
from .sections import Linker, Section
from .charts import Chart, bar_chart, column_chart, stacked_columns
from .highlight import LayerStyle, highlight, layer_styles

TITLE_WORDS = 12
EVIDENCE_CHARS = 400


@dataclass
class MetaRow:
    name: str
    value: str
    source: str
    confidence: float
    evidence: str


@dataclass
class DocView:
    """One document as the report shows it."""

    id: str
    anchor: str
    title: str
    title_inferred: bool          # no title found: the first words of the text stand in
    outlet: str
    published: str
    published_how: str            # "source · confidence" of the date, "" when unknown
    language: str
    locator: str
    url: str | None               # only http(s) URLs become links
    duplicate_of: str | None
    duplicate_how: str
    copies: list[tuple[str, str]]
    meta: list[MetaRow]
    removed: list[dict[str, Any]]
    n_chars: int
    layer_counts: list[tuple[str, int]]
    body: Markup | None = None    # highlighted text; None beyond the full-text cap


@dataclass
class ReportData:
    stats: dict[str, Any]
    charts: list[Chart]
    layers: list[LayerStyle]
    documents: list[DocView]
    n_full_text: int
    n_documents: int
    failures: list[Any]
    titles: dict[str, str] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    full_ids: set[str] = field(default_factory=set)     # documents whose text (and anchor) is in the file
    story: dict[str, Any] | None = None                 # the story the report is limited to, with its chart


def safe_url(value: Any) -> str | None:
    """The URL if it is plain http(s); anything else (javascript:, data:) is shown as text only."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    try:
        parts = urlsplit(v)
    except ValueError:
        return None
    return v if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def display_title(doc: Document) -> tuple[str, bool]:
    title = doc.get("title")
    if title and str(title).strip():
        return str(title).strip(), False
    words = doc.text.split()
    first = " ".join(words[:TITLE_WORDS])
    return (first + (" …" if len(words) > TITLE_WORDS else "")) or "(empty text)", True


def _how(m: MetaField | None) -> str:
    return f"{m.source} · {m.confidence:.2f}" if m else ""


def meta_rows(doc: Document) -> list[MetaRow]:
    order = [f for f in META_FIELDS if f in doc.meta] + sorted(set(doc.meta) - set(META_FIELDS))
    rows = []
    for name in order:
        m = doc.meta[name]
        ev = m.evidence or ""
        rows.append(MetaRow(name, "" if m.value is None else str(m.value), m.source, float(m.confidence),
                            ev if len(ev) <= EVIDENCE_CHARS else ev[:EVIDENCE_CHARS] + " …"))
    return rows


def doc_view(store: Store, doc: Document, styles: dict[str, LayerStyle], full: bool) -> DocView:
    """Everything the report shows about one document."""
    title, inferred = display_title(doc)
    spans = store.spans(doc.id)
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.layer] = counts.get(s.layer, 0) + 1
    dup_how = f"{doc.duplicate_kind or 'copy'}" + (
        f" · {doc.duplicate_score:.2f}" if doc.duplicate_score is not None else "")
    return DocView(
        id=doc.id, anchor=f"doc-{doc.id}", title=title, title_inferred=inferred,
        outlet=str(doc.get("outlet") or doc.get("site_name") or ""),
        published=str(doc.get("published") or ""), published_how=_how(doc.meta.get("published")),
        language=str(doc.language or ""), locator=doc.locator, url=safe_url(doc.get("url")),
        duplicate_of=doc.duplicate_of, duplicate_how=dup_how if doc.duplicate_of else "",
        copies=[(i, k or "copy") for i, k, _ in store.duplicates_of(doc.id)],
        meta=meta_rows(doc), removed=list(doc.removed), n_chars=len(doc.text),
        layer_counts=sorted(counts.items()),
        body=highlight(doc.text, spans, styles, doc.id) if full else None)


def collect(store: Store, max_documents: int, story: str | None = None) -> ReportData:
    """Read the whole report's content; full texts only for the first ``max_documents``. With a story,
    only its documents: the overview counts, the document list and every section that can be limited."""
    stats = store.stats()
    styles = layer_styles(store.layers())
    where, params = scope(store.conn, story, "id")
    docs = []
    for i, doc in enumerate(store.iter_documents(where=where, params=tuple(params))):
        docs.append(doc_view(store, doc, styles, full=i < max_documents))
    if story:
        stats = stats | _counts(docs)
    charts = [bar_chart("Documents by outlet", stats["by_outlet"], "outlets"),
              bar_chart("Documents by language", stats["by_language"], "languages"),
              column_chart("Documents by month published", stats["by_month"])]
    titles = {d.id: d.title for d in docs}
    full_ids = {d.id for d in docs if d.body is not None}
    link = Linker(full_ids, titles)
    scoped = {s.key: s for s in plugins.report_sections()
              if not story or "story" in inspect.signature(s.build).parameters}
    sections = {key: (s.build(store, link, story=story) if story else s.build(store, link)) for key, s in scoped.items()}
    for s in plugins.report_sections():
        if s.key not in scoped:
            sections[s.key] = Section(False, f"Not limited to story {story!r}: this section covers the whole store "
                                             "(newsprism report without --story).")
    info = None
    if story:
        st = get_story(store.conn, story)
        info = st.to_dict() | {"chart": stacked_columns(story_volume(store.conn, story))}
    return ReportData(stats=stats, charts=charts, layers=list(styles.values()), documents=docs,
                      n_full_text=min(len(docs), max_documents), n_documents=len(docs),
                      failures=[f for f in store.failures() if not story or f.doc_id in titles], titles=titles, full_ids=full_ids, sections=sections, story=info)


def _counts(docs: list[DocView]) -> dict[str, Any]:
    """The overview's counts over the documents shown (a story's)."""
    def pairs(values) -> list[tuple[str, int]]:
        return sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))
    return {"documents": len(docs), "duplicates": sum(1 for d in docs if d.duplicate_of),
            "by_outlet": pairs(d.outlet or UNKNOWN_OUTLET for d in docs),
            "by_language": pairs(d.language or "unknown" for d in docs),
            "by_month": sorted(Counter((d.published or "")[:7] or "unknown" for d in docs).items())}
