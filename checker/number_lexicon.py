"""The [numbers] tables of claims.toml, folded once, and the mention constructor that checker.numbers and
checker.dates share (a module of its own so neither imports the other's internals)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from checker.models import NumberMention
from checker.normalize import fold
from checker.segment import lexicon


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    return lexicon()["numbers"]


@lru_cache(maxsize=None)
def folded_table(name: str) -> dict[str, Any]:
    """A claims.toml [numbers] table or list with its words folded (a list gives a dict of None)."""
    entries = data()[name]
    if isinstance(entries, dict):
        return {fold(key): value for key, value in entries.items()}
    return dict.fromkeys(fold(word) for word in entries)


def alternation(words: Any) -> str:
    """A regex alternation of the folded words, longest first (so "a third" wins over "a")."""
    return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))


def mention(text: str, start: int, end: int, value: float | None, kind: str = "number", **extra: Any) -> NumberMention:
    low = extra.pop("low", value)
    high = extra.pop("high", value)
    return NumberMention(text=text[start:end], start=start, end=end, value=value, kind=kind,  # type: ignore[arg-type]
                         low=low, high=high, **extra)


@lru_cache(maxsize=1)
def ordinals() -> dict[str, float]:
    """Folded ordinal word -> value ("third": 3, «الثالث»: 3)."""
    return {fold(k): float(v) for k, v in data()["ordinals"].items()}
