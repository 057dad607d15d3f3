"""What a text says, slot by slot, and where a passage and a claim part ways.

From each text: the places and actors it names (through checker/data/gazetteer.toml, across Arabic and
English, and by consonant skeleton for names the gazetteer lacks), who did what to whom (frames of
checker/data/slots.toml: winner/loser, attacker/target, speaker/addressee), dates with their granularity,
quantities with the thing they count and the place they are in ("2,500 troops in Iraq and 900 in Syria" is
two quantities of troops, in two places), and negated predicates. `compare` first asks whether the passage
is about the same event (the claim's own words, or its actors, place and time); only then may a slot
decide, and each decision names the slot and the two spans, claim side and passage side.
"""
from __future__ import annotations

import bisect
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal, Sequence

from checker.config import DATA_DIR
from checker.language import detect_language
from checker.models import NumberMention
from checker.normalize import fold, search_form
from checker.numbers import find_numbers
from checker.stems import light_stem

GAZETTEER_FILE = DATA_DIR / "gazetteer.toml"
SLOTS_FILE = DATA_DIR / "slots.toml"
# Two names in different scripts are one when their consonant skeletons are this alike.
SKELETON_RATIO = 0.8
# Words read on each side of a number whose counted thing is not named, to tell what it counts.
CONTEXT_WORDS = 3
_WORD = re.compile(r"[\w'’-]+")
_NAME = re.compile(r"\b(?:[A-Z][\w’'.-]*|al-[A-Z][\w’'-]*)(?:\s+(?:(?:al|bin|ibn|el|de|of|du)[- ])?[A-Z][\w’'.-]*)*")
_CLAUSE = re.compile(r"[,;:،؛.!?؟()\n]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_ARABIC_ATTACHED = "وفبلك"

Outcome = Literal["agree", "conflict"]


@dataclass(frozen=True)
class Span:
    """A piece of one of the two texts, by character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A place, actor or counted thing the gazetteer knows (or a name found by its capitals)."""

    kind: str  # place, actor, thing
    key: str  # gazetteer id, or "name:" + the folded name
    span: Span
    level: str = ""  # for places: country, region, city, site
    adjective: bool = False


@dataclass(frozen=True)
class Quantity:
    number: NumberMention
    thing: str | None  # gazetteer thing id or the counted word's light stem
    place: str | None
    low: float
    high: float
    context: frozenset[str]  # content-word stems around the number, when the thing is not named


@dataclass(frozen=True)
class Role:
    """Who did what to whom: frame, the first role's key and span, the second role's key and span."""

    frame: str
    verb: Span
    first: Mention
    second: Mention


@dataclass(frozen=True)
class SlotDecision:
    """One slot compared: agree or conflict, with the spans that show it on each side."""

    slot: str  # quantity, date, place, actor_role, negation, actors, event
    outcome: Outcome
    claim: Span | None
    passage: Span | None
    reason: str


@dataclass(frozen=True)
class Comparison:
    """All slot decisions of one pair and the same-event judgement."""

    decisions: tuple[SlotDecision, ...]
    same_event: bool | None  # None: nothing tells either way
    wording: float | None  # share of the claim's content words the passage holds (same language only)
    other_event_reason: str | None

    @property
    def conflicts(self) -> tuple[SlotDecision, ...]:
        return tuple(d for d in self.decisions if d.outcome == "conflict")

    @property
    def agreements(self) -> tuple[SlotDecision, ...]:
        return tuple(d for d in self.decisions if d.outcome == "agree")

    def first(self, slot: str) -> SlotDecision | None:
        return next((d for d in self.conflicts if d.slot == slot), None)


# --- data ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    kind: str
    key: str
    level: str
    parent: str | None
    adjective: bool = False  # "Iraqi", "الأمريكية": whose, not who; never a role

@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, _Entry]  # folded form -> entry
    pattern: re.Pattern[str]
    acronyms: frozenset[str]  # folded forms that must be written in capitals (US, UN, WHO)
    parents: dict[str, str]
    weekdays: dict[str, int]


def _adjective(form: str, name: str) -> bool:
    folded = fold(form)
    if folded.isascii():
        return form != name and folded.endswith(("i", "an", "ish", "ese"))
    return folded.endswith(("ي", "يه")) and len(folded) >= 5


def _forms(form: str, kind: str) -> list[str]:
    """The folded form, its لل form, and for a place's adjective (الأمريكي) the form without the article."""
    folded = fold(form)
    forms = [folded]
    if folded.startswith("ال") and not folded.isascii():
        forms.append("لل" + folded[2:])
        if kind == "place" and folded.endswith(("ي", "يه")) and len(folded) >= 6:
            forms.append(folded[2:])
    return forms


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    data = tomllib.loads(GAZETTEER_FILE.read_text(encoding="utf-8"))
    entries: dict[str, _Entry] = {}
    acronyms = set()
    parents = {}
    for kind in ("place", "actor", "thing"):
        for item in data.get(kind, ()):
            entry = _Entry(kind, item["id"], item.get("kind", ""), item.get("in"))
            if entry.parent:
                parents[entry.key] = entry.parent
            names = item.get("en", ())
            for form in (*names, *item.get("ar", ())):
                if form.replace(".", "").isupper() and form.isascii():
                    acronyms.add(fold(form))
                adjective = kind == "place" and _adjective(form, names[0] if names else "")
                for variant in _forms(form, kind):
                    entries.setdefault(variant, replace(entry, adjective=adjective) if adjective else entry)
    weekdays = {fold(day): i for group in ("en", "ar") for i, day in enumerate(data["weekdays"][group])}
    alternation = "|".join(re.escape(form) for form in sorted({*entries, *weekdays}, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w\u0600-\u06FF])(?:[{_ARABIC_ATTACHED}](?=[\u0600-\u06FF]))?"
                         rf"(?P<form>{alternation})(?![\w\u0600-\u06FF])")
    return Gazetteer(entries, pattern, frozenset(acronyms), parents, weekdays)


@dataclass(frozen=True)
class _Frame:
    name: str
    roles: tuple[str, str]
    verbs: dict[str, bool]  # folded verb phrase -> forward?


@dataclass(frozen=True)
class SlotRules:
    frames: tuple[_Frame, ...]
    verb_pattern: re.Pattern[str]
    verb_frame: dict[str, tuple[_Frame, bool]]
    object_markers: frozenset[str]
    window: int
    scope_words: int
    same_wording: float
    same_wording_similarity: float
    other_event_similarity: float


@lru_cache(maxsize=1)
def load_rules() -> SlotRules:
    data = tomllib.loads(SLOTS_FILE.read_text(encoding="utf-8"))
    frames, verb_frame = [], {}
    for item in data["frame"]:
        verbs = {fold(v): True for key in ("forward_en", "forward_ar") for v in item.get(key, ())}
        verbs.update({fold(v): False for key in ("backward_en", "backward_ar") for v in item.get(key, ())})
        frame = _Frame(item["name"], tuple(item["roles"]), verbs)  # type: ignore[arg-type]
        frames.append(frame)
        verb_frame.update({verb: (frame, forward) for verb, forward in verbs.items()})
    alternation = "|".join(re.escape(v) for v in sorted(verb_frame, key=len, reverse=True))
    verb_pattern = re.compile(rf"(?<![\w\u0600-\u06FF])[وف]?(?P<verb>{alternation})(?![\w\u0600-\u06FF])")
    return SlotRules(tuple(frames), verb_pattern, verb_frame,
                     frozenset(fold(m) for m in data["roles"]["object_markers"]), int(data["roles"]["window"]),
                     int(data["negation"]["scope_words"]), float(data["event"]["same_wording"]),
                     float(data["event"]["same_wording_similarity"]), float(data["event"]["other_event_similarity"]))


# --- names ----------------------------------------------------------------------

_SKELETON_LATIN = [("sh", "s"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("dh", "d"), ("q", "k"),
                   ("c", "k"), ("p", "b"), ("v", "f"), ("x", "ks"), ("z", "z"), ("j", "j")]
_SKELETON_ARABIC = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s",
    "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "", "و": "", "ي": "", "ى": "", "ا": "", "أ": "", "إ": "", "آ": "", "ء": "",
    "ئ": "", "ؤ": "",
})


@lru_cache(maxsize=16384)
def skeleton(name: str) -> str:
    """The consonants of a name in a shared Latin form: نتنياهو and Netanyahu both give "ntnh"."""
    folded = search_form(name)
    if folded.isascii():
        text = folded.lower()
        for a, b in _SKELETON_LATIN:
            text = text.replace(a, b)
        text = re.sub(r"[^a-z]", "", text)
        text = re.sub(r"[aeiouyw]", "", text)
        text = re.sub(r"^al(?=[a-z]{3})|^l(?=[a-z]{3})", "", text) if folded.startswith(("al-", "al ", "el-")) else text
    else:
        word = folded
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        text = word.translate(_SKELETON_ARABIC)
        text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name, possibly in two scripts."""
    x, y = skeleton(a), skeleton(b)
    if len(x) < 3 or len(y) < 3:
        return x == y and bool(x) and search_form(a).isascii() != search_form(b).isascii()
    return x == y or SequenceMatcher(None, x, y).ratio() >= SKELETON_RATIO


def mentions(text: str) -> tuple[Mention, ...]:
    """Gazetteer places, actors and things, plus English names in capitals the gazetteer lacks."""
    gazetteer = load_gazetteer()
    folded = fold(text)
    found: list[Mention] = []
    for match in gazetteer.pattern.finditer(folded):
        form = match.group("form")
        start, end = match.start("form"), match.end("form")
        if form in gazetteer.acronyms and not text[start:end].replace(".", "").isupper():
            continue
        entry = gazetteer.entries.get(form)
        if entry is None:
            continue  # a weekday: read by `weekdays`
        found.append(Mention(entry.kind, entry.key, Span(start, end, text[start:end]), entry.level, entry.adjective))
    taken = [(m.span.start, m.span.end) for m in found]
    for match in _NAME.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or _sentence_initial(text, start) and " " not in match.group():
            continue
        name = match.group().strip(".'’")
        if fold(name) in _calendar_words():
            continue
        if len(name) >= 3 and not name.isupper() or len(name) >= 3 and name.isupper() and len(name) <= 5:
            found.append(Mention("actor", "name:" + search_form(name), Span(start, start + len(name), name)))
    return tuple(sorted(found, key=lambda m: m.span.start))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Weekday and month names: capitalised in English, never actors."""
    from checker.segment import lexicon

    return frozenset(load_gazetteer().weekdays) | frozenset(fold(m) for m in lexicon()["numbers"]["months"])


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:[.!?:\n\"“]\s*)$", before))


def same_entity(a: Mention, b: Mention) -> bool:
    if a.key == b.key:
        return True
    if a.key.startswith("name:") or b.key.startswith("name:"):
        return same_name(a.span.text, b.span.text)
    return False


def _ancestors(key: str) -> set[str]:
    parents = load_gazetteer().parents
    found = {key}
    while key in parents and parents[key] not in found:
        key = parents[key]
        found.add(key)
    return found


def places_compatible(a: str, b: str) -> bool:
    """The same place, or one inside the other (Baghdad and Iraq)."""
    return a in _ancestors(b) or b in _ancestors(a)


def _names_in(text: str, name: Mention) -> Mention | None:
    """An unknown name of one script found among the other text's words by skeleton."""
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) >= 3 and same_name(word, name.span.text):
            return Mention("actor", name.key, Span(match.start(), match.end(), word))
    return None


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


@lru_cache(maxsize=4096)
def read(text: str) -> TextSlots:
    found = mentions(text)
    numbers = find_numbers(text)
    return TextSlots(
        text=text, language=detect_language(text), mentions=found,
        quantities=_quantities(text, numbers, found),
        dates=tuple(n for n in numbers if n.kind in {"date", "year"}),
        weekdays=_weekdays(text), roles=_roles(text, found), negated=_negated(text),
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


def _weekdays(text: str) -> tuple[tuple[int, Span], ...]:
    gazetteer = load_gazetteer()
    folded = fold(text)
    return tuple((gazetteer.weekdays[m.group("form")], Span(m.start("form"), m.end("form"), text[m.start("form"):m.end("form")]))
                 for m in gazetteer.pattern.finditer(folded) if m.group("form") in gazetteer.weekdays
                 and (not text[m.start("form")].isascii() or text[m.start("form")].isupper()))


def _thing(word: str) -> str | None:
    """The gazetteer's id for a counted word (الصواريخ, soldiers), prefixes stripped."""
    gazetteer = load_gazetteer()
    folded = fold(word)
    candidates = [folded] + [folded[len(p):] for p in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")
                             if folded.startswith(p) and len(folded) - len(p) >= 3]
    for candidate in candidates:
        entry = gazetteer.entries.get(candidate)
        if entry is not None and entry.kind == "thing":
            return entry.key
    return None


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


def _quantities(text: str, numbers: Sequence[NumberMention], found: Sequence[Mention]) -> tuple[Quantity, ...]:
    """Counts with what they count and where; "and 900 in Syria" borrows "troops" from the count before it."""
    stop = _stopwords()
    counts = [n for n in numbers if n.kind in {"number", "money", "percent"} and n.value is not None]
    quantities: list[Quantity] = []
    places = sorted((m for m in found if m.kind == "place"), key=lambda m: m.span.start)
    place_starts = [m.span.start for m in places]
    for i, number in enumerate(counts):
        following = counts[i + 1].start if i + 1 < len(counts) else len(text)
        clause_end = _CLAUSE.search(text, number.end)
        limit = min(following, clause_end.start() if clause_end else len(text), number.end + 60)
        after = text[number.end:limit]
        thing = _thing(number.unit) if number.unit else None
        if thing is None:
            words = [w for w in _WORD.findall(after)[:3] if search_form(w) not in stop]
            thing = next((t for t in map(_thing, words) if t), None)
            if thing is None and number.unit:
                thing = light_stem(search_form(number.unit))
        if thing is None and quantities and not _between(text, quantities[-1], number):
            thing = quantities[-1].thing
        first = bisect.bisect_left(place_starts, number.end)  # only the places after this number, not all
        place = next((m.key for m in places[first:first + 64] if m.span.start < limit
                      and _locative(text, m.span.start)), None)
        low = number.low if number.low is not None else number.value
        high = number.high if number.high is not None else number.value
        assert low is not None and high is not None
        context = frozenset(_content_stems(" ".join(_near_words(text, number.start, before=True)
                                                     + _near_words(text, number.end, before=False))))
        quantities.append(Quantity(number, thing, place, low, high, context))
    return tuple(quantities)


_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|inside|across|from)\s+(?:the\s+)?|(?<![\w\u0600-\u06FF])"
                       r"(?:في|داخل|قرب|بـ?|من)\s*)$", re.IGNORECASE)


def _locative(text: str, start: int) -> bool:
    """A place after "in", "at", "في", "داخل" is where a count is; "US troops" names whose troops they are."""
    return bool(_LOCATIVE.search(text[max(0, start - 12):start]))


def _between(text: str, previous: Quantity, number: NumberMention) -> str:
    """The words between the end of the previous count's phrase and this count, without its thing and place."""
    gap = text[previous.number.end:number.start]
    words = [w for w in _WORD.findall(gap)]
    stop = _stopwords()
    kept = [w for w in words if _thing(w) is None and search_form(w) not in stop and w not in {"و", "and"}
            and not any(m.kind == "place" for m in mentions(w))]
    return " ".join(kept)


def _roles(text: str, found: Sequence[Mention]) -> tuple[Role, ...]:
    rules = load_rules()
    folded = fold(text)
    names = [m for m in found if m.kind in {"actor", "place"} and not m.adjective and not _locative(text, m.span.start)]
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
        if before:
            first, second = before[-1], (after[0] if after else None)
        elif len(after) >= 2:  # Arabic verb first: فاز الأهلي على الزمالك
            first, second = after[0], _marked(text, after[1:], rules) or after[1]
        else:
            continue
        if second is None or same_entity(first, second):
            continue
        if not forward:
            first, second = second, first
        roles.append(Role(frame.name, Span(start, end, text[start:end]), first, second))
    return tuple(roles)


def _marked(text: str, candidates: Sequence[Mention], rules: SlotRules) -> Mention | None:
    """The name right after an object marker (على، ضد، against, at), if any."""
    for mention in candidates:
        words = _WORD.findall(fold(text[max(0, mention.span.start - 12):mention.span.start]))
        if words and words[-1] in rules.object_markers:
            return mention
    return None


def _negated(text: str) -> tuple[tuple[str, Span], ...]:
    """Each negation particle with the content word it negates (within scope_words)."""
    rules = load_rules()
    negation, stop = _negation_words(), _stopwords()
    words = list(re.finditer(r"[^\W_]+(?:['’]t)?", text))
    found = []
    for i, match in enumerate(words):
        word = search_form(match.group())
        if not (word in negation or (word[:1] in "وف" and word[1:] in negation)):
            continue
        for other in words[i + 1:i + 1 + rules.scope_words]:
            folded = search_form(other.group())
            if folded in stop or folded in negation or len(folded) < 2:
                continue
            found.append((light_stem(folded), Span(match.start(), other.end(), text[match.start():other.end()])))
            break
    return tuple(found)


# --- comparison -------------------------------------------------------------------

def compare(claim: str, passage: str, similarity: float) -> Comparison:
    """Every slot of the claim against the passage, and whether the passage is about the same event."""
    ours, theirs = read(claim), read(passage)
    rules = load_rules()
    same_language = ours.language == theirs.language
    wording = (len(ours.stems & theirs.stems) / len(ours.stems) if ours.stems else None) if same_language else None
    aligned = (wording is not None and wording >= rules.same_wording) or (
        not same_language and similarity >= rules.same_wording_similarity)
    decisions = [*_compare_actors(ours, theirs), *_compare_places(ours, theirs, aligned),
                 *_compare_dates(ours, theirs, aligned),
                 *_compare_roles(ours, theirs), *_compare_quantities(ours, theirs, similarity)]
    if aligned:
        decisions += _compare_negation(ours, theirs)
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
    while the passage names another place of the same level, is a conflict."""
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
    unmatched_claim = [a for a in claim_places if not any(places_compatible(a.key, b.key) for b in passage_places)]
    unmatched_passage = [b for b in passage_places if not any(places_compatible(a.key, b.key) for a in claim_places)]
    conflicts = [(a, b) for a in unmatched_claim for b in unmatched_passage if _same_level(a.level, b.level)]
    if conflicts:
        a, b = conflicts[0]
        return [SlotDecision("place", "conflict", a.span, b.span, f"the claim says {a.span.text}, the passage {b.span.text}")]
    if matched:
        a, b = matched[0]
        return [SlotDecision("place", "agree", a.span, b.span, f"{a.span.text} / {b.span.text}")]
    return []


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


def _things_match(a: Quantity, b: Quantity) -> bool:
    """The same counted thing by name, or, when either does not name it, a word around both numbers in common."""
    if a.thing is not None and b.thing is not None:
        return a.thing == b.thing
    return bool(a.context & b.context)


def _compare_quantities(ours: TextSlots, theirs: TextSlots, similarity: float) -> list[SlotDecision]:
    """A count in the claim against the passage's counts of the same thing in the same place."""
    from checker.stance import LONE_NUMBER_SIMILARITY

    decisions = []
    lone = (len(ours.quantities) == 1 and len(theirs.quantities) == 1 and ours.language != theirs.language
            and similarity >= LONE_NUMBER_SIMILARITY)
    for q in ours.quantities:
        comparable = [p for p in theirs.quantities if _family(p) == _family(q)
                      and (_things_match(q, p) or lone)
                      and (q.place is None or p.place is None or places_compatible(q.place, p.place))]
        if not comparable:
            continue
        placed = [p for p in comparable if q.place and p.place]
        if q.place and not placed and any(p.place for p in theirs.quantities if _things_match(q, p)):
            continue  # the passage counts the thing only elsewhere ("2,500 in Iraq" says nothing of Syria)
        matching = [p for p in comparable if _overlaps(_bounds(q), _bounds(p))]
        if matching:
            p = matching[0]
            decisions.append(SlotDecision("quantity", "agree", _span(q.number), _span(p.number), f"{q.number.text} / {p.number.text}"))
        else:
            p = comparable[0]
            decisions.append(SlotDecision("quantity", "conflict", _span(q.number), _span(p.number),
                                          f"the claim says {q.number.text}, the passage {p.number.text}"))
    return decisions


def _family(q: Quantity) -> str:
    return {"money": "number"}.get(q.number.kind, q.number.kind)


def _bounds(q: Quantity) -> tuple[float, float]:
    from checker.stance import load_lexicon

    slack = load_lexicon().approximate_tolerance * max(abs(q.low), abs(q.high)) if q.number.approximate else 0.0
    return q.low - slack, q.high + slack


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def _compare_negation(ours: TextSlots, theirs: TextSlots) -> list[SlotDecision]:
    """A predicate the claim asserts and the passage negates (or the reverse), in the same words."""
    claim_negated = {stem for stem, _ in ours.negated}
    passage_negated = {stem for stem, _ in theirs.negated}
    passage_asserted = Counter(_content_stems(theirs.text))
    negated_count = Counter(stem for stem, _ in theirs.negated)
    for stem, span in theirs.negated:
        if stem in ours.stems and stem not in claim_negated and passage_asserted[stem] <= negated_count[stem]:
            where = _word_span(ours.text, stem)
            return [SlotDecision("negation", "conflict", where, span, f"the passage says «{span.text}»")]
    for stem, span in ours.negated:
        if stem in theirs.stems and stem not in passage_negated:
            return [SlotDecision("negation", "conflict", span, _word_span(theirs.text, stem),
                                 f"the claim says «{span.text}», the passage does not negate it")]
    return []


def _word_span(text: str, stem: str) -> Span | None:
    for match in re.finditer(r"[^\W_]+", text):
        if light_stem(search_form(match.group())) == stem:
            return Span(match.start(), match.end(), match.group())
    return None


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a passage."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, text[start:match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


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
