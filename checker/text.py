"""PLACEHOLDER (to be replaced by the claims work): bytes -> text."""
from __future__ import annotations

from checker.errors import InputError


def decode_input(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise InputError("the input is empty")
    return text
