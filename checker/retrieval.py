"""Hybrid search of the stored passages: FTS5 BM25 and dense cosine, fused by reciprocal rank.

The lexical side catches exact names and numbers in the claim's own language;
the dense side (multilingual embeddings) catches paraphrases and the other
language, so an Arabic claim finds the English wire story and vice versa.

Dense search keeps one in-memory matrix per (database file, model), read once
and topped up with the rows added since (by rowid), so a query costs one
matrix product instead of reading every stored vector.
"""
from __future__ import annotations

import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import sqlite_utils

from checker.errors import InputError
from checker.models import PassageHit
from checker.normalize import search_form

RRF_K = 60  # the usual reciprocal-rank-fusion constant: rank 1 and rank 5 differ, rank 50 and 55 barely
MIN_CANDIDATES = 50  # per side, before fusion
MAX_QUERY_TERMS = 64
# A word match counts only if the passage holds this share of the query's words, weighted by rarity (IDF):
# sharing "في", "said" and "the" with a claim is not evidence of anything.
MIN_TERM_COVERAGE = 0.3
COMMON_SHARE = 0.05  # a word in more than 5% of the passages (and in COMMON_MIN_DOCS of them) is not searched
COMMON_MIN_DOCS = 100
KEEP_RAREST = 3
_TERM = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Filters:
    """Restrictions on which documents count; empty means all."""

    outlet_id: str | None = None
    since: str | None = None
    until: str | None = None

    @property
    def active(self) -> bool:
        return any((self.outlet_id, self.since, self.until))


def search(db: sqlite_utils.Database, query: str, *, k: int = 10, outlet: str | None = None,
           since: str | None = None, until: str | None = None, model_name: str | None = None) -> list[PassageHit]:
    """The k passages that best match `query`, in any stored language."""
    return search_many(db, [query], k=k, outlet=outlet, since=since, until=until, model_name=model_name)[0]


def search_many(db: sqlite_utils.Database, queries: Sequence[str], *, k: int = 10, outlet: str | None = None,
                since: str | None = None, until: str | None = None,
                model_name: str | None = None) -> list[list[PassageHit]]:
    """`search` for every query, with all of them embedded in one batch (the claims of one article)."""
    if k < 1:
        raise InputError(f"k must be at least 1 (got {k})")
    filters = Filters(_outlet_id(db, outlet), _day(since, "since"), _day(until, "until"))
    if filters.since and filters.until and filters.since > filters.until:
        raise InputError(f"the since date {filters.since} is after the until date {filters.until}")
    wanted = [i for i, query in enumerate(queries) if query_terms(query)]
    results: list[list[PassageHit]] = [[] for _ in queries]
    if not wanted:
        return results
    from checker.embeddings import encode, model_key

    key = model_key(model_name)
    index = dense_index(db, key)
    allowed = _allowed_passages(db, filters) if filters.active else None
    vectors = encode([queries[i] for i in wanted], key)
    depth = max(MIN_CANDIDATES, 5 * k)
    for row, (i, dense) in enumerate(zip(wanted, index.nearest(vectors, depth, allowed))):
        lexical = _lexical(db, query_terms(queries[i]), filters, depth)
        results[i] = _hits(db, index, vectors[row], lexical, dense, k, key)
    return results


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression any text is safe in: each folded word quoted, joined by OR.

    Quoting turns FTS5 syntax (AND, NEAR(, *, :, ^) typed by a user into plain
    words; words never contain a double quote, so a quote cannot end one early.
    """
    return _match(query_terms(query))


def _match(terms: list[str]) -> str:
    return " OR ".join(f'"{term}"' for term in terms)


def query_terms(text: str) -> list[str]:
    """The distinct folded words of a text, in order, as the FTS index sees them."""
    return list(dict.fromkeys(_TERM.findall(search_form(text).lower())))[:MAX_QUERY_TERMS]


# --- dense index -------------------------------------------------------------

@dataclass
class DenseIndex:
    """Unit vectors of one model in one database, in rowid order, grown in place as rows are added."""

    model: str
    passage_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    size: int = 0
    last_rowid: int = 0
    row_of: dict[int, int] = field(default_factory=dict)

    def refresh(self, db: sqlite_utils.Database) -> None:
        """Read the vectors added since the last call; start over if rows were deleted meanwhile."""
        latest, count = db.execute(
            "SELECT coalesce(max(rowid), 0), count(*) FROM embeddings WHERE model = ?", [self.model]).fetchone()
        if latest == self.last_rowid and count == self.size:
            return
        self._read_after(db, self.last_rowid)
        if self.size != count:
            self.size, self.last_rowid, self.row_of = 0, 0, {}
            self._read_after(db, 0)

    def _read_after(self, db: sqlite_utils.Database, rowid: int) -> None:
        rows = db.execute("SELECT rowid, passage_id, vector FROM embeddings WHERE model = ? AND rowid > ? "
                          "ORDER BY rowid", [self.model, rowid]).fetchall()
        if rows:
            self._append([row[1] for row in rows], [row[2] for row in rows])
            self.last_rowid = rows[-1][0]

    def nearest(self, vectors: np.ndarray, depth: int, allowed: np.ndarray | None = None) -> list[list[int]]:
        """For each query vector, passage ids of the `depth` highest cosines, best first.

        One matrix product for all queries: the stored matrix is read from
        memory once per batch, not once per claim. `allowed` limits the candidates.
        """
        if self.size == 0:
            return [[] for _ in vectors]
        scores = vectors @ self.matrix[:self.size].T
        if allowed is not None:
            scores[:, ~np.isin(self.passage_ids[:self.size], allowed)] = -np.inf
        depth = min(depth, self.size)
        top = np.argpartition(-scores, depth - 1, axis=1)[:, :depth]
        return [[int(self.passage_ids[i]) for i in row[np.argsort(-line[row])] if np.isfinite(line[i])]
                for row, line in zip(top, scores)]

    def cosine(self, passage_id: int, vector: np.ndarray) -> float | None:
        row = self.row_of.get(passage_id)
        return None if row is None else float(self.matrix[row] @ vector)

    def _append(self, ids: list[int], blobs: list[bytes]) -> None:
        new = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1)
        needed = self.size + len(ids)
        if self.matrix.shape[1] != new.shape[1] or needed > len(self.matrix):
            self._grow(max(needed, 2 * len(self.matrix)), new.shape[1])
        self.matrix[self.size:needed] = new
        self.passage_ids[self.size:needed] = ids
        self.row_of.update((pid, self.size + offset) for offset, pid in enumerate(ids))
        self.size = needed

    def _grow(self, capacity: int, dim: int) -> None:
        matrix = np.zeros((capacity, dim), dtype=np.float32)
        ids = np.zeros(capacity, dtype=np.int64)
        if self.size:
            matrix[:self.size] = self.matrix[:self.size]
            ids[:self.size] = self.passage_ids[:self.size]
        self.matrix, self.passage_ids = matrix, ids


_indexes: dict[tuple[str, str], DenseIndex] = {}
_term_counts: dict[str, tuple[int, dict[str, int]]] = {}  # per database: (passage count, documents per term)
_indexes_lock = threading.Lock()


def dense_index(db: sqlite_utils.Database, model: str) -> DenseIndex:
    """This process's index for (database, model), brought up to date with the table."""
    key = (_database_key(db), model)
    with _indexes_lock:
        index = _indexes.setdefault(key, DenseIndex(model))
        index.refresh(db)
        return index


def _database_key(db: sqlite_utils.Database) -> str:
    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    return path or f"memory:{id(db.conn)}"


# --- lexical side and filters --------------------------------------------------

_FILTER_SQL = {
    "outlet_id": "d.outlet_id = ?",
    "since": "substr(d.published, 1, 10) >= ?",
    "until": "substr(d.published, 1, 10) <= ?",
}


def _where(filters: Filters) -> tuple[str, list[str]]:
    parts = [(_FILTER_SQL[name], value) for name, value in
             (("outlet_id", filters.outlet_id), ("since", filters.since), ("until", filters.until)) if value]
    return "".join(f" AND {sql}" for sql, _ in parts), [value for _, value in parts]


def _lexical(db: sqlite_utils.Database, terms: list[str], filters: Filters, depth: int) -> list[int]:
    """Passage ids by BM25, best first, keeping those that share enough of the query's rare words.

    Words in a large share of the store ("the", "في") are left out of the MATCH:
    they cannot make a passage relevant, and their long posting lists are what
    makes an OR query slow on a big store.
    """
    weights, passages = _idf(db, terms)
    common = math.log((passages + 1) / (max(COMMON_SHARE * passages, COMMON_MIN_DOCS) + 0.5))
    searched = [term for term in terms if weights[term] > common] or sorted(terms, key=weights.get)[-KEEP_RAREST:]
    total = sum(weights.values())
    return [pid for pid, text in _bm25(db, _match(searched), filters, depth)
            if sum(weights[term] for term in set(query_terms(text)) & weights.keys()) >= MIN_TERM_COVERAGE * total]


def _bm25(db: sqlite_utils.Database, match: str, filters: Filters, depth: int) -> list[tuple[int, str]]:
    """(passage id, search text) by BM25; the MATCH expression is a bound parameter, never SQL text."""
    if not filters.active:  # FTS5 sorts by rank itself and stops at the limit
        return db.execute(
            "SELECT p.id, p.search_text FROM (SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH ? "
            "ORDER BY rank LIMIT ?) AS f JOIN passages p ON p.id = f.rowid ORDER BY f.rank",
            [match, depth]).fetchall()
    where, params = _where(filters)
    return db.execute(
        "SELECT p.id, p.search_text FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
        f"JOIN documents d ON d.id = p.document_id WHERE passages_fts MATCH ?{where} "
        "ORDER BY bm25(passages_fts) LIMIT ?",
        [match, *params, depth]).fetchall()


def _idf(db: sqlite_utils.Database, terms: list[str]) -> tuple[dict[str, float], int]:
    """Inverse document frequency of each term, from FTS5's own vocabulary (a per-connection temp table).

    Counting a common word's documents reads its whole posting list, so the
    counts are kept per process until the number of passages changes.
    """
    passages = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    key = _database_key(db)
    with _indexes_lock:
        if _term_counts.get(key, (None,))[0] != passages:
            _term_counts[key] = (passages, {})
        counts = _term_counts[key][1]
        unknown = [term for term in terms if term not in counts]
    if unknown:
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_fts_terms USING fts5vocab(main, passages_fts, row)")
        marks = ", ".join("?" for _ in unknown)
        found = dict(db.execute(f"SELECT term, doc FROM temp.passages_fts_terms WHERE term IN ({marks})", unknown))
        counts.update({term: found.get(term, 0) for term in unknown})
    return {term: math.log((passages + 1) / (counts[term] + 0.5)) for term in terms}, passages


def _allowed_passages(db: sqlite_utils.Database, filters: Filters) -> np.ndarray:
    where, params = _where(filters)
    rows = db.execute(f"SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE 1{where}",
                      params).fetchall()
    return np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))


def _outlet_id(db: sqlite_utils.Database, outlet: str | None) -> str | None:
    """An outlet id from an id, name or alias (stored or in the registry); an unknown name is kept as given."""
    if not outlet or not outlet.strip():
        return None
    outlet = outlet.strip()
    if db.execute("SELECT 1 FROM documents WHERE outlet_id = ? LIMIT 1", [outlet]).fetchone():
        return outlet
    from checker.store.outlets import find_stored

    stored = find_stored(db, outlet)
    if stored is not None:
        return stored.id
    from checker.outlets import load_registry

    known = load_registry().find(outlet)
    return known.id if known is not None else outlet


def _day(value: str | None, name: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise InputError(f"{name} must be a date like 2024-03-31 (got {value!r})") from None


# --- fusion ------------------------------------------------------------------

def _hits(db: sqlite_utils.Database, index: DenseIndex, vector: np.ndarray, lexical: list[int], dense: list[int],
          k: int, model: str) -> list[PassageHit]:
    """Reciprocal rank fusion of the two rankings, then the passage rows for the best k."""
    lexical_rank = {pid: rank for rank, pid in enumerate(lexical, 1)}
    dense_rank = {pid: rank for rank, pid in enumerate(dense, 1)}
    fused = {pid: sum(1 / (RRF_K + ranks[pid]) for ranks in (lexical_rank, dense_rank) if pid in ranks)
             for pid in lexical_rank.keys() | dense_rank.keys()}
    best = sorted(fused, key=lambda pid: (-fused[pid], pid))[:k]
    rows = _passage_rows(db, best)
    similarity = _similarities(index, vector, [pid for pid in best if pid in rows], rows, model)
    return [
        PassageHit(passage_id=pid, document_id=rows[pid][0], text=rows[pid][1], score=fused[pid],
                   similarity=similarity[pid], outlet=rows[pid][2], url=rows[pid][3], published=rows[pid][4],
                   title=rows[pid][5], language=rows[pid][6], lexical_rank=lexical_rank.get(pid),
                   dense_rank=dense_rank.get(pid))
        for pid in best if pid in rows
    ]


def _passage_rows(db: sqlite_utils.Database, ids: list[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        "SELECT p.id, p.document_id, p.text, coalesce(o.name, d.outlet_id), d.url, d.published, d.title, d.language "
        "FROM passages p JOIN documents d ON d.id = p.document_id LEFT JOIN outlets o ON o.id = d.outlet_id "
        f"WHERE p.id IN ({marks})", ids).fetchall()
    return {row[0]: row[1:] for row in rows}


def _similarities(index: DenseIndex, vector: np.ndarray, ids: list[int], rows: dict[int, tuple],
                  model: str) -> dict[int, float]:
    """Cosine to the query; passages not embedded yet (found by words only) are embedded on the fly."""
    found = {pid: index.cosine(pid, vector) for pid in ids}
    missing = [pid for pid, value in found.items() if value is None]
    if missing:
        from checker.embeddings import encode

        for pid, row in zip(missing, encode([rows[pid][1] for pid in missing], model)):
            found[pid] = float(row @ vector)
    return {pid: float(value) for pid, value in found.items()}
