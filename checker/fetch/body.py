"""How much of a response body is read, and how it is decompressed.

Bodies are streamed and decompressed here, layer by layer, each layer's output counted against
`fetch_max_bytes`, so a huge, endless or "gzip, gzip" bomb response stops at the limit instead of
filling memory.
"""
from __future__ import annotations

import zlib
from typing import Iterable, Iterator

import httpx

from checker.config import Settings
from checker.errors import FetchError
from checker.fetch.deadline import TOTAL_TIME_FACTOR, Deadline

# Content-Encoding layers checker decodes itself (so each is counted); anything else (br, zstd) is refused.
ACCEPT_ENCODING = "gzip, deflate"
MAX_ENCODING_LAYERS = 3
_DECODE_STEP = 64 * 1024


def check_declared_size(response: httpx.Response, url: str, settings: Settings) -> None:
    """Refuse a body whose Content-Length is over the limit before reading a byte of it."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.fetch_max_bytes:
        raise FetchError(_too_large(url, settings))


def content_encodings(response: httpx.Response, url: str) -> list[str]:
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


def read_limited(response: httpx.Response, url: str, settings: Settings, deadline: Deadline) -> bytes:
    """The body, decompressed layer by layer; the bytes on the wire and each layer's output count against
    the size limit as they stream, so a bomb stops at the limit instead of filling memory."""
    total = settings.fetch_timeout * TOTAL_TIME_FACTOR

    def timed(chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            if deadline.left() <= 0:
                raise FetchError(f"{url} took longer than {total:g} s to download")
            yield chunk

    stream: Iterator[bytes] = _limited(timed(_raw(response)), url, settings)
    for layer in reversed(content_encodings(response, url)):
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
