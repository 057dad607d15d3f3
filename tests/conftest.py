"""Fixtures shared by the test files: the shared eval data, the sample article, a scratch database."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from checker.store.db import open_db

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


@pytest.fixture
def db(db_path: Path) -> sqlite_utils.Database:
    """An empty, migrated claims.db (files that need stored data override this)."""
    return open_db(db_path)


@pytest.fixture
def no_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Storage tests skip the sentence model; the tests that check embedding ask for it explicitly."""
    monkeypatch.setenv("CHECKER_SKIP_EMBEDDINGS", "1")
