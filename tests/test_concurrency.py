"""Two writers on one store: the second waits and finishes, or is refused at once naming the
holder; never both compute, never a "database is locked" traceback, and the store stays whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.errors import StoreBusyError
from newsprism.pipeline import ingest
from newsprism.store import open_store

SRC = str(Path(__file__).resolve().parents[1] / "src")
TEXT = "The council approved the new budget for schools and roads on Thursday evening.\n"
# Writer A: a real analyze run whose one stage is slow, so B arrives while A holds the store.
HOLDER = """
import os, sys, time
from newsprism import plugins
from newsprism.analyze.stage import Stage
from newsprism.config import load_settings
from newsprism.pipeline import analyze
from newsprism.store import open_store
def slow(doc, inputs):             # holds the store until the test says "release"
    t_end = time.monotonic() + 60
    while not os.path.exists(sys.argv[2]) and time.monotonic() < t_end:
        time.sleep(0.05)
    return []
plugins.register_stage(Stage("sleepy", "1", ("sleepy",), slow))
with open_store(sys.argv[1]) as st:
    rep = analyze(st, load_settings(environ={}), stages=["sleepy"])
print("A done", rep.stage_runs)
"""


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPRISM_")}
    env.update(PYTHONPATH=SRC, **extra)
    return env


def _start_holder(db: Path, release: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(release)], env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = db.with_name(db.name + ".lock")
    t_end = time.monotonic() + 30
    while time.monotonic() < t_end:         # A holds the lock once it has written its pid there
        try:
            if json.loads(lock.read_text() or "{}").get("pid") == proc.pid:
                return proc
        except (OSError, ValueError):
            pass
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read())
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("writer A never took the lock")


def _cli(db: Path, *args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsprism.cli", "--db", str(db), "-q", *args],
                          env=_env(**env), capture_output=True, text=True, timeout=120)


@pytest.fixture
def db(tmp_path, settings) -> Path:
    path = tmp_path / "shared.db"
    (tmp_path / "one.txt").write_text(TEXT)
    with open_store(path) as st:
        ingest(st, [str(tmp_path / "one.txt")], settings)
    return path


def _intact(db: Path) -> int:
    with open_store(db) as st:
        assert st.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return st.conn.execute("SELECT count(*) FROM documents").fetchone()[0]


@pytest.mark.slow
def test_analyze_beside_analyze_is_refused_naming_the_holder(db, tmp_path):
    a = _start_holder(db, tmp_path / "release")
    b = _cli(db, "analyze", "--stage", "sentences")
    (tmp_path / "release").touch()
    a_out, a_err = a.communicate(timeout=60)
    assert a.returncode == 0 and "A done 1" in a_out, a_err
    assert b.returncode == 3, b.stderr
    assert "NP210" in b.stderr and f"pid {a.pid}" in b.stderr and "analyze, since" in b.stderr
    assert "Traceback" not in b.stderr
    assert _intact(db) == 1


@pytest.mark.slow
def test_ingest_beside_analyze_waits_and_finishes(db, tmp_path):
    (tmp_path / "two.txt").write_text(TEXT.replace("schools", "hospitals"))
    a = _start_holder(db, tmp_path / "release")
    b = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "--db", str(db), "-q", "ingest",
                          str(tmp_path / "two.txt")], env=_env(NEWSPRISM_WRITER_WAIT="60"),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = b.stderr.readline()            # B says it waits, naming A
    assert "waiting up to 60 s" in line and f"pid {a.pid}" in line
    (tmp_path / "release").touch()
    a.communicate(timeout=60)
    b.communicate(timeout=60)
    assert a.returncode == 0
    assert b.returncode == 0, b.stderr
    assert _intact(db) == 2


def test_lock_names_holder_is_reentrant_and_dies_with_its_process(db):
    with open_store(db) as st, st.writer_lock("ingest"):
        with st.writer_lock("analyze"):          # the same store may nest its own writers
            pass
        with open_store(db) as other, pytest.raises(StoreBusyError, match=f"pid {os.getpid()} \\(ingest"):
            with other.writer_lock("analyze"):
                pass
    # a killed holder leaves its .lock file but not the lock
    a = _start_holder(db, db.with_name("never"))
    a.kill()
    a.wait()
    with open_store(db) as st, st.writer_lock("analyze", wait=5):
        pass
