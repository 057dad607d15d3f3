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

The parts: `addresses` (which hosts may be reached), `deadline` (one time limit
over the exchange), `body` (how much of a body is read, and its decompression),
`exchange` (the guarded GET and its redirects), `page` and `charset` (bytes to
an article's text).
"""
from checker.fetch.addresses import REFUSED_NETWORKS, check_url_allowed, refusal
from checker.fetch.body import ACCEPT_ENCODING, MAX_ENCODING_LAYERS, check_declared_size
from checker.fetch.charset import decode_body
from checker.fetch.deadline import TOTAL_TIME_FACTOR
from checker.fetch.exchange import MAX_REDIRECTS, USER_AGENT, RawResponse, fetch_raw, fetch_url
from checker.fetch.page import HTML_TYPES, READABLE_TYPES, FetchedPage, extract_html, extract_json_ld, parse_page

__all__ = [
    "ACCEPT_ENCODING",
    "HTML_TYPES",
    "MAX_ENCODING_LAYERS",
    "MAX_REDIRECTS",
    "READABLE_TYPES",
    "REFUSED_NETWORKS",
    "TOTAL_TIME_FACTOR",
    "USER_AGENT",
    "FetchedPage",
    "RawResponse",
    "check_declared_size",
    "check_url_allowed",
    "decode_body",
    "extract_html",
    "extract_json_ld",
    "fetch_raw",
    "fetch_url",
    "parse_page",
    "refusal",
]
