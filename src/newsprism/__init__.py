"""newsprism: who says what, which numbers, which techniques, across the coverage of one story.

The flow runs one way::

    ingest -> clean -> document stages -> store -> corpus stages -> outputs

Library first: the CLI (``newsprism.cli``) and the report are thin shells over
``newsprism.pipeline``.
"""

__version__ = "0.1.0"
