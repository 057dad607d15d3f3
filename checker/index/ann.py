"""The dense side at archive scale: an on-disk HNSW index (usearch) of int8 vectors, rescored exactly.

Why usearch, int8 and rescoring: see docs/retrieval.md ("Approximate nearest
neighbours"), measured by scripts/bench_ann.py. The float32 vectors stay in
`embeddings` (the reference); the index holds int8 copies in an HNSW graph,
finds RESCORE_FACTOR x depth candidates, and their exact cosines (read back
from `embeddings`) decide the order. Keys are passage ids.

Files live next to the database, `claims.db.ann/<model>.hot.usearch` (and
`.archive.usearch`), each with a JSON sidecar saying up to which `embeddings`
rowid it holds. Opening an index loads the file and adds the rows stored since
(so a process that only searches is always current); `sync` does the same and
writes the files back (imports and the watch loop call it). Retention: with
`CHECKER_RETENTION_DAYS` set, passages of documents published before the
cut-off live in the archive index, searched only inside `searching_archive()`
(the `--archive` flag); `sync` moves what aged out.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sqlite_utils

from checker.index.settings import IndexSettings

RESCORE_FACTOR = 2  # candidates read from the graph per wanted neighbour, before exact rescoring
# One bit per dimension orders neighbours coarsely: a binary graph reads this many times more candidates. At 10M
# passages (scripts/bench_retrieval.py, 30 claims) recall@10 against the exact scan was 0.81 at x2, 0.92 at x5,
# 0.99 at x10 (6 ms a query), 0.997 at x20 (31 ms).
BINARY_WIDENING = 10
FILTER_FACTOR = 20  # with an outlet/date filter: more candidates, then the allowed ones
EXACT_FALLBACK = 20_000  # a filter leaving at most this many passages is scanned exactly when the graph falls short
READ_BATCH = 50_000
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128
_archive_wanted: ContextVar[bool] = ContextVar("checker_search_archive", default=False)


@contextmanager
def searching_archive() -> Iterator[None]:
    """Searches inside this block also read the archive index (passages older than the retention period)."""
    token = _archive_wanted.set(True)
    try:
        yield
    finally:
        _archive_wanted.reset(token)


def archive_searched() -> bool:
    """Whether this search is inside `searching_archive()`."""
    return _archive_wanted.get()


def _new_graph(dim: int, quantization: str):
    from usearch.index import Index

    if quantization == "b1":  # one bit per dimension, Hamming distance; the exact rescoring restores the order
        return Index(ndim=dim, metric="hamming", dtype="b1", connectivity=CONNECTIVITY, expansion_add=EXPANSION_ADD,
                     expansion_search=2 * EXPANSION_SEARCH)
    return Index(ndim=dim, metric="cos", dtype="i8", connectivity=CONNECTIVITY, expansion_add=EXPANSION_ADD,
                 expansion_search=EXPANSION_SEARCH)


@dataclass
class _Part:
    """One usearch graph (hot or archive) and its file."""

    path: Path
    quantization: str = "i8"
    threads: int = 1
    graph: object | None = None
    dirty: bool = False

    def load(self, dim: int) -> None:
        from usearch.index import Index

        if self.graph is None:
            self.graph = Index.restore(str(self.path)) if self.path.exists() else None
            if self.graph is None:  # no file, or an unreadable one: start over, it is rebuilt from `embeddings`
                self.graph = _new_graph(dim, self.quantization)

    def __len__(self) -> int:
        return len(self.graph) if self.graph is not None else 0

    def _coded(self, vectors: np.ndarray) -> np.ndarray:
        return np.packbits(vectors > 0, axis=-1) if self.quantization == "b1" else vectors

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.graph.add(ids, self._coded(vectors), threads=self.threads)
            self.dirty = True

    def remove(self, ids: list[int]) -> None:
        if ids and self.graph is not None:
            self.graph.remove(ids)
            self.dirty = True

    def search(self, vectors: np.ndarray, count: int) -> list[np.ndarray]:
        if self.graph is None or len(self.graph) == 0:
            return [np.zeros(0, dtype=np.int64) for _ in vectors]
        found = self.graph.search(self._coded(vectors), min(count, len(self.graph)), threads=1)
        if not hasattr(found, "counts"):  # one query: usearch answers with a single Matches
            return [np.asarray(found.keys, dtype=np.int64)]
        return [row[:n].astype(np.int64) for row, n in zip(found.keys, found.counts)]

    def save(self) -> None:
        if self.dirty and self.graph is not None:
            temporary = self.path.with_suffix(".tmp")
            self.graph.save(str(temporary))
            os.replace(temporary, self.path)
            self.dirty = False


@dataclass
class AnnIndex:
    """The hot and archive graphs of one model in one database, kept up with `embeddings` by rowid."""

    model: str
    folder: Path
    settings: IndexSettings
    dim: int = 0
    last_rowid: int = 0
    archived_before: str | None = None
    threads: int = 1  # a long build may use more; searches use one
    hot: _Part = field(init=False)
    archive: _Part = field(init=False)
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def __post_init__(self) -> None:
        stem = _safe(self.model)
        kind = self.settings.quantization
        self.hot = _Part(self.folder / f"{stem}.hot.usearch", kind, self.threads)
        self.archive = _Part(self.folder / f"{stem}.archive.usearch", kind, self.threads)
        meta = self._meta_path()
        data = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() and self.hot.path.exists() else {}
        if (data.get("model"), data.get("retention_days"), data.get("quantization", "i8")) == (
                self.model, self.settings.retention_days, kind):
            self.dim, self.last_rowid = int(data["dim"]), int(data["last_rowid"])
            self.archived_before = data.get("archived_before")
        else:  # other settings than the files were built with (or no files): build afresh from `embeddings`
            for part in (self.hot, self.archive):
                part.path.unlink(missing_ok=True)

    @property
    def size(self) -> int:
        return len(self.hot) + len(self.archive)

    # -- keeping up with `embeddings` --------------------------------------------------------------------------

    def refresh(self, db: sqlite_utils.Database, *, until: int | None = None) -> None:
        """Add the vectors stored since the files were written (in memory; `save` writes them); `until` stops
        at that rowid (a long build saves as it goes)."""
        with self._lock:
            if self.dim == 0:
                row = db.execute("SELECT dim FROM embeddings WHERE model = ? LIMIT 1", [self.model]).fetchone()
                if row is None:
                    return
                self.dim = int(row[0])
            self.hot.load(self.dim)
            latest = until or db.execute("SELECT coalesce(max(rowid), 0) FROM embeddings").fetchone()[0]
            if self.last_rowid == 0:  # a new index: every row is routed by today's cut-off as it is added
                self.archived_before = self.settings.cutoff()
            while self.last_rowid < latest:
                self._add_after(db, latest)
            self._archive_aged(db)

    def _add_after(self, db: sqlite_utils.Database, latest: int) -> None:
        rows = db.execute(
            "SELECT e.rowid, e.passage_id, e.vector, substr(d.published, 1, 10) FROM embeddings e "
            "JOIN passages p ON p.id = e.passage_id JOIN documents d ON d.id = p.document_id "
            "WHERE e.model = ? AND e.rowid > ? AND e.rowid <= ? ORDER BY e.rowid LIMIT ?",
            [self.model, self.last_rowid, latest, READ_BATCH]).fetchall()
        if not rows:
            self.last_rowid = latest
            return
        ids = np.fromiter((row[1] for row in rows), dtype=np.int64, count=len(rows))
        vectors = np.frombuffer(b"".join(row[2] for row in rows), dtype=np.float32).reshape(len(rows), -1)
        cutoff = self.settings.cutoff()
        old = np.array([bool(cutoff and row[3] and row[3] < cutoff) for row in rows], dtype=bool)
        self.hot.add(ids[~old], vectors[~old])
        if old.any():
            self.archive.load(self.dim)
            self.archive.add(ids[old], vectors[old])
        self.last_rowid = rows[-1][0]

    def _archive_aged(self, db: sqlite_utils.Database) -> None:
        """Move passages whose documents crossed the retention cut-off since the last move."""
        cutoff = self.settings.cutoff()
        if not cutoff or (self.archived_before and self.archived_before >= cutoff):
            return
        since = self.archived_before or "0000-00-00"
        rows = db.execute(
            "SELECT e.passage_id, e.vector FROM embeddings e JOIN passages p ON p.id = e.passage_id "
            "JOIN documents d ON d.id = p.document_id WHERE e.model = ? AND e.rowid <= ? "
            "AND substr(d.published, 1, 10) >= ? AND substr(d.published, 1, 10) < ?",
            [self.model, self.last_rowid, since, cutoff]).fetchall()
        moving = [row for row in rows if self.hot.graph.contains(row[0])]
        if moving:
            self.archive.load(self.dim)
            self.hot.remove([row[0] for row in moving])
            self.archive.add(np.array([row[0] for row in moving], dtype=np.int64),
                             np.frombuffer(b"".join(row[1] for row in moving), dtype=np.float32).reshape(
                                 len(moving), -1))
        self.archived_before = cutoff

    def save(self) -> None:
        """Write the graphs, then the sidecar (so a crash in between only re-adds rows on the next open)."""
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.hot.save()
            self.archive.save()
            meta = {"model": self.model, "dim": self.dim, "last_rowid": self.last_rowid,
                    "retention_days": self.settings.retention_days, "archived_before": self.archived_before,
                    "quantization": self.settings.quantization,
                    "hot": len(self.hot), "archive": len(self.archive)}
            temporary = self._meta_path().with_suffix(".tmp")
            temporary.write_text(json.dumps(meta), encoding="utf-8")
            os.replace(temporary, self._meta_path())

    def _meta_path(self) -> Path:
        return self.folder / f"{_safe(self.model)}.json"

    # -- searching ---------------------------------------------------------------------------------------------

    def candidates(self, vectors: np.ndarray, count: int) -> list[np.ndarray]:
        """Passage ids near each vector by the int8 graph (hot, plus archive inside `searching_archive()`)."""
        with self._lock:
            parts = [self.hot] + ([self.archive] if _archive_wanted.get() else [])
            for part in parts:
                part.load(self.dim)
            return [np.unique(np.concatenate(ids)) for ids in zip(*(part.search(vectors, count) for part in parts))]

    def bound(self, db: sqlite_utils.Database) -> AnnSearch:
        return AnnSearch(self, db)


@dataclass
class AnnSearch:
    """The same two calls as retrieval's exact DenseIndex (`nearest`, `cosine`), served by the graph and
    rescored with the exact float32 rows; one per search call (it keeps the rows it read)."""

    index: AnnIndex
    db: sqlite_utils.Database
    _vectors: dict[int, np.ndarray] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return self.index.size

    def nearest(self, vectors: np.ndarray, depth: int, allowed: np.ndarray | None = None) -> list[list[int]]:
        """For each query vector, passage ids of the `depth` highest exact cosines among the graph's candidates.

        With a filter (`allowed`), more candidates are read and the allowed ones kept; when that leaves fewer
        than `depth` and the filter is narrow, the allowed passages are scanned exactly instead.
        """
        factor = FILTER_FACTOR if allowed is not None else RESCORE_FACTOR
        if self.index.settings.quantization == "b1":
            factor *= 2 if allowed is not None else BINARY_WIDENING
        found = self.index.candidates(vectors, depth * factor)
        if allowed is not None:
            allowed_set = set(allowed.tolist())
            found = [[pid for pid in ids.tolist() if pid in allowed_set] for ids in found]
            if len(allowed) <= EXACT_FALLBACK:
                found = [ids if len(ids) >= depth else allowed.tolist() for ids in found]
        wanted = sorted({int(pid) for ids in found for pid in ids} - self._vectors.keys())
        self._vectors.update(_read_vectors(self.db, self.index.model, wanted))
        results = []
        for vector, ids in zip(vectors, found):
            known = [int(pid) for pid in ids if int(pid) in self._vectors]
            if not known:
                results.append([])
                continue
            scores = np.stack([self._vectors[pid] for pid in known]) @ vector
            results.append([known[i] for i in np.argsort(-scores, kind="stable")[:depth]])
        return results

    def cosine(self, passage_id: int, vector: np.ndarray) -> float | None:
        """Exact cosine (the float32 row); None when the passage has no vector for this model yet."""
        row = self._vectors.get(passage_id)
        if row is None:
            row = _read_vectors(self.db, self.index.model, [passage_id]).get(passage_id)
            if row is None:
                return None
            self._vectors[passage_id] = row
        return float(row @ vector)


def _read_vectors(db: sqlite_utils.Database, model: str, ids: list[int]) -> dict[int, np.ndarray]:
    found: dict[int, np.ndarray] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for pid, blob in db.execute(f"SELECT passage_id, vector FROM embeddings WHERE model = ? "
                                    f"AND passage_id IN ({marks})", [model, *part]):
            found[pid] = np.frombuffer(blob, dtype=np.float32)
    return found


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
