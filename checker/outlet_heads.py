"""Outlets recognised by their head word, named or not: "وكالة الأنباء الموريتانية", "صحيفة «X»", "the X newspaper".

Such a phrase is an organisation that reports, so attribution takes it as the outlet and never as a speaker,
whether or not the registry knows the name. The words live in `checker/data/outlets/heads.toml`. Heads that also
name other things ("موقع الانفجار", "قناة السويس", "وكالة الطاقة الذرية") count only with a quoted name or a media
word in the name ("قناة الشرق نيوز", "موقع إيلاف الإخباري", "وكالة مهر للأنباء").
"""
from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Callable

from checker.config import DATA_DIR
from checker.models import Outlet
from checker.normalize import fold, search_form

_QUOTED_NAME = re.compile(r"\s*\"([^\"\n]{2,40})\"")
_WORD = re.compile(r"[^\s،,.:;؛!?؟()\"]+")
_CLITICS = "وفبلك"  # letters a head word may carry in front ("لصحيفة", "وقناة")
_DESCRIPTION = re.compile(r"-(?:linked|based|run|owned|affiliated|language|backed|controlled)$")
# English copy writes the Arabic article in lower case before a capitalised name: "al-Arabiya television reported",
# "al-Manar TV said" (the registry, the outlet heads and the English subject reader all read it so).
ARTICLE_NAME = re.compile(r"(?:al|el)[-‐ ][A-Z]")
_LATIN_NAME = r"(?:[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*|al|el|de|du|la|le|of)"  # no trailing dot: "Ramadan. State"


@dataclass(frozen=True)
class OutletHead:
    """An outlet phrase: the whole phrase (`start`–`end`), the name inside it, the kind its head word says."""

    outlet: Outlet
    kind: str
    start: int
    end: int
    name_start: int
    name_end: int


@dataclass(frozen=True)
class HeadWords:
    """heads.toml: head words by kind, and the words that bound or confirm a name."""

    kinds: dict[str, str] = field(default_factory=dict)
    needs_media_word: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    trailing_media_words: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    descriptors: frozenset[str] = frozenset()
    cue_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    english: dict[str, str] = field(default_factory=dict)
    english_generic: frozenset[str] = frozenset()
    cited_heads: frozenset[str] = frozenset()
    english_openers: frozenset[str] = frozenset()
    affiliate_networks: frozenset[str] = frozenset()
    subject_heads: frozenset[str] = frozenset()
    subject_cue_words: frozenset[str] = frozenset()
    subject_not_names: frozenset[str] = frozenset()
    subject_not_nisbas: frozenset[str] = frozenset()
    described_heads: frozenset[str] = frozenset()
    state_words: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> HeadWords:
        def folded(key: str) -> frozenset[str]:
            return frozenset(search_form(w) for w in data.get(key, ()))

        kinds = {search_form(word): kind for kind, words in data.get("arabic", {}).items() for word in words}
        english = {word.lower(): kind for kind, words in data.get("english", {}).items() for word in words}
        return cls(kinds, folded("needs_media_word"), folded("media_words") | folded("trailing_media_words"),
                   folded("trailing_media_words"), folded("stop_words"),
                   folded("descriptors"), folded("cue_words"), folded("not_names"), english,
                   frozenset(w.lower() for w in data.get("english_generic", ())), folded("cited_heads"),
                   frozenset(w.lower() for w in data.get("english_openers", ())),
                   frozenset(data.get("affiliate_networks", ())), folded("subject_heads"), folded("subject_cue_words"),
                   folded("subject_not_names"), folded("subject_not_nisbas"), folded("described_heads"),
                   folded("state_words"))

    @property
    def empty(self) -> bool:
        return not self.kinds and not self.english

    def words(self) -> tuple[str, ...]:
        """Every head word, Arabic and English, for context patterns."""
        return (*self.kinds, *self.english)

    @cached_property
    def head_forms(self) -> frozenset[str]:
        """Every word `_head_word` finds a head in: an Arabic head word with up to two clitics before it."""
        clitics = ["", *_CLITICS, *(a + b for a in _CLITICS for b in _CLITICS)]
        return frozenset(clitic + head for clitic in clitics for head in self.kinds if head)

    @cached_property
    def english_heads(self) -> re.Pattern[str]:
        """Any English head word anywhere: both English head patterns need one."""
        return re.compile("|".join(re.escape(w) for w in sorted(self.english, key=len, reverse=True)))

    def kind_before(self, folded_before: str) -> str | None:
        """The kind the head word right before a name says ("قناة الجزيرة" -> tv), if there is one."""
        match = re.search(r"([^\s\"']+)[\s\"']*$", folded_before)
        if not match:
            return None
        word = match.group(1)
        for cut in (0, 1, 2):
            if word[cut:] in self.kinds and all(c in _CLITICS for c in word[:cut]):
                return self.kinds[word[cut:]]
        return self.english.get(word)


Finder = Callable[[str], "Outlet | None"]
Blocked = Callable[[str, int, int], bool]


def find_heads(text: str, words: HeadWords, find: Finder, blocked: Blocked, folded: str | None = None
               ) -> list[OutletHead]:
    """Every head phrase in `text` (`folded`: its folded form, when the caller has it), left to right, not
    overlapping."""
    if words.empty:
        return []
    folded = fold(text) if folded is None else folded
    heads = [*_arabic_heads(text, folded, words, find, blocked), *_described_broadcasters(text, folded, words, find),
             *_english_heads(text, words, find)]
    heads.sort(key=lambda h: (h.start, -h.end))
    kept: list[OutletHead] = []
    for head in heads:
        if not kept or head.start >= kept[-1].end:
            kept.append(head)
    return kept


def _arabic_heads(text: str, folded: str, words: HeadWords, find: Finder, blocked: Blocked) -> list[OutletHead]:
    if words.head_forms.isdisjoint(_WORD.findall(folded)):
        return []  # most sentences hold no head word: one set test instead of a lookup per word
    found = []
    for match in _WORD.finditer(folded):
        head, kind = _head_word(match.group(), words)
        if kind is None:
            continue
        start = match.start() + match.group().index(head)
        span = _name_after(folded, match.end(), head, words, _cited(folded, match, head, words))
        if span is None or blocked(folded, start, span[1]):
            continue
        name_start, name_end, whole, phrase_end = span
        if _definite_before_name(match.group(), head, folded, span) and find(text[name_start:name_end]) is None:
            continue
        name = text[start:name_end] if whole else text[name_start:name_end]
        outlet = (find(name) or find(text[name_start:name_end]) or find(text[start:phrase_end])
                  or find("ال" + text[start:name_end]) or Outlet(_slug(name), name.strip(), known=False))
        end = max(phrase_end, name_end + 1 if folded[name_end:name_end + 1] == '"' else name_end)
        found.append(OutletHead(outlet, kind, start, end, start if whole else name_start, name_end))
    return found


def _described_broadcasters(text: str, folded: str, words: HeadWords, find: Finder) -> list[OutletHead]:
    """«التلفزيون الرسمي السوري», «التلفزيون العراقي», «الإذاعة الإسرائيلية»: a broadcaster named by what it is, the
    head with the article and up to two words saying whose it is (a country's adjective from gazetteer.toml) or
    that it is the state's («الرسمي»). The registry's outlet when it knows the phrase, or the phrase without its
    state word («التلفزيون السوري»); else an outlet by that description. A newspaper or an agency so described
    («الصحيفة البريطانية», «الوكالة الرسمية») is the one named before it (checker.attribution.sources)."""
    if not any(head in folded for head in words.described_heads):
        return []  # most sentences name no broadcaster: a substring test before the word-by-word scan
    found = []
    describing = _country_adjectives() | words.state_words
    for match in _WORD.finditer(folded):
        head = _definite_head(match.group())
        if head not in words.described_heads:
            continue
        described = []
        for token in _WORD.finditer(folded, match.end()):
            gap = folded[(described[-1] if described else match).end():token.start()]
            if gap.strip() or len(described) == 2 or token.group() not in describing:
                break
            described.append(token)
        if not described or not _cited_broadcaster(folded, match, head, words):
            continue
        start = match.end() - len(head) - 2  # from the article, or from «لل» (ل with the article's ل)
        named = ["ال" + text[match.end() - len(head):match.end()], *(text[t.start():t.end()] for t in described)]
        phrase = " ".join(named)  # «للتلفزيون الرسمي» names «التلفزيون الرسمي»
        plain = " ".join(word for word, token in zip(named, [match, *described])
                         if token is match or token.group() not in words.state_words)
        outlet = find(phrase) or find(plain) or Outlet(_slug(phrase), phrase, known=False)
        found.append(OutletHead(outlet, words.kinds.get(head, "tv"), start, described[-1].end(), start,
                                described[-1].end()))
    return found


def _cited_broadcaster(folded: str, match: re.Match[str], head: str, words: HeadWords) -> bool:
    """«أفاد التلفزيون الرسمي», «قال للتلفزيون السوري الرسمي», «بحسب ما أعلنه التلفزيون العراقي»: after a verb of
    reporting, or with «لـ» (spoken to, or a mention such as «الرعيل الأول للتلفزيون المصري», which no cue links), the
    broadcaster may be cited; «ميزانية التلفزيون الرسمي», «شاهدته على التلفزيون الرسمي» only mention it."""
    if match.group().endswith("لل" + head):
        return True
    previous = re.search(r"(\S+)\s+$", folded[max(0, match.start() - 25):match.start()])
    if previous is None:
        return False
    word = re.sub(r"(?:ها|هم|ه)$", "", _bare(previous.group(1).strip("،,:")))  # «أعلنه», «بثته»
    return any(word == cue or word == cue.removesuffix("ت") for cue in words.cue_words)


def _definite_head(word: str) -> str:
    """The word without its clitics and article («والتلفزيون», «للإذاعة» -> «تلفزيون», «اذاعه»), or ""."""
    for clitics in range(3):
        if clitics and not all(c in _CLITICS for c in word[:clitics]):
            break
        rest = word[clitics:]
        if rest.startswith("ال"):
            return rest[2:]
        if rest.startswith("ل") and word[:clitics].endswith("ل"):  # «للإذاعة»: ل + ال
            return rest[1:]
    return ""


@lru_cache(maxsize=1)
def _country_adjectives() -> frozenset[str]:
    """A country's Arabic adjectives with the article, folded («العراقي», «السوريه»), from the gazetteer."""
    with open(DATA_DIR / "gazetteer.toml", "rb") as handle:
        places = tomllib.load(handle).get("place", [])
    return frozenset(form for place in places if place.get("kind") == "country" for name in place.get("ar", ())
                     if (form := search_form(name)).startswith("ال") and form.endswith(("ي", "يه")))


def _head_word(word: str, words: HeadWords) -> tuple[str, str | None]:
    """The head in a word, clitics ("لصحيفة", "وقناة") allowed: (head, kind) or ("", None)."""
    for cut in (0, 1, 2):
        head = word[cut:]
        if cut and not all(c in _CLITICS for c in word[:cut]):
            break
        if head in words.kinds:
            return head, words.kinds[head]
    return "", None


def _definite_before_name(word: str, head: str, folded: str, span: tuple[int, int, bool, int]) -> bool:
    """"للإذاعة نفيسة حسني", "للموقع مبررا": "لل" is ل + ال, and a head with the article is followed by a name only
    through an adjective with the article too ("للإذاعة الوطنية"), a number ("للقناة ١٢"), a quoted or Latin brand
    ("للموقع Axios") or a name the registry knows (checked by the caller: «للإذاعة موزاييك»); a bare word after it
    is not its name."""
    name = folded[span[0]:span[1]]
    return (word.endswith("لل" + head) and not name.startswith("ال") and not name[:1].isdigit()
            and not _is_latin(name.split()[0]) and folded[span[0] - 1:span[0]] != '"')


def _cited(folded: str, match: re.Match[str], head: str, words: HeadWords) -> bool:
    """"لقناة X", "وقالت قناة X": the head is what someone spoke to or what reported, so X is a name."""
    if head not in words.cited_heads:
        return False
    if "ل" in match.group()[:match.group().index(head)]:
        return True
    previous = re.search(r"(\S+)\s+$", folded[max(0, match.start() - 25):match.start()])
    return previous is not None and (previous.group(1) in words.cue_words or _bare(previous.group(1)) in words.cue_words)


def _name_after(folded: str, position: int, head: str, words: HeadWords, cited: bool = False
                ) -> tuple[int, int, bool, int] | None:
    """(name start, name end, whether the head belongs to the name, phrase end) after a head, or None; the phrase
    goes on past the name over a describing media word ("وكالة مهر للأنباء", "قناة دبي الفضائية").

    A head that also names other things (قناة، موقع) takes an unquoted name without a media word only when `cited`.
    """
    quoted = _QUOTED_NAME.match(folded, position)
    if quoted:
        if search_form(quoted.group(1)) in words.not_names:
            return None
        return quoted.start(1), quoted.end(1), False, quoted.end(1)
    tokens = []
    for token in _WORD.finditer(folded, position):
        gap = folded[position if not tokens else tokens[-1].end():token.start()]
        if gap.strip() or "\n" in gap or len(tokens) == 4 or token.group()[0] in "#@":
            break
        tokens.append(token)
    names = [t.group() for t in tokens]
    if head == "وكاله" and names[:1] in (["الانباء"], ["انباء"]):
        return _agency_name(folded, tokens, names, words)
    if not names or names[0] in words.stop_words or _bare(names[0]) in words.stop_words or _generic(names[0], words):
        return None
    if names[0] in ("http", "https", "www"):
        return None
    if _is_latin(names[0]):  # "شبكة CNBC", "مجلة Science": a brand in Latin letters is a name
        latin = [t for t in itertools.takewhile(lambda t: _is_latin(t.group()), tokens)]
        if latin[0].group() in words.not_names:  # "موقع Craigslist", "قناة Snapchat"
            return None
        return latin[0].start(), latin[-1].end(), False, latin[-1].end()
    phrase_end = 0
    media = _media_index(names, words)
    if media is not None:
        trailing = names[media] in words.trailing_media_words or _bare(names[media]) in words.trailing_media_words
        if trailing and media == 0:
            return None  # "موقع الإلكتروني": no name
        last = media if trailing else media + 1
        phrase_end = tokens[media].end()
        tokens, names = tokens[:last], names[:last]
    elif head in words.needs_media_word and not cited:
        reporting = _reporting_subject(names, words) if head in words.subject_heads else None
        if reporting is None:
            return None
        return tokens[0].start(), tokens[reporting - 1].end(), False, tokens[reporting - 1].end()
    else:
        tokens, names = _bounded(tokens, names[:2] if head in words.needs_media_word else names, words)
    if not tokens or search_form(" ".join(names)) in words.not_names or _bare(names[0]) in words.not_names:
        return None
    return tokens[0].start(), tokens[-1].end(), False, max(phrase_end, tokens[-1].end())


def _reporting_subject(names: list[str], words: HeadWords) -> int | None:
    """«موقع لودجيلي الغيني يقول إن»: where the reporting verb stands after a plain name (not «موقع الحادث»), the name
    alone or with one nisba adjective, or None."""
    if not names or names[0].startswith("ال") or names[0] in words.not_names or names[0] in words.subject_not_names:
        return None
    for verb in (1, 2):
        cue = names[verb] if len(names) > verb else ""
        if cue and (cue in words.subject_cue_words or _bare(cue) in words.subject_cue_words):
            nisba = names[1:verb]
            if all(n.startswith("ال") and n.endswith(("ي", "يه")) and n not in words.subject_not_nisbas for n in nisba):
                return verb
    return None


def _agency_name(folded: str, tokens: list[re.Match[str]], names: list[str], words: HeadWords
                 ) -> tuple[int, int, bool, int] | None:
    """"وكالة الأنباء الموريتانية": the nisba words after "الأنباء"; "وكالة أنباء فارس": up to three name words."""
    rest = []
    for token, name in zip(tokens[1:], names[1:]):
        if name in words.stop_words or (rest and name in words.descriptors):
            break
        if names[0] == "الانباء" and not (name.startswith("ال") and name.endswith(("يه", "ية"))):
            following = names[len(rest) + 2] if len(names) > len(rest) + 2 else ""
            if not rest and _plain_agency_name(name, words) and _name_ends(folded, token, following, words):
                rest.append(token)  # "وكالة الأنباء دوغان أن": the agency's own name, not a nisba
            break
        rest.append(token)
    if not rest or (search_form(names[1]) in words.descriptors and _QUOTED_NAME.match(folded, rest[0].end())):
        return None  # "وكالة الأنباء الرسمية «وات»": a description before the name, which is found on its own
    return tokens[0].start(), rest[-1].end(), True, rest[-1].end()


def _name_ends(folded: str, token: re.Match[str], following: str, words: HeadWords) -> bool:
    """What follows a plain agency name shows the name is whole: punctuation, the end, or a stop word («أن», «عن»),
    not the object of the verb («نشرت وكالة الأنباء صورا للحادث»)."""
    after = folded[token.end():token.end() + 2].lstrip(" ")
    return not following or after[:1] in "،,.:؛(\"«" or following in words.stop_words or (
        _bare(following) in words.stop_words)


def _plain_agency_name(word: str, words: HeadWords) -> bool:
    """A name word after "وكالة الأنباء": no article, not a stop, time or reporting word, not a description, not an
    accusative («صورا», «صباحا») or a word joined by «و»."""
    return not (word.startswith(("ال", "و")) or word.endswith("ا") or word in words.stop_words
                or _bare(word) in words.stop_words
                or word in words.cue_words or _bare(word) in words.cue_words or word in _TIME_WORDS
                or _generic(word, words) or _is_latin(word) or word[:1].isdigit())


_TIME_WORDS = frozenset({"يوم", "مساء", "صباح", "ليله", "امس", "عصر", "ظهر", "فجر"})  # folded


def _bounded(tokens: list[re.Match[str]], names: list[str], words: HeadWords) -> tuple[list[re.Match[str]], list[str]]:
    """An unquoted name after "صحيفة": up to three words, ending before a stop word or a descriptor ("الأمريكية")."""
    kept = 0
    for number, name in enumerate(names[:3]):  # `names` may be cut shorter than `tokens`
        if number and (name in words.stop_words or name in words.descriptors or _bare(name) in words.stop_words):
            break
        kept = number + 1
    return tokens[:kept], names[:kept]


def _generic(word: str, words: HeadWords) -> bool:
    """"صحيفة إسرائيلية", "قناة محلية", "(ال)تلفزيون المصري": a description, not a name."""
    return word in words.descriptors or (not word.startswith("ال") and word.endswith("يه") and len(word) > 4) or (
        word.startswith("ال") and word.endswith("ي") and len(word) > 5)


def _is_latin(word: str) -> bool:
    return "a" <= word[:1].lower() <= "z"


def _bare(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وفبل" else word


def _media_index(names: list[str], words: HeadWords) -> int | None:
    """Where the first media word ends ("نيوز", "إف إم" over two words), if there is one."""
    for number, name in enumerate(names):
        if number and f"{names[number - 1]} {name}" in words.media_words:
            return number
        if name in words.media_words or _bare(name) in words.media_words:
            return number
    return None


def _english_heads(text: str, words: HeadWords, find: Finder) -> list[OutletHead]:
    """"the Kurdistan Chronicle newspaper", "Mauritania's AMI news agency", "the daily Le Parisien"; and a
    broadcaster's name a source spoke to or that reported ("told Yahoo News", "WCVB-TV reported")."""
    cited = _cited_media_names(text, find, words)
    if not words.english or not words.english_heads.search(text):
        return cited
    name_first, head_first = _english_patterns(tuple(words.english))
    found = []
    for match in name_first.finditer(text):
        found.append(_english_head(match, 1, 2, match.start(1), match.end(2), words, find))
    for match in head_first.finditer(text):
        found.append(_english_head(match, 2, 1, match.start(1), match.end(2), words, find))
    return [h for h in found if h is not None] + cited


# A name ending in a broadcast word, or a US/Canadian call sign with its band ("WCVB-TV"), is a broadcaster's when a
# source told it, spoke to it, gave it an interview or is cited "according to" it, or when it reported or said
# ("told Afghan television channel Tolo News", "WCVB-TV reported"). Words that open a sentence or describe
# (heads.toml english_openers: "Meanwhile", "On Monday", "Local") are dropped from the front; what is left must be
# two words, a call sign or a site's address ("told Kmov.com", "Infowars.com reports", ending a sentence or not), not
# a platform ("Google News", "Change.org") and not a kind of news ("Breaking News", "Fake News").
_ADDRESS = re.compile(r"[A-Z][\w-]*\.(?:com|net|org|co\.uk|com\.au|ie|ca|tv)(?!\w|\.\w)")
_MEDIA_NAME = (r"(?:[A-Z][\w'’.-]*\s){1,4}(?:News|TV|Television|Radio)(?!\s*&)|[KW][A-Z]{2,3}-(?:TV|FM|AM)"
               rf"|{_ADDRESS.pattern}")
_TOLD_MEDIA = re.compile(rf"\b(?:told|spoke to|speaking to|talking to|according to|interview with)\s+"
                         rf"(?:(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:television|TV|news|radio)\s+(?:channel|station|network|site)"
                         rf"\s+)?({_MEDIA_NAME})\b")
_MEDIA_REPORTED = re.compile(rf"(?<![\w-])({_MEDIA_NAME}),?\s+(?:reported|reports|said|says)\b")


# "Manchester TV station WMUR", "Orlando radio station Real Radio 104.1": a place and a kind of station, then the
# station's own name (capitalised words, call letters, a frequency); the outlet is that name, not the place.
_STATION_NAME = re.compile(r"\b(?:[A-Z][\w.'’-]*\s+){0,2}(?:TV|[Tt]elevision|[Rr]adio|[Nn]ews|[Cc]able)\s+"
                           r"(?:station|channel|network|affiliate)\s+([A-Z0-9][\w'’&-]*(?:\.\d+)?"
                           r"(?:\s+[A-Z0-9][\w'’&-]*(?:\.\d+)?){0,3})")


_NOT_STATION_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on",
                                "in", "that", "the", "last", "this", "today", "yesterday", "earlier", "late", "after"})


def _cited_media_names(text: str, find: Finder, words: HeadWords) -> list[OutletHead]:
    found = []
    for match in _STATION_NAME.finditer(text):
        name = match.group(1)
        if name.split()[0].lower() in _NOT_STATION_NAMES:
            continue  # "told a local TV station Tuesday"
        kind = "radio" if "adio" in match.group(0)[:match.start(1) - match.start()] else "tv"
        outlet = find(name) or Outlet(_slug(name), name, known=False)
        found.append(OutletHead(outlet, kind, match.start(), match.end(1), match.start(1), match.end(1)))
    for match in [*_TOLD_MEDIA.finditer(text), *_MEDIA_REPORTED.finditer(text)]:
        parts = match.group(1).split()
        while len(parts) > 1 and parts[0].lower() in words.english_openers:
            parts.pop(0)
        name = " ".join(parts)
        address = bool(_ADDRESS.fullmatch(name))
        if len(parts) < 2 and "-" not in name and not address or parts[0].lower().split(".")[0] in words.not_names:
            continue  # "News" alone, "Google News", "Facebook.com"
        start = match.start(1) + match.group(1).rindex(name)
        kind = "radio" if name.endswith(("Radio", "-FM", "-AM")) else "site" if address else "tv"
        outlet = find(name) or Outlet(_slug(name), name, known=False)
        found.append(OutletHead(outlet, kind, start, start + len(name), start, start + len(name)))
    return found


@lru_cache(maxsize=8)
def _english_patterns(english: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"X newspaper" and "the newspaper X", built once per word list (not once per sentence)."""
    heads = "|".join(re.escape(w) for w in sorted(english, key=len, reverse=True))
    name = rf"{_LATIN_NAME}(?:[ -]{_LATIN_NAME}){{0,3}}"
    return (re.compile(rf"(?<![\w-])({name}) ({heads})\b"),
            re.compile(rf"\b(?:[Tt]he|an?|[Ss]tate|[Oo]fficial|[Ss]tate-run) ({heads}) ({name})"))


def _english_head(match: re.Match[str], name_group: int, head_group: int, start: int, end: int, words: HeadWords,
                  find: Finder) -> OutletHead | None:
    name = match.group(name_group)
    trimmed = re.sub(r"^(?:\S+['’]s\s+)?(?:(?:the|a|an|of)\s+)*|(?:\s+(?:the|of|al|el|de|du|la|le))+$", "", name,
                     flags=re.IGNORECASE)
    if find(trimmed) is None:  # "Saudi Gazette" is a name; "Saudi daily", "Turkey Firat" carry a description
        trimmed = _without_descriptions(trimmed, words)
    if not trimmed or not (trimmed[0].isupper() or ARTICLE_NAME.match(trimmed)) or trimmed.lower() in words.not_names:
        return None  # "the Saudi daily", "This newspaper", "Iraqi State television"
    name_start = match.start(name_group) + match.group(name_group).index(trimmed)
    head = match.group(head_group)
    outlet = find(trimmed) or find(f"{trimmed} {head}") or Outlet(_slug(trimmed), trimmed, known=False)
    kind = words.english[head.lower()]
    if name_group == 1:
        start = name_start
    else:
        end = name_start + len(trimmed)
    return OutletHead(outlet, kind, start, end, name_start, name_start + len(trimmed))


def _without_descriptions(name: str, words: HeadWords) -> str:
    """"Turkey Firat" -> "Firat", "Daesh-linked Aamaq" -> "Aamaq", "Sunday the Dogan" -> "Dogan", "Saudi" -> ""."""
    kept = name.split()
    while kept and (kept[0].lower() in words.english_generic or _DESCRIPTION.search(kept[0])):
        kept.pop(0)
    while kept and kept[0].lower() in ("the", "of"):
        kept.pop(0)
    return " ".join(kept)


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", search_form(name).lower()).strip("-_") or "unknown-outlet"
