"""What one text says, slot by slot: mentions, quantities with thing and place, dates, weekdays, roles,
negated predicates (`read`, cached per text)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from checker.language import detect_language
from checker.models import NumberMention
from checker.normalize import fold, search_form
from checker.numbers import find_numbers
from checker.slots.counting import governing_act, load_counting, thing_of, year_like
from checker.slots.model import Mention, Quantity, Role, Span
from checker.outlets import load_registry
from checker.slots.names import (CONTEXT_WORDS, INSIDE_WORD, _CLAUSE, _WORD, SlotRules, _calendar_words,
                                 load_gazetteer, load_rules, mentions, places_compatible, same_entity)
from checker.slots.sides import side
from checker.stems import light_stem

# --- what a text says ---------------------------------------------------------

@dataclass(frozen=True)
class TextSlots:
    text: str
    language: str
    mentions: tuple[Mention, ...]
    quantities: tuple[Quantity, ...]
    dates: tuple[NumberMention, ...]
    weekdays: tuple[tuple[int, Span], ...]
    roles: tuple[Role, ...]
    negated: tuple[tuple[str, Span], ...]  # (predicate stem, negation + predicate span)
    stems: frozenset[str]

    @property
    def places(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.kind == "place")

    @property
    def actors(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.kind == "actor")


# "دبي، الإمارات العربية المتحدة (CNN) --", "WASHINGTON (Reuters) -", "DUBAI, Aug 5 (Reuters) -" opening a line:
# where the story was filed. Its places are no slot when the report names a place outside its city (a report from
# Dubai on a match in Cairo does not put the match in the Emirates); when it names none, or only places around the
# city ("BAGHDAD (Reuters) - ... in the Iraqi capital"), the city is where the event happened, as in most wire copy,
# and stays. A dateline's head is a list of places (an unknown city before a known country: "أتلانتا، الولايات
# المتحدة") and dates, nothing else (no verb, no «في»), and its bracket names an outlet that is not a place
# («ريال مدريد (إسبانيا) -» is a fixture, «(قطر)» a country). (checker.attribution.outlet reads the dateline's
# outlet; here only its places matter.)
_DATELINE = re.compile(r"^[ \t]*([^\s()\n][^()\n]{0,50}?)\(\s*([^()\n]{2,40}?)\s*\)\s*[-—–]+", re.MULTILINE)
_HEAD_PARTS = re.compile(r"[^,،/]+")
_DATE_WORD = re.compile(r"(?i)\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?")


def _outside_datelines(text: str, found: Sequence[Mention]) -> tuple[Mention, ...]:
    places = [m for m in found if m.kind == "place"]
    dropped: set[int] = set()
    for match in _DATELINE.finditer(text):
        head = [m for m in places if match.start(1) <= m.span.start < match.end(1)]
        if not head or not _only_places(text, match.start(1), match.end(1), head) or not _names_an_outlet(
                match.group(2)):
            continue
        body = [m for m in places if not match.start() <= m.span.start < match.end()]
        if any(not places_compatible(b.key, head[0].key) for b in body):  # the city, which the list opens with
            dropped.update(id(m) for m in head)
    return tuple(m for m in found if id(m) not in dropped)


def _only_places(text: str, start: int, end: int, head: Sequence[Mention]) -> bool:
    """Each comma- or slash-separated part of a dateline's head is a date, a known place (with its adjectives:
    «الإمارات العربية المتحدة»), or, before a known place, one or two words of a city the gazetteer lacks."""
    calendar = _calendar_words()
    parts = list(_HEAD_PARTS.finditer(text, start, end))
    for number, part in enumerate(parts):
        words = [w for w in part.group().split() if not (_DATE_WORD.fullmatch(w) or fold(w) in calendar)]
        if not words:
            continue
        inside = [m for m in head if part.start() <= m.span.start < part.end()]
        rest = _words_outside(text, part.start(), part.end(), inside)
        if inside and all(_name_like(w, adjective=True) for w in rest):
            continue
        if not inside and number < len(parts) - 1 and len(words) <= 2 and all(_name_like(w) for w in words):
            continue
        return False
    return True


def _words_outside(text: str, start: int, end: int, mentions_in: Sequence[Mention]) -> list[str]:
    chars = list(text[start:end])
    for m in mentions_in:
        chars[m.span.start - start:m.span.end - start] = " " * (m.span.end - m.span.start)
    return "".join(chars).split()


def _name_like(word: str, adjective: bool = False) -> bool:
    """A word that may be part of a place's name: capitalised in Latin script; in Arabic no function word and no
    conjunction or preposition glued on (an adjective after a place carries the article)."""
    if word.isascii():
        return word[:1].isupper()
    folded = fold(word)
    if adjective:
        return folded.startswith("ال") and len(folded) > 3
    return folded not in _stopwords() and folded[:1] not in "وفبلك" and len(folded) > 2


def _names_an_outlet(bracket: str) -> bool:
    return load_registry().find(bracket) is not None and not any(m.kind == "place" for m in mentions(bracket))


@lru_cache(maxsize=4096)
def read(text: str) -> TextSlots:
    found = _outside_datelines(text, mentions(text))
    weekdays = _weekdays(text)
    days = [span for _, span in weekdays]  # الاثنين is Monday, not "the two"
    numbers = [n for n in find_numbers(text) if not any(d.start <= n.start < d.end for d in days)]
    return TextSlots(
        text=text, language=detect_language(text), mentions=found,
        quantities=_quantities(text, numbers, found),
        dates=tuple(n for n in numbers if n.kind in {"date", "year"}),
        weekdays=weekdays, roles=_roles(text, found), negated=_negated(text),
        stems=frozenset(_content_stems(text)),
    )


def _stopwords() -> frozenset[str]:
    from checker.stance import load_lexicon

    return load_lexicon().stopwords


def _negation_words() -> frozenset[str]:
    from checker.stance import load_lexicon

    return load_lexicon().negation


def _content_stems(text: str) -> list[str]:
    stop = _stopwords()
    return [light_stem(w) for w in re.findall(r"[^\W_]+", search_form(text))
            if w not in stop and len(w) >= 2 and not w.isdigit()]


def _counted(stem: str) -> str:
    """A light stem without the accusative alef of the noun a figure of 11-99 counts: «13 ألفا و687 مركزا» counts the
    «مركز» of «خمسة وعشرين ألف مركز», «قتيلا» the «قتيل»."""
    return stem[:-1] if not stem.isascii() and stem.endswith("ا") and len(stem) >= 4 else stem


def _weekdays(text: str) -> tuple[tuple[int, Span], ...]:
    gazetteer = load_gazetteer()
    folded = fold(text)
    return tuple((gazetteer.weekdays[m.group("form")], Span(m.start("form"), m.end("form"), text[m.start("form"):m.end("form")]))
                 for m in gazetteer.pattern.finditer(folded) if m.group("form") in gazetteer.weekdays
                 and (not text[m.start("form")].isascii() or text[m.start("form")].isupper()))


def _near_words(text: str, at: int, *, before: bool) -> list[str]:
    """The CONTEXT_WORDS words nearest `at` on one side, from a window that grows until it holds them: reading
    the whole text for every number made a figure-dense text quadratic."""
    span = 16 * (CONTEXT_WORDS + 1)
    while True:
        low, high = (max(0, at - span), at) if before else (at, min(len(text), at + span))
        words = _WORD.findall(text, low, high)
        if len(words) > CONTEXT_WORDS or (low == 0 if before else high == len(text)):
            return words[-CONTEXT_WORDS:] if before else words[:CONTEXT_WORDS]
        span *= 4


# Arabic "one" and "two" as words follow the noun they count, as adjectives («دقيقة واحدة», «سيارتان اثنتان»).
_AFTER_THEIR_NOUN = frozenset(search_form(w) for w in ("واحد", "واحدة", "اثنان", "اثنتان", "اثنين", "اثنتين"))


def _noun_before(text: str, start: int, stop: frozenset[str]) -> str | None:
    """The thing the word before a figure names («بدقيقة» -> minutes), or its stem; None after a function word
    («إن واحدة من ...»: one of what follows)."""
    before = _WORD.findall(text[max(0, start - 30):start])[-1:]
    if not before or search_form(before[0]) in stop:
        return None
    word = before[0]
    bare = word[1:] if word[:1] in "وبلفك" and len(word) > 4 else word  # «بدقيقة»: a preposition glued on
    return thing_of(word, attached=False) or thing_of(bare, attached=False) or _counted(light_stem(search_form(word)))


def _quantities(text: str, numbers: Sequence[NumberMention], found: Sequence[Mention]) -> tuple[Quantity, ...]:
    """Counts with what they count, where, and the act that governs them (checker.slots.counting); "and 900 in
    Syria" borrows "troops" from the count before it."""
    stop = _stopwords()
    adjacent = load_counting().adjacent_things  # plain nouns a figure counts only right after it
    years: dict[int, bool] = {}  # figure start -> a year: each "and" link of a list of years is read once
    counts = [_as_percent(text, n) for n in numbers if n.kind in {"number", "money", "percent"}
              and n.value is not None and not year_like(text, n, numbers, years) and not _inside_word(text, n)
              and not _score(text, n)
              and not _ordinal_tail(text, n, numbers) and not _percent_word(text, n, numbers)]
    quantities: list[Quantity] = []
    places = sorted((m for m in found if m.kind == "place"), key=lambda m: m.span.start)
    place_starts = [m.span.start for m in places]
    for i, number in enumerate(counts):
        following = counts[i + 1].start if i + 1 < len(counts) else len(text)
        clause_end = _CLAUSE.search(text, number.end)
        limit = min(following, clause_end.start() if clause_end else len(text), number.end + 60)
        after = text[number.end:limit]
        thing = thing_of(number.unit) if number.unit else None
        if thing is None and search_form(number.text.strip()) in _AFTER_THEIR_NOUN:
            thing = _noun_before(text, number.start, stop)  # «دقيقة واحدة»: one minute, not the goal after it
        if thing is None and " " not in number.text.strip():  # a dual names its own thing: «مرتين», «سنتين»
            thing = thing_of(number.text)
        if thing is None and number.kind == "money" and number.unit:  # a sum counts its currency (not «كل سنة»)
            thing = _counted(light_stem(search_form(number.unit)))
        if thing is None and number.kind != "percent":  # a share's "%" says how it counts, not what
            words = [(i, w) for i, w in enumerate(_WORD.findall(after)[:3]) if search_form(w) not in stop]
            thing = next((t for i, w in words if (t := thing_of(w, attached=False)) and (i == 0 or t not in adjacent)),
                         None)
            if thing is None and number.unit and number.unit in _WORD.findall(after):  # not the next count's «وأحد»
                thing = _counted(light_stem(search_form(number.unit)))
        part = _OF_THEM.match(after) if thing is None else None
        if part is not None:  # "eleven people, two of them children": the part counts its own thing
            thing = thing_of(part.group(1), attached=False)
        if thing is None and quantities and not _between(text, quantities[-1], number):
            thing = quantities[-1].thing
        first = bisect.bisect_left(place_starts, number.end)  # only the places after this number, not all
        place = next((m.key for m in places[first:first + 64] if m.span.start < limit
                      and _locative(text, m.span.start)), None)
        low = number.low if number.low is not None else number.value
        high = number.high if number.high is not None else number.value
        assert low is not None and high is not None
        sign = _PERCENT_AFTER.match(text, number.end)  # the words after «في المئة» tell what the share is of
        context = frozenset(_counted(w) for w in _content_stems(" ".join(
            _near_words(text, number.start, before=True) + _near_words(text, sign.end() if sign else number.end,
                                                                     before=False))))
        act = governing_act(text, number, numbers) if number.kind == "number" else None
        if number.kind == "number" and _is_age(text, number, thing):
            thing = AGE  # "a 45-year-old" is not "jailed for 45 years"
        quantities.append(Quantity(number, thing, place, low, high, context, act))
    return _things_from_the_next(text, quantities)


# The gazetteer's thing for years, and the thing an age counts instead.
YEARS = "years"
AGE = "age"
OLDEST = 120
_AGE_AFTER = re.compile(r"[\s-]+(?:years?|yrs?)[\s-]+old\b", re.IGNORECASE)  # not "5 old cars"
_AGE_BEFORE = re.compile(r"(?:\baged?|\bage of|(?:عمر|عمره|عمرها|العمر)(?:\s+(?:ناهز|يناهز|يقارب|قارب|بلغ|يبلغ))?|بسن)\W*$",
                         re.IGNORECASE)  # «عن عمر ناهز 85 عاما»
# Before a count of years: «البالغ 43 عاما» (not «البالغ عددهم»), «ذو الأربعة والثمانين عاما», «(14 عاما)»; and a
# count of years set off by commas after a name: «بولين، 85 عاما، ...».
_AGED_BEFORE_YEARS = re.compile(r"(?:البالغ|البالغة|ذو|ذات|ذي|\()\s*$")
_APPOSED_YEARS = re.compile(r"\s*(?:عاما|عامًا|عاماً|سنة)\s*[،,)]")
# What joins two figures of one range, which share what they count («بين ستة وأحد عشر عاما», "three or four days").
_RANGE_JOINERS = frozenset({"to", "or", "أو", "إلى", "الى", "-", "–",
                            # a part of a whole counts what the whole counts («7 من أصل 36 مستشفى», "7 out of 36")
                            "من أصل", "من اصل", "من بين", "out of"})
_BETWEEN = re.compile(r"(?:\bbetween|بين)\s*$", re.IGNORECASE)
# "two of them children", «11 منهم أطفال»: a part of the count before it, naming what it counts
_OF_THEM = re.compile(r"\s+(?:of\s+(?:them|whom)(?:\s+were)?|منهم|منهن)\s+(\w+)", re.IGNORECASE)


def _is_age(text: str, number: NumberMention, thing: str | None) -> bool:
    """"62-year-old", "aged 45", «يبلغ من العمر 46», «البالغ 43 عاما», «بولين، 85 عاما،»: somebody's age (not «تبلغ
    70», "amounts to").
    A bare figure after a name ("Ellis Hutson, 52,") is not read as one: "Leaders Liverpool, 82," is a points tally."""
    if thing not in {YEARS, None} or number.value is None or not 0 < number.value <= OLDEST:
        return False
    before = text[max(0, number.start - 40):number.start]
    if _AGE_AFTER.match(text, number.end) or _AGE_BEFORE.search(before[-24:]):
        return True
    if thing != YEARS:
        return False
    return bool(_AGED_BEFORE_YEARS.search(before)) or (before.rstrip().endswith("،")
                                                         and bool(_APPOSED_YEARS.match(text, number.end)))


def _things_from_the_next(text: str, quantities: list[Quantity]) -> tuple[Quantity, ...]:
    """The first figure of a range counts what the second counts: «بين ستة وأحد عشر عاما», "between 6 and 11
    years", "three or four days", and a part what its whole counts («7 من أصل 36 مستشفى»; a list, "killed 15 and 40
    homes were destroyed", shares nothing)."""
    found = list(quantities)
    for i in range(len(found) - 2, -1, -1):
        here, following = found[i], found[i + 1]
        gap = text[here.number.end:following.number.start].strip().lower()
        if following.number.text.startswith("و") and not gap:
            gap = "و"  # «وأحد عشر»: the conjunction is the next count's first letter
        in_range = gap in _RANGE_JOINERS or (gap in {"and", "و"} and bool(_BETWEEN.search(
            text, max(0, here.number.start - 12), here.number.start)))
        if (here.thing is None and following.thing is not None and here.number.kind == following.number.kind
                and in_range):
            found[i] = replace(here, thing=following.thing)
    return tuple(found)


def _inside_word(text: str, number: NumberMention) -> bool:
    """Digits glued to letters belong to a name (Future45), not a count; an Arabic preposition, conjunction or
    article attached to the figure (ل500, ب300, ال6) is not a letter of a name."""
    before = re.search(r"[^\W\d_]+$", text[max(0, number.start - 12):number.start])
    return before is not None and not _ATTACHED.fullmatch(before.group())


_ATTACHED = re.compile(r"[وف]?[بلك]?(?:ال)?\u0640*")  # "بـ500", "الـ30": a tatweel after the prefix


_PERCENT_AFTER = re.compile(r"\s*(?:في\s*ال(?:مئة|مائة|ماية)|بال(?:مئة|مائة)|percent\b|per cent\b)")


def _as_percent(text: str, number: NumberMention) -> NumberMention:
    """A figure in words followed by «في المئة» / "percent" is a share (نحو ستين في المئة: about 60%)."""
    if number.kind == "number" and _PERCENT_AFTER.match(text, number.end):
        return replace(number, kind="percent", unit="%")
    return number


def _percent_word(text: str, number: NumberMention, numbers: Sequence[NumberMention]) -> bool:
    """The «المئة» of «ستين في المئة», read as a count of 100, is the share's sign. Only the figure just before it
    can be that share (figures do not overlap), found by bisection: a figure-dense text stays linear."""
    at = bisect.bisect_left(numbers, number.start, key=lambda n: n.start)
    n = numbers[at - 1] if at > 0 else None
    return (n is not None and n is not number and n.kind == "number" and n.end <= number.start
            and (match := _PERCENT_AFTER.match(text, n.end)) is not None and number.start < match.end())


_SCORE = re.compile(r"\s*[-–]\s*\d")


def _score(text: str, number: NumberMention) -> bool:
    """A match score (6-1, 3–0) is not a count: its first figure is read alone when the second is smaller."""
    return number.kind == "number" and bool(_SCORE.match(text, number.end)
                                            or _SCORE_END.search(text, max(0, number.start - 6), number.start))


_SCORE_END = re.compile(r"\d\s*[-–]\s*$")


def _ordinal_tail(text: str, number: NumberMention, numbers: Sequence[NumberMention]) -> bool:
    """The tens of a compound Arabic ordinal (الدقيقة الرابعة والثمانين: the 84th minute; الثالث والعشرين:
    the 23rd), read alone as a count of 80 or 20."""
    return (number.text.startswith("و") and number.kind == "number"
            and any(n.kind == "ordinal" and n.end <= number.start and not text[n.end:number.start].strip()
                    for n in numbers))


_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|inside|across|from)\s+(?:the\s+)?|(?<!" + INSIDE_WORD + r")"
                       r"(?:في|داخل|قرب|بـ?|من)\s*)$", re.IGNORECASE)


def _locative(text: str, start: int) -> bool:
    """A place after "in", "at", "في", "داخل" is where a count is; "US troops" names whose troops they are."""
    return bool(_LOCATIVE.search(text[max(0, start - 12):start]))


def _between(text: str, previous: Quantity, number: NumberMention) -> str:
    """The words between the end of the previous count's phrase and this count, without its thing and place."""
    gap = text[previous.number.end:number.start]
    words = [w for w in _WORD.findall(gap)]
    stop = _stopwords()
    kept = [w for w in words if thing_of(w) is None and search_form(w) not in stop and w not in {"و", "and"}
            and not any(m.kind == "place" for m in mentions(w))]
    return " ".join(kept)


def _roles(text: str, found: Sequence[Mention]) -> tuple[Role, ...]:
    rules = load_rules()
    folded = fold(text)
    sides = [m if not m.adjective else side(text, m, found, _stopwords()) for m in found]
    names = [m for m in sides if m is not None and m.kind in {"actor", "place"} and m.level != "competition"
             and not _locative(text, m.span.start)]
    roles = []
    for match in rules.verb_pattern.finditer(folded):
        frame, forward = rules.verb_frame[match.group("verb")]
        start, end = match.start("verb"), match.end("verb")
        clause_start = max([0] + [m.end() for m in _CLAUSE.finditer(text, 0, start)])
        clause_end_match = _CLAUSE.search(text, end)
        clause_end = clause_end_match.start() if clause_end_match else len(text)
        before = [m for m in names if clause_start <= m.span.start and m.span.end <= start
                  and len(_WORD.findall(text[m.span.end:start])) <= rules.window]
        after = [m for m in names if end <= m.span.start < clause_end
                 and len(_WORD.findall(text[end:m.span.start])) <= rules.window]
        if not before:
            before = _opening_name(text, clause_start, start) or _arabic_subject(text, clause_start, start)
        if not before and len(after) < 2:
            after = _phrases_around_marker(text, end, clause_end, rules) or after
        elif before and not after:
            after = _object_phrase(text, end, clause_end, rules)
        if before:
            first, second = before[-1], (after[0] if after else None)
        elif len(after) >= 2:  # Arabic verb first: فاز الأهلي على الزمالك; «انتقد المغرب الجزائر»: the next name
            direct = not text[after[0].span.end:after[1].span.start].strip()
            first, second = after[0], after[1] if direct else _marked(text, after[1:], rules) or after[1]
        else:
            continue
        if second is None or same_entity(first, second):
            continue
        if not forward:
            first, second = second, first
        roles.append(Role(frame.name, Span(start, end, text[start:end]), first, second))
    won, unreal = _victories(text, folded, names)
    won += _english_victories(text, names)
    return tuple(won + [r for r in roles if not any(w.verb.start <= r.verb.start < w.verb.end for w in won)
                        and not any(start <= r.verb.start < end for start, end in unreal)])


# «فوز X على (حساب) Y», «حقق X فوزه على حساب Y», «حقق X فوزاً على Y»: a victory noun, its winner (after it, or before
# it when the noun carries the winner's pronoun or a verb of winning opens the clause) and its loser after «على» /
# «على حساب» / «أمام», past a word for the opponent.
# (the indefinite «فوزاً», «فوزا»: group 2; its tanween folds to a space)
_VICTORY = re.compile(r"(?<![\w])[وبل]?(?:فوز|انتصار)(ه|ها|هم|هما)?(\s?ا)?(?![\w])")
_AGAINST = re.compile(r"(?<![\w])(?:عل[يى]|امام)\s+(?:حساب\s+)?(?:(?:منافس|مضيف|ضيف|نظير|غريم|خصم)(?:ه|ها|هم)\s+)?")
_WIN_VERBS = frozenset({"حقق", "حققت", "سجل", "سجلت", "احرز", "احرزت", "واصل", "واصلت", "وحقق", "وحققت", "وسجل",
                        "وسجلت", "واحرز", "واحرزت", "يحقق", "تحقق", "ليحقق", "لتحقق"})
# A victory claimed, hoped for or forecast («زعم فوزه», «توقعت الاستطلاعات فوز X», «آمال فوز X») is no result.
_UNREAL = frozenset({"زعم", "زعمت", "ادعي", "ادعت", "توقع", "توقعت", "يتوقع", "تتوقع", "توقعات", "يامل", "تامل", "امل",
                     "امال", "احتمال", "فرص", "فرصه", "رجح", "رجحت", "ترجح", "يرجح"})


def _victories(text: str, folded: str, names: Sequence[Mention]) -> tuple[list[Role], list[tuple[int, int]]]:
    """The victories told as nouns, and the spans of those only claimed, hoped for or forecast (no role)."""
    found, unreal = [], []
    for match in _VICTORY.finditer(folded):
        clause_start = max([0] + [m.end() for m in _CLAUSE.finditer(text, 0, match.start())])
        clause_end_match = _CLAUSE.search(text, match.end())
        clause_end = clause_end_match.start() if clause_end_match else len(text)
        against = _AGAINST.search(folded, match.end(), clause_end)
        if against is None or len(_WORD.findall(text[match.end():against.start()])) > 6:
            continue
        if fold(text[against.end():against.end() + 6]).startswith(("ارض", "ملعب")):
            continue  # «على أرضه»: at home, no one beaten
        if any(fold(w).lstrip("وف") in _UNREAL for w in _WORD.findall(text, clause_start, match.start())):
            unreal.append((match.start(), match.end()))
            continue
        loser = _first_name_or_phrase(text, against.end(), clause_end, names)
        # «فوزه», «حقق المغرب فوزاً مستحقاً»: the winner stands before the noun (an indefinite one's next word is
        # an adjective, not a winner)
        before_noun = bool(match.group(1) or match.group(2))
        winner = None if before_noun else _first_name_or_phrase(text, match.end(), against.start(), names)
        if winner is None:
            before = [m for m in names if clause_start <= m.span.start and m.span.end <= match.start()]
            words = list(_WORD.finditer(text, clause_start, match.start()))
            won = bool(words) and fold(words[0].group()) in _WIN_VERBS
            if match.group(1) or won:
                winner = before[-1] if before else (
                    _phrase_mention(text, words[1:4]) if won and 2 <= len(words) <= 4 else None)
        if winner is None or loser is None or same_entity(winner, loser):
            continue
        start = match.start() + len(match.group()) - len(match.group().lstrip("وبل"))
        found.append(Role("contest", Span(start, match.end(), text[start:match.end()]), winner, loser))
    return found, unreal


# "Argentina's 2-1 victory over Nigeria", "Hamon's win against Valls": the winner's possessive, the loser after.
_NAME_EN = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_VICTORY_EN = re.compile(rf"\b({_NAME_EN})['’]s?\s+(?:(?:\d+[-–]\d+|narrow|comfortable|stunning|surprise|shock|"
                         rf"historic|big|dramatic|convincing|emphatic|first|second|third|home|away|late)\s+){{0,2}}"
                         rf"(victory|win|triumph)\s+(?:over|against)\s+(?:the\s+)?({_NAME_EN})")
# Days and months that open a possessive ("Sunday's victory over Chelsea") and are no winner.
_WHEN_EN = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                      "yesterday", "january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "last", "this", "next"})


def _english_victories(text: str, names: Sequence[Mention]) -> list[Role]:
    found = []
    for match in _VICTORY_EN.finditer(text):
        if match.group(1).split()[0].lower() in _WHEN_EN:
            continue
        winner, loser = (_as_mention(text, match.start(g), match.end(g), names) for g in (1, 3))
        if not same_entity(winner, loser):
            found.append(Role("contest", Span(match.start(2), match.end(2), match.group(2)), winner, loser))
    return found


def _as_mention(text: str, start: int, end: int, names: Sequence[Mention]) -> Mention:
    """The known name inside text[start:end], else the words themselves as a name."""
    inside = next((m for m in names if start <= m.span.start < end), None)
    return inside or Mention("actor", "name:" + search_form(text[start:end]), Span(start, end, text[start:end]))


def _first_name_or_phrase(text: str, start: int, end: int, names: Sequence[Mention]) -> Mention | None:
    """The first known name in text[start:end] within three words, else its first words up to a stop word."""
    words = list(_WORD.finditer(text, start, end))
    named = next((m for m in names if start <= m.span.start < end
                  and len(_WORD.findall(text[start:m.span.start])) <= 3), None)
    if named is not None:
        return named
    phrase = _phrase_words(text, words[:3])
    return _phrase_mention(text, phrase) if phrase else None


_OPENING_NAME = re.compile(r"^\s*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*$")
_PHRASE_STOP = re.compile(r"\d|[،,.;:؛!?؟()]")


def _opening_name(text: str, clause_start: int, verb_start: int) -> list[Mention]:
    """A capitalised name opening the clause right before the verb ("Barcelona beat ..."): sentence-initial
    capitals are not taken as names elsewhere, but a name there is the verb's subject."""
    match = _OPENING_NAME.match(text, clause_start, verb_start)
    if not match or search_form(match.group(1)) in _stopwords():
        return []
    name = match.group(1)
    return [Mention("actor", "name:" + search_form(name), Span(match.start(1), match.end(1), name))]


def _arabic_subject(text: str, clause_start: int, verb_start: int) -> list[Mention]:
    """An Arabic name the gazetteer lacks opening the clause right before the verb (مانشستر يونايتد يتغلب
    على ...): the clause's words before the verb, one to three, none a stopword or a number."""
    words = list(_WORD.finditer(text, clause_start, verb_start))
    if words and words[-1].end() == verb_start:
        words.pop()  # the «و» of «واتهمت»: the verb's own prefix, not a subject
    stop = _stopwords()
    if not 1 <= len(words) <= 3 or any(w.group().isascii() or _PHRASE_STOP.search(w.group())
                                       or search_form(w.group()) in stop for w in words):
        return []
    return [_phrase_mention(text, words)]


def _object_phrase(text: str, verb_end: int, clause_end: int, rules: SlotRules) -> list[Mention]:
    """The object of an Arabic verb whose subject came before it: the words after an object marker (يتغلب على
    نيوكاسل), up to three, or the two words right after the verb (استقبل الملك عبدالله)."""
    words = list(_WORD.finditer(text, verb_end, clause_end))
    if not words or words[0].group().isascii():
        return []
    marked = fold(words[0].group()) in rules.object_markers
    tail = _phrase_words(text, words[1:4] if marked else words[:2])
    return [_phrase_mention(text, tail)] if tail else []


def _phrase_words(text: str, words: Sequence[re.Match[str]]) -> list[re.Match[str]]:
    stop = _stopwords()
    tail = []
    for word in words:
        if _PHRASE_STOP.search(text[word.start():word.end()]) or search_form(word.group()) in stop:
            break
        tail.append(word)
    return tail


def _phrase_mention(text: str, words: Sequence[re.Match[str]]) -> Mention:
    start, end = words[0].start(), words[-1].end()
    return Mention("actor", "name:" + search_form(text[start:end]), Span(start, end, text[start:end]))


def _phrases_around_marker(text: str, verb_end: int, clause_end: int, rules: SlotRules) -> list[Mention]:
    """Arabic verb-first clauses with names the gazetteer lacks: the words between the verb and an object
    marker (فاز ريال مدريد على برشلونة) are the first role, the words after the marker the second, up to
    three words each, stopping at a number or punctuation."""
    words = list(_WORD.finditer(text, verb_end, clause_end))
    at = next((i for i, w in enumerate(words[:4]) if fold(w.group()) in rules.object_markers and i > 0), None)
    if at is None:
        return []
    stop = _stopwords()
    subject = [w for w in words[:at] if search_form(w.group()) not in stop]
    tail = _phrase_words(text, words[at + 1:at + 4])
    if not subject or not tail:
        return []
    return [_phrase_mention(text, ws) for ws in (subject, tail)]


def _marked(text: str, candidates: Sequence[Mention], rules: SlotRules) -> Mention | None:
    """The name right after an object marker (على، ضد، against, at), if any."""
    for mention in candidates:
        words = _WORD.findall(fold(text[max(0, mention.span.start - 12):mention.span.start]))
        if words and words[-1] in rules.object_markers:
            return mention
    return None


_BELOW = frozenset({"دون"})  # before a number: "below" («للأطفال دون ثلاث سنوات»)


def _negated(text: str) -> tuple[tuple[str, Span], ...]:
    """Each negation particle with the content word it negates (within scope_words)."""
    rules = load_rules()
    negation, stop = _negation_words(), _stopwords()
    words = list(re.finditer(r"[^\W_]+(?:['’]t)?", text))
    found = []
    cues = negation | rules.negation_cues
    for i, match in enumerate(words):
        word = search_form(match.group())
        refused = _refused_act(words, i, word, rules)
        if refused is not None:
            found.append((light_stem(search_form(refused.group())),
                          Span(match.start(), refused.end(), text[match.start():refused.end()])))
            continue
        if not (word in cues or (word[:1] in "وف" and word[1:] in cues)):
            continue
        verb = word if word in cues else word[1:]  # ولم، فلا; but فشل keeps its ف
        if verb == "ما" and not _ma_negates(words, i, rules, prefixed=verb != word) or (
                i + 1 < len(words) and search_form(words[i + 1].group()) in rules.still_verbs):
            continue  # «نوعا ما»، «لا يزال»: no negation
        if verb in _BELOW and i + 1 < len(words) and find_numbers(words[i + 1].group()):
            continue  # «دون ثلاث سنوات»: below three years, not "without"
        if verb in rules.negation_cues and verb not in negation and not (
                i + 1 < len(words) and search_form(words[i + 1].group()) in rules.negation_cue_objects):
            continue  # "the failed coup": a verb of refusal negates only what follows its "to"/«عن»
        scope = words[i + 1:i + 1 + rules.scope_words]
        if any(search_form(w.group()) in rules.not_only for w in words[i + 1:i + 8]):
            continue  # "not only ... but": nothing is negated
        for at, other in enumerate(scope, start=i + 1):
            folded = search_form(other.group())
            if folded in stop or folded in negation or len(folded) < 2 or _light_verb(folded, rules):
                continue
            if verb == "no" and other.group()[:1].isupper() and at + 1 < len(words) and (
                    words[at + 1].group()[:1].isupper()):
                continue  # "no Apple Store": the store is what is missing, not Apple
            found.append((light_stem(folded), Span(match.start(), other.end(), text[match.start():other.end()])))
            break
    return tuple(found)


def _refused_act(words: list[re.Match[str]], i: int, word: str, rules: SlotRules) -> re.Match[str] | None:
    """«رفضت الكشف عنها», «ورفضت الوزارة التعليق», «رفض أن يكشف»: the act a refusal (`word`, folded) did not do,
    right after the verb or after its subject; None for any other word, and for a refusal of something else («رفض
    الاتهامات»)."""
    verb = word if word in rules.refusal_verbs else word[1:] if word[:1] in "وف" else ""
    if verb not in rules.refusal_verbs:
        return None
    for j in range(i + 1, min(i + 1 + _REFUSAL_REACH, len(words))):
        after = search_form(words[j].group())
        if after in rules.refused_acts:
            return words[j]
        if after == "ان" and j <= i + 2:  # «رفض أن يكشف», «رفض الوزير أن يكشف»: right after the verb or its subject
            return next((w for w in words[j + 1:j + 1 + rules.scope_words]
                         if search_form(w.group()) not in _stopwords() and not _light_verb(search_form(w.group()),
                                                                                             rules)), None)
        if re.search(r"[،,:؛]", words[j - 1].string[words[j - 1].end():words[j].start()]):
            return None  # the clause ended: «رفض الاتهامات، مؤكدا أن …» refused something else
    return None


_REFUSAL_REACH = 4  # the verb's subject may stand between it and the act («ورفضت وزارة الداخلية التعليق»)


def _ma_negates(words: list[re.Match[str]], i: int, rules: SlotRules, prefixed: bool = False) -> bool:
    """A bare «ما» negates where a clause opens: first, after punctuation or a line break, after a clause opener
    («لكنهم ما انسحبوا», slots.toml `ma_openers`) or a definite subject («الجيش ما انسحب»). After any other word it is
    "what" («مسؤولية ما جرى», «بحسب ما», «إلى ما تبقى»); so is «ما» before a word with ال («ما المتضررة») and «ما»
    opening a clause of consequence after a comma («رفض دفع الفاتورة، ما استدعى حضور الشرطة»: which led to). «وما»
    and «فما» (`prefixed`) open their clause themselves."""
    before = search_form(words[i - 1].group()) if i else ""
    after = search_form(words[i + 1].group()) if i + 1 < len(words) else ""
    gap = words[i].string[words[i - 1].end():words[i].start()] if i else ""
    opens = prefixed or not i or bool(re.search(r"[^\w \t]", gap)) or _ma_opener(before, rules) or (
        before.startswith(("ال", "وال", "فال")) and before not in rules.ma_not_subjects)
    result = i > 0 and bool(re.search(r"[،,]", gap)) and after in rules.ma_result_verbs
    return opens and not result and not re.match(r"[وفبلك]?ال", after)


def _ma_opener(word: str, rules: SlotRules) -> bool:
    """«ثم», «لكن», or «إنه», «لكنهم», «أننا»: a clause opener (`ma_openers`), or one that carries its subject as a
    pronoun (`ma_subject_openers`; a bare «إن ما جرى» is "what happened")."""
    return word in rules.ma_openers or any(word.endswith(suffix) and word[:-len(suffix)] in rules.ma_subject_openers
                                           for suffix in ("هما", "هم", "هن", "ها", "نا", "ه"))


def _light_verb(word: str, rules: SlotRules) -> bool:
    return word in rules.light_verbs or (word[:1] in "وف" and word[1:] in rules.light_verbs)
