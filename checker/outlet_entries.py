"""Outlet entries as the registry files and the database list them: what an entry holds and how one is read.

`checker.outlets` builds the registry from these; a bad entry is refused with the entry named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Iterable

from checker.errors import InputError
from checker.models import Outlet

KINDS = frozenset({"wire", "newspaper", "tv", "radio", "site", "magazine", "fact-checker"})
KIND_SYNONYMS = {"agency": "wire", "news agency": "wire", "website": "site", "television": "tv"}
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
BARE_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


@dataclass(frozen=True)
class OutletEntry:
    """One organisation as listed in the registry data (or added by a reviewer)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    country: str | None = None
    ambiguous: tuple[str, ...] = ()
    name_ar: str | None = None
    domains: tuple[str, ...] = ()
    strict: tuple[str, ...] = ()

    def outlet(self) -> Outlet:
        return Outlet(id=self.id, name=self.name, known=True)


@dataclass(frozen=True)
class Lookalike:
    """A short name several outlets answer to ("the Times"); `outlets` in order of preference, first = default."""

    names: tuple[str, ...]
    outlets: tuple[str, ...]
    strict: bool = False


@dataclass(frozen=True)
class OutletContext:
    """Words that make an ambiguous alias an outlet: before it, and after it."""

    before: tuple[str, ...]
    after: tuple[str, ...]


def merge_entries(entries: Iterable[OutletEntry]) -> tuple[OutletEntry, ...]:
    """One entry per id; a later entry with a known id adds its aliases to the earlier one."""
    merged: dict[str, OutletEntry] = {}
    for entry in entries:
        base = merged.get(entry.id)
        if base is None:
            merged[entry.id] = entry
            continue
        new_aliases = tuple(a for a in entry.aliases if a not in base.aliases and a != base.name)
        merged[entry.id] = OutletEntry(base.id, base.name, base.aliases + new_aliases, base.kind or entry.kind,
                                       base.country or entry.country, base.ambiguous, base.name_ar, base.domains, base.strict)
    return tuple(merged.values())


def entry_from(item: Any) -> OutletEntry:
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
                       ambiguous=tuple(getattr(item, "ambiguous", ()) or ()),
                       domains=tuple(getattr(item, "domains", ()) or ()))


# The keys an outlet entry may have: a misspelt one ("programs") is refused rather than silently ignored.
ENTRY_KEYS = frozenset({"id", "name", "name_ar", "kind", "country", "aliases", "programmes", "ambiguous", "strict",
                        "domains"})


def parse_entry(number: int, raw: dict[str, Any]) -> OutletEntry:
    if not raw.get("id") or not raw.get("name"):
        raise InputError(f"outlet number {number} in the registry data needs an id and a name")
    where = f"outlet {raw['id']!r}"
    unknown_keys = sorted(set(raw) - ENTRY_KEYS)
    if unknown_keys:
        raise InputError(f"{where}: unknown keys {unknown_keys} (an entry has {sorted(ENTRY_KEYS)})")
    # a programme the outlet broadcasts names it: a guest speaking on "Face the Nation" spoke to CBS
    aliases = tuple(raw.get("aliases", ())) + tuple(raw.get("programmes", ()))
    ambiguous = tuple(raw.get("ambiguous", ()))
    strict = tuple(raw.get("strict", ()))
    unknown = [a for a in (*ambiguous, *strict) if a not in aliases and a != raw["name"] and a != raw.get("name_ar")]
    if unknown:
        raise InputError(f"{where}: ambiguous names {unknown} are not among its aliases")
    kind = KIND_SYNONYMS.get(raw.get("kind"), raw.get("kind"))  # type: ignore[arg-type]
    if kind is not None and kind not in KINDS:
        raise InputError(f"{where}: kind {raw['kind']!r} is not one of {sorted(KINDS)}")
    if raw.get("country") is not None and not COUNTRY_CODE.match(raw["country"]):
        raise InputError(f"{where}: country {raw['country']!r} is not a two-letter ISO code")
    domains = tuple(d.lower() for d in raw.get("domains", ()))
    bad = [d for d in domains if not BARE_DOMAIN.match(d)]
    if bad:
        raise InputError(f"{where}: {bad} are not bare domains (write 'example.com', no scheme or path)")
    return OutletEntry(id=raw["id"], name=raw["name"], aliases=aliases, kind=kind,
                       country=raw.get("country"), ambiguous=ambiguous, name_ar=raw.get("name_ar"), domains=domains,
                       strict=strict)
