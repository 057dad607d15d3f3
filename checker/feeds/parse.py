"""Reading a fetched feed into items: RSS/Atom (feedparser), news sitemaps, ClaimReview, Fact Check API JSON.

A feed's kind comes from FEEDS.toml or, with `kind = "auto"`, from the body:
JSON is a Fact Check Tools API answer or ClaimReview JSON-LD, XML whose root
is `urlset`/`sitemapindex` is a sitemap, other XML goes to feedparser, and an
HTML page is read for the ClaimReview JSON-LD it carries (a fact-checker's
listing page). Each item has a stable key (the entry's guid, else its link,
else a hash of its text), which is what makes a repeated item recognisable.
"""
from __future__ import annotations

import calendar
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import lxml.etree
import lxml.html

from checker.errors import CheckerError
from checker.fetch import decode_body, extract_json_ld

KINDS = ("auto", "rss", "atom", "sitemap", "claimreview", "factcheck-api")
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_XML = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


class FeedParseError(CheckerError):
    """The body is not a feed of the expected kind (the reason is logged)."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed; `text` None means the article page must be fetched for its text.

    `document` is set for fact-check items, already read into a NewDocument (or the reason it is refused).
    """

    key: str
    url: str | None = None
    title: str | None = None
    text: str | None = None
    published: str | None = None
    language: str | None = None
    document: Any = None


@dataclass(frozen=True)
class ParsedFeed:
    kind: str
    items: tuple[FeedItem, ...]
    sitemaps: tuple[str, ...] = ()  # a sitemap index's child sitemaps


def parse_feed(body: bytes, *, content_type: str = "", kind: str = "auto", url: str = "") -> ParsedFeed:
    if kind not in KINDS:
        raise FeedParseError(f"unknown feed kind {kind!r} (use one of {', '.join(KINDS)})")
    if not body.strip():
        raise FeedParseError("the feed is empty")
    kind = kind if kind != "auto" else sniff(body, content_type)
    if kind in ("claimreview", "factcheck-api"):
        return ParsedFeed(kind, _fact_checks(body, content_type))
    if kind == "sitemap":
        return _sitemap(body)
    return ParsedFeed(kind, _syndication(body, content_type))


def sniff(body: bytes, content_type: str = "") -> str:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head[:1] in (b"{", b"["):
        return "factcheck-api"  # any JSON: the importer tells API claims from ClaimReview itself
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if head.startswith((b"<!doctype html", b"<html")) or "html" in content_type.lower():
        return "claimreview"
    return "rss"


def _syndication(body: bytes, content_type: str) -> tuple[FeedItem, ...]:
    import feedparser

    benign = _benign()
    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "application/xml"})
    broken = parsed.bozo and not isinstance(parsed.get("bozo_exception"), benign)
    if not parsed.entries and not broken and not parsed.version:
        raise FeedParseError("not an RSS or Atom feed (no channel or feed element found)")
    feed_language = _language(parsed.feed.get("language"))
    items = []
    for entry in parsed.entries:
        if broken and not (entry.get("link") and (entry.get("title") or entry.get("summary"))):
            continue  # feedparser's best guess at a damaged entry: nothing to import
        title = _plain_text(entry.get("title"))
        content = entry.get("content") or []
        body_html = max([c.get("value", "") for c in content], key=len, default="") or entry.get("summary", "")
        summary = _plain_text(body_html)
        text = "\n\n".join(part for part in (title, summary) if part) or None
        link = entry.get("link")
        key = entry.get("id") or link or _digest(text or "")
        items.append(FeedItem(key=str(key), url=link, title=title, text=text,
                              published=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                              language=_language(entry.get("language")) or feed_language))
    if broken and not items:
        raise FeedParseError(f"malformed feed ({_first_line(parsed.get('bozo_exception'))})")
    return tuple(items)


def _sitemap(body: bytes) -> ParsedFeed:
    try:
        root = lxml.etree.fromstring(body, _XML)
    except lxml.etree.XMLSyntaxError as error:
        raise FeedParseError(f"malformed sitemap ({error})") from None
    if root.tag == f"{_SITEMAP}sitemapindex":
        return ParsedFeed("sitemap", (), tuple(filter(None, (_child(node, "loc") for node in root))))
    if root.tag != f"{_SITEMAP}urlset":
        raise FeedParseError(f"not a sitemap (root element {root.tag})")
    items = []
    for node in root.iter(f"{_SITEMAP}url"):
        loc = _child(node, "loc")
        if not loc:
            continue
        news = node.find(f"{_NEWS}news")
        title = published = language = None
        if news is not None:
            title = (news.findtext(f"{_NEWS}title") or "").strip() or None
            published = _date(news.findtext(f"{_NEWS}publication_date"))
            language = _language(news.findtext(f"{_NEWS}publication/{_NEWS}language"))
        items.append(FeedItem(key=loc, url=loc, title=title, published=published or _date(_child(node, "lastmod")),
                              language=language))
    items.sort(key=lambda item: item.published or "", reverse=True)  # the newest first: max_items keeps them
    return ParsedFeed("sitemap", tuple(items))


def _fact_checks(body: bytes, content_type: str) -> tuple[FeedItem, ...]:
    from checker.store.ingest import documents_from_json

    text = decode_body(body, content_type)
    if text.lstrip()[:1] in ("{", "["):
        try:
            value: Any = json.loads(text)
        except json.JSONDecodeError as error:
            raise FeedParseError(f"malformed JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    else:
        value = list(extract_json_ld(text))
        if not value:
            raise FeedParseError("no JSON-LD found in the page")
    items = []
    for number, document in enumerate(documents_from_json(value), start=1):
        if isinstance(document, str):
            items.append(FeedItem(key=f"rejected:{_digest(f'{number}:{document}')}", document=document))
            continue
        key = f"{document.url or ''}#{_digest(document.text)}"
        items.append(FeedItem(key=key, url=document.url, title=document.title, text=document.text,
                              published=document.published, language=document.language, document=document))
    return tuple(items)


def _benign() -> tuple[type, ...]:
    """feedparser's complaints that still leave a sound feed (a wrong declared charset or content type)."""
    import feedparser

    return (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def _child(node: Any, name: str) -> str | None:
    value = node.findtext(f"{_SITEMAP}{name}")
    return value.strip() if value and value.strip() else None


def _plain_text(html: Any) -> str | None:
    if not isinstance(html, str) or not html.strip():
        return None
    if "<" in html:
        try:
            html = lxml.html.fromstring(html).text_content()
        except (lxml.etree.ParserError, ValueError):
            pass
    return " ".join(html.split()) or None


def _struct_date(value: Any) -> str | None:
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).date().isoformat()


def _date(value: str | None) -> str | None:
    value = (value or "").strip()
    return value[:10] if len(value) >= 10 and value[4] == "-" and value[7] == "-" else None


def _language(value: Any) -> str | None:
    return value.split("-")[0].split("_")[0].strip().lower() or None if isinstance(value, str) else None


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _first_line(error: Any) -> str:
    text = str(error or "unreadable").strip()
    return text.splitlines()[0] if text else type(error).__name__
