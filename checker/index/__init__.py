"""The dense side's index choice: the exact scan for small stores, the on-disk ANN index above a threshold.

`dense_search(db, model)` is what retrieval asks for: None while the store
holds fewer than CHECKER_ANN_MIN_VECTORS vectors of that model (retrieval keeps
its exact in-memory scan, also the recall reference), else an `AnnSearch` over
the usearch graph next to the database (`checker.index.ann`). `sync(db)` brings
the files up to date and writes them (after imports, in the watch loop, and
by `python -m checker evidence index`).
"""
from __future__ import annotations

import threading
from pathlib import Path

import sqlite_utils

from checker.index.ann import AnnIndex, AnnSearch, searching_archive
from checker.index.settings import IndexSettings, index_settings

__all__ = ["AnnIndex", "AnnSearch", "dense_search", "index_folder", "searching_archive", "sync"]

_open: dict[tuple[str, str], AnnIndex] = {}
_counts: dict[tuple[str, str], tuple[int, int]] = {}  # (database, model) -> (max rowid seen, vectors of model)
_lock = threading.Lock()


def index_folder(db: sqlite_utils.Database) -> Path | None:
    """`claims.db.ann/` beside the database file; None for an in-memory database."""
    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    return Path(f"{path}.ann") if path else None


def dense_search(db: sqlite_utils.Database, model: str, settings: IndexSettings | None = None) -> AnnSearch | None:
    """The ANN search for this store and model, or None when the exact scan should serve it."""
    settings = settings or index_settings()
    folder = index_folder(db)
    if folder is None or not _big_enough(db, model, settings, str(folder)):
        return None
    return _index(db, model, settings, folder).bound(db)


def sync(db: sqlite_utils.Database, model: str, settings: IndexSettings | None = None, *,
         force: bool = False) -> AnnIndex | None:
    """Add what `embeddings` gained to the index files and write them; None below the threshold (unless forced)."""
    settings = settings or index_settings()
    folder = index_folder(db)
    if folder is None or not (force or _big_enough(db, model, settings, str(folder))):
        return None
    index = _index(db, model, settings, folder)
    index.save()
    return index


def _index(db: sqlite_utils.Database, model: str, settings: IndexSettings, folder: Path) -> AnnIndex:
    key = (str(folder), model)
    with _lock:
        index = _open.get(key)
        if index is None or index.settings != settings:
            index = _open[key] = AnnIndex(model, folder, settings)
    index.refresh(db)
    return index


def _big_enough(db: sqlite_utils.Database, model: str, settings: IndexSettings, key: str) -> bool:
    """Counting a million rows costs ~50 ms, so the count is redone only when `embeddings` grew."""
    latest = db.execute("SELECT coalesce(max(rowid), 0) FROM embeddings").fetchone()[0]
    with _lock:
        seen, count = _counts.get((key, model), (-1, 0))
    if latest != seen:
        count = db.execute("SELECT count(*) FROM embeddings WHERE model = ?", [model]).fetchone()[0]
        with _lock:
            _counts[(key, model)] = (latest, count)
    return count >= settings.min_vectors
