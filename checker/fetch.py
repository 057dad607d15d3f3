"""Fetching a news page safely: the only place checker talks to the network.

A URL typed by a user must not become a way to probe the machine's own network,
so every hop (the first request and each redirect) is resolved and refused when
it points at an address in `REFUSED_NETWORKS` (private, loopback, link-local,
reserved, and the IPv6 forms that embed such an IPv4 address). One deadline
covers the whole exchange (connecting, the status line, the headers, every
redirect and the body), so a server that trickles bytes cannot hold a desk
session. Bodies are streamed and decompressed here, layer by layer, each layer's
output counted against `fetch_max_bytes`, so a huge, endless or "gzip, gzip" bomb
response costs nothing. Main text comes from trafilatura.
"""
from __future__ import annotations

import codecs
import ipaddress
import json
import re
import socket
import time
import zlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

import charset_normalizer
import httpcore
import httpx
import lxml.etree
import lxml.html

from checker.config import Settings, get_settings
from checker.errors import FetchError, FetchUnreachable
from checker.language import detect_language

MAX_REDIRECTS = 5
READABLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
USER_AGENT = "checker/0.1 (fact-check evidence fetcher)"
# A server that trickles bytes never trips the read timeout: the whole exchange, redirects included, gets
# TOTAL_TIME_FACTOR times the per-step timeout, and not a moment more.
TOTAL_TIME_FACTOR = 4
# Content-Encoding layers checker decodes itself (so each is counted); anything else (br, zstd) is refused.
ACCEPT_ENCODING = "gzip, deflate"
MAX_ENCODING_LAYERS = 3
_DECODE_STEP = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class FetchedPage:
    """A page's main text and what is known about it; `final_url` is after redirects.

    `json_ld` holds the page's parsed <script type="application/ld+json"> blocks: a fact-check
    article carries its ClaimReview there.
    """

    url: str
    final_url: str
    title: str | None
    text: str
    published: str | None
    language: str
    content_type: str
    json_ld: tuple[Any, ...] = ()


def fetch_url(url: str, *, settings: Settings | None = None, client: httpx.Client | None = None) -> FetchedPage:
    """Download `url` (checking every hop) within one deadline and extract its main text."""
    settings = settings or get_settings()
    def readable(response: httpx.Response, current: str) -> bool:
        _check_response(response, current, settings)
        return True

    page = fetch_raw(url, settings=settings, client=client, read_body=readable)
    return parse_page(page.body, content_type=page.content_type, url=url.strip(), final_url=page.url)


@dataclass(frozen=True)
class RawResponse:
    """The last answer of a guarded exchange; `body` is empty when `read_body` declined it (a 304, a 5xx)."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


def fetch_raw(url: str, *, settings: Settings | None = None, client: httpx.Client | None = None,
              headers: dict[str, str] | None = None, user_agent: str = USER_AGENT,
              before_hop: Callable[[httpx.URL], None] = lambda url: None,
              read_body: Callable[[httpx.Response, str], bool] = lambda response, url: True) -> RawResponse:
    """One GET under the guard: every redirect hop resolved, checked against the refused networks and pinned, one
    deadline over the whole exchange, the body size-limited and decompressed layer by layer.

    `before_hop` runs before each request (a crawler's per-host pace); `read_body` sees the final response and
    says whether its body is wanted (it may raise FetchError to refuse it). Timeouts and failed connections raise
    FetchUnreachable, worth another try later; everything else FetchError.
    """
    settings = settings or get_settings()
    deadline = _Deadline(time.monotonic() + settings.fetch_timeout * TOTAL_TIME_FACTOR)
    own_client = client is None
    client = client or httpx.Client(headers={"User-Agent": user_agent}, transport=_DeadlineTransport(deadline))
    try:
        return _exchange(client, url.strip(), settings, deadline, headers or {}, before_hop, read_body)
    finally:
        if own_client:
            client.close()


@dataclass(frozen=True)
class _Deadline:
    """The monotonic time by which the whole exchange must be over."""

    at: float

    def left(self) -> float:
        return self.at - time.monotonic()


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write waits no longer than the time left, so trickling cannot stretch it."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def _timeout(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._deadline.left()
        if left <= 0:
            raise error("the deadline for the whole exchange has passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._timeout(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._timeout(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._timeout(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: _Deadline) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        left = self._deadline.left()
        if left <= 0:
            raise httpcore.ConnectTimeout("the deadline for the whole exchange has passed")
        timeout = left if timeout is None else min(timeout, left)
        stream = self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("checker fetches http(s) URLs only")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over sockets that keep `deadline`; no proxy from the environment (the address checked is
    the address connected to)."""

    def __init__(self, deadline: _Deadline) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=_DeadlineBackend(deadline))


def check_url_allowed(url: str, settings: Settings | None = None) -> httpx.URL:
    """Refuse non-http(s) schemes and, unless allowed, hosts on private networks."""
    return _checked(url, settings or get_settings())[0]


def _checked(url: str, settings: Settings) -> tuple[httpx.URL, str | None]:
    """The parsed URL and the vetted address to connect to (None when private addresses are allowed)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise FetchError(f"{url!r} is not a valid URL ({error})") from error
    if parsed.scheme not in {"http", "https"}:
        scheme = f"{parsed.scheme}:" if parsed.scheme else "a URL without a scheme"
        raise FetchError(f"only http:// and https:// URLs can be fetched, not {scheme} ({url})")
    if not parsed.host:
        raise FetchError(f"{url} has no host name")
    if settings.allow_private_urls:
        return parsed, None
    addresses = _resolve(parsed.raw_host.decode("ascii"), parsed.port or (443 if parsed.scheme == "https" else 80))
    for address in addresses:
        reason = refusal(address)
        if reason:
            raise FetchError(
                f"{url} points to {address}, a private or local network address ({reason}); checker refuses "
                "those by default (set CHECKER_ALLOW_PRIVATE_URLS=1 to allow them)"
            )
    return parsed, str(addresses[0])


def _pinned(parsed: httpx.URL, address: str | None) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
    """Connect to the address that was checked, not to a second DNS answer (DNS rebinding).

    The Host header and TLS SNI keep the name, so virtual hosting and certificates still work.
    """
    name = parsed.raw_host.decode("ascii")
    if address is None or address == name.strip("[]"):
        return parsed, {}, {}
    return parsed.copy_with(host=address), {"Host": parsed.netloc.decode("ascii")}, {"sni_hostname": name}


def _resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address the name resolves to, in the system's order of preference."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"could not find the host {host} (is the address right, and is the network up?)") from error
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))


def _net(cidr: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    return ipaddress.ip_network(cidr)


# Every range a fetched URL may not point to, with the reason shown to the user. Python's `is_global` is the
# safety net underneath (`refusal`), but it calls several IPv6 forms global that reach IPv4 hosts behind them.
REFUSED_NETWORKS: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = (
    (_net("0.0.0.0/8"), "'this network'"),
    (_net("10.0.0.0/8"), "private network"),
    (_net("100.64.0.0/10"), "carrier-grade NAT"),
    (_net("127.0.0.0/8"), "loopback"),
    (_net("169.254.0.0/16"), "link-local (cloud metadata)"),
    (_net("172.16.0.0/12"), "private network"),
    (_net("192.0.0.0/24"), "IETF protocol assignments"),
    (_net("192.0.2.0/24"), "documentation"),
    (_net("192.88.99.0/24"), "6to4 relay anycast"),
    (_net("192.168.0.0/16"), "private network"),
    (_net("198.18.0.0/15"), "benchmarking"),
    (_net("198.51.100.0/24"), "documentation"),
    (_net("203.0.113.0/24"), "documentation"),
    (_net("224.0.0.0/4"), "multicast"),
    (_net("240.0.0.0/4"), "reserved"),
    (_net("::/128"), "unspecified"),
    (_net("::1/128"), "loopback"),
    (_net("::ffff:0:0/96"), "IPv4-mapped"),  # checked through the IPv4 address inside, see `refusal`
    (_net("::/96"), "IPv4-compatible (deprecated)"),
    (_net("64:ff9b::/96"), "NAT64 (reaches an IPv4 host)"),
    (_net("64:ff9b:1::/48"), "local-use NAT64"),
    (_net("100::/64"), "discard-only"),
    (_net("2001::/23"), "IETF protocol assignments (Teredo)"),
    (_net("2001:db8::/32"), "documentation"),
    (_net("2002::/16"), "6to4 (reaches an IPv4 host)"),
    (_net("fc00::/7"), "unique-local (private network)"),
    (_net("fe80::/10"), "link-local"),
    (_net("fec0::/10"), "site-local (deprecated private network)"),
    (_net("ff00::/8"), "multicast"),
)


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why `address` may not be fetched, or None for a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for network, reason in REFUSED_NETWORKS:
        if address.version == network.version and address in network:
            return reason
    if not address.is_global or address.is_multicast:
        return "not a public address"
    return None


def _is_private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return refusal(address) is not None


def _exchange(client: httpx.Client, url: str, settings: Settings, deadline: _Deadline, headers: dict[str, str],
              before_hop: Callable[[httpx.URL], None],
              read_body: Callable[[httpx.Response, str], bool]) -> RawResponse:
    """Follow at most MAX_REDIRECTS redirects by hand, so each hop is checked before it is requested."""
    current = url
    total = settings.fetch_timeout * TOTAL_TIME_FACTOR
    for _ in range(MAX_REDIRECTS + 1):
        request_url, host_headers, extensions = _pinned(*_checked(current, settings))
        before_hop(httpx.URL(current))
        step = min(settings.fetch_timeout, max(deadline.left(), 0.001))
        try:
            with client.stream("GET", request_url, extensions=extensions, follow_redirects=False,
                               headers={**headers, **host_headers, "Accept-Encoding": ACCEPT_ENCODING},
                               timeout=httpx.Timeout(step)) as response:
                if response.is_redirect and "location" in response.headers:
                    current = str(httpx.URL(current).join(response.headers["location"]))
                    continue
                body = _read_limited(response, current, settings, deadline) if read_body(response, current) else b""
                return RawResponse(current, response.status_code, response.headers, body)
        except httpx.TimeoutException as error:
            if deadline.left() <= 0:
                raise FetchUnreachable(f"{current} took longer than {total:g} s in all (a server sending its answer "
                                       "very slowly?); giving up") from error
            raise FetchUnreachable(f"{current} did not answer within {settings.fetch_timeout:g} s") from error
        except httpx.RequestError as error:
            reason = f"{type(error).__name__}: {error or 'connection failed'}"
            raise FetchUnreachable(f"could not fetch {current} ({reason})") from error
    raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times; giving up")


def _check_response(response: httpx.Response, url: str, settings: Settings) -> None:
    """An article page must be readable: no error status, a type checker reads, a declared size within limits."""
    if response.status_code >= 400:
        raise FetchError(f"{url} answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
    header = response.headers.get("content-type", "")
    mime = header.split(";")[0].strip().lower()
    if mime and mime not in READABLE_TYPES:
        raise FetchError(f"the URL returned {mime}, which checker cannot read (it reads HTML and plain text)")
    check_declared_size(response, url, settings)
    _encodings(response, url)


def check_declared_size(response: httpx.Response, url: str, settings: Settings) -> None:
    """Refuse a body whose Content-Length is over the limit before reading a byte of it."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.fetch_max_bytes:
        raise FetchError(_too_large(url, settings))


def _encodings(response: httpx.Response, url: str) -> list[str]:
    """The Content-Encoding layers in the order they were applied; an unknown or absurd stack is refused."""
    layers = [part.strip().lower() for part in response.headers.get("content-encoding", "").split(",")]
    layers = [layer for layer in layers if layer and layer != "identity"]
    unknown = [layer for layer in layers if layer not in {"gzip", "x-gzip", "deflate"}]
    if unknown:
        raise FetchError(f"{url} is compressed with {unknown[0]}, which checker cannot read")
    if len(layers) > MAX_ENCODING_LAYERS:
        raise FetchError(f"{url} is compressed {len(layers)} times over; checker refuses more than "
                         f"{MAX_ENCODING_LAYERS} layers")
    return layers


def _read_limited(response: httpx.Response, url: str, settings: Settings, deadline: _Deadline) -> bytes:
    """The body, decompressed layer by layer; the bytes on the wire and each layer's output count against
    the size limit as they stream, so a bomb stops at the limit instead of filling memory."""
    total = settings.fetch_timeout * TOTAL_TIME_FACTOR

    def timed(chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            if deadline.left() <= 0:
                raise FetchError(f"{url} took longer than {total:g} s to download")
            yield chunk

    stream: Iterator[bytes] = _limited(timed(_raw(response)), url, settings)
    for layer in reversed(_encodings(response, url)):
        stream = _limited(_inflate(stream, layer, url), url, settings)
    return b"".join(stream)


def _raw(response: httpx.Response) -> Iterator[bytes]:
    """The bytes as sent (still compressed); a response built in memory (a test's MockTransport) is already read."""
    try:
        yield from response.iter_raw()
    except httpx.StreamConsumed:
        yield response.content


def _limited(chunks: Iterable[bytes], url: str, settings: Settings) -> Iterator[bytes]:
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > settings.fetch_max_bytes:
            raise FetchError(_too_large(url, settings))
        yield chunk


def _inflate(chunks: Iterable[bytes], encoding: str, url: str) -> Iterator[bytes]:
    """One gzip or deflate layer, at most _DECODE_STEP bytes out per step (zlib's max_length), so the caller's
    count runs before the next step is produced. Concatenated gzip members are read one after another."""
    gzip = encoding in {"gzip", "x-gzip"}
    decoder = None
    finished = False
    try:
        for chunk in chunks:
            data = b"" if finished else chunk
            while data:
                if decoder is None:
                    # deflate is meant to be zlib-wrapped (0x78 first), but some servers send it raw
                    wbits = 16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS if data[:1] == b"\x78" else -zlib.MAX_WBITS
                    decoder = zlib.decompressobj(wbits)
                out = decoder.decompress(data, _DECODE_STEP)
                if out:
                    yield out
                data = decoder.unconsumed_tail
                if decoder.eof:
                    data = decoder.unused_data
                    decoder = None
                    if not (gzip and data.startswith(b"\x1f\x8b")):
                        finished, data = True, b""  # trailing padding after the stream is ignored
        if decoder is not None:
            tail = decoder.flush()
            if tail:
                yield tail
    except zlib.error as error:
        raise FetchError(f"{url} sent a damaged {encoding} body ({error})") from error


def _too_large(url: str, settings: Settings) -> str:
    limit_mb = settings.fetch_max_bytes / (1024 * 1024)
    return (f"{url} is larger than {limit_mb:.1f} MB, checker's limit for one page "
            "(CHECKER_FETCH_MAX_BYTES raises it)")


def parse_page(body: bytes, *, content_type: str, url: str, final_url: str | None = None) -> FetchedPage:
    """Bytes of an HTML or text page -> its main text; shared by fetching and importing .html files."""
    mime = content_type.split(";")[0].strip().lower() or _sniff_type(body)
    text = decode_body(body, content_type)
    json_ld: tuple[Any, ...] = ()
    if mime in HTML_TYPES:
        title, main_text, published = extract_html(text, final_url or url)
        json_ld = extract_json_ld(text)
    else:
        title, main_text, published = None, text.strip(), None
    if not main_text:
        raise FetchError(f"no readable article text found in {url}")
    return FetchedPage(
        url=url, final_url=final_url or url, title=title, text=main_text, published=published,
        language=detect_language(main_text), content_type=mime, json_ld=json_ld,
    )


def extract_json_ld(html: str) -> tuple[Any, ...]:
    """Every well-formed JSON-LD block of the page; a broken block is skipped, as browsers and search engines do."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ()
    blocks = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                blocks.append(json.loads(script.text))
            except json.JSONDecodeError:
                continue
    return tuple(blocks)


def _sniff_type(body: bytes) -> str:
    head = body[:512].lstrip().lower()
    return "text/html" if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")) else "text/plain"


def decode_body(body: bytes, content_type: str = "") -> str:
    """Charset from a BOM, the header, a <meta> tag, then detection: Arabic pages are often windows-1256."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    for label in (_header_charset(content_type), _meta_charset(body)):
        decoded = _try_decode(body, label)
        if decoded is not None:
            return decoded
    matches = charset_normalizer.from_bytes(body)
    best = matches.best()
    if best is None:
        return body.decode("utf-8", errors="replace")
    # A short Arabic text fits Cyrillic code pages as well; a tie goes to windows-1256, Arabic news sites' legacy.
    arabic = next((m for m in matches if m.encoding == "cp1256" and m.chaos <= best.chaos), None)
    return str(arabic or best)


def _header_charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _try_decode(body: bytes, label: str | None) -> str | None:
    if not label:
        return None
    try:
        return body.decode(codecs.lookup(label).name)
    except (LookupError, UnicodeDecodeError):
        return None


def extract_html(html: str, url: str | None = None) -> tuple[str | None, str, str | None]:
    """(title, main text, published YYYY-MM-DD) of an HTML page, boilerplate left out."""
    import trafilatura  # imported here: it is slow to load and most commands never read HTML

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False,
    )
    if document is None:
        return None, "", None
    return document.title or None, (document.text or "").strip(), document.date or None
