"""The stance word lists (checker/data/stance.toml) and what they find in a text: negation, denial, hedges,
opposites, content words and names. Split from checker/stance.py; `checker.stance` re-exports the public names."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from checker.config import DATA_DIR
from checker.language import detect_language
from checker.models import Stance
from checker.normalize import search_form

LEXICON_FILE = DATA_DIR / "stance.toml"
_WORD = re.compile(r"[\w'’]+")
_LATIN_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_LINKS = re.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+")
_HASHTAG_MARKS = re.compile(r"[#_]")
_SENTENCE_START = re.compile(r"([.!?:]\s+|[\"“‘'(]\s*)$")


@dataclass(frozen=True)
class Lexicon:
    """stance.toml, folded once so lookups compare like with like."""

    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    negation: frozenset[str]
    polarity: frozenset[str]  # the negation particles that negate a verb outright
    denial: frozenset[str]
    denial_phrases: tuple[str, ...]
    attributive_denials: frozenset[str]  # «الزائفة» after a noun with the article describes it: no denial
    report_nouns: frozenset[str]  # ... unless the noun is a report («الأنباء الكاذبة»): then it denies
    retelling: tuple[str, ...]
    hedge: frozenset[str]
    approximate: tuple[str, ...]
    antonyms: tuple[tuple[frozenset[str], frozenset[str]], ...]
    stopwords: frozenset[str]
    rating_false: tuple[str, ...]
    rating_true: tuple[str, ...]
    approximate_tolerance: float
    context_words: int
    denial_min_similarity: float


def _folded(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(search_form(word) for word in words)


def _both(section: dict, *keys: str) -> tuple[str, ...]:
    return _folded(word for key in keys for word in section.get(key, ()))


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Lexicon(
        prefixes=_folded(sorted(data["arabic"]["prefixes"], key=len, reverse=True)),
        suffixes=_folded(sorted(data["arabic"]["suffixes"], key=len, reverse=True)),
        verb_prefixes=_folded(data["arabic"]["verb_prefixes"]),
        negation=frozenset(_both(data["negation"], "ar", "en")),
        polarity=frozenset(_both(data["negation"], "polarity_ar", "polarity_en")),
        denial=frozenset(_both(data["denial"], "ar", "en")),
        denial_phrases=_both(data["denial"], "phrases_ar", "phrases_en"),
        attributive_denials=frozenset(_both(data["denial"], "attributive_ar")),
        report_nouns=frozenset(_both(data["denial"], "report_nouns_ar")),
        retelling=_both(data["denial"], "retelling_ar", "retelling_en"),
        hedge=frozenset(_both(data["hedge"], "ar", "en")),
        approximate=_both(data["approximate"], "ar", "en"),
        antonyms=tuple((frozenset(_folded(pair["a"])), frozenset(_folded(pair["b"]))) for pair in data["antonyms"]),
        stopwords=frozenset(_both(data["stopwords"], "ar", "en")),
        rating_false=_both(data["ratings"], "false"),
        rating_true=_both(data["ratings"], "true"),
        approximate_tolerance=float(data["numbers"]["approximate_tolerance"]),
        context_words=int(data["numbers"]["context_words"]),
        denial_min_similarity=float(data["denial"]["min_similarity"]),
    )


def rating_verdict(rating: str | None) -> Stance | None:
    """A ClaimReview rating as agree (rated true), disagree (rated false) or None (mixed, unknown)."""
    if not rating:
        return None
    lexicon = load_lexicon()
    folded = search_form(rating)
    if any(_has_phrase(folded, word) for word in lexicon.rating_false):
        return "disagree"
    if any(_has_phrase(folded, word) for word in lexicon.rating_true):
        return "agree"
    return None


# --- words -----------------------------------------------------------------

def plain_text(text: str) -> str:
    """Links removed and hashtags made words: link digits are not numbers, #فيروس_كورونا is two words."""
    return " ".join(_HASHTAG_MARKS.sub(" ", _LINKS.sub(" ", text)).split())


def _tokens(text: str) -> list[str]:
    return _WORD.findall(search_form(text))


def _forms(token: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The token and what is left after each Arabic prefix (و، ب، ال ...) that leaves a word."""
    forms = [token]
    forms.extend(token[len(p):] for p in lexicon.prefixes if token.startswith(p) and len(token) - len(p) >= 2)
    return tuple(forms)


def _matches(forms: Sequence[tuple[str, frozenset[str]]], words: frozenset[str]) -> tuple[str, ...]:
    """The tokens (given with their prefix-stripped forms) that are one of `words`."""
    return tuple(dict.fromkeys(token for token, variants in forms if not words.isdisjoint(variants)))


def _negations(tokens: Sequence[str], lexicon: Lexicon) -> tuple[str, ...]:
    """Only و/ف may precede a negation particle (ولم، فلا): longer prefixes make other words."""
    return tuple(dict.fromkeys(
        t for t in tokens if t in lexicon.negation or (t[:1] in "وف" and t[1:] in lexicon.negation)
    ))


def _has_phrase(folded: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w)[وف]?{re.escape(phrase)}(?!\w)", folded) is not None


def _denials(text: str, forms: Sequence[tuple[str, frozenset[str]]], lexicon: Lexicon) -> tuple[str, ...]:
    folded = search_form(text)
    phrases = tuple(p for p in lexicon.denial_phrases if _has_phrase(folded, p))
    words = tuple(token for at, (token, variants) in enumerate(forms)
                  if not lexicon.denial.isdisjoint(variants) and not _attributive(forms, at, lexicon))
    return tuple(dict.fromkeys(phrases + words))


def _attributive(forms: Sequence[tuple[str, frozenset[str]]], at: int, lexicon: Lexicon) -> bool:
    """«الدبلوماسية الأمريكية الزائفة»: a denial adjective with the article, right after a word with the article,
    describes that noun ("the fake diplomacy"); it says nothing of the claim being untrue. After a report noun
    («الأنباء الكاذبة», «الصور المفبركة», two words back past an adjective: «الوثيقة المتداولة المزيفة») it calls
    the report untrue."""
    token = forms[at][0]
    if at == 0 or not token.startswith("ال") or token[2:] not in lexicon.attributive_denials:
        return False
    before = [forms[i][0] for i in range(max(0, at - 2), at)]
    if not before[-1].startswith("ال"):
        return False
    return not any(word.startswith("ال") and word[2:] in lexicon.report_nouns for word in before)


def _antonyms(claim_sides: Sequence[tuple[tuple[str, ...], tuple[str, ...]]],
              evidence_sides: Sequence[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[tuple[str, str], ...]:
    """Opposites split across the two texts (rise in one, fall in the other, and not both in either)."""
    found = []
    for (claim_a, claim_b), (ev_a, ev_b) in zip(claim_sides, evidence_sides):
        if claim_a and ev_b and not ev_a and not claim_b:
            found.append((claim_a[0], ev_b[0]))
        elif claim_b and ev_a and not ev_b and not claim_a:
            found.append((claim_b[0], ev_a[0]))
    return tuple(found)


def _content_words(tokens: Sequence[str], lexicon: Lexicon) -> set[str]:
    """Tokens without stopwords and without the Arabic article (والسفارة -> سفارة), for overlap counts.

    One-letter prefixes stay: بغداد and لبنان begin with ب and ل.
    """
    words = set()
    for token in tokens:
        if token in lexicon.stopwords or token.isdigit() or len(token) < 2:
            continue
        article = next((p for p in lexicon.prefixes if p.endswith(("ال", "لل")) and token.startswith(p)
                        and len(token) - len(p) >= 3), "")
        words.add(token[len(article):])
    return words


def _entities(text: str, tokens: Sequence[str], lexicon: Lexicon) -> set[str]:
    """Names: capitalised Latin words not opening a sentence; for Arabic (no capitals) every content
    word of 3+ letters."""
    if detect_language(text) == "en":
        names = {search_form(m.group()) for m in _LATIN_CAPITALISED.finditer(text)
                 if m.start() > 0 and not _SENTENCE_START.search(text[max(0, m.start() - 4):m.start()])}
        return names - lexicon.stopwords
    return {w for w in _content_words(tokens, lexicon) if len(w) >= 3 and not w.isascii()}
