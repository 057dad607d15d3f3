"""The dense side in Milvus (CHECKER_INDEX), run on Milvus Lite: the same client code as a Milvus server.

Vectors are random clustered unit vectors under a test model name, with outlet, day and language on their
documents; the exact scan (retrieval's DenseIndex, with the filter as an id list) is the reference. Hybrid search
on real text through Milvus is covered by tests/test_retrieval.py and tests/test_ann.py, which run on both backends.
"""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import sqlite_utils

import checker.index as index_module
from checker.errors import InputError
from checker.index import MilvusSearch, dense_search, index_folder, searching_archive, sync
from checker.index.milvus import MilvusTarget, close, filter_expression, milvus_target
from checker.index.settings import IndexSettings
from checker.retrieval import Filters, _allowed_passages, exact_index
from index_backends import milvus_lite  # noqa: F401 - fixture
from test_ann import MODEL, add_passages, clustered

OUTLETS = ("afp", "wafa", "reuters")


@pytest.fixture(autouse=True)
def fresh_processes() -> None:
    index_module._open.clear()


def filled(db: sqlite_utils.Database, count: int, seed: int) -> tuple[list[int], np.ndarray]:
    """`count` passages spread over three outlets, two languages and the days of 2024."""
    db["outlets"].insert_all([{"id": key, "name": key.upper(), "aliases": "[]", "origin": "registry"}
                              for key in OUTLETS], ignore=True)
    vectors = clustered(np.random.default_rng(seed), count)
    ids = add_passages(db, vectors, published=[f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}" for n in range(count)],
                       outlets=[OUTLETS[n % 3] for n in range(count)],
                       languages=["ar" if n % 2 else "en" for n in range(count)])
    return ids, vectors


def overlap(found: list[list[int]], expected: list[list[int]]) -> float:
    return sum(len(set(a) & set(e)) for a, e in zip(found, expected)) / sum(len(e) for e in expected)


def test_index_addresses_are_read_one_way() -> None:
    assert milvus_target("milvus://vectors.internal:19530") == MilvusTarget("http://vectors.internal:19530")
    assert milvus_target("milvus://vectors.internal") == MilvusTarget("http://vectors.internal:19530")
    assert milvus_target("milvus+https://db.example.org:443/newsroom") == MilvusTarget(
        "https://db.example.org:443", "newsroom")
    assert milvus_target("milvus-lite:///srv/checker/index.db") == MilvusTarget("/srv/checker/index.db")
    assert milvus_target("usearch") is None and milvus_target("/srv/claims.db") is None
    for wrong in ("milvus-lite:///srv/checker/index", "milvus://:19530"):
        with pytest.raises(InputError):
            milvus_target(wrong)
    with pytest.raises(InputError, match="CHECKER_MILVUS_TOKEN") as refused:
        milvus_target("milvus://desk:s3cret@vectors.internal:19530")
    assert "s3cret" not in str(refused.value)


def test_an_unknown_index_setting_is_one_clear_error(db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
                                                     ) -> None:
    monkeypatch.setenv("CHECKER_INDEX", "elastic://localhost:9200")
    with pytest.raises(InputError, match="CHECKER_INDEX"):
        dense_search(db, MODEL)


def test_without_pymilvus_the_error_says_what_to_install(db: sqlite_utils.Database,
                                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHECKER_INDEX", f"milvus-lite://{tmp_path / 'absent.db'}")
    monkeypatch.setitem(sys.modules, "pymilvus", None)  # as if the scale extras were not installed
    with pytest.raises(InputError, match="requirements-scale.txt"):
        dense_search(db, MODEL)


def test_filter_values_are_quoted_never_pasted() -> None:
    hostile = Filters(outlet_id='wafa" or outlet != "x', since="2024-01-05")
    expression = filter_expression(hostile, cutoff=None)
    assert expression == 'outlet == "wafa\\" or outlet != \\"x" and published >= 20240105'


@pytest.mark.usefixtures("milvus_lite")
def test_milvus_serves_every_store_size_with_exact_cosines(db: sqlite_utils.Database) -> None:
    ids, vectors = filled(db, 1500, seed=1)
    search = dense_search(db, MODEL, IndexSettings())  # far below the usearch threshold: Milvus all the same
    assert isinstance(search, MilvusSearch) and search.size == 1500
    assert index_folder(db).exists() is False  # no usearch files
    queries = clustered(np.random.default_rng(11), 40)
    exact = exact_index(db, MODEL)
    assert overlap(search.nearest(queries, 10), exact.nearest(queries, 10)) >= 0.95
    best = search.nearest(queries[:1], 5)[0]
    for pid in best + ids[:3]:  # the found ones, and ones read back by id (the lexical side's candidates)
        assert search.cosine(pid, queries[0]) == pytest.approx(exact.cosine(pid, queries[0]), abs=1e-6)
    assert search.cosine(10**9, queries[0]) is None


@pytest.mark.usefixtures("milvus_lite")
def test_outlet_date_and_language_filters_run_inside_milvus(db: sqlite_utils.Database) -> None:
    ids, _ = filled(db, 1800, seed=2)
    search = dense_search(db, MODEL)
    queries = clustered(np.random.default_rng(12), 20)
    filters = Filters(outlet_id="wafa", since="2024-03-01", until="2024-06-30")
    allowed = _allowed_passages(db, filters)
    found = search.nearest(queries, 10, filters=filters)
    assert all(len(row) == 10 and set(row) <= set(allowed.tolist()) for row in found)
    assert overlap(found, exact_index(db, MODEL).nearest(queries, 10, allowed)) >= 0.95

    arabic = {pid for pid, (language,) in zip(ids, db.execute(
        "SELECT d.language FROM passages p JOIN documents d ON d.id = p.document_id ORDER BY p.id"))
        if language == "ar"}
    in_arabic = SimpleNamespace(outlet_id=None, since=None, until=None, language="ar")
    assert all(set(row) <= arabic for row in search.nearest(queries, 10, filters=in_arabic))
    hostile = Filters(outlet_id='wafa" or outlet != "x')
    assert search.nearest(queries, 10, filters=hostile) == [[] for _ in queries]


def test_the_sync_point_lives_in_milvus_and_survives_a_restart(db: sqlite_utils.Database, milvus_lite: str) -> None:
    filled(db, 600, seed=3)
    assert sync(db, MODEL).size == 600
    close(milvus_target(milvus_lite))  # a new process: new client, no index in memory
    index_module._open.clear()
    late = clustered(np.random.default_rng(13), 20)
    late_ids = add_passages(db, late)
    reopened = index_module.milvus_index(db, MODEL, IndexSettings())
    assert reopened.refresh(db) == 20 and reopened.size == 620  # only the rows embedded since were sent
    assert [row[0] for row in reopened.bound().nearest(late, 1)] == late_ids


@pytest.mark.usefixtures("milvus_lite")
def test_rows_deleted_from_the_store_leave_milvus_at_the_next_sync(db: sqlite_utils.Database) -> None:
    ids, vectors = filled(db, 400, seed=4)
    assert sync(db, MODEL).size == 400
    gone = ids[10:20]
    db.execute(f"DELETE FROM embeddings WHERE passage_id IN ({', '.join('?' for _ in gone)})", gone)
    db.conn.commit()
    assert sync(db, MODEL).size == 390
    found = dense_search(db, MODEL).nearest(vectors[10:20], 5)
    assert not set(gone) & {pid for row in found for pid in row}


def test_old_passages_are_searched_only_with_the_archive_flag(db: sqlite_utils.Database, milvus_lite: str
                                                              ) -> None:
    vectors = clustered(np.random.default_rng(5), 800)
    days = ["2020-01-01" if n % 4 == 0 else "2099-01-01" for n in range(800)]
    ids = add_passages(db, vectors, days)
    search = dense_search(db, MODEL, IndexSettings(retention_days=365))
    probe = vectors[[0, 4, 8]]  # three old passages, as queries
    old = {pid for pid, day in zip(ids, days) if day < "2021"}
    assert not old & {pid for row in search.nearest(probe, 5) for pid in row}
    with searching_archive():
        assert [row[0] for row in search.nearest(probe, 5)] == [ids[0], ids[4], ids[8]]


def test_a_store_moved_onto_milvus_is_filled_by_one_command(db_path: Path, milvus_lite: str,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from checker.index.__main__ import main
    from checker.store.db import open_db

    monkeypatch.setenv("CHECKER_EMBEDDING_MODEL", MODEL)  # the stored vectors' model name, no model loaded
    filled(open_db(db_path), 250, seed=6)
    assert main(["--db", str(db_path)]) == 0
    assert f"{milvus_lite}: 250 vectors of {MODEL}" in capsys.readouterr().out
    monkeypatch.setenv("CHECKER_INDEX", "milvus-lite:///nowhere/index")
    assert main(["--db", str(db_path)]) == 2
    assert capsys.readouterr().err.startswith("error: a Milvus Lite index is a file ending in .db")


@pytest.mark.usefixtures("milvus_lite")
def test_milvus_holds_the_vectors_of_a_postgresql_store(pg_url: str) -> None:
    from checker.store.db import open_db

    db = open_db(pg_url)  # documents and passages in PostgreSQL, vectors and filters in Milvus
    ids, vectors = filled(db, 300, seed=7)
    search = dense_search(db, MODEL)
    assert isinstance(search, MilvusSearch) and search.size == 300
    wafa = [pid for n, pid in enumerate(ids) if OUTLETS[n % 3] == "wafa"]
    found = search.nearest(vectors[:6], 1, filters=Filters(outlet_id="wafa"))
    assert all(row[0] in wafa for row in found)
    assert [row[0] for row, pid in zip(found, ids) if pid in wafa] == [pid for pid in ids[:6] if pid in wafa]
