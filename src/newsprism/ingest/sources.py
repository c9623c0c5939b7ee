"""Expand what the user named (files, folders, URLs) into Sources, and pick a reader."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator

from .. import plugins
from ..config import Settings
from ..errors import EmptyInputError, IngestError, TooLargeError
from .base import Source
from .decode import binary_error, looks_binary


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def expand(paths: list[str]) -> Iterator[str]:
    """Files and URLs as given; folders recursively, sorted, hidden entries skipped."""
    for p in paths:
        if is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield str(Path(root) / f)
        else:
            yield p


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_source(item: str, settings: Settings) -> Source:
    """Read one file or fetch one URL. Raises IngestError subclasses."""
    if is_url(item):
        from .fetch import fetch_url
        return fetch_url(item, settings)
    path = Path(item)
    if not path.exists():
        raise IngestError(f"no such file: {item}", hint="check the path")
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLargeError(f"{size:,} bytes exceeds the cap of {settings.max_bytes:,} (sha256 {file_sha256(path)})")
    if size == 0:
        raise EmptyInputError("file is empty (0 bytes)")
    return Source(locator=str(path.resolve()), data=path.read_bytes(), path=path)


def iter_sources(paths: list[str]) -> Iterator[str]:
    """Every input the user named: files and URLs as given, folders expanded."""
    return expand(paths)


def choose_reader(source: Source, forced: str | None = None):
    """The reader named by ``forced``, else the best sniffer (ties go to the name first in
    alphabetical order, so the choice never depends on import order)."""
    readers = plugins.readers()
    if forced:
        if forced not in readers:
            raise IngestError(f"unknown reader {forced!r}; known: {', '.join(sorted(readers))}")
        return readers[forced]
    scored = sorted(((-r.sniff(source), name) for name, r in readers.items()))
    if not scored or -scored[0][0] <= 0.0:
        if looks_binary(source.data):
            raise binary_error(source.data)
        raise IngestError("no reader recognises this input", hint="pass --reader to choose one")
    return readers[scored[0][1]]
