"""Clean: a RawRecord becomes a Document with clean text, metadata and language.

    html? -> main text (trafilatura) + page metadata          html.py
    normalise (unicode, whitespace, glued names)              normalize.py, repair.py
    -> remove page residue (menus, teasers, captions, ...)   residue.py
    -> infer missing metadata (title, date, outlet, author)   metadata.py
    -> detect language                                        language.py

Metadata that came with the record (JSONL fields, HTML head tags) wins over what the
page body or the text suggests: later steps only fill fields still missing.
"""

from __future__ import annotations

from ..config import Settings
from ..errors import EmptyInputError
from ..model import Document, MetaField, RawRecord
from .language import detect_language
from .metadata import REFERENCE_KEYS, find_dateline, infer_metadata
from .normalize import normalize_text
from .residue import remove_residue


def clean_record(rec: RawRecord, settings: Settings) -> Document:
    """Clean text, metadata with provenance, language; raises EmptyInputError when no text is left."""
    meta: dict[str, MetaField] = dict(rec.meta)
    extra = dict(rec.extra)
    text = _body_text(rec, meta)
    original_chars = len(text)
    # Bound the work on huge inputs before the linear passes; the exact cut comes later.
    text = text[: settings.max_text_chars * 2]
    text, removed = remove_residue(normalize_text(text))
    if not text.strip():
        raise EmptyInputError("no article text left after cleaning"
                              + (f" ({len(removed)} residue lines removed)" if removed else ""))
    text = _cap_length(text, settings.max_text_chars, extra, original_chars)
    reference = next((str(extra[k]) for k in REFERENCE_KEYS if extra.get(k)), "")
    for k, v in infer_metadata(text, meta, locator=rec.locator, removed=removed,
                                  outlets_file=settings.outlets_file, reference=reference).items():
        meta.setdefault(k, v)
    dateline = find_dateline(text)
    if dateline is not None:
        extra.setdefault("dateline", dateline)  # month/day without a year: kept as evidence, never a date
    if "language" not in meta:
        lang = detect_language(text, settings.languages)
        if lang is not None:
            meta["language"] = lang
    return Document(id=Document.make_id(rec.locator, rec.raw_sha256), locator=rec.locator, reader=rec.reader,
                    raw_sha256=rec.raw_sha256, text=text, meta=meta, removed=removed, extra=extra)


def _body_text(rec: RawRecord, meta: dict[str, MetaField]) -> str:
    """The record's text; for HTML the extracted main text, its page metadata filling gaps."""
    if rec.html is None or rec.text is not None:
        return rec.text or ""
    from .html import extract_html  # trafilatura loads only when a page needs it
    url = meta["url"].value if "url" in meta else None
    text, page_meta = extract_html(rec.html, url=url)
    for k, v in page_meta.items():
        meta.setdefault(k, v)
    return text


def _cap_length(text: str, max_chars: int, extra: dict, original_chars: int) -> str:
    """Cut at a line break near the cap; the raw input is kept whole in the store."""
    if len(text) <= max_chars:
        return text
    extra["truncated"] = {"original_chars": original_chars, "kept_chars": max_chars}
    cut = text.rfind("\n", 0, max_chars)
    return text[: cut if cut > max_chars // 2 else max_chars]
