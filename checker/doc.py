"""One article, tokenised and normalised once, read by every analysis stage.

Like spaCy's `Doc`: the text is split into sentences, folded (`normalize.fold`,
same length, so a match in the folded text has the same offsets in the
original) and cut into word tokens a single time, and the claims and
attribution stages slice this shared copy instead of folding the same
sentences again (they did so some twenty times along one article's path).
Numbers are read claim by claim from the folded slice (`numbers.find_numbers`):
a claim's own edges decide whether "2015" ends a date.

    >>> doc = make_doc("قال المتحدث إن 3 مرضى غادروا المستشفى.")
    >>> doc.language, len(doc.sentences), doc.word_count(0, len(doc.text))
    ('ar', 1, 7)
    >>> [token.folded for token in doc.tokens_in(0, 12)]
    ['قال', 'المتحدث']
"""
from __future__ import annotations

import bisect
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Iterator, Sequence

from checker.language import detect_language
from checker.models import Sentence
from checker.normalize import fold, search_form
from checker.segment import WORD, split_sentences

_AROUND_WORDS = re.compile(f"({WORD.pattern})")
_MARKS = re.compile(r"[\u064B-\u0652\u0670]")  # Arabic diacritics (tatweel apart)
_MARKED_WORD = re.compile(r"[\u0621-\u064A]*[\u064B-\u0652\u0670][\u0621-\u064A\u064B-\u0652\u0670]*")


@dataclass(frozen=True)
class Token:
    """A word (Arabic or Latin letters, digits; "U.S", "don't" kept whole) with its offsets and folded form."""

    start: int
    end: int
    folded: str


@dataclass(frozen=True)
class Doc:
    """The article's text and everything read from it once: `folded` is as long as `text`, so offsets agree.

    Words are kept as two sorted offset lists (a `Token` object per word was half the cost of a 2 MB article's
    `make_doc`); `tokens` and `tokens_in` build the objects on demand."""

    text: str
    folded: str
    language: str
    sentences: tuple[Sentence, ...]
    _token_starts: tuple[int, ...] = field(repr=False, compare=False)
    _token_ends: tuple[int, ...] = field(repr=False, compare=False)
    _search_forms: dict[tuple[int, int], str] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return self._tokens(0, len(self._token_starts))

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens lying wholly inside text[start:end]."""
        return self._tokens(*self._token_range(start, end))

    def word_count(self, start: int, end: int) -> int:
        first, last = self._token_range(start, end)
        return last - first

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [first, last) of the tokens inside text[start:end] (tokens never overlap, so ends are sorted)."""
        first = bisect.bisect_left(self._token_starts, start)
        return first, max(first, bisect.bisect_right(self._token_ends, end))

    def _tokens(self, first: int, last: int) -> tuple[Token, ...]:
        starts, ends, folded = self._token_starts, self._token_ends, self.folded
        return tuple(Token(starts[i], ends[i], folded[starts[i]:ends[i]].replace(" ", "")) for i in range(first, last))

    @cached_property
    def folded_marks_moved(self) -> str:
        """`folded` with the diacritics inside each Arabic word moved to the word's end ("بيّن" folds to "بي ن",
        here "بين "), so a phrase written without its shadda or vowels matches the word written with them
        ("وبيّن", "تحدّثت"). As long as `text`: a match starts where the word starts, and ends at most the word's
        marks early. Computed once, on first use; `folded` itself when the text has no marks."""
        return marks_moved(self.text, self.folded)

    def search_form(self, start: int, end: int) -> str:
        """`normalize.search_form` of text[start:end] (diacritics out, spaces collapsed), computed once per span."""
        key = (start, end)
        if key not in self._search_forms:
            self._search_forms[key] = search_form(self.text[start:end])
        return self._search_forms[key]


def marks_moved(text: str, folded: str) -> str:
    """`folded` (`fold(text)`) with every marked Arabic word's letters closed up and its marks' spaces at its end."""
    if not _MARKS.search(text):
        return folded
    parts, position = [], 0
    for word in _MARKED_WORD.finditer(text):
        start, end = word.span()
        letters = "".join(ch for ch, original in zip(folded[start:end], word.group()) if not _MARKS.match(original))
        parts += [folded[position:start], letters.ljust(end - start)]
        position = end
    parts.append(folded[position:])
    return "".join(parts)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a text stage runs over a `Doc`.

    The claims and attribution stages build hundreds of thousands of small objects from a long article and make
    next to no reference cycles (about twenty in a 400,000-character run): the collector's full passes over them
    freed nothing and cost a fifth of those stages' CPU at 2,000,000 characters. Reference counting still frees
    everything as before; the collector is back on (if it was on) when the stage ends, also after an error. The
    switch is the process's: in a desk serving several analyses at once, the others' stages run without the
    collector meanwhile, which costs them nothing but the delay of collecting their cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def make_doc(text: str, sentences: Sequence[Sentence] | None = None) -> Doc:
    """Split, fold and tokenise once; every later stage takes the `Doc`.

    `sentences`: the caller's own split (a corpus's gold sentences, one sentence per line), else `split_sentences`.
    """
    folded = fold(text)
    # Split around the words (captured), so the pieces alternate gap, word, gap ...: their running lengths are the
    # words' offsets, without a match object per word. Words are found in the text itself, where a diacritic or a
    # tatweel stays inside its word ("قالَ" is one word; in the folded copy the mark is a space).
    offsets = list(accumulate(map(len, _AROUND_WORDS.split(text)), initial=0))
    split = tuple(sentences) if sentences is not None else split_sentences(text)
    return Doc(text, folded, detect_language(text), split, tuple(offsets[1:-1:2]), tuple(offsets[2::2]))
