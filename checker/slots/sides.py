"""Which side a nationality adjective names: «المنتخب الفرنسي», «نظيره الأسترالي», «وزارة الخارجية التركية».

A nationality adjective says whose, not who (checker.slots.names marks it, and it fills no role), except after a
body, a team or an office (slots.toml [roles]), where it names that side by its country: «تغلب المنتخب الفرنسي على
صمود نظيره الأسترالي» is France beating Australia. After a team or an office a name that follows is the side itself
(«ضيفه الإيطالي نابولي», «الرئيس المصري عبد الفتاح السيسي»).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from checker.normalize import fold
from checker.slots.model import Mention, Span
from checker.slots.names import _WORD, slots_data


@lru_cache(maxsize=1)
def _side_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(bodies, teams and offices) a nationality adjective may name by its country (slots.toml [roles])."""
    roles = slots_data()["roles"]
    return (frozenset(fold(w) for w in roles["side_bodies_ar"]), frozenset(fold(w) for w in roles["side_titles_ar"]))


@lru_cache(maxsize=1)
def _after_side() -> re.Pattern[str]:
    """A short word joined by «و/ف» (the next verb: «وحقق»; a longer one may be a name: «فيورنتينا», «واتفورد»), a
    figure, or «بـ» + a score word (slots.toml [roles] score_words_ar): no name after a side."""
    scores = "|".join(re.escape(fold(w)) for w in slots_data()["roles"]["score_words_ar"])
    return re.compile(rf"^[وف]\w{{1,4}}$|^\d|^ب(?:{scores})")


def side(text: str, adjective: Mention, found: Sequence[Mention], stopwords: frozenset[str]) -> Mention | None:
    """«وزارة الخارجية التركية», «المنتخب الفرنسي»: the adjective names a side by its country, so it may fill a
    role (its span taken from the noun); after a team or an office, only when no name stands right after it
    («ضيفه الإيطالي نابولي», «الرئيس المصري عبد الفتاح السيسي»: the name is the side)."""
    bodies, titles = _side_nouns()
    before = list(_WORD.finditer(text, max(0, adjective.span.start - 30), adjective.span.start))[-2:]
    nouns = [(word, _noun(word.group(), bodies | titles)) for word in before]
    nouns = [(word, noun) for word, noun in nouns if noun]
    if not nouns:
        return None
    if not any(noun in bodies for _, noun in nouns) and _name_after(text, adjective, found, stopwords):
        return None
    word, noun = nouns[0]
    start = word.start() + (0 if fold(word.group()) == noun else 1)  # «والجيش»: the side starts after «و»
    return replace(adjective, span=Span(start, adjective.span.end, text[start:adjective.span.end]))


def _noun(word: str, nouns: frozenset[str]) -> str | None:
    """The side noun a word is, with or without a joined «و» («وزارة» is one, «والجيش» is «الجيش»)."""
    folded = fold(word)
    return folded if folded in nouns else folded[1:] if folded[:1] == "و" and folded[1:] in nouns else None


def _name_after(text: str, adjective: Mention, found: Sequence[Mention], stopwords: frozenset[str]) -> bool:
    """A name right after the adjective: a known one, or a word that is no particle, figure or score."""
    if any(not m.adjective and m.span.start >= adjective.span.end and not text[adjective.span.end:m.span.start].strip()
           for m in found):
        return True
    following = _WORD.match(text, adjective.span.end + 1) if text[adjective.span.end:adjective.span.end + 1] == " " \
        else None
    if following is None or any(m.adjective and m.span.start == following.start() for m in found):
        return False
    word = fold(following.group())
    bodies, titles = _side_nouns()
    return word not in stopwords and word not in bodies | titles and not _after_side().match(word)
