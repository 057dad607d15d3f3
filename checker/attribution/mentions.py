"""Outlet mentions in a sentence: registry names (look-alikes decided by the story), outlet phrases by head word
("وكالة الأنباء X", "صحيفة «X»"), a description then the registry name in brackets, and outlets caught only by
their pattern ("صحيفة "X"", "وكالة مهر للأنباء", "the Kurdistan Chronicle"). `sources` decides which of them a
cue's source is.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from checker.attribution.lexicon import Lexicon
from checker.attribution.spans import OutletMention
from checker.doc import Doc
from checker.models import Outlet
from checker.normalize import search_form
from checker.outlets import OutletRegistry


def outlets_in(doc: Doc, start: int, end: int, registry: OutletRegistry, lexicon: Lexicon,
               story: tuple[str, ...] = ()) -> list[OutletMention]:
    """Registry outlets in text[start:end] (look-alikes decided by `story`, the outlets the whole article names:
    "the Times" in a New York Times story), outlet phrases by head word the registry lacks ("وكالة الأنباء X",
    "صحيفة «X»": outlets, never speakers), and outlets caught only by their pattern."""
    sentence, folded = doc.text[start:end], doc.folded[start:end]
    known = [_local_station(doc.text, OutletMention(o, start + s, start + e), registry)
             for o, s, e in registry.find_in(sentence, story=story, folded=folded)]
    heads = [OutletMention(h.outlet, start + h.start, start + h.end) for h in registry.heads_in(sentence, folded)
             if not any(k.start < start + h.end and start + h.start < k.end for k in known)]
    known, heads = _bracketed_names(doc.text, known, heads)
    found = known + heads
    unknown = [_story_outlet_named(m, story, registry) for m in _pattern_outlets(sentence, folded, start, lexicon)
               if not any(k.start < m.end and m.start < k.end for k in found)
               and not registry.never_an_outlet(m.outlet.name)]  # «موقع "فيس بوك"»: a platform
    return sorted(found + unknown, key=lambda m: m.start)


def _story_outlet_named(mention: OutletMention, story: tuple[str, ...], registry: OutletRegistry) -> OutletMention:
    """"the Daily News" in a story that names the New York Daily News is that paper: a name caught by its pattern
    that ends a registry outlet's name the article cites elsewhere."""
    tail = " " + search_form(mention.outlet.name)
    for outlet_id in story:
        outlet = registry.get(outlet_id)
        if outlet is not None and search_form(outlet.name).endswith(tail):
            return OutletMention(outlet, mention.start, mention.end)
    return mention


# the number is the station's, not a count or a programme's name ("CBS 60 Minutes", "told CBS 2 weeks ago")
_CHANNEL_NUMBER = re.compile(r"[ \t]?\d{1,2}(?![\d:.,]\d|\d)"
                             r"(?!\s*(?i:%|percent|years?|months?|weeks?|days?|hours?|minutes?|seconds?|times)\b)")


def _local_station(text: str, mention: OutletMention, registry: OutletRegistry) -> OutletMention:
    """"told FOX 13": a network's name with a channel number is its local station, an outlet of its own."""
    number = _CHANNEL_NUMBER.match(text, mention.end)
    if number is None or not registry.affiliate_network(mention.outlet.id):
        return mention
    name = text[mention.start:number.end()]
    return OutletMention(Outlet(outlet_slug(name), name, known=False), mention.start, number.end())


_BRACKET_AFTER_HEAD = re.compile(r"[^\W\d]*(?:\s+[^\W\d]+)?\s*[(\"«“]\s*$")
# «موقع إخباري محلي عن "الجزيرة"»: a word of relation before the quoted name makes it another outlet
_RELATION_WORDS = frozenset({"عن", "من", "في", "الى", "إلى", "على", "مع", "لدى", "نقلا", "مثل", "و"})


def _names_it(gap: str) -> bool:
    """What may stand between an outlet's description and its registry name for the two to be one mention: nothing
    («وكالة الأنباء البريطانية رويترز»), or a word or two and an opening bracket or quotation mark, none of them a word
    of relation («وكالة الأنباء الرسمية السورية (سانا)», «وكالة الأنباء الروسية الرسمية "سبوتنيك"»)."""
    if not gap.strip():
        return bool(gap)
    return bool(_BRACKET_AFTER_HEAD.fullmatch(gap)) and not any(
        word in _RELATION_WORDS for word in re.findall(r"[^\W\d]+", gap))


def _bracketed_names(text: str, known: list[OutletMention], heads: list[OutletMention]
                     ) -> tuple[list[OutletMention], list[OutletMention]]:
    """"وكالة الأنباء الرسمية السورية (سانا)", «وكالة الأنباء الروسية الرسمية "سبوتنيك"»: a description the registry
    lacks, then the outlet's own name in brackets or quotes: one mention of that outlet, spanning the phrase."""
    merged: list[OutletMention] = []
    for head in heads:
        named = next((k for k in known if not head.outlet.known and 0 <= k.start - head.end <= 30
                      and _names_it(text[head.end:k.start])), None)
        if named is None:
            merged.append(head)
            continue
        known = [OutletMention(named.outlet, head.start, named.end) if k is named else k for k in known]
    return known, merged


def _pattern_outlets(sentence: str, folded: str, offset: int, lexicon: Lexicon) -> list[OutletMention]:
    return [*_arabic_pattern_outlets(sentence, folded, offset, lexicon),
            *_english_pattern_outlets(sentence, offset, lexicon)]


def _arabic_pattern_outlets(sentence: str, folded: str, offset: int, lexicon: Lexicon) -> list[OutletMention]:
    found = []
    for match in _arabic_type_phrase(lexicon.ar_types).finditer(folded):
        if match.group(1):
            name_start, name_end = match.span(1)
        else:
            span = _unquoted_arabic_name(folded, match.start(2), match.end(2), lexicon)
            if span is None:
                continue
            name_start, name_end = span
        name = sentence[name_start:name_end]
        found.append(OutletMention(Outlet(outlet_slug(name), name, known=False), offset + name_start, offset + name_end))
    return found


@lru_cache(maxsize=4)
def _arabic_type_phrase(types: tuple[str, ...]) -> re.Pattern[str]:
    """"صحيفة X" / "وكالة "X"": compiled once, not once per sentence."""
    alternatives = "|".join(map(re.escape, types))
    return re.compile(rf"(?<!\w)[وفبل]?(?:{alternatives})\s+(?:\"([^\"]{{2,40}})\"|((?:\S+\s*){{1,4}}))")


def _unquoted_arabic_name(folded: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """"وكالة مهر للأنباء", "قناة الشرق نيوز": only with a word that says it is a news organisation."""
    words = list(re.finditer(r"[^\s،,.:]+", folded[start:end]))
    for number, word in enumerate(words[1:], start=1):
        if any(word.group().startswith(m) or word.group() == m for m in lexicon.ar_media_words):
            last = number if word.group() in ("للانباء", "انباء") else number + 1
            last = max(last, 1)
            return start + words[0].start(), start + words[last - 1].end()
    return None


_MEDIA_NAME_WORDS = re.compile(r"(?<![\w,.])(?:(?:[A-Z][\w'’&.-]*|\d{1,2}(?:st|nd|rd|th)?)\s+){0,4}[A-Z][\w'’&.-]*")
_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
# Words that open a sentence or cite, not a name: "The", "According (to)" ...
_NOT_NAME_OPENERS = frozenset({"The", "A", "An", "In", "On", "According", "Citing"})
# ... and before a number, a count or a month (with its day): "Two 9 News reporters" (9 News), "on March 3 Kurdistan
# News aired".
_MONTHS = frozenset(calendar.month_name[1:])
_BEFORE_A_NUMBER = frozenset({"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                              "Several", "Some", "Many", "Both", "Dozens", "Hundreds"}) | _MONTHS
# "the Springfield Times's reporter", "the Daily Express." : the name ends before the possessive or the full stop
_POSSESSIVE_OR_STOP = re.compile(r"(?:['’]s?|\.)+$")


def _english_pattern_outlets(sentence: str, offset: int, lexicon: Lexicon) -> list[OutletMention]:
    """Capitalised names with a media word ("the Kurdistan Chronicle"; with a channel number or an ordinal, "FOX 2
    News", "10 News", "21st Century Wire"), and dateline parentheses."""
    found = []
    for match in _MEDIA_NAME_WORDS.finditer(sentence):
        words = _name_words(match.group().split())
        if len(words) >= 2 and words[-1] in lexicon.en_media_words and _numbers_placed(words):
            name = " ".join(words)
            name_start = match.start() + match.group().index(words[0])
            found.append(OutletMention(Outlet(outlet_slug(name), name, known=False), offset + name_start,
                                       offset + name_start + len(name)))
    return found


def _name_words(words: list[str]) -> list[str]:
    """The words of a capitalised run that can make a name: openers, counts and dates before a number dropped, the
    possessive or full stop after it cut."""
    while words and (words[0] in _NOT_NAME_OPENERS or (
            words[0] in _BEFORE_A_NUMBER and len(words) > 1 and _NUMBER.fullmatch(words[1]))):
        words = words[2:] if words[0] in _MONTHS else words[1:]
    if words:
        words = [*words[:-1], _POSSESSIVE_OR_STOP.sub("", words[-1])]
    return words


def _numbers_placed(words: list[str]) -> bool:
    """A number belongs to a media name just before its media word ("FOX 2 News", "10 News") or as its opening
    ordinal ("21st Century Wire"), nowhere else."""
    return all(n == len(words) - 2 or (n == 0 and not word.isdigit())
               for n, word in enumerate(words) if _NUMBER.fullmatch(word))


def outlet_slug(name: str) -> str:
    """A readable id for an outlet the registry lacks: 'Kurdistan Chronicle' -> 'kurdistan-chronicle'."""
    return re.sub(r"[^\w]+", "-", search_form(name).lower()).strip("-_") or "unknown-outlet"
