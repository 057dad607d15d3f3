"""Hybrid search of the stored passages: FTS5 BM25 and dense cosine, fused by learned weights.

The lexical side catches exact names and numbers in the claim's own language;
the dense side (multilingual embeddings) catches paraphrases and the other
language, so an Arabic claim finds the English wire story and vice versa.
Each candidate found by either side is scored as a weighted sum of its cosine,
its BM25 score (relative to the query's best), the share of the query's rare
words it holds and the share of its own rare words the query holds; the weights
are in checker/data/retrieval.toml, learned by cross-validation on CheckThat!
2021 2A dev (`scripts/eval_retrieval.py --fit`).

Dense search keeps one in-memory matrix per (database file, model), read once
and topped up with the rows added since (by rowid), so a query costs one
matrix product instead of reading every stored vector.
"""
from __future__ import annotations

import math
import re
import threading
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
import sqlite_utils

from checker.config import DATA_DIR
from checker.errors import InputError
from checker.index.ann import AnnSearch
from checker.index.milvus import MilvusSearch
from checker.models import PassageHit
from checker.normalize import search_form
from checker.stems import light_stem as _light_stem
from checker.store.db import is_postgres

FUSION_FILE = DATA_DIR / "retrieval.toml"
FEATURES = ("dense", "lexical", "coverage", "reach")
MIN_CANDIDATES = 50  # per side, before fusion
MAX_QUERY_TERMS = 64
# A word match counts only if the passage holds this share of the query's words, or the query this share of
# the passage's words, weighted by rarity (IDF): sharing "في", "said" and "the" with a claim is not evidence,
# but a short verified claim whose every rare word is in a long tweet is (the query-only share dropped it).
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
    found = candidates_many(db, queries, depth=max(MIN_CANDIDATES, 5 * k), outlet=outlet, since=since,
                            until=until, model_name=model_name)
    weights = fusion_weights()
    return [_hits(db, fuse(candidates, weights)[:k]) for candidates in found]


@dataclass(frozen=True)
class Candidate:
    """A passage either side found, with what the fusion weighs (`FEATURES`, each 0..1)."""

    passage_id: int
    dense: float
    lexical: float
    coverage: float
    reach: float
    lexical_rank: int | None
    dense_rank: int | None

    def features(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in FEATURES)


def candidates_many(db: sqlite_utils.Database, queries: Sequence[str], *, depth: int = MIN_CANDIDATES,
                    outlet: str | None = None, since: str | None = None, until: str | None = None,
                    model_name: str | None = None) -> list[list[Candidate]]:
    """For each query, the union of its `depth` best lexical and dense passages with their features."""
    filters = Filters(_outlet_id(db, outlet), _day(since, "since"), _day(until, "until"))
    if filters.since and filters.until and filters.since > filters.until:
        raise InputError(f"the since date {filters.since} is after the until date {filters.until}")
    wanted = [i for i, query in enumerate(queries) if query_terms(query)]
    results: list[list[Candidate]] = [[] for _ in queries]
    if not wanted:
        return results
    from checker.embeddings import encode, model_key

    key = model_key(model_name)
    index = dense_index(db, key)
    vectors = encode([queries[i] for i in wanted], key)
    if isinstance(index, MilvusSearch):  # Milvus applies the outlet and date filters itself
        nearest = index.nearest(vectors, depth, filters=filters if filters.active else None)
    else:
        nearest = index.nearest(vectors, depth, _allowed_passages(db, filters) if filters.active else None)
    for row, (i, dense) in enumerate(zip(wanted, nearest)):
        results[i] = _candidates(db, index, vectors[row], query_terms(queries[i]), dense, filters, depth, key)
    return results


@lru_cache(maxsize=1)
def fusion_weights() -> dict[str, float]:
    """The learned weight of each feature (retrieval.toml)."""
    data = tomllib.loads(FUSION_FILE.read_text(encoding="utf-8"))["fusion"]
    return {name: float(data[name]) for name in FEATURES}


def fuse(candidates: Sequence[Candidate], weights: dict[str, float]) -> list[tuple[Candidate, float]]:
    """Candidates best first by the weighted sum of their features (ties: lower passage id first)."""
    scored = [(c, sum(weights[name] * value for name, value in zip(FEATURES, c.features()))) for c in candidates]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].passage_id))


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
# Per database: (newest passage id, number of passages, documents per term).
_term_counts: dict[str, tuple[int, int, dict[str, int]]] = {}
_indexes_lock = threading.Lock()


def dense_index(db: sqlite_utils.Database, model: str) -> DenseIndex | AnnSearch | MilvusSearch:
    """The dense side for (database, model): Milvus when CHECKER_INDEX names one; else from
    CHECKER_ANN_MIN_VECTORS vectors on, the on-disk ANN index (checker.index), else this process's exact scan."""
    from checker.index import dense_search

    return dense_search(db, model) or exact_index(db, model)


def exact_index(db: sqlite_utils.Database, model: str) -> DenseIndex:
    """This process's exact index for (database, model), brought up to date with the table (the recall reference)."""
    key = (database_key(db), model)
    with _indexes_lock:
        index = _indexes.setdefault(key, DenseIndex(model))
        index.refresh(db)
        return index


def database_key(db: sqlite_utils.Database) -> str:
    """Which store this is, for caches of its vectors (never shown: a PostgreSQL URL may hold a password)."""
    if is_postgres(db):  # one dense index per shared database, not per desk session
        return db.url
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


def _candidates(db: sqlite_utils.Database, index: DenseIndex, vector: np.ndarray, terms: list[str],
                dense: list[int], filters: Filters, depth: int, model: str) -> list[Candidate]:
    """BM25 hits that share enough rare words with the query, plus the dense neighbours, with features.

    Words in a large share of the store ("the", "في") are left out of the MATCH:
    they cannot make a passage relevant, and their long posting lists are what
    makes an OR query slow on a big store.
    """
    weights, passages = _idf(db, terms)
    common = math.log((passages + 1) / (max(COMMON_SHARE * passages, COMMON_MIN_DOCS) + 0.5))
    searched = [term for term in terms if weights[term] > common] or sorted(terms, key=weights.get)[-KEEP_RAREST:]
    hits = _bm25(db, _match(searched), filters, depth)
    texts = {pid: text for pid, text, _ in hits}
    missing = [pid for pid in dense if pid not in texts]
    texts.update(_search_texts(db, missing))
    words = {pid: query_terms(text) for pid, text in texts.items()}
    own_weights, _ = _idf(db, list(dict.fromkeys(term for own in words.values() for term in own)))
    shares = {pid: _shares(weights, own, own_weights) for pid, own in words.items()}
    lexical = [(pid, score) for pid, _, score in hits if max(shares[pid]) >= MIN_TERM_COVERAGE]
    best = max((score for _, score in lexical), default=0.0)
    lexical_rank = {pid: rank for rank, (pid, _) in enumerate(lexical, 1)}
    lexical_score = {pid: score / best if best > 0 else 0.0 for pid, score in lexical}
    dense_rank = {pid: rank for rank, pid in enumerate(dense, 1)}
    ids = list(dict.fromkeys([pid for pid, _ in lexical] + dense))
    cosines = _cosines(db, index, vector, ids, model)
    other_script = _other_script(words, terms)
    found = []
    for pid in ids:
        cosine = max(0.0, cosines[pid])
        if pid in other_script:  # words cannot match across scripts: the word features take the cosine's value
            found.append(Candidate(pid, cosine, cosine, cosine, cosine, None, dense_rank.get(pid)))
        else:
            found.append(Candidate(pid, cosine, lexical_score.get(pid, 0.0), *shares.get(pid, (0.0, 0.0)),
                                   lexical_rank.get(pid), dense_rank.get(pid)))
    return found


def _other_script(words: dict[int, list[str]], terms: list[str]) -> set[int]:
    """Passages written in the other script than the query (Arabic vs Latin), by their words' majority."""
    query_arabic = _mostly_arabic(terms)
    return {pid for pid, own in words.items() if _mostly_arabic(own) != query_arabic}


def _mostly_arabic(terms: list[str]) -> bool:
    arabic = sum(1 for term in terms if not term.isascii())
    return arabic * 2 > len(terms)


def _shares(weights: dict[str, float], own: list[str], own_weights: dict[str, float]) -> tuple[float, float]:
    """(share of the query's IDF weight the passage holds, share of the passage's IDF weight the query holds).

    Words match by light stem (السفاره / سفارة, والصواريخ / صواريخ, troops / troop), each weighted by its own IDF.
    """
    own_stems = {_light_stem(term) for term in own}
    query_stems = {_light_stem(term) for term in weights}
    matched = sum(weight for term, weight in weights.items() if _light_stem(term) in own_stems)
    coverage = matched / total if (total := sum(weights.values())) > 0 else 0.0
    own_total = sum(own_weights[term] for term in own)
    reach = (sum(own_weights[term] for term in own if _light_stem(term) in query_stems) / own_total
             if own_total > 0 else 0.0)
    return coverage, reach


def _search_texts(db: sqlite_utils.Database, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return dict(db.execute(f"SELECT id, search_text FROM passages WHERE id IN ({marks})", ids).fetchall())


def _bm25(db: sqlite_utils.Database, match: str, filters: Filters, depth: int) -> list[tuple[int, str, float]]:
    """(passage id, search text, BM25 score, higher better), best first; the MATCH expression is a bound
    parameter, never SQL text."""
    if is_postgres(db):  # PostgreSQL text search, BM25 as FTS5 scores it (checker.store.pg_search)
        from checker.store.pg_search import bm25

        return bm25(db, match, *_where(filters), depth)
    if not filters.active:  # FTS5 sorts by rank itself and stops at the limit
        rows = db.execute(
            "SELECT p.id, p.search_text, f.rank FROM (SELECT rowid, rank FROM passages_fts "
            "WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?) AS f JOIN passages p ON p.id = f.rowid "
            "ORDER BY f.rank", [match, depth]).fetchall()
    else:
        where, params = _where(filters)
        rows = db.execute(
            "SELECT p.id, p.search_text, bm25(passages_fts) AS score FROM passages_fts "
            "JOIN passages p ON p.id = passages_fts.rowid "
            f"JOIN documents d ON d.id = p.document_id WHERE passages_fts MATCH ?{where} "
            "ORDER BY score LIMIT ?", [match, *params, depth]).fetchall()
    return [(pid, text, -float(rank)) for pid, text, rank in rows]


def _idf(db: sqlite_utils.Database, terms: list[str]) -> tuple[dict[str, float], int]:
    """Inverse document frequency of each term, from FTS5's own vocabulary (a per-connection temp table).

    Counting a common word's documents reads its whole posting list, so the
    counts are kept per process until passages are added (passages are never deleted, so the newest id says it
    in one index probe; counting the passages took 12-21 ms at 1M, twice per claim).
    """
    newest = db.execute("SELECT max(id) FROM passages").fetchone()[0] or 0
    key = database_key(db)
    with _indexes_lock:
        cached = _term_counts.get(key)
        if cached is None or cached[0] != newest:
            cached = _term_counts[key] = (newest, db.execute("SELECT count(*) FROM passages").fetchone()[0], {})
        _, passages, counts = cached
        unknown = [term for term in terms if term not in counts]
    if unknown and is_postgres(db):
        from checker.store.pg_search import document_counts

        counts.update(document_counts(db, unknown))
    elif unknown:
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

def _hits(db: sqlite_utils.Database, ranked: Sequence[tuple[Candidate, float]]) -> list[PassageHit]:
    """The passage rows of the fused best k."""
    rows = _passage_rows(db, [c.passage_id for c, _ in ranked])
    return [
        PassageHit(passage_id=c.passage_id, document_id=rows[c.passage_id][0], text=rows[c.passage_id][1],
                   score=round(score, 6), similarity=c.dense, outlet=rows[c.passage_id][2], url=rows[c.passage_id][3],
                   published=rows[c.passage_id][4], title=rows[c.passage_id][5], language=rows[c.passage_id][6],
                   lexical_rank=c.lexical_rank, dense_rank=c.dense_rank)
        for c, score in ranked if c.passage_id in rows
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


def _cosines(db: sqlite_utils.Database, index: DenseIndex, vector: np.ndarray, ids: list[int],
             model: str) -> dict[int, float]:
    """Cosine to the query; passages not embedded yet (found by words only) are embedded on the fly."""
    if isinstance(index, MilvusSearch):  # the lexical side's vectors in one trip, not one per passage
        index.fetch(ids)
    found = {pid: index.cosine(pid, vector) for pid in ids}
    missing = [pid for pid, value in found.items() if value is None]
    if missing:
        from checker.embeddings import encode

        texts = dict(db.execute(f"SELECT id, text FROM passages WHERE id IN ({', '.join('?' for _ in missing)})",
                                missing).fetchall())
        for pid, row in zip(missing, encode([texts.get(pid, "") for pid in missing], model)):
            found[pid] = float(row @ vector)
    return {pid: float(value) for pid, value in found.items()}
