"""The fetch deadline is wall-clock for the whole fetch, against servers started here on
127.0.0.1 that drip their headers or body a byte at a time (each byte well inside the
per-read timeout, so only a whole-fetch deadline stops them)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from newsprism.config import load_settings
from newsprism.errors import FetchError
from newsprism.ingest.fetch import fetch_url

DRIP = 0.05          # seconds between bytes
LIMIT = 1.0          # the fetch deadline under test


def _drip(conn: socket.socket, head: bytes, drip: bytes, stop: threading.Event) -> None:
    try:
        conn.recv(65536)
        conn.sendall(head)
        t_end = time.monotonic() + 30
        while not stop.is_set() and time.monotonic() < t_end:
            for b in drip:
                conn.sendall(bytes([b]))
                time.sleep(DRIP)
    except OSError:
        pass
    finally:
        conn.close()


@pytest.fixture
def dripping():
    """A server whose behaviour the test picks by path: /headers drips header lines forever,
    /body sends headers with Connection: close and drips the body forever."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            peek = conn.recv(64, socket.MSG_PEEK)
            if b"/headers" in peek:
                head, drip = b"HTTP/1.1 200 OK\r\n", b"X-Slow: aaaaaaaa\r\n"
            else:
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                drip = b"word "
            threading.Thread(target=_drip, args=(conn, head, drip, stop), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}"
    stop.set()
    srv.close()


@pytest.mark.network
@pytest.mark.parametrize("path", ["/headers", "/body"])
def test_a_dripping_server_cannot_outlast_the_fetch_deadline(dripping, path):
    settings = load_settings(environ={}, fetch_timeout=LIMIT, allow_private_addresses=True)
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(dripping + path, settings)
    assert time.monotonic() - t0 < LIMIT + 1.0
