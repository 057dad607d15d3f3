"""claims.db: opening it safely and migrating its schema forward.

Each migration is a function that takes the schema from version N-1 to N.
They run in one transaction, so a failed upgrade leaves the file as it was.
One connection may be shared by threads (the desk's sessions): a lock per
connection makes each transaction whole. SQLite's own error (disk full,
read-only, locked, damaged) is named in every message, and another
application's SQLite file is never turned into a checker store unasked.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, TypeAlias, TypeVar

import sqlite_utils

from checker.config import get_settings, is_database_url
from checker.errors import StoreError

if TYPE_CHECKING:
    from checker.store.pg import PgDatabase

T = TypeVar("T")
# sqlite_utils.Database, or checker.store.pg.PgDatabase (the same calls) for a postgresql:// URL.
Store: TypeAlias = "sqlite_utils.Database | PgDatabase"
BUSY_TIMEOUT_MS = 5_000
# A new store's page size. A stored vector (512 float32 = 2 KiB) does not fit twice in SQLite's default 4 KiB page,
# so each took a page of its own: 3.9 KiB on disk per passage for the vectors alone. 16 KiB pages hold seven.
PAGE_SIZE = 16_384
LOCK_RETRIES = 3
CHECKER_TABLES = ("outlets", "documents", "passages", "embeddings", "imports", "analyses", "claims", "claim_sources",
                  "claim_evidence", "decisions")
_LOCKS: weakref.WeakKeyDictionary[sqlite_utils.Database, threading.RLock] = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()
# SQLite's primary result codes -> what the person at the keyboard can do about them.
_ADVICE = {
    "SQLITE_FULL": "the disk is full: free some space and try again",
    "SQLITE_READONLY": "the file or its folder is read-only: check the permissions, or pass --db",
    "SQLITE_BUSY": "another process is writing to it: try again in a moment",
    "SQLITE_LOCKED": "another process is writing to it: try again in a moment",
    "SQLITE_CORRUPT": "the file is damaged: move it aside (or restore a copy) and pass --db",
    "SQLITE_NOTADB": "it is not an SQLite database: pass --db with a checker database or a new file",
    "SQLITE_IOERR": "the disk could not be read or written: check the disk and try again",
    "SQLITE_CANTOPEN": "the file cannot be opened: check the path and its permissions",
    "SQLITE_PERM": "access was refused: check the permissions",
}


def _v1(db: sqlite_utils.Database) -> None:
    db["outlets"].create(
        {"id": str, "name": str, "aliases": str, "kind": str, "country": str, "origin": str, "updated_at": str},
        pk="id",
    )
    db["documents"].create(
        {
            "id": int, "url": str, "title": str, "outlet_id": str, "published": str, "language": str,
            "text": str, "content_hash": str, "fetched_at": str, "source_kind": str,
            "claim_reviewed": str, "rating": str, "import_id": int,
        },
        pk="id",
        foreign_keys=[("outlet_id", "outlets", "id")],
    )
    db["documents"].create_index(["content_hash"], unique=True)
    db["documents"].create_index(["outlet_id", "published"])
    db["passages"].create(
        {"id": int, "document_id": int, "idx": int, "text": str, "search_text": str, "start": int, "end": int},
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["passages"].create_index(["document_id"])
    db["passages"].enable_fts(["search_text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db["embeddings"].create(
        {"passage_id": int, "model": str, "dim": int, "vector": bytes},
        pk=("passage_id", "model"),
        foreign_keys=[("passage_id", "passages", "id")],
    )
    db["embeddings"].create_index(["model"])
    db["imports"].create(
        {"id": int, "started_at": str, "source": str, "added": int, "skipped": int, "rejected": int, "problems": str},
        pk="id",
    )
    db["analyses"].create(
        {
            "id": int, "created_at": str, "title": str, "source": str, "url": str, "language": str,
            "text": str, "text_hash": str, "report": str,
        },
        pk="id",
    )
    db["claims"].create(
        {
            "id": int, "analysis_id": int, "claim_key": str, "text": str, "start": int, "end": int,
            "checkworthiness": float, "verdict": str, "verdict_score": float, "source_status": str,
        },
        pk="id",
        foreign_keys=[("analysis_id", "analyses", "id")],
    )
    db["claims"].create_index(["analysis_id", "claim_key"], unique=True)
    db["claim_sources"].create(
        {
            "id": int, "claim_id": int, "kind": str, "outlet_id": str, "outlet_name": str, "speaker": str,
            "cue": str, "confidence": float, "carried_from": str,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["claim_evidence"].create(
        {
            "claim_id": int, "passage_id": int, "rank": int, "similarity": float, "stance": str,
            "score": float, "reasons": str,
        },
        pk=("claim_id", "passage_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("passage_id", "passages", "id")],
    )
    # Append-only: two reviewers never overwrite each other; the latest row per
    # (claim, field) is the current decision and the rest is its history.
    db["decisions"].create(
        {
            "id": int, "analysis_id": int, "claim_key": str, "field": str, "value": str,
            "reviewer": str, "created_at": str,
        },
        pk="id",
        foreign_keys=[("analysis_id", "analyses", "id")],
    )
    db["decisions"].create_index(["analysis_id", "claim_key", "field"])


def _v2(db: sqlite_utils.Database) -> None:
    """Feeds (conditional-GET state, fetch log, items seen) and near-duplicate groups of passages."""
    from checker.store import dedup, fetchlog

    fetchlog.create_tables(db)
    dedup.create_tables(db)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Store) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Store) -> None:
    if is_postgres(db):
        from checker.store.pg import migrate as migrate_pg

        migrate_pg(db, SCHEMA_VERSION)
        return
    if schema_version(db) == SCHEMA_VERSION:
        return
    with transaction(db):
        # Read again under the write lock: another process may have just created the same new file.
        current = schema_version(db)
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"this database has schema version {current}, newer than this checker ({SCHEMA_VERSION}): "
                "upgrade checker"
            )
        for version in range(current, SCHEMA_VERSION):
            MIGRATIONS[version](db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _lock(db: sqlite_utils.Database) -> threading.RLock:
    """One lock per open database (sqlite3 connections take no weak references, their wrapper does)."""
    with _LOCKS_GUARD:
        lock = _LOCKS.get(db)
        if lock is None:
            lock = _LOCKS[db] = threading.RLock()
        return lock


@contextmanager
def transaction(db: Store) -> Iterator[Store]:
    """All or nothing: an interrupted import leaves the database as it was.

    The connection's lock is held throughout, so a thread sharing the connection waits instead of slipping its
    writes into (and losing them with) another thread's transaction; the same thread may nest. On PostgreSQL
    the transaction takes the store's write lock (checker.store.pg), the same one-writer rule.
    """
    if is_postgres(db):
        with db.transaction():
            yield db
        return
    conn = db.conn
    with _lock(db):
        if conn.in_transaction:
            yield db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:  # SQLite has already rolled back after some errors (a full disk)
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the error that brought us here is the one worth reporting
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise


def describe(error: sqlite3.Error, what: str = "the database") -> str:
    """One line naming SQLite's own error and what to do about it; never "unusable" for a healthy file."""
    name = getattr(error, "sqlite_errorname", "") or ""
    primary = name if name in _ADVICE else "_".join(name.split("_")[:2])
    message = str(error) or type(error).__name__
    if "no such table" in message or "no such column" in message:
        return (f"{what} is missing part of checker's schema ({message}): it was damaged or changed by another "
                "program; move it aside (or restore a copy) and pass --db")
    if "malformed" in message or "not a database" in message:
        primary = "SQLITE_NOTADB" if "not a database" in message else "SQLITE_CORRUPT"
    if "locked" in message or "busy" in message:
        primary = primary if primary in _ADVICE else "SQLITE_BUSY"
    advice = _ADVICE.get(primary)
    return f"{what}: {message}" + (f" ({advice})" if advice else "")


def with_retry(action: Callable[[], T], *, retries: int = LOCK_RETRIES, pause: float = 0.5) -> T:
    """Run `action`, retrying while another process holds the write lock."""
    for attempt in range(retries + 1):
        try:
            return action()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if attempt == retries:
                raise StoreError(
                    "the database is locked by another process (another import or reviewer?); try again in a moment"
                ) from error
            time.sleep(pause * (attempt + 1))
    raise AssertionError("unreachable")


def run_write(db: Store, action: Callable[[], T]) -> T:
    """`action` as one all-or-nothing transaction, retried while locked; SQLite's error becomes a StoreError."""
    def attempt() -> T:
        with transaction(db):
            return action()

    try:
        return with_retry(attempt)
    except sqlite3.DatabaseError as error:
        raise StoreError("could not write to " + describe(error)) from error


def open_db(path: str | os.PathLike[str] | None = None, *, adopt: bool = False) -> Store:
    """Open (and create or upgrade) claims.db, with WAL, foreign keys and a busy timeout.

    A file holding another application's tables is refused unless `adopt` (the --adopt-db flag): creating
    checker's tables and switching it to WAL would change someone else's data. A postgresql:// URL opens the
    shared store in PostgreSQL instead (checker.store.pg), with the same schema versions and the same refusals.
    """
    location = path if path else get_settings().db_path
    if is_database_url(location):
        return _open_pg(str(location), adopt=adopt)
    db_path = Path(location)
    if db_path.exists() and db_path.is_dir():
        raise StoreError(f"{db_path} is a folder, not a database file")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the folder for {db_path} ({error.strerror})") from error
    try:
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                               isolation_level=None)
        db = sqlite_utils.Database(conn)
        if not adopt:
            _refuse_foreign(db, db_path)
        if not db.table_names():  # only an empty file can still choose its page size
            db.execute(f"PRAGMA page_size={PAGE_SIZE}")
        with_retry(lambda: db.execute("PRAGMA journal_mode=WAL"))
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        with_retry(lambda: migrate(db))
        _check_tables(db, db_path)
    except sqlite3.DatabaseError as error:
        if _damaged(error):
            raise StoreError(f"{db_path} is not a usable checker database ({error}); move it aside (or restore a "
                             "copy) or pass --db") from error
        raise StoreError(describe(error, str(db_path))) from error
    return db


def _open_pg(url: str, *, adopt: bool) -> Store:
    try:
        from checker.store.pg import PgDatabase, redacted
    except ImportError as error:
        raise StoreError(f"a postgresql:// database needs the scale extras ({error.name} is missing): run "
                         "`make install-scale`") from error
    shown = redacted(url)
    try:
        db = PgDatabase(url)
        if not adopt and schema_version(db) == 0:
            tables = db.table_names()
            if tables and not set(tables) & set(CHECKER_TABLES):
                raise StoreError(f"{shown} holds another application's tables ({', '.join(tables[:5])}); checker "
                                 "leaves it as it is. Pass --db with an empty database, or add --adopt-db")
        with_retry(lambda: migrate(db))
        missing = [name for name in CHECKER_TABLES if name not in set(db.table_names())]
    except sqlite3.DatabaseError as error:
        raise StoreError(describe(error, shown)) from error
    if missing:
        raise StoreError(f"{shown} is a checker database missing the table(s) {', '.join(missing)} (damaged or "
                         "changed by another program): restore a copy, or pass --db")
    return db


def is_postgres(db: Store) -> bool:
    """Whether `db` is a shared store in PostgreSQL (where FTS5 and PRAGMAs are answered differently)."""
    return type(db).__name__ == "PgDatabase"


def shown_location(location: str | os.PathLike[str] | None) -> str:
    """A database as it may be shown in a message or on the desk: a PostgreSQL URL without its password."""
    if not location:
        return "the database"
    if is_database_url(location):
        from checker.store.pg import redacted

        return redacted(os.fspath(location))
    return os.fspath(location)


def _damaged(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(error) \
        or "not a database" in str(error)


def _refuse_foreign(db: sqlite_utils.Database, db_path: Path) -> None:
    """Another program's database: tables, none of them checker's, and no checker schema version."""
    if schema_version(db) != 0:
        return
    tables = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    if tables and not set(tables) & set(CHECKER_TABLES):
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        raise StoreError(f"{db_path} is another application's SQLite database (tables: {shown}); checker leaves it "
                         "as it is. Pass --db with a new file, or add --adopt-db to add checker's tables to it")


def _check_tables(db: sqlite_utils.Database, db_path: Path) -> None:
    """A table dropped from a checker database is named at once, not met as a traceback in some later query."""
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [name for name in CHECKER_TABLES if name not in present]
    if missing:
        raise StoreError(f"{db_path} is a checker database missing the table(s) {', '.join(missing)} (damaged or "
                         "changed by another program): move it aside (or restore a copy) and pass --db")
