"""Getting evidence into claims.db: one text, a file or URL, a JSONL batch, or ClaimReview fact-checks.

Every import is one transaction (an interrupted import leaves the database as
it was) and one row in `imports` (the Evidence page shows the history). A
document is stored once: its identity is the hash of its normalised text.
Embeddings are computed after the documents are committed, so a model failure
never loses an import; `checker.embeddings.embed_missing` catches up later.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

from checker.config import DATA_DIR, get_settings
from checker.errors import CheckerError, InputError
from checker.feeds.factcheck import from_factcheck_api, is_factcheck_api
from checker.fetch import FetchedPage, fetch_url, parse_page
from checker.language import detect_language
from checker.normalize import search_form
from checker.outlets import OutletRegistry, load_registry
from checker.store.db import run_write
from checker.store.dedup import assign_groups
from checker.store.outlets import StoredOutlet, resolve_outlet
from checker.store.passages import split_passages
from checker.text import decode_text

SEED_FILE = DATA_DIR / "seed_evidence.jsonl"
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
BULK_SUFFIXES = frozenset({".jsonl", ".json", ".jsonld", ".ndjson"})
SKIP_EMBEDDINGS_ENV = "CHECKER_SKIP_EMBEDDINGS"
INDEX_SYNC_AFTER = 5_000  # smaller imports are added to the ANN index in memory by the next search
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Longest accepted field values (characters): a 5 MB "title" is a mistake, and it would be shown everywhere.
FIELD_LIMITS = {"url": 4_096, "title": 1_000, "outlet": 200, "language": 20, "rating": 500}
# An evidence document is only split into passages, never analysed whole: it may be longer than an article.
MAX_DOCUMENT_CHARS = 2_000_000
MAX_JSON_DEPTH = 64  # nesting a JSON document or line may have; deeper is refused as that line's problem
_TOO_DEEP = object()

Location = int | str


@dataclass(frozen=True)
class ImportResult:
    """What an import did; `problems` are (line number or item/source, reason) for each rejected document."""

    added: int = 0
    skipped: int = 0
    rejected: int = 0
    problems: tuple[tuple[Location, str], ...] = ()
    import_id: int | None = None
    source: str = ""
    passage_ids: tuple[int, ...] = ()
    new_outlets: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line of counts, then one line per new outlet list, note and problem."""
        lines = [f"{self.source or 'import'}: {self.added} added, {self.skipped} already stored, "
                 f"{self.rejected} rejected"]
        if self.new_outlets:
            lines.append("new outlets (not in the registry): " + ", ".join(self.new_outlets))
        lines.extend(self.notes)
        lines.extend(f"{_place(where)}: {reason}" for where, reason in self.problems)
        return "\n".join(lines)


@dataclass(frozen=True)
class NewDocument:
    """A document as given, before its outlet is resolved and its passages cut."""

    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source_kind: str = "text"
    claim_reviewed: str | None = None
    rating: str | None = None


@dataclass
class _Tally:
    added: int = 0
    skipped: int = 0
    problems: list[tuple[Location, str]] = field(default_factory=list)
    passage_ids: list[int] = field(default_factory=list)
    stored_passage_ids: list[int] = field(default_factory=list)  # of documents skipped as already stored
    new_outlets: list[str] = field(default_factory=list)


def add_text(db: sqlite_utils.Database, text: str, *, url: str | None = None, title: str | None = None,
             outlet: str | None = None, published: str | None = None, language: str | None = None,
             source_kind: str = "text", embed: bool | None = None) -> ImportResult:
    """Store one pasted or fetched text as evidence (the Evidence page's "add" form)."""
    document = NewDocument(text=text, url=url, title=title, outlet=outlet, published=published,
                           language=language, source_kind=source_kind)
    return _import(db, url or title or "pasted text", [(url or "text", _validated(document))], embed=embed)


def add_source(db: sqlite_utils.Database, source: str, *, outlet: str | None = None, title: str | None = None,
               published: str | None = None, embed: bool | None = None) -> ImportResult:
    """Store one URL (fetched safely) or one .txt/.md/.html file as evidence.

    A fact-check page also yields its ClaimReview(s) from its JSON-LD, as rated documents.
    """
    source = source.strip()
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        page = fetch_url(source)
        outlet = outlet or _outlet_from_host(page.final_url) or _publisher(page.json_ld)
        return _add_page(db, page, url=page.final_url, title=title, outlet=outlet, published=published,
                         source_kind="url", embed=embed)
    path = Path(source)
    if not path.exists() and re.match(r"^[\w-]+(\.[\w-]+)+/", source):
        raise InputError(f"no such file: {source} (for a web page give the whole address, https://{source})")
    page = _read_document_file(path)
    return _add_page(db, page, url=None, title=title or page.title or path.name,
                     outlet=outlet or _publisher(page.json_ld), published=published, source_kind="file", embed=embed)


def _add_page(db: sqlite_utils.Database, page: FetchedPage, *, url: str | None, title: str | None,
              outlet: str | None, published: str | None, source_kind: str, embed: bool | None) -> ImportResult:
    """The page's text, plus any ClaimReview it carries, in one import."""
    article = NewDocument(text=page.text, url=url, title=title or page.title, outlet=outlet,
                          published=published or page.published, language=page.language, source_kind=source_kind)
    items: list[tuple[Location, NewDocument | str]] = [(url or "text", _validated(article))]
    reviews = [obj for obj in _expand(list(page.json_ld)) if _is_claim_review(obj)]
    items.extend((f"ClaimReview {n}", _claim_review(review, page_url=url, page_outlet=outlet))
                 for n, review in enumerate(reviews, start=1))
    return _import(db, url or title or page.url, items, embed=embed)


def import_file(db: sqlite_utils.Database, path: Path, *, embed: bool | None = None) -> ImportResult:
    """Bulk import: JSON Lines (one document a line) or ClaimReview JSON-LD, told apart by content."""
    raw = _read_bytes(Path(path))
    decoded = decode_text(raw, str(path), limit=len(raw) + 1)  # a batch is many documents: each is checked alone
    if not decoded.encoding.startswith(("utf-8", "utf-16")):  # JSON Lines are UTF-8; a code page guess would garble
        raise InputError(f"{path} is not UTF-8 text (it reads as {decoded.encoding}); save it as UTF-8 and import "
                         "again")
    items = _parse_bulk(decoded.text, Path(path))
    result = _import(db, Path(path).name, items, embed=embed)
    return replace(result, notes=(*decoded.warnings, *result.notes))


def import_documents(db: sqlite_utils.Database, source: str, items: list[tuple[Location, NewDocument | str]], *,
                     embed: bool | None = None) -> ImportResult:
    """One import of documents read elsewhere (checker.feeds); a str item is the reason that item is refused."""
    return _import(db, source, [(where, item if isinstance(item, str) else _validated(item))
                                for where, item in items], embed=embed)


def documents_from_json(value: Any) -> list[NewDocument | str]:
    """The documents in a parsed JSON value (ClaimReview, JSON-LD containers, Fact Check API claims)."""
    return [document for document in map(_document_from, _expand(value)) if document is not None]


def load_seed(db: sqlite_utils.Database, *, embed: bool | None = None) -> ImportResult:
    """The demo evidence set written for this project; a second run skips everything."""
    return import_file(db, SEED_FILE, embed=embed)


def import_history(db: sqlite_utils.Database, limit: int = 50) -> list[dict[str, Any]]:
    """The latest imports, newest first, with their problems decoded (the Evidence page's history)."""
    rows = db["imports"].rows_where(order_by="id desc", limit=limit)
    return [{**row, "problems": [tuple(p) for p in json.loads(row["problems"] or "[]")]} for row in rows]


def content_hash(text: str) -> str:
    """Identity of a document: the same report pasted twice, re-spaced or re-diacritised, is stored once."""
    return hashlib.sha256(search_form(text).lower().encode("utf-8")).hexdigest()


# -- reading the inputs ------------------------------------------------------------------------------------


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


def _parse_bulk(text: str, path: Path) -> list[tuple[Location, NewDocument | str]]:
    """A whole-file JSON value (ClaimReview, list, @graph, DataFeed) or else one JSON object per line."""
    items: list[tuple[Location, NewDocument | str | None]] | None = None
    if text.lstrip()[:1] in "[{":
        try:
            whole = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            pass
        else:
            if _too_deep(whole):
                raise InputError(f"{path} is JSON nested more than {MAX_JSON_DEPTH} levels deep; checker refuses it")
            items = [(f"item {n}", _document_from(obj)) for n, obj in enumerate(_expand(whole), start=1)]
    if items is None:
        items = list(_jsonl_items(text))
        if all(isinstance(item, str) and item.startswith("not valid JSON") for _, item in items):
            raise InputError(f"{path} is neither JSON Lines nor ClaimReview JSON-LD (no line is a JSON object); "
                             "add a single text file with `python -m checker evidence add`")
    return [(where, item) for where, item in items if item is not None]


def _jsonl_items(text: str) -> Iterator[tuple[Location, NewDocument | str | None]]:
    # Split on \n only: JSON strings may hold U+2028 and other characters str.splitlines() breaks on.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, f"not valid JSON ({error.msg} at column {error.colno})"
            continue
        except RecursionError:  # deeper than the parser goes: the line is refused like any too-deep one
            obj = _TOO_DEEP
        if obj is _TOO_DEEP or _too_deep(obj):
            yield number, f"JSON nested more than {MAX_JSON_DEPTH} levels deep"
            continue
        expanded = list(_expand(obj)) if isinstance(obj, dict) else [obj]
        if len(expanded) == 1:
            yield number, _document_from(expanded[0])
        else:
            yield from ((f"line {number} item {n}", _document_from(o)) for n, o in enumerate(expanded, start=1))


def _too_deep(value: Any) -> bool:
    """Nesting deeper than MAX_JSON_DEPTH, found without recursion (a recursive walk is what overflowed)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                return True
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


def _expand(value: Any) -> Iterator[Any]:
    """Flatten JSON-LD containers: lists, @graph, DataFeed.dataFeedElement, DataFeedItem.item."""
    if isinstance(value, list):
        for element in value:
            yield from _expand(element)
    elif isinstance(value, dict) and "@graph" in value:
        yield from _expand(value["@graph"])
    elif isinstance(value, dict) and "dataFeedElement" in value:
        yield from _expand(value["dataFeedElement"])
    elif isinstance(value, dict) and "DataFeedItem" in _types(value) and "item" in value:
        yield from _expand(value["item"])
    elif is_factcheck_api(value):  # Google Fact Check Tools API: {"claims": [...]} or one claim with claimReview[]
        yield from _expand(from_factcheck_api(value))
    else:
        yield value


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, list):
        return {str(k) for k in kind}
    return {kind} if isinstance(kind, str) else set()


def _document_from(obj: Any) -> NewDocument | str | None:
    """A document, the reason it is rejected, or None for a {"_comment": ...} line (a note for people)."""
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    if set(obj) == {"_comment"}:
        return None
    if _is_claim_review(obj):
        return _claim_review(obj)
    if not isinstance(obj.get("text"), str):
        return 'no "text" field (each line needs at least {"text": "..."})'
    fields = {key: obj.get(key) for key in ("url", "title", "outlet", "published", "language")}
    wrong = [key for key, value in fields.items() if value is not None and not isinstance(value, str)]
    if wrong:
        return f'"{wrong[0]}" must be a string'
    return _validated(NewDocument(text=obj["text"], source_kind="jsonl", **fields))


def _is_claim_review(obj: Any) -> bool:
    return isinstance(obj, dict) and ("ClaimReview" in _types(obj) or "claimReviewed" in obj)


def _publisher(json_ld: tuple[Any, ...]) -> str | None:
    """The outlet a page names itself in its JSON-LD (NewsArticle.publisher), when the caller gave none."""
    for obj in _expand(list(json_ld)):
        if isinstance(obj, dict) and not _is_claim_review(obj) and obj.get("publisher"):
            return _name(obj["publisher"])
    return None


def _claim_review(obj: dict[str, Any], *, page_url: str | None = None,
                  page_outlet: str | None = None) -> NewDocument | str:
    """A fact-check becomes a document: the claim reviewed, then who rated it and how."""
    claim = _plain(obj.get("claimReviewed"))
    if not claim:
        return "a ClaimReview without claimReviewed"
    rating = _rating(obj.get("reviewRating"))
    if not rating:
        return "a ClaimReview without a reviewRating (alternateName or ratingValue)"
    checker_name = _name(obj.get("author")) or _name(obj.get("publisher")) or page_outlet
    reviewed = obj.get("itemReviewed")
    claimant = _name(reviewed.get("author")) if isinstance(reviewed, dict) else None
    language = _language(obj.get("inLanguage")) or detect_language(claim)
    return _validated(NewDocument(
        text=f"{claim}\n{_rating_line(language, checker_name, claimant, rating)}",
        url=_plain(obj.get("url")) or page_url, title=_plain(obj.get("headline")) or _plain(obj.get("name")),
        outlet=checker_name, published=_plain(obj.get("datePublished")), language=language,
        source_kind="claimreview", claim_reviewed=claim, rating=rating,
    ))


def _rating_line(language: str, checker_name: str | None, claimant: str | None, rating: str) -> str:
    if language == "ar":
        by = f" (صاحب الادعاء: {claimant})" if claimant else ""
        return f"تقييم {checker_name or 'مدقق الحقائق'}: {rating}{by}"
    by = f" (claim made by {claimant})" if claimant else ""
    return f"{checker_name or 'Fact-checker'} rating: {rating}{by}"


def _rating(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return _plain(value)
    label = _plain(value.get("alternateName")) or _plain(value.get("name"))
    if label:
        return label
    score = _plain(value.get("ratingValue"))
    best = _plain(value.get("bestRating"))
    return f"{score}/{best}" if score and best else score


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        return next((n for n in map(_name, value) if n), None)
    if isinstance(value, dict):
        return _plain(value.get("name")) or _plain(value.get("alternateName"))
    return _plain(value)


def _language(value: Any) -> str | None:
    code = _name(value)
    return code.split("-")[0].lower() if code else None


def _plain(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = f"{value:g}"
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _validated(document: NewDocument) -> NewDocument | str:
    """Clean the text and check the fields a user typed; a string is the reason for refusing."""
    text = document.text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if not text:
        return "the text is empty"
    if len(text) > MAX_DOCUMENT_CHARS:
        return f"the text is {len(text):,} characters, over the {MAX_DOCUMENT_CHARS:,} limit for one document"
    published = _published(document.published)
    if document.published and published is None:
        return f"published {document.published!r} is not a date (use YYYY-MM-DD)"
    for name, limit in FIELD_LIMITS.items():
        value = getattr(document, name, None)
        if value is not None and len(value) > limit:
            return f"{name} is {len(value):,} characters; the limit is {limit:,}"
    if document.outlet is not None and document.outlet.strip() and not re.search(r"\w", document.outlet):
        return f"outlet {document.outlet!r} has no letters or digits to name an outlet by"
    url = (document.url or "").strip() or None
    if url and not re.match(r"^https?://\S+$", url):
        return f"url {url!r} is not an http(s) address"
    return replace(document, text=text, url=url, published=published, title=(document.title or "").strip() or None,
                   language=(document.language or "").strip().lower() or detect_language(text))


def _published(value: str | None) -> str | None:
    """YYYY-MM-DD (a timestamp keeps only its date), or None when it is not a real date."""
    value = (value or "").strip()
    if not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


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


# -- writing -----------------------------------------------------------------------------------------------


def _import(db: sqlite_utils.Database, source: str, items: list[tuple[Location, NewDocument | str]], *,
            embed: bool | None) -> ImportResult:
    registry = load_registry()

    def write() -> ImportResult:
        tally = _Tally()
        import_id = db["imports"].insert({
            "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "source": source,
            "added": 0, "skipped": 0, "rejected": 0, "problems": "[]",
        }).last_pk
        outlets: dict[str, StoredOutlet | None] = {}
        for where, item in items:
            if isinstance(item, str):
                tally.problems.append((where, item))
                continue
            # one bad document is that line's problem, never the whole import's: its writes are undone alone
            db.execute("SAVEPOINT document")
            try:
                _store_document(db, item, import_id, tally, _outlet_for(db, item.outlet, registry, outlets, tally))
            except CheckerError as error:
                db.execute("ROLLBACK TO document")
                tally.problems.append((where, str(error)))
            db.execute("RELEASE document")
        db["imports"].update(import_id, {
            "added": tally.added, "skipped": tally.skipped, "rejected": len(tally.problems),
            "problems": json.dumps([[str(where), reason] for where, reason in tally.problems], ensure_ascii=False),
        })
        result = ImportResult(
            added=tally.added, skipped=tally.skipped, rejected=len(tally.problems), problems=tuple(tally.problems),
            import_id=import_id, source=source, passage_ids=tuple(tally.passage_ids),
            new_outlets=tuple(tally.new_outlets),
        )
        return result, tuple(tally.stored_passage_ids)

    result, stored_ids = run_write(db, write)
    return _embed(db, result, embed, stored_ids)


def _outlet_for(db: sqlite_utils.Database, name: str | None, registry: OutletRegistry,
                cache: dict[str, StoredOutlet | None], tally: _Tally) -> StoredOutlet | None:
    """Known names map to their outlet; an unknown name is stored as a new outlet and listed in the summary."""
    if not name:
        return None
    if name not in cache:
        outlet, created = resolve_outlet(db, name, registry=registry)
        if created and outlet is not None:
            tally.new_outlets.append(outlet.name)
        cache[name] = outlet
    return cache[name]


_INSERT_DOCUMENT = """
INSERT INTO documents (url, title, outlet_id, published, language, text, content_hash, fetched_at, source_kind,
                       claim_reviewed, rating, import_id)
VALUES (:url, :title, :outlet_id, :published, :language, :text, :content_hash, :fetched_at, :source_kind,
        :claim_reviewed, :rating, :import_id)
"""
_INSERT_PASSAGE = """
INSERT INTO passages (document_id, idx, text, search_text, start, "end")
VALUES (:document_id, :idx, :text, :search_text, :start, :end)
"""


def _store_document(db: sqlite_utils.Database, document: NewDocument, import_id: int, tally: _Tally,
                    outlet: StoredOutlet | None) -> None:
    """Plain parameterised INSERTs: sqlite-utils' insert() re-reads the schema each call, 3x slower in bulk."""
    digest = content_hash(document.text)
    existing = db.execute("SELECT id FROM documents WHERE content_hash = ?", [digest]).fetchone()
    if existing:
        tally.skipped += 1
        tally.stored_passage_ids.extend(row[0] for row in db.execute(
            "SELECT id FROM passages WHERE document_id = ?", [existing[0]]))
        return
    document_id = db.execute(_INSERT_DOCUMENT, {
        "url": document.url, "title": document.title, "outlet_id": outlet.id if outlet else None,
        "published": document.published, "language": document.language, "text": document.text,
        "content_hash": digest, "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "source_kind": document.source_kind, "claim_reviewed": document.claim_reviewed,
        "rating": document.rating, "import_id": import_id,
    }).lastrowid
    stored = []
    for passage in split_passages(document.text):
        stored.append((db.execute(_INSERT_PASSAGE, {
            "document_id": document_id, "idx": passage.idx, "text": passage.text,
            "search_text": passage.search_text, "start": passage.start, "end": passage.end,
        }).lastrowid, document_id, passage.text))
    assign_groups(db, stored)  # near-duplicates of earlier reports join their group (checker.store.dedup)
    tally.passage_ids.extend(pid for pid, _, _ in stored)
    tally.added += 1


def _embed(db: sqlite_utils.Database, result: ImportResult, embed: bool | None,
           stored_ids: tuple[int, ...] = ()) -> ImportResult:
    """Embed the new passages now, and those of already-stored documents that lack vectors (an import killed
    while embedding); if the model fails, the committed documents stay and wait for embed_missing."""
    wanted = embed if embed is not None else os.environ.get(SKIP_EMBEDDINGS_ENV, "").strip() not in {"1", "true", "yes"}
    lacking = _without_vectors(db, stored_ids)
    if not wanted:
        if lacking:
            note = (f"{len(lacking)} passages of already-stored documents have no vectors yet: "
                    "run `python -m checker evidence embed`")
            return replace(result, notes=(*result.notes, note))
        return result
    if not result.passage_ids and not lacking:
        return result
    try:
        from checker.embeddings import embed_passages

        embed_passages(db, [*result.passage_ids, *lacking])
        if len(result.passage_ids) >= INDEX_SYNC_AFTER:  # a bulk load: write the ANN files now (checker.index)
            from checker.embeddings import model_key
            from checker.index import sync

            sync(db, model_key())
        if lacking:
            note = f"{len(lacking)} passages of already-stored documents had no vectors; embedded now"
            result = replace(result, notes=(*result.notes, note))
    except Exception as error:  # noqa: BLE001 - any model failure; the documents are already committed
        note = (f"stored, but the passages are not embedded yet ({error}); "
                "semantic search will miss them until embed_missing runs")
        return replace(result, notes=(*result.notes, note))
    return result


def _without_vectors(db: sqlite_utils.Database, passage_ids: tuple[int, ...]) -> list[int]:
    """Those of `passage_ids` with no vector for the configured model."""
    have: set[int] = set()
    model = get_settings().embedding_model
    for start in range(0, len(passage_ids), 500):
        part = passage_ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        have.update(row[0] for row in db.execute(
            f"SELECT passage_id FROM embeddings WHERE model = ? AND passage_id IN ({marks})", [model, *part]))
    return [pid for pid in passage_ids if pid not in have]


def _place(where: Location) -> str:
    return f"line {where}" if isinstance(where, int) else str(where)
