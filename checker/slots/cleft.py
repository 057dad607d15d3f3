"""Who did it, when the claim insists: a cleft ("Clinton was the one who started it", «الليكود هو من اقترح
القانون») names one actor as the doer of one act.

Writers of false claims use the cleft to hand an act to the wrong actor: the passage reports the same act, the
same names and figures, and another doer. Word counts and sentence similarity cannot see it (the words are the
same), the role frames only know their listed verbs. Here the act's doer is read where a news sentence puts it:
the few words before the verb (subject first) or, in Arabic, right after it (verb first), or after "by" in an
English passive. A passage sentence with the act and the claim's actor as its doer confirms the cleft; one whose
doer is another, while the claim's actor is named in the same sentence in another place («... ما أثار دهشة
هنغبي»), contradicts it; otherwise the passage does not say who did it and cannot support the claim.
The markers and windows are in `[cleft]` of checker/data/slots.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from checker.normalize import fold, search_form
from checker.slots.align import same_word, sentences
from checker.slots.model import SlotDecision, Span
from checker.slots.names import slots_data
from checker.stems import light_stem

_WORD = re.compile(r"[^\W_]+")
_CLAUSE_END = re.compile(r"[،,;:؛.!?؟()\"«»“”]")


@dataclass(frozen=True)
class CleftRules:
    markers: re.Pattern[str]  # "<focus> <marker> <verb>", on the search form
    it_cleft: re.Pattern[str]  # "it was <focus> who <verb>"
    not_verbs: frozenset[str]
    focus_words: int
    before: int
    after: int
    by: int


@dataclass(frozen=True)
class Cleft:
    """The actor a claim insists on and the act it gives them, by offsets in the claim."""

    focus: Span
    verb: Span


@dataclass(frozen=True)
class CleftReading:
    """What a passage says of the claim's cleft: the doer confirmed, another doer ("conflict", with its decision),
    or no sentence that says who did the act ("unconfirmed")."""

    outcome: Literal["agree", "conflict", "unconfirmed"]  # "unconfirmed": no sentence says who did the act
    cleft: Cleft
    decision: SlotDecision | None = None


@lru_cache(maxsize=1)
def load_cleft_rules() -> CleftRules:
    data = slots_data()["cleft"]
    markers = "|".join(re.escape(fold(m)) for m in sorted(data["markers_ar"] + data["markers_en"],
                                                                 key=len, reverse=True))
    return CleftRules(
        re.compile(rf"(?<![^\W_])(?:{markers})\s+([^\W_]+)", re.IGNORECASE),
        re.compile(r"\bit\s+(?:was|is|were)\s+([^,.;:]{2,60}?)\s+who\s+([^\W_]+)", re.IGNORECASE),
        frozenset(search_form(w) for w in data["not_verbs"]), int(data["focus_words"]),
        int(data["doer_before"]), int(data["doer_after"]), int(data["doer_after_by"]))


@lru_cache(maxsize=8192)
def cleft_of(text: str) -> Cleft | None:
    """The cleft of a claim, if it has one: its focus phrase (up to focus_words words before the marker, within
    the clause) and the verb after the marker."""
    rules = load_cleft_rules()
    folded = fold(text)  # keeps offsets
    it = rules.it_cleft.search(folded)
    if it and text[it.start(1)].isupper() and _WORD.search(it.group(1)):  # "It was Clinton who ...", not "It is expected that ..."
        return Cleft(_span(text, *it.span(1)), _span(text, *it.span(2)))
    for match in rules.markers.finditer(folded):
        verb = search_form(match.group(1))
        if verb in rules.not_verbs or (not verb.isascii() and _not_a_verb(text[match.start(1):match.end(1)])):
            continue  # «هو من أبرز»: "one of the most", «هو من الأطباء», «هو من مدينة نابلس»: not "the one who"
        head = text[:match.start()]
        clause = _CLAUSE_END.split(head)[-1]
        words = list(_WORD.finditer(clause))[-rules.focus_words:]
        if not words:
            continue
        offset = len(head) - len(clause)
        return Cleft(_span(text, offset + words[0].start(), offset + words[-1].end()), _span(text, *match.span(1)))
    return None


def _not_a_verb(word: str) -> bool:
    """An Arabic word after «هو من», as written, that cannot be a past verb: with the article, ending in ta marbuta
    (a noun: «مدينة»), or a long word opening with م (a participle or place noun: «منتقدي», «مواليد»)."""
    folded = search_form(word)
    return folded.startswith("ال") or word.endswith("ة") or (folded.startswith("م") and len(folded) >= 5)


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _verb_root(word: str) -> str:
    """A verb without its attached conjunction, tense prefix and subject suffix, so «كشف», «وكشفت», «يكشف» and
    "revealed" / "reveals" meet (Form VIII «اقترح» / «يقترح» too)."""
    folded = search_form(word)
    if folded.isascii():
        return light_stem(folded)
    for suffix in ("وا", "ون", "ت"):
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            folded = folded[:-len(suffix)]
            break
    if folded[:1] in "وف" and len(folded) > 3:
        folded = folded[1:]
    if folded[:1] in "يتنا" and len(folded) > 3:  # a tense prefix, only where three letters stay: «نفذت» is نفذ
        folded = folded[1:]
    return folded


def _names_focus(words: list[str], focus: list[str]) -> bool:
    """The focus's last word (a name's distinctive word: Clinton, «الليكود», «هنغبي») among the words."""
    last = focus[-1]
    return any(same_word(last, w) for w in words)


@lru_cache(maxsize=8192)
def read_cleft(claim: str, passage: str) -> CleftReading | None:
    """The passage's reading of the claim's cleft (None when the claim has none): a passage that never names the
    act cannot say who did it either."""
    cleft = cleft_of(claim)
    if cleft is None:
        return None
    rules = load_cleft_rules()
    focus = [search_form(w) for w in _WORD.findall(cleft.focus.text)]
    root = _verb_root(cleft.verb.text)
    conflict: SlotDecision | None = None
    for offset, sentence in sentences(passage):
        words = list(_WORD.finditer(sentence))
        folded = [search_form(w.group()) for w in words]
        for i, word in enumerate(words):
            if _verb_root(word.group()) != root:
                continue
            doers = _doer_window(sentence, words, folded, i, rules)
            if _names_focus([folded[k] for k in doers], focus):
                return CleftReading("agree", cleft)
            rest = [w for k, w in enumerate(folded) if k != i and k not in doers]
            if conflict is None and doers and _names_focus(rest, focus):
                doer = " ".join(words[k].group() for k in doers)
                conflict = SlotDecision(
                    "actor_role", "conflict", cleft.focus,
                    Span(offset + word.start(), offset + word.end(), word.group()),
                    f"the claim says {cleft.focus.text} {cleft.verb.text}; the passage gives «{word.group()}» "
                    f"another doer ({doer}) and names {cleft.focus.text} otherwise")
    if conflict is not None:
        return CleftReading("conflict", cleft, conflict)
    return CleftReading("unconfirmed", cleft)


def _doer_window(sentence: str, words: list[re.Match[str]], folded: list[str], i: int,
                 rules: CleftRules) -> list[int]:
    """Where a sentence puts the doer of the verb at words[i] (word indices): the words before it in its clause,
    the words right after it (an Arabic verb comes first), the words after an English "by"."""
    start = words[i].start()
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    before = [k for k in range(max(0, i - rules.before), i) if words[k].start() >= clause_start]
    after_end = next((m.start() for m in _CLAUSE_END.finditer(sentence, words[i].end())), len(sentence))
    following = [k for k in range(i + 1, min(len(words), i + 1 + rules.by)) if words[k].end() <= after_end]
    if folded[i].isascii():
        by = next((k for k in following if folded[k] == "by"), None)
        after = [k for k in following if by is not None and k > by]
    else:
        after = following[:rules.after]
    return before + after
