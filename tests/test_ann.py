"""The ANN index of the dense side: recall against the exact scan, incremental files, threshold, retention.

Vectors here are random clustered unit vectors under a test model name (no model is loaded), except the
hybrid-search tests on the demo evidence with the real model, which run through both index backends (the usearch
files and Milvus Lite; Milvus's own behaviour is in tests/test_milvus.py).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import sqlite_utils

import checker.index as index_module
from checker.index import dense_search, index_folder, searching_archive, sync
from checker.index.settings import IndexSettings
from checker.retrieval import exact_index
from checker.store.db import run_write
from index_backends import BACKENDS, index_backend, milvus_lite  # noqa: F401 - fixtures

MODEL = "test-vectors"
DIM = 64


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def clustered(rng: np.random.Generator, count: int) -> np.ndarray:
    centres = rng.normal(size=(40, DIM))
    return unit(centres[rng.integers(0, 40, count)] + 0.6 * rng.normal(size=(count, DIM)))


def add_passages(db: sqlite_utils.Database, vectors: np.ndarray, published: list[str] | None = None,
                 outlets: list[str | None] | None = None, languages: list[str] | None = None) -> list[int]:
    """One document per vector, with its passage and embedding row; returns the passage ids."""
    def write() -> list[int]:
        ids = []
        for n, vector in enumerate(vectors):
            day = published[n] if published else "2026-11-30"
            start = db.execute("SELECT count(*) FROM documents").fetchone()[0]
            doc = db.execute("INSERT INTO documents (text, content_hash, published, outlet_id, language) "
                             "VALUES (?, ?, ?, ?, ?)", [f"document {start}", f"hash-{start}", day,
                                                        outlets[n] if outlets else None,
                                                        languages[n] if languages else "en"]).lastrowid
            pid = db.execute("INSERT INTO passages (document_id, idx, text, search_text, start, \"end\") "
                             "VALUES (?, 0, ?, ?, 0, 10)", [doc, f"passage {start}", f"passage {start}"]).lastrowid
            db.execute("INSERT INTO embeddings (passage_id, model, dim, vector) VALUES (?, ?, ?, ?)",
                       [pid, MODEL, len(vector), vector.tobytes()])
            ids.append(pid)
        return ids

    return run_write(db, write)


@pytest.fixture(autouse=True)
def fresh_processes() -> None:
    """Each test starts like a new process: no index held in memory."""
    index_module._open.clear()
    index_module._counts.clear()


SMALL = IndexSettings(min_vectors=500)


def recall(db: sqlite_utils.Database, queries: np.ndarray, depth: int = 10) -> float:
    ann = dense_search(db, MODEL, SMALL)
    assert ann is not None
    exact = exact_index(db, MODEL).nearest(queries, depth)
    found = ann.nearest(queries, depth)
    return sum(len(set(a) & set(e)) for a, e in zip(found, exact)) / (depth * len(queries))


def test_the_exact_scan_serves_small_stores(db: sqlite_utils.Database) -> None:
    add_passages(db, clustered(np.random.default_rng(1), 100))
    assert dense_search(db, MODEL, SMALL) is None
    assert sync(db, MODEL, SMALL) is None and not index_folder(db).exists()


def test_ann_recall_against_the_exact_scan_and_exact_cosines(db: sqlite_utils.Database) -> None:
    rng = np.random.default_rng(2)
    add_passages(db, clustered(rng, 3000))
    queries = clustered(rng, 50)
    assert recall(db, queries) >= 0.95
    ann = dense_search(db, MODEL, SMALL)
    best = ann.nearest(queries[:1], 5)[0]
    exact = exact_index(db, MODEL)
    for pid in best:  # rescored: the cosine is the float32 one, not the int8 estimate
        assert ann.cosine(pid, queries[0]) == pytest.approx(exact.cosine(pid, queries[0]), abs=1e-6)
    assert ann.cosine(10**9, queries[0]) is None


def test_the_index_grows_incrementally_and_survives_a_restart(db: sqlite_utils.Database) -> None:
    rng = np.random.default_rng(3)
    add_passages(db, clustered(rng, 1200))
    written = sync(db, MODEL, SMALL)
    assert written is not None and written.size == 1200
    folder = index_folder(db)
    assert sorted(path.name for path in folder.iterdir()) == [f"{MODEL}.hot.usearch", f"{MODEL}.json"]
    late = clustered(rng, 30)
    late_ids = add_passages(db, late)
    ann = dense_search(db, MODEL, SMALL)  # same process: the new rows are added in memory
    assert [found[0] for found in ann.nearest(late, 1)] == late_ids
    index_module._open.clear()  # a new process: loads the file (1,200) and adds only the 30 rows since
    reopened = index_module._index(db, MODEL, SMALL, folder)
    assert reopened.size == 1230 and reopened.last_rowid == db.execute("SELECT max(rowid) FROM embeddings"
                                                                      ).fetchone()[0]
    assert [found[0] for found in reopened.bound(db).nearest(late, 1)] == late_ids


def test_a_filter_keeps_only_allowed_passages(db: sqlite_utils.Database) -> None:
    rng = np.random.default_rng(4)
    ids = add_passages(db, clustered(rng, 1500))
    allowed = np.array(ids[::50], dtype=np.int64)  # 30 passages
    ann = dense_search(db, MODEL, SMALL)
    found = ann.nearest(clustered(rng, 5), 10, allowed)
    assert all(len(row) == 10 and set(row) <= set(allowed.tolist()) for row in found)


def test_old_passages_are_archived_and_searched_on_demand(db: sqlite_utils.Database) -> None:
    rng = np.random.default_rng(5)
    vectors = clustered(rng, 1000)
    days = ["2020-01-01" if n % 4 == 0 else "2099-01-01" for n in range(1000)]
    ids = add_passages(db, vectors, days)
    keeping = IndexSettings(min_vectors=500, retention_days=365)
    old = [pid for pid, day in zip(ids, days) if day < "2021"]
    ann = dense_search(db, MODEL, keeping)
    assert ann.index.size == 1000 and len(ann.index.archive) == len(old) == 250
    probe = vectors[[0, 4, 8]]  # three archived passages, as queries
    assert not set(old) & {pid for row in ann.nearest(probe, 5) for pid in row}
    with searching_archive():
        assert [row[0] for row in ann.nearest(probe, 5)] == [ids[0], ids[4], ids[8]]
    sync(db, MODEL, keeping)
    assert (index_folder(db) / f"{MODEL}.archive.usearch").exists()


@pytest.mark.parametrize("backend", BACKENDS)
def test_hybrid_search_through_the_index_matches_the_exact_scan(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                request: pytest.FixtureRequest, backend: str) -> None:
    from checker.retrieval import search
    from checker.store.db import open_db
    from checker.store.ingest import load_seed

    db = open_db(db_path)
    load_seed(db, embed=True)
    queries = ["صواريخ على السفارة الأمريكية في بغداد", "How many US troops are in Iraq?"]
    monkeypatch.delenv("CHECKER_INDEX", raising=False)
    monkeypatch.setenv("CHECKER_ANN_MIN_VECTORS", "1000000")
    exact = [[hit.passage_id for hit in search(db, query, k=5)] for query in queries]
    if backend == "milvus-lite":
        request.getfixturevalue("milvus_lite")
    monkeypatch.setenv("CHECKER_ANN_MIN_VECTORS", "10")
    kind = index_module.MilvusSearch if backend == "milvus-lite" else index_module.AnnSearch
    assert isinstance(dense_search(db, "use-multilingual-v3"), kind)
    assert [[hit.passage_id for hit in search(db, query, k=5)] for query in queries] == exact


@pytest.mark.usefixtures("index_backend")
def test_archived_passages_are_searched_with_the_archive_flag(db_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "CHECKER_ANN_MIN_VECTORS": "10", "CHECKER_RETENTION_DAYS": "30"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "checker", "evidence", *args, "--db", str(db_path)], cwd=root,
                              capture_output=True, text=True, env=env, timeout=300)

    assert run("seed").returncode == 0  # the demo reports are from December 2023: all archived
    query = ("search", "How many American soldiers are stationed in Iraq?", "--format", "json")
    hot = json.loads(run(*query).stdout)
    everything = json.loads(run(*query, "--archive").stdout)
    assert all(hit["dense_rank"] is None for hit in hot)  # the hot index is empty; words still find some
    assert any(hit["dense_rank"] is not None for hit in everything)


def test_binary_quantization_keeps_recall_through_rescoring(db: sqlite_utils.Database) -> None:
    rng = np.random.default_rng(6)  # 512 dimensions, as USE: one bit each keeps enough to find the candidates
    centres = rng.normal(size=(40, 512))
    add_passages(db, unit(centres[rng.integers(0, 40, 2000)] + 0.6 * rng.normal(size=(2000, 512))))
    binary = IndexSettings(min_vectors=500, quantization="b1")
    ann = dense_search(db, MODEL, binary)
    queries = unit(centres[rng.integers(0, 40, 40)] + 0.6 * rng.normal(size=(40, 512)))
    exact = exact_index(db, MODEL).nearest(queries, 10)
    found = ann.nearest(queries, 10)
    assert sum(len(set(a) & set(e)) for a, e in zip(found, exact)) / 400 >= 0.9
    sync(db, MODEL, binary)
    index_module._open.clear()
    assert dense_search(db, MODEL, SMALL).index.settings.quantization == "i8"  # other settings: rebuilt


def test_passages_that_age_out_move_to_the_archive(db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:
    import datetime as real

    import checker.index.settings as settings_module

    rng = np.random.default_rng(7)
    vectors = clustered(rng, 800)
    today = real.date.today()
    recent = (today - real.timedelta(days=10)).isoformat()
    ids = add_passages(db, vectors, [recent if n % 2 else "2099-01-01" for n in range(800)])
    keeping = IndexSettings(min_vectors=500, retention_days=30)
    ann = dense_search(db, MODEL, keeping)
    assert len(ann.index.archive) == 0

    class Later(real.date):
        @classmethod
        def today(cls) -> real.date:
            return today + real.timedelta(days=40)  # the recent half is now 50 days old

    monkeypatch.setattr(settings_module, "date", Later)
    moved = dense_search(db, MODEL, keeping).index
    assert len(moved.archive) == 400 and len(moved.hot) == 400
    old = set(ids[1::2])
    assert not old & {pid for row in moved.bound(db).nearest(vectors[1:20:2], 5) for pid in row}
    with searching_archive():
        assert [row[0] for row in moved.bound(db).nearest(vectors[1:20:2], 5)] == ids[1:20:2]
