"""Quotation spans, so a claim spoken inside quotation marks is reported as a direct quote.

Arabic copy often opens a quotation and never closes it; such a quotation runs
to the end of its paragraph.
"""
from __future__ import annotations

import re

_OPENERS = {"“": "”", "«": "»", "„": "“", "''": "''", '"': '"'}
_PARAGRAPH_END = re.compile(r"\n\s*\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each quotation, marks excluded."""
    spans = []
    position = 0
    while True:
        opening = _next_opener(text, position)
        if opening is None:
            return spans
        mark = "''" if text.startswith("''", opening) else text[opening]
        closer = _OPENERS[mark]
        paragraph_end = _paragraph_end(text, opening)
        close = text.find(closer, opening + len(mark), paragraph_end)
        end = close if close != -1 else paragraph_end
        spans.append((opening + len(mark), end))
        position = end + len(closer)


def quoted_share(spans: list[tuple[int, int]], start: int, end: int) -> float:
    """How much of text[start:end] lies inside quotation marks (0..1)."""
    if end <= start:
        return 0.0
    inside = sum(max(0, min(end, q_end) - max(start, q_start)) for q_start, q_end in spans)
    return inside / (end - start)


def _next_opener(text: str, position: int) -> int | None:
    found = [i for i in (text.find(mark, position) for mark in _OPENERS) if i != -1]
    return min(found) if found else None


def _paragraph_end(text: str, position: int) -> int:
    match = _PARAGRAPH_END.search(text, position)
    return match.start() if match else len(text.rstrip())
