"""Near-duplicate passages: the same story syndicated by ten sites is one report, not ten confirmations.

Each passage gets a MinHash signature of its word 3-shingles (on the
normalised search form, so hamza, diacritics and Arabic-Indic digits do not
count as differences). Locality-sensitive hashing (BANDS bands of ROWS rows,
stored in `dedup_bands`) finds the earlier passages that may be copies; a
candidate joins the passage to its group only if the exact Jaccard overlap of
their shingles is at least SAME_STORY *and* they carry the same numbers: a
copy that changed "2,500 troops" into "3,500" is a different report, and the
stance checks must see it. Passages of fewer than MIN_WORDS words ("The
attack caused no casualties.") are too generic to call copies and stay alone.

`passage_groups` maps every passage to its group (the id of the group's first
passage). Readers:

- `group_ids(db, ids)`: passage -> group (a passage stored before migration 2,
  or never grouped, is its own group);
- `distinct_reports(db, hits)`: the hits with one entry per group, the best
  ranked first, each with the other outlets that carried it ("also carried by");
- `independent_outlets(db, hits)`: the outlets that reported independently:
  for each group among the hits, the outlet that published it first.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import sqlite_utils

from checker.models import PassageHit
from checker.normalize import search_form
from checker.numbers import find_numbers
from checker.store.db import is_postgres

SHINGLE_WORDS = 3
BANDS = 10
ROWS = 3  # 30 hash functions; a pair with Jaccard 0.6 becomes a candidate 91% of the time, 0.8: 99.99%
SAME_STORY = 0.6
MIN_WORDS = 8
MAX_PER_KEY = 50  # passages read per band key (the latest): boilerplate shared by thousands costs nothing
MAX_VERIFY = 5  # candidates compared exactly, those sharing the most bands
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20261202)  # fixed: stored band keys must mean the same in every process
_A = _rng.integers(1, _PRIME, size=BANDS * ROWS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=BANDS * ROWS, dtype=np.uint64)
_WORD = re.compile(r"[^\W_]+")


def create_tables(db: sqlite_utils.Database) -> None:
    """Part of migration 2 (checker.store.db): never change these statements, add a later migration instead."""
    db.execute("CREATE TABLE passage_groups (passage_id INTEGER PRIMARY KEY REFERENCES passages(id), "
               "group_id INTEGER NOT NULL)")
    db.execute("CREATE INDEX passage_groups_group ON passage_groups (group_id)")
    db.execute("CREATE TABLE dedup_bands (key INTEGER NOT NULL, passage_id INTEGER NOT NULL, "
               "PRIMARY KEY (key, passage_id)) WITHOUT ROWID")


@dataclass(frozen=True)
class Fingerprint:
    """What decides whether two passages are copies: shingle hashes, LSH band keys, and (read only when the
    shingles agree) the figures the text states."""

    text: str
    shingles: frozenset[int]
    bands: tuple[int, ...]

    @cached_property
    def numbers(self) -> frozenset[float]:
        """Every figure and date, written in digits or words ("three", "ثلاثة", "2,500", "٢٥٠٠")."""
        return frozenset(n.value for n in find_numbers(self.text) if n.value is not None)


def fingerprint(text: str) -> Fingerprint | None:
    """None for a passage too short to call a copy of anything."""
    shingled = shingles(text)
    if shingled is None:
        return None
    values = np.fromiter(shingled, dtype=np.uint64, count=len(shingled)) % _PRIME
    signature = ((_A[:, None] * values[None, :] + _B[:, None]) % _PRIME).min(axis=1)
    return Fingerprint(text, shingled, tuple(_band_key(band, signature[band * ROWS:(band + 1) * ROWS])
                                             for band in range(BANDS)))


@lru_cache(maxsize=4096)  # the candidates of a batch are mostly the passages stored just before
def shingles(text: str) -> frozenset[int] | None:
    """Hashes of the word 3-shingles of the normalised text; None under MIN_WORDS words."""
    words = _WORD.findall(search_form(text).lower())
    if len(words) < MIN_WORDS:
        return None
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8"))
                     for i in range(len(words) - SHINGLE_WORDS + 1))


def _band_key(band: int, rows: np.ndarray) -> int:
    digest = hashlib.blake2b(bytes([band]) + rows.astype("<u8").tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Jaccard overlap of the shingles; 0 when the numbers differ (a changed figure is another report)."""
    overlap = len(a.shingles & b.shingles) / len(a.shingles | b.shingles)
    return overlap if overlap < SAME_STORY or _same_figures(a, b) else 0.0


def _same_figures(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether both state the same figures; the words only one of them has are read first (cheap), the whole
    texts only when those words hold a number."""
    differing = set(_WORD.findall(a.text.lower())) ^ set(_WORD.findall(b.text.lower()))
    if not differing:
        return True
    if any(word.isdigit() for word in differing):
        return False  # a figure in digits that only one of them gives
    if not find_numbers(" ".join(sorted(differing))):
        return True
    return a.numbers == b.numbers  # number words differ: compare what both texts state


def assign_groups(db: sqlite_utils.Database, passages: Iterable[tuple[int, int, str]]) -> dict[int, int]:
    """Group new passages, given as (passage id, document id, text); call inside the import's transaction.

    A passage joins the group of its closest earlier copy from another document, else starts its own.
    """
    groups: dict[int, int] = {}
    for passage_id, document_id, text in passages:
        mark = fingerprint(text)
        group = passage_id
        if mark is not None:
            best = _closest(db, mark, document_id)
            if best is not None:
                group = best
            db.conn.executemany("INSERT OR IGNORE INTO dedup_bands (key, passage_id) VALUES (?, ?)",
                           [(key, passage_id) for key in mark.bands])
        db.execute("INSERT OR REPLACE INTO passage_groups (passage_id, group_id) VALUES (?, ?)", [passage_id, group])
        groups[passage_id] = group
    return groups


def _closest(db: sqlite_utils.Database, mark: Fingerprint, document_id: int) -> int | None:
    """The group of the most similar earlier passage at or above SAME_STORY, if any.

    Only the MAX_VERIFY candidates sharing the most bands are compared exactly: a real copy shares most of
    them, and template-like text ("X said on Friday") that collides in one band costs nothing.
    """
    if is_postgres(db):  # one round trip for all bands (a server is a round trip away; SQLite is in-process)
        rows = db.execute(
            "SELECT b.passage_id FROM unnest(?::bigint[]) AS k(key), LATERAL (SELECT passage_id FROM dedup_bands "
            "WHERE dedup_bands.key = k.key ORDER BY passage_id DESC LIMIT ?) AS b", [list(mark.bands), MAX_PER_KEY])
    else:
        rows = [row for key in mark.bands for row in db.execute(
            "SELECT passage_id FROM dedup_bands WHERE key = ? ORDER BY passage_id DESC LIMIT ?", [key, MAX_PER_KEY])]
    hits: Counter[int] = Counter(row[0] for row in rows)
    if not hits:
        return None
    candidates = [pid for pid, _ in sorted(hits.items(), key=lambda kv: (-kv[1], -kv[0]))[:MAX_VERIFY]]
    marks = ", ".join("?" for _ in candidates)
    rows = db.execute(
        f"SELECT p.id, p.text, coalesce(g.group_id, p.id) FROM passages p "
        f"LEFT JOIN passage_groups g ON g.passage_id = p.id WHERE p.id IN ({marks}) AND p.document_id != ?",
        [*candidates, document_id]).fetchall()
    best: tuple[float, int] | None = None
    for _, text, group in rows:
        other = shingles(text)
        if other is None:
            continue
        score = similarity(mark, Fingerprint(text, other, ()))
        if score >= SAME_STORY and (best is None or (score, -group) > (best[0], -best[1])):
            best = (score, group)
    return best[1] if best else None


def backfill(db: sqlite_utils.Database, *, batch: int = 2000) -> int:
    """Group the passages stored before dedup existed (oldest first); returns how many were grouped."""
    from checker.store.db import run_write

    done = 0
    while True:
        rows = db.execute("SELECT p.id, p.document_id, p.text FROM passages p WHERE p.id NOT IN "
                          "(SELECT passage_id FROM passage_groups) ORDER BY p.id LIMIT ?", [batch]).fetchall()
        if not rows:
            return done
        run_write(db, lambda rows=rows: assign_groups(db, rows))
        done += len(rows)


def group_ids(db: sqlite_utils.Database, passage_ids: Sequence[int]) -> dict[int, int]:
    """Passage id -> group id; an ungrouped passage is its own group."""
    found = {pid: pid for pid in passage_ids}
    ids = list(found)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        found.update(db.execute(f"SELECT passage_id, group_id FROM passage_groups WHERE passage_id IN ({marks})",
                                part).fetchall())
    return found


@dataclass(frozen=True)
class Carrier:
    """One outlet's copy of a report."""

    passage_id: int
    outlet: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True)
class Report:
    """One distinct report among the hits: its best-ranked passage and every copy of it in the store."""

    hit: PassageHit
    group_id: int
    original: Carrier
    also_carried_by: tuple[Carrier, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every outlet that carried the report, the original first."""
        names = [self.original.outlet, self.hit.outlet, *(c.outlet for c in self.also_carried_by)]
        return tuple(dict.fromkeys(name for name in names if name))


MAX_CARRIERS = 25


def distinct_reports(db: sqlite_utils.Database, hits: Sequence[PassageHit]) -> list[Report]:
    """The hits with one entry per group, in rank order; copies become "also carried by"."""
    groups = group_ids(db, [hit.passage_id for hit in hits])
    reports: list[Report] = []
    seen: set[int] = set()
    for hit in hits:
        group = groups[hit.passage_id]
        if group in seen:
            continue
        seen.add(group)
        members = _members(db, group)
        original = members[0] if members else Carrier(hit.passage_id, hit.outlet, hit.url, hit.published)
        others = tuple(m for m in members if m.passage_id != hit.passage_id and m != original)
        reports.append(Report(hit, group, original, others[:MAX_CARRIERS]))
    return reports


def other_carriers(db: sqlite_utils.Database, passage_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Passage id -> the other outlets that carried the same report (its near-copies), earliest first."""
    groups = group_ids(db, passage_ids)
    members = {group: _members(db, group) for group in set(groups.values())}
    found: dict[int, tuple[str, ...]] = {}
    for passage_id, group in groups.items():
        own = next((m.outlet for m in members[group] if m.passage_id == passage_id), None)
        names = (m.outlet for m in members[group] if m.passage_id != passage_id and m.outlet and m.outlet != own)
        found[passage_id] = tuple(dict.fromkeys(names))
    return found


def independent_outlets(db: sqlite_utils.Database, hits: Sequence[PassageHit]) -> tuple[str, ...]:
    """The outlets that reported the hits independently: the first publisher of each distinct report.

    Ten sites running the same AFP dispatch count once (as the first of them to
    publish it); AFP and Reuters each writing their own story count twice; one
    outlet's two stories count once. Passages without an outlet do not count.
    """
    outlets = (report.original.outlet for report in distinct_reports(db, hits))
    return tuple(dict.fromkeys(name for name in outlets if name))


def _members(db: sqlite_utils.Database, group: int) -> list[Carrier]:
    """Every passage of a group, earliest published first (undated last, then by id)."""
    rows = db.execute(
        "SELECT p.id, coalesce(o.name, d.outlet_id), d.url, d.published FROM passages p "
        "JOIN documents d ON d.id = p.document_id LEFT JOIN outlets o ON o.id = d.outlet_id "
        "WHERE p.id = ? OR p.id IN (SELECT passage_id FROM passage_groups WHERE group_id = ?) "
        "ORDER BY d.published IS NULL, d.published, p.id LIMIT ?", [group, group, MAX_CARRIERS + 1]).fetchall()
    return [Carrier(*row) for row in rows]
