"""From a page's bytes to an article: its main text, title, date, language and JSON-LD blocks.

Shared by fetching a URL and importing a .html file, so both read a page the same way; main text
comes from trafilatura, boilerplate left out.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html

from checker.errors import FetchError
from checker.fetch.charset import decode_body
from checker.language import detect_language

READABLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class FetchedPage:
    """A page's main text and what is known about it; `final_url` is after redirects.

    `json_ld` holds the page's parsed <script type="application/ld+json"> blocks: a fact-check
    article carries its ClaimReview there.
    """

    url: str
    final_url: str
    title: str | None
    text: str
    published: str | None
    language: str
    content_type: str
    json_ld: tuple[Any, ...] = ()


def parse_page(body: bytes, *, content_type: str, url: str, final_url: str | None = None) -> FetchedPage:
    """Bytes of an HTML or text page -> its main text; shared by fetching and importing .html files."""
    mime = content_type.split(";")[0].strip().lower() or _sniff_type(body)
    text = decode_body(body, content_type)
    json_ld: tuple[Any, ...] = ()
    if mime in HTML_TYPES:
        title, main_text, published = extract_html(text, final_url or url)
        json_ld = extract_json_ld(text)
    else:
        title, main_text, published = None, text.strip(), None
    if not main_text:
        raise FetchError(f"no readable article text found in {url}")
    return FetchedPage(
        url=url, final_url=final_url or url, title=title, text=main_text, published=published,
        language=detect_language(main_text), content_type=mime, json_ld=json_ld,
    )


def extract_json_ld(html: str) -> tuple[Any, ...]:
    """Every well-formed JSON-LD block of the page; a broken block is skipped, as browsers and search engines do."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ()
    blocks = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                blocks.append(json.loads(script.text))
            except json.JSONDecodeError:
                continue
    return tuple(blocks)


def _sniff_type(body: bytes) -> str:
    head = body[:512].lstrip().lower()
    return "text/html" if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")) else "text/plain"


def extract_html(html: str, url: str | None = None) -> tuple[str | None, str, str | None]:
    """(title, main text, published YYYY-MM-DD) of an HTML page, boilerplate left out."""
    import trafilatura  # imported here: it is slow to load and most commands never read HTML

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False,
    )
    if document is None:
        return None, "", None
    return document.title or None, (document.text or "").strip(), document.date or None
