"""Polite, bounded URL fetching: one GET, checked addresses, a size cap and a deadline.

Policy (docs/ingest.md says the same):
- only http and https; at most ``MAX_REDIRECTS`` redirects, each hop checked again;
- the host is resolved once per hop and *every* address checked with ``ipaddress``:
  private, loopback, link-local, multicast, reserved, unspecified and other
  non-global addresses are refused (BlockedAddressError) unless
  ``settings.allow_private_addresses``; the connection then goes to the address that
  was checked, so a second DNS answer cannot slip past the check;
- ``settings.fetch_timeout`` is a wall-clock deadline for the whole fetch (DNS, connect,
  headers, body, every redirect): a watchdog shuts the socket down when it passes, whatever
  http.client did with it (with ``Connection: close`` it drops ``conn.sock`` and reads from
  the response's file), so a server dripping headers or body cannot outlast it;
- ``settings.max_bytes`` is enforced while reading, so a huge or endless body stops early;
- ``settings.user_agent`` is sent; the body is asked for uncompressed (identity).
Proxies from the environment are not used (the address check would not mean anything).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from ..config import Settings
from ..errors import BlockedAddressError, FetchError, TooLargeError
from .base import Source

MAX_REDIRECTS = 5
_CHUNK = 65536
_REDIRECTS = (301, 302, 303, 307, 308)


def fetch_url(url: str, settings: Settings) -> Source:
    """GET ``url`` under the fetch policy; a Source with the body, Content-Type and charset."""
    deadline = time.monotonic() + settings.fetch_timeout
    hops: list[str] = []
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        status, headers, body = _get(current, settings, deadline)
        if status in _REDIRECTS and headers.get("location"):
            hops.append(current)
            current = urljoin(current, headers["location"])
            continue
        if status >= 400:
            raise FetchError(f"HTTP {status} from {current}")
        return _source(url, current, status, headers, body, hops)
    raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")


def check_address(ip: str) -> str | None:
    """Why ``ip`` may not be fetched from (e.g. "loopback"), or None when it is public."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if addr.version == 6 and addr.ipv4_mapped is not None:   # ::ffff:127.0.0.1 is loopback
        addr = addr.ipv4_mapped
    # most specific first: Python counts loopback, link-local, reserved ... as "private" too
    for flag in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(addr, f"is_{flag}"):
            return flag.replace("_", "-")
    return None if addr.is_global else "not globally routable"


def resolve_checked(host: str, port: int, settings: Settings) -> str:
    """Resolve ``host``; every address must pass ``check_address``. Returns one to connect to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not settings.allow_private_addresses:
        for ip in addresses:
            why = check_address(ip)
            if why:
                raise BlockedAddressError(f"{host} resolves to {ip} ({why}); fetching it is not allowed")
    return addresses[0]


def _get(url: str, settings: Settings, deadline: float) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"bad port in {url[:200]!r}") from None
    address = _resolve_by(parts.hostname, port, settings, deadline, url)
    conn = _connection(parts.scheme, parts.hostname, port, address, _remaining(deadline, url))
    watchdog = _Watchdog(conn, deadline)
    try:
        conn.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
                     headers={"User-Agent": settings.user_agent, "Accept-Encoding": "identity",
                              "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                              "Connection": "close"})
        resp = conn.getresponse()
        headers = {k.lower(): v for k, v in resp.getheaders()}
        body = b"" if resp.status in _REDIRECTS else _read_capped(resp, conn, settings, deadline, url)
        if watchdog.fired:      # the socket was shut under a read: what came is not the whole body
            raise _timed_out(settings, url)
        return resp.status, headers, body
    except (socket.timeout, TimeoutError):
        raise _timed_out(settings, url) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if watchdog.fired:
            raise _timed_out(settings, url) from None
        raise FetchError(f"fetching {url} failed: {type(exc).__name__}: {exc}") from None
    finally:
        watchdog.cancel()
        conn.close()


def _timed_out(settings: Settings, url: str) -> FetchError:
    return FetchError(f"timed out after {settings.fetch_timeout:g} s fetching {url}",
                      hint="raise NEWSPRISM_FETCH_TIMEOUT, or save the page and ingest the file")


class _Watchdog:
    """At the deadline, shut down the connection's socket (the one ``connect`` opened, kept even
    after http.client lets go of it), so any read blocked on it returns at once."""

    def __init__(self, conn, deadline: float):
        self.conn, self.fired = conn, False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        sock = getattr(self.conn, "raw_sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


def _resolve_by(host: str, port: int, settings: Settings, deadline: float, url: str) -> str:
    """``resolve_checked`` within the deadline (a resolver that hangs must not outlast it)."""
    box: dict = {}

    def work() -> None:
        try:
            box["ok"] = resolve_checked(host, port, settings)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["err"] = exc

    t = threading.Thread(target=work, daemon=True, name="newsprism-resolve")
    t.start()
    t.join(_remaining(deadline, url))
    if "err" in box:
        raise box["err"]
    if "ok" not in box:
        raise _timed_out(settings, url)
    return box["ok"]


def _read_capped(resp, conn, settings: Settings, deadline: float, url: str) -> bytes:
    declared = resp.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise TooLargeError(f"{url} declares {int(declared):,} bytes, over the cap of {settings.max_bytes:,}")
    chunks, size = [], 0
    while True:
        sock = getattr(conn, "raw_sock", None) or conn.sock
        if sock is not None:   # each read waits at most until the deadline (the watchdog backs this up)
            sock.settimeout(_remaining(deadline, url))
        chunk = resp.read1(_CHUNK) if hasattr(resp, "read1") else resp.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > settings.max_bytes:
            raise TooLargeError(f"{url} sent more than the cap of {settings.max_bytes:,} bytes; stopped reading")
        chunks.append(chunk)


def _remaining(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise socket.timeout(f"deadline passed fetching {url}")
    return left


def _connection(scheme: str, host: str, port: int, address: str, timeout: float) -> http.client.HTTPConnection:
    cls = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    return cls(host, port, address=address, timeout=timeout)


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the address that was checked, whatever DNS says a moment later."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = self.raw_sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = self.raw_sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)   # cert checked for the name


def _source(url: str, final: str, status: int, headers: dict[str, str], body: bytes, hops: list[str]) -> Source:
    ctype = headers.get("content-type")
    charset = ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'") if ctype and "charset=" in ctype else None
    return Source(locator=url, data=body, content_type=ctype,
                  fetched={"final_url": final, "status": status, "headers": headers, "charset": charset,
                           "redirects": hops, "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})
