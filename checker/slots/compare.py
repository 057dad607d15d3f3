"""A claim against a passage: same event first, then each slot agrees or conflicts, with both spans."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from checker.models import NumberMention
from checker.numbers import rounding_step
from checker.normalize import search_form
from checker.slots.align import _WORDS, coverage, sentences
from checker.slots.counting import bare_year_figure, named_thing
from checker.slots.extract import AGE, TextSlots, _content_stems, read
from checker.slots.model import Comparison, Mention, Quantity, Role, SlotDecision, Span
from checker.slots.names import _ancestors, _names_in, load_rules, places_compatible, same_entity, slots_data
from checker.stems import NOT_PLURAL_ENDINGS, light_stem

# --- comparison -------------------------------------------------------------------

def compare(claim: str, passage: str, similarity: float) -> Comparison:
    """Every slot of the claim against the passage, and whether the passage is about the same event."""
    ours, theirs = read(claim), read(passage)
    rules = load_rules()
    same_language = ours.language == theirs.language
    wording = (max(len(ours.stems & theirs.stems) / len(ours.stems), coverage(claim, passage)) if ours.stems else None
               ) if same_language else None
    aligned = (wording is not None and wording >= rules.same_wording) or (
        not same_language and similarity >= rules.same_wording_similarity)
    decisions = [*_compare_actors(ours, theirs), *_compare_places(ours, theirs, aligned),
                 *_compare_directions(ours, theirs),
                 *_compare_dates(ours, theirs, aligned),
                 *_compare_roles(ours, theirs), *_compare_quantities(ours, theirs, similarity)]
    if aligned:
        decisions += _compare_negation(ours, theirs)
    elif same_language:
        decisions += _negation_in_scope(ours, theirs)
    anchors = {d.slot for d in decisions if d.outcome == "conflict" and d.slot in {"place", "date", "actors"}}
    agreeing = {d.slot for d in decisions if d.outcome == "agree" and d.slot in {"place", "date", "actors", "actor_role"}}
    reason = None
    if aligned:
        same_event: bool | None = True
    elif anchors and similarity < rules.other_event_similarity and (len(anchors) >= 2 or not agreeing):
        same_event = False
        first = next(d for d in decisions if d.outcome == "conflict" and d.slot in anchors)
        reason = f"about another event: {first.reason}"
    elif agreeing and not anchors:
        same_event = True
    else:
        same_event = None
    return Comparison(tuple(decisions), same_event, wording, reason)


def _compare_actors(ours: TextSlots, theirs: TextSlots) -> list[SlotDecision]:
    claim_actors, passage_actors = ours.actors, theirs.actors
    for a in claim_actors:
        match = next((b for b in passage_actors if same_entity(a, b)), None)
        if match is None and a.key.startswith("name:"):
            match = _names_in(theirs.text, a) if ours.language != theirs.language else None
        if match is not None:
            return [SlotDecision("actors", "agree", a.span, match.span, f"both name {a.span.text} / {match.span.text}")]
    if len(claim_actors) >= 2 and len(passage_actors) >= 2:
        a, b = claim_actors[0], passage_actors[0]
        return [SlotDecision("actors", "conflict", a.span, b.span,
                             f"no actor in common (claim: {a.span.text}; passage: {b.span.text})")]
    return []


def _compare_places(ours: TextSlots, theirs: TextSlots, aligned: bool) -> list[SlotDecision]:
    """Where the two texts are worded alike, a place named more often on one side than the other is an edit
    (كركوك where the passage has سوسة); otherwise a claim place with nothing compatible in the passage,
    while the passage names another place of the same level that the claim does not name at that level, is a
    conflict."""
    claim_places = _distinct(ours.places)
    passage_places = _distinct(theirs.places)
    if not claim_places or not passage_places:
        return []
    if aligned:
        swapped = _swapped_places(ours, theirs)
        if swapped:
            a, b = swapped
            return [SlotDecision("place", "conflict", a.span, b.span,
                                 f"the claim says {a.span.text}, the passage {b.span.text}")]
    matched = [(a, b) for a in claim_places for b in passage_places if places_compatible(a.key, b.key)]
    # a claim place the passage matches only by a broader one (Bali by Indonesia) is still open to a place the
    # passage names at its own level (Lombok)
    unmatched_claim = [a for a in claim_places if not any(places_compatible(a.key, b.key) for b in passage_places
                                                          if b.key not in _ancestors(a.key) - {a.key}
                                                          or not _names_level(passage_places, a))]
    unmatched_passage = [b for b in passage_places if not any(places_compatible(a.key, b.key) for a in claim_places)]
    # a passage place inside a broader place the claim also names still differs from the claim's own (Lombok,
    # Indonesia against Sulawesi, Indonesia; Ankara against Tehran when the claim names Turkey too), unless the
    # claim names it at its level (Sanaa and Aden, Yemen against Sanaa: the passage confirms a part and says
    # nothing of Aden)
    conflicts = [(a, b) for a in unmatched_claim for b in passage_places if _same_level(a.level, b.level)
                 and (b in unmatched_passage or not _named_at_its_level(b, claim_places))]
    if conflicts:
        a, b = conflicts[0]
        return [SlotDecision("place", "conflict", a.span, b.span, f"the claim says {a.span.text}, the passage {b.span.text}")]
    if matched:
        a, b = matched[0]
        return [SlotDecision("place", "agree", a.span, b.span, f"{a.span.text} / {b.span.text}")]
    return []


def _compare_directions(ours: TextSlots, theirs: TextSlots) -> list[SlotDecision]:
    """The same place qualified by opposite compass words on the two sides («شمال فرنسا» against «جنوب فرنسا»,
    "northern Syria" against "the south of Syria") is another part of it: a place conflict."""
    for a in ours.places:
        claim_sides = _compass(ours.text, a)
        if not claim_sides:
            continue
        for b in theirs.places:
            if b.key != a.key:
                continue
            passage_sides = _compass(theirs.text, b)
            opposed = [side for side in sorted(claim_sides) if _OPPOSITE[side] in passage_sides]
            if opposed:
                side = opposed[0]
                return [SlotDecision("place", "conflict", a.span, b.span, f"the claim says the {side} of "
                                     f"{a.span.text}, the passage the {_OPPOSITE[side]} of {b.span.text}")]
    return []


_OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
_BETWEEN = frozenset({"of", "the"})  # "the north of France"
_COMPASS_CHARS = 48  # enough for "northwestern" and an "of the": the rest of the text is not read per place


@lru_cache(maxsize=1)
def _compass_words() -> dict[str, frozenset[str]]:
    """slots.toml [places.directions]: each side's words, in search form."""
    return {side: frozenset(search_form(w) for w in words)
            for side, words in slots_data()["places"]["directions"].items()}


def _compass(text: str, place: Mention) -> frozenset[str]:
    """The compass sides of the word right before a place mention, past an "of the" ("north-east Syria": both)."""
    before = re.findall(r"[\w-]+", search_form(text[max(0, place.span.start - _COMPASS_CHARS):place.span.start]))
    while before and before[-1] in _BETWEEN:
        before.pop()
    word = before[-1] if before else ""
    return frozenset(side for side, forms in _compass_words().items() if word in forms)


def _names_level(places: Sequence[Mention], a: Mention) -> bool:
    """The passage names a place at a's level that is not a itself."""
    return any(_same_level(b.level, a.level) and b.key != a.key for b in places)


def _named_at_its_level(b: Mention, claim_places: Sequence[Mention]) -> bool:
    return any(_same_level(c.level, b.level) and places_compatible(c.key, b.key) for c in claim_places)


def _swapped_places(ours: TextSlots, theirs: TextSlots) -> tuple[Mention, Mention] | None:
    """A place the claim names (as a noun) more often than the passage, and one the passage names more often
    than the claim, at the same level and not one inside the other."""
    claim_nouns = [m for m in ours.places if not m.adjective]
    passage_nouns = [m for m in theirs.places if not m.adjective]
    claim_count = Counter(m.key for m in claim_nouns)
    passage_count = Counter(m.key for m in passage_nouns)
    extra_claim = [m for m in claim_nouns if claim_count[m.key] > passage_count[m.key]]
    extra_passage = [m for m in passage_nouns if passage_count[m.key] > claim_count[m.key]]
    for a in extra_claim:
        for b in extra_passage:
            if _same_level(a.level, b.level) and not places_compatible(a.key, b.key):
                return a, b
    return None


def _distinct(found: Sequence[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in found:
        seen.setdefault(mention.key, mention)
    return list(seen.values())


def _same_level(a: str, b: str) -> bool:
    local = {"city", "site", "region"}
    return a == b or (a in local and b in local)


def _date_parts(number: NumberMention) -> tuple[int | None, int | None, int | None]:
    """(year, month, day), None where the text does not say."""
    if number.kind == "year":
        return int(number.value or 0), None, None
    iso = number.unit or ""
    if iso.startswith("--"):  # a day and month without the year: "--12-05"
        iso = iso[1:]
    parts = iso.split("-")
    year = int(parts[0]) if parts[0] else None
    month = int(parts[1]) if len(parts) > 1 and parts[1] else None
    day = int(parts[2]) if len(parts) > 2 and parts[2] else None
    return year, month, day


def _dates_meet(a: NumberMention, b: NumberMention) -> bool | None:
    """True when compatible, False when they differ at a granularity both give, None when nothing is shared."""
    shared = [(x, y) for x, y in zip(_date_parts(a), _date_parts(b)) if x is not None and y is not None]
    if not shared:
        return None
    return all(x == y for x, y in shared)


def _compare_dates(ours: TextSlots, theirs: TextSlots, aligned: bool) -> list[SlotDecision]:
    """Dates at the granularity both give (year, month, day); weekdays too, and where the texts are worded
    alike a changed weekday contradicts even beside the same calendar date."""
    decisions: list[SlotDecision] = []
    if aligned and ours.weekdays and theirs.weekdays:
        claim_days, passage_days = Counter(d for d, _ in ours.weekdays), Counter(d for d, _ in theirs.weekdays)
        extra_claim = [s for d, s in ours.weekdays if claim_days[d] > passage_days[d]]
        extra_passage = [s for d, s in theirs.weekdays if passage_days[d] > claim_days[d]]
        if extra_claim and extra_passage:
            return [SlotDecision("date", "conflict", extra_claim[0], extra_passage[0],
                                 f"the claim says {extra_claim[0].text}, the passage {extra_passage[0].text}")]
    pairs = [(a, b, _dates_meet(a, b)) for a in ours.dates for b in theirs.dates]
    if any(meet for _, _, meet in pairs):
        a, b, _ = next(p for p in pairs if p[2])
        decisions.append(SlotDecision("date", "agree", _span(a), _span(b), f"{a.text} / {b.text}"))
    elif any(meet is False for _, _, meet in pairs):
        a, b, _ = next(p for p in pairs if p[2] is False)
        decisions.append(SlotDecision("date", "conflict", _span(a), _span(b), f"the claim says {a.text}, the passage {b.text}"))
    if not decisions and ours.weekdays and theirs.weekdays:
        days = {d for d, _ in theirs.weekdays}
        same = [(s, t) for d, s in ours.weekdays for e, t in theirs.weekdays if d == e]
        if same:
            decisions.append(SlotDecision("date", "agree", same[0][0], same[0][1], f"{same[0][0].text} / {same[0][1].text}"))
        elif not days & {d for d, _ in ours.weekdays}:
            decisions.append(SlotDecision("date", "conflict", ours.weekdays[0][1], theirs.weekdays[0][1],
                                          f"the claim says {ours.weekdays[0][1].text}, the passage {theirs.weekdays[0][1].text}"))
    return decisions


def _span(number: NumberMention) -> Span:
    return Span(number.start, number.end, number.text)


def _compare_roles(ours: TextSlots, theirs: TextSlots) -> list[SlotDecision]:
    for a in ours.roles:
        for b in theirs.roles:
            if a.frame != b.frame:
                continue
            if same_entity(a.first, b.second) and same_entity(a.second, b.first):
                return [SlotDecision("actor_role", "conflict", Span(a.first.span.start, a.second.span.end,
                                                                    ours.text[a.first.span.start:a.second.span.end] if a.first.span.start < a.second.span.end else a.verb.text),
                                     Span(b.first.span.start, b.second.span.end,
                                          theirs.text[b.first.span.start:b.second.span.end] if b.first.span.start < b.second.span.end else b.verb.text),
                                     f"roles swapped: {_roles_text(a)} in the claim, {_roles_text(b)} in the passage")]
            if same_entity(a.first, b.first) and same_entity(a.second, b.second):
                return [SlotDecision("actor_role", "agree", a.verb, b.verb,
                                     f"{a.first.span.text} → {a.second.span.text} in both")]
    return []


def _roles_text(role: Role) -> str:
    first, second = next(f.roles for f in load_rules().frames if f.name == role.frame)
    return f"{first} {role.first.span.text}, {second} {role.second.span.text}"


def _things_match(a: Quantity, b: Quantity, cross: bool = False) -> bool:
    """The same counted thing by name; when one side names it and the other does not, the named thing among
    the other's words ("16 points" is not the 6 of a 6-1 score); when neither names it, a word around both
    numbers in common, or across languages, where no word is shared, two shares (62% / 52 percent).
    Two counts governed by acts (checker.slots.counting) are the same act's victims or not: compared when it is
    the same act and they name no two different things ("Five ... were killed" / "killed 50", «قتل خمسة»);
    never for two acts ("Five people were killed" / "20 people were wounded")."""
    if a.act and b.act:
        named_a, named_b = named_thing(a), named_thing(b)
        return a.act == b.act and (named_a is None or named_b is None or named_a == named_b)
    if a.thing is not None and b.thing is not None:
        # across languages ages are not matched: whose age a report gives cannot be aligned across scripts
        return (a.thing == b.thing and not (cross and a.thing == AGE)) or (a.thing in _DAYS and b.thing in _DAYS)
    if a.thing is None and b.thing is None:
        return bool(a.context & b.context) or (cross and a.number.kind == b.number.kind == "percent")
    named, other = (a, b) if a.thing is not None else (b, a)
    return named.thing in other.context


# Spans of time in days: "three weeks" is not «ثلاثة أشهر», "two weeks" is 14 days, «عام» is 12 months.
_DAYS = {"years": 365.0, "months": 30.4, "weeks": 7.0, "days": 1.0, "hours": 1 / 24, "minutes": 1 / 1440}
_DURATION_TOLERANCE = 0.05


def _lone_pair(a: Quantity, b: Quantity) -> bool:
    """The only count on each side, across languages, may be compared without a named thing, unless two acts
    govern them or one is a bare year-like figure ("2018" counting what it names, never what the other does)."""
    return not (a.act and b.act and a.act != b.act) and not (bare_year_figure(a.number) or bare_year_figure(b.number))


def _compare_quantities(ours: TextSlots, theirs: TextSlots, similarity: float) -> list[SlotDecision]:
    """A count in the claim against the passage's counts of the same thing in the same place."""
    from checker.stance import LONE_NUMBER_SIMILARITY

    decisions = []
    cross = ours.language != theirs.language
    lone = (len(ours.quantities) == 1 and len(theirs.quantities) == 1 and cross
            and similarity >= LONE_NUMBER_SIMILARITY)
    lone_spans = sum(q.thing in _DAYS for q in ours.quantities) == 1 == sum(p.thing in _DAYS for p in theirs.quantities)
    lone_spans = lone_spans and not any(_elapsed(slots.text, x) for slots in (ours, theirs)
                                        for x in slots.quantities if x.thing in _DAYS)
    for q in ours.quantities:
        comparable = [p for p in theirs.quantities if _family(p) == _family(q)
                      and (_things_match(q, p, cross) or (lone and _lone_pair(q, p)))
                      and (q.place is None or p.place is None or places_compatible(q.place, p.place))]
        # a span told in another unit only when it is the one span on each side ("three weeks" / «لثلاثة أشهر»;
        # not "two days of every five, for three months" against a sentence giving only the three months)
        comparable = [p for p in comparable if not _other_unit(q, p) or lone_spans]
        if not comparable:
            continue
        placed = [p for p in comparable if q.place and p.place]
        if q.place and not placed and any(p.place for p in theirs.quantities if _things_match(q, p, cross)):
            continue  # the passage counts the thing only elsewhere ("2,500 in Iraq" says nothing of Syria)
        matching = [p for p in comparable
                    if (_same_time_span(q, p) if _other_unit(q, p) else _overlaps(_bounds(q), _bounds(p)))]
        if matching:
            p = matching[0]
            decisions.append(SlotDecision("quantity", "agree", _span(q.number), _span(p.number), f"{q.number.text} / {p.number.text}"))
        else:
            p = comparable[0]
            units = (f" {q.thing}", f" {p.thing}") if _other_unit(q, p) else ("", "")
            said = f"the claim says {q.number.text}{units[0]}, the passage {p.number.text}{units[1]}"
            decisions.append(SlotDecision("quantity", "conflict", _span(q.number), _span(p.number), said))
    return decisions



def lone_figure_changed(claim: str, sentence: str) -> SlotDecision | None:
    """The claim's only count against the only count of a passage sentence worded like it (same language; the
    caller decides how alike), when both count the same thing or the victims of the same act and their values do
    not meet: "3,000 women ran" where the report says "about 300 of the women ran"; "five journalists killed" /
    "three Russians killed". A running total ("bringing the death toll to 35,000", «لترتفع الحصيلة إلى») is no
    count of the claim's event."""
    ours, theirs = read(claim), read(sentence)
    if ours.language != theirs.language or len(ours.quantities) != 1 or len(theirs.quantities) != 1:
        return None
    q, p = ours.quantities[0], theirs.quantities[0]
    if _family(q) != _family(p) or not _lone_pair(q, p) or _overlaps(_bounds(q), _bounds(p)):
        return None
    if not ((q.act and q.act == p.act) or _things_match(q, p)) or _running_total(sentence, p):
        return None
    return SlotDecision("quantity", "conflict", _span(q.number), _span(p.number),
                        f"the claim says {q.number.text}, the passage {p.number.text}")


@lru_cache(maxsize=1)
def _running_total_words() -> tuple[frozenset[str], int]:
    table = slots_data()["lone_figure"]
    return frozenset(search_form(w) for w in table["running_total"]), int(table["window"])


def _running_total(text: str, quantity: Quantity) -> bool:
    words, window = _running_total_words()
    before = _WORDS.findall(search_form(text[:quantity.number.start]))[-window:]
    return any(w in words or (w[:1] in "ولف" and w[1:] in words) for w in before)


def _family(q: Quantity) -> str:
    """Sums of money are compared with sums of money, counts with counts, shares with shares ("5 million
    euros" is not "twice")."""
    return q.number.kind


def _bounds(q: Quantity) -> tuple[float, float]:
    from checker.stance import load_lexicon

    slack = load_lexicon().approximate_tolerance * max(abs(q.low), abs(q.high)) if q.number.approximate else 0.0
    half_step = rounding_step(q.number) / 2  # «54 ألف شخص» for 54,457 people: rounded to the thousand
    if half_step > slack:
        return q.low - half_step, q.high + half_step - 1e-6  # 54,500 is not «54 ألف»
    return q.low - slack, q.high + slack


def _other_unit(a: Quantity, b: Quantity) -> bool:
    return a.thing != b.thing and a.thing in _DAYS and b.thing in _DAYS


# Time since or until something ("two months after the visit", «قبل يومين», "three days ago"), not how long it lasted.
_ELAPSED_AFTER = re.compile(r"^\W*(?:[a-z]+\W+)?(?:after|before|ago|later|earlier|since)\b", re.IGNORECASE)
_ELAPSED_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:بعد|قبل|منذ)\s*$")


def _elapsed(text: str, q: Quantity) -> bool:
    return bool(_ELAPSED_AFTER.match(text[q.number.end:q.number.end + 30])
                or _ELAPSED_BEFORE.search(text[max(0, q.number.start - 8):q.number.start]))


def _same_time_span(a: Quantity, b: Quantity) -> bool:
    """Two spans of time told in two units that come to the same length ("two weeks" / «14 يوما»)."""
    low, high = (a.low * _DAYS[a.thing], a.high * _DAYS[a.thing]), (b.low * _DAYS[b.thing], b.high * _DAYS[b.thing])
    slack = _DURATION_TOLERANCE * max(high[1], low[1])
    return _overlaps((low[0] - slack, low[1] + slack), high)


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def _compare_negation(ours: TextSlots, theirs: TextSlots) -> list[SlotDecision]:
    """A predicate the claim asserts and the passage negates (or the reverse), in the same words; an Arabic verb in
    another tense is the same word («ستسعى» / «لا تسعى», «لم تشارك» / «شاركت»), a noun only as written."""
    claim_negated = {verb_core(stem) for stem, _ in ours.negated}
    passage_negated = {verb_core(stem) for stem, _ in theirs.negated}
    passage_asserted = Counter(verb_core(stem) for stem in _content_stems(theirs.text))
    negated_count = Counter(verb_core(stem) for stem, _ in theirs.negated)
    for stem, span in theirs.negated:
        core = verb_core(stem)
        if _said(stem, ours) and core not in claim_negated and passage_asserted[core] <= negated_count[core]:
            where = _word_span(ours.text, stem) or _word_span(ours.text, core, verbs=True)
            return [SlotDecision("negation", "conflict", where, span, f"the passage says «{span.text}»")]
    for stem, span in ours.negated:
        core = verb_core(stem)
        if _said(stem, theirs) and core not in passage_negated:
            return [SlotDecision("negation", "conflict", span,
                                 _word_span(theirs.text, stem) or _word_span(theirs.text, core, verbs=True),
                                 f"the claim says «{span.text}», the passage does not negate it")]
    return []


def _said(negated_stem: str, other: TextSlots) -> bool:
    """The other text holds the negated word as written, or the same verb in another tense."""
    return negated_stem in other.stems or verb_core(negated_stem) in _verb_cores(other.text)


def _negation_in_scope(ours: TextSlots, theirs: TextSlots) -> list[SlotDecision]:
    """A passage worded otherwise that negates a word the claim asserts («لم تكن إرهابية» for «عملا إرهابيا»,
    "didn't apologize" for "apologized"), in a sentence about the claim: one sharing its names or
    [negation] shared_words of its other words; the word is not asserted elsewhere in the passage."""
    rules = load_rules()
    claim_negated = {verb_core(stem) for stem, _ in ours.negated}
    asserted = Counter(verb_core(stem) for stem in _content_stems(theirs.text))
    negated_count = Counter(verb_core(stem) for stem, _ in theirs.negated)
    for stem, span in theirs.negated:
        core = verb_core(stem)
        if not _said(stem, ours) or core in claim_negated or asserted[core] > negated_count[core]:
            continue
        sentence = next((piece for offset, piece in sentences(theirs.text)
                         if offset <= span.start < offset + len(piece)), theirs.text)
        held = read(sentence)
        if (len((ours.stems & held.stems) - {stem}) >= rules.negation_shared_words
                or any(same_entity(a, b) for a in ours.mentions for b in held.mentions)):
            where = _word_span(ours.text, stem) or _word_span(ours.text, core, verbs=True)
            return [SlotDecision("negation", "conflict", where, span, f"the passage says «{span.text}»")]
    return []


def _word_span(text: str, stem: str, verbs: bool = False) -> Span | None:
    """The first word of the text with this light stem (or, `verbs`, this `verb_core`)."""
    for match in re.finditer(r"[^\W_]+", text):
        found = light_stem(search_form(match.group()))
        if (verb_core(found) if verbs else found) == stem:
            return Span(match.start(), match.end(), match.group())
    return None


_VERB_ENDINGS = ("وا", "ون", "ين", "ت", "ا", "ن")


@lru_cache(maxsize=4096)
def _verb_cores(text: str) -> frozenset[str]:
    """The `verb_core` of each Arabic word of the text that is shaped like a verb: a present or future prefix
    («يشارك», «ستسعى») or a past subject ending («شاركت», «أعلنوا»), and no article. A bare «طالب», «العلم» or
    «مثل» may be a noun (a student, a flag, "like"), so it meets a negated verb only as written."""
    cores = set()
    for word in re.findall(r"[\u0621-\u064A]+", search_form(text)):
        bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
        if bare.startswith("ال") or len(bare) < 4:
            continue
        if bare[:1] in "يتن" or (bare[:1] == "س" and bare[1:2] in "يتن") or bare.endswith(("ت", "وا")):
            cores.add(verb_core(light_stem(bare)))
    return frozenset(cores)


def verb_core(stem: str) -> str:
    """An Arabic verb's letters without the future «س», the present tense's prefix, the «ا» of a derived past and
    a subject ending («ستسعى» / «تسعى», «يشارك» / «شاركت», «يعترف» / «اعترفت»), so one verb in two tenses
    matches; other words keep at least three letters. A Latin word is returned as it is."""
    if stem.isascii():
        return stem
    core = stem[1:] if stem[:1] == "س" and stem[1:2] in "يتنا" and len(stem) >= 4 else stem
    core = core[1:] if core[:1] in "يتنا" and len(core) >= 4 else core
    ending = next((e for e in _VERB_ENDINGS if core.endswith(e) and len(core) - len(e) >= 3), "")
    return core[:len(core) - len(ending)]


def anchors(claim: str, passage: str) -> tuple[int, int]:
    """How many of the claim's anchors — the people, organisations and places it names, its figures and its
    dates — the passage names too, and how many it has: across languages, where no word can be counted, the
    share of them tells a report of the same event (Abiy Ahmed, Asmara, Eritrea all there) from one that only
    shares the topic. Names match through the gazetteer or by consonant skeleton, figures by value, dates at
    the granularity both give."""
    found, missing = _anchor_match(claim, passage)
    return found, found + len(missing)


def missing_anchors(claim: str, passage: str) -> tuple[str, ...]:
    """The claim's anchors (as the claim writes them) the passage does not name: what a reason says is unconfirmed."""
    return _anchor_match(claim, passage)[1]


def places_unnamed(claim: str, story: str) -> bool:
    """The claim names places (not as adjectives) and the story names none of them, nor a place holding one (Syria
    holds Douma): a report of somewhere else, whose figures say nothing of the claim's."""
    places = [m for m in read(claim).places if not m.adjective]
    if not places:
        return False
    theirs = _read_story(story) if len(story) > LONG_TEXT else read(story)
    return not any(same_entity(a, b) or places_compatible(a.key, b.key) for a in places for b in theirs.places)


def _anchor_match(claim: str, passage: str) -> tuple[int, tuple[str, ...]]:
    ours, theirs = read(claim), _read_story(passage) if len(passage) > LONG_TEXT else read(passage)
    cross = ours.language != theirs.language
    names = _distinct([m for m in ours.mentions if m.kind in {"actor", "place"}])
    counts = [q for q in ours.quantities if q.number.kind != "year"]
    days = {d for d, _ in theirs.weekdays}
    checks = ([(a.span.text, any(same_entity(a, b) for b in theirs.mentions)
                or (a.key.startswith("name:") and _surname_in(theirs.text, a, cross))) for a in names]
              + [(q.number.text, any(_overlaps(_bounds(q), _bounds(p)) for p in theirs.quantities)) for q in counts]
              + [(d.text, any(_dates_meet(d, e) for e in theirs.dates)) for d in ours.dates]
              + [(span.text, d in days) for d, span in ours.weekdays])
    return sum(1 for _, ok in checks if ok), tuple(text for text, ok in checks if not ok)


# A story (up to checker.verdict.check.STORY_CHARS characters) is read through its own small cache, so a long-running
# desk does not keep thousands of them in `read`'s.
LONG_TEXT = 2_000


@lru_cache(maxsize=64)
def _read_story(text: str) -> TextSlots:
    return read.__wrapped__(text)


def _surname_in(text: str, name: Mention, cross: bool) -> bool:
    """A name the gazetteer lacks, found in the other text by its last word ("Senator Warren" / "Warren said";
    "Bashar al-Assad" / "Assad"; a last word under three letters gives way to the first, "Kim Jong Un" / "Kim"):
    the passage need not mark it as a name (a capital opening its sentence is not one); across scripts by
    consonant skeleton."""
    if cross:
        return _names_in(text, name) is not None
    from checker.slots.align import same_word

    parts = [p for p in re.split(r"[\s\-]+", search_form(name.span.text)) if p and p != "al"]
    last = parts[-1] if parts and len(parts[-1]) >= 3 else (parts or [""])[0]  # "Kim Jong Un": Kim
    if len(last) < 3:
        return False
    words = _folded_words(text)
    return (last in words or _plural_free(last) in _folded_singulars(text)
            or any(same_word(last, word) for word in words))


@lru_cache(maxsize=256)
def _folded_words(text: str) -> frozenset[str]:
    """The distinct folded words of a text (a story is looked up once per claim name), hyphenated ones split."""
    return frozenset(re.split(r"[\s\-]+", search_form(text))) - {""}


def _plural_free(word: str) -> str:
    """An English plural's "s" dropped ("pacs" -> "pac"), not a name's own ("Hamas" is not "Hama", nor "Texas",
    "Cyprus", "Paris", "Carlos" or "Ross" another word)."""
    if word.isascii() and len(word) > 3 and word.endswith("s") and not word.endswith(NOT_PLURAL_ENDINGS):
        return word[:-1]
    return word



@lru_cache(maxsize=256)
def _folded_singulars(text: str) -> frozenset[str]:
    """The same words, an English plural's "s" dropped ("super PACs" names the claim's "PAC")."""
    return frozenset(_plural_free(word) for word in _folded_words(text))


def denial_in_scope(claim: str, passage: str, denial_words: Sequence[str]) -> bool:
    """A denial answers the claim when the passage sentence holding it shares the claim's words or names,
    or the passage is a single sentence."""
    parts = sentences(passage)
    if len(parts) <= 1:
        return True
    ours = read(claim)
    folded_words = [search_form(w) for w in denial_words]
    for _, sentence in parts:
        folded = search_form(sentence)
        if not any(word in folded for word in folded_words):
            continue
        theirs = read(sentence)
        if len(ours.stems & theirs.stems) >= 2 or any(same_entity(a, b) for a in ours.mentions for b in theirs.mentions):
            return True
    return False
