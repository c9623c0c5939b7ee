"""A recorded failure: which input or document, which stage, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    locator: str            # the input (path, path#line=N, URL) it came from
    stage: str              # "read", "decode", "clean", "store", or a document stage name
    code: str               # error code from newsprism.errors
    message: str
    doc_id: str | None = None
    raw_sha256: str | None = None   # raw bytes kept in the store under this hash
    at: str | None = None
