"""Roles exchanged around an Arabic verb that comes first: «وصف ترامب لاريجاني بأنه ...» (verb, doer, target)
against «لاريجاني وصف ترامب» (doer, verb, target). Nothing stands between the two names, so checker.slots.swap's
names-around-words rule cannot see it; here each side's doer and target of a verb of one side acting on another
([swap] doer_verbs_ar in checker/data/slots.toml) are read and compared.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from checker.normalize import search_form, without_diacritics
from checker.slots.align import sentences
from checker.slots.extract import read
from checker.slots.model import SlotDecision, Span
from checker.slots.names import mentions
from checker.slots.swap import _passive, _stemmed, _verbs_and_titles, _Word, _word_before, load_swap_rules


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
