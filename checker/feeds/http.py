"""Polite, guarded HTTP for feeds: conditional GET, robots.txt, a per-host pace, retries with back-off.

Every request goes through checker.fetch's guard: each hop's address is
resolved, checked against its refused networks and pinned (no DNS rebinding),
one deadline covers the whole exchange, and the body is size-limited and
decompressed layer by layer there. What this module adds is what a crawler
owes the sites it visits and what a feed needs:

- `If-None-Match` / `If-Modified-Since` from the feed's last answer, so an
  unchanged feed costs a 304 and nothing is parsed;
- robots.txt, read once per site and process (RFC 9309: a missing file allows
  everything; a site whose robots.txt fails with 5xx or cannot be reached is
  treated as disallowing everything until it answers again);
- at most one request per `host_delay` seconds to any one host;
- retries of timeouts, refused connections, 429 and 5xx with exponential
  back-off (`Retry-After` honoured up to `MAX_RETRY_AFTER`); 4xx other than 429
  and refused addresses are final at once.
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from checker import fetch as guard
from checker.config import Settings, get_settings
from checker.errors import FetchError, FetchUnreachable

ROBOTS_AGENT = "checker"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
               "application/json;q=0.9, application/ld+json;q=0.9, text/html;q=0.5, */*;q=0.1")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0


class FeedFetchError(FetchError):
    """A fetch that failed for good; `status` is the last HTTP status, if any, `attempts` how many were made."""

    def __init__(self, message: str, *, status: int | None = None, attempts: int = 1, robots: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.attempts = attempts
        self.robots = robots


@dataclass(frozen=True)
class Response:
    """One answer: `status` 200 (with a body) or 304 (not modified, no body)."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    attempts: int


@dataclass
class FeedClient:
    """One per watch process: the robots.txt cache and the per-host clock live here."""

    settings: Settings = field(default_factory=get_settings)
    host_delay: float = 2.0
    retries: int = 2
    backoff: float = 2.0
    user_agent: str = guard.USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = FEED_ACCEPT) -> Response:
        """GET `url` politely; raises FeedFetchError with the reason when it cannot be had."""
        self._check_robots(url)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._get_once(url, headers)
            except FetchError as error:
                if attempt > self.retries or not _transient(error):
                    raise FeedFetchError(str(error), attempts=attempt) from error
                self.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            if response.status in (200, 203, 304):
                return Response(url, response.final_url, response.status, response.content_type, response.body,
                                response.etag, response.last_modified, attempt)
            reason = f"{response.final_url} answered HTTP {response.status}"
            if response.status not in RETRY_STATUS or attempt > self.retries:
                raise FeedFetchError(reason, status=response.status, attempts=attempt)
            self.sleep(min(MAX_RETRY_AFTER, max(response.retry_after or 0.0, self.backoff * 2 ** (attempt - 1))))

    # -- robots.txt -------------------------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._read_robots(origin)
            if not isinstance(rules, str):  # a site closed for now is asked again next time
                self._robots[origin] = rules
        if isinstance(rules, str):
            raise FeedFetchError(f"{url}: not fetched, {rules}", robots=True)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FeedFetchError(f"{url}: not fetched, {origin}/robots.txt disallows it", robots=True)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The parsed rules, or the reason everything on the site is off limits for now."""
        rules = urllib.robotparser.RobotFileParser()
        try:
            response = self._get_once(f"{origin}/robots.txt", {"Accept": "text/plain"})
        except FetchError as error:
            if not _transient(error):
                raise FeedFetchError(str(error)) from error  # a refused address is refused, robots or not
            return f"{origin}/robots.txt could not be read ({error}), so the site is treated as closed"
        if response.status >= 500:
            return f"{origin}/robots.txt answered HTTP {response.status}, so the site is treated as closed"
        if response.status >= 400:
            rules.parse([])  # no robots.txt: everything is allowed
            return rules
        rules.parse(guard.decode_body(response.body, response.content_type).splitlines())
        return rules

    def forget_robots(self) -> None:
        """Read every site's robots.txt again on the next request (the watch loop calls this daily)."""
        self._robots.clear()

    # -- one request ------------------------------------------------------------------------------------------

    def _pace(self, host: str) -> None:
        with self._lock:
            wait = self._last_request.get(host, -1e9) + self.host_delay - time.monotonic()
            self._last_request[host] = time.monotonic() + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)

    def _get_once(self, url: str, headers: dict[str, str]) -> _Raw:
        """One exchange through checker.fetch's guard, paced per host; only a 200/203 body is read."""
        def wanted(response: httpx.Response, current: str) -> bool:
            if response.status_code not in (200, 203):
                return False
            guard.check_declared_size(response, current, self.settings)
            return True

        page = guard.fetch_raw(url, settings=self.settings, headers=headers, user_agent=self.user_agent,
                               before_hop=lambda hop: self._pace(hop.host), read_body=wanted)
        return _Raw.of(page)


def _transient(error: FetchError) -> bool:
    return isinstance(error, FetchUnreachable)


@dataclass(frozen=True)
class _Raw:
    final_url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    retry_after: float | None

    @classmethod
    def of(cls, page: guard.RawResponse) -> _Raw:
        headers = page.headers
        retry = headers.get("retry-after", "")
        return cls(page.url, page.status, page.content_type, page.body, headers.get("etag"),
                   headers.get("last-modified"), float(retry) if retry.replace(".", "", 1).isdigit() else None)
