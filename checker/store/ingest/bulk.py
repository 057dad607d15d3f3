"""Reading a bulk file: one whole JSON value, or else one JSON object per line, each line judged alone.

A broken or too deeply nested line is that line's problem, never the whole file's; a file where no
line is JSON at all is refused with one clear error.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from checker.errors import InputError
from checker.store.ingest.documents import Location, NewDocument
from checker.store.ingest.json_documents import document_from, expand

MAX_JSON_DEPTH = 64  # nesting a JSON document or line may have; deeper is refused as that line's problem
_TOO_DEEP = object()


def parse_bulk(text: str, path: Path) -> list[tuple[Location, NewDocument | str]]:
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
            items = [(f"item {n}", document_from(obj)) for n, obj in enumerate(expand(whole), start=1)]
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
        expanded = list(expand(obj)) if isinstance(obj, dict) else [obj]
        if len(expanded) == 1:
            yield number, document_from(expanded[0])
        else:
            yield from ((f"line {number} item {n}", document_from(o)) for n, o in enumerate(expanded, start=1))


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
