"""Time spans: date expressions normalized against the publication date (stage "time").

Layer ``time``; label = granularity (day, week, month, season, year). attrs:
``value`` (ISO date, ``YYYY-MM``, ``YYYY``, ``YYYY-SU`` for seasons; with ``X``/
``PY`` (previous year) placeholders when unresolved), ``granularity``,
``resolved`` (False when the publication date is unknown and the expression
needs it), ``anchor`` (the publication date used), ``relation`` (since, until,
before, after). Rules in ``newsprism.claims.dates``.
"""

from __future__ import annotations

from ..claims.dates import find_times
from ..model import Document, Span
from ..analyze.stage import StageInputs, document_stage

VERSION = "7"   # 7: publication dates may now come from a weekday date or an embedded post (clean/metadata.py)


@document_stage("time", version=VERSION, layers=("time",), requires=("sentences",))
def time_expressions(doc: Document, inputs: StageInputs) -> list[Span]:
    """Dates and relative times, resolved against the publication date when it is known."""
    lang = (doc.language or "en").split("-")[0]
    published = doc.get("published")
    out: list[Span] = []
    sents = inputs.spans("sentence") or [Span(0, len(doc.text), "sentence", "sentence", "sentences", "1")]
    for s in sents:
        for t in find_times(doc.text[s.start:s.end], lang, published):
            out.append(Span(s.start + t.start, s.start + t.end, "time", t.granularity, "time", VERSION,
                            0.9 if t.resolved else 0.6, t.to_attrs()))
    return out
