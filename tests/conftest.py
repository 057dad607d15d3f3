"""Fixtures shared by the test files: the shared eval data, the sample article, a scratch database."""
from __future__ import annotations

import inspect
from pathlib import Path
from typing import Iterator

import pytest
import sqlite_utils

from checker.store.db import open_db
from pg_server import Cluster, missing_reason

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL_DATA = SHARED / "eval" / "data"
SAMPLE_ARTICLE = SHARED / "samples" / "baghdad_embassy_ar.txt"
SAMPLE_GOLD = SHARED / "samples" / "baghdad_embassy_ar.gold.jsonl"


@pytest.fixture
def eval_data() -> Path:
    """The public datasets in ../shared/eval/data (read in place, never copied)."""
    if not EVAL_DATA.is_dir():
        pytest.skip(f"evaluation data not found at {EVAL_DATA}")
    return EVAL_DATA


@pytest.fixture
def sample_article() -> str:
    if not SAMPLE_ARTICLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE_ARTICLE}")
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch claims.db, also set as CHECKER_DB so subprocesses and the app use it."""
    path = tmp_path / "claims.db"
    monkeypatch.setenv("CHECKER_DB", str(path))
    return path


# The store suite: every test in these files taking `db` (and not the SQLite file itself, `db_path`) runs twice,
# on claims.db and on a throwaway PostgreSQL server (tests/pg_server.py).
STORE_SUITE = frozenset({"test_store", "test_ingest", "test_dedup", "test_outlets", "test_review", "test_feeds",
                         "test_pg_store", "test_pg_desk", "test_store_copy"})
BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    direct = inspect.signature(metafunc.function).parameters
    if metafunc.module.__name__.rsplit(".", 1)[-1] in STORE_SUITE and "db" in direct and "db_path" not in direct:
        metafunc.parametrize("db", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One PostgreSQL server for the whole run, started on first use and stopped at the end."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty, migrated store in its own PostgreSQL database, also set as CHECKER_DB; dropped afterwards."""
    url = pg_cluster.new_database()
    monkeypatch.setenv("CHECKER_DB", url)
    yield url
    pg_cluster.drop(url)


@pytest.fixture
def db(request: pytest.FixtureRequest) -> sqlite_utils.Database:
    """An empty, migrated claims.db (files that need stored data override this); in the store suite, also the
    same store on PostgreSQL."""
    if getattr(request, "param", "sqlite") == "postgresql":
        return open_db(request.getfixturevalue("pg_url"))
    return open_db(request.getfixturevalue("db_path"))


@pytest.fixture
def no_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Storage tests skip the sentence model; the tests that check embedding ask for it explicitly."""
    monkeypatch.setenv("CHECKER_SKIP_EMBEDDINGS", "1")
