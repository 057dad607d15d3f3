"""What each way of adding evidence reads: a pasted text, a URL or one file, a bulk file, documents from a feed.

A URL is fetched through checker.fetch's guard; a single .txt/.md file is decoded by the same function
`analyze` uses, so both accept and refuse the same files; a bulk file must be UTF-8.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import sqlite_utils

from checker.config import DATA_DIR
from checker.errors import InputError
from checker.fetch import FetchedPage, fetch_url, parse_page
from checker.language import detect_language
from checker.outlets import load_registry
from checker.store.ingest.bulk import parse_bulk
from checker.store.ingest.documents import MAX_DOCUMENT_CHARS, Location, NewDocument, validated
from checker.store.ingest.json_documents import claim_review, expand, is_claim_review, publisher
from checker.store.ingest.write import ImportResult, import_items
from checker.text import decode_text

SEED_FILE = DATA_DIR / "seed_evidence.jsonl"
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
BULK_SUFFIXES = frozenset({".jsonl", ".json", ".jsonld", ".ndjson"})


def add_text(db: sqlite_utils.Database, text: str, *, url: str | None = None, title: str | None = None,
             outlet: str | None = None, published: str | None = None, language: str | None = None,
             source_kind: str = "text", embed: bool | None = None) -> ImportResult:
    """Store one pasted or fetched text as evidence (the Evidence page's "add" form)."""
    document = NewDocument(text=text, url=url, title=title, outlet=outlet, published=published,
                           language=language, source_kind=source_kind)
    return import_items(db, url or title or "pasted text", [(url or "text", validated(document))], embed=embed)


def add_source(db: sqlite_utils.Database, source: str, *, outlet: str | None = None, title: str | None = None,
               published: str | None = None, embed: bool | None = None) -> ImportResult:
    """Store one URL (fetched safely) or one .txt/.md/.html file as evidence.

    A fact-check page also yields its ClaimReview(s) from its JSON-LD, as rated documents.
    """
    source = source.strip()
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        page = fetch_url(source)
        outlet = outlet or _outlet_from_host(page.final_url) or publisher(page.json_ld)
        return _add_page(db, page, url=page.final_url, title=title, outlet=outlet, published=published,
                         source_kind="url", embed=embed)
    path = Path(source)
    if not path.exists() and re.match(r"^[\w-]+(\.[\w-]+)+/", source):
        raise InputError(f"no such file: {source} (for a web page give the whole address, https://{source})")
    page = _read_document_file(path)
    return _add_page(db, page, url=None, title=title or page.title or path.name,
                     outlet=outlet or publisher(page.json_ld), published=published, source_kind="file", embed=embed)


def _add_page(db: sqlite_utils.Database, page: FetchedPage, *, url: str | None, title: str | None,
              outlet: str | None, published: str | None, source_kind: str, embed: bool | None) -> ImportResult:
    """The page's text, plus any ClaimReview it carries, in one import."""
    article = NewDocument(text=page.text, url=url, title=title or page.title, outlet=outlet,
                          published=published or page.published, language=page.language, source_kind=source_kind)
    items: list[tuple[Location, NewDocument | str]] = [(url or "text", validated(article))]
    reviews = [obj for obj in expand(list(page.json_ld)) if is_claim_review(obj)]
    items.extend((f"ClaimReview {n}", claim_review(review, page_url=url, page_outlet=outlet))
                 for n, review in enumerate(reviews, start=1))
    return import_items(db, url or title or page.url, items, embed=embed)


def import_file(db: sqlite_utils.Database, path: Path, *, embed: bool | None = None) -> ImportResult:
    """Bulk import: JSON Lines (one document a line) or ClaimReview JSON-LD, told apart by content."""
    raw = _read_bytes(Path(path))
    decoded = decode_text(raw, str(path), limit=len(raw) + 1)  # a batch is many documents: each is checked alone
    if not decoded.encoding.startswith(("utf-8", "utf-16")):  # JSON Lines are UTF-8; a code page guess would garble
        raise InputError(f"{path} is not UTF-8 text (it reads as {decoded.encoding}); save it as UTF-8 and import "
                         "again")
    items = parse_bulk(decoded.text, Path(path))
    result = import_items(db, Path(path).name, items, embed=embed)
    return replace(result, notes=(*decoded.warnings, *result.notes))


def import_documents(db: sqlite_utils.Database, source: str, items: list[tuple[Location, NewDocument | str]], *,
                     embed: bool | None = None) -> ImportResult:
    """One import of documents read elsewhere (checker.feeds); a str item is the reason that item is refused."""
    return import_items(db, source, [(where, item if isinstance(item, str) else validated(item))
                                     for where, item in items], embed=embed)


def load_seed(db: sqlite_utils.Database, *, embed: bool | None = None) -> ImportResult:
    """The demo evidence set written for this project; a second run skips everything."""
    return import_file(db, SEED_FILE, embed=embed)


def _read_document_file(path: Path) -> FetchedPage:
    suffix = path.suffix.lower()
    if suffix in BULK_SUFFIXES:
        raise InputError(f"{path} holds many documents: use `python -m checker evidence import {path}`")
    raw = _read_bytes(path)
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InputError(f"{path}: checker adds .txt, .md, .html or .htm files, or http(s) URLs")
    decoded = decode_text(raw, str(path), MAX_DOCUMENT_CHARS)  # what `analyze` accepts and refuses, by one function
    if suffix in HTML_SUFFIXES:
        return parse_page(raw, content_type="text/html", url=str(path))
    text = decoded.text
    return FetchedPage(url=str(path), final_url=str(path), title=None, text=text, published=None,
                       language=detect_language(text), content_type="text/plain")


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise InputError(f"{path} is a folder; give one file")
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path} ({error.strerror})") from error


def _outlet_from_host(url: str) -> str | None:
    """www.reuters.com -> the registry's Reuters, when a label of the host names a known outlet."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    if not re.search(r"[a-z]", host):
        return None  # an IP address names no outlet
    registry = load_registry()
    for label in host.split(".")[:-1]:
        if label not in {"www", "m", "amp", "news", "ar", "en", "arabic", "english", "co", "com"}:
            found = registry.find(label)
            if found is not None and getattr(found, "known", True):
                return found.id
    return None
