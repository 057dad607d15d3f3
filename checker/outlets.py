"""The outlet registry: which news organisations checker knows, under every spelling.

Matching runs on `fold`ed text (same length as the original), so a mention's
offsets point straight into the article. Aliases that are also ordinary words
("AP", "Time", "الوطن", "النهار") are marked ambiguous in `checker/data/outlets.toml`
and only count with context: an outlet word before them ("صحيفة", "agency"),
quotation marks or a dateline's parentheses around them, or a reporting verb.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any, Iterable

from checker.config import DATA_DIR
from checker.errors import InputError
from checker.models import Outlet
from checker.normalize import fold, search_form

_SEPARATOR = r"[\s\-‐.·]+"
_ARABIC_CLITICS = "(?:[وفبلك]{1,2})?"
_QUOTES = "\"'"
_KEY_NOISE = re.compile(r"[^\w\s]")
_KEY_OUTLET_WORDS = ("صحيفه", "جريده", "وكاله", "قناه", "موقع", "مجله", "اذاعه", "شبكه")


@dataclass(frozen=True)
class OutletEntry:
    """One organisation as listed in the registry data (or added by a reviewer)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    country: str | None = None
    ambiguous: tuple[str, ...] = ()

    def outlet(self) -> Outlet:
        return Outlet(id=self.id, name=self.name, known=True)


@dataclass(frozen=True)
class _Alias:
    entry: OutletEntry
    text: str
    ambiguous: bool

    @property
    def needs_capitals(self) -> bool:
        """Acronyms such as "SANA" or "AP" are names only when written in capitals."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isascii() and c.isupper() for c in letters)


@dataclass(frozen=True)
class OutletContext:
    """Words that make an ambiguous alias an outlet: before it, and after it."""

    before: tuple[str, ...]
    after: tuple[str, ...]


class OutletRegistry:
    """Known outlets with a compiled alias matcher; immutable, so it can be cached and shared."""

    def __init__(self, entries: Iterable[OutletEntry], context: OutletContext) -> None:
        self._entries = _merge(entries)
        self._context = context
        self._by_id = {entry.id: entry for entry in self._entries}
        self._by_key: dict[str, OutletEntry] = {}
        self._aliases: dict[str, _Alias] = {}
        for entry in self._entries:
            self._index(entry)
        self._matcher = _compile(self._aliases)
        self._before = _context_pattern(context.before, at_end=True)
        self._after = _context_pattern(context.after, at_end=False)

    def _index(self, entry: OutletEntry) -> None:
        for name in (entry.id, entry.name, *entry.aliases):
            self._by_key.setdefault(outlet_key(name), entry)
        for alias in (entry.name, *entry.aliases):
            folded = _alias_form(alias)
            if folded and folded not in self._aliases:
                self._aliases[folded] = _Alias(entry, alias, alias in entry.ambiguous or _is_ambiguous_name(entry, alias))

    def entries(self) -> tuple[OutletEntry, ...]:
        return self._entries

    def get(self, outlet_id: str) -> Outlet | None:
        entry = self._by_id.get(outlet_id)
        return entry.outlet() if entry else None

    def kind(self, outlet: Outlet) -> str | None:
        """newspaper, wire, tv, site, magazine ...; None for an outlet caught only by its pattern."""
        entry = self._by_id.get(outlet.id)
        return entry.kind if entry else None

    def find(self, name: str) -> Outlet | None:
        """The outlet any spelling names, ignoring quotes, "the"/"ال", diacritics and outlet words."""
        entry = self._by_id.get(name.strip()) or self._by_key.get(outlet_key(name))
        return entry.outlet() if entry else None

    def find_in(self, text: str) -> list[tuple[Outlet, int, int]]:
        """Every outlet mentioned in `text`, with the span of the name (clitics such as "لـ" left out)."""
        folded = fold(text)
        found = []
        for match in self._matcher.finditer(folded):
            alias = self._aliases.get(_alias_form(match.group(1)))
            if alias and self._accepts(alias, text, folded, match.start(1), match.end(1)):
                found.append((alias.entry.outlet(), match.start(1), match.end(1)))
        return found

    def with_extra(self, entries: Iterable[Any]) -> OutletRegistry:
        """This registry plus outlets (or extra aliases of known ones) kept in the database."""
        extra = [_entry_from(item) for item in entries]
        return OutletRegistry((*self._entries, *extra), self._context)

    def _accepts(self, alias: _Alias, text: str, folded: str, start: int, end: int) -> bool:
        if alias.needs_capitals and not text[start:end].isupper():
            return False
        return not alias.ambiguous or self._has_context(text, folded, start, end)

    def _has_context(self, text: str, folded: str, start: int, end: int) -> bool:
        before = folded[max(0, start - 40):start]
        after = folded[end:end + 25]
        if _quoted(before, after) or _in_dateline(before, after):
            return True
        if _is_latin(text[start:end]) and not text[start].isupper():
            return False
        return bool(self._before.search(before) or self._after.match(after))


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
    """How an alias is matched: folded, separators as one space, a leading "the" left to the text."""
    form = re.sub(_SEPARATOR, " ", fold(alias)).strip(" " + _QUOTES)
    return form[4:] if form.startswith("the ") and len(form) > 4 else form


def _is_ambiguous_name(entry: OutletEntry, alias: str) -> bool:
    return alias == entry.name and entry.name in entry.ambiguous


def _compile(aliases: dict[str, _Alias]) -> re.Pattern[str]:
    forms = sorted(aliases, key=len, reverse=True)
    body = "|".join(_SEPARATOR.join(map(re.escape, form.split())) for form in forms)
    return re.compile(rf"(?<!\w){_ARABIC_CLITICS}({body})(?!\w)")


def _context_pattern(words: tuple[str, ...], *, at_end: bool) -> re.Pattern[str]:
    body = "|".join(_SEPARATOR.join(map(re.escape, fold(w).split())) for w in sorted(words, key=len, reverse=True))
    if at_end:
        return re.compile(rf"(?<!\w)[وفبل]?(?:{body})(?:\s*ل\s*ـ?)?[\s\"'(:ـ]*$")
    return re.compile(rf"[\s\"')]*(?:{body})(?!\w)")


def _quoted(before: str, after: str) -> bool:
    return before.rstrip(" ـ")[-1:] in _QUOTES and after.lstrip()[:1] in _QUOTES


def _in_dateline(before: str, after: str) -> bool:
    return before.rstrip()[-1:] == "(" and after.lstrip()[:1] == ")"


def _is_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


def _merge(entries: Iterable[OutletEntry]) -> tuple[OutletEntry, ...]:
    """One entry per id; a later entry with a known id adds its aliases to the earlier one."""
    merged: dict[str, OutletEntry] = {}
    for entry in entries:
        base = merged.get(entry.id)
        if base is None:
            merged[entry.id] = entry
            continue
        new_aliases = tuple(a for a in entry.aliases if a not in base.aliases and a != base.name)
        merged[entry.id] = OutletEntry(base.id, base.name, base.aliases + new_aliases, base.kind or entry.kind,
                                       base.country or entry.country, base.ambiguous)
    return tuple(merged.values())


def _entry_from(item: Any) -> OutletEntry:
    """Database rows and other registries' entries are read by attribute (id, name, aliases, kind, country)."""
    if isinstance(item, OutletEntry):
        return item
    if isinstance(item, dict):
        item = SimpleNamespace(**item)
    aliases = getattr(item, "aliases", ()) or ()
    if isinstance(aliases, str):
        aliases = (aliases,)
    return OutletEntry(id=str(item.id), name=str(item.name), aliases=tuple(aliases),
                       kind=getattr(item, "kind", None), country=getattr(item, "country", None),
                       ambiguous=tuple(getattr(item, "ambiguous", ()) or ()))


def parse_registry(data: dict[str, Any], context: OutletContext) -> OutletRegistry:
    """A registry from parsed outlets.toml data; bad data names the entry at fault."""
    entries = []
    for number, raw in enumerate(data.get("outlet", []), start=1):
        if not raw.get("id") or not raw.get("name"):
            raise InputError(f"outlet number {number} in the registry data needs an id and a name")
        ambiguous = tuple(raw.get("ambiguous", ()))
        unknown = [a for a in ambiguous if a not in raw.get("aliases", ()) and a != raw["name"]]
        if unknown:
            raise InputError(f"outlet {raw['id']!r}: ambiguous names {unknown} are not among its aliases")
        entries.append(OutletEntry(id=raw["id"], name=raw["name"], aliases=tuple(raw.get("aliases", ())),
                                   kind=raw.get("kind"), country=raw.get("country"), ambiguous=ambiguous))
    return OutletRegistry(entries, context)


def load_context() -> OutletContext:
    data = _read_toml("cues.toml")["outlet_context"]
    return OutletContext(before=tuple(data["before"]), after=tuple(data["after"]))


@cache
def load_registry() -> OutletRegistry:
    """The shipped registry (checker/data/outlets.toml), built once per process."""
    return parse_registry(_read_toml("outlets.toml"), load_context())


def _read_toml(name: str) -> dict[str, Any]:
    with open(DATA_DIR / name, "rb") as handle:
        return tomllib.load(handle)
