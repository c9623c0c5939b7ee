"""Quantity spans: numbers with their range, hedge, unit and what is counted.

Layer ``quantity``; label = kind (count, percent, money, measure, duration, age,
fraction, multiple, score). attrs: ``min``/``max`` (bounds implied by the hedge; None
= open), ``lo``/``hi`` (the number(s) as stated), ``bound`` (= ~ > < >= <=),
``hedge``, ``change`` (up/down), ``unit`` (normalized unit or counted head),
``unit_text``, ``counted`` (the counted noun phrase), ``raw``. The rules live in
``newsprism.claims.extract``.
"""

from __future__ import annotations

from .extract import find_quantities
from ..model import Document, Span
from ..analyze.stage import StageInputs, document_stage

VERSION = "14"   # 14: vague multiples in es/de/fr/zh/ja ("des dizaines de", "mehrere Tausend", "数千人"), "une dizaine de" is about ten, es/fr counted phrases end at a stop word or a finite verb, zh/ja/de range words; 13: a figure gone past a mark is a lower bound ("has passed 45,000", "превысило", "перевищила"); 12: a Spanish number noun counts what follows "de" ("miles de soldados")
MAX_SENTENCE = 2000      # longer "sentences" are tables or OCR runs: scan them in windows


@document_stage("quantities", version=VERSION, layers=("quantity",), requires=("sentences",))
def quantities(doc: Document, inputs: StageInputs) -> list[Span]:
    """Numbers, ranges, hedges and counted nouns in each sentence."""
    lang = (doc.language or "en").split("-")[0]
    out: list[Span] = []
    sents = inputs.spans("sentence") or [Span(0, len(doc.text), "sentence", "sentence", "sentences", "1")]
    for s in sents:
        for start in range(s.start, s.end, MAX_SENTENCE):
            end = min(s.end, start + MAX_SENTENCE)
            for q in find_quantities(doc.text[start:end], lang):
                score = 0.6 if q.hedge == "vague" else 0.9
                out.append(Span(start + q.start, start + q.end, "quantity", q.kind, "quantities", VERSION,
                                score, q.to_attrs()))
    return out
