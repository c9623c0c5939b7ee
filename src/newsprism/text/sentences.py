"""Paragraph and sentence spans with character offsets (en, ru, ko rules; others best effort)."""

from __future__ import annotations

from ..clean.segment import paragraphs, sentences as split_sentences
from ..model import Document, Span
from ..analyze.stage import StageInputs, document_stage

VERSION = "2"   # 2: language-aware sentence rules (abbreviations, initials, quotes, CJK)


@document_stage("sentences", version=VERSION, layers=("paragraph", "sentence"))
def sentences(doc: Document, inputs: StageInputs) -> list[Span]:
    """Paragraphs (blank-line or line separated) and the sentences within them."""
    out: list[Span] = []
    lang = doc.language or "und"
    for p_start, p_end in paragraphs(doc.text):
        out.append(Span(p_start, p_end, "paragraph", "paragraph", "sentences", VERSION))
        for s_start, s_end in split_sentences(doc.text, p_start, p_end, lang):
            out.append(Span(s_start, s_end, "sentence", "sentence", "sentences", VERSION))
    return out
