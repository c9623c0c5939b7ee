"""The data model: documents, their metadata with provenance, standoff spans, failures."""

from .document import META_FIELDS, Document, MetaField, RawRecord, text_hash
from .span import Span
from .failure import Failure

__all__ = ["Document", "MetaField", "META_FIELDS", "RawRecord", "Span", "Failure", "text_hash"]
