"""Places, actors and counted things: the gazetteer (checker/data/gazetteer.toml), the role frames
(checker/data/slots.toml), and names matched across Arabic and English by consonant skeleton."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from checker.checkworthiness import longest_first
from checker.config import DATA_DIR
from checker.normalize import fold, search_form
from checker.slots.model import Mention, Span

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
# Inside a word: letters, digits, tatweel and Arabic vowel marks. Not the whole Arabic block, which holds the
# Arabic comma, semicolon and question mark: «بجدة،» is Jeddah followed by a comma.
INSIDE_WORD = r"[\w\u0640\u064B-\u065F\u0670]"


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
        return form != name and (folded.endswith(("i", "an", "ish", "ese")) or form in _irregular_adjectives())
    return folded.endswith(("ي", "يه")) and len(folded) >= 5


@lru_cache(maxsize=1)
def _irregular_adjectives() -> frozenset[str]:
    """slots.toml [places] irregular_adjectives_en: "French", "Dutch", "Swiss" (no -i, -an, -ish or -ese)."""
    return frozenset(slots_data()["places"]["irregular_adjectives_en"])


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
    alternation = longest_first({*entries, *weekdays})  # a tree of shared beginnings: ~900 places stay fast
    pattern = re.compile(rf"(?<!{INSIDE_WORD})(?:[{_ARABIC_ATTACHED}](?=[\u0621-\u064A]))?"
                         rf"(?P<form>{alternation})(?!{INSIDE_WORD})")
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
    light_verbs: frozenset[str]
    negation_cues: frozenset[str]
    negation_cue_objects: frozenset[str]
    not_only: frozenset[str]
    refusal_verbs: frozenset[str]  # «رفض» … whose object is the act not done (`[negation] masdar_cues`)
    refused_acts: frozenset[str]
    still_verbs: frozenset[str]
    ma_result_verbs: frozenset[str]  # «، ما أدى إلى»: "which led to" after a comma, no negation
    ma_openers: frozenset[str]  # «لكن ما»: words after which «ما» may open a negated clause
    ma_subject_openers: frozenset[str]  # «إنه ما»: with a pronoun attached
    ma_not_subjects: frozenset[str]  # «إلى ما»: words with ال that are no subject
    negation_shared_words: int
    same_wording: float
    same_wording_similarity: float
    other_event_similarity: float


@lru_cache(maxsize=1)
def slots_data() -> dict[str, Any]:
    """checker/data/slots.toml, parsed once for every slot module that reads a section of it."""
    return tomllib.loads(SLOTS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_rules() -> SlotRules:
    data = slots_data()
    frames, verb_frame = [], {}
    for item in data["frame"]:
        verbs = {fold(v): True for key in ("forward_en", "forward_ar") for v in item.get(key, ())}
        verbs.update({fold(v): False for key in ("backward_en", "backward_ar") for v in item.get(key, ())})
        frame = _Frame(item["name"], tuple(item["roles"]), verbs)  # type: ignore[arg-type]
        frames.append(frame)
        verb_frame.update({verb: (frame, forward) for verb, forward in verbs.items()})
    alternation = "|".join(re.escape(v) for v in sorted(verb_frame, key=len, reverse=True))
    verb_pattern = re.compile(rf"(?<!{INSIDE_WORD})[وف]?(?P<verb>{alternation})(?!{INSIDE_WORD})")
    return SlotRules(tuple(frames), verb_pattern, verb_frame,
                     frozenset(fold(m) for m in data["roles"]["object_markers"]), int(data["roles"]["window"]),
                     int(data["negation"]["scope_words"]),
                     frozenset(search_form(w) for w in data["negation"]["light_verbs"]),
                     frozenset(search_form(w) for w in data["negation"]["cues"]),
                     frozenset(search_form(w) for w in data["negation"]["cue_objects"]),
                     frozenset(search_form(w) for w in data["negation"]["not_only"]),
                     *(frozenset(search_form(w) for w in data["negation"][key])
                       for key in ("masdar_cues", "refused_acts", "still_verbs", "ma_result_verbs", "ma_openers",
                                   "ma_subject_openers", "ma_not_subjects")),
                     int(data["negation"]["shared_words"]), float(data["event"]["same_wording"]),
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
        text = re.sub(r"c(?=[eiy])", "s", folded.lower())  # Barcelona: the c is an s
        for a, b in _SKELETON_LATIN:
            text = text.replace(a, b)
        text = re.sub(r"[^a-z]", "", text)
        text = re.sub(r"[aeiouyw]", "", text)
        text = re.sub(r"^al(?=[a-z]{3})|^l(?=[a-z]{3})", "", text) if folded.startswith(("al-", "al ", "el-")) else text
    else:
        word = folded
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        if word.endswith("ه") and len(word) >= 3:  # ta marbuta, folded to ha: برشلونة, غزة
            word = word[:-1]
        text = word.translate(_SKELETON_ARABIC)
        text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name, possibly in two scripts; a French "ch" may be «ش» (Chahed / الشاهد), a "g" «ج»
    (Gremio / جريميو)."""
    if _same_skeleton(a, b):
        return True
    latin, other = (a, b) if a.isascii() else (b, a)
    return latin.isascii() and not other.isascii() and any(
        _same_skeleton(reading, other) for reading in latin_readings(latin)[1:])


@lru_cache(maxsize=16384)
def latin_readings(name: str) -> tuple[str, ...]:
    """A Latin name and how Arabic may have spelt it: the French (Maghreb) "ch" as «ش» (Chahed, Chebbi, Hachemi),
    a hard "g" as the Egyptian «ج» (Gremio / جريميو, Google / جوجل). Asked for every word pair of a name search."""
    readings = [name]
    lower = name.lower()
    if "ch" in lower:
        readings.append(lower.replace("ch", "sh"))
    if re.search(r"g(?!h)", lower):
        readings.append(re.sub(r"g(?!h)", "j", lower))
    return tuple(readings)


def _same_skeleton(a: str, b: str) -> bool:
    x, y = skeleton(a), skeleton(b)
    if len(x) < 3 or len(y) < 3:
        return x == y and bool(x) and search_form(a).isascii() != search_form(b).isascii()
    return x == y or SequenceMatcher(None, x, y).ratio() >= SKELETON_RATIO


# What follows an Arabic first name that is also a nationality without its article («تركي», «مصري»): a family name.
_FAMILY_LINK = re.compile(r"\s+(?:ال|بن|ابن|بنت)\s")
# A kunya and its name just before a nationality adjective («أبو فراس السوري»): the adjective ends the name.
_KUNYA = re.compile(r"(?<!\w)[وف]?(?:ابو|ابي|ابا|ام) [^\W\d]+ $")


def mentions(text: str) -> tuple[Mention, ...]:
    """Gazetteer places, actors and things, plus English names in capitals the gazetteer lacks."""
    gazetteer = load_gazetteer()
    folded = fold(text)
    found: list[Mention] = []
    for match in gazetteer.pattern.finditer(folded):
        form = " ".join(match.group("form").split())  # a mark at a word's end folds to one more space
        start, end = match.start("form"), match.end("form")
        if form in gazetteer.acronyms and not text[start:end].replace(".", "").isupper():
            continue
        entry = gazetteer.entries.get(form)
        if entry is None:
            continue  # a weekday: read by `weekdays`
        if entry.adjective and _FAMILY_LINK.match(folded, end):
            continue  # «تركي آل الشيخ», «تركي بن عبدالله»: a first name, not "Turkish"
        if entry.adjective and _KUNYA.search(folded, max(0, start - 40), start):
            continue  # «أبو فراس السوري», «أبو مصعب العراقي»: a nom de guerre's last word, not "Syrian"
        mention = Mention(entry.kind, entry.key, Span(start, end, text[start:end]), entry.level, entry.adjective)
        found.append(_as_country(text, _as_government(text, mention, gazetteer.parents), gazetteer.parents))
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
    headed = _headed_places(text, found)  # an English name inside "the state of Gujarat" is that place
    found = [m for m in found if not any(p.span.start <= m.span.start and m.span.end <= p.span.end
                                         for p in headed)] + headed
    return tuple(sorted(found, key=lambda m: m.span.start))


@dataclass(frozen=True)
class _Government:
    capitals: frozenset[str]
    country_capitals: frozenset[str]
    openers_ar: frozenset[str]
    verbs_ar: frozenset[str]
    verbs_en: frozenset[str]


@lru_cache(maxsize=1)
def _government() -> _Government:
    data = slots_data()["places"]
    return _Government(frozenset(data["capitals"]), frozenset(data["country_capitals"]),
                       frozenset(fold(w) for w in data["government_openers_ar"]),
                       frozenset(fold(w) for w in data["government_verbs_ar"]),
                       frozenset(w.lower() for w in data["government_verbs_en"]))


_WORD_BEFORE = re.compile(r"([\w\u0600-\u06FF]+)\s*$")
_WORD_AFTER = re.compile(r"\s*([\w\u0600-\u06FF']+)")


def _as_government(text: str, mention: Mention, parents: dict[str, str]) -> Mention:
    """A capital that is its clause's subject stands for its government: «المنامة أمهلت ...», «وأعلنت طهران»,
    "Riyadh said" name Bahrain, Iran, Saudi Arabia as actors, not a city another city of theirs would contradict
    (slots.toml [places] capitals). It still names the city as an anchor (`Mention.capital`)."""
    rules = _government()
    if mention.kind != "place" or mention.key not in rules.capitals or mention.key not in parents:
        return mention
    start, end = mention.span.start, mention.span.end
    before = text[:start]
    previous = _WORD_BEFORE.search(before)
    following = _WORD_AFTER.match(text, end)
    if mention.span.text.isascii():
        placed = previous is not None and previous.group(1).lower() in _ENGLISH_PLACE_WORDS
        acting = not placed and following is not None and following.group(1).lower() in rules.verbs_en
    else:
        if before[-1:] in _ARABIC_ATTACHED and before[-1:] not in "وف":
            return mention  # «بالرياض», «للقاهرة»: a preposition attached
        word = fold(previous.group(1)) if previous else ""
        word = word[1:] if word[:1] in "وف" and word[1:] in rules.verbs_ar | rules.openers_ar else word
        opens = previous is None or _CLAUSE.search(before[previous.end():]) is not None or word in rules.openers_ar
        verb_after = following is not None and fold(following.group(1)) in rules.verbs_ar
        acting = opens and verb_after or word in rules.verbs_ar
    if not acting:
        return mention
    return Mention("actor", _country_of(mention.key, parents), mention.span, capital=mention.key)


def _as_country(text: str, mention: Mention, parents: dict[str, str]) -> Mention:
    """Washington, Moscow, Beijing, London, Paris, Berlin and Kyiv name their countries more often than their
    streets («حرب بين موسكو وواشنطن», "Moscow:", "condemnation of Moscow", «باريس سان جيرمان»): such a capital
    is its country (still named as the city, `Mention.capital`) unless a place word puts the event there («في
    لندن», «بموسكو», "in Paris"), where another city contradicts it (slots.toml [places] country_capitals)."""
    if mention.kind != "place" or mention.key not in _government().country_capitals or mention.key not in parents:
        return mention
    if _placed(text, mention.span.start):
        return mention
    return Mention("place", _country_of(mention.key, parents), mention.span, "country", capital=mention.key)


_ARABIC_PLACE_WORDS = frozenset(fold(w) for w in ("في", "داخل", "قرب", "من", "العاصمة", "مدينة", "عاصمة", "ضواحي",
                                                   "شوارع", "وسط", "مطار"))
# Not "to": «أرسلت ألمانيا دبابات إلى كييف», "drones sent to Moscow" are sent to a government.
_ENGLISH_NOT_PLACED = frozenset({"of", "to", "into", "toward", "towards"})


def _placed(text: str, start: int) -> bool:
    """A place word or an attached «ب» right before a name: «في لندن», «بموسكو», "in Paris"."""
    before = text[:start]
    if before[-1:] == "ب":
        return True
    previous = _WORD_BEFORE.search(before)
    if previous is None:
        return False
    word = previous.group(1)
    if word.isascii():
        return word.lower() in _ENGLISH_PLACE_WORDS - _ENGLISH_NOT_PLACED  # "condemnation of Moscow": its government
    word = fold(word)
    return word in _ARABIC_PLACE_WORDS or (word[:1] in "وف" and word[1:] in _ARABIC_PLACE_WORDS)


def _country_of(key: str, parents: dict[str, str]) -> str:
    """The place at the top of a place's chain (countries have no `in`): Riyadh is in its province, in Saudi
    Arabia."""
    return _chain(key, parents)[-1]


def _chain(key: str, parents: dict[str, str]) -> list[str]:
    """A place and the places that contain it, innermost first (a loop in the data ends the walk)."""
    chain = [key]
    while key in parents and parents[key] not in chain:
        key = parents[key]
        chain.append(key)
    return chain


# "in Kabul has killed", "Residents in Baghdad said": a place word before the capital names the city
_ENGLISH_PLACE_WORDS = frozenset({"in", "at", "to", "from", "near", "outside", "inside", "into", "of", "across",
                                  "around", "via", "toward", "towards", "through", "within", "central", "downtown"})


@lru_cache(maxsize=1)
def _place_heads() -> tuple[re.Pattern[str], dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    data = slots_data()["places"]
    heads = {fold(k): v for k, v in {**data["heads_ar"], **data["heads_en"]}.items()}
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w\u0640])[وفب]?(?P<head>{alternation})\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+)?)",
                         re.IGNORECASE)
    return (pattern, heads, frozenset(search_form(w) for w in data["name_starts_ar"]),
            frozenset(search_form(w) for w in data["not_names_ar"]),
            frozenset(fold(w) for w in data["owing_heads_ar"]))


def _headed_places(text: str, found: list[Mention]) -> list[Mention]:
    """Places the gazetteer lacks, named after a head word («ولاية غوجارات»: a region; "the city of Qingyuan")."""
    pattern, heads, starts, not_names, owing = _place_heads()
    places = []
    for match in pattern.finditer(fold(text)):  # fold keeps offsets
        head, words = match.group("head"), text[match.start("name"):match.end("name")].split()
        if head.isascii():
            words = words[:2] if len(words) > 1 and words[1][:1].isupper() else words[:1]
            if not words[0][:1].isupper():
                continue
        else:
            first = search_form(words[0])
            if (first in not_names or first.endswith(("يه", "ية")) or len(first) < 3 and first not in starts
                    or _not_a_name(first) or head in owing and first[:1] in "بل"
                    and _after_definite(text, match.start("head"))):
                continue
            words = words[:2] if first in starts and len(words) > 1 else words[:1]
        start = match.start("name")
        end = start + len(" ".join(words)) if len(words) == 1 else match.end("name")
        if any(m.span.start < end and start < m.span.end and not m.key.startswith("name:") for m in found):
            continue  # the gazetteer knows it («ولاية فلوريدا»)
        name = text[start:end]
        # "headed region": compared only with another place named by a head of its level (Gujarat / Rajasthan);
        # where it lies among the gazetteer's places is unknown (a town Huwara and the West Bank never conflict)
        places.append(Mention("place", "name:" + search_form(name), Span(start, end, name), "headed " + heads[head]))
    return places


@lru_cache(maxsize=1)
def _amount_words() -> frozenset[str]:
    """Arabic number words and ordinals of claims.toml [numbers], without their article: «ولاية خامسة» is a fifth
    term of office, «مدينة بخمسة ملايين» owes five million."""
    from checker.segment import lexicon

    tables = lexicon()["numbers"]
    words = [w for name in ("units_ar", "scales", "ordinals", "fractions") for w in tables[name]]
    return frozenset(_bare(search_form(w)) for w in words if not w.isascii())


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _not_a_name(word: str) -> bool:
    """A word after a place head that names nothing: a number word or ordinal (with ب/ل/ك or not), or a word
    carrying ب/ل/ك and the article («بالكامل»): a preposition opens what the head is said to be or owe."""
    clitic = word[1:] if word[:1] in "بلك" and len(word) > 3 else None
    return (_bare(word) in _amount_words() or (clitic is not None and _bare(clitic) in _amount_words())
            or word.startswith(("بال", "لل", "كال")))


def _after_definite(text: str, head: int) -> bool:
    """The head comes right after a noun with the article: «الشركة مدينة بمبلغ» (the company owes), not «في مدينة»
    or «سكان مدينة» (a preposition or a construct noun before a place's head)."""
    before = _WORD.findall(text[max(0, head - 40):head])
    if not before:
        return False
    word = search_form(before[-1])
    return word.startswith(("ال", "وال", "فال")) and len(word) > 4 and not text[:head].rstrip().endswith((",", "،", ":"))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Weekday and month names: capitalised in English, never actors."""
    from checker.segment import lexicon

    return frozenset(load_gazetteer().weekdays) | frozenset(fold(m) for m in lexicon()["numbers"]["months"])


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:[.!?:\n\"“]\s*)$", before))


def same_entity(a: Mention, b: Mention) -> bool:
    if a.key == b.key or a.capital and a.capital in (b.key, b.capital) or b.capital and b.capital == a.key:
        return True  # «رفضت أنقرة» (Turkey's government) still names the Ankara of "talks in Ankara"
    if a.key.startswith("name:") or b.key.startswith("name:"):
        from checker.slots.align import same_phrase

        # Loose spellings only between two names the gazetteer lacks: a known name has its spellings listed, and
        # a look-alike of it is another name (الجزائر / الجزيرة, مصر / مصراتة).
        both_unknown = a.key.startswith("name:") and b.key.startswith("name:")
        return same_name(a.span.text, b.span.text) or (
            both_unknown and search_form(a.span.text).isascii() == search_form(b.span.text).isascii()
            and same_phrase(a.span.text, b.span.text))
    return False


def _ancestors(key: str) -> set[str]:
    return set(_chain(key, load_gazetteer().parents))


def places_compatible(a: str, b: str) -> bool:
    """The same place, or one inside the other (Baghdad and Iraq); two places the gazetteer lacks are one when
    they are one name in two spellings or scripts."""
    if a.startswith("name:") and b.startswith("name:"):
        from checker.slots.align import same_phrase

        # one spelling («آخن» / «آخن»: a short name's skeleton is too short to match), or across scripts by skeleton
        return a == b or same_name(a[5:], b[5:]) or same_phrase(a[5:], b[5:])
    return a in _ancestors(b) or b in _ancestors(a)


def _names_in(text: str, name: Mention) -> Mention | None:
    """An unknown name of one script found in the other text by skeleton: a run of as many words as the name has,
    word by word ("Khaled Badawi" / «خالد بدوي»), or one word fewer or more whose joined skeleton is the name's
    exactly ("Ashraf El-Sharkawy" / «أشرف الشرقاوي»); a name of three words or more also by its last two
    ("Minister Khaled Badawi")."""
    words = _words_of(text)
    parts = _WORD.findall(name.span.text)
    for variant in [parts] + ([parts[-2:]] if len(parts) >= 3 else []):
        size, phrase = len(variant), " ".join(variant)
        for i in range(len(words) - size + 1):
            if all(same_name(words[i + k][2], variant[k]) for k in range(size)):
                return _found(text, name, words[i][0], words[i + size - 1][1])
        joined = {skeleton(reading) for reading in latin_readings(phrase)}
        if min(map(len, joined)) < 4:
            continue
        for width in (size - 1, size + 1):
            for i in range(max(0, len(words) - width + 1) if width >= 1 else 0):
                start, end = words[i][0], words[i + width - 1][1]
                if skeleton(text[start:end]) in joined:
                    return _found(text, name, start, end)
    return None


def _found(text: str, name: Mention, start: int, end: int) -> Mention:
    return Mention("actor", name.key, Span(start, end, text[start:end]))


@lru_cache(maxsize=256)
def _words_of(text: str) -> tuple[tuple[int, int, str], ...]:
    """A text's words with their offsets, read once per text (a story is searched for every name of a claim)."""
    return tuple((m.start(), m.end(), m.group()) for m in _WORD.finditer(text))

