"""Running feeds: fetch what is due, import what is new, log everything, and never stop on one bad feed.

One run of a feed: a conditional GET of the feed (a 304 ends it), parsing, the
items the feed has not given before (`feed_items`), each article page fetched
when the feed gives only headlines (sitemaps, or `fetch_articles = true`), one
import of the new documents (content hashes keep a re-sent text out), and one
`fetch_log` row with what came, what was new and what failed and why. A feed
that fails is retried at its next turn, later each time it fails again
(doubling, at most a day), and the loop goes on with the others.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

import sqlite_utils

from checker.errors import CheckerError
from checker.feeds.config import Feed, FeedsFile
from checker.feeds.http import FeedClient, FeedFetchError
from checker.feeds.parse import FeedItem, FeedParseError, parse_feed
from checker.fetch import READABLE_TYPES, parse_page
from checker.store import fetchlog
from checker.store.db import run_write
from checker.store.ingest import NewDocument, import_documents

MAX_BACKOFF = 86400.0
MAX_CHILD_SITEMAPS = 5
ARTICLE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5"


@dataclass(frozen=True)
class FeedRun:
    """What one run of one feed did (also written to fetch_log)."""

    feed: Feed
    status: str
    items: int = 0
    new: int = 0
    skipped: int = 0
    rejected: int = 0
    error: str | None = None
    http_status: int | None = None
    seconds: float = 0.0

    def summary(self) -> str:
        line = (f"{self.feed.name}: {self.status}, {self.items} items, {self.new} new, {self.skipped} already seen, "
                f"{self.rejected} rejected ({self.seconds:.1f} s)")
        return f"{line}\n  {self.error}" if self.error else line


def client_for(feeds: FeedsFile, **overrides: object) -> FeedClient:
    settings = feeds.settings
    return FeedClient(**{"host_delay": settings.host_delay, "retries": settings.retries,
                         "backoff": settings.backoff, **overrides})


def run_feed(db: sqlite_utils.Database, feed: Feed, client: FeedClient, *, max_items: int = 50) -> FeedRun:
    """Fetch, parse and import one feed; any failure is logged with its reason and returned, never raised."""
    started, stamp = time.monotonic(), fetchlog.now()
    state = fetchlog.feed_state(db, feed.url)
    http_status, attempts = None, 1
    try:
        response = client.get(feed.url, etag=state.etag, last_modified=state.last_modified)
        http_status, attempts = response.status, response.attempts
        state = replace(state, etag=response.etag or state.etag,
                        last_modified=response.last_modified or state.last_modified)
        if response.status == 304:
            run = FeedRun(feed, fetchlog.NOT_MODIFIED, http_status=304)
        else:
            run = _take(db, feed, client, response.body, response.content_type, max_items, http_status)
    except FeedFetchError as error:
        run = FeedRun(feed, fetchlog.ROBOTS if error.robots else fetchlog.FAILED, error=str(error),
                      http_status=error.status)
        attempts = error.attempts
    except FeedParseError as error:
        run = FeedRun(feed, fetchlog.FAILED, error=f"{feed.url}: {error}", http_status=http_status)
    except CheckerError as error:
        run = FeedRun(feed, fetchlog.FAILED, error=f"{feed.url}: {error}", http_status=http_status)
    run = replace(run, seconds=time.monotonic() - started)
    _record(db, feed, state, run, stamp, attempts)
    return run


def _take(db: sqlite_utils.Database, feed: Feed, client: FeedClient, body: bytes, content_type: str,
          max_items: int, http_status: int) -> FeedRun:
    parsed = parse_feed(body, content_type=content_type, kind=feed.kind, url=feed.url)
    items = list(parsed.items)
    problems: list[str] = []
    for child in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:  # a sitemap index: its first sitemaps, same run
        try:
            items.extend(parse_feed(client.get(child).body, kind="sitemap").items)
        except (FeedFetchError, FeedParseError) as error:
            problems.append(f"{child}: {error}")
    keys = list(dict.fromkeys(item.key for item in items))
    seen = fetchlog.seen_items(db, feed.url, keys)
    fresh = list({item.key: item for item in items if item.key not in seen}.values())[:max_items]
    documents: list[tuple[str, NewDocument | str]] = []
    taken: list[str] = []
    for item in fresh:
        document = _document(feed, item, client, problems)
        if document is not None:
            documents.append((item.url or item.key, document))
            taken.append(item.key)
    result = import_documents(db, f"feed {feed.name}", documents) if documents else None
    run_write(db, lambda: fetchlog.mark_seen(db, feed.url, taken))
    if result is not None:
        problems.extend(f"{where}: {reason}" for where, reason in result.problems)
    return FeedRun(feed, fetchlog.OK, items=len(keys), new=result.added if result else 0,
                   skipped=len(seen) + (result.skipped if result else 0),
                   rejected=len(problems), error="; ".join(problems[:10]) or None, http_status=http_status)


def _document(feed: Feed, item: FeedItem, client: FeedClient, problems: list[str]) -> NewDocument | str | None:
    """The item as a document, its refusal reason, or None when its page could not be had (tried again later)."""
    if isinstance(item.document, str):
        return item.document
    if isinstance(item.document, NewDocument):
        return replace(item.document, outlet=item.document.outlet or feed.outlet,
                       language=item.document.language or feed.language)
    text, title, published = item.text, item.title, item.published
    if (feed.fetch_articles or not text) and item.url:
        try:
            response = client.get(item.url, accept=ARTICLE_ACCEPT)
            mime = response.content_type.split(";")[0].strip().lower()
            if mime and mime not in READABLE_TYPES:
                return f"{item.url} is {mime}, which checker cannot read (it reads HTML and plain text)"
            page = parse_page(response.body, content_type=response.content_type, url=item.url,
                              final_url=response.final_url)
            text, title, published = page.text, title or page.title, published or page.published
        except CheckerError as error:
            problems.append(str(error) if item.url in str(error) else f"{item.url}: {error}")
            return None
    if not text:
        return f"{item.url or item.key}: the item has no text and no link"
    return NewDocument(text=text, url=item.url, title=title, outlet=feed.outlet, published=published,
                       language=item.language or feed.language, source_kind="feed")


def _record(db: sqlite_utils.Database, feed: Feed, state: fetchlog.FeedState, run: FeedRun, stamp: str,
            attempts: int) -> None:
    failed = run.status in (fetchlog.FAILED, fetchlog.ROBOTS)
    failures = state.failures + 1 if failed else 0
    wait = min(MAX_BACKOFF, feed.interval * 2 ** (failures - 1)) if failed else feed.interval
    due = (datetime.now(timezone.utc) + timedelta(seconds=wait)).isoformat(timespec="seconds")
    new_state = replace(state, last_run_at=stamp, last_status=run.status, last_error=run.error, next_due_at=due,
                        failures=failures)

    def write() -> None:
        fetchlog.log_fetch(db, fetchlog.FetchRecord(
            url=feed.url, feed_url=feed.url, status=run.status, started_at=stamp, seconds=run.seconds,
            http_status=run.http_status, attempts=attempts, items=run.items, new=run.new, skipped=run.skipped,
            rejected=run.rejected, error=run.error))
        fetchlog.save_feed_state(db, new_state, {**feed.describe(), "outlet": feed.outlet})

    run_write(db, write)


def due_feeds(db: sqlite_utils.Database, feeds: tuple[Feed, ...], at: datetime | None = None) -> list[Feed]:
    """Feeds never run, or whose next_due_at has passed."""
    at = at or datetime.now(timezone.utc)
    due = []
    for feed in feeds:
        next_due = fetchlog.feed_state(db, feed.url).next_due_at
        if next_due is None or datetime.fromisoformat(next_due) <= at:
            due.append(feed)
    return due


def watch(db: sqlite_utils.Database, feeds: FeedsFile, *, once: bool = False, client: FeedClient | None = None,
          sleep: Callable[[float], None] = time.sleep, stop: Callable[[], bool] = lambda: False) -> Iterator[FeedRun]:
    """Run every due feed, then wait for the next one; with `once`, run every feed once and return.

    An unexpected error in one feed is logged as its failure and the loop goes on.
    """
    client = client or client_for(feeds)
    while not stop():
        for feed in (feeds.feeds if once else due_feeds(db, feeds.feeds)):
            try:
                yield run_feed(db, feed, client, max_items=feeds.settings.max_items)
            except Exception as error:  # noqa: BLE001 - one feed's bug must not stop the others
                run = FeedRun(feed, fetchlog.FAILED, error=f"{feed.url}: unexpected {type(error).__name__}: {error}")
                _record(db, feed, fetchlog.feed_state(db, feed.url), run, fetchlog.now(), 1)
                yield run
        _sync_index(db)
        if once:
            return
        sleep(_seconds_to_next(db, feeds.feeds))


def _sync_index(db: sqlite_utils.Database) -> None:
    """Write what this round added to the ANN files (a no-op below the index threshold)."""
    from checker.config import get_settings
    from checker.index import sync

    sync(db, get_settings().embedding_model)


def _seconds_to_next(db: sqlite_utils.Database, feeds: tuple[Feed, ...]) -> float:
    now = datetime.now(timezone.utc)
    waits = [(datetime.fromisoformat(due) - now).total_seconds()
             for due in (fetchlog.feed_state(db, feed.url).next_due_at for feed in feeds) if due]
    return min(max(min(waits, default=60.0), 1.0), 60.0)
