"""`python -m checker db copy SRC DST`: move a whole store between claims.db and PostgreSQL, either way.

Every table is copied with its ids (so analyses, claims, decisions and
passages keep pointing at each other, and exports name the same ids), in
foreign-key order, in one transaction on the destination: a failed copy
leaves it empty. The full-text index is rebuilt by the destination itself
(FTS5 triggers, or PostgreSQL's generated column); vectors keep their order.
The destination must hold no checker rows (a copy never merges two desks).
Afterwards every table is read back on both sides and compared row by row
(a digest per table), so "copied" means "verified identical".
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from checker.errors import StoreError
from checker.config import is_database_url
from checker.store.db import Store, describe, is_postgres, open_db, shown_location, transaction
from checker.store.pg_dialect import NUMBERED, PRIMARY_KEYS, quote

# Parents before children (documents -> outlets, passages -> documents, ...).
TABLES = ("outlets", "imports", "documents", "passages", "embeddings", "analyses", "claims", "claim_sources",
          "claim_evidence", "decisions", "feed_state", "fetch_log", "feed_items", "passage_groups", "dedup_bands")
# Columns one side computes itself: PostgreSQL's text-search vector and its stand-in for SQLite's rowid.
COMPUTED = frozenset({"search_tsv", "rowid"})
BATCH = 2_000


@dataclass(frozen=True)
class CopyResult:
    source: str
    destination: str
    rows: dict[str, int]

    def summary(self) -> str:
        counts = ", ".join(f"{table} {n:,}" for table, n in self.rows.items() if n)
        return (f"copied {sum(self.rows.values()):,} rows from {self.source} to {self.destination} "
                f"and verified them identical ({counts or 'no rows'})")


def copy_store(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> CopyResult:
    """Copy every checker table from `source` to the empty store `destination` (file path or postgresql:// URL)."""
    src_name, dst_name = shown_location(source), shown_location(destination)
    if os.fspath(source) == os.fspath(destination):
        raise StoreError("the source and the destination are the same store")
    if not is_database_url(source) and not os.path.isfile(os.fspath(source)):
        raise StoreError(f"no such database file: {src_name}")
    src, dst = open_db(source), open_db(destination)
    try:
        filled = [table for table in TABLES if _count(dst, table)]
        if filled:
            raise StoreError(f"{dst_name} already holds checker data (in {', '.join(filled)}): copy into an empty "
                             "database; a copy never merges two stores")
        rows: dict[str, int] = {}
        with transaction(dst):
            for table in TABLES:
                columns = [c for c in _columns(src, table) if c not in COMPUTED]
                rows[table] = _write(dst, table, columns, _read(src, table, columns))
            if is_postgres(dst):
                _restart_numbering(dst)
        for table in TABLES:
            if _digest(src, table) != _digest(dst, table):
                raise StoreError(f"the copy of {table} differs from {src_name}: {dst_name} is not a faithful copy")
        return CopyResult(src_name, dst_name, rows)
    except sqlite3.DatabaseError as error:
        raise StoreError("the copy failed, nothing was kept: " + describe(error, dst_name)) from error
    finally:
        _close(src)
        _close(dst)


def _columns(db: Store, table: str) -> list[str]:
    cursor = db.execute(f"SELECT * FROM {quote(table)} LIMIT 0")
    return [column[0] for column in cursor.description or ()]


def _order(table: str) -> str:
    """Keys order the rows; vectors keep the order they were added in (the dense index reads them so)."""
    return "rowid" if table == "embeddings" else ", ".join(map(quote, PRIMARY_KEYS[table]))


def _read(db: Store, table: str, columns: Sequence[str]) -> Iterator[Sequence[Any]]:
    """Rows in key order, streamed (a store of a million passages is never all in memory)."""
    sql = f"SELECT {', '.join(map(quote, columns))} FROM {quote(table)} ORDER BY {_order(table)}"
    if is_postgres(db):
        from checker.store.pg import as_sqlite_errors  # a server gone mid-copy: the error line, not a traceback

        with as_sqlite_errors(), db.pool.connection() as conn, conn.transaction(), \
                conn.cursor(name=f"copy_{table}") as cursor:
            cursor.execute(sql)
            while batch := cursor.fetchmany(BATCH):
                yield from batch
        return
    cursor = db.conn.execute(sql)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _write(db: Store, table: str, columns: Sequence[str], rows: Iterator[Sequence[Any]]) -> int:
    if is_postgres(db):
        return db.copy_rows(table, columns, rows)
    insert = (f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "
              f"VALUES ({', '.join('?' for _ in columns)})")
    written, batch = 0, []
    for row in rows:
        batch.append(tuple(row))
        if len(batch) == BATCH:
            db.conn.executemany(insert, batch)
            written, batch = written + len(batch), []
    if batch:
        db.conn.executemany(insert, batch)
    return written + len(batch)


def _restart_numbering(db: Store) -> None:
    """New rows continue after the copied ids (COPY with explicit ids leaves the sequences at 1)."""
    for table, column in [*((t, "id") for t in sorted(NUMBERED)), ("embeddings", "rowid")]:
        db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                   f"coalesce(max({quote(column)}), 0) + 1, false) FROM {quote(table)}")


def _digest(db: Store, table: str) -> str:
    """One hash of every row in key order; 3 and 3.0 hash alike (SQLite and PostgreSQL may give either)."""
    columns = [c for c in _columns(db, table) if c not in COMPUTED]
    digest = hashlib.sha256()
    for row in _read(db, table, sorted(columns)):
        digest.update(repr(tuple(_plain(value) for value in row)).encode("utf-8"))
    return digest.hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _count(db: Store, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]


def _close(db: Store) -> None:
    try:
        db.conn.close()
    except Exception:  # noqa: BLE001 - closing after an error must not hide the error
        pass
