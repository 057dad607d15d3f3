"""Cutting a stored document into passages: the unit that search and stance checks compare with a claim.

Passages are a few sentences long: short enough that a number or a denial in
them belongs to one statement, long enough to keep the sentence that names the
source. They never cross a blank line (a paragraph break) or a wire's credit line ("Additional reporting by X in
Damascus": its place is no place of the story), and keep character offsets into the document, so the UI can show a
passage in its context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.line_kinds import is_credit_line
from checker.normalize import search_form

MAX_PASSAGE_CHARS = 360
MAX_PASSAGE_SENTENCES = 3
_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", re.DOTALL)
# A sentence ends at . ! ? ؟ … (plus closing quotes/brackets) before a space, or at a line break.
_UNIT = re.compile(r"\S.*?(?:[.!?؟…]+[\"'”»)\]]*(?=\s)|(?=\n)|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Passage:
    """`document_text[start:end] == text`; `search_text` is what FTS5 indexes."""

    idx: int
    start: int
    end: int
    text: str
    search_text: str


def split_passages(text: str, *, max_chars: int = MAX_PASSAGE_CHARS,
                   max_sentences: int = MAX_PASSAGE_SENTENCES) -> list[Passage]:
    """Greedily pack whole sentences of each paragraph into passages of at most `max_chars`."""
    spans: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        units = [piece for unit in _units(text, block.start(), block.end()) for piece in _wrap(text, *unit, max_chars)]
        for run in _between_credits(text, units):
            spans.extend(_pack(run, max_chars, max_sentences))
    return [
        Passage(idx=i, start=start, end=end, text=text[start:end], search_text=search_form(text[start:end]))
        for i, (start, end) in enumerate(spans)
    ]


def _between_credits(text: str, units: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs of sentences between credit lines, the credit lines left out."""
    runs: list[list[tuple[int, int]]] = [[]]
    for unit in units:
        if is_credit_line(text[unit[0]:unit[1]]):
            runs.append([])
        else:
            runs[-1].append(unit)
    return [run for run in runs if run]


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    units = []
    for match in _UNIT.finditer(text, start, end):
        unit_text = match.group().rstrip()
        if unit_text:
            units.append((match.start(), match.start() + len(unit_text)))
    return units


def _pack(units: list[tuple[int, int]], max_chars: int, max_sentences: int) -> list[tuple[int, int]]:
    packed: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    count = 0
    for unit in units:
        if current and unit[1] - current[0] <= max_chars and count < max_sentences:
            current, count = (current[0], unit[1]), count + 1
            continue
        if current:
            packed.append(current)
        current, count = unit, 1
    if current:
        packed.append(current)
    return packed


def _wrap(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """A sentence longer than a passage is cut at a space (rare: run-on or unpunctuated text)."""
    pieces = []
    while end - start > max_chars:
        space = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = space if space > start else start + max_chars
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces
