"""Feeds against a local HTTP server: RSS, Atom, a news sitemap, ClaimReview, the Fact Check API JSON,
ETag/304, Last-Modified/304, a 500, a slow answer, a malformed feed, a feed that repeats its items, robots.txt.

The server lives on 127.0.0.1; it is reached only through the fetcher's explicit test setting
(`allow_private_urls=True`). The texts are written for these tests.
"""
from __future__ import annotations

import dataclasses
import http.server
import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from checker.config import get_settings
from checker.errors import InputError
from checker.feeds.config import load_feeds, parse_interval
from checker.feeds.http import FeedClient, FeedFetchError
from checker.feeds.watch import client_for, due_feeds, watch
from checker.store import fetchlog
from local_server import serving

ROOT = Path(__file__).resolve().parent.parent

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>http://example.org/</link><language>en</language>
<item><guid>rss-1</guid><title>Rockets hit base near Erbil airport</title><link>http://example.org/1</link>
<description><![CDATA[<p>Three rockets struck a base near Erbil airport on Tuesday, a security official said.</p>]]></description>
<pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate></item>
<item><guid>rss-2</guid><title>Central bank raises interest rate</title><link>http://example.org/2</link>
<description>The central bank raised its main interest rate by half a point to curb inflation.</description>
<pubDate>Wed, 06 Dec 2023 09:00:00 GMT</pubDate></item>
<item><guid>rss-3</guid><title>Flights resume between Baghdad and Beirut</title><link>http://example.org/3</link>
<description>Flights between Baghdad and Beirut resumed after a four day suspension, the airline said.</description>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title>أخبار</title><id>urn:feed:ar</id>
<updated>2023-12-08T10:00:00Z</updated>
<entry><id>urn:ar:1</id><title>سقوط صواريخ قرب السفارة الأمريكية في بغداد</title>
<link href="http://example.org/ar/1"/><updated>2023-12-08T06:00:00Z</updated>
<summary>قال مسؤول أمني إن عدة صواريخ سقطت قرب السفارة الأمريكية في بغداد فجر الجمعة دون وقوع إصابات.</summary></entry>
<entry><id>urn:ar:2</id><title>ارتفاع أسعار القمح في البصرة</title>
<link href="http://example.org/ar/2"/><updated>2023-12-07T06:00:00Z</updated>
<summary>ارتفعت أسعار القمح في أسواق البصرة بنسبة عشرة بالمئة خلال الأسبوع الماضي بحسب تجار.</summary></entry>
</feed>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/articles/a1.html</loc><news:news><news:publication><news:name>Example</news:name>
<news:language>en</news:language></news:publication><news:publication_date>2023-12-08T08:00:00Z</news:publication_date>
<news:title>Embassy says nobody was hurt</news:title></news:news></url>
<url><loc>{base}/articles/a2.html</loc><news:news><news:publication><news:name>Example</news:name>
<news:language>en</news:language></news:publication><news:publication_date>2023-12-07T08:00:00Z</news:publication_date>
<news:title>Drone downed over Ain al-Asad</news:title></news:news></url>
<url><loc>{base}/private/secret.html</loc><lastmod>2023-12-06</lastmod></url>
<url><loc>{base}/articles/report.pdf</loc><lastmod>2023-12-05</lastmod></url>
</urlset>"""

ARTICLES = {
    "/articles/a1.html": "<html><head><title>Embassy says nobody was hurt</title></head><body><article>"
                         "<p>The US embassy in Baghdad said on Friday that nobody was hurt when rockets landed near "
                         "its compound in the early hours, and that its air defences had been activated.</p>"
                         "<p>An Iraqi security source said the rockets were launched from a district east of the "
                         "capital and that the launch site had been found.</p></article></body></html>",
    "/articles/a2.html": "<html><head><title>Drone downed over Ain al-Asad</title></head><body><article>"
                         "<p>Air defences at the Ain al-Asad base in western Iraq shot down an attack drone on "
                         "Thursday, a coalition official said, adding that no damage was reported.</p>"
                         "<p>The official did not say who launched the drone.</p></article></body></html>",
}

CLAIMREVIEW = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
    {"@type": "DataFeedItem", "item": [{
        "@type": "ClaimReview", "url": "http://example.org/fc/1", "datePublished": "2023-12-09",
        "claimReviewed": "A video shows the US embassy in Baghdad on fire after the rocket attack.",
        "author": {"@type": "Organization", "name": "Misbar"}, "inLanguage": "en",
        "reviewRating": {"@type": "Rating", "alternateName": "False"}}]},
    {"@type": "DataFeedItem", "item": [{
        "@type": "ClaimReview", "url": "http://example.org/fc/2", "datePublished": "2023-12-09",
        "claimReviewed": "صورة تظهر حريقا داخل مجمع السفارة الأمريكية في بغداد",
        "author": {"@type": "Organization", "name": "فتبينوا"}, "inLanguage": "ar",
        "reviewRating": {"@type": "Rating", "alternateName": "مضلل"}}]},
]}

FACTCHECK_API = {"claims": [
    {"text": "صور تظهر انقطاع الكهرباء عن جميع أنحاء العراق يوم الجمعة", "claimant": "منشورات فيسبوك",
     "claimDate": "2023-12-08T10:00:00Z",
     "claimReview": [{"publisher": {"name": "مسبار", "site": "misbar.com"}, "url": "http://example.org/api/1",
                      "title": "الانقطاع شمل محافظات الجنوب فقط", "reviewDate": "2023-12-09T10:00:00Z",
                      "textualRating": "مضلل", "languageCode": "ar"}]},
    {"text": "The government announced a curfew in Basra starting Sunday.", "claimant": "x.com",
     "claimReview": [{"publisher": {"site": "factcheckarabic.afp.com"}, "url": "http://example.org/api/2",
                      "title": "No curfew was announced", "reviewDate": "2023-12-10T10:00:00Z",
                      "textualRating": "False", "languageCode": "en"}]},
]}

REPEATED = [("rep-1", "Talks on water sharing between Iraq and Turkey resumed in Ankara on Monday, officials said."),
            ("rep-2", "The health ministry recorded twelve new cholera cases in Sulaymaniyah over the past week.")]
LATE = ("rep-3", "Parliament postponed the vote on the budget law to next week after a dispute over oil revenue.")


def rss_of(items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><guid>{key}</guid><title>{text[:40]}</title><description>{text}</description>"
                      f"<link>http://example.org/{key}</link></item>" for key, text in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>R</title>{entries}</channel></rss>'


class Server:
    """Request counts and the switch that makes the repeating feed add one item."""

    hits: Counter[str] = Counter()
    conditional: Counter[str] = Counter()
    repeat_grows = False


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Server.hits[self.path] += 1
        base = f"http://{self.headers['Host']}"
        try:
            if self.path == "/robots.txt":
                self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
            elif self.path == "/rss.xml":
                if self.headers.get("If-None-Match") == '"rss-v1"':
                    Server.conditional[self.path] += 1
                    self._send(304, "application/rss+xml", b"", {"ETag": '"rss-v1"'})
                else:
                    self._send(200, "application/rss+xml", RSS.encode(), {"ETag": '"rss-v1"'})
            elif self.path == "/atom.xml":
                stamp = "Fri, 08 Dec 2023 10:00:00 GMT"
                if self.headers.get("If-Modified-Since") == stamp:
                    Server.conditional[self.path] += 1
                    self._send(304, "application/atom+xml", b"")
                else:
                    self._send(200, "application/atom+xml", ATOM.encode(), {"Last-Modified": stamp})
            elif self.path == "/sitemap.xml":
                self._send(200, "application/xml", SITEMAP.format(base=base).encode())
            elif self.path == "/articles/report.pdf":
                self._send(200, "application/pdf", b"%PDF-1.4 not text")
            elif self.path in ARTICLES:
                self._send(200, "text/html; charset=utf-8", ARTICLES[self.path].encode())
            elif self.path == "/claimreview.json":
                self._send(200, "application/ld+json", json.dumps(CLAIMREVIEW, ensure_ascii=False).encode())
            elif self.path == "/factcheck.json":
                self._send(200, "application/json", json.dumps(FACTCHECK_API, ensure_ascii=False).encode())
            elif self.path == "/busy.xml":  # 503 with Retry-After on every other request
                if Server.hits[self.path] % 2:
                    self._send(503, "text/html", b"<html>busy</html>", {"Retry-After": "7"})
                else:
                    self._send(200, "application/rss+xml", RSS.encode())
            elif self.path == "/broken.xml":
                self._send(500, "text/html", b"<html>Internal Server Error</html>")
            elif self.path == "/slow.xml":
                time.sleep(1.5)
                self._send(200, "application/rss+xml", RSS.encode())
            elif self.path == "/malformed.xml":
                self._send(200, "application/rss+xml", b"<?xml version='1.0'?><rss><channel><item><title>cut off")
            elif self.path == "/repeat.xml":
                items = REPEATED + ([LATE] if Server.repeat_grows else [])
                self._send(200, "application/rss+xml", rss_of(items).encode())
            else:
                self._send(404, "text/html", b"<html>Not found</html>")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status: int, content_type: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as url:
        yield url


def loopback_settings(**changes: object):
    """The fetcher's explicit test setting that lets it reach the server on loopback."""
    return dataclasses.replace(get_settings(), allow_private_urls=True, **changes)


FEEDS = """
[settings]
host_delay = 0
retries = 1
backoff = 0
max_items = 20

[[feed]]
name = "Wire RSS"
url = "{base}/rss.xml"
kind = "rss"
outlet = "reuters"
interval = "30m"

[[feed]]
name = "Arabic Atom"
url = "{base}/atom.xml"
outlet = "فرانس برس"
language = "ar"

[[feed]]
name = "News sitemap"
url = "{base}/sitemap.xml"
kind = "sitemap"
outlet = "ap"

[[feed]]
name = "Fact-checks (ClaimReview)"
url = "{base}/claimreview.json"
kind = "claimreview"

[[feed]]
name = "Fact Check API"
url = "{base}/factcheck.json"
kind = "factcheck-api"

[[feed]]
name = "Broken"
url = "{base}/broken.xml"

[[feed]]
name = "Slow"
url = "{base}/slow.xml"

[[feed]]
name = "Malformed"
url = "{base}/malformed.xml"

[[feed]]
name = "Repeats"
url = "{base}/repeat.xml"
outlet = "ina"
"""


@pytest.fixture
def feeds_file(tmp_path: Path, server: str) -> Path:
    Server.hits.clear()  # each test (and each store engine's run of it) counts its own requests
    path = tmp_path / "FEEDS.toml"
    path.write_text(FEEDS.format(base=server), encoding="utf-8")
    return path


def documents(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_every_kind_of_feed_imports_and_every_failure_is_logged(db: sqlite_utils.Database, feeds_file: Path,
                                                                no_embeddings: None) -> None:
    Server.repeat_grows = False
    feeds = load_feeds(feeds_file)
    client = client_for(feeds, settings=loopback_settings(fetch_timeout=0.5))
    runs = {run.feed.name: run for run in watch(db, feeds, once=True, client=client)}
    assert len(runs) == 9  # the loop went on past every failure
    assert (runs["Wire RSS"].status, runs["Wire RSS"].new) == ("ok", 3)
    assert (runs["Arabic Atom"].status, runs["Arabic Atom"].new) == ("ok", 2)
    sitemap = runs["News sitemap"]
    assert (sitemap.status, sitemap.new, sitemap.rejected) == ("ok", 2, 2)
    assert "robots.txt disallows" in sitemap.error and Server.hits["/private/secret.html"] == 0
    assert "application/pdf, which checker cannot read" in sitemap.error
    assert (runs["Fact-checks (ClaimReview)"].new, runs["Fact Check API"].new) == (2, 2)
    assert runs["Broken"].status == "failed" and "HTTP 500" in runs["Broken"].error
    assert Server.hits["/broken.xml"] == 2  # one retry, then given up
    assert runs["Slow"].status == "failed" and "did not answer" in runs["Slow"].error
    assert runs["Malformed"].status == "failed" and "malformed feed" in runs["Malformed"].error
    assert runs["Repeats"].new == 2

    rows = fetchlog.recent_fetches(db, limit=100)
    assert len(rows) == 9
    for row in rows:
        if row["status"] == "failed":
            assert row["error"], row
    broken = next(row for row in rows if row["url"].endswith("/broken.xml"))
    assert (broken["http_status"], broken["attempts"]) == (500, 2)

    stored = dict(db.execute("SELECT url, outlet_id FROM documents").fetchall())
    assert stored["http://example.org/1"] == "reuters"
    assert stored["http://example.org/ar/1"] == "afp"
    arabic = db.execute("SELECT language, published FROM documents WHERE url = 'http://example.org/ar/1'").fetchone()
    assert arabic == ("ar", "2023-12-08")
    page = db.execute("SELECT title, text FROM documents WHERE url LIKE '%/articles/a1.html'").fetchone()
    assert page[0] == "Embassy says nobody was hurt" and "air defences had been activated" in page[1]
    reviews = dict(db.execute("SELECT url, rating FROM documents WHERE source_kind = 'claimreview'").fetchall())
    assert reviews == {"http://example.org/fc/1": "False", "http://example.org/fc/2": "مضلل",
                       "http://example.org/api/1": "مضلل", "http://example.org/api/2": "False"}

    overview = {row["name"]: row for row in fetchlog.feed_overview(db)}
    assert overview["Broken"]["failures"] == 1 and "HTTP 500" in overview["Broken"]["last_error"]
    assert overview["Wire RSS"]["documents"] == 3 and overview["Wire RSS"]["interval_s"] == 1800


def test_a_second_run_imports_nothing_twice(db: sqlite_utils.Database, feeds_file: Path,
                                            no_embeddings: None) -> None:
    Server.repeat_grows = False
    feeds = load_feeds(feeds_file)
    client = client_for(feeds, settings=loopback_settings(fetch_timeout=0.5))
    list(watch(db, feeds, once=True, client=client))
    before, conditional = documents(db), Counter(Server.conditional)
    Server.repeat_grows = True
    try:
        runs = {run.feed.name: run for run in watch(db, feeds, once=True, client=client)}
    finally:
        Server.repeat_grows = False
    assert runs["Wire RSS"].status == "not_modified"  # ETag
    assert runs["Arabic Atom"].status == "not_modified"  # Last-Modified
    assert Server.conditional["/rss.xml"] == conditional["/rss.xml"] + 1
    assert (runs["Repeats"].new, runs["Repeats"].skipped) == (1, 2)  # only the new item
    assert runs["Fact Check API"].new == 0 and runs["News sitemap"].new == 0
    assert documents(db) == before + 1
    urls = [row[0] for row in db.execute("SELECT url FROM documents WHERE url IS NOT NULL")]
    assert len(urls) == len(set(urls))


def test_failing_feeds_wait_longer_and_the_due_ones_are_picked(db: sqlite_utils.Database, feeds_file: Path,
                                                               no_embeddings: None) -> None:
    feeds = load_feeds(feeds_file)
    client = client_for(feeds, settings=loopback_settings(fetch_timeout=0.5))
    assert len(due_feeds(db, feeds.feeds)) == 9  # never run: all due
    list(watch(db, feeds, once=True, client=client))
    assert due_feeds(db, feeds.feeds) == []
    broken = next(feed for feed in feeds.feeds if feed.name == "Broken")
    first = fetchlog.feed_state(db, broken.url)
    list(watch(db, dataclasses.replace(feeds, feeds=(broken,)), once=True, client=client))
    second = fetchlog.feed_state(db, broken.url)
    assert second.failures == 2 and second.next_due_at > first.next_due_at


def test_the_loop_keeps_going_until_stopped(db: sqlite_utils.Database, feeds_file: Path,
                                            no_embeddings: None) -> None:
    feeds = load_feeds(feeds_file)
    client = client_for(feeds, settings=loopback_settings(fetch_timeout=0.5))
    waits: list[float] = []
    rounds = iter([False, False, True])
    runs = list(watch(db, feeds, client=client, sleep=waits.append, stop=lambda: next(rounds)))
    assert len(runs) == 9 and len(waits) == 2 and all(1 <= wait <= 60 for wait in waits)


def test_requests_to_one_host_are_paced_and_robots_is_read_once(server: str) -> None:
    pauses: list[float] = []
    client = FeedClient(settings=loopback_settings(), host_delay=5.0, retries=0, sleep=pauses.append)
    before = Server.hits["/robots.txt"]
    client.get(f"{server}/rss.xml")
    client.get(f"{server}/atom.xml")
    assert Server.hits["/robots.txt"] == before + 1
    assert len(pauses) == 2 and all(pause > 4 for pause in pauses)  # robots, then the second feed, waited
    with pytest.raises(FeedFetchError, match="robots.txt disallows"):
        client.get(f"{server}/private/secret.html")


def test_loopback_is_refused_without_the_test_setting(server: str) -> None:
    client = FeedClient(settings=dataclasses.replace(get_settings(), allow_private_urls=False), retries=3,
                        sleep=lambda _: None)
    with pytest.raises(FeedFetchError, match="private or local network") as caught:
        client.get(f"{server}/rss.xml")
    assert caught.value.attempts == 1  # a refused address is not retried


def test_feeds_file_mistakes_name_the_feed(tmp_path: Path) -> None:
    path = tmp_path / "FEEDS.toml"
    path.write_text('[[feed]]\nname = "X"\nurl = "ftp://example.org/feed"\n', encoding="utf-8")
    with pytest.raises(InputError, match="feed number 1: url must be an http"):
        load_feeds(path)
    path.write_text('[[feed]]\nname = "X"\nurl = "https://example.org/f"\ninterval = "soon"\n', encoding="utf-8")
    with pytest.raises(InputError, match="feed X: interval 'soon'"):
        load_feeds(path)
    path.write_text('[[feed]]\nurl = "https://example.org/f"\nkind = "podcast"\n', encoding="utf-8")
    with pytest.raises(InputError, match="kind 'podcast'"):
        load_feeds(path)
    assert parse_interval("30m") == 1800 and parse_interval("1d") == 86400 and parse_interval(90) == 90


def test_the_shipped_example_lists_real_feeds_in_both_languages() -> None:
    feeds = load_feeds(ROOT / "feeds" / "FEEDS.example.toml").feeds
    assert {feed.language for feed in feeds} >= {"ar", "en"}
    assert all(feed.url.startswith("https://") and "example" not in feed.url for feed in feeds)
    assert {feed.kind for feed in feeds} >= {"rss", "sitemap"}


def test_watch_once_on_the_command_line(tmp_path: Path, feeds_file: Path) -> None:
    env = {**os.environ, "CHECKER_ALLOW_PRIVATE_URLS": "1", "CHECKER_SKIP_EMBEDDINGS": "1",
           "CHECKER_FETCH_TIMEOUT": "0.5"}
    result = subprocess.run([sys.executable, "-m", "checker", "evidence", "watch", str(feeds_file), "--once",
                             "--db", str(tmp_path / "cli.db")], cwd=ROOT, capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 1, result.stderr  # some feeds failed, on purpose
    assert "Wire RSS: ok, 3 items, 3 new" in result.stdout
    assert "Broken: failed" in result.stdout and "HTTP 500" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_explanation_in_place_of_a_rating_is_cut_and_kept() -> None:
    from checker.feeds.factcheck import MAX_RATING, from_factcheck_api

    explanation = "تبين أن الفيديو قديم ومتداول منذ عام 2019 " * 20
    review = from_factcheck_api({"text": "ادعاء", "claimReview": [{"textualRating": explanation,
                                                                   "publisher": {"name": "مسبار"}}]})[0]
    rating = review["reviewRating"]["alternateName"]
    assert rating.endswith("…") and len(rating) <= MAX_RATING + 1 and explanation.startswith(rating[:-1])
    assert review["reviewBody"] == explanation.strip()


def test_the_evidence_page_lists_the_feeds_and_fetches_now(db_path: Path, feeds_file: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("CHECKER_FEEDS", str(feeds_file))
    monkeypatch.setenv("CHECKER_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("CHECKER_SKIP_EMBEDDINGS", "1")
    monkeypatch.setenv("CHECKER_FETCH_TIMEOUT", "0.5")
    page = AppTest.from_file(str(ROOT / "pages" / "1_Evidence.py"), default_timeout=120).run()
    assert any("No feed has run yet" in caption.value for caption in page.caption)
    page.button(key="ev_fetch_now").click().run()
    assert not page.exception
    assert any("Wire RSS: ok" in message.value for message in page.success)
    assert any("Broken: failed" in message.value and "HTTP 500" in message.value for message in page.error)
    feeds, failures = page.dataframe[0].value, page.dataframe[1].value
    assert len(feeds) == 9 and set(failures["status"]) == {"failed"}


def test_a_busy_server_is_asked_again_after_its_retry_after(server: str) -> None:
    pauses: list[float] = []
    client = FeedClient(settings=loopback_settings(), host_delay=0, retries=1, backoff=0.5, sleep=pauses.append)
    response = client.get(f"{server}/busy.xml")
    assert (response.status, response.attempts) == (200, 2) and 7 in pauses
