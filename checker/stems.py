"""Light stems: one word in its inflected forms (والسفارة / السفارة / سفارة, troops / troop) for overlap counts."""
from __future__ import annotations

from functools import lru_cache

_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف", "ل")
_ARABIC_SUFFIXES = ("هما", "ات", "ون", "ين", "ان", "ها", "هم", "يه", "ه", "ي")
_ENGLISH_SUFFIXES = ("ing", "ed", "es", "s")
# English words whose final "s" is their own, not a plural's: Hamas, Paris, Damascus, Tunis, Carlos, Ross (a name
# that ends like a plural is not the shorter name: "Hamas" is not "Hama").
NOT_PLURAL_ENDINGS = ("as", "ss", "us", "is", "os")


@lru_cache(maxsize=65536)
def light_stem(term: str) -> str:
    """A folded word without one Arabic prefix and one ending, or an English plural/tense ending (3+ letters left)."""
    if term.isascii():
        ending = next((e for e in _ENGLISH_SUFFIXES if term.endswith(e) and len(term) - len(e) >= 3), "")
        stem = term[:len(term) - len(ending)]
        return stem[:-1] if stem.endswith("e") and len(stem) > 3 else stem  # fire / fired / fires
    prefix = next((p for p in _ARABIC_PREFIXES if term.startswith(p) and len(term) - len(p) >= 3), "")
    term = term[len(prefix):]
    ending = next((e for e in _ARABIC_SUFFIXES if term.endswith(e) and len(term) - len(e) >= 3), "")
    return term[:len(term) - len(ending)]
