"""Clean: a RawRecord becomes a Document with clean text, metadata and language.

    html? -> main text (trafilatura) + page metadata
    normalise (unicode, whitespace, glued names) -> remove page residue
    -> infer missing metadata (title, date, outlet, author) -> detect language
"""

from __future__ import annotations

from ..config import Settings
from ..errors import EmptyInputError
from ..model import Document, MetaField, RawRecord
from .language import detect_language
from .metadata import infer_metadata
from .normalize import normalize_text
from .residue import remove_residue


def clean_record(rec: RawRecord, settings: Settings) -> Document:
    meta: dict[str, MetaField] = dict(rec.meta)
    removed: list[dict] = []
    extra = dict(rec.extra)
    if rec.html is not None and rec.text is None:
        from .html import extract_html
        text, page_meta = extract_html(rec.html, url=rec.meta.get("url").value if "url" in rec.meta else None)
        for k, v in page_meta.items():
            meta.setdefault(k, v)
    else:
        text = rec.text or ""
    text = normalize_text(text)
    text, dropped = remove_residue(text)
    removed.extend(dropped)
    if not text.strip():
        raise EmptyInputError("no article text left after cleaning"
                              + (f" ({len(removed)} residue lines removed)" if removed else ""))
    if len(text) > settings.max_text_chars:
        extra["truncated"] = {"original_chars": len(text), "kept_chars": settings.max_text_chars}
        cut = text.rfind("\n", 0, settings.max_text_chars)
        text = text[: cut if cut > settings.max_text_chars // 2 else settings.max_text_chars]
    for k, v in infer_metadata(text, meta, locator=rec.locator).items():
        meta.setdefault(k, v)
    if "language" not in meta:
        lang = detect_language(text, settings.languages)
        if lang is not None:
            meta["language"] = lang
    return Document(id=Document.make_id(rec.locator, rec.raw_sha256), locator=rec.locator, reader=rec.reader,
                    raw_sha256=rec.raw_sha256, text=text, meta=meta, removed=removed, extra=extra)
