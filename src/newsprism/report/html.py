"""Placeholder report writer (to be replaced)."""

from __future__ import annotations

import html
from pathlib import Path

from ..store import Store


def write_report(store: Store, out: Path) -> Path:
    stats = store.stats()
    out.write_text(f"<!doctype html><meta charset=utf-8><title>newsprism report</title>"
                   f"<p>{html.escape(str(stats['documents']))} documents</p>", encoding="utf-8")
    return out.resolve()
