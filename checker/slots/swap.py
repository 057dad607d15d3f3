"""Roles exchanged without a frame verb: two names in the opposite order around the same words.

The frames of slots.toml read who did what to whom for the verbs they list. A fact-checker also catches
"Donald Trump's campaign asked Lester Holt to fact-check Hillary Clinton" against "Hillary Clinton's campaign
has asked NBC's Lester Holt ... to fact check Donald Trump": the claim and a passage sentence hold the same two
names and the same words between them, in the opposite order. A passive on one side only ("was asked by") turns
the order round and is no swap; nor are verbs whose two sides may come in either order ("met", «التقى»), listed
under [swap] in checker/data/slots.toml. Arabic's verb-first order, with no words between the names, is read in
checker/slots/verb_first.py.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from checker.config import DATA_DIR
from checker.normalize import search_form, without_diacritics
from checker.slots.align import sentences
from checker.slots.extract import _content_stems, read
from checker.slots.model import Mention, SlotDecision, Span
from checker.slots.names import same_entity, slots_data


@dataclass(frozen=True)
class SwapRules:
    window: int
    whole_act: int
    passive: tuple[str, ...]
    mutual: frozenset[str]
    joining: frozenset[str]
    joining_gap: int
    pivot_words: int
    reach: int
    doer_verbs: Mapping[str, str]  # a form without diacritics -> the verb's first form
    verb_stems: frozenset[str]  # their light stems: a verb is never part of a name
    verb_reach: int
    target_reach: int
    target_markers: Mapping[str, str]  # verb -> the preposition before its target («طلب ... من»)
    not_names: frozenset[str]  # light stems


@lru_cache(maxsize=1)
def load_swap_rules() -> SwapRules:
    data = slots_data()["swap"]
    return SwapRules(int(data["window"]), int(data["whole_act"]), tuple(search_form(w) for w in data["passive"]),
                     frozenset(search_form(w) for w in data["mutual"]),
                     frozenset(search_form(w) for w in data["joining"]), int(data["joining_gap"]),
                     int(data["pivot_words"]), int(data["reach"]), _verb_forms(data["doer_verbs_ar"]),
                     frozenset(stem for verb in data["doer_verbs_ar"] for form in verb for stem in _content_stems(form)),
                     int(data["verb_reach"]), int(data["target_reach"]),
                     {without_diacritics(verb): marker for verb, marker in data["target_markers_ar"].items()},
                     frozenset(stem for word in data["not_names_ar"] for stem in _content_stems(word)))


def _verb_forms(verbs: list[list[str]]) -> dict[str, str]:
    """Each form as typed without diacritics (hamza and alif maqsura kept) -> the verb's first form."""
    return {without_diacritics(form): without_diacritics(verb[0]) for verb in verbs for form in verb}


def _names(text: str) -> list[Mention]:
    return [m for m in read(text).mentions if m.kind in {"actor", "place"} and not m.adjective]


def _between(text: str, first: Mention, second: Mention, names: list[Mention]) -> str | None:
    """The words between two names, other names left out; None when too far apart."""
    gap = text[first.span.end:second.span.start]
    if len(re.findall(r"[^\W_]+", gap)) > load_swap_rules().window:
        return None
    for m in names:  # "Lester Holt" between both pairs is a name, not what was done
        if first.span.end <= m.span.start and m.span.end <= second.span.start:
            gap = gap.replace(text[m.span.start:m.span.end], " ")
    return gap


def _passive(gap: str) -> bool:
    folded = f" {search_form(gap)} "
    return any(f" {marker} " in folded for marker in load_swap_rules().passive)


def _mutual(gap: str) -> bool:
    """A verb whose two sides may come in either order, or the two names joined by "and": the joining word stands
    (nearly) alone between them, or right after the first or right before the second ("Egypt's foreign minister and
    Ethiopia's", «مصر و وزير خارجية إثيوبيا»)."""
    rules = load_swap_rules()
    words = search_form(gap).split()
    joined = bool(words) and (words[0] in rules.joining or words[-1] in rules.joining or (
        len(re.findall(r"[^\W_]+", gap)) <= rules.joining_gap and any(w in rules.joining for w in words)))
    return joined or any(w in rules.mutual or (w[:1] in "وف" and w[1:] in rules.mutual) for w in words)


@lru_cache(maxsize=8192)
def swapped_names(claim: str, passage: str) -> SlotDecision | None:
    """Two names the claim orders A ... B around some words, and a passage sentence orders B ... A around the
    same words (and never A ... B), same language: an actor_role conflict with both spans."""
    ours = _names(claim)
    if len(ours) < 2 or read(claim).language != read(passage).language:
        return None
    pairs = [(a, b) for i, a in enumerate(ours) for b in ours[i + 1:]
             if not same_entity(a, b) and b.span.start >= a.span.end]
    for a, b in sorted(pairs, key=lambda pair: pair[0].span.start - pair[1].span.end):  # the widest pair first
        claim_gap = _between(claim, a, b, ours)
        if claim_gap is None or _mutual(claim_gap):
            continue
        words = set(_content_stems(claim_gap))
        if not words:
            continue
        split = list(sentences(passage))
        if any(_in_order(sentence, a, b) for _, sentence in split):
            continue  # the passage also says it the claim's way: "Israel has often accused Iran" is no swap
        tail = _tail(claim, b.span.end)
        for offset, sentence in split:
            found = _reversed(sentence, a, b, words, _passive(claim_gap), tail)
            if found is not None:
                first, second = found
                return SlotDecision(
                    "actor_role", "conflict", Span(a.span.start, b.span.end, claim[a.span.start:b.span.end]),
                    Span(offset + first.span.start, offset + second.span.end,
                         sentence[first.span.start:second.span.end]),
                    f"roles swapped: {a.span.text} before {b.span.text} in the claim, after it in the passage")
    return None


def _in_order(sentence: str, a: Mention, b: Mention) -> bool:
    names = _names(sentence)
    return any(x.span.end <= y.span.start for x in names if same_entity(a, x) for y in names if same_entity(b, y))


def _tail(text: str, start: int) -> set[str]:
    """What the act is about: the content words right after the second name ("to reshuffle the cabinet")."""
    return set(_content_stems(" ".join(re.findall(r"[^\W_]+", text[start:])[:load_swap_rules().window // 2])))


def _reversed(sentence: str, a: Mention, b: Mention, words: set[str], claim_passive: bool,
              tail: set[str]) -> tuple[Mention, Mention] | None:
    """B ... A around at least half the claim's words between them, about the same thing when the claim says
    what (Egypt urging Ethiopia to stop filling the dam is not Ethiopia urging Egypt to stop a campaign), unless
    every one of whole_act or more words of the claim's act is between them ("campaign asked moderator ... to
    fact-check": the act itself is the same, whatever the rest of the sentence adds)."""
    names = _names(sentence)
    at_a = [m for m in names if same_entity(a, m)]
    at_b = [m for m in names if same_entity(b, m)]
    if not at_a or not at_b:
        return None
    for y in at_b:
        for x in at_a:
            if y.span.end > x.span.start:
                continue
            gap = _between(sentence, y, x, names)
            if gap is None or _mutual(gap) or _passive(gap) != claim_passive:
                continue
            between = words & set(_content_stems(gap))
            if 2 * len(between) < len(words):
                continue
            if len(between) >= load_swap_rules().whole_act and between == words:
                return y, x  # every word of a long act between the names: what it is about needs no check
            theirs = _tail(sentence, x.span.end)
            shared = tail & theirs
            if not tail or not theirs or (shared and 2 * len(shared) >= min(len(tail), len(theirs))):
                return y, x
    return None


def swapped_words(claim: str, passage: str) -> SlotDecision | None:
    """Two words the claim puts one before and one after the same run of words, and a passage sentence puts the
    other way round («أشعياء ... كان أب الاعتراف للراهب زينون» / «زينون كان أب الاعتراف للراهب ... أشعياء»), and no
    sentence the claim's way: roles exchanged between names no gazetteer holds (Arabic has no capitals). Each of the
    two words is found once on each side, within reach words of the run; the run holds pivot_words content words in
    the same order; neither word is one a rewording moves freely (a reporting verb, a title, a date, a word in a
    prepositional phrase: «بحضور الوزراء», «في القاهرة»)."""
    if read(claim).language != "ar" or read(passage).language != "ar":
        return None  # English names carry capitals: swapped_names reads them
    ours = _claim_words(claim)
    split = [(offset, sentence, _stemmed(sentence)) for offset, sentence in sentences(passage)]
    for offset, sentence, theirs in split:
        found = _crossed(ours, theirs, claim, sentence)
        if found is None:
            continue
        (a, b), (x, y) = found
        if any(_said_in_order(a.stem, b.stem, words) for _, _, words in split):
            return None  # the passage also says it the claim's way
        return SlotDecision(
            "actor_role", "conflict", Span(a.start, b.end, claim[a.start:b.end]),
            Span(offset + x.start, offset + y.end, sentence[x.start:y.end]),
            f"roles swapped: {claim[a.start:a.end]} before {claim[b.start:b.end]} in the claim, after it in the passage")
    return None


class _Word(NamedTuple):
    stem: str  # the content word's light stem
    start: int
    end: int
    fixed: bool = False  # a word a rewording moves freely (`_claim_words`): never one of the two crossed words


@lru_cache(maxsize=4096)
def _stemmed(text: str) -> tuple[_Word, ...]:
    """The content words of a sentence (short strings: the cache is per sentence, not per passage)."""
    words = []
    for match in re.finditer(r"[^\W_]+", text):
        stems = _content_stems(match.group())
        if stems:
            words.append(_Word(stems[0], match.start(), match.end()))
    return tuple(words)


@lru_cache(maxsize=1024)
def _claim_words(claim: str) -> tuple[_Word, ...]:
    """The claim's content words, each marked when a faithful rewording may move it round a name."""
    dated = [(d.start, d.end) for d in read(claim).dates]
    fixed = _verbs_and_titles()
    words = []
    for word in _stemmed(claim):
        movable = (word.stem in fixed or any(s <= word.start < e for s, e in dated)
                   or _in_prepositional_phrase(claim[word.start:word.end], _word_before(claim, word.start)))
        words.append(word._replace(fixed=movable))
    return tuple(words)


def _in_prepositional_phrase(word: str, before: str) -> bool:
    """«في القاهرة», «بحضور», «بالتزامن», «للكتاب»: where, how and with whom, which a rewording moves freely."""
    folded = search_form(word)
    return search_form(before) in _PREPOSITIONS or folded.startswith(("بال", "لل", "كال", "وبال", "ولل")) or (
        folded[:1] == "ب" and folded[1:] in _PREPOSITIONAL_NOUNS)


_PREPOSITIONS = frozenset(search_form(w) for w in ("في", "من", "إلى", "على", "عن", "خلال", "مع", "منذ", "حتى", "عند",
                                                   "لدى", "بعد", "قبل", "وفي", "ومن", "وعلى", "ومع"))
# Nouns «ب» makes circumstances: «بحضور», «بمشاركة», «برعاية», «بمناسبة».
_PREPOSITIONAL_NOUNS = frozenset(search_form(w) for w in ("حضور", "مشاركة", "رعاية", "مناسبة", "سبب", "فضل",
                                                          "دعم", "تنسيق", "التزامن"))


@lru_cache(maxsize=1)
def _verbs_and_titles() -> frozenset[str]:
    """Stems of the Arabic reporting and acting verbs, role words, titles and time words of cues.toml."""
    with open(DATA_DIR / "cues.toml", "rb") as handle:
        lexicon = tomllib.load(handle)
    words = [*lexicon["ar"]["speech"], *lexicon["ar"]["act"], *lexicon["speaker"]["ar_role_words"],
             *lexicon["speaker"]["ar_name_titles"], *lexicon["speaker"]["ar_time_words"]]
    return frozenset(stem for word in words for stem in _content_stems(word)[:1])


def _crossed(ours: tuple[_Word, ...], theirs: tuple[_Word, ...], claim: str,
             sentence: str) -> tuple[tuple[_Word, _Word], tuple[_Word, _Word]] | None:
    rules = load_swap_rules()
    once_theirs = {stem for stem, count in Counter(w.stem for w in theirs).items() if count == 1}
    claim_counts = Counter(w.stem for w in ours)
    crossing = {w.stem for w in ours if not w.fixed and claim_counts[w.stem] == 1} & once_theirs
    if len(crossing) < 2:
        return None
    run = rules.pivot_words
    runs: dict[tuple[str, ...], int] = {}
    for j in range(len(theirs) - run + 1):
        runs.setdefault(tuple(w.stem for w in theirs[j:j + run]), j)
    for i in range(len(ours) - run + 1):
        j = runs.get(tuple(w.stem for w in ours[i:i + run]))
        if j is None:
            continue
        before = [w for w in ours[max(0, i - rules.reach):i] if w.stem in crossing]
        after = [w for w in ours[i + run:i + run + rules.reach] if w.stem in crossing]
        their_before = {w.stem: w for w in theirs[max(0, j - rules.reach):j]}
        their_after = {w.stem: w for w in theirs[j + run:j + run + rules.reach]}
        for a in before:
            for b in after:
                if a.stem not in their_after or b.stem not in their_before:
                    continue
                x, y = their_before[b.stem], their_after[a.stem]
                if _passive(claim[a.end:b.start]) or _passive(sentence[x.end:y.start]) or _mutual(claim[a.end:b.start]):
                    continue
                if any(_in_prepositional_phrase(sentence[w.start:w.end], _word_before(sentence, w.start)) for w in (x, y)):
                    continue  # the passage puts one of them in a prepositional phrase: a circumstance, not a role
                return (a, b), (x, y)
    return None


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 12):start].split()
    return before[-1] if before else ""


def _said_in_order(first: str, second: str, words: tuple[_Word, ...]) -> bool:
    """A sentence with the first word before the second, within a claim's reach of each other."""
    rules = load_swap_rules()
    at_first = [i for i, w in enumerate(words) if w.stem == first]
    at_second = [i for i, w in enumerate(words) if w.stem == second]
    return any(0 < j - i <= rules.pivot_words + 2 * rules.reach for i in at_first for j in at_second)
