"""Carrying a source across sentences: "وأضاف", "he added", "she later claimed", "the official said", "وقالت الصحيفة".

A later mention keeps the outlet of the earlier link when it is the same
speaker: the official who talked to AFP earlier still speaks to AFP. Pronouns
and verb-only subjects ("وأضاف") look back a short window only and must agree
("she" is not the ministry, "وأضافت" prefers a feminine antecedent); a
paragraph of unattributed sentences between them breaks the carry, so one
wrong antecedent cannot spread down the article; an Arabic speaker named again
in narrative («وتتذكر مارديني ...») is the newest antecedent from there on. Every
look-up scans at most `_WINDOW_ITEMS` antecedents: linear in the number of claims.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Literal

import tomllib

from checker.config import DATA_DIR
from checker.models import Attribution, Outlet
from checker.normalize import fold, search_form

_ARABIC_ENDING = re.compile(r"(?<=\w{3})(?:ه|ان|ين|ون|ات)$")
_STOPWORDS = {"the", "a", "an", "of", "s", "and", "و", "في", "من", "عن"}
_WINDOW_ITEMS = 12  # antecedents looked at, newest first
PRONOUN_SENTENCES = 3  # "he added" / "وأضاف" reach at most this many sentences back
NAME_SENTENCES = 40  # "the minister" / "Austin" may name a speaker from much earlier
Agreement = Literal["person", "he", "she", "plural", "org", "feminine", "masculine", "any"]
_EN_PRONOUN_AGREEMENT: dict[str, Agreement] = {"he": "he", "she": "she", "they": "plural", "it": "org",
                                              "we": "any", "i": "person", "his": "he", "her": "she",
                                              "their": "plural", "its": "org", "one of them": "any", "both of them": "plural",
                                              "هو": "masculine", "هي": "feminine", "عنه": "masculine",
                                              "عنها": "feminine"}
_EN_ORG_WORDS = frozenset("""ministry department agency party council committee office government commission court
police army campaign house pentagon company group organization organisation union bank administration authority
authorities service services corps force forces military navy command center centre institute foundation
association network newspaper paper board bureau fund embassy kremlin parliament congress senate team
coalition movement front alliance university hospital firm news tv television radio channel broadcaster
times post journal magazine daily""".split())
_POSSESSIVES = frozenset({"he", "she", "his", "her"})  # "Her colleague John Park": someone else's
_AR_FEMININE_PLURALS = frozenset(fold(w) for w in ("مصادر", "أوساط", "وسائل", "جهات", "سلطات", "قوات", "أجهزة",
                                                   "دوائر", "وكالات", "منظمات", "حكومات", "عائلات"))


@dataclass(frozen=True)
class Antecedent:
    claim_id: str | None  # None: a sentence kept out of the claims named the speaker ("And yet, Nujeen Mustafa ...")
    attribution: Attribution
    mention_only: bool = False  # an outlet named without a cue: "the paper" may mean it, "he added" may not
    sentence: int = 0
    paragraph: int = 0


class History:
    """The links seen so far in reading order, newest last, and where the last topic break fell."""

    def __init__(self) -> None:
        self._items: list[Antecedent] = []
        self._break_sentence = -1

    def add(self, claim_id: str, attribution: Attribution, sentence: int = 0, paragraph: int = 0) -> None:
        if attribution.speaker or attribution.outlet:
            self._items.append(Antecedent(claim_id, attribution, sentence=sentence, paragraph=paragraph))

    def refresh(self, claim_id: str | None, speaker: str, sentence: int, paragraph: int) -> None:
        """A speaker named again in a sentence of narrative («وتتذكر مارديني الرحلة») becomes the newest antecedent
        of a verb-only subject («وقالت»), under the phrase an earlier link gave it; its outlet is not carried (the
        narrative sentence cites none)."""
        named = speaker_tokens(speaker)
        earlier = next((a for a in self._recent() if not a.mention_only and a.attribution.speaker
                        and _one_name(named, speaker_tokens(a.attribution.speaker))), None)
        attribution = Attribution(kind="none", speaker=earlier.attribution.speaker if earlier is not None else speaker)
        self._items.append(Antecedent(claim_id, attribution, sentence=sentence, paragraph=paragraph))

    def mention(self, claim_id: str, attribution: Attribution, sentence: int = 0) -> None:
        """"Yedioth Ahronoth takes a different line.": an outlet named with no cue, which "the paper" can refer to."""
        self._items.append(Antecedent(claim_id, attribution, mention_only=True, sentence=sentence))

    def topic_break(self, sentence: int) -> None:
        """A new paragraph opening without any source: pronouns after it do not reach back over it."""
        self._break_sentence = sentence

    def _recent(self) -> list[Antecedent]:
        return self._items[-_WINDOW_ITEMS:][::-1]

    def last_source(self, sentence: int | None = None, agreement: Agreement = "any") -> Antecedent | None:
        """Who "he added" / "وأضاف" refers to: the latest agreeing link with a speaker (else with an outlet)
        within a few sentences and after the last topic break."""
        candidates = [a for a in self._recent() if not a.mention_only and (
            sentence is None or (sentence - a.sentence <= PRONOUN_SENTENCES and a.sentence > self._break_sentence))]
        with_speaker = [a for a in candidates if a.attribution.speaker]
        agreeing = [a for a in with_speaker if agrees(agreement, a.attribution)]
        if agreeing:
            return agreeing[0]
        if agreement in ("feminine", "masculine", "any"):
            # Arabic agreement is read from a few endings only: with none agreeing, the nearest speaker stands.
            return with_speaker[0] if with_speaker else (candidates[0] if candidates else None)
        outlets = [a for a in candidates if a.attribution.outlet and agreement in ("org", "plural")]
        return outlets[0] if outlets and not with_speaker else None

    def last_outlet(self, kind: str | None = None,
                    kind_of: Callable[[Outlet], str | None] | None = None) -> Antecedent | None:
        """What "the newspaper" / "الصحيفة" refers to: the last outlet of that kind (an outlet of unknown kind
        may be any), else the last outlet."""
        with_outlet = [a for a in self._recent() if a.attribution.outlet]
        if kind is not None and kind_of is not None:
            matching = next((a for a in with_outlet if kind_of(a.attribution.outlet) in (kind, None)), None)
            if matching is not None:
                return matching
        return with_outlet[0] if with_outlet else None

    def outlet_named(self, mention: str) -> Antecedent | None:
        """"the Post", "the Journal": an earlier outlet called again by one capitalised word of its name."""
        words = mention.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) != 1 or not words[0][:1].isupper() or not words[0].isalpha():
            return None
        for antecedent in self._recent():
            outlet = antecedent.attribution.outlet
            if outlet is not None and words[0] in outlet.name.split()[1:]:
                return antecedent
        return None

    def same_speaker(self, mention: str, sentence: int | None = None) -> Antecedent | None:
        """An earlier speaker this mention names again ("the official", "المسؤول الأمريكي", "الأسدي", "Austin")."""
        head = mention.split(",")[0]  # "The source, who requested anonymity ...": the head names it
        if not _refers_to_known(head):
            return None
        wanted = speaker_tokens(head)
        if not wanted:
            return None
        candidates = [a for a in self._recent()
                      if not a.mention_only and (sentence is None or sentence - a.sentence <= NAME_SENTENCES)
                      and a.attribution.speaker and a.attribution.speaker != mention]
        # "Paul" is first the person whose last name it is (Rand Paul), then anyone whose name holds it (Paul Ryan,
        # "Secretary of State Mike Pompeo" for "Pompeo", "Xi Jinping" for "Xi")
        by_surname = next((a for a in candidates if named_by_surname(head, a.attribution.speaker or "")), None)
        if by_surname is not None:
            return by_surname
        return next((a for a in candidates if wanted <= speaker_tokens(a.attribution.speaker or "")), None)


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NAME_HEAD_END = re.compile(r"[,;(]|\s(?:of|for|at|in|on|from|with|who|which|and|to)\s")


def named_by_surname(mention: str, speaker: str) -> bool:
    """A mention that is one capitalised Latin word ("Paul", "Assad") and the last name of `speaker` ("Senator Rand
    Paul", not "Paul Ryan", whose first name it is)."""
    word = mention.strip(" \"'“”‘’.,")
    if not (word.isascii() and word.isalpha() and word[:1].isupper() and len(word) > 1):
        return False
    head = _NAME_HEAD_END.split(speaker, maxsplit=1)[0]
    words = [w.strip(".'’") for w in re.findall(r"[\w.'’-]+", head)]
    while words and words[-1].lower() in _NAME_SUFFIXES:
        words.pop()
    if not words:
        return False
    last = re.sub(r"['’]s$", "", words[-1]).lower()
    return word.lower() in (last, last.rsplit("-", 1)[-1])


def pronoun_agreement(mention: str | None, cue: str, arabic: bool) -> Agreement:
    """What a pronoun or an Arabic verb-only subject says about its antecedent."""
    if mention is not None:
        return _EN_PRONOUN_AGREEMENT.get(fold(mention).strip(), "any")
    if not arabic:
        return "any"
    verb = fold(cue).split()[0] if cue.split() else ""
    verb = verb[1:] if verb[:1] in "وف" and len(verb) > 3 else verb
    if verb.endswith("وا"):
        return "any"  # plural: "أضافوا" agrees with any group
    if verb.endswith("ت") or verb.startswith("ت"):
        return "feminine"
    return "masculine"


def agrees(agreement: Agreement, attribution: Attribution) -> bool:
    if agreement == "any":
        return True
    speaker = attribution.speaker or ""
    if agreement in ("feminine", "masculine"):
        return _arabic_gender(speaker) in (agreement, None)
    kind = _english_kind(speaker, attribution.outlet is not None and not speaker)
    if agreement in ("he", "she"):
        return kind == "person" and english_gender(speaker) in (agreement, None)
    if agreement == "person":
        return kind == "person"
    if agreement == "plural":
        return kind in ("plural", "org")
    return kind == "org"


def _arabic_gender(speaker: str) -> str | None:
    words = fold(speaker).split()
    if not words:
        return None
    head = words[0]
    if head[:1] in "وفل" and len(head) > 4:
        head = head[1:]
    head = head[2:] if head.startswith("ال") and len(head) > 3 else head
    if not re.fullmatch(r"[\u0621-\u064A]+", head):
        return None
    if head.endswith(("ه", "ات")) or head in _AR_FEMININE_PLURALS:
        return "feminine"
    if head.endswith("ا") and not words[0].startswith("ال"):
        return "feminine"  # "أنجيلا", "ماريا": a woman's name
    if head.endswith("ي") and not words[0].startswith("ال") and len(words) == 1:
        return None  # "ليلى" / "موسى" fold alike: either
    return "masculine"


@lru_cache(maxsize=1)
def _gender_words() -> tuple[dict[str, str], dict[str, str]]:
    """(role words, first names) -> "he" / "she", from data/person_gender.toml."""
    with open(DATA_DIR / "person_gender.toml", "rb") as handle:
        data = tomllib.load(handle)
    pairs = (("male", "he"), ("female", "she"))
    return ({w: p for key, p in pairs for w in data[key]["words"] if w not in _POSSESSIVES},
            {w: p for key, p in pairs for w in data[key]["names"]})


def english_gender(speaker: str) -> str | None:
    """"he" or "she" when the phrase says so (a role word: "spokeswoman", "Mrs."; else the first known first
    name: "Senator Maria Lopez", never the surname), else None: either may refer to it. "Her colleague John Park"
    is a man."""
    head = re.split(r",|\s(?:of|for|at|in|on|from|with|who|which)\s", speaker)[0]
    roles, names = _gender_words()
    words = re.findall(r"[\w.'’-]+", head)
    for word in words:
        gender = roles.get(word.lower()) or roles.get(word.lower().rstrip("."))
        if gender is not None:
            return gender
    capitalised = [w for w in words if w[:1].isupper()]
    if len(capitalised) > 1:
        capitalised = capitalised[:-1]  # "Nujeen Mustafa": a surname that is also a first name says nothing
    return next((names[w.lower()] for w in capitalised if w.lower() in names), None)


def _english_kind(speaker: str, outlet_only: bool) -> str:
    if outlet_only:
        return "org"
    head_phrase = re.split(r",|\s(?:of|for|at|in|on|from|with|who|which)\s", speaker)[0]
    words = re.findall(r"[\w'’.-]+", head_phrase)
    if not words:
        return "person"
    lowered = [w.lower().strip(".") for w in words]
    last = re.sub(r"['’]s$", "", lowered[-1])
    if last in _EN_ORG_WORDS:
        return "org"  # the head noun: "Iraq's foreign ministry", not "a U.S. military official"
    if last in ("people", "police", "authorities") or (last.endswith("s") and not words[-1][:1].isupper()
                                                       and not last.endswith("ss")):
        return "plural"
    if lowered[0] in ("two", "three", "four", "several", "some", "many", "both"):
        return "plural"
    return "person"


@lru_cache(maxsize=1024)
def speaker_tokens(phrase: str) -> frozenset[str]:
    """Content words, with the Arabic article, gender and number endings dropped, so "المسؤولان" meets
    "مسؤولين" and "الأمريكي" meets "الأمريكية"."""
    words = re.findall(r"\w+", search_form(phrase).lower())
    return frozenset(_arabic_stem(w) for w in words if w not in _STOPWORDS)


def _one_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """One name's words within the other's («مارديني» in «يسرى مارديني»): "John Brown" is not "John Smith"."""
    return bool(a) and bool(b) and (a <= b or b <= a)


def _arabic_stem(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if not word.isascii():
        word = _ARABIC_ENDING.sub("", word)
    return word


def _refers_to_known(mention: str) -> bool:
    """Definite descriptions and bare names point back; "a U.S. official" / "مسؤول أمريكي" is someone new."""
    words = mention.split()
    first = words[0].lower() if words else ""
    if first in ("a", "an", "another", "one", "two", "three", "several", "some"):
        return False
    if first == "the" or first.startswith("ال"):
        return True
    return (len(words) <= 2 and mention[:1].isupper()) or (len(words) == 1 and not mention[:1].isascii())


_ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")
_PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "لدي", "عن", "بين"})  # search forms: «إلى», «لدى»


def named_speakers(speakers: Iterable[str], role_words: frozenset[str], name_links: frozenset[str],
                   common_first_names: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The story's Arabic speakers that carry a name, each with its name words: words without the article that
    name no role and link no name («يسرى مارديني» -> يسرى, مارديني; «رئيس الوزراء» has none; «عبد», «أبو» are no
    name on their own), for `name_in`."""
    found: dict[str, frozenset[str]] = {}
    for speaker in speakers:
        all_words = _ARABIC_WORD.findall(search_form(speaker))
        kept = [w for n, w in enumerate(all_words)
                if not w.startswith("ال") and len(w) >= 3 and w not in role_words and w not in name_links
                and w not in common_first_names  # «محمد صلاح» is not «محمد مصطفى»
                and (n == 0 or all_words[n - 1] not in _PLACE_PREPOSITIONS)]  # «مستشفى الشفاء في غزة»: a place
        if kept:
            found.setdefault(speaker, frozenset(kept))
    return tuple(found.items())


_SUBJECT_WORDS = 6  # «وتتذكر مارديني»: the subject follows the verb (and an adverb or two) opening the sentence


def name_in(text: str, names: tuple[tuple[str, frozenset[str]], ...]) -> str | None:
    """The speaker named as the subject of a sentence of narrative: by a word of its name among the sentence's
    first words, as written (not after a preposition, «في قطاع غزة», nor as an object further on, «ردا على دعوة
    ماكرون»), and by one speaker only (a first name two speakers share names neither)."""
    for word in _ARABIC_WORD.findall(search_form(text))[:_SUBJECT_WORDS]:
        speakers = [name for name, words in names if word in words]
        if len(speakers) == 1:
            return speakers[0]
    return None
