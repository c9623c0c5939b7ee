"""One writer per store, across processes: an advisory lock on ``<store>.lock``.

SQLite already serialises single writes, but two long writing runs (two ``analyze``,
``ingest`` beside ``analyze``) would both compute everything and the second would die on
"database is locked" after minutes. A writing command takes this lock first, for its whole
run; a second writer waits up to ``writer_wait`` seconds, then refuses at once with the
holder's pid, command and start time (``StoreBusyError``). Readers (status, search, the web
app) never take it: WAL lets them read while a writer works.

The lock is ``fcntl.flock`` on an open file, so the kernel releases it when the holder exits,
crashes or is killed: a stale ``.lock`` file never blocks anyone.
"""

from __future__ import annotations

import json
import logging
import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import StoreBusyError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no cross-process lock, SQLite's own remains
    fcntl = None  # type: ignore[assignment]

_POLL = 0.2
log = logging.getLogger("newsprism.store")


class WriterLock:
    def __init__(self, db_path: str):
        self.path = Path(db_path).expanduser().resolve().with_name(Path(db_path).name + ".lock")
        self._fd: int | None = None
        self._depth = 0

    @contextmanager
    def held(self, command: str, wait: float) -> Iterator[None]:
        if self._depth == 0:
            self._acquire(command, wait)
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.release_all()

    def holder(self) -> dict:
        """Who holds the lock, as the holder wrote it ({} when unknown)."""
        try:
            return json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}

    def _acquire(self, command: str, wait: float) -> None:
        if fcntl is None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        give_up = time.monotonic() + max(0.0, wait)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= give_up:
                    os.close(fd)
                    raise self._busy(wait) from None
                if not told:
                    log.warning("waiting up to %g s: %s", wait, self._busy(0).message.replace("; refused", ""))
                    told = True
                time.sleep(_POLL)
        info = {"pid": os.getpid(), "command": command,
                "started": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        self._fd = fd

    def _busy(self, wait: float) -> StoreBusyError:
        h = self.holder()
        who = (f"pid {h.get('pid', '?')} ({h.get('command', '?')}, since {h.get('started', '?')})"
               if h else "another process (starting up)")
        waited = f" after waiting {wait:g} s" if wait > 0 else ""
        return StoreBusyError(f"the store {self.path.with_suffix('')} is being written by {who}; refused{waited}")

    def release_all(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd, self._depth = None, 0
