"""`evidence search --queries FILE`: many searches from one process, one JSON line in, one JSON line out.

A batch of claims is matched without reloading the model or the dense index per claim: consecutive lines with
the same k and filters are embedded together. Each input line is a JSON object with "query" (or "text"), and
optionally "id", "k", "outlet", "since", "until"; each output line is {"id", "query", "hits"} or, for a line
that cannot be searched, {"line", "error"} (the rest still run).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from checker.errors import InputError
from checker.models import to_plain

BATCH = 64


@dataclass(frozen=True)
class _Request:
    line: int
    id: Any
    query: str
    k: int
    outlet: str | None
    since: str | None
    until: str | None

    @property
    def options(self) -> tuple:
        return self.k, self.outlet, self.since, self.until


def _parse(number: int, raw: str, default_k: int) -> _Request | str:
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as error:
        return f"not JSON: {error.msg}"
    if not isinstance(item, dict):
        return "a line must be a JSON object"
    query = item.get("query", item.get("text"))
    if not isinstance(query, str) or not query.strip():
        return 'no "query" text'
    k = item.get("k", default_k)
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        return f"k must be a whole number of at least 1 (got {k!r})"
    options = [item.get(name) for name in ("outlet", "since", "until")]
    if any(value is not None and not isinstance(value, str) for value in options):
        return "outlet, since and until must be strings"
    return _Request(number, item.get("id", number), query, k, *options)


def search_lines(db: sqlite_utils.Database, lines: Iterable[str], *, k: int = 10) -> Iterator[dict[str, Any]]:
    """One result object per non-blank input line, in input order."""
    from checker.retrieval import search_many

    pending: list[_Request] = []

    def flush() -> Iterator[dict[str, Any]]:
        if not pending:
            return
        first = pending[0]
        try:
            found = search_many(db, [r.query for r in pending], k=first.k, outlet=first.outlet,
                                since=first.since, until=first.until)
        except InputError as error:
            yield from ({"line": r.line, "id": r.id, "error": str(error)} for r in pending)
        else:
            yield from ({"id": r.id, "query": r.query, "hits": to_plain(hits)} for r, hits in zip(pending, found))
        pending.clear()

    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        request = _parse(number, raw, k)
        if isinstance(request, str):
            yield from flush()
            yield {"line": number, "error": request}
            continue
        if pending and (request.options != pending[0].options or len(pending) >= BATCH):
            yield from flush()
        pending.append(request)
    yield from flush()
