"""Headline pairs: a news headline and its article's lead sentence report one event in other words.

Why: the stance head's other agree pairs (a sentence's first clause, clauses re-ordered) never reword
anything, so it read true paraphrases as "other". A headline and its lead are a real rewording written by
the newsroom: the title is the claim, the lead the passage -> agree. From the same pairs: the title with one
slot swapped (number, place, day/month, actor; the swapped words must be in the lead, so the lead really
contradicts it) or wrapped in a denial -> disagree; the title against the lead of another article of the same
category and a nearby date (same topic, another event) -> other. Pairs that share too little (the lead is
about something else) or are near-identical (nothing to learn) are dropped. Word lists:
checker/data/encoder_contrast.toml.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date

from checker.encoder.contrast import Pair, _lowered_start, _swap_name, edits, load_lists

_WORD = re.compile(r"[\w\u0600-\u06FF]+")
_DIACRITICS = re.compile(r"[\u064B-\u0652\u0640]")
_PREFIX = re.compile(r"^(?:[وفبلك]?ال|لل|[وف])(?=\w{3})")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

MIN_TITLE_WORDS = 4
MIN_SHARED = 2  # content words the title and the lead share, at least
MIN_COVER = 0.45  # ... and this share of the title's content words
NEAR_IDENTICAL = 0.75  # title/lead content-word Jaccard at or above this: a copy, not a rewording
OTHER_MAX_COVER = 0.2  # a hard "other" lead shares at most this much of the title
OTHER_DAYS = 3


@dataclass(frozen=True)
class Headline:
    doc_id: str
    title: str
    lead: str
    category: str
    day: date | None
    lang: str  # ar / en
    names: tuple[str, ...] = ()  # English names of the story, for actor swaps


def _normal(word: str) -> str:
    word = _DIACRITICS.sub("", word.lower()).translate(_DIGITS)
    word = word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ة", "ه").replace("ى", "ي")
    return _PREFIX.sub("", word)


def content_words(text: str, lang: str, lists: dict) -> set[str]:
    """Normalised words minus stop words and one-letter tokens (numbers kept: they name the event)."""
    stop = {_normal(w) for w in lists[lang]["stopwords"]}
    words = {_normal(w) for w in _WORD.findall(text)}
    return {w for w in words if w not in stop and (len(w) > 2 or w.isdigit())}


def overlap(title: str, lead: str, lang: str, lists: dict) -> tuple[int, float, float]:
    """(shared content words, share of the title's content words in the lead, Jaccard)."""
    t, l = content_words(title, lang, lists), content_words(lead, lang, lists)
    shared = len(t & l)
    return shared, shared / max(1, len(t)), shared / max(1, len(t | l))


def is_rewording(title: str, lead: str, lang: str, lists: dict) -> bool:
    """The lead reports the title's event in other words: enough shared, not a copy, title a statement."""
    if len(title.split()) < MIN_TITLE_WORDS or title.rstrip().endswith(("?", "؟")):
        return False
    shared, cover, jaccard = overlap(title, lead, lang, lists)
    squeezed = " ".join(_normal(w) for w in _WORD.findall(title))
    copied = squeezed in " ".join(_normal(w) for w in _WORD.findall(lead))
    return shared >= MIN_SHARED and cover >= MIN_COVER and jaccard < NEAR_IDENTICAL and not copied


def _changed_span(before: str, after: str) -> str:
    """The words of `before` that an edit replaced (common prefix and suffix trimmed)."""
    i = 0
    while i < min(len(before), len(after)) and before[i] == after[i]:
        i += 1
    j = 0
    while j < min(len(before), len(after)) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    start = before.rfind(" ", 0, i) + 1
    end = before.find(" ", len(before) - j)
    return before[start : end if end >= 0 else len(before)]


def contradicting_edits(h: Headline, lists: dict, rng: random.Random) -> dict[str, str]:
    """Slot swaps of the title whose replaced words the lead states, so the lead contradicts the edit."""
    options = edits(h.title, h.lang, lists, rng)
    if h.lang == "en" and "actor" not in options:
        swapped = _swap_name(h.title, list(h.names), rng)
        if swapped:
            options["actor"] = swapped
    lead_words = content_words(h.lead, h.lang, lists) | {_normal(w) for w in _WORD.findall(h.lead)}
    out = {}
    for kind in ("number", "place", "date", "actor"):
        if kind in options:
            gone = {_normal(w) for w in _WORD.findall(_changed_span(h.title, options[kind]))}
            replaced = set(h.title.split()) - set(options[kind].split())  # «الحكومة» -> «رئيس الحكومة» replaces nothing
            if gone and gone <= lead_words and replaced:
                out[kind] = options[kind]
    return out


def _denial(h: Headline, lists: dict, rng: random.Random) -> str:
    title = _lowered_start(h.title) if h.lang == "en" else h.title
    return rng.choice(lists[h.lang]["denials"]).format(s=title)


def _other_lead(h: Headline, pool: list[Headline], lists: dict, rng: random.Random) -> str | None:
    """The lead of another article of the same category within a few days that shares little with the title."""
    near = [o for o in pool if o.doc_id != h.doc_id and o.category == h.category
            and (h.day is None or o.day is None or abs((o.day - h.day).days) <= OTHER_DAYS)]
    rng.shuffle(near)
    for o in near[:40]:
        if overlap(h.title, o.lead, h.lang, lists)[1] <= OTHER_MAX_COVER and overlap(h.title, o.title, h.lang, lists)[1] <= OTHER_MAX_COVER:
            return o.lead
    return None


def headline_pairs(headlines: list[Headline], seed: int, lists: dict | None = None,
                   denial_share: float = 0.15, other_share: float = 0.7) -> list[Pair]:
    """Per rewording headline: one agree pair, one disagree (slot swap, else sometimes a denial), often one other.

    `headlines` is the whole pool (the "other" leads are drawn from it); those that are not rewordings of
    their lead give no agree/disagree pair."""
    lists = lists or load_lists()
    rng = random.Random(seed)
    pairs: list[Pair] = []
    for h in headlines:
        if not is_rewording(h.title, h.lead, h.lang, lists):
            continue
        pairs.append(Pair(h.title, h.lead, "agree", "headline"))
        swaps = contradicting_edits(h, lists, rng)
        if swaps and rng.random() >= denial_share:
            kind = rng.choice(sorted(swaps))
            pairs.append(Pair(swaps[kind], h.lead, "disagree", f"headline-{kind}"))
        elif rng.random() < 0.35:  # a denial template is easy to spot: keep it a minority
            pairs.append(Pair(_denial(h, lists, rng), h.lead, "disagree", "headline-denial"))
        if rng.random() < other_share:
            other = _other_lead(h, headlines, lists, rng)
            if other:
                pairs.append(Pair(h.title, other, "other", "headline-other"))
    return pairs
