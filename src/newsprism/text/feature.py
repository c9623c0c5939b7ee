"""The text feature: registers the sentence and time-expression stages."""

from . import sentences, timex  # noqa: F401  (document stages register on import)
