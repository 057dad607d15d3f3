"""How much a claim is worth a fact-checker's time, in [0, 1].

A logistic score over cheap surface features (numbers, dates, named actors,
attribution cues, concrete events; hedges, opinion, questions and first person
lower it). Words and weights live in claims.toml, so the score can be retuned
without code; it runs in microseconds, on every sentence of every article.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterable, Sequence

from checker.models import NumberMention
from checker.normalize import fold
from checker.segment import lexicon, words

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


@lru_cache(maxsize=None)
def term_pattern(section: str, key: str) -> re.Pattern[str]:
    """A regex for the words or phrases of claims.toml [section] key, on `fold`-ed text.

    Whole words only; Arabic terms also match with a prefix such as و or ال attached.
    """
    terms = sorted({fold(term) for term in lexicon()[section][key]}, key=len, reverse=True)
    alternatives = "|".join(re.escape(term) for term in terms)
    return re.compile(rf"(?<![\w\u0600-\u06FF]){arabic_prefix()}(?:{alternatives})(?![\w\u0600-\u06FF])")


@lru_cache(maxsize=1)
def arabic_prefix() -> str:
    """An optional-prefix regex built from claims.toml [arabic] prefixes."""
    prefixes = sorted((fold(p) for p in lexicon()["arabic"]["prefixes"]), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p) for p in prefixes) + ")?"


def count_terms(folded: str, section: str, languages: Iterable[str]) -> int:
    """How many words of a claims.toml section occur in already folded text."""
    return sum(len(term_pattern(section, language).findall(folded)) for language in languages)


def _languages(language: str | None) -> tuple[str, ...]:
    return (language,) if language in {"ar", "en"} else ("ar", "en")


def features(text: str, numbers: Sequence[NumberMention] = (), language: str | None = None) -> dict[str, float]:
    """The feature values `score` weighs; also shown by the evaluation script."""
    folded = fold(text)
    langs = _languages(language)
    count = len(words(text))
    return {
        "number": float(any(n.kind in {"number", "percent", "money"} for n in numbers)),
        "date": float(any(n.kind in {"date", "year"} for n in numbers)),
        "actor": min(count_terms(folded, "actors", langs), 2),
        "proper_name": min(len(_CAPITALISED.findall(text.strip())), 2) if "en" in langs else 0.0,
        "cue": float(count_terms(folded, "cues", langs) > 0),
        "event": min(count_terms(folded, "events", langs), 2),
        "comparative": float(count_terms(folded, "comparatives", langs) > 0),
        "hedge": min(count_terms(folded, "speculation", [f"hedges_{lang}" for lang in langs]), 2),
        "opinion": min(count_terms(folded, "opinion", [f"words_{lang}" for lang in langs]), 2),
        "first_person": float(count_terms(folded, "person", langs) > 0),
        "question": float(text.rstrip(" \"”»'’)").endswith(("?", "؟"))),
        "short": float(count < 6),
        "long": float(count >= 12),
        "future": float(count_terms(folded, "future", langs) > 0),
    }


def score(text: str, numbers: Sequence[NumberMention] = (), language: str | None = None) -> float:
    """Check-worthiness of one claim; `numbers` are its mentions (see checker.numbers.find_numbers)."""
    weights = lexicon()["checkworthiness"]
    total = weights["bias"] + sum(weights[name] * value for name, value in features(text, numbers, language).items())
    return 1.0 / (1.0 + math.exp(-total))
