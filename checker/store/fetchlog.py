"""The feeds' memory in claims.db: each feed's conditional-GET state, every fetch tried, every item seen.

Three tables (schema version 2, see `create_tables`):

- `feed_state`: one row per feed URL: its ETag / Last-Modified for the next
  conditional GET, when it last ran, how that went, and when it is next due.
- `fetch_log`: one row per fetch tried (a feed or an article it points to):
  what came (items), what was new, what was skipped or rejected, and for a
  failure the reason, so the Evidence page can say why a feed is quiet.
- `feed_items`: the key (guid, else link) of every item already taken from a
  feed, so an item a feed repeats is never fetched or imported twice even when
  its text changed a little (the content hash catches identical texts).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

# Outcomes of one fetch, as stored in fetch_log.status.
OK = "ok"
NOT_MODIFIED = "not_modified"
FAILED = "failed"
ROBOTS = "robots"


def create_tables(db: sqlite_utils.Database) -> None:
    """Part of migration 2 (checker.store.db): never change these statements, add a later migration instead."""
    db.execute("""
        CREATE TABLE feed_state (
            url TEXT PRIMARY KEY, name TEXT, kind TEXT, outlet_id TEXT, language TEXT, interval_s REAL,
            etag TEXT, last_modified TEXT, last_run_at TEXT, last_status TEXT, last_error TEXT,
            next_due_at TEXT, failures INTEGER NOT NULL DEFAULT 0)""")
    db.execute("""
        CREATE TABLE fetch_log (
            id INTEGER PRIMARY KEY, feed_url TEXT, url TEXT NOT NULL, started_at TEXT NOT NULL, seconds REAL,
            status TEXT NOT NULL, http_status INTEGER, attempts INTEGER, items INTEGER NOT NULL DEFAULT 0,
            new INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0, error TEXT, import_id INTEGER)""")
    db.execute("CREATE INDEX fetch_log_feed ON fetch_log (feed_url, id)")
    db.execute("""
        CREATE TABLE feed_items (
            feed_url TEXT NOT NULL, item_key TEXT NOT NULL, document_id INTEGER, seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, item_key)) WITHOUT ROWID""")


@dataclass(frozen=True)
class FeedState:
    """What the last run of a feed left for the next one."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_run_at: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    next_due_at: str | None = None
    failures: int = 0


@dataclass(frozen=True)
class FetchRecord:
    """One row of fetch_log, as written."""

    url: str
    status: str
    feed_url: str | None = None
    started_at: str = ""
    seconds: float = 0.0
    http_status: int | None = None
    attempts: int = 1
    items: int = 0
    new: int = 0
    skipped: int = 0
    rejected: int = 0
    error: str | None = None
    import_id: int | None = None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def feed_state(db: sqlite_utils.Database, url: str) -> FeedState:
    row = db.execute("SELECT url, etag, last_modified, last_run_at, last_status, last_error, next_due_at, failures "
                     "FROM feed_state WHERE url = ?", [url]).fetchone()
    return FeedState(*row) if row else FeedState(url)


def save_feed_state(db: sqlite_utils.Database, state: FeedState, feed: dict[str, Any]) -> None:
    """Upsert the state and the feed's description (name, kind, outlet, language, interval) for the desk."""
    db.execute(
        "INSERT INTO feed_state (url, name, kind, outlet_id, language, interval_s, etag, last_modified, last_run_at, "
        "last_status, last_error, next_due_at, failures) VALUES (:url, :name, :kind, :outlet, :language, :interval, "
        ":etag, :last_modified, :last_run_at, :last_status, :last_error, :next_due_at, :failures) "
        "ON CONFLICT(url) DO UPDATE SET name = excluded.name, kind = excluded.kind, outlet_id = excluded.outlet_id, "
        "language = excluded.language, interval_s = excluded.interval_s, etag = excluded.etag, "
        "last_modified = excluded.last_modified, last_run_at = excluded.last_run_at, "
        "last_status = excluded.last_status, last_error = excluded.last_error, next_due_at = excluded.next_due_at, "
        "failures = excluded.failures",
        {"url": state.url, "name": feed.get("name"), "kind": feed.get("kind"), "outlet": feed.get("outlet"),
         "language": feed.get("language"), "interval": feed.get("interval"), "etag": state.etag,
         "last_modified": state.last_modified, "last_run_at": state.last_run_at, "last_status": state.last_status,
         "last_error": state.last_error, "next_due_at": state.next_due_at, "failures": state.failures})


def log_fetch(db: sqlite_utils.Database, record: FetchRecord) -> int:
    return db.execute(
        "INSERT INTO fetch_log (feed_url, url, started_at, seconds, status, http_status, attempts, items, new, "
        "skipped, rejected, error, import_id) VALUES (:feed_url, :url, :started_at, :seconds, :status, "
        ":http_status, :attempts, :items, :new, :skipped, :rejected, :error, :import_id)",
        {**record.__dict__, "started_at": record.started_at or now(), "seconds": round(record.seconds, 3)},
    ).lastrowid


def seen_items(db: sqlite_utils.Database, feed_url: str, keys: list[str]) -> set[str]:
    """The keys among `keys` this feed already gave."""
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        part = keys[start:start + 500]
        marks = ", ".join("?" for _ in part)
        found.update(row[0] for row in db.execute(
            f"SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN ({marks})", [feed_url, *part]))
    return found


def mark_seen(db: sqlite_utils.Database, feed_url: str, keys: list[str]) -> None:
    stamp = now()
    db.conn.executemany("INSERT OR IGNORE INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?)",
                   [(feed_url, key, stamp) for key in keys])


def recent_fetches(db: sqlite_utils.Database, *, feed_url: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """The latest fetch_log rows, newest first (the Evidence page's feed history)."""
    where, params = ("WHERE feed_url = ?", [feed_url]) if feed_url else ("", [])
    cursor = db.execute(f"SELECT * FROM fetch_log {where} ORDER BY id DESC LIMIT ?", [*params, limit])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def feed_overview(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every feed that has run: its description, last run, last status and error, and how much it brought."""
    cursor = db.execute(
        "SELECT s.url, s.name, s.kind, s.outlet_id, s.language, s.interval_s, s.last_run_at, s.last_status, "
        "s.last_error, s.next_due_at, s.failures, "
        "(SELECT coalesce(sum(new), 0) FROM fetch_log l WHERE l.feed_url = s.url) AS documents "
        "FROM feed_state s ORDER BY s.name, s.url")
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
