"""Article text -> sentences with exact offsets, for Arabic and English news.

News pastes have one line per paragraph, Arabic punctuation (، and ؛ do not end a
sentence), missing spaces after full stops, and quotations that run over several
sentences or are never closed. A sentence never crosses a paragraph; a quoted
passage stays in one sentence so attribution sees its speaker.
"""
from __future__ import annotations

import bisect
import re
import tomllib
from functools import lru_cache
from typing import Any, Iterator

from checker.config import DATA_DIR
from checker.models import Sentence
from checker.normalize import fold

_TERMINATOR = re.compile(r"(?:\.{2,}|…+|[.!?؟]+)[\"”»’')\]]*")
_ELLIPSIS = re.compile(r"\.{2,}|…")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_ARABIC_INITIAL = re.compile(r"(?<![\w\u0600-\u06FF])[\u0621-\u064A]$")
_LINE = re.compile(r"[^\n]+")
_END_PUNCT = re.compile(r"[.!?؟:;…؛,،\"”»)]\s*$")
# A run-on "sentence" (a page of figures, a quote never closed) is cut into pieces no longer than this, so the
# later stages' work per sentence stays bounded; real news sentences stay far below it (the longest seen: ~1,100).
MAX_SENTENCE_CHARS = 2_000
_SOFT_BREAK = re.compile(r"[,،;؛:]\s|\s")
# A word token: Arabic and Latin letters and digits, "U.S" and "don't" kept whole (checker.doc tokenises with it).
WORD = re.compile(r"[\w\u0600-\u06FF]+(?:[.'’][\w]+)*")
_QUOTE_CLOSERS = {"“": "”»", "«": "»", "„": "“”", "”": "“”", '"': '"'}
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted({*_QUOTE_CLOSERS, *"".join(_QUOTE_CLOSERS.values())}))) + "]")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The language data in checker/data/claims.toml, shared by segmenting, numbers and claims."""
    with open(DATA_DIR / "claims.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon()["segment"]["abbreviations"])


@lru_cache(maxsize=1)
def _arabic_domain() -> re.Pattern[str]:
    """"العربية.نت": a site name's Arabic domain ending, not a new sentence; an Arabic comma may follow it
    («في حديث للعربية.نت، أن»)."""
    endings = "|".join(re.escape(e) for e in lexicon()["segment"]["arabic_domains"])
    return re.compile(rf"(?:{endings})(?![\w\u0621-\u064A\u0671-\u06D3])")


@lru_cache(maxsize=1)
def _letter_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"(سي. إن. إن)", "بي. بي. سي": Latin letters spelled in Arabic, each with its full stop, before the next one."""
    names = "|".join(re.escape(n) for n in sorted(lexicon()["segment"]["arabic_letter_names"], key=len, reverse=True))
    return re.compile(rf"(?<![\w\u0600-\u06FF])(?:{names})$"), re.compile(rf"\s*(?:{names})(?![\w\u0600-\u06FF])")


@lru_cache(maxsize=1)
def _capitalised_abbreviations() -> frozenset[str]:
    return frozenset(lexicon()["segment"]["capitalised_abbreviations"])


@lru_cache(maxsize=1)
def _speaker_tag() -> re.Pattern[str]:
    """' Clinton said.' after a closing quotation: a short tail naming the speaker."""
    verbs = "|".join(re.escape(v) for v in lexicon()["segment"]["speech_verbs"])
    return re.compile(rf"^\s+(?:[^\s.!?؟]+\s+){{1,3}}(?:{verbs})(?![\w\u0600-\u06FF])[^.!?؟\n]{{0,20}}"
                      rf"(?:[.!?؟](?=\s|$)|$)")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences in reading order; `paragraph` counts paragraphs (a line, or a hard-wrapped block)."""
    sentences: list[Sentence] = []
    for paragraph, (start, end) in enumerate(paragraphs(text)):
        for s, e in _split_paragraph(text, start, end):
            for s, e in _bounded(text, s, e):
                s, e = _strip(text, s, e)
                if s < e:
                    sentences.append(Sentence(len(sentences), s, e, text[s:e], paragraph))
    return tuple(sentences)


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """text[start:end] in pieces of at most MAX_SENTENCE_CHARS, each cut after the last comma, else the last
    space, in its final quarter (a hard cut only when there is neither)."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        window = text[limit - MAX_SENTENCE_CHARS // 4:limit]
        found = list(_SOFT_BREAK.finditer(window))
        commas = [m.end() for m in found if not m.group()[0].isspace()]
        cut = limit - len(window) + (commas or [m.end() for m in found] or [len(window)])[-1]
        yield start, cut
        start = cut
    yield start, end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs: each non-blank line, joined with the next when a line is hard-wrapped."""
    block: tuple[int, int] | None = None
    previous_line = ""
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            if block:
                yield block
            block = None
        elif block and _continues(previous_line, line):
            block = (block[0], match.end())
        else:
            if block:
                yield block
            block = (match.start(), match.end())
        previous_line = line
    if block:
        yield block


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_JOINING_WORDS = frozenset("a an the of on in at to by for from with and or but as than that its their his her".split())


def _continues(previous: str, line: str) -> bool:
    """English wrapped at a fixed width: a long line with no end punctuation, then lower case or after 'on'. A line
    ending with a web or e-mail address ("... on Twitter: http://twitter.com/x", "Email: jdoe@example.com") is a
    page's footer, wrapped nowhere (a handle, "... told @nytimes", may end a wrapped line)."""
    stripped = line.lstrip()
    if len(previous) <= 50 or _END_PUNCT.search(previous) or not stripped[:1].isascii():
        return False
    last_word = previous.rsplit(None, 1)[-1].lower()
    if "://" in last_word or last_word.startswith("www.") or _EMAIL.fullmatch(last_word.rstrip(".,;")):
        return False
    return stripped[:1].islower() or last_word in _JOINING_WORDS


def quote_spans(segment: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations closed within `segment`; unclosed quotes are ignored.

    A new opening mark before the close means the earlier quote was never closed. Arabic text
    sometimes has the marks reversed (”...“), so each opening mark has its own closers.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closers = ""
    for mark in _QUOTE_MARK.finditer(segment):  # only the marks: a loop over every character cost 0.2 s a 2 MB line
        i, ch = mark.start(), mark.group()
        if open_at is not None and ch in closers:
            spans.append((open_at, i))
            open_at = None
        elif ch in _QUOTE_CLOSERS and (open_at is None or ch != '"'):
            open_at, closers = i, _QUOTE_CLOSERS[ch]
    return spans


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    segment = text[start:end]
    quotes = quote_spans(segment)
    cut = 0
    for match in _TERMINATOR.finditer(segment):
        if _inside_quote(match, quotes) or not _ends_sentence(segment, match):
            continue
        yield start + cut, start + match.end()
        cut = match.end()
    if cut < len(segment):
        yield start + cut, end


def _inside_quote(match: re.Match[str], quotes: list[tuple[int, int]]) -> bool:
    """A full stop inside a quotation, unless the quotation closes right after it."""
    at = bisect.bisect_left(quotes, (match.start(), -1)) - 1  # quotes are in order and never overlap
    return at >= 0 and quotes[at][0] < match.start() and quotes[at][1] > match.end() - 1


def _ends_sentence(segment: str, match: re.Match[str]) -> bool:
    mark = match.group()
    following = segment[match.end():match.end() + 120]
    next_char = following.lstrip()[:1]
    if not next_char:
        return True
    if next_char.isascii() and next_char.islower() or next_char in ",;،؛":
        return False
    if mark[-1] in "\"”»'’" and _speaker_tag().match(following):
        return False
    if mark[0] != "." or _ELLIPSIS.match(mark):
        return True
    return _full_stop_ends(segment, match.start(), following)


def _full_stop_ends(segment: str, at: int, following: str) -> bool:
    """A single full stop: not a decimal, an abbreviation, an initial, or a web address."""
    before = segment[max(0, at - 40):at]
    if before[-1:].isdigit() and following[:1].isdigit():
        return False
    word = _WORD_BEFORE.search(before)
    if word:
        token = word.group(1)
        if (token.lower() in _abbreviations() or token in _capitalised_abbreviations() or _is_initialism(token)
                or (len(token) == 1 and token.isupper())):
            return False
    if _ARABIC_INITIAL.search(before):
        return False  # "د. محمد", "(أ.ف.ب)": one Arabic letter is an abbreviation
    letter_before, letter_after = _letter_names()
    if letter_before.search(before) and letter_after.match(following):
        return False  # "(سي. إن. إن)": an acronym spelled out, not a sentence end
    if following[:1].isspace() or not following[:1].isalpha():
        return True
    if _ARABIC_LETTER.match(following[:1]):
        return not _arabic_domain().match(following)
    return following[:1].isupper() and bool(word) and len(word.group(1)) > 1 and word.group(1).islower()


def _is_initialism(token: str) -> bool:
    """U.S, a.m, Ph.D: dotted short parts; not example.com."""
    parts = token.split(".")
    return len(parts) > 1 and all(len(part) <= 2 for part in parts)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def words(text: str) -> list[str]:
    """Folded word tokens (Arabic and Latin letters, digits), for counting and lookups; a diacritic or a tatweel
    inside a word keeps it one word ("مُحَمَّد")."""
    return [fold(word).replace(" ", "") for word in WORD.findall(text)]
