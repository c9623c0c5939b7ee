"""fetch_url against a local server on 127.0.0.1: address policy, redirects, size cap, timeout.

Every request goes to 127.0.0.1 only; blocked targets are refused before any connection.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.config import load_settings
from newsprism.errors import BlockedAddressError, FetchError, TooLargeError
from newsprism.ingest import fetch
from newsprism.ingest.fetch import check_address, fetch_url

RUSSIAN = "Северокорейские войска прибыли в Курскую область."
PAGE = f"<html><head><title>t</title></head><body><p>{RUSSIAN}</p></body></html>".encode("cp1251")


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args) -> None:     # keep test output quiet
        pass

    def do_GET(self) -> None:
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        route(self)


def _page(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=windows-1251")
    h.send_header("Content-Length", str(len(PAGE)))
    h.end_headers()
    h.wfile.write(PAGE)


def _redirect(target: str):
    def handler(h: Handler) -> None:
        h.send_response(302)
        h.send_header("Location", target.replace("PORT", str(h.server.server_port)))
        h.end_headers()
    return handler


def _endless(h: Handler) -> None:
    # no Content-Length: the cap must stop the read while streaming
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.end_headers()
    try:
        for _ in range(2000):                  # bounded: at most 128 MB if nobody stops reading
            h.wfile.write(b"x" * 65536)
    except OSError:
        pass


def _declared_huge(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Length", str(10**9))
    h.end_headers()


def _slow(h: Handler) -> None:
    time.sleep(1.5)
    try:
        _page(h)
    except OSError:
        pass


ROUTES = {"/page": _page, "/to-page": _redirect("http://127.0.0.1:PORT/page"),
          "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
          "/to-private": _redirect("http://10.0.0.1/admin"),
          "/loop": _redirect("/loop"), "/endless": _endless, "/huge": _declared_huge, "/slow": _slow}


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.block_on_close = False
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


def settings(**kw):
    return load_settings(environ={}, fetch_timeout=kw.pop("fetch_timeout", 5.0), **kw)


ALLOW = {"allow_private_addresses": True}


@pytest.mark.network
def test_loopback_is_blocked_by_default(server):
    with pytest.raises(BlockedAddressError, match="loopback"):
        fetch_url(server + "/page", settings())


@pytest.mark.network
def test_allowed_with_the_flag_and_passes_content_type(server):
    src = fetch_url(server + "/page", settings(**ALLOW))
    assert src.data == PAGE
    assert src.content_type == "text/html; charset=windows-1251"
    assert src.fetched["charset"] == "windows-1251" and src.fetched["status"] == 200
    assert Handler.seen_agents[-1] == settings().user_agent


@pytest.mark.network
def test_fetched_page_reads_with_its_http_charset(server):
    from newsprism.ingest import choose_reader
    src = fetch_url(server + "/to-page", settings(**ALLOW))
    rec = next(choose_reader(src).read(src, settings()))
    assert RUSSIAN in rec.html
    assert rec.meta["url"].value == server + "/page" and src.locator == server + "/to-page"


@pytest.mark.network
@pytest.mark.parametrize("route, address", [("/to-metadata", "169.254.169.254"), ("/to-private", "10.0.0.1")])
def test_redirect_to_a_blocked_address_is_refused(server, monkeypatch, route, address):
    # treat the test server itself as public, so the check that fires is the redirect hop's
    real = fetch.check_address
    monkeypatch.setattr(fetch, "check_address", lambda ip: None if ip == "127.0.0.1" else real(ip))
    with pytest.raises(BlockedAddressError, match=address):
        fetch_url(server + route, settings())


@pytest.mark.network
def test_redirect_loop_stops(server):
    with pytest.raises(FetchError, match="redirects"):
        fetch_url(server + "/loop", settings(**ALLOW))


@pytest.mark.network
def test_size_cap_is_enforced_while_streaming(server):
    t0 = time.perf_counter()
    with pytest.raises(TooLargeError, match="cap"):
        fetch_url(server + "/endless", settings(max_bytes=200_000, **ALLOW))
    assert time.perf_counter() - t0 < 3


@pytest.mark.network
def test_declared_length_over_the_cap_is_refused_before_reading(server):
    with pytest.raises(TooLargeError, match="declares"):
        fetch_url(server + "/huge", settings(max_bytes=1000, **ALLOW))


@pytest.mark.network
def test_timeout(server):
    t0 = time.perf_counter()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(server + "/slow", settings(fetch_timeout=0.3, **ALLOW))
    assert time.perf_counter() - t0 < 1.2


@pytest.mark.network
def test_http_error_status(server):
    with pytest.raises(FetchError, match="404"):
        fetch_url(server + "/missing", settings(**ALLOW))


@pytest.mark.parametrize("ip, why", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"),
    ("240.0.0.1", "reserved"), ("0.0.0.0", "unspecified"), ("::ffff:127.0.0.1", "loopback"),
    ("100.64.0.1", "not globally routable"), ("93.184.216.34", None), ("2606:4700::1111", None),
])
def test_check_address(ip, why):
    assert check_address(ip) == why


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url(url, settings(**ALLOW))
