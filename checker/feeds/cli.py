"""`python -m checker evidence watch FEEDS.toml [--once]`: the loop, printing one line per feed run."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from checker.feeds.config import load_feeds
from checker.feeds.watch import watch
from checker.store import fetchlog


def watch_command(db: sqlite_utils.Database, path: Path, *, once: bool, echo: Callable[[str], None]) -> int:
    """0 when every run went through (or was not modified); with --once, 1 if any feed failed."""
    feeds = load_feeds(path)
    failed = False
    for run in watch(db, feeds, once=once):
        echo(run.summary())
        failed |= run.status in (fetchlog.FAILED, fetchlog.ROBOTS)
    return 1 if failed else 0
