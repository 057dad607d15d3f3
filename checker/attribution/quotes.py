"""Quotation spans, so a claim spoken inside quotation marks is reported as a direct quote.

Arabic copy often opens a quotation and never closes it; such a quotation runs
to the end of its paragraph.
"""
from __future__ import annotations

import bisect
import re

_OPENERS = {"“": "”", "«": "»", "„": "“", "''": "''", '"': '"'}
_PARAGRAPH_END = re.compile(r"\n\s*\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each quotation, marks excluded."""
    spans = []
    position = 0
    paragraph_end = -1
    while True:
        opening = _next_opener(text, position)
        if opening is None:
            return spans
        mark = "''" if text.startswith("''", opening) else text[opening]
        closer = _OPENERS[mark]
        if opening >= paragraph_end:  # one search per paragraph, not per quotation: many quotes stay linear
            paragraph_end = _paragraph_end(text, opening)
        close = text.find(closer, opening + len(mark), paragraph_end)
        end = close if close != -1 else paragraph_end
        spans.append((opening + len(mark), end))
        position = end + len(closer)


def closed_quote_spans(text: str) -> list[tuple[int, int]]:
    """Only the quotations that close: an unclosed one may run far past the words really quoted."""
    return [(start, end) for start, end in quote_spans(text) if end < len(text) and text[end] in "”»\"'“"]


def quoted_share(spans: list[tuple[int, int]], start: int, end: int) -> float:
    """How much of text[start:end] lies inside quotation marks (0..1)."""
    if end <= start:
        return 0.0
    # spans are in reading order and never overlap: only those from the last one starting before `start` count
    first = max(0, bisect.bisect_right(spans, (start, float("inf"))) - 1)
    inside = 0
    for q_start, q_end in spans[first:]:
        if q_start >= end:
            break
        inside += max(0, min(end, q_end) - max(start, q_start))
    return inside / (end - start)


_OPENER = re.compile("|".join(re.escape(mark) for mark in sorted(_OPENERS, key=len, reverse=True)))


def _next_opener(text: str, position: int) -> int | None:
    """One regex scan to the nearest mark: a find() per kind of mark ran to the end for each absent kind."""
    found = _OPENER.search(text, position)
    return found.start() if found else None


def _paragraph_end(text: str, position: int) -> int:
    match = _PARAGRAPH_END.search(text, position)
    return match.start() if match else len(text.rstrip())
