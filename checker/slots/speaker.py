"""Who says it: the speaker of a headline (a name and a colon before the words) or of a speech verb ("X warns
Y: ...", «فلان يكشف أن ...»), so that a claim putting the words in the mouth of the person the passage quotes them
about is a role swap.

A fact-checker reads a claim that has one leader warn another that new strikes would bring chaos, against a
headline that gives those words to the second leader (his name, a colon, the warning), as the same words from
another mouth. The frames of slots.toml need two named roles around a verb; a headline names only its speaker,
before the colon. The verbs, the words that open what is said, the longest speaker phrase and the labels a headline
opens with ("Breaking:", «عاجل:») are in `[speaker]` of checker/data/slots.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.normalize import fold, search_form
from checker.slots.align import _terms, same_phrase, same_word, sentences
from checker.slots.extract import read
from checker.slots.model import SlotDecision, Span
from checker.slots.names import slots_data
from checker.stems import light_stem

_WORD = re.compile(r"[^\W_]+")
_COLON = re.compile(r"\s*[:：]\s*")
_CLAUSE_MARK = re.compile(r"[،,]")
# Words opening a phrase set off by a comma before the verb («بحسب سكاي نيوز، قال ...», "According to X, Y said"):
# the source or the setting, not the subject.
_FRONTED_PHRASES = frozenset(search_form(w) for w in ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "في", "خلال",
                                                      "according", "in", "during"))


@dataclass(frozen=True)
class SpeakerRules:
    verbs: frozenset[str]
    openers: frozenset[str]
    name_words: int
    determiners: frozenset[str]
    label: re.Pattern[str]  # a headline label and its colon, at the start


@dataclass(frozen=True)
class Speaker:
    """The speaker's name phrase and what they are said to say, both by offsets in the text read."""

    name: Span
    said: Span


@lru_cache(maxsize=1)
def load_speaker_rules() -> SpeakerRules:
    data = slots_data()["speaker"]
    labels = "|".join(re.escape(fold(w)) for w in sorted(data["headline_labels"], key=len, reverse=True))
    return SpeakerRules(frozenset(search_form(v) for v in data["verbs_en"] + data["verbs_ar"]),
                        frozenset(search_form(w) for w in data["openers"]), int(data["name_words"]),
                        frozenset(w.lower() for w in data["determiners_en"]),
                        re.compile(rf"\s*(?:{labels})\s*[:：]\s*", re.IGNORECASE))


def _verb(word: str, rules: SpeakerRules) -> bool:
    """A speech verb; in English only in lower case ("Claims" in a title or a name is none)."""
    if word.isascii() and not word[:1].islower():
        return False
    folded = search_form(word)
    return folded in rules.verbs or (folded[:1] in "وف" and folded[1:] in rules.verbs)


def _english_subject(words: list[str], rules: SpeakerRules) -> bool:
    """An English subject before a speech verb is a name: "Assad", "The White House"; not "Assad's" (his claims),
    not "The" alone (the claims)."""
    last = words[-1]
    return (last[:1].isupper() and not re.search(r"['’]s?$", last)
            and not all(w.lower() in rules.determiners for w in words))


@lru_cache(maxsize=8192)
def speaker_of(text: str) -> Speaker | None:
    """The speaker a sentence opens with: a short name before a colon, the subject before a speech verb, or
    (verb first) the words after it up to «إن»/«أن»/"that" or a colon. None when it names none."""
    rules = load_speaker_rules()
    label = rules.label.match(fold(text))  # fold keeps offsets
    if label and label.end() < len(text):  # "Breaking: Assad: ...": the label is no speaker
        inner = speaker_of(text[label.end():])
        return None if inner is None else Speaker(_shift(inner.name, label.end()), _shift(inner.said, label.end()))
    words = list(_WORD.finditer(text))
    colon = _COLON.search(text)
    head = [w for w in words if colon is None or w.end() <= colon.start()]
    for i, word in enumerate(words[:rules.name_words + 1]):
        if not _verb(word.group(), rules):
            continue
        if i and not (_CLAUSE_MARK.search(text, words[0].start(), word.start())
                      and search_form(words[0].group()).lstrip("و") in _FRONTED_PHRASES):
            # subject first: «فلان يكشف أن ...», "X warns Y: ..." (not «بحسب X، قال Y»: a phrase before a comma)
            subject = [w.group() for w in words[:i]]
            if word.group().isascii() and not _english_subject(subject, rules):
                return None
            return Speaker(_span(text, words[0].start(), words[i - 1].end()), _span(text, word.end(), len(text)))
        after = words[i + 1:i + rules.name_words + 2]
        end = next((k for k, w in enumerate(after) if search_form(w.group()) in rules.openers
                    or (colon is not None and w.start() >= colon.start())), None)
        if end:  # verb first: «قال الأمين العام فلان إن ...»
            return Speaker(_span(text, after[0].start(), after[end - 1].end()), _span(text, after[end].start(), len(text)))
        return None
    if colon is None or not head or len(head) > rules.name_words or len(head) != len(words[:len(head)]):
        return None
    if any(ch.isdigit() for ch in text[:colon.start()]) or _only_places(text[:colon.start()]):
        return None  # a dateline («القاهرة:») or a time is no speaker
    return Speaker(_span(text, head[0].start(), head[-1].end()), _span(text, colon.end(), len(text)))


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _shift(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by, span.text)


def _only_places(phrase: str) -> bool:
    found = [m for m in read(phrase).mentions if m.kind == "place"]
    covered = sum(len(_WORD.findall(m.span.text)) for m in found)
    return bool(found) and covered >= len(_WORD.findall(phrase))


def _named_in(name: str, text: str) -> bool:
    """Every word of the name phrase (three letters or more) is in the text, in any spelling."""
    ours = [w for w in _WORD.findall(search_form(name)) if len(w) >= 3]
    theirs = _WORD.findall(search_form(text))
    return bool(ours) and all(any(same_word(w, v) for v in theirs) for w in ours)


def _outlet(name: str) -> bool:
    """A news outlet or fact-checker ("Politico: PolitiFact found ...") attributes a report: it is the source the
    claim cites, not a speaker whose words another is given (the source check compares outlets)."""
    from checker.outlets import load_registry

    return load_registry().resolve(name) is not None


def _shared(ours: str, theirs: str) -> int:
    """How many of our content words the other text holds, by light stem or spelling (استقالته / الاستقالة)."""
    _, stems, distinct = _terms(theirs)
    return sum(1 for w in _terms(ours)[0] if light_stem(w) in stems or any(same_word(w, v) for v in distinct))


@lru_cache(maxsize=8192)
def speaker_swapped(claim: str, passage: str) -> SlotDecision | None:
    """The claim has A say what a passage sentence has B say, where B is named in the claim in another role (the
    one warned, the one spoken of) and no sentence of the passage has A say it: an actor_role conflict. News
    outlets are never speakers here."""
    ours = speaker_of(claim)
    if ours is None or _outlet(ours.name.text):
        return None
    rest = claim[:ours.name.start] + " " + claim[ours.name.end:]
    found = None
    for offset, sentence in sentences(passage):
        theirs = speaker_of(sentence)
        if theirs is None or _outlet(theirs.name.text):
            continue
        if same_phrase(ours.name.text, theirs.name.text) or _named_in(ours.name.text, theirs.name.text):
            return None  # the passage also has the claim's speaker say something
        if (found is None and _named_in(theirs.name.text, rest)
                and _shared(ours.said.text, theirs.said.text) >= 2):
            found = SlotDecision(
                "actor_role", "conflict", ours.name,
                Span(offset + theirs.name.start, offset + theirs.name.end, theirs.name.text),
                f"speaker swapped: {ours.name.text} says it in the claim, {theirs.name.text} in the passage")
    return found
