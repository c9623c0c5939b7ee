"""The corpus-stage contract and runner; the stages themselves live in the feature packages."""

from .runner import CorpusReport, run_corpus_stages
from .stage import CorpusContext, CorpusStage, corpus_stage

__all__ = ["CorpusContext", "CorpusReport", "CorpusStage", "corpus_stage", "run_corpus_stages"]
