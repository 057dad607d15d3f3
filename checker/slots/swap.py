"""Roles exchanged without a frame verb: two names in the opposite order around the same words.

The frames of slots.toml read who did what to whom for the verbs they list. A fact-checker also catches
"Donald Trump's campaign asked Lester Holt to fact-check Hillary Clinton" against "Hillary Clinton's campaign
has asked NBC's Lester Holt ... to fact check Donald Trump": the claim and a passage sentence hold the same two
names and the same words between them, in the opposite order. A passive on one side only ("was asked by") turns
the order round and is no swap; nor are verbs whose two sides may come in either order ("met", «التقى»), listed
under [swap] in checker/data/slots.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.normalize import search_form
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


@lru_cache(maxsize=1)
def load_swap_rules() -> SwapRules:
    data = slots_data()["swap"]
    return SwapRules(int(data["window"]), int(data["whole_act"]), tuple(search_form(w) for w in data["passive"]),
                     frozenset(search_form(w) for w in data["mutual"]),
                     frozenset(search_form(w) for w in data["joining"]), int(data["joining_gap"]),
                     int(data["pivot_words"]), int(data["reach"]))


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
    rules = load_swap_rules()
    words = search_form(gap).split()
    joined = len(re.findall(r"[^\W_]+", gap)) <= rules.joining_gap and any(w in rules.joining for w in words)
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


@lru_cache(maxsize=8192)
def swapped_words(claim: str, passage: str) -> SlotDecision | None:
    """Two words the claim puts one before and one after the same run of words, and a passage sentence puts the
    other way round («أشعياء ... كان أب الاعتراف للراهب زينون» / «زينون كان أب الاعتراف للراهب ... أشعياء»): roles
    exchanged between names no gazetteer holds (Arabic has no capitals). Each of the two words is found once on
    each side, within a few words of the run; the run holds at least pivot_words content words in the same order."""
    if read(claim).language != "ar" or read(passage).language != "ar":
        return None  # English names carry capitals: swapped_names reads them
    ours = _stemmed(claim)
    for offset, sentence in sentences(passage):
        theirs = _stemmed(sentence)
        found = _crossed(ours, theirs, claim, sentence)
        if found is not None:
            (a, b), (x, y) = found
            return SlotDecision(
                "actor_role", "conflict", Span(a[1], b[2], claim[a[1]:b[2]]),
                Span(offset + x[1], offset + y[2], sentence[x[1]:y[2]]),
                f"roles swapped: {claim[a[1]:a[2]]} before {claim[b[1]:b[2]]} in the claim, after it in the passage")
    return None


_Word = tuple[str, int, int]  # content stem, start, end


def _stemmed(text: str) -> list[_Word]:
    words = []
    for match in re.finditer(r"[^\W_]+", text):
        stems = _content_stems(match.group())
        if stems:
            words.append((stems[0], match.start(), match.end()))
    return words


def _movable(text: str) -> set[tuple[int, int]]:
    """Words a faithful rewording moves round a name without exchanging roles: the reporting or acting verb
    («أوضح أمين عام ... عبدالرحيم» / «عبدالرحيم، أمين عام ...، أوضح»), a title or role word, a date."""
    slots = read(text)
    spans = {(m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)
             if _content_stems(m.group())[:1] and _content_stems(m.group())[0] in _verbs_and_titles()}
    for date in slots.dates:
        spans |= {(date.start + m.start(), date.start + m.end()) for m in re.finditer(r"[^\W_]+", date.text)}
    return spans


@lru_cache(maxsize=1)
def _verbs_and_titles() -> frozenset[str]:
    import tomllib

    from checker.config import DATA_DIR

    with open(DATA_DIR / "cues.toml", "rb") as handle:
        data = tomllib.load(handle)
    words = [*data["ar"]["speech"], *data["ar"]["act"], *data["en"]["speech"], *data["speaker"]["ar_role_words"],
             *data["speaker"]["ar_name_titles"], *data["speaker"]["ar_time_words"]]
    return frozenset(stem for word in words for stem in _content_stems(word)[:1])


def _crossed(ours: list[_Word], theirs: list[_Word], claim: str,
             sentence: str) -> tuple[tuple[_Word, _Word], tuple[_Word, _Word]] | None:
    rules = load_swap_rules()
    once_ours = {stem for stem, count in _counts(ours).items() if count == 1}
    once_theirs = {stem for stem, count in _counts(theirs).items() if count == 1}
    movable = {span for span in _movable(claim)}
    shared = {w[0] for w in ours if (w[1], w[2]) not in movable} & once_ours & once_theirs
    run = rules.pivot_words
    for i in range(len(ours) - run + 1):
        pivot = [w[0] for w in ours[i:i + run]]
        j = next((j for j in range(len(theirs) - run + 1) if [w[0] for w in theirs[j:j + run]] == pivot), None)
        if j is None:
            continue
        before = [w for w in ours[max(0, i - rules.reach):i] if w[0] in shared]
        after = [w for w in ours[i + run:i + run + rules.reach] if w[0] in shared]
        their_before = {w[0]: w for w in theirs[max(0, j - rules.reach):j]}
        their_after = {w[0]: w for w in theirs[j + run:j + run + rules.reach]}
        for a in before:
            for b in after:
                if a[0] in their_after and b[0] in their_before and not _passive(claim[a[2]:b[1]]) and not (
                        _passive(sentence[their_before[b[0]][2]:their_after[a[0]][1]])) and not _mutual(
                        claim[a[2]:b[1]]):
                    return (a, b), (their_before[b[0]], their_after[a[0]])
    return None


def _counts(words: list[_Word]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for stem, _, _ in words:
        counts[stem] = counts.get(stem, 0) + 1
    return counts
