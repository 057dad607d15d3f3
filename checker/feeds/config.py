"""FEEDS.toml: which feeds to watch, and how politely.

    [settings]                # all optional
    host_delay = 2            # seconds between two requests to one host
    retries = 2               # extra tries after a timeout, a refused connection, 429 or 5xx
    backoff = 2               # seconds before the first retry, doubled for each next one
    max_items = 50            # new items taken from one feed in one run (the newest first for sitemaps)

    [[feed]]
    name = "Reuters world news"
    url = "https://…/rss"
    kind = "rss"              # rss | atom | sitemap | claimreview | factcheck-api | auto (default)
    outlet = "reuters"        # registry id or any spelling; fact-check items name their own checker
    language = "en"           # when the feed does not say
    interval = "30m"          # seconds, or "90s" / "30m" / "6h" / "1d"
    fetch_articles = false    # fetch each item's page for its full text (default: true for sitemaps)
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.feeds.parse import KINDS

MIN_INTERVAL = 60.0  # no feed is polled more than once a minute, whatever the file says
DEFAULT_INTERVAL = 3600.0
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Feed:
    name: str
    url: str
    kind: str = "auto"
    outlet: str | None = None
    language: str | None = None
    interval: float = DEFAULT_INTERVAL
    fetch_articles: bool = False

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "outlet": self.outlet, "language": self.language,
                "interval": self.interval}


@dataclass(frozen=True)
class WatchSettings:
    host_delay: float = 2.0
    retries: int = 2
    backoff: float = 2.0
    max_items: int = 50


@dataclass(frozen=True)
class FeedsFile:
    feeds: tuple[Feed, ...]
    settings: WatchSettings


def load_feeds(path: Path) -> FeedsFile:
    """Read and check FEEDS.toml; every mistake names the feed and the field."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no such feeds file: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: {error}") from None
    raw_settings = data.get("settings", {})
    settings = WatchSettings(
        host_delay=_number(raw_settings, "host_delay", 2.0, "settings", minimum=0.0),
        retries=int(_number(raw_settings, "retries", 2, "settings", minimum=0)),
        backoff=_number(raw_settings, "backoff", 2.0, "settings", minimum=0.0),
        max_items=int(_number(raw_settings, "max_items", 50, "settings", minimum=1)),
    )
    raw_feeds = data.get("feed", [])
    if not isinstance(raw_feeds, list) or not raw_feeds:
        raise InputError(f"{path}: no [[feed]] entries")
    feeds = [_feed(number, raw) for number, raw in enumerate(raw_feeds, start=1)]
    urls = [feed.url for feed in feeds]
    duplicated = sorted({url for url in urls if urls.count(url) > 1})
    if duplicated:
        raise InputError(f"{path}: the same feed URL is listed twice: {duplicated[0]}")
    return FeedsFile(tuple(feeds), settings)


def _feed(number: int, raw: Any) -> Feed:
    if not isinstance(raw, dict):
        raise InputError(f"feed number {number} is not a table")
    url = raw.get("url")
    if not isinstance(url, str) or not re.match(r"^https?://\S+$", url.strip()):
        raise InputError(f"feed number {number}: url must be an http(s) address (got {url!r})")
    where = f"feed {raw.get('name') or url}"
    kind = raw.get("kind", "auto")
    if kind not in KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    for key in ("name", "outlet", "language"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise InputError(f"{where}: {key} must be a string")
    fetch_articles = raw.get("fetch_articles", kind == "sitemap")
    if not isinstance(fetch_articles, bool):
        raise InputError(f"{where}: fetch_articles must be true or false")
    return Feed(name=raw.get("name") or url.strip(), url=url.strip(), kind=kind, outlet=raw.get("outlet") or None,
                language=(raw.get("language") or "").lower() or None,
                interval=max(MIN_INTERVAL, parse_interval(raw.get("interval", DEFAULT_INTERVAL), where)),
                fetch_articles=fetch_articles)


def parse_interval(value: Any, where: str = "interval") -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    match = _INTERVAL.match(value) if isinstance(value, str) else None
    if not match or float(match.group(1)) <= 0:
        raise InputError(f"{where}: interval {value!r} is not a duration (seconds, or like '30m', '6h', '1d')")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _number(table: dict[str, Any], key: str, default: float, where: str, *, minimum: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise InputError(f"{where}: {key} must be a number of at least {minimum:g} (got {value!r})")
    return float(value)
