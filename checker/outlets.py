"""The outlet registry: which news organisations checker knows, under every spelling.

Data: every `*.toml` file in `checker/data/outlets/` ([[outlet]] entries by region, [[lookalike]] groups,
[not_outlet] and [heads] words), edited by journalists. Matching runs on `fold`ed text (same length as the
original), so a mention's offsets point straight into the article, and hamza/alef/ta-marbuta/ya variants need no
extra spellings. Aliases that are also ordinary words ("AP", "Time", "الوطن", "النهار") are marked ambiguous and
only count with context: an outlet word before them ("صحيفة", "agency"), quotation marks or a dateline's
parentheses around them, or a reporting verb. A short name several outlets share ("the Times", "الوطن") is a
look-alike group, decided by the story (`find_in(..., story=..., url=...)`).

API (see docs/attribution.md, "Outlet registry"): `load_registry()`, then `find`, `find_in`, `resolve`,
`story_ids`, `by_domain`, `heads_in`, `entry`.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Iterable
from urllib.parse import urlsplit

from checker.config import DATA_DIR
from checker.errors import InputError
from checker.models import Outlet
from checker.normalize import fold, search_form
from checker.outlet_entries import (KINDS, Lookalike, OutletContext, OutletEntry, entry_from, merge_entries,
                                     parse_entry)
from checker.outlet_heads import ARTICLE_NAME, HeadWords, OutletHead, find_heads
from checker.outlet_match import AliasMatcher, alias_words

__all__ = ["KINDS", "Lookalike", "OutletContext", "OutletEntry", "OutletHead", "OutletRegistry", "load_registry",
           "outlet_key", "parse_registry"]

OUTLETS_DIR = DATA_DIR / "outlets"
_SEPARATOR = r"[\s\-‐.·]+"
_QUOTES = "\"'"
_KEY_NOISE = re.compile(r"[^\w\s]")
_KEY_OUTLET_WORDS = ("صحيفه", "جريده", "وكاله", "قناه", "موقع", "مجله", "اذاعه", "شبكه")
_NEXT_WORD = re.compile(r"[ \t]+(\S)")
_PREVIOUS_WORD = re.compile(r"(\S+) $")
_SENTENCE_END = re.compile(r"[.!?:;\"”]\s*$")
_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "by", "from", "for", "with", "to", "and", "or", "but", "as",
                      "according", "citing", "quoting", "told", "said", "says", "via", "while", "when", "after",
                      "before", "whereas", "since", "because", "if", "though", "although", "meanwhile", "also"})
_SAID_FOLLOWS = re.compile(r"\s*(?:ان|بان|انه|انها|[،,:\"])")
_PARENTHESISED = re.compile(r"(.+?)\s*\(([^()]+)\)")


@dataclass(frozen=True)
class _Alias:
    entry: OutletEntry
    text: str
    ambiguous: bool
    group: Lookalike | None = None
    strict: bool = False

    @property
    def needs_capitals(self) -> bool:
        """Acronyms such as "SANA" or "AP" are names only when written in capitals."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isascii() and c.isupper() for c in letters)


@dataclass(frozen=True)
class MatchData:
    """The registry's matching knowledge besides the outlets themselves (lookalikes.toml, heads.toml)."""

    lookalikes: tuple[Lookalike, ...] = ()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    heads: HeadWords = field(default_factory=HeadWords)


class OutletRegistry:
    """Known outlets with a compiled alias matcher; immutable, so it can be cached and shared."""

    def __init__(self, entries: Iterable[OutletEntry], context: OutletContext, data: MatchData | None = None,
                 *, tolerant: bool = False) -> None:
        """`tolerant`: a spelling two outlets share keeps its first outlet instead of refusing the data (used for
        outlets and spellings reviewers stored, which must never stop an analysis)."""
        self._tolerant = tolerant
        self._entries = merge_entries(entries)
        self._context = context
        self._data = data or MatchData()
        self._by_id = {entry.id: entry for entry in self._entries}
        self._by_key: dict[str, OutletEntry] = {}
        self._aliases: dict[str, _Alias] = {}
        self._groups = _group_index(self._data.lookalikes, self._by_id)
        self._domains = {domain: entry for entry in self._entries for domain in entry.domains}
        for entry in self._entries:
            self._index(entry)
        self._add_group_names()
        self._matcher: AliasMatcher[_Alias] = AliasMatcher(self._aliases)
        self._before = _context_pattern(context.before, at_end=True)
        self._after = _context_pattern(context.after, at_end=False)
        self._blocked_before = _context_pattern(self._data.not_before, at_end=True) if self._data.not_before else None
        self._blocked_after = _context_pattern(self._data.not_after, at_end=False) if self._data.not_after else None
        self._head_before = _context_pattern(self._data.heads.words(), at_end=True) if not self._data.heads.empty else None
        self._head_after = _context_pattern(tuple(self._data.heads.english), at_end=False)

    def _index(self, entry: OutletEntry) -> None:
        """Every name of the entry for `find` (by key) and for `find_in` (by matching form)."""
        names = tuple(dict.fromkeys(_with_parts((entry.name, *((entry.name_ar,) if entry.name_ar else ()),
                                                 *entry.aliases))))
        for name in (entry.id, *names):
            if _alias_form(name) not in self._groups:
                self._by_key.setdefault(outlet_key(name), entry)
        forms = {_alias_form(alias) for alias in names}
        # by form: "The Scotsman" (its name) is the "Scotsman" listed as ambiguous, a leading "the" left to the text
        strict_forms = {_alias_form(alias) for alias in entry.strict}
        ambiguous_forms = {_alias_form(alias) for alias in entry.ambiguous} | strict_forms
        for alias in names:
            form = _alias_form(alias)
            if not form or _redundant(form, forms):
                continue
            group = self._groups.get(form)
            known = self._aliases.get(form)
            if known is not None and known.entry.id != entry.id and group is None and known.group is None:
                if self._tolerant:
                    continue
                raise InputError(f"{alias!r} names both {known.entry.id!r} and {entry.id!r}: "
                                 "list it in a [[lookalike]] group (lookalikes.toml) or keep it on one outlet")
            if known is None:
                strict = form in strict_forms or (group is not None and group.strict and not _is_latin(alias))
                self._aliases[form] = _Alias(entry, alias, form in ambiguous_forms or group is not None, group, strict)
            elif form in strict_forms and not known.strict:
                self._aliases[form] = replace(known, ambiguous=True, strict=True)

    def _add_group_names(self) -> None:
        """A look-alike's short names match even when no outlet lists them ("Times"), always with context."""
        for group in self._data.lookalikes:
            default = self._by_id[group.outlets[0]]
            for name in group.names:
                form = _alias_form(name)
                strict = group.strict and not _is_latin(name)
                if form and form not in self._aliases:
                    self._aliases[form] = _Alias(default, name, True, group, strict)
                elif form and strict:
                    self._aliases[form] = replace(self._aliases[form], ambiguous=True, strict=True)

    def entries(self) -> tuple[OutletEntry, ...]:
        return self._entries

    def entry(self, outlet_id: str) -> OutletEntry | None:
        """The registry entry (kind, country, domains, Arabic name) of an outlet id."""
        return self._by_id.get(outlet_id)

    def get(self, outlet_id: str) -> Outlet | None:
        entry = self._by_id.get(outlet_id)
        return entry.outlet() if entry else None

    def kind(self, outlet: Outlet) -> str | None:
        """wire, newspaper, tv, radio, site, magazine, fact-checker; None for an outlet caught only by its pattern."""
        entry = self._by_id.get(outlet.id)
        return entry.kind if entry else None

    def find(self, name: str) -> Outlet | None:
        """The outlet any spelling names, ignoring quotes, "the"/"ال", diacritics and outlet words.

        A look-alike short name ("the Times", "الوطن") gives its group's default; use `resolve` to decide by story.
        """
        return self.resolve(name)

    def resolve(self, name: str, *, story: Collection[str] = (), url: str | None = None) -> Outlet | None:
        """Like `find`, but a look-alike short name is decided by the story's other outlets and its URL."""
        form = _alias_form(name)
        head, _, rest = form.partition(" ")
        group = self._groups.get(form) or self._groups.get(rest if head in _KEY_OUTLET_WORDS else "")
        if group is not None:
            kind = self._data.heads.kind_before(head) if group is not self._groups.get(form) else None
            return self._pick(group, story, url, kind).outlet()
        entry = self._by_id.get(name.strip()) or self._by_key.get(outlet_key(name))
        return entry.outlet() if entry else None

    def find_in(self, text: str, *, story: Collection[str] = (), url: str | None = None, folded: str | None = None
                ) -> list[tuple[Outlet, int, int]]:
        """Every outlet mentioned in `text`, with the span of the name (clitics such as "لـ" left out).

        `story`: outlet ids named elsewhere in the article (`story_ids`); `url`: the article's address. Both only
        decide look-alike short names ("the Times" in a New York Times story is the New York Times). `folded`:
        `fold(text)` when the caller has it (a slice of `Doc.folded`).
        """
        found = []
        folded = fold(text) if folded is None else folded
        for alias, start, end in self._matches(text, folded):
            if alias.group:
                kind = self._data.heads.kind_before(folded[max(0, start - 20):start])
                outlet = self._pick(alias.group, story, url, kind).outlet()
            else:
                outlet = alias.entry.outlet()
            found.append((outlet, start, end))
        return found

    def names_one_outlet(self, name: str) -> bool:
        """Whether `name` is a spelling of one outlet alone: not a look-alike short name ("Times", "the Star") nor a
        word that is an outlet only in context ("Independent", "Time")."""
        alias = self._aliases.get(_alias_form(name))
        return alias is not None and alias.group is None and not alias.ambiguous

    def story_ids(self, text: str, url: str | None = None, folded: str | None = None) -> tuple[str, ...]:
        """Outlets the article names unambiguously (and its URL's outlet), in order of first mention."""
        ids = [outlet.id for outlet in (self.by_domain(url) if url else None,) if outlet]
        folded = fold(text) if folded is None else folded
        ids += [alias.entry.id for alias, _, _ in self._matches(text, folded) if alias.group is None]
        return tuple(dict.fromkeys(ids))

    def by_domain(self, url: str) -> Outlet | None:
        """The outlet publishing at an address ("https://www.aljazeera.net/news/..." -> Al Jazeera).

        The longest registered domain the host ends with wins, so "factcheckarabic.afp.com" is AFP Fact Check.
        """
        entry = self._domain_entry(url)
        return entry.outlet() if entry else None

    def heads_in(self, text: str, folded: str | None = None) -> list[OutletHead]:
        """Outlet phrases by their head word ("وكالة الأنباء الموريتانية", "صحيفة «X»", "the X news agency").

        Each is an outlet, never a speaker, known or not: `head.outlet.known` says whether the registry has it.
        """
        return find_heads(text, self._data.heads, self.find, self._blocked, folded)

    def never_an_outlet(self, name: str) -> bool:
        """A name heads.toml says no outlet bears ("فيس بوك", "Twitter", "الأمم المتحدة"): a platform or a body."""
        return search_form(name) in self._data.heads.not_names

    def affiliate_network(self, outlet_id: str) -> bool:
        """A network whose name with a channel number is a local station ("FOX 13", "ABC 7"; heads.toml)."""
        return outlet_id in self._data.heads.affiliate_networks

    def with_extra(self, entries: Iterable[Any]) -> OutletRegistry:
        """This registry plus outlets (or extra aliases of known ones) kept in the database."""
        extra = [entry_from(item) for item in entries]
        return OutletRegistry((*self._entries, *extra), self._context, self._data, tolerant=True)

    def _domain_entry(self, url: str) -> OutletEntry | None:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
        parts = host.split(".")
        for start in range(len(parts) - 1):
            entry = self._domains.get(".".join(parts[start:]))
            if entry is not None:
                return entry
        return None

    def _matches(self, text: str, folded: str) -> Iterable[tuple[_Alias, int, int]]:
        for alias, start, end in self._matcher.finditer(folded):
            if self._accepts(alias, text, folded, start, end):
                yield alias, start, end

    def _pick(self, group: Lookalike, story: Collection[str], url: str | None, kind: str | None = None
              ) -> OutletEntry:
        """The URL's own outlet; else, among members of the kind the head word says ("قناة الجزيرة": tv), the one
        the story names, else the one from the URL's country, else the first (the group's default)."""
        home = self._domain_entry(url) if url else None
        if home is not None and home.id in group.outlets:
            return home
        members = [self._by_id[i] for i in group.outlets]
        members = [m for m in members if m.kind == kind] or members
        for outlet_id in story:
            member = next((m for m in members if m.id == outlet_id), None)
            if member is not None:
                return member
        if home is not None:
            member = next((m for m in members if m.country == home.country), None)
            if member is not None:
                return member
        return members[0]

    def _accepts(self, alias: _Alias, text: str, folded: str, start: int, end: int) -> bool:
        if alias.needs_capitals and not text[start:end].isupper():
            return False
        if text[start].isascii() and text[start].islower() and not alias.text[:1].islower() and not (
                ARTICLE_NAME.match(text, start) and not _longer_name_after(text, end)):
            return False  # "a new TV series" is not New TV: Latin names are written with a capital
        if self._blocked(folded, start, end) or _inside_longer_quote(folded, start, end):
            return False
        if alias.strict:
            return self._has_head(folded, start, end) or self._reported_the_name(text, folded, start, end)
        return not alias.ambiguous or self._has_context(text, folded, start, end)

    def _has_head(self, folded: str, start: int, end: int) -> bool:
        """A strict alias ("البيان", "الدستور") is an outlet only after an outlet word, in quotes or a dateline."""
        before = folded[max(0, start - 40):start]
        after = folded[end:end + 25]
        return _quoted(before, after) or _opens_report(before, after) or bool(self._head_before and (
            self._head_before.search(before) or self._head_after.match(after)))

    def _reported_the_name(self, text: str, folded: str, start: int, end: int) -> bool:
        """"told The Sun", "according to The Sun": a strict Latin name written with its capitalised "The" counts
        after a reporting word ("the sun", "Sun said" of a Mr Sun, "The National reported" do not)."""
        if not (_is_latin(text[start:end]) and text[start].isupper() and text[max(0, start - 4):start] == "The "):
            return False
        following = _NEXT_WORD.match(text, end)
        if following and following.group(1)[:1].isupper():
            return False  # "according to The National Weather Service": a longer name
        return bool(self._before.search(folded[max(0, start - 44):start - 4] + " "))

    def _blocked(self, folded: str, start: int, end: int) -> bool:
        """"برنامج الأهرام", "مركز الأهرام للدراسات", "Times Square": a programme, a centre, a place, not the outlet."""
        return bool((self._blocked_before and self._blocked_before.search(folded[max(0, start - 30):start]))
                    or (self._blocked_after and self._blocked_after.match(folded[end:end + 30])))

    def _has_context(self, text: str, folded: str, start: int, end: int) -> bool:
        before = folded[max(0, start - 40):start]
        after = folded[end:end + 25]
        if _quoted(before, after) or _in_dateline(before, after):
            return True
        if _is_latin(text[start:end]):
            if not (text[start].isupper() or text[start].isdigit()):  # "9News", "7 News"
                return False
            following = _NEXT_WORD.match(text, end)
            if following and following.group(1).isupper():
                return False  # "the National Security Agency", "Time Warner": part of a longer name
            if _longer_name_before(text, start):
                return False  # "Sports Business News", "Apple Insider"
        return bool(self._before.search(before) or self._after.match(after)) or self._told(folded, start, after)

    def _told(self, folded: str, start: int, after: str) -> bool:
        """"وقال مسؤول للجزيرة إن", "وأكد مصدر للحدث أن": a glued "ل" after a reporting verb, then what was said."""
        if folded[start - 1:start] != "ل" or not _SAID_FOLLOWS.match(after) or not self._data.heads.cue_words:
            return False
        return any(word in self._data.heads.cue_words or word[1:] in self._data.heads.cue_words
                   for word in folded[max(0, start - 45):start].split()[:-1])


def outlet_key(name: str) -> str:
    """The comparison form of an outlet name: folded, no punctuation, "the"/"ال"/outlet words dropped."""
    key = _KEY_NOISE.sub(" ", search_form(name).lower())
    words = key.split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[0] in _KEY_OUTLET_WORDS:
        words = words[1:]
    return "".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


def _alias_form(alias: str) -> str:
    """How an alias is matched: its folded words, a leading "the" left to the text."""
    return " ".join(alias_words(alias))


def _with_parts(names: Iterable[str]) -> Iterable[str]:
    """Each name, and for "Saudi Press Agency (SPA)" also "Saudi Press Agency" and "SPA"; "CBC (Egypt)" gives "CBC"."""
    for name in names:
        yield name
        match = _PARENTHESISED.fullmatch(name)
        short = match.group(2).strip() if match else ""
        if short and " " not in short and (short.isupper() or not short.isascii()):
            yield from (match.group(1).strip(), short)  # "(SPA)", "(واس)"; not a qualifier such as "(Egypt)"


def _redundant(form: str, forms: set[str]) -> bool:
    """"صحيفة الرياض" when "الرياض" is listed too: the bare name matches (the outlet word is its context), and its
    span is the name alone."""
    head, _, rest = form.partition(" ")
    return head in _KEY_OUTLET_WORDS and rest in forms


def _group_index(groups: Iterable[Lookalike], by_id: dict[str, OutletEntry]) -> dict[str, Lookalike]:
    index: dict[str, Lookalike] = {}
    for group in groups:
        missing = [i for i in group.outlets if i not in by_id]
        if missing or not group.outlets:
            raise InputError(f"look-alike {list(group.names)}: unknown outlet ids {missing or '(none listed)'}")
        for name in group.names:
            index[_alias_form(name)] = group
    return index


def _context_pattern(words: tuple[str, ...], *, at_end: bool) -> re.Pattern[str]:
    body = "|".join(_SEPARATOR.join(map(re.escape, fold(w).split())) for w in sorted(words, key=len, reverse=True))
    if at_end:
        return re.compile(rf"(?<!\w)[وفبل]?(?:{body})(?:\s*ل\s*ـ?)?[\s\"'(:ـ]*(?:the\s+)?$")
    return re.compile(rf"[\s\"')]*(?:{body})(?!\w)")


def _quoted(before: str, after: str) -> bool:
    return before.rstrip(" ـ")[-1:] in _QUOTES and after.lstrip()[:1] in _QUOTES


def _longer_name_before(text: str, start: int) -> bool:
    """A capitalised word right before, not a possessive, a compound or a sentence opener, extends the name."""
    match = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if not match:
        return False
    word = match.group(1)
    return (word[:1].isupper() and "-" not in word and not word.endswith(("'s", "’s", "'", "’"))
            and word.lower() not in _OPENERS and not _SENTENCE_END.search(text, max(0, match.start() - 3), match.start()))


def _longer_name_after(text: str, end: int) -> bool:
    """A capitalised word right after a name, not a broadcast word, makes a longer name: "the al-Quds Brigades" is
    no paper ("al-Manar TV" is the channel)."""
    following = _NEXT_WORD_WHOLE.match(text, end)
    return bool(following) and following.group(1)[:1].isupper() and following.group(1) not in _BROADCAST_WORDS


_NEXT_WORD_WHOLE = re.compile(r"[ \t]+([\w'’-]+)")
_BROADCAST_WORDS = frozenset({"TV", "Television", "News", "Radio", "Channel", "Network", "Online"})


def _inside_longer_quote(folded: str, start: int, end: int) -> bool:
    """«الفجر الجديد» is not الفجر: a name opening a quotation that goes on is part of a longer name."""
    if folded[max(0, start - 2):start].rstrip()[-1:] not in _QUOTES:
        return False
    after = folded[end:end + 40]
    closing = min((after.find(q) for q in _QUOTES if q in after), default=-1)
    return closing > 0 and bool(after[:closing].strip())


def _in_dateline(before: str, after: str) -> bool:
    return before.rstrip()[-1:] == "(" and after.lstrip()[:1] == ")"


def _opens_report(before: str, after: str) -> bool:
    """A dateline's brackets followed by its dash or colon ("القاهرة (الأهرام) -"), not a bracketed word inside a
    sentence ("بمحافظة دير الزور (شرق)،": east, not the Iranian daily Shargh)."""
    return _in_dateline(before, after) and re.match(r"\s*\)\s*(?:[-—–:]|$)", after) is not None


def _is_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


def parse_registry(data: dict[str, Any], context: OutletContext) -> OutletRegistry:
    """A registry from parsed registry data (outlets, look-alikes, words); bad data names the entry at fault."""
    entries = [parse_entry(number, raw) for number, raw in enumerate(data.get("outlet", []), start=1)]
    lookalikes = tuple(Lookalike(tuple(raw["names"]), tuple(raw["outlets"]), bool(raw.get("strict", False)))
                       for raw in data.get("lookalike", []))
    blocked = data.get("not_outlet", {})
    matching = MatchData(lookalikes, tuple(blocked.get("before", ())), tuple(blocked.get("after", ())),
                         HeadWords.from_data(data.get("heads", {})))
    return OutletRegistry(entries, context, matching)


def load_context() -> OutletContext:
    with open(DATA_DIR / "cues.toml", "rb") as handle:
        data = tomllib.load(handle)["outlet_context"]
    return OutletContext(before=tuple(data["before"]), after=tuple(data["after"]))


def read_registry_data() -> dict[str, Any]:
    """All registry files merged: their [[outlet]] and [[lookalike]] lists joined, their tables combined."""
    merged: dict[str, Any] = {"outlet": [], "lookalike": []}
    for path in sorted(OUTLETS_DIR.glob("*.toml")):
        with open(path, "rb") as handle:
            try:
                data = tomllib.load(handle)
            except tomllib.TOMLDecodeError as error:
                raise InputError(f"{path.name}: {error}") from None
        for key, value in data.items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            else:
                merged.setdefault(key, {}).update(value)
    return merged


@cache
def load_registry() -> OutletRegistry:
    """The shipped registry (checker/data/outlets/*.toml), built once per process."""
    return parse_registry(read_registry_data(), load_context())
