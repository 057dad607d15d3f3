"""Fetching a news page safely: the only place checker talks to the network.

A URL typed by a user must not become a way to probe the machine's own network,
so every hop (the first request and each redirect) is resolved and refused when
it points at a private, loopback, link-local or reserved address. Bodies are
streamed and cut off at `fetch_max_bytes`, so a huge or endless response costs
nothing. Main text comes from trafilatura, never from hand-written tag stripping.
"""
from __future__ import annotations

import codecs
import ipaddress
import json
import re
import socket
import time
from dataclasses import dataclass
from typing import Any

import charset_normalizer
import httpx
import lxml.etree
import lxml.html

from checker.config import Settings, get_settings
from checker.errors import FetchError
from checker.language import detect_language

MAX_REDIRECTS = 5
READABLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
USER_AGENT = "checker/0.1 (fact-check evidence fetcher)"
# A server that trickles bytes never trips the read timeout; this bounds the whole download.
TOTAL_TIME_FACTOR = 4
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
    """Download `url` (checking every hop) and extract its main text."""
    settings = settings or get_settings()
    own_client = client is None
    client = client or httpx.Client(headers={"User-Agent": USER_AGENT})
    try:
        final_url, content_type, body = _download(client, url.strip(), settings)
    finally:
        if own_client:
            client.close()
    return parse_page(body, content_type=content_type, url=url.strip(), final_url=final_url)


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
        if _is_private(address):
            raise FetchError(
                f"{url} points to {address}, a private or local network address; checker refuses those "
                "by default (set CHECKER_ALLOW_PRIVATE_URLS=1 to allow them)"
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


def _is_private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def _download(client: httpx.Client, url: str, settings: Settings) -> tuple[str, str, bytes]:
    """Follow at most MAX_REDIRECTS redirects by hand, so each hop is checked before it is requested."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        request_url, headers, extensions = _pinned(*_checked(current, settings))
        try:
            with client.stream("GET", request_url, headers=headers, extensions=extensions, follow_redirects=False,
                               timeout=httpx.Timeout(settings.fetch_timeout)) as response:
                if response.is_redirect and "location" in response.headers:
                    current = str(httpx.URL(current).join(response.headers["location"]))
                    continue
                content_type = _check_response(response, current, settings)
                return current, content_type, _read_limited(response, current, settings)
        except httpx.TimeoutException as error:
            raise FetchError(f"{current} did not answer within {settings.fetch_timeout:g} s") from error
        except httpx.RequestError as error:
            reason = f"{type(error).__name__}: {error or 'connection failed'}"
            raise FetchError(f"could not fetch {current} ({reason})") from error
    raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times; giving up")


def _check_response(response: httpx.Response, url: str, settings: Settings) -> str:
    if response.status_code >= 400:
        raise FetchError(f"{url} answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
    header = response.headers.get("content-type", "")
    mime = header.split(";")[0].strip().lower()
    if mime and mime not in READABLE_TYPES:
        raise FetchError(f"the URL returned {mime}, which checker cannot read (it reads HTML and plain text)")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.fetch_max_bytes:
        raise FetchError(_too_large(url, settings))
    return header


def _read_limited(response: httpx.Response, url: str, settings: Settings) -> bytes:
    deadline = time.monotonic() + settings.fetch_timeout * TOTAL_TIME_FACTOR
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.fetch_max_bytes:
            raise FetchError(_too_large(url, settings))
        if time.monotonic() > deadline:
            raise FetchError(f"{url} took longer than {settings.fetch_timeout * TOTAL_TIME_FACTOR:g} s to download")
        chunks.append(chunk)
    return b"".join(chunks)


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
