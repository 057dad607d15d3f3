"""Carrying a source across sentences: "وأضاف", "he added", "the official said", "وقالت الصحيفة".

A later mention keeps the outlet of the earlier link when it is the same
speaker: the official who talked to AFP earlier still speaks to AFP.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from checker.models import Attribution, Outlet
from checker.normalize import search_form

_ARABIC_ENDING = re.compile(r"(?<=\w{3})(?:ه|ان|ين|ون|ات)$")
_STOPWORDS = {"the", "a", "an", "of", "s", "and", "و", "في", "من", "عن"}


@dataclass(frozen=True)
class Antecedent:
    claim_id: str
    attribution: Attribution
    mention_only: bool = False  # an outlet named without a cue: "the paper" may mean it, "he added" may not


class History:
    """The links seen so far in reading order, newest last."""

    def __init__(self) -> None:
        self._items: list[Antecedent] = []

    def add(self, claim_id: str, attribution: Attribution) -> None:
        if attribution.speaker or attribution.outlet:
            self._items.append(Antecedent(claim_id, attribution))

    def mention(self, claim_id: str, attribution: Attribution) -> None:
        """"Yedioth Ahronoth takes a different line.": an outlet named with no cue, which "the paper" can refer to."""
        self._items.append(Antecedent(claim_id, attribution, mention_only=True))

    def last_source(self) -> Antecedent | None:
        """Who "he added" / "وأضاف" refers to: the latest link with a speaker, else with an outlet."""
        sources = [a for a in self._items if not a.mention_only]
        with_speaker = next((a for a in reversed(sources) if a.attribution.speaker), None)
        return with_speaker or (sources[-1] if sources else None)

    def last_outlet(self, kind: str | None = None,
                    kind_of: Callable[[Outlet], str | None] | None = None) -> Antecedent | None:
        """What "the newspaper" / "الصحيفة" refers to: the last outlet of that kind (an outlet of unknown kind
        may be any), else the last outlet."""
        with_outlet = [a for a in reversed(self._items) if a.attribution.outlet]
        if kind is not None and kind_of is not None:
            matching = next((a for a in with_outlet if kind_of(a.attribution.outlet) in (kind, None)), None)
            if matching is not None:
                return matching
        return with_outlet[0] if with_outlet else None

    def outlet_named(self, mention: str) -> Antecedent | None:
        """"the Post", "the Journal": an earlier outlet called again by one capitalised word of its name."""
        words = mention.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) != 1 or not words[0][:1].isupper() or not words[0].isalpha():
            return None
        for antecedent in reversed(self._items):
            outlet = antecedent.attribution.outlet
            if outlet is not None and words[0] in outlet.name.split()[1:]:
                return antecedent
        return None

    def same_speaker(self, mention: str) -> Antecedent | None:
        """An earlier speaker this mention names again ("the official", "المسؤول الأمريكي", "الأسدي", "Austin")."""
        head = mention.split(",")[0]  # "The source, who requested anonymity ...": the head names it
        if not _refers_to_known(head):
            return None
        wanted = speaker_tokens(head)
        if not wanted:
            return None
        for antecedent in reversed(self._items):
            if antecedent.mention_only:
                continue
            speaker = antecedent.attribution.speaker
            if speaker and wanted <= speaker_tokens(speaker) and speaker != mention:
                return antecedent
        return None


@lru_cache(maxsize=1024)
def speaker_tokens(phrase: str) -> frozenset[str]:
    """Content words, with the Arabic article, gender and number endings dropped, so "المسؤولان" meets
    "مسؤولين" and "الأمريكي" meets "الأمريكية"."""
    words = re.findall(r"\w+", search_form(phrase).lower())
    return frozenset(_arabic_stem(w) for w in words if w not in _STOPWORDS)


def _arabic_stem(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if not word.isascii():
        word = _ARABIC_ENDING.sub("", word)
    return word


def _refers_to_known(mention: str) -> bool:
    """Definite descriptions and bare names point back; "a U.S. official" / "مسؤول أمريكي" is someone new."""
    words = mention.split()
    first = words[0].lower() if words else ""
    if first in ("a", "an", "another", "one", "two", "three", "several", "some"):
        return False
    if first == "the" or first.startswith("ال"):
        return True
    return (len(words) <= 2 and mention[:1].isupper()) or (len(words) == 1 and not mention[:1].isascii())
