"""Whole-pipeline evaluations against gold sets (``newsprism eval field``)."""
