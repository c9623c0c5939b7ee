"""Framing, narratives and timeline: lexicon, statistics, embeddings, evaluation and read-only queries.

The corpus stages live in ``newsprism.corpus.framing``, ``.narratives`` and ``.timeline``;
this package holds what they use and what the CLI, export and report read.
"""
