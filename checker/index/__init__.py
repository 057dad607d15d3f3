"""The dense side's index choice: the exact scan for small stores, the on-disk ANN index above a threshold,
or Milvus when CHECKER_INDEX names one.

`dense_search(db, model)` is what retrieval asks for: with CHECKER_INDEX set to
a Milvus server or Milvus Lite file, a `MilvusSearch` over that collection
(`checker.index.milvus`, at every store size); otherwise None while the store
holds fewer than CHECKER_ANN_MIN_VECTORS vectors of that model (retrieval keeps
its exact in-memory scan, also the recall reference), else an `AnnSearch` over
the usearch graph next to the database (`checker.index.ann`). `sync(db)` brings
the index up to date and writes it (after bulk imports and in the watch loop).
"""
from __future__ import annotations

import threading
from pathlib import Path

import sqlite_utils

from checker.errors import InputError
from checker.index.ann import AnnIndex, AnnSearch, searching_archive
from checker.index.milvus import MilvusIndex, MilvusSearch, client_for, milvus_target
from checker.index.settings import IndexSettings, index_location, index_settings

__all__ = ["AnnIndex", "AnnSearch", "MilvusSearch", "dense_search", "index_folder", "searching_archive", "sync"]

_open: dict[tuple[str, ...], AnnIndex | MilvusIndex] = {}
_counts: dict[tuple[str, str], tuple[int, int]] = {}  # (database, model) -> (max rowid seen, vectors of model)
_lock = threading.Lock()


def index_folder(db: sqlite_utils.Database) -> Path | None:
    """`claims.db.ann/` beside the database file; None for an in-memory database."""
    path = _database_path(db)
    return Path(f"{path}.ann") if path else None


def _database_path(db: sqlite_utils.Database) -> str:
    return next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")


def dense_search(db: sqlite_utils.Database, model: str, settings: IndexSettings | None = None
                 ) -> AnnSearch | MilvusSearch | None:
    """The ANN or Milvus search for this store and model, or None when the exact scan should serve it."""
    settings = settings or index_settings()
    milvus = milvus_index(db, model, settings)
    if milvus is not None:
        milvus.refresh(db)
        return milvus.bound()
    folder = index_folder(db)
    if folder is None or not _big_enough(db, model, settings, str(folder)):
        return None
    return _index(db, model, settings, folder).bound(db)


def sync(db: sqlite_utils.Database, model: str, settings: IndexSettings | None = None, *,
         force: bool = False) -> AnnIndex | MilvusIndex | None:
    """Add what `embeddings` gained to the index files (or Milvus) and write them; None below the threshold
    (unless forced). Milvus is also checked against the store's count and repaired if they differ."""
    settings = settings or index_settings()
    milvus = milvus_index(db, model, settings)
    if milvus is not None:
        milvus.refresh(db, verify=True)
        return milvus
    folder = index_folder(db)
    if folder is None or not (force or _big_enough(db, model, settings, str(folder))):
        return None
    index = _index(db, model, settings, folder)
    index.save()
    return index


def milvus_index(db: sqlite_utils.Database, model: str, settings: IndexSettings) -> MilvusIndex | None:
    """The Milvus collection of this model when CHECKER_INDEX names a Milvus, else None."""
    location = index_location()
    target = milvus_target(location) if location else None
    if target is None:
        if location:
            raise InputError(f"CHECKER_INDEX={location!r} is not milvus://host:port or milvus-lite:///path/index.db")
        return None
    from checker.retrieval import database_key  # the same store identity as retrieval's exact index

    key = (f"{target.uri}/{target.database}", model, database_key(db))
    with _lock:
        index = _open.get(key)
        if index is None:
            index = _open[key] = MilvusIndex(client_for(target), model, settings)
        index.settings = settings
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
