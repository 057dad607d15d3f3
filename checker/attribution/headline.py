"""Credits that a source spoke to an outlet: the headline's («إبراهيموفيتش لـ"العربية": "الظاهرة" هو كرة القدم») or a
sentence's own («وتحدث عسكر لـ"سكاي نيوز عربية" بعد ...»). The source's statements in the story carry that outlet,
though the body names only «الزميلة ليليان تنوري» or the source speaks with no outlet in his sentences."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from checker.attribution.coreference import speaker_tokens
from checker.attribution.lexicon import load_lexicon
from checker.config import DATA_DIR
from checker.models import Attribution
from checker.normalize import fold, search_form
from checker.outlets import OutletRegistry

_SHORTEST_PREFIX = 4  # «إبرا» names «إبراهيموفيتش»; shorter beginnings name too many words
# «لـ» (with or without a space after it) or a bare «ل» standing as a word of its own, then an optional quotation
# mark, right before the outlet's name: not the last letter of «مراسل CNN» or «تحليل CNN».
_TO_OUTLET = re.compile(r"(?:^|\s)(?:لـ\s?|ل)[\"'«“]?$")
_KICKER = re.compile(r"^.*?(?:\.\.+|…|:)\s*")  # «عاجل.. », «بالفيديو.. »: a label before the headline proper
_CLOSE_QUOTE = "\"'»”"


@dataclass(frozen=True)
class OutletCredit:
    """Who the headline (or a "spoke to" sentence) says spoke, and to which outlet (offsets in the article)."""

    source: str
    outlet: Attribution


@cache
def _words() -> dict[str, frozenset[str]]:
    with open(DATA_DIR / "outlet_thread.toml", "rb") as handle:
        data = tomllib.load(handle)["headline_credit"]
    return {"verbs": frozenset(fold(v) for v in data["verbs"]),
            "not_sources": frozenset(search_form(w) for w in data["not_sources"]),
            "spoke_verbs": frozenset(fold(v) for v in data["spoke_verbs"])}


_SPOKE_SOURCE_WORDS = 8  # «وتحدث وزير حقوق الإنسان اليمني، محمد عسكر، لـ...»: a title and a name


def spoke_to_credit(sentence: str, offset: int, registry: OutletRegistry) -> OutletCredit | None:
    """«وتحدث عسكر لـ"سكاي نيوز عربية" بعد إطلاق ...»: a sentence opening with a "spoke" verb, its subject and «لـ»
    the outlet credits the subject's statements in the story to that outlet; None for any other sentence."""
    words = sentence.split()
    if not words or fold(words[0]).removeprefix("و").removeprefix("ف") not in _words()["spoke_verbs"]:
        return None
    for outlet, start, end in registry.find_in(sentence):
        to = _TO_OUTLET.search(sentence, 0, start)
        if to is None:
            continue
        source = " ".join(sentence[:to.start()].split()[1:]).strip(" ،,")
        if not re.search(r"\w", source) or len(source.split()) > _SPOKE_SOURCE_WORDS:
            return None
        return OutletCredit(source, Attribution(kind="according_to", outlet=outlet, outlet_start=offset + start,
                                                  outlet_end=offset + end, outlet_from="story"))
    return None


def headline_credit(headline: str, registry: OutletRegistry, offset: int = 0) -> OutletCredit | None:
    """«X لـ"Outlet": ...» or «X يتحدث لـOutlet عن ...» in an Arabic headline: X and the outlet; None otherwise."""
    for outlet, start, end in registry.find_in(headline):
        to = _TO_OUTLET.search(headline, 0, start)
        if to is None:
            continue
        words = headline[:to.start()].split()
        spoken = bool(words) and fold(words[-1]) in _words()["verbs"]
        words = words[:-1] if spoken else words
        after = headline[end:].lstrip(_CLOSE_QUOTE + " ")
        joined = " ".join(words)
        source = _KICKER.sub("", joined, count=1) if ".." in joined or "…" in joined else joined
        if not (after.startswith(":") or spoken) or not re.search(r"\w", source):
            continue
        if set(speaker_tokens(source)) <= _words()["not_sources"]:
            continue  # «بالفيديو لـCNN:», «وثائق لـCNN:»: no one spoke
        return OutletCredit(source, Attribution(kind="according_to", outlet=outlet, outlet_start=offset + start,
                                                  outlet_end=offset + end, outlet_from="story"))
    return None


def credits(credit: OutletCredit, speaker: str | None) -> bool:
    """The claim's speaker is the headline's source. Names: one within the other («إبراهيموفيتش» / «زلاتان
    إبراهيموفيتش»), or a one-word name opening a word of the other («إبرا»). A source the headline only describes
    («مصدر», «وزير الخارجية الأردني») is credited to the same description alone, not to another minister or source
    («وزير الدفاع الأمريكي», «مصدر في حماس»)."""
    if speaker is None:
        return False
    roles = load_lexicon().ar_role_words
    mine, theirs = speaker_tokens(speaker), speaker_tokens(credit.source)
    my_names, their_names = mine - roles, theirs - roles
    if not their_names or not my_names:  # a description: the same words, give or take the article
        return bool(mine) and mine == theirs
    if my_names <= their_names or their_names <= my_names:
        return True
    if len(their_names) != 1 and len(my_names) != 1:
        return False
    return any(len(short) >= _SHORTEST_PREFIX and long.startswith(short)
               for a in my_names for b in their_names for short, long in (sorted((a, b), key=len),))
