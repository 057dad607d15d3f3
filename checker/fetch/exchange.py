"""The guarded GET: which hops are followed, when the exchange gives up, and which answers are read.

Redirects are followed by hand so each hop is checked (checker.fetch.addresses) before it is
requested, all under one deadline (checker.fetch.deadline); timeouts and failed connections raise
FetchUnreachable, worth another try later, everything else FetchError.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import httpx

from checker.config import Settings, get_settings
from checker.errors import FetchError, FetchUnreachable
from checker.fetch.addresses import checked, pinned
from checker.fetch.body import ACCEPT_ENCODING, check_declared_size, content_encodings, read_limited
from checker.fetch.deadline import TOTAL_TIME_FACTOR, Deadline, DeadlineTransport
from checker.fetch.page import READABLE_TYPES, FetchedPage, parse_page

MAX_REDIRECTS = 5
USER_AGENT = "checker/0.1 (fact-check evidence fetcher)"


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
    deadline = Deadline(time.monotonic() + settings.fetch_timeout * TOTAL_TIME_FACTOR)
    own_client = client is None
    client = client or httpx.Client(headers={"User-Agent": user_agent}, transport=DeadlineTransport(deadline))
    try:
        return _exchange(client, url.strip(), settings, deadline, headers or {}, before_hop, read_body)
    finally:
        if own_client:
            client.close()


def _exchange(client: httpx.Client, url: str, settings: Settings, deadline: Deadline, headers: dict[str, str],
              before_hop: Callable[[httpx.URL], None],
              read_body: Callable[[httpx.Response, str], bool]) -> RawResponse:
    """Follow at most MAX_REDIRECTS redirects by hand, so each hop is checked before it is requested."""
    current = url
    total = settings.fetch_timeout * TOTAL_TIME_FACTOR
    for _ in range(MAX_REDIRECTS + 1):
        request_url, host_headers, extensions = pinned(*checked(current, settings))
        before_hop(httpx.URL(current))
        step = min(settings.fetch_timeout, max(deadline.left(), 0.001))
        try:
            with client.stream("GET", request_url, extensions=extensions, follow_redirects=False,
                               headers={**headers, **host_headers, "Accept-Encoding": ACCEPT_ENCODING},
                               timeout=httpx.Timeout(step)) as response:
                if response.is_redirect and "location" in response.headers:
                    current = str(httpx.URL(current).join(response.headers["location"]))
                    continue
                body = read_limited(response, current, settings, deadline) if read_body(response, current) else b""
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
    content_encodings(response, url)
