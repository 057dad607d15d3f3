"""The fetcher against hostile servers on 127.0.0.1: trickling, compression bombs, slow redirect chains.

Loopback is reached only through the explicit test setting (`allow_private_urls=True`); the production
refusal of every address in `REFUSED_NETWORKS` is checked row by row below.
"""
from __future__ import annotations

import dataclasses
import gzip
import http.server
import ipaddress
import time
import tracemalloc
import zlib
from typing import Iterator

import pytest

from checker.config import Settings, get_settings
from checker.errors import FetchError
from checker.fetch import REFUSED_NETWORKS, fetch_url, refusal
from local_server import serving

PAGE = b"<html><body><article><p>Rockets hit the embassy in Baghdad on Friday, an official said.</p></article></body></html>"


def _bomb(megabytes: int, layers: int) -> bytes:
    """`megabytes` MB of zeros gzipped `layers` times, built chunk by chunk (never held whole)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1024 * 1024)
    body = b"".join(compressor.compress(block) for _ in range(megabytes)) + compressor.flush()
    for _ in range(layers - 1):
        body = gzip.compress(body, 9)
    return body


BOMB_2X = _bomb(200, 2)  # 200 MB behind "gzip, gzip", a few hundred bytes on the wire
BOMB_DEFLATE = zlib.compress(b"\0" * (60 * 1024 * 1024), 9)  # built here: the server thread's memory is traced too


class Hostile(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        routes = {
            "/trickle-status": self._trickle_status, "/trickle-headers": self._trickle_headers,
            "/bomb": self._bomb, "/bomb-deflate": self._bomb_deflate, "/gzip-ok": self._gzip_ok,
            "/brotli": self._brotli, "/to-bomb": self._to_bomb, "/slow-hop": self._slow_hop,
        }
        try:
            routes.get(self.path.split("?")[0], self._gzip_ok)()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _trickle(self, data: bytes, pause: float = 0.1, seconds: float = 20) -> None:
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(pause)

    def _trickle_status(self) -> None:
        self._trickle(b"HTTP/1.1 200 OK")  # the status line never ends

    def _trickle_headers(self) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        self._trickle(b"X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n")  # header after header, never the blank line

    def _send(self, body: bytes, encoding: str | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _bomb(self) -> None:
        self._send(BOMB_2X, "gzip, gzip")

    def _bomb_deflate(self) -> None:
        self._send(BOMB_DEFLATE, "deflate")

    def _gzip_ok(self) -> None:
        self._send(gzip.compress(gzip.compress(PAGE)), "gzip, gzip")

    def _brotli(self) -> None:
        self._send(b"\x0b\x02\x80hello\x03", "br")

    def _to_bomb(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/bomb")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _slow_hop(self) -> None:
        time.sleep(0.45)  # each hop under the per-step timeout; the chain over the whole-exchange deadline
        self.send_response(302)
        self.send_header("Location", f"/slow-hop?{time.monotonic()}")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    with serving(Hostile) as url:
        yield url


def local(**changes: object) -> Settings:
    """The explicit test setting that lets the fetcher reach the server on loopback."""
    return dataclasses.replace(get_settings(), allow_private_urls=True, **changes)


@pytest.mark.parametrize("path", ["/trickle-status", "/trickle-headers"])
def test_a_trickled_status_line_or_header_block_meets_one_deadline(hostile: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 2 s in all"):
        fetch_url(hostile + path, settings=local(fetch_timeout=0.5))
    assert time.monotonic() - started < 3.5


def test_a_slow_redirect_chain_meets_the_same_deadline(hostile: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 2 s in all"):
        fetch_url(f"{hostile}/slow-hop", settings=local(fetch_timeout=0.5))
    assert time.monotonic() - started < 3.5


def _peak_mb(action: object) -> float:
    tracemalloc.start()
    try:
        action()  # type: ignore[operator]
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return peak


@pytest.mark.parametrize("path", ["/bomb", "/bomb-deflate", "/to-bomb"])
def test_a_compression_bomb_stops_at_the_size_limit_without_filling_memory(hostile: str, path: str) -> None:
    def fetch() -> None:
        with pytest.raises(FetchError, match=r"larger than 1\.0 MB"):
            fetch_url(hostile + path, settings=local(fetch_max_bytes=1024 * 1024))

    assert _peak_mb(fetch) < 24


def test_a_twice_gzipped_page_is_read(hostile: str) -> None:
    page = fetch_url(f"{hostile}/gzip-ok", settings=local())
    assert "Rockets hit the embassy in Baghdad" in page.text


def test_an_encoding_checker_cannot_decode_is_named(hostile: str) -> None:
    with pytest.raises(FetchError, match="compressed with br"):
        fetch_url(f"{hostile}/brotli", settings=local())


# One row per refused range: an address inside it, and the reason the user sees.
@pytest.mark.parametrize(("address", "reason"), [
    ("0.0.0.1", "this network"), ("10.1.2.3", "private"), ("100.64.0.1", "carrier-grade"), ("127.0.0.1", "loopback"),
    ("169.254.169.254", "metadata"), ("172.16.5.4", "private"), ("192.0.0.8", "IETF"), ("192.0.2.1", "documentation"),
    ("192.88.99.1", "6to4"), ("192.168.1.1", "private"), ("198.18.0.1", "benchmarking"),
    ("198.51.100.1", "documentation"), ("203.0.113.9", "documentation"), ("224.0.0.251", "multicast"),
    ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"), ("::", "unspecified"), ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("::127.0.0.1", "IPv4-compatible"),
    ("::8.8.8.8", "IPv4-compatible"), ("64:ff9b::7f00:1", "NAT64"), ("64:ff9b::808:808", "NAT64"),
    ("64:ff9b:1::1", "NAT64"), ("100::1", "discard"), ("2001::1", "Teredo"), ("2001:db8::1", "documentation"),
    ("2002:7f00:1::1", "6to4"), ("2002:808:808::1", "6to4"), ("fd00::1", "unique-local"), ("fe80::1", "link-local"),
    ("fec0::1", "site-local"), ("ff02::1", "multicast"),
])
def test_every_refused_range_names_its_reason(address: str, reason: str) -> None:
    assert reason in (refusal(ipaddress.ip_address(address)) or "")


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


def test_the_table_has_one_tested_row_per_range() -> None:
    """Adding a range to REFUSED_NETWORKS without a test row above fails here."""
    tested = [ipaddress.ip_address(a) for a in (
        "0.0.0.1 10.1.2.3 100.64.0.1 127.0.0.1 169.254.169.254 172.16.5.4 192.0.0.8 192.0.2.1 192.88.99.1 "
        "192.168.1.1 198.18.0.1 198.51.100.1 203.0.113.9 224.0.0.251 240.0.0.1 :: ::1 ::ffff:127.0.0.1 ::127.0.0.1 "
        "64:ff9b::7f00:1 64:ff9b:1::1 100::1 2001::1 2001:db8::1 2002:7f00:1::1 fd00::1 fe80::1 fec0::1 ff02::1"
    ).split()]
    for network, _ in REFUSED_NETWORKS:
        assert any(a.version == network.version and a in network for a in tested), network


@pytest.mark.parametrize("url", ["http://[::127.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::1]/",
                                 "http://[fec0::1]/"])
def test_ipv6_forms_of_private_hosts_are_refused_by_default(url: str) -> None:
    with pytest.raises(FetchError, match="private or local network address"):
        fetch_url(url, settings=dataclasses.replace(get_settings(), allow_private_urls=False))
