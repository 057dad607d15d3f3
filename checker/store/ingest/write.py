"""The import transaction: one `imports` row, each document stored once, one bad document undone alone.

A document's identity is the hash of its normalised text, so the same report pasted twice, re-spaced or
re-diacritised, is stored once; an interrupted import leaves the database as it was.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from checker.errors import CheckerError
from checker.normalize import search_form
from checker.outlets import OutletRegistry, load_registry
from checker.store.db import run_write
from checker.store.dedup import assign_groups
from checker.store.ingest.documents import Location, NewDocument
from checker.store.ingest.embed import embed_after_import
from checker.store.outlets import StoredOutlet, resolve_outlet
from checker.store.passages import split_passages


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


@dataclass
class _Tally:
    added: int = 0
    skipped: int = 0
    problems: list[tuple[Location, str]] = field(default_factory=list)
    passage_ids: list[int] = field(default_factory=list)
    stored_passage_ids: list[int] = field(default_factory=list)  # of documents skipped as already stored
    new_outlets: list[str] = field(default_factory=list)


def import_items(db: sqlite_utils.Database, source: str, items: list[tuple[Location, NewDocument | str]], *,
                 embed: bool | None) -> ImportResult:
    """Store the documents in one transaction (a str item is the reason it was refused), then embed them."""
    registry = load_registry()

    def write() -> tuple[ImportResult, tuple[int, ...]]:
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
    note = embed_after_import(db, result.passage_ids, embed, stored_ids)
    return replace(result, notes=(*result.notes, note)) if note else result


def import_history(db: sqlite_utils.Database, limit: int = 50) -> list[dict[str, Any]]:
    """The latest imports, newest first, with their problems decoded (the Evidence page's history)."""
    rows = db["imports"].rows_where(order_by="id desc", limit=limit)
    return [{**row, "problems": [tuple(p) for p in json.loads(row["problems"] or "[]")]} for row in rows]


def content_hash(text: str) -> str:
    """Identity of a document: the same report pasted twice, re-spaced or re-diacritised, is stored once."""
    return hashlib.sha256(search_form(text).lower().encode("utf-8")).hexdigest()


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


def _place(where: Location) -> str:
    return f"line {where}" if isinstance(where, int) else str(where)
