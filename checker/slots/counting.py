"""What a figure counts: the thing named after it, the act that governs it ("killed 50", «قتل خمسة», "Five ...
were killed"), and whether a bare figure from 1900 to 2100 is a count or a year.

Read by `checker.slots.extract`; the word lists are in checker/data/slots.toml ([counting], [[act]]) and the
gazetteer's [[thing]] lists, so a journalist can extend them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from checker.models import NumberMention
from checker.normalize import fold, search_form
from checker.segment import lexicon
from checker.slots.model import Quantity
from checker.slots.names import _CLAUSE, _WORD, load_gazetteer, mentions, slots_data
from checker.stems import light_stem

_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")
# An Arabic word carrying an attached pronoun (فريقه، لأننا، ومحاولته): a noun owned or a verb's object, never
# the counted noun after a figure. Read on the unfolded word, where ة is not ه.
_PRONOUN_END = re.compile(r"(?:[^ة\W]ه|هم|ها|هما|هن|نا|كم)$")


@dataclass(frozen=True)
class CountingRules:
    acts: dict[str, str]  # light stem of a folded form -> act id
    victims: frozenset[str]  # the gazetteer's [[thing]] ids an act names (dead, wounded ...)
    year_before: frozenset[str]
    plurals_en: frozenset[str]
    person_endings_en: tuple[str, ...]
    not_persons_en: frozenset[str]
    partitive: frozenset[str]
    conjunctions: frozenset[str]
    relatives: frozenset[str]
    act_window: int
    durations: frozenset[str]  # light stems of time units: a figure counting them is a span, not victims
    adjacent_things: frozenset[str]  # gazetteer [[thing]] ids a figure counts only when they follow it at once


@lru_cache(maxsize=1)
def load_counting() -> CountingRules:
    data = slots_data()
    acts = {_stem(form): item["id"] for item in data["act"] for key in ("en", "ar") for form in item[key]}
    rules = data["counting"]
    victims = frozenset(item["thing"] for item in data["act"] if item.get("thing"))
    year_before = [*rules["year_before"], *lexicon()["numbers"]["year_cues"]]
    return CountingRules(acts, victims, frozenset(search_form(w) for w in year_before),
                         frozenset(w.lower() for w in rules["plurals_en"]), tuple(rules["person_endings_en"]),
                         frozenset(w.lower() for w in rules["not_persons_en"]),
                         frozenset(search_form(w) for w in rules["partitive"]),
                         frozenset(search_form(w) for w in rules["conjunctions"]),
                         frozenset(search_form(w) for w in rules["relatives"]), int(rules["act_window"]),
                         frozenset(_stem(w) for w in rules["durations"]), frozenset(rules["adjacent_things"]))


def _stem(word: str) -> str:
    return light_stem(search_form(word))


def thing_of(word: str, attached: bool = True) -> str | None:
    """The gazetteer's id for a counted word (الصواريخ, soldiers), prefixes stripped; `attached=False` keeps a word
    opening with a preposition or a conjunction whole: right after a figure «بهدف» is "with the aim of", not goals."""
    entries = load_gazetteer().entries
    folded = fold(word)
    prefixes = _PREFIXES if attached else ("ال",)
    candidates = [folded] + [folded[len(p):] for p in prefixes if folded.startswith(p) and len(folded) - len(p) >= 3]
    if not folded.isascii() and folded.endswith("ا") and len(folded) >= 4:
        candidates.append(folded[:-1])  # «8050 مدنيا», «15 شخصا»: the accusative alef of a noun counted by 11-99
    for candidate in candidates:
        entry = entries.get(candidate)
        if entry is not None and entry.kind == "thing":
            return entry.key
    return None


def named_thing(quantity: Quantity) -> str | None:
    """What a count names by a noun of its own: not the victims its act names ("killed", «قتلى» are the dead of
    the act "killed"; "people", "soldiers" are named)."""
    thing = quantity.thing
    if thing is None or thing in load_counting().victims or act_of(thing):
        return None
    return thing


def act_of(word: str) -> str | None:
    """The act a verb, participle or verbal noun names (killed, «قتلى», «مقتل», «أصيب»), or None."""
    acts = load_counting().acts
    folded = search_form(word)
    return acts.get(light_stem(folded)) or (acts.get(light_stem(folded[1:])) if folded[:1] in "وف" else None)


def governing_act(text: str, number: NumberMention, numbers: Sequence[NumberMention]) -> str | None:
    """The act that governs a count: the nearest act word among the `act_window` content words before it (its
    verb: "killed 50", «اعتقلت الشرطة 12») or after it (a participle or a passive: «50 قتيلا», "Five were
    killed"), inside its clause, never past a neighbouring figure or a conjunction: the act of a coordinated
    clause is another count's ("Five were killed and 20 wounded", «قتل 5 وأصيب 20»). Before wins a tie. Those
    an act befalls are counted in whole numbers: a measure (a magnitude 5.6 quake) has no act."""
    if number.value is None or number.value != int(number.value):
        return None
    rules = load_counting()
    unit = _WORD.search(text, number.end)
    if unit and _stem(unit.group()) in rules.durations:  # "jailed for five years": a span of time, no victims
        return None
    previous, following = _neighbours(number, numbers)
    clause_start = max([0] + [m.end() for m in _CLAUSE.finditer(text, max(0, number.start - 200), number.start)])
    low = max(clause_start, previous.end if previous else 0)
    clause_end = _CLAUSE.search(text, number.end)
    high = min(clause_end.start() if clause_end else len(text), following.start if following else len(text))
    before = _scope(reversed(_WORD.findall(text, low, number.start)), rules, after=False)
    after = _scope(_WORD.findall(text, number.end, high), rules, after=True)
    for before_word, after_word in zip(before, after):
        act = (act_of(before_word) if before_word else None) or (act_of(after_word) if after_word else None)
        if act:
            return act
    return None


def _neighbours(number: NumberMention, numbers: Sequence[NumberMention]) -> tuple[NumberMention | None,
                                                                                  NumberMention | None]:
    """The figures just before and just after `number` in `numbers` (sorted by start, as find_numbers gives
    them), found by bisection: a figure-dense text stays linear."""
    at = bisect.bisect_left(numbers, number.start, key=lambda n: n.start)
    before = numbers[at - 1] if at > 0 and numbers[at - 1].end <= number.start else None
    after = next((n for n in numbers[at:at + 3] if n.start >= number.end), None)
    return before, after


def _scope(words: Iterable[str], rules: CountingRules, *, after: bool) -> list[str]:
    """The content words on one side of a figure, nearest first, up to a conjunction (before it, also a relative
    pronoun; after it, a verb joined by و/ف: «وأصيب»), padded to `act_window`."""
    stop, found = _stopwords(), []
    for word in words:
        folded = search_form(word)
        if folded in rules.conjunctions or (not after and folded in rules.relatives) \
                or (after and folded[:1] in "وف" and rules.acts.get(_stem(folded[1:]))):
            break
        if folded not in stop:
            found.append(word)
        if len(found) == rules.act_window:
            break
    return found + [""] * (rules.act_window - len(found))


def bare_year_figure(number: NumberMention) -> bool:
    """Four digits from 1900 to 2100 with nothing else (no separator, no "about"): a year or a count."""
    raw = number.text.strip()
    return number.kind == "number" and raw.isdigit() and len(raw) == 4 and 1900 <= (number.value or 0) <= 2100


def year_like(text: str, number: NumberMention, numbers: Sequence[NumberMention],
              known: dict[int, bool] | None = None) -> bool:
    """A bare figure from 1900 to 2100 is a year, not a count, unless the text names what it counts: a thing the
    gazetteer knows ("2000 soldiers"), the act whose verb governs it ("killed 2000", «قتل 2000»), a part of a
    group after it («شمل 2002 من كبار السن», "2000 of the protesters") or the people it counts, right after it:
    an English plural of a person noun ("2000 lawyers", not "2014 protests", "2000 levels"), an Arabic
    participle or nisba noun, indefinite and opening no construct («2000 محام», «الـ 2000 مقاتل», not
    «قانون المالية 2017 مراجعة السلم»). After a determiner, a preposition or a time word ("the 2012 elections",
    «منذ بداية 2018 مدربين», «مواليد 1994») or, in Arabic, after a definite word or a name («كأس العالم 2026»)
    it is a year; a figure joined to another by "and" reads as that one ("between 2001 and 2003").

    A chain of such links is walked back in a loop (a list of 2,000 years once overflowed the stack); `known`,
    figure start -> answer, filled as it goes, lets a caller reading every figure in order walk each link once."""
    rules = load_counting()
    chain: list[NumberMention] = []
    current = number
    while True:
        if current is not number and known is not None and current.start in known:
            answer = known[current.start]
            break
        alone, earlier = _year_alone(text, current, numbers, rules)
        if alone is not None or earlier is None:
            answer = bool(alone)
            break
        chain.append(current)
        if earlier.kind in {"year", "date"}:
            answer = True
            break
        current = earlier
    if known is not None:
        known.update((link.start, answer) for link in chain + [current])
    return answer


def _year_alone(text: str, number: NumberMention, numbers: Sequence[NumberMention],
                rules: CountingRules) -> tuple[bool | None, NumberMention | None]:
    """`year_like` for one figure: (the answer, None), or (None, the figure before it) when an "and" joins it to
    that one, whose reading it takes."""
    if not bare_year_figure(number):
        return False, None
    if number.unit is not None and thing_of(number.unit) is not None:
        return False, None
    previous = _WORD.findall(text, max(0, number.start - 40), number.start)
    before = search_form(previous[-1]) if previous else ""
    bare = before[1:] if before[:1] in "وفبل" and len(before) > 3 else before
    if before in rules.year_before or bare in rules.year_before or before.endswith(("'s", "’s")):
        return True, None
    earlier, _ = _neighbours(number, numbers)
    if before in rules.conjunctions and earlier and len(_WORD.findall(text, earlier.end, number.start)) == 1:
        return None, earlier
    if _act_before(text, number, earlier, rules):
        return False, None
    following = _WORD.findall(text, number.end, min(len(text), number.end + 60))
    if not following or _CLAUSE.search(text, number.end, text.find(following[0], number.end)):
        return True, None
    if search_form(following[0]) in rules.partitive and len(following) > 1:
        return False, None
    if before and not before.isascii() and before != "ال" and _definite_or_name(previous[-1]):
        return True, None  # «كأس العالم 2026»: a year after its noun
    return not _counted_noun(following[0], following[1] if len(following) > 1 else "", rules), None


def _act_before(text: str, number: NumberMention, earlier: NumberMention | None, rules: CountingRules) -> bool:
    """The verb of an act governs the figure as its object ("killed 2000", «اعتقلت الشرطة 2000»)."""
    low = earlier.end if earlier else 0
    clause = max([low] + [m.end() for m in _CLAUSE.finditer(text, low, number.start)])
    return any(act_of(word) for word in _scope(reversed(_WORD.findall(text, clause, number.start)), rules, after=False)
               if word)


def _counted_noun(word: str, next_word: str, rules: CountingRules) -> bool:
    """The people a figure counts, right after it: an English plural of a person noun (`person_endings_en`,
    `plurals_en`), or an Arabic participle (م...) or nisba (...ي) noun that is indefinite, no stopword or name,
    carries no pronoun and is not followed by a definite word (a construct)."""
    if not word.isalpha():
        return False
    if word.isascii():
        lower = word.lower()
        return word[:1].islower() and (lower in rules.plurals_en or (
            lower.endswith(rules.person_endings_en) and lower not in rules.not_persons_en))
    folded, stop = search_form(word), _stopwords()
    if folded in stop or folded in rules.conjunctions or folded.startswith("ال") or _PRONOUN_END.search(word):
        return False
    if folded[:1] in "وف" and (folded[1:] in stop or folded[1:] in rules.year_before):
        return False  # «وحتى»، «وكذلك»: a joined particle
    person = (folded.startswith("م") and len(folded) >= 4 and not folded.endswith("ه")) or \
        folded.endswith(("ي", "يا", "يين", "يون"))
    return person and not _named(word) and not (next_word and not next_word.isascii() and _definite_or_name(next_word))


def _definite_or_name(word: str) -> bool:
    """An Arabic word with the article or a pronoun attached, or a name the gazetteer knows."""
    folded = search_form(word)
    bare = folded[1:] if folded[:1] in "وفبل" and folded[1:3] == "ال" else folded
    return (bare.startswith("ال") and bare != "ال") or bool(_PRONOUN_END.search(word)) or _named(word)


def _named(word: str) -> bool:
    return any(m.kind in {"place", "actor"} for m in mentions(word))


def _stopwords() -> frozenset[str]:
    from checker.stance import load_lexicon

    return load_lexicon().stopwords
