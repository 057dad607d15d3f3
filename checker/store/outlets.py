"""The `outlets` table: registry outlets that evidence refers to, plus outlets reviewers or imports added.

The shipped registry (`checker/data/outlets/*.toml`) stays the authority for the
outlets it knows; the database only adds to it. Rows have an `origin`:
"registry" (copied from the registry so documents can reference them),
"reviewer" (typed on the Sources page) or "import" (an unknown outlet name met
in imported evidence). Everything not from the registry goes back into the
registry as extras (`registry_with_db`), so the next analysis recognises it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Iterable

import sqlite_utils

from checker.errors import InputError
from checker.normalize import search_form
from checker.outlets import OutletRegistry, load_registry
from checker.store.db import run_write

REGISTRY = "registry"
REVIEWER = "reviewer"
IMPORT = "import"
MAX_CACHED_REGISTRIES = 8
_extended: dict[tuple[StoredOutlet, ...], OutletRegistry] = {}


@dataclass(frozen=True)
class StoredOutlet:
    """An outlet row; field names match the registry's entries so it can be passed to `with_extra`."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    country: str | None = None
    origin: str = REVIEWER
    domains: tuple[str, ...] = ()  # from the registry only: the table has no column for them


def outlet_slug(name: str) -> str:
    """A readable id: 'Al Sumaria TV' -> 'al-sumaria-tv'; Arabic names keep their (folded) letters."""
    slug = re.sub(r"[^\w]+", "-", search_form(name).lower()).strip("-_")
    if not slug:
        raise InputError(f"{name!r} cannot be used as an outlet name")
    return slug


def sync_outlets(db: sqlite_utils.Database, registry: OutletRegistry | None = None) -> int:
    """Copy every registry outlet into the table (keeping aliases reviewers added); returns how many."""
    entries = [_from_entry(entry) for entry in (registry or load_registry()).entries()]

    def write() -> int:
        for entry in entries:
            _upsert_registry_row(db, entry)
        return len(entries)

    return run_write(db, write)


def add_outlet(db: sqlite_utils.Database, name: str, *, aliases: Iterable[str] = (), kind: str | None = "news",
               country: str | None = None, origin: str = REVIEWER) -> StoredOutlet:
    """Register an outlet the registry lacks; refused if the name is already taken by another outlet."""
    name = name.strip()
    if not name:
        raise InputError("an outlet needs a name")
    known = load_registry().find(name)
    existing = known if known is not None and getattr(known, "known", True) else find_stored(db, name)
    if existing is not None:
        raise InputError(f"{name!r} is already known as the outlet {existing.name!r} (id {existing.id})")
    outlet = StoredOutlet(id=_free_id(db, outlet_slug(name)), name=name, aliases=_clean_aliases(aliases, name),
                          kind=kind, country=country, origin=origin)
    run_write(db, lambda: db["outlets"].insert(_row(outlet)))
    return outlet


def add_alias(db: sqlite_utils.Database, outlet_id: str, alias: str) -> StoredOutlet:
    """Teach checker another spelling of a stored outlet (e.g. an Arabic name for an English one)."""
    outlet = get_stored(db, outlet_id)
    if outlet is None:
        raise InputError(f"no outlet with id {outlet_id!r} in the database (sync the registry first?)")
    if not alias.strip():
        raise InputError("type the other spelling to add")
    known = registry_with_db(db).find(alias)
    if known is not None and known.id != outlet_id:
        raise InputError(f"{alias!r} already names another outlet, {known.name!r} (id {known.id})")
    updated = replace(outlet, aliases=_clean_aliases((*outlet.aliases, alias), outlet.name))
    run_write(db, lambda: db["outlets"].upsert(_row(updated), pk="id"))
    return updated


def remove_alias(db: sqlite_utils.Database, outlet_id: str, alias: str) -> StoredOutlet:
    """Undo a spelling a reviewer taught; the shipped registry's own spellings stay (edit its data file)."""
    outlet = get_stored(db, outlet_id)
    if outlet is None or alias not in outlet.aliases:
        raise InputError(f"{alias!r} is not a stored spelling of outlet {outlet_id!r}")
    shipped = next((e for e in load_registry().entries() if e.id == outlet_id), None)
    if shipped is not None and alias in (getattr(shipped, "aliases", ()) or ()):
        raise InputError(f"{alias!r} is in the shipped registry: edit checker/data/outlets to change it")
    updated = replace(outlet, aliases=tuple(a for a in outlet.aliases if a != alias))
    run_write(db, lambda: db["outlets"].upsert(_row(updated), pk="id"))
    return updated


def get_stored(db: sqlite_utils.Database, outlet_id: str) -> StoredOutlet | None:
    rows = list(db["outlets"].rows_where("id = ?", [outlet_id]))
    return _from_row(rows[0]) if rows else None


def stored_outlets(db: sqlite_utils.Database, *, include_registry: bool = False) -> list[StoredOutlet]:
    """Outlets in the database, by name; by default only those the registry does not ship."""
    where = None if include_registry else "origin != ?"
    params = None if include_registry else [REGISTRY]
    return [_from_row(row) for row in db["outlets"].rows_where(where, params, order_by="name")]


def find_stored(db: sqlite_utils.Database, name: str) -> StoredOutlet | None:
    """A stored outlet whose id, name or alias matches `name` after Arabic/Latin folding."""
    wanted = search_form(name).lower()
    for outlet in stored_outlets(db, include_registry=True):
        if wanted in {outlet.id.lower(), *(search_form(n).lower() for n in (outlet.name, *outlet.aliases))}:
            return outlet
    return None


def registry_with_db(db: sqlite_utils.Database, registry: OutletRegistry | None = None) -> OutletRegistry:
    """The shipped registry plus the outlets and aliases added in this database.

    Building the alias matcher costs ~0.1 s, so the result is kept for as long as the database adds the same
    outlets: every analysis and every rerun of the desk asks for it (the shipped registry only).
    """
    if registry is not None:
        return registry.with_extra(extra_entries(db, registry))
    extras = tuple(extra_entries(db))
    if extras not in _extended:
        if len(_extended) >= MAX_CACHED_REGISTRIES:
            _extended.clear()
        _extended[extras] = load_registry().with_extra(extras)
    return _extended[extras]


def extra_entries(db: sqlite_utils.Database, registry: OutletRegistry | None = None) -> list[StoredOutlet]:
    """Non-registry outlets, and registry outlets carrying only the aliases reviewers added to them."""
    shipped = {entry.id: entry for entry in map(_from_entry, (registry or load_registry()).entries())}
    extras = []
    for outlet in stored_outlets(db, include_registry=True):
        base = shipped.get(outlet.id)
        if base is None:
            extras.append(outlet)
            continue
        added = tuple(alias for alias in outlet.aliases if alias not in base.aliases)
        if added:
            extras.append(StoredOutlet(id=outlet.id, name=base.name, aliases=added, kind=base.kind,
                                       country=base.country, origin=REVIEWER))
    return extras


def resolve_outlet(db: sqlite_utils.Database, name: str, *, registry: OutletRegistry | None = None,
                   create: bool = True, url: str | None = None) -> tuple[StoredOutlet | None, bool]:
    """(outlet, created) for an id or any name/alias; an unknown name becomes a new "import" outlet.

    `url` (the document's address) decides when the name is missing or unknown: a registry outlet publishing at
    that domain is taken before a new outlet is made. Call inside a write transaction: it may insert the row the
    document will reference.
    """
    name = name.strip()
    registry = registry or load_registry()
    by_url = registry.by_domain(url) if url else None
    if not name:
        return (_ensure_registry_row(db, by_url.id, registry), False) if by_url else (None, False)
    known = registry.get(name) or registry.resolve(name, url=url)
    if known is not None and getattr(known, "known", True):
        return _ensure_registry_row(db, known.id, registry), False
    stored = find_stored(db, name)
    if stored is None and by_url is not None:
        return _ensure_registry_row(db, by_url.id, registry), False
    if stored is not None or not create:
        return stored, False
    outlet = StoredOutlet(id=_free_id(db, outlet_slug(name)), name=name, kind="news", origin=IMPORT)
    db["outlets"].insert(_row(outlet))
    return outlet, True


def _ensure_registry_row(db: sqlite_utils.Database, outlet_id: str, registry: OutletRegistry) -> StoredOutlet:
    stored = get_stored(db, outlet_id)
    if stored is not None:
        return stored
    entry = next((e for e in map(_from_entry, registry.entries()) if e.id == outlet_id), None)
    if entry is None:
        outlet = registry.get(outlet_id)
        entry = StoredOutlet(id=outlet_id, name=outlet.name if outlet else outlet_id, origin=REGISTRY)
    return _upsert_registry_row(db, entry)


def _upsert_registry_row(db: sqlite_utils.Database, entry: StoredOutlet) -> StoredOutlet:
    stored = get_stored(db, entry.id)
    reviewer_aliases = stored.aliases if stored else ()
    merged = StoredOutlet(id=entry.id, name=entry.name, aliases=_clean_aliases((*entry.aliases, *reviewer_aliases),
                          entry.name), kind=entry.kind, country=entry.country, origin=REGISTRY)
    db["outlets"].upsert(_row(merged), pk="id")
    return merged


def _free_id(db: sqlite_utils.Database, slug: str) -> str:
    candidate, n = slug, 2
    while get_stored(db, candidate) is not None:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _clean_aliases(aliases: Iterable[str], name: str) -> tuple[str, ...]:
    seen = {search_form(name).lower()}
    cleaned = []
    for alias in (a.strip() for a in aliases):
        key = search_form(alias).lower()
        if alias and key not in seen:
            seen.add(key)
            cleaned.append(alias)
    return tuple(cleaned)


def _from_entry(entry: Any) -> StoredOutlet:
    """Registry entries are read by attribute, so this works with whatever class the registry uses."""
    return StoredOutlet(
        id=entry.id, name=entry.name, aliases=tuple(getattr(entry, "aliases", ()) or ()),
        kind=getattr(entry, "kind", None), country=getattr(entry, "country", None), origin=REGISTRY,
        domains=tuple(getattr(entry, "domains", ()) or ()),
    )


def _row(outlet: StoredOutlet) -> dict[str, Any]:
    return {
        "id": outlet.id, "name": outlet.name, "aliases": json.dumps(list(outlet.aliases), ensure_ascii=False),
        "kind": outlet.kind, "country": outlet.country, "origin": outlet.origin,
        "updated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _from_row(row: dict[str, Any]) -> StoredOutlet:
    return StoredOutlet(id=row["id"], name=row["name"], aliases=tuple(json.loads(row["aliases"] or "[]")),
                        kind=row["kind"], country=row["country"], origin=row["origin"] or REVIEWER)
