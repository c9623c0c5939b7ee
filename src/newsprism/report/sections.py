"""What every corpus section of the report is made of: the ``Section`` values, evidence links.

A feature's report section (registered with ``plugins.register_report_section``) reads
its tables through the feature's query functions (never SQL of its own) into a
``Section`` of plain values; its template escapes every string. A section whose stage
has not run says so in ``note``; long lists are capped and ``left_out`` says what was
dropped, so the file stays light at 1,000+ documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .highlight import span_anchor

SHADES = 6                   # h0..h5 in report.css
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class Section:
    """One corpus section: ``items`` when analysed, else a one-line ``note`` saying why not."""

    available: bool
    note: str = ""
    items: list[Any] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Evidence:
    text: str
    href: str | None          # #ev-... in this file, or None when the text is beyond the full-text cap
    doc_title: str
    doc_href: str | None


def ran(store: Store, stage: str) -> bool:
    row = store.corpus_run(stage)
    return bool(row) and row["status"] == "ok"


def not_run(stage: str, what: str) -> Section:
    return Section(False, f"Not analysed yet: the {stage} corpus stage has not run on this store "
                          f"(newsprism analyze), so there are no {what}.")


class Linker:
    """Evidence links: to the span's id when its document's text is in the report."""

    def __init__(self, full_text_ids: set[str], titles: dict[str, str]):
        self.full, self.titles = full_text_ids, titles
        self.claim_groups: set[str] = set()      # groups the Claims section shows (#claim-<id> targets)

    def __call__(self, doc_id: str, layer: str | None, start: int | None, end: int | None,
                 text: str) -> Evidence:
        inside = doc_id in self.full
        href = (f"#{span_anchor(doc_id, layer, start, end)}" if layer and start is not None
                else f"#doc-{doc_id}") if inside else None
        return Evidence(text, href, self.titles.get(doc_id, doc_id), f"#doc-{doc_id}" if inside else None)


def sort_date(value: Any) -> str | None:
    """A sortable date prefix (YYYY, YYYY-MM, YYYY-MM-DD) or None for unresolved ones (PY-SU)."""
    m = _DATE.match(str(value or ""))
    return m.group(0) if m else None
