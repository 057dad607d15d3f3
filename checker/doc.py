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
from dataclasses import dataclass, field
from typing import Sequence

from checker.language import detect_language
from checker.models import Sentence
from checker.normalize import fold, search_form
from checker.segment import WORD, split_sentences


@dataclass(frozen=True)
class Token:
    """A word (Arabic or Latin letters, digits; "U.S", "don't" kept whole) with its offsets and folded form."""

    start: int
    end: int
    folded: str


@dataclass(frozen=True)
class Doc:
    """The article's text and everything read from it once: `folded` is as long as `text`, so offsets agree."""

    text: str
    folded: str
    language: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    _token_starts: tuple[int, ...] = field(repr=False, compare=False)
    _search_forms: dict[tuple[int, int], str] = field(default_factory=dict, repr=False, compare=False)

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens lying wholly inside text[start:end]."""
        first = bisect.bisect_left(self._token_starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return self.tokens[first:last]

    def word_count(self, start: int, end: int) -> int:
        return len(self.tokens_in(start, end))

    def search_form(self, start: int, end: int) -> str:
        """`normalize.search_form` of text[start:end] (diacritics out, spaces collapsed), computed once per span."""
        key = (start, end)
        if key not in self._search_forms:
            self._search_forms[key] = search_form(self.text[start:end])
        return self._search_forms[key]


def make_doc(text: str, sentences: Sequence[Sentence] | None = None) -> Doc:
    """Split, fold and tokenise once; every later stage takes the `Doc`.

    `sentences`: the caller's own split (a corpus's gold sentences, one sentence per line), else `split_sentences`.
    """
    folded = fold(text)
    tokens = tuple(Token(m.start(), m.end(), m.group()) for m in WORD.finditer(folded))
    split = tuple(sentences) if sentences is not None else split_sentences(text)
    return Doc(text, folded, detect_language(text), split, tokens, tuple(t.start for t in tokens))
