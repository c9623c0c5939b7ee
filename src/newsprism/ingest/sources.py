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


# A locator longer than this is stored cut, with the sha256 of the whole (failures stay listable).
MAX_LOCATOR_CHARS = 2048


def safe_locator(item: str) -> str:
    """``item`` as a locator the store can hold: absolute for files (symlink loops and unreadable
    parents do not raise), bytes that were not valid UTF-8 shown as ``\\xNN`` escapes, and at most
    ``MAX_LOCATOR_CHARS`` characters."""
    if not is_url(item) and "://" not in item:
        try:
            item = str(Path(item).resolve())
        except (OSError, RuntimeError, ValueError):   # a symlink loop, a NUL byte ...
            item = os.path.abspath(item) if "\x00" not in item else item
    digest = None
    if len(item) > MAX_LOCATOR_CHARS:
        digest = hashlib.sha256(_utf8(item)).hexdigest()
        item = item[:MAX_LOCATOR_CHARS]
    text = _utf8(item).decode("utf-8", "backslashreplace")
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    if digest is not None or len(text) > MAX_LOCATOR_CHARS:
        digest = digest or hashlib.sha256(text.encode("utf-8")).hexdigest()
        text = f"{text[:MAX_LOCATOR_CHARS - 100]}...[cut; sha256 of the whole {digest}]"
    return text


def _utf8(s: str) -> bytes:
    try:
        return s.encode("utf-8", "surrogateescape")     # undecodable file-name bytes come back as bytes
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass")       # a lone surrogate from elsewhere


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
        source = fetch_url(item, settings)
        source.locator = safe_locator(source.locator)
        return source
    path = Path(item)
    try:
        size = path.stat().st_size
    except (OSError, RuntimeError, ValueError) as exc:   # missing, a symlink loop, no permission ...
        reason = "no such file" if isinstance(exc, FileNotFoundError) else f"cannot read ({type(exc).__name__})"
        raise IngestError(f"{reason}: {safe_locator(item)}", hint="check the path") from None
    if not path.is_file():
        raise IngestError(f"not a regular file: {safe_locator(item)}", hint="give files or folders")
    if size > settings.max_bytes:
        raise TooLargeError(f"{size:,} bytes exceeds the cap of {settings.max_bytes:,} (sha256 {file_sha256(path)})")
    if size == 0:
        raise EmptyInputError("file is empty (0 bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read {safe_locator(item)}: {exc.strerror or type(exc).__name__}") from None
    return Source(locator=safe_locator(item), data=data, path=path)


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
