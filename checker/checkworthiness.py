"""How much a claim is worth a fact-checker's time, in [0, 1].

A logistic score over cheap surface features: numbers, dates, named actors and
places, attribution, concrete and past events raise it; hedges, judgement,
greetings and prayers, calls to action, personal talk, questions and promises
lower it, as does chat-style writing. Words live in claims.toml and checkworthiness.toml, weights in
claims.toml [checkworthiness], so the score can be retuned without code; it runs
in microseconds, on every sentence of every article.
"""
from __future__ import annotations

import math
import re
import tomllib
from functools import lru_cache
from typing import Any, Iterable, Sequence

from checker.config import DATA_DIR
from checker.models import NumberMention
from checker.normalize import fold, search_form
from checker.segment import lexicon, words

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
# "الصحة: ..." / "Pentagon: ...": a short source name before a colon opens a reported statement.
_SOURCE_COLON = re.compile(r"^\W*[\w\u0600-\u06FF.'’-]+(?:\s+[\w\u0600-\u06FF.'’-]+){0,3}\s*:\s*\S")
_TRAILING_QUOTES = " \"”»'’)"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """claims.toml and checkworthiness.toml together: every word list the score looks up."""
    with open(DATA_DIR / "checkworthiness.toml", "rb") as handle:
        own = tomllib.load(handle)
    shared = lexicon()
    clash = own.keys() & shared.keys()
    if clash:
        raise ValueError(f"checkworthiness.toml repeats claims.toml sections: {sorted(clash)}")
    return {**shared, **own}


@lru_cache(maxsize=None)
def term_pattern(section: str, key: str) -> re.Pattern[str]:
    """A regex for the words or phrases of [section] key, on `fold`-ed text.

    Whole words only; Arabic terms also match with a prefix such as و or ال attached. A language with
    no list under [section] (Arabic past tense) matches nothing.
    """
    terms = {fold(term) for term in vocabulary()[section].get(key, ())}
    if not terms:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w\u0600-\u06FF]){arabic_prefix()}(?:{longest_first(terms)})(?![\w\u0600-\u06FF])")


def longest_first(terms: set[str]) -> str:
    """The terms as a regex that tries the longest term matching here first, like an alternation sorted by length,
    but as a tree of their shared beginnings: one branch per next letter instead of one per term at every
    position (the word lists are long and every sentence is scored)."""
    tree: dict[str, dict] = {}
    for term in terms:
        node = tree
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here

    def pattern(node: dict[str, dict]) -> str:
        # A space between words matches a run of them: a word's moved diacritics leave one more («ويُعتقد أن»).
        branches = [(r"\s+" if char == " " else re.escape(char)) + pattern(child) for char, child in node.items()
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return (f"(?:{body})" if len(branches) == 1 else body) + "?"  # longer first, then end here

    return pattern(tree)


@lru_cache(maxsize=1)
def arabic_prefix() -> str:
    """An optional-prefix regex built from claims.toml [arabic] prefixes."""
    prefixes = sorted((fold(p) for p in lexicon()["arabic"]["prefixes"]), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p) for p in prefixes) + ")?"


def count_terms(folded: str, section: str, languages: Iterable[str]) -> int:
    """How many words of a word-list section occur in already folded text.

    A list none of whose first words is among the text's words (`_words_in`) cannot match: its scan is skipped
    (a claim is looked up in some twenty lists, and most hold none of its words)."""
    total = 0
    for language in languages:
        firsts = _first_words(section, language)
        if firsts is None or not firsts.isdisjoint(_words_in(folded)):
            total += len(term_pattern(section, language).findall(folded))
    return total


_WORD_RUN = re.compile(r"[\w\u0600-\u06FF]+")  # the letters `term_pattern`'s edges treat as inside a word


@lru_cache(maxsize=None)
def _first_words(section: str, key: str) -> frozenset[str] | None:
    """The first word of each term of [section] key; None if a term opens with another character.

    A match of `term_pattern` starts a word of the text (nothing word-like before it), and that word is an
    Arabic prefix (or none) and then the term's first word, whole: the term goes on with a non-word character,
    or ends where the pattern wants no word character."""
    firsts = set()
    for term in {fold(term) for term in vocabulary()[section].get(key, ())}:
        first = _WORD_RUN.match(term)
        if first is None:
            return None
        firsts.add(first.group())
    return frozenset(firsts)


@lru_cache(maxsize=16)
def _words_in(folded: str) -> frozenset[str]:
    """The text's words, and each without any Arabic prefix it opens with: what a term's first word may be."""
    prefixes, letters, longest = _prefix_set()
    words = _WORD_RUN.findall(folded)
    found = set(words)
    for word in words:
        if word[0] in letters:
            for cut in range(1, min(len(word), longest + 1)):
                if word[:cut] in prefixes:
                    found.add(word[cut:])
    return frozenset(found)


@lru_cache(maxsize=1)
def _prefix_set() -> tuple[frozenset[str], frozenset[str], int]:
    """claims.toml [arabic] prefixes, folded; the letters they open with; the longest one's length."""
    prefixes = frozenset(fold(p) for p in lexicon()["arabic"]["prefixes"])
    if not all(_WORD_RUN.fullmatch(p) for p in prefixes):
        raise ValueError("claims.toml [arabic] prefixes must be letters")
    return prefixes, frozenset(p[0] for p in prefixes), max(map(len, prefixes))


@lru_cache(maxsize=None)
def _past_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in vocabulary()["past"].get(f"patterns_{language}", ()))


@lru_cache(maxsize=None)
def _not_past(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in vocabulary()["past"].get(f"not_past_{language}", ()))


def _past(folded: str, languages: Sequence[str]) -> bool:
    """A verb in the past tense: a report of something done, not a promise."""
    if count_terms(folded, "past", [f"irregular_{lang}" for lang in languages]):
        return True
    return any(match.group() not in _not_past(lang)
               for lang in languages for pattern in _past_patterns(lang) for match in pattern.finditer(folded))


def _opens_with_question(folded: str, languages: Sequence[str]) -> bool:
    return any(term_pattern("question_openers", lang).match(folded) for lang in languages)


def _languages(language: str | None) -> tuple[str, ...]:
    return (language,) if language in {"ar", "en"} else ("ar", "en")


def features(text: str, numbers: Sequence[NumberMention] = (), language: str | None = None) -> dict[str, float]:
    """The feature values `score` weighs; also shown by the evaluation script."""
    folded = search_form(text)
    langs = _languages(language)
    return {
        "number": float(any(n.kind in {"number", "percent", "money"} for n in numbers)),
        "date": float(any(n.kind in {"date", "year"} for n in numbers)),
        "actor": min(count_terms(folded, "actors", langs) + count_terms(folded, "names", langs), 2),
        "proper_name": min(len(_CAPITALISED.findall(text.strip())), 2) if "en" in langs else 0.0,
        "cue": float(count_terms(folded, "cues", langs) > 0 or bool(_SOURCE_COLON.match(folded))),
        "event": min(count_terms(folded, "events", langs), 2),
        "past": float(_past(folded, langs)),
        "comparative": float(count_terms(folded, "comparatives", langs) > 0),
        "hedge": min(count_terms(folded, "speculation", [f"hedges_{lang}" for lang in langs]), 2),
        "opinion": min(count_terms(folded, "opinion", [f"words_{lang}" for lang in langs]), 2),
        "talk": min(count_terms(folded, "talk", langs), 2),
        "call": float(count_terms(folded, "calls", langs) > 0),
        "first_person": float(count_terms(folded, "person", langs) + count_terms(folded, "personal", langs) > 0),
        "informal": float(count_terms(folded, "informal", langs) > 0),
        "question": float(text.rstrip(_TRAILING_QUOTES).endswith(("?", "؟")) or _opens_with_question(folded, langs)),
        "short": float(len(words(text)) < 6),
        "future": float(count_terms(folded, "future", langs) > 0),
    }


def score(text: str, numbers: Sequence[NumberMention] = (), language: str | None = None) -> float:
    """Check-worthiness of one claim; `numbers` are its mentions (see checker.numbers.find_numbers)."""
    weights = lexicon()["checkworthiness"]
    total = weights["bias"] + sum(weights[name] * value for name, value in features(text, numbers, language).items())
    return 1.0 / (1.0 + math.exp(-total))
