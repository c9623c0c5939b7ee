"""A wall-clock bound for one per-document stage (cleaning, a document stage).

``stage_deadline(seconds, stage)`` raises ``StageTimeout`` inside the guarded block once
``seconds`` of wall-clock time have passed, so one pathological document (a regex that
backtracks, a parser that recurses) costs at most that long; the caller records a failure
for that document and the run goes on.

How: ``signal.setitimer(ITIMER_REAL)`` where that is possible (the main thread of a process
on a POSIX system: the CLI, and each worker of the process pool); an outer interval timer
that would fire later is suspended meanwhile and set again, with its remaining time, after. Elsewhere (a thread, e.g.
a Dask worker or the web app's thread pool) no signal can interrupt the code, so the bound is
checked when the block ends: a stage that overran still fails for its document, it just
cannot be cut short. Code that runs in C for a long time without returning to Python is cut
when it next does.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from ..errors import StageError


class StageTimeout(StageError):
    code = "NP410"
    hint = ("the document was kept; raise NEWSPRISM_STAGE_DEADLINE if such documents are expected, "
            "or look at it with `newsprism status --failures`")


def _can_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def stage_deadline(seconds: float | None, stage: str) -> Iterator[None]:
    """Bound the block to ``seconds`` of wall-clock time (no bound when None or <= 0)."""
    if not seconds or seconds <= 0:
        yield
        return
    message = f"stage {stage} ran past its deadline of {seconds:g} s on this document"
    t0 = time.monotonic()
    outer = signal.getitimer(signal.ITIMER_REAL)[0] if _can_signal() else 0.0
    if not _can_signal() or (outer and outer <= seconds):
        # no signal here, or an outer timer fires first anyway: check the bound at the end
        yield
        if time.monotonic() - t0 > seconds:
            raise StageTimeout(message)
        return

    def _expired(signum, frame):   # noqa: ARG001
        raise StageTimeout(message)

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:   # give an outer timer (e.g. a test runner's) the time it had left
            signal.setitimer(signal.ITIMER_REAL, max(1e-3, outer - (time.monotonic() - t0)))
