"""A shared desk's store on PostgreSQL, behind the part of sqlite-utils' Database that checker uses.

`PgDatabase` answers `execute` (with `?`/`:name` parameters, a cursor with
fetchone/fetchall/lastrowid/description), `query` (dicts), `db[table]`
(insert, insert_all, upsert, update, get, rows_where, rows, count) and
`db.conn.executemany`, so the store's modules and the desk run on it
unchanged; the dialect differences live in checker.store.pg_dialect.

Concurrency: each process keeps one connection pool per database (every desk
session borrows from it). A write transaction takes one advisory lock, the
same single-writer rule SQLite's BEGIN IMMEDIATE gives claims.db: decision ids
grow in commit order (the latest decision is the one with the highest id), and
the check-then-insert steps of an import (content hash, new outlet ids, dedup
groups) cannot interleave with another desk's. Readers are never blocked.
psycopg's errors are raised as the sqlite3 errors the callers already handle
(a lock wait that times out reads "database is locked", and is retried).
"""
from __future__ import annotations

import atexit
import sqlite3
import logging
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.numeric import NumericLoader
from psycopg_pool import ConnectionPool, PoolTimeout
from sqlite_utils.db import NotFoundError

from checker.errors import StoreError
from checker.store.pg_dialect import NUMBERED, PRIMARY_KEYS, quote, translate
from checker.store.pg_schema import MIGRATIONS, VERSION_TABLE

WRITE_LOCK = 0x636865636B6572  # "checker": the advisory lock every write transaction takes
LOCK_WAIT = "5s"  # as long as SQLite's busy timeout; then the caller's retries take over
POOL_SIZE = 8
_pools: dict[str, ConnectionPool] = {}
logging.getLogger("psycopg.pool").setLevel(logging.CRITICAL)  # its retries' warnings: the error line says it once
_pools_guard = threading.Lock()


def redacted(url: str) -> str:
    """The URL without its password, for messages and the desk's caption."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://…"
    host, name = info.get("host") or "localhost", info.get("dbname") or ""
    return f"postgresql://{info.get('user') + '@' if info.get('user') else ''}{host}/{name}"


class _Number(NumericLoader):
    """numeric (sum(), avg()) as SQLite gives it: an int when whole, else a float; never a Decimal."""

    def load(self, data: Any) -> int | float:
        value: Decimal = super().load(data)
        return int(value) if value.is_finite() and value == value.to_integral_value() else float(value)


def _configure(conn: psycopg.Connection) -> None:
    conn.adapters.register_loader("numeric", _Number)


def pool_for(url: str) -> ConnectionPool:
    """This process's pool for `url` (opened on first use, closed at exit)."""
    with _pools_guard:
        pool = _pools.get(url)
        if pool is None or pool.closed:
            _check_url(url)
            pool = ConnectionPool(url, min_size=1, max_size=POOL_SIZE, open=False, configure=_configure,
                                  kwargs={"autocommit": True}, name="checker")
            try:
                pool.open(wait=True, timeout=10)
            except PoolTimeout as error:
                pool.close()
                raise sqlite3.OperationalError(f"cannot connect to {redacted(url)}: {_last_error(url)}") from error
            _pools[url] = pool
        return pool


def _check_url(url: str) -> None:
    """A malformed URL is refused at once, without echoing it (its password would be in psycopg's message)."""
    try:
        psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise StoreError("the PostgreSQL URL cannot be read: write it as postgresql://user:password@host/dbname, "
                         "with special characters of the password percent-encoded") from None


def _last_error(url: str) -> str:
    """Why a connection fails, in one line, with the password (if psycopg quotes it) taken out."""
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as error:
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        password = psycopg.conninfo.conninfo_to_dict(url).get("password")
        return message.replace(str(password), "***") if password else message
    return "the server did not answer in time"


def close_pool(url: str) -> None:
    """Close this process's pool for `url` (before the database is dropped or used as a template)."""
    with _pools_guard:
        pool = _pools.pop(url, None)
    if pool is not None:
        pool.close()


def close_pools() -> None:
    with _pools_guard:
        for pool in _pools.values():
            pool.close()
        _pools.clear()


atexit.register(close_pools)


class Cursor:
    """What sqlite3's cursor gives callers: rows (already fetched), description, lastrowid, rowcount."""

    def __init__(self, rows: list[tuple], description: Sequence[tuple] | None, lastrowid: int | None,
                 rowcount: int) -> None:
        self._rows, self._at = rows, 0
        self.description, self.lastrowid, self.rowcount = description, lastrowid, rowcount

    def fetchone(self) -> tuple | None:
        if self._at >= len(self._rows):
            return None
        self._at += 1
        return self._rows[self._at - 1]

    def fetchall(self) -> list[tuple]:
        rest, self._at = self._rows[self._at:], len(self._rows)
        return rest

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.fetchall())


class PgDatabase:
    """One checker store in PostgreSQL; cheap to make (the pool is shared per process), safe across threads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.pool = pool_for(url)
        self._local = threading.local()
        self.conn = _Connection(self)

    def __repr__(self) -> str:
        return f"<PgDatabase {redacted(self.url)}>"

    # -- statements ------------------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> Cursor:
        statement = translate(sql)
        if statement.pragma:
            return self._pragma(statement.pragma, statement.pragma_value)
        with self._connection() as conn, as_sqlite_errors():
            cursor = conn.execute(statement.sql, _values(params))
            rows = cursor.fetchall() if cursor.description else []
            if statement.returns_id:
                return Cursor([], None, rows[0][0] if rows else None, cursor.rowcount)
            description = [(column.name, None, None, None, None, None, None) for column in cursor.description or ()]
            return Cursor(rows, description or None, None, cursor.rowcount)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> None:
        statement = translate(sql)
        sql_text = statement.sql[:-len(" RETURNING id")] if statement.returns_id else statement.sql
        batch = [_values(row) for row in rows]
        if not batch:
            return
        with self._connection() as conn, as_sqlite_errors(), conn.cursor() as cursor:
            cursor.executemany(sql_text, batch)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Bulk-load rows with COPY (checker.store.copy), in the current transaction if there is one."""
        written = 0
        names = ", ".join(map(quote, columns))
        with self._connection() as conn, as_sqlite_errors(), conn.cursor() as cursor:
            with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
        return written

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [column[0] for column in cursor.description or ()]
        return (dict(zip(names, row)) for row in cursor.fetchall())

    def __getitem__(self, name: str) -> Table:
        return Table(self, name)

    def table_names(self) -> list[str]:
        return [row[0] for row in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name")]

    def close(self) -> None:
        """Nothing to release: the pool is the process's, shared by every open desk session."""

    # -- transactions ----------------------------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return getattr(self._local, "conn", None) is not None

    @contextmanager
    def transaction(self) -> Iterator[PgDatabase]:
        """All or nothing, under the store's write lock; the same thread may nest."""
        if self.in_transaction:
            yield self
            return
        with as_sqlite_errors(), self.pool.connection() as conn:
            self._local.conn = conn
            try:
                with conn.transaction():
                    conn.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
                    yield self
            finally:
                self._local.conn = None

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        with as_sqlite_errors(), self.pool.connection() as conn:
            yield conn

    def _pragma(self, name: str, value: str | None) -> Cursor:
        """The PRAGMAs checker asks: the schema version, and which file (none: no ANN files beside it)."""
        if name == "user_version" and value is None:
            return Cursor([(schema_version(self),)], [("user_version",) + (None,) * 6], None, 1)
        if name == "database_list":
            return Cursor([(0, "main", "")], [(n,) + (None,) * 6 for n in ("seq", "name", "file")], None, 1)
        if name in {"foreign_keys", "busy_timeout", "journal_mode", "synchronous"}:
            return Cursor([], None, None, 0)  # always on / the server's business
        raise sqlite3.OperationalError(f"PRAGMA {name} has no PostgreSQL equivalent in checker")


class _Connection:
    """`db.conn` as the store's modules use it: executemany, in_transaction, close."""

    def __init__(self, db: PgDatabase) -> None:
        self._db = db

    @property
    def in_transaction(self) -> bool:
        return self._db.in_transaction

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> None:
        self._db.executemany(sql, rows)

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> Cursor:
        return self._db.execute(sql, params)

    def close(self) -> None:
        self._db.close()


class Table:
    """`db[name]`: the sqlite-utils table methods checker calls, with its arguments' meaning."""

    def __init__(self, db: PgDatabase, name: str) -> None:
        self.db, self.name = db, name
        self.last_pk: Any = None

    @property
    def pks(self) -> tuple[str, ...]:
        return PRIMARY_KEYS.get(self.name, ("id",))

    def insert(self, record: Mapping[str, Any], *, pk: Any = None, ignore: bool = False,
               replace: bool = False, alter: bool = False) -> Table:
        columns = list(record)
        verb = "INSERT OR IGNORE" if ignore else "INSERT OR REPLACE" if replace else "INSERT"
        sql = (f"{verb} INTO {quote(self.name)} ({', '.join(map(quote, columns))}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        cursor = self.db.execute(sql, [record[c] for c in columns])
        if self.name in NUMBERED and record.get("id") is None:
            self.last_pk = cursor.lastrowid
        else:
            if self.name in NUMBERED:
                self._numbering_past(record["id"])
            keys = tuple(record.get(k) for k in self.pks)
            self.last_pk = keys[0] if len(keys) == 1 else keys
        return self

    def _numbering_past(self, value: int) -> None:
        """An id given by the caller (as SQLite allows): later rows are numbered after it, not into it."""
        self.db.execute(f"SELECT setval(pg_get_serial_sequence('{self.name}', 'id'), "
                        f"greatest(?, (SELECT max(id) FROM {quote(self.name)})))", [int(value)])

    def insert_all(self, records: Iterable[Mapping[str, Any]], *, ignore: bool = False, replace: bool = False,
                   pk: Any = None, batch_size: int = 100, alter: bool = False) -> Table:
        rows = list(records)
        if not rows:
            return self
        columns = list(dict.fromkeys(c for row in rows for c in row))
        verb = "INSERT OR IGNORE" if ignore else "INSERT OR REPLACE" if replace else "INSERT"
        self.db.executemany(f"{verb} INTO {quote(self.name)} ({', '.join(map(quote, columns))}) "
                            f"VALUES ({', '.join('?' for _ in columns)})", [[row.get(c) for c in columns] for row in rows])
        return self

    def upsert(self, record: Mapping[str, Any], *, pk: str | Sequence[str] | None = None,
               alter: bool = False) -> Table:
        keys = (pk,) if isinstance(pk, str) else tuple(pk or self.pks)
        columns = list(record)
        updates = [f"{quote(c)} = EXCLUDED.{quote(c)}" for c in columns if c not in keys]
        action = f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING"
        self.db.execute(f"INSERT INTO {quote(self.name)} ({', '.join(map(quote, columns))}) VALUES "
                        f"({', '.join('?' for _ in columns)}) ON CONFLICT ({', '.join(map(quote, keys))}) {action} "
                        "RETURNING 1", [record[c] for c in columns])
        self.last_pk = record[keys[0]] if len(keys) == 1 else tuple(record[k] for k in keys)
        return self

    def update(self, pk_values: Any, updates: Mapping[str, Any] | None = None, *, alter: bool = False) -> Table:
        values = pk_values if isinstance(pk_values, (list, tuple)) else [pk_values]
        if updates:
            sets = ", ".join(f"{quote(c)} = ?" for c in updates)
            where = " AND ".join(f"{quote(k)} = ?" for k in self.pks)
            cursor = self.db.execute(f"UPDATE {quote(self.name)} SET {sets} WHERE {where}",
                                     [*updates.values(), *values])
            if cursor.rowcount == 0:
                raise NotFoundError(f"no {self.name} row with key {pk_values!r}")
        self.last_pk = pk_values
        return self

    def get(self, pk_values: Any) -> dict[str, Any]:
        values = pk_values if isinstance(pk_values, (list, tuple)) else [pk_values]
        where = " AND ".join(f"{quote(k)} = ?" for k in self.pks)
        row = next(self.rows_where(where, values), None)
        if row is None:
            raise NotFoundError(f"no {self.name} row with key {pk_values!r}")
        return row

    def rows_where(self, where: str | None = None, where_args: Sequence[Any] | Mapping[str, Any] | None = None, *,
                   order_by: str | None = None, select: str = "*", limit: int | None = None,
                   offset: int | None = None) -> Iterator[dict[str, Any]]:
        sql = f"SELECT {select} FROM {quote(self.name)}"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if offset is not None:
            sql += f" OFFSET {int(offset)}"
        rows = self.db.query(sql, where_args or [])
        return ({k: v for k, v in row.items() if k != "search_tsv"} for row in rows)

    @property
    def rows(self) -> Iterator[dict[str, Any]]:
        return self.rows_where()

    @property
    def count(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {quote(self.name)}").fetchone()[0]


def _values(params: Sequence[Any] | Mapping[str, Any] | None) -> list[Any] | dict[str, Any]:
    """Parameters as SQLite stores them: booleans are 0/1 (a bool cannot go into a BIGINT column)."""
    if params is None:
        return []
    if isinstance(params, Mapping):
        return {k: int(v) if isinstance(v, bool) else v for k, v in params.items()}
    return [int(v) if isinstance(v, bool) else v for v in params]


# -- schema ------------------------------------------------------------------------------------------------


def schema_version(db: PgDatabase) -> int:
    with db._connection() as conn, as_sqlite_errors():
        exists = conn.execute("SELECT to_regclass(%s)", [VERSION_TABLE]).fetchone()[0]
        if exists is None:
            return 0
        row = conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
        return int(row[0]) if row else 0


def migrate(db: PgDatabase, target: int) -> None:
    """Bring the schema to `target` in one transaction (a failed step leaves the database as it was)."""
    if schema_version(db) == target:
        return
    with db.transaction():
        current = schema_version(db)  # again, under the lock: another desk may have just migrated it
        if current > target:
            raise StoreError(f"this database has schema version {current}, newer than this checker ({target}): "
                             "upgrade checker")
        with db._connection() as conn:
            if current == 0:
                conn.execute(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
                conn.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
            for version in range(current, target):
                MIGRATIONS[version](conn)
            conn.execute(f"UPDATE {VERSION_TABLE} SET version = %s", [target])


# -- errors ------------------------------------------------------------------------------------------------


class PgLocked(sqlite3.OperationalError):
    sqlite_errorname = "SQLITE_BUSY"


class PgIntegrityError(sqlite3.IntegrityError):
    sqlite_errorname = "SQLITE_CONSTRAINT"


class PgOperationalError(sqlite3.OperationalError):
    sqlite_errorname = "SQLITE_ERROR"


class PgDatabaseError(sqlite3.DatabaseError):
    sqlite_errorname = "SQLITE_ERROR"


@contextmanager
def as_sqlite_errors() -> Iterator[None]:
    """psycopg's errors as the sqlite3 ones checker handles; the original stays as the cause."""
    try:
        yield
    except PoolTimeout as error:
        raise PgLocked(f"database is locked: all {POOL_SIZE} connections of this process are busy "
                       f"({_first_line(error)})") from error
    except (pg_errors.LockNotAvailable, pg_errors.DeadlockDetected, pg_errors.SerializationFailure,
            pg_errors.QueryCanceled) as error:
        raise PgLocked(f"database is locked: {_first_line(error)}") from error
    except pg_errors.UndefinedTable as error:
        raise PgOperationalError(f"no such table: {_first_line(error)}") from error
    except pg_errors.UndefinedColumn as error:
        raise PgOperationalError(f"no such column: {_first_line(error)}") from error
    except psycopg.IntegrityError as error:
        raise PgIntegrityError(_first_line(error)) from error
    except psycopg.OperationalError as error:
        raise PgOperationalError(_first_line(error)) from error
    except psycopg.Error as error:
        raise PgDatabaseError(_first_line(error)) from error


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
