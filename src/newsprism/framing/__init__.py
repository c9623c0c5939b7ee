"""Framing, narratives and timeline: lexicon, statistics, embeddings, evaluation and read-only queries.

The corpus stages are ``stage`` (framing), ``narratives`` and ``timeline``; ``queries`` is the read
API, ``report``/``web``/``export`` show it, ``feature`` registers them all.
"""
