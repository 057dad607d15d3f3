"""Roles exchanged without a frame verb: two names in the opposite order around the same words.

The frames of slots.toml read who did what to whom for the verbs they list. A fact-checker also catches
"Donald Trump's campaign asked Lester Holt to fact-check Hillary Clinton" against "Hillary Clinton's campaign
has asked NBC's Lester Holt ... to fact check Donald Trump": the claim and a passage sentence hold the same two
names and the same words between them, in the opposite order. A passive on one side only ("was asked by") turns
the order round and is no swap; nor are verbs whose two sides may come in either order ("met", «التقى»), listed
under [swap] in checker/data/slots.toml. Arabic also puts the verb first: «وصف ترامب لاريجاني» against «لاريجاني
وصف ترامب» holds no words between the names, so the doer and the target of a verb that acts on someone are read
on each side (`swapped_around_verb`).
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Mapping
from typing import NamedTuple

from checker.config import DATA_DIR
from checker.normalize import search_form, without_diacritics
from checker.slots.align import sentences
from checker.slots.extract import _content_stems, read
from checker.slots.model import Mention, SlotDecision, Span
from checker.slots.names import mentions, same_entity, slots_data


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


def swapped_around_verb(claim: str, passage: str) -> SlotDecision | None:
    """Arabic puts the verb first: «وصف ترامب لاريجاني بأنه ...» (verb, doer, target) against a passage sentence
    with «لاريجاني وصف ترامب» (doer, verb, target): one of the verbs of [swap] doer_verbs_ar whose doer in the
    claim is its target in the passage, and whose doer in the passage is in the claim's target phrase. A doer is a
    name that opens the clause right before the verb, or the first name after the verb with only titles,
    nationality adjectives and the name's own words between; a name is a run of words both texts hold in that
    order («رجب طيب أردوغان»). No swap when the verb is passive or negated on either side, or when a passage
    sentence has the claim's doer doing it."""
    if read(claim).language != "ar" or not _verb_matches(claim) or read(passage).language != "ar":
        return None
    ours = _stemmed(claim)
    split = [(offset, sentence, _stemmed(sentence)) for offset, sentence in sentences(passage)]
    split = [(offset, sentence, words) for offset, sentence, words in split if _verb_matches(sentence)]
    counts = Counter(w.stem for w in ours)
    shared = {w.stem for _, _, words in split for w in words}
    rules = load_swap_rules()
    named = ({w.stem for w in ours if counts[w.stem] == 1} & shared) - _verbs_and_titles() - rules.not_names - (
        rules.verb_stems)
    words_of_both = _raw_words(claim) | {word for _, sentence, _ in split for word in _raw_words(sentence)}
    pairs = _adjacent(claim, ours) & {pair for _, sentence, words in split for pair in _adjacent(sentence, words)}
    acts = [act for act in _acts(claim, ours, named, pairs, words_of_both) if act.doer and act.target]
    theirs = [(offset, sentence, act) for offset, sentence, words in split
              for act in _acts(sentence, words, named, pairs, words_of_both)]
    for act in acts:
        doer = {w.stem for w in act.doer}
        if any(other.verb == act.verb and doer & {w.stem for w in other.doer} for _, _, other in theirs):
            continue  # the passage also has the claim's doer doing it
        target = {w.stem for w in act.target}
        for offset, sentence, other in theirs:
            if (other.verb != act.verb or not other.doer or not other.target
                    or not doer & {w.stem for w in other.target} or not target & {w.stem for w in other.doer}):
                continue
            low = min(other.doer[0].start, other.target[0].start)
            high = max(other.doer[-1].end, other.target[-1].end)
            return SlotDecision(
                "actor_role", "conflict", Span(act.doer[0].start, act.target[-1].end,
                                               claim[act.doer[0].start:act.target[-1].end]),
                Span(offset + low, offset + high, sentence[low:high]),
                f"roles swapped: the claim has {_text(claim, act.doer)} doing it to {_text(claim, act.target)}, "
                f"the passage has {_text(sentence, other.doer)} doing it to {_text(sentence, other.target)}")
    return None


class _Act(NamedTuple):
    verb: str  # the verb's first form in doer_verbs_ar
    doer: tuple[_Word, ...]  # the words of a name; empty when none was found
    target: tuple[_Word, ...]  # the named words of the target's phrase


def _text(text: str, words: tuple[_Word, ...]) -> str:
    return text[words[0].start:words[-1].end]


def _acts(text: str, words: tuple[_Word, ...], named: set[str], pairs: set[tuple[str, str]],
          both: set[str]) -> list[_Act]:
    """Each doer verb of the text, neither negated nor passive, with its doer and target, read from the `named`
    words (content words both texts hold, once in the claim) grouped into names by `pairs`."""
    adjectives = [m.span for m in mentions(text) if m.adjective]  # «الرئيس التركي»: a title, no doer
    named = named - {w.stem for w in words if any(span.start <= w.start < span.end for span in adjectives)}
    acts = []
    for verb, start, end, conjunction in _verb_matches(text):
        if _negated_or_passive(text, start, end):
            continue
        before = [w for w in words if w.end <= start]
        after = [w for w in words if w.start >= end]
        doer = None if conjunction else _doer_before(text, before, start, named, pairs)
        if doer is None:
            doer = _doer_after(text, after, named, pairs, adjectives, both)
            after = [w for w in after if doer and w.start >= doer[-1].end]
        acts.append(_Act(verb, doer or (), _target(text, verb, after, named, doer or (), both)))
    return acts


def _doer_before(text: str, before: list[_Word], start: int, named: set[str],
                 pairs: set[tuple[str, str]]) -> tuple[_Word, ...] | None:
    """«إن رئيس البرلمان علي لاريجاني وصف ترامب»: the name right before the verb, when its phrase opens the clause
    (after a stop or a clause opener), so the object of another verb («استقبل بوتين أردوغان وانتقد») or a noun's
    complement («تصريحات ترامب انتقد») is none."""
    if not before or before[-1].stem not in named or _PAUSE.search(text[before[-1].end:start]):
        return None
    name = _name_ending(before, named, pairs, text)
    first = name[0]
    for word in reversed(before[:before.index(first)][-load_swap_rules().verb_reach:]):
        if not _runs_on(text[word.end:first.start]) or word.stem not in _verbs_and_titles() | named:
            break
        first = word  # a title or another word of the phrase («رئيس البرلمان»)
    opener = _word_before(text, first.start)
    opens = not text[:first.start].strip() or bool(_PAUSE.search(text[max(0, first.start - 3):first.start]))
    return name if opens or search_form(opener) in _CLAUSE_OPENERS else None


def _doer_after(text: str, after: list[_Word], named: set[str], pairs: set[tuple[str, str]],
                adjectives: list[Span], both: set[str]) -> tuple[_Word, ...] | None:
    """«وصف الرئيس الأمريكي دونالد ترامب»: the first name after the verb, with only titles, nationality
    adjectives, words that are no names and the name's own first words (run on to it) between; «وانتقدت الخارجية
    الروسية واشنطن» has its doer among the words between, and «دعا بيان رئاسي» names none, so no name after it
    is the doer."""
    rules = load_swap_rules()

    def title_like(word: _Word) -> bool:
        return (word.stem in _verbs_and_titles() or word.stem in rules.not_names
                or any(span.start <= word.start < span.end for span in adjectives))

    for index, word in enumerate(after[:rules.verb_reach + 1]):
        if index and _PAUSE.search(text[after[index - 1].end:word.start]):
            return None
        if word.stem not in named:
            continue
        if _in_phrase(text, word, both) or (index and after[index - 1].stem in rules.not_names):
            return None
        first_name = index  # the first names run on to the name («دونالد ترامب»)
        while first_name and not title_like(after[first_name - 1]) and not text[
                after[first_name - 1].end:after[first_name].start].strip():
            first_name -= 1
        return _name_starting(after[index:], named, pairs, text) if all(
            title_like(w) for w in after[:first_name]) else None
    return None


def _target(text: str, verb: str, rest: list[_Word], named: set[str], doer: tuple[_Word, ...],
            both: set[str]) -> tuple[_Word, ...]:
    """The target after the doer, in the same clause: the first `named` word neither joined to the doer by «و» nor
    in a prepositional phrase (unless after the verb's own marker: «طلب X من Y»), with the words its phrase runs on
    to («البرلمان الإيراني علي لاريجاني»), so a passage naming it by another of its words meets it."""
    rules = load_swap_rules()
    marker = rules.target_markers.get(verb)
    phrase: list[_Word] = []
    for index, word in enumerate(rest[:rules.target_reach]):
        if index and _PAUSE.search(text[rest[index - 1].end:word.start]):
            break
        if phrase:
            if not _runs_on(text[phrase[-1].end:word.start]) or _in_phrase(text, word, both):
                break
            phrase.append(word)
            continue
        before = _word_before(text, word.start)
        if search_form(before) in _CLAUSE_OPENERS:
            break
        marked = marker is not None and (before == marker or search_form(text[word.start:word.end]).startswith(
            marker) and _prefixed(text[word.start:word.end], marker, both))
        if word.stem in named and (marked or not _in_phrase(text, word, both)) and not (
                doer and _joined(text, doer[-1], word, both)):
            phrase.append(word)
    return tuple(w for w in phrase if w.stem in named)


def _runs_on(gap: str) -> bool:
    """Two words of one phrase: nothing between them, or one word that is no preposition, opener or stop («علي» in
    «البرلمان علي لاريجاني»)."""
    gap = gap.strip()
    return not gap or (len(gap.split()) == 1 and gap not in _RAW_PREPOSITIONS and not _PAUSE.search(gap)
                       and search_form(gap) not in _CLAUSE_OPENERS)


def _name_ending(before: list[_Word], named: set[str], pairs: set[tuple[str, str]], text: str) -> tuple[_Word, ...]:
    """The name whose last word ends `before`: the run of `named` words joined as both texts join them."""
    name = [before[-1]]
    for word in reversed(before[:-1]):
        if word.stem not in named or (word.stem, name[0].stem) not in pairs or text[word.end:name[0].start].strip():
            break
        name.insert(0, word)
    return tuple(name)


def _name_starting(after: list[_Word], named: set[str], pairs: set[tuple[str, str]], text: str) -> tuple[_Word, ...]:
    name = [after[0]]
    for word in after[1:]:
        if word.stem not in named or (name[-1].stem, word.stem) not in pairs or text[name[-1].end:word.start].strip():
            break
        name.append(word)
    return tuple(name)


def _adjacent(text: str, words: tuple[_Word, ...]) -> set[tuple[str, str]]:
    """Stems of words that follow each other with only a space between (the parts of a name)."""
    return {(a.stem, b.stem) for a, b in zip(words, words[1:]) if not text[a.end:b.start].strip()}


def _raw_words(text: str) -> set[str]:
    return {search_form(m.group()) for m in _WORD_WITH_MARKS.finditer(text)}


def _prefixed(raw: str, letter: str, both: set[str]) -> bool:
    """«ومصر», «لمجلس», «للأمم»: the word is another word of the two texts with a «و» or «ل» before it, unlike
    «واشنطن» or «لبنان», whose first letter is their own."""
    word = search_form(raw)
    if not word.startswith(letter) or len(word) < 3:
        return False
    return word[1:] in both or (letter == "ل" and word.startswith("لل") and "ا" + word[1:] in both)


def _joined(text: str, doer_end: _Word, word: _Word, both: set[str]) -> bool:
    """«مصر وإسرائيل»: two names joined by «و» are two doers (or two targets), not a doer and its target."""
    gap = search_form(text[doer_end.end:word.start])
    return gap == "و" or (not gap and _prefixed(text[word.start:word.end], "و", both))


def _in_phrase(text: str, word: _Word, both: set[str]) -> bool:
    """«في دافوس», «بسبب العقوبات», «لمجلس الأمن»: a circumstance or whose it is, not a target."""
    raw = text[word.start:word.end]
    folded = search_form(raw)
    return (_word_before(text, word.start) in _RAW_PREPOSITIONS or _prefixed(raw, "ل", both)
            or _prefixed(raw, "ب", both) or folded.startswith(("بال", "لل", "كال", "وبال", "ولل"))
            or folded in _CLAUSE_OPENERS)


def _negated_or_passive(text: str, start: int, end: int) -> bool:
    """«لم تتهم», «لا يصف»; «اتهم ترامب من قبل بوتين»: the act is not done, or not by the name after the verb."""
    if search_form(_word_before(text, start)) in _NEGATIONS:
        return True
    clause = _PAUSE.split(text[end:], maxsplit=1)[0]
    return _passive(clause)


@lru_cache(maxsize=4096)
def _verb_matches(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    """(verb, start, end, carries «و»/«ف») for each word of the text that is a form of doer_verbs_ar, read with
    hamza and alif maqsura kept («هنا» is no «هنأ», «تحدي» no «تحدى»)."""
    forms = load_swap_rules().doer_verbs
    found = []
    for match in _WORD_WITH_MARKS.finditer(text):
        word = without_diacritics(match.group())
        if word in forms:
            found.append((forms[word], match.start(), match.end(), False))
        elif word[:1] in "وف" and word[1:] in forms:
            found.append((forms[word[1:]], match.start(), match.end(), True))
    return tuple(found)


_PAUSE = re.compile(r"[.،,؛:!؟?\n]")
_WORD_WITH_MARKS = re.compile(r"(?:[^\W_]|[\u064B-\u0652\u0670])+")  # «حمّلت» is one word
# As written: «علي» (a name) folds to «على» (a preposition).
_RAW_PREPOSITIONS = frozenset(("في", "من", "إلى", "الى", "على", "عن", "خلال", "مع", "منذ", "عند", "لدى", "بعد", "قبل",
                               "وفي", "ومن", "وعلى", "ومع", "ضد", "حول", "بشأن", "تجاه", "بين", "نحو", "عبر", "حتى",
                               "بسبب", "لصالح"))
_CLAUSE_OPENERS = frozenset(search_form(w) for w in (
    "إن", "أن", "بأن", "وأن", "لأن", "إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها", "لكن", "ولكن", "فيما", "بينما",
    "حيث", "كما", "ثم", "الذي", "التي", "الذين", "عندما", "بعدما", "قبل", "بعد"))
_NEGATIONS = frozenset(search_form(w) for w in ("لم", "لن", "لا", "ما", "ليس", "ولم", "ولن", "ولا"))


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
