"""The lexical side of retrieval on PostgreSQL: text search on the Arabic-normalised passages, scored by BM25.

checker.retrieval asks the same two things of either store: the passages
matching any of a query's words, best first by BM25, and how many passages
hold each word (its IDF). On PostgreSQL the GIN index on `passages.search_tsv`
(checker.store.pg_schema) finds the matches; a pool ranked by ts_rank is then
re-scored with FTS5's own BM25 (k1 1.2, b 0.75, the same IDF), so the learned
fusion weights (fitted on FTS5 scores) mean the same on both stores. The
average passage length BM25 needs is measured on the latest passages and kept
until the store grows.
"""
from __future__ import annotations

import math
import re
import threading
from collections import Counter
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from checker.store.pg import PgDatabase

K1, B = 1.2, 0.75
POOL = 200  # at least this many text-search matches are re-scored by BM25
LENGTH_SAMPLE = 2_000
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]+)"')
_lengths: dict[str, tuple[int | None, int, float]] = {}  # database -> (newest id, passages, mean words each)
_guard = threading.Lock()


def match_terms(match: str) -> list[str]:
    """The words of retrieval's FTS5 MATCH expression ('"a" OR "b"'): word characters only."""
    return [term for term in _QUOTED.findall(match) if _WORD.fullmatch(term)]


def bm25(db: PgDatabase, match: str, where: str, params: Sequence[str], depth: int) -> list[tuple[int, str, float]]:
    """(passage id, search text, BM25 score, higher better), best first, at most `depth`; `where` is
    retrieval's filter SQL on documents `d` (its values are bound parameters)."""
    terms = match_terms(match)
    if not terms:
        return []
    rows = db.execute(
        "SELECT p.id, p.search_text FROM to_tsquery('checker_ar', ?) AS q, passages p "
        f"JOIN documents d ON d.id = p.document_id WHERE p.search_tsv @@ q{where} "
        "ORDER BY ts_rank(p.search_tsv, q) DESC, p.id LIMIT ?",
        [" | ".join(terms), *params, max(POOL, 4 * depth)]).fetchall()
    if not rows:
        return []
    passages, mean_length = _mean_length(db)
    counts = document_counts(db, terms)
    idf = {term: max(math.log((passages - counts[term] + 0.5) / (counts[term] + 0.5)), 1e-6) for term in terms}
    scored = []
    for pid, text in rows:
        words = _WORD.findall((text or "").lower())
        tf = Counter(words)
        norm = K1 * (1 - B + B * len(words) / mean_length)
        score = sum(idf[t] * tf[t] * (K1 + 1) / (tf[t] + norm) for t in terms if tf[t])
        scored.append((pid, text, score))
    scored.sort(key=lambda row: (-row[2], row[0]))
    return scored[:depth]


def document_counts(db: PgDatabase, terms: Sequence[str]) -> dict[str, int]:
    """How many passages hold each term (FTS5's fts5vocab `doc` column), one GIN lookup per term."""
    wanted = [term for term in dict.fromkeys(terms) if _WORD.fullmatch(term)]
    found: dict[str, int] = {term: 0 for term in terms}
    if wanted:
        found.update(db.execute(
            "SELECT t, (SELECT count(*) FROM passages WHERE search_tsv @@ to_tsquery('checker_ar', t)) "
            "FROM unnest(?::text[]) AS t", [wanted]).fetchall())
    return found


def _mean_length(db: PgDatabase) -> tuple[int, float]:
    """(passages stored, mean words per passage over the latest LENGTH_SAMPLE), kept until a passage is added.

    The newest id (an index lookup) tells whether anything was added; count(*) is a full scan on PostgreSQL, so it
    runs only then, not on every search.
    """
    newest = db.execute("SELECT max(id) FROM passages").fetchone()[0]
    with _guard:
        known = _lengths.get(db.url)
        if known and known[0] == newest:
            return known[1], known[2]
    passages = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    texts = db.execute("SELECT search_text FROM passages ORDER BY id DESC LIMIT ?", [LENGTH_SAMPLE]).fetchall()
    lengths = [len(_WORD.findall((text or "").lower())) for (text,) in texts]
    mean = max(sum(lengths) / len(lengths), 1.0) if lengths else 1.0
    with _guard:
        _lengths[db.url] = (newest, passages, mean)
    return passages, mean
