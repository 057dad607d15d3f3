"""The one place where checker's SQLite-flavoured SQL becomes PostgreSQL's.

The store's modules write SQL once, in the dialect SQLite and sqlite-utils
speak: `?` and `:name` parameters, `INSERT OR IGNORE`/`OR REPLACE`, `[name]`
quoting, a few PRAGMAs, `WHERE 1`, and `cursor.lastrowid` after an INSERT. `translate` turns
one statement into psycopg's form (`%s`, `%(name)s`, `ON CONFLICT`, `RETURNING
id`) so those modules run unchanged on a shared PostgreSQL desk. Text inside
quotes is never rewritten, and no value is ever put into the SQL text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Primary keys of checker's tables (schema version 2): what OR REPLACE conflicts on and what update() matches.
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "outlets": ("id",), "documents": ("id",), "passages": ("id",), "embeddings": ("passage_id", "model"),
    "imports": ("id",), "analyses": ("id",), "claims": ("id",), "claim_sources": ("id",),
    "claim_evidence": ("claim_id", "passage_id"), "decisions": ("id",), "feed_state": ("url",),
    "fetch_log": ("id",), "feed_items": ("feed_url", "item_key"), "passage_groups": ("passage_id",),
    "dedup_bands": ("key", "passage_id"),
}
# Tables whose `id` the database numbers (SQLite's INTEGER PRIMARY KEY): an INSERT returns it as lastrowid.
NUMBERED = frozenset({"documents", "passages", "imports", "analyses", "claims", "claim_sources", "decisions",
                      "fetch_log"})

_INSERT = re.compile(r"^\s*INSERT\s+(?:OR\s+(IGNORE|REPLACE)\s+)?INTO\s+\"?(\w+)\"?\s*(\(([^)]*)\))?",
                     re.IGNORECASE)
_PRAGMA = re.compile(r"^\s*PRAGMA\s+(\w+)\s*(?:=\s*(\S+))?\s*;?\s*$", re.IGNORECASE)
_BRACKETED = re.compile(r"\[([A-Za-z_]\w*)\]")
_WHERE_ONE = re.compile(r"\bWHERE\s+1(?=\s|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    """A translated statement; `pragma` names a PRAGMA answered by the adapter instead of the server."""

    sql: str
    returns_id: bool = False
    pragma: str | None = None
    pragma_value: str | None = None


def quote(name: str) -> str:
    """A column or table name as an identifier ("end" is reserved in PostgreSQL)."""
    return '"' + name.replace('"', '""') + '"'


def translate(sql: str) -> Statement:
    """One SQLite-dialect statement as PostgreSQL runs it."""
    pragma = _PRAGMA.match(sql)
    if pragma:
        return Statement("", pragma=pragma.group(1).lower(), pragma_value=pragma.group(2))
    sql = _placeholders(sql)
    sql = _WHERE_ONE.sub("WHERE TRUE", sql)
    insert = _INSERT.match(sql)
    if not insert:
        return Statement(sql)
    action, table, columns = insert.group(1), insert.group(2).lower(), insert.group(4)
    if action:
        sql = re.sub(r"^\s*INSERT\s+OR\s+\w+\s+INTO", "INSERT INTO", sql, count=1, flags=re.IGNORECASE)
        sql = sql.rstrip().rstrip(";") + _on_conflict(action.upper(), table, columns)
    returns_id = table in NUMBERED and not re.search(r"\bRETURNING\b", sql, re.IGNORECASE)
    if returns_id:
        sql = sql.rstrip().rstrip(";") + " RETURNING id"
    return Statement(sql, returns_id=returns_id)


def _on_conflict(action: str, table: str, columns: str | None) -> str:
    if action == "IGNORE":
        return " ON CONFLICT DO NOTHING"
    keys = PRIMARY_KEYS.get(table)
    if not keys or columns is None:
        raise ValueError(f"INSERT OR REPLACE into {table} needs its column list and a known primary key")
    names = [c.strip().strip('"') for c in columns.split(",")]
    updates = [f"{quote(c)} = EXCLUDED.{quote(c)}" for c in names if c not in keys]
    target = ", ".join(map(quote, keys))
    return f" ON CONFLICT ({target}) " + (f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING")


def _placeholders(sql: str) -> str:
    """`?` -> %s and `:name` -> %(name)s outside quotes; every literal % doubled (psycopg reads them all)."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"":
            end = i + 1
            while end < n:
                if sql[end] == char:
                    if end + 1 < n and sql[end + 1] == char:
                        end += 2
                        continue
                    break
                end += 1
            out.append(sql[i:end + 1].replace("%", "%%"))
            i = end + 1
        elif char == "[" and (match := _BRACKETED.match(sql, i)):
            out.append(quote(match.group(1)))  # sqlite-utils' [name] quoting
            i = match.end()
        elif char == "?":
            out.append("%s")
            i += 1
        elif char == ":" and i + 1 < n and (sql[i + 1].isalpha() or sql[i + 1] == "_") \
                and (i == 0 or sql[i - 1] != ":"):
            match = re.match(r"\w+", sql[i + 1:])
            assert match is not None
            out.append(f"%({match.group()})s")
            i += 1 + match.end()
        elif char == "%":
            out.append("%%")
            i += 1
        else:
            out.append(char)
            i += 1
    return "".join(out)
