"""Corpus stages: analysis over the whole store (actors, claim groups, framing, narratives, timeline)."""

from .runner import CorpusReport, run_corpus_stages
from .stage import CorpusContext, CorpusStage, corpus_stage

# Built-in corpus stages register on import, like any plugin would.
from . import actors, reconcile, framing, narratives, timeline  # noqa: E402,F401  isort:skip

__all__ = ["CorpusContext", "CorpusReport", "CorpusStage", "corpus_stage", "run_corpus_stages"]
