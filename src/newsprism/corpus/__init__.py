"""Corpus stages: analysis over the whole store (actors, claim groups, framing, narratives, timeline)."""

from .runner import CorpusReport, run_corpus_stages
from .stage import CorpusContext, CorpusStage, corpus_stage

__all__ = ["CorpusContext", "CorpusReport", "CorpusStage", "corpus_stage", "run_corpus_stages"]
