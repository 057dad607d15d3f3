"""The headline's credit: «إبراهيموفيتش لـ"العربية": "الظاهرة" هو كرة القدم» says the source spoke to the outlet, so his
statements in the story carry it though the body names only «الزميلة ليليان تنوري»."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from checker.attribution.coreference import speaker_tokens
from checker.config import DATA_DIR
from checker.models import Attribution
from checker.normalize import fold
from checker.outlets import OutletRegistry

_OPEN_QUOTE = "\"'«“"
_CLOSE_QUOTE = "\"'»”"
_SHORTEST_PREFIX = 4  # «إبرا» names «إبراهيموفيتش»; shorter beginnings name too many words


@dataclass(frozen=True)
class HeadlineCredit:
    """Who the headline says spoke, and to which outlet."""

    source: str
    outlet: Attribution


@cache
def _verbs() -> frozenset[str]:
    with open(DATA_DIR / "outlet_thread.toml", "rb") as handle:
        return frozenset(fold(v) for v in tomllib.load(handle)["headline_credit"]["verbs"])


def headline_credit(headline: str, registry: OutletRegistry) -> HeadlineCredit | None:
    """«X لـ"Outlet": ...» or «X يتحدث لـOutlet عن ...» in an Arabic headline: X and the outlet; None otherwise."""
    for outlet, start, end in registry.find_in(headline):
        before = headline[:start].rstrip(_OPEN_QUOTE + " ")
        if not before.endswith(("لـ", "ل")):
            continue
        words = before[:-2 if before.endswith("لـ") else -1].split()
        spoken = bool(words) and fold(words[-1]) in _verbs()
        words = words[:-1] if spoken else words
        after = headline[end:].lstrip(_CLOSE_QUOTE + " ")
        if not words or not (after.startswith(":") or spoken):
            continue
        source = " ".join(words)
        if not re.search(r"\w", source):
            continue
        return HeadlineCredit(source, Attribution(kind="according_to", outlet=outlet, outlet_start=start,
                                                  outlet_end=end, outlet_from="story"))
    return None


def credits(credit: HeadlineCredit, speaker: str | None) -> bool:
    """The claim's speaker is the headline's source: one name within the other («إبراهيموفيتش» / «زلاتان
    إبراهيموفيتش»), or a word of one opening a word of the other («إبرا»)."""
    if speaker is None:
        return False
    mine, theirs = speaker_tokens(speaker), speaker_tokens(credit.source)
    if not mine or not theirs:
        return False
    if mine <= theirs or theirs <= mine:
        return True
    return any(len(short) >= _SHORTEST_PREFIX and long.startswith(short)
               for a in mine for b in theirs for short, long in (sorted((a, b), key=len),))
