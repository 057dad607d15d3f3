"""What the desk's Evidence page needs from the feeds: which file to run and a "fetch now".

The feeds file is the server's (CHECKER_FEEDS, else feeds/FEEDS.toml in the
project when present), never a path typed in the browser: a served desk must
not read arbitrary files of its host.
"""
from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from checker.config import PROJECT_ROOT
from checker.feeds.config import load_feeds
from checker.feeds.watch import FeedRun, watch

FEEDS_ENV = "CHECKER_FEEDS"


def feeds_file() -> Path | None:
    """The configured FEEDS.toml, or None when there is none."""
    configured = os.environ.get(FEEDS_ENV, "").strip()
    if configured:
        return Path(configured)
    default = PROJECT_ROOT / "feeds" / "FEEDS.toml"
    return default if default.is_file() else None


def fetch_now(db: sqlite_utils.Database, path: Path) -> list[FeedRun]:
    """Every feed of the file once, now (failures are in the runs and in fetch_log, never raised)."""
    return list(watch(db, load_feeds(path), once=True))
