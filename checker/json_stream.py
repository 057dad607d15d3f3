"""JSON written piece by piece, character for character what `json.dumps` writes for the same value.

A report at the 2,000,000-character input limit holds tens of thousands of claims. Built as one dict and dumped
as one string, the printed report alone took ~500 MB at once and the stored one ~475 MB (issue 13). Here a long
list is `Lazy`: its elements are made one at a time, each encoded by `json.dumps` and dropped, so only one
claim's dict exists at a time and the text can go to a file as it is made.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Iterator


class Lazy:
    """A list made on demand, one element at a time; `make` is called on every read, so it can be read again."""

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return iter(self.make())


def plain(value: Any) -> Any:
    """`value` with every `Lazy` read into a list (for callers that want the whole dict)."""
    if isinstance(value, Lazy):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def iter_json(value: dict[str, Any] | Lazy, *, indent: int | None = None, sort_keys: bool = False) -> Iterator[str]:
    """The pieces of `json.dumps(plain(value), ensure_ascii=False, indent=indent, sort_keys=sort_keys)`.

    The dicts that hold a `Lazy` list are walked here; each element of a `Lazy` list (one claim, one sentence)
    and every other value is dumped whole and re-indented to its depth. That is exact because JSON text has no
    raw newline inside a string: every newline `json.dumps` writes starts an indented line.
    """
    encode = json.JSONEncoder(ensure_ascii=False, indent=indent, sort_keys=sort_keys).encode
    return _container(value, encode, indent, sort_keys, 0)


def _container(value: dict[str, Any] | Lazy, encode: Callable[[Any], str], indent: int | None, sort_keys: bool,
               level: int) -> Iterator[str]:
    """A dict or a Lazy list laid out as json's encoder lays them out (`{}`/`[]` when empty)."""
    is_dict = isinstance(value, dict)
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    if is_dict:
        items: Iterable[Any] = sorted(value.items()) if sort_keys else value.items()  # type: ignore[union-attr]
    else:
        items = value
    newline = "" if indent is None else "\n" + " " * (indent * (level + 1))
    separator = ", " if indent is None else "," + newline
    first = True
    for item in items:
        if first:
            yield opening + newline
            first = False
        else:
            yield separator
        if is_dict:
            key, item = item
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            yield encode(key) + ": "
            if isinstance(item, Lazy) or _holds_lazy(item):
                yield from _container(item, encode, indent, sort_keys, level + 1)
                continue
        text = encode(item)
        yield text.replace("\n", newline) if indent and "\n" in text else text
    if first:
        yield opening + closing
    else:
        yield ("" if indent is None else "\n" + " " * (indent * level)) + closing


def _holds_lazy(value: Any) -> bool:
    return isinstance(value, dict) and any(isinstance(v, Lazy) or _holds_lazy(v) for v in value.values())
