"""Fuzzing the two doors user data comes through: `analyze FILE` and `evidence import FILE`.

Hypothesis builds hostile inputs (random bytes, mixed scripts and encodings, quotes and tags never closed,
deep JSON, wrong types, huge or empty fields); every case must end with a documented exit code and no
traceback, and the database must pass SQLite's integrity check afterwards. Examples are bounded and
derandomised so CI runs the same cases in a bounded time.
"""
from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces that have broken a stage before: quotes of every kind, tags and comments, digits and separators,
# Arabic letters and diacritics, right-to-left marks, control characters, newlines.
PIECES = ['"', "«", "»", "“", "”", "''", "<!--", "-->", "<script>", "</p>", "<p ", "<", ">", "&amp;", "2,500",
          "٢٥٠٠", "%", "$", "وقال", "قال مسؤول لوكالة فرانس برس إن", "said", "told Reuters", "according to",
          "المسؤول", "the official", ".", "؟", "،", "\n", "\n\n", "\u200f", "\u064e", "\x00", "\x07", "\ufeff",
          "\ud7ff", "ﷺ", " "]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=300).map("".join)
ENCODED = st.one_of(
    TEXT.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    TEXT.map(lambda t: t.encode("utf-16", errors="surrogatepass")),
    TEXT.map(lambda t: t.encode("cp1256", errors="replace")),
    st.binary(max_size=3000),
    st.tuples(TEXT, st.binary(max_size=4)).map(lambda p: p[0].encode("utf-8", "replace") + p[1]),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
FIELDS = st.fixed_dictionaries({"text": st.one_of(TEXT, JSON_VALUES)}, optional={
    "outlet": st.one_of(TEXT, st.sampled_from(["AFP", "رويترز", "!!!", "", " "]), JSON_VALUES),
    "url": st.one_of(TEXT, st.sampled_from(["https://example.org/a", "javascript:alert(1)", "http://" + "a" * 5000])),
    "title": st.one_of(TEXT, st.text(min_size=1000, max_size=1100)),
    "published": st.one_of(TEXT, st.sampled_from(["2023-12-08", "2023-02-30", "12/08/2023"])),
    "language": st.one_of(TEXT, st.sampled_from(["ar", "en", "xx"])),
    "@type": st.sampled_from(["ClaimReview", "NewsArticle", "DataFeed"]),
    "claimReviewed": TEXT, "reviewRating": JSON_VALUES,
})
LINE = st.one_of(
    FIELDS.map(lambda d: json.dumps(d, ensure_ascii=False)),
    JSON_VALUES.map(json.dumps),
    st.integers(1, 3000).map(lambda depth: '{"text": "x", "y": ' + "[" * depth + "]" * depth + "}"),
    TEXT.filter(lambda t: "\n" not in t),
)


@pytest.fixture(scope="module")
def store() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def run(args: list[str]) -> tuple[int, str]:
    """The CLI in this process: any exception escaping main() is a traceback a user would see."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, err.getvalue()


def assert_healthy(db: Path) -> None:
    if db.exists():
        with contextlib.closing(sqlite3.connect(db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@FUZZ
@given(data=ENCODED)
def test_analyze_never_shows_a_traceback(store: Path, data: bytes, monkeypatch_env: Any) -> None:
    article = store / "article.txt"
    article.write_bytes(data)
    code, err = run(["analyze", str(article), "--no-evidence"])
    assert code in (0, 2), err
    assert code == 0 or (err.startswith("error: ") and "Traceback" not in err)


@FUZZ
@given(lines=st.lists(LINE, min_size=1, max_size=8))
def test_evidence_import_never_shows_a_traceback_and_keeps_the_database_whole(store: Path, lines: list[str],
                                                                                monkeypatch_env: Any) -> None:
    path = store / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    db = store / "claims.db"
    code, err = run(["evidence", "import", str(path), "--db", str(db)])
    assert code in (0, 1, 2), err  # 1: some lines rejected; 2: the file refused as a whole
    assert code != 2 or (err.startswith("error: ") and "Traceback" not in err)
    assert_healthy(db)


@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=ENCODED)
def test_analyze_into_the_store_keeps_the_database_whole(store: Path, data: bytes, monkeypatch_env: Any) -> None:
    article = store / "stored.txt"
    article.write_bytes(data)
    db = store / "claims.db"
    code, err = run(["analyze", str(article), "--db", str(db)])
    assert code in (0, 2), err
    assert_healthy(db)


@pytest.fixture(scope="module")
def monkeypatch_env() -> Iterator[None]:
    """Text-only imports (no model) for the import cases, set once for the module."""
    patch = pytest.MonkeyPatch()
    patch.setenv("CHECKER_SKIP_EMBEDDINGS", "1")
    yield
    patch.undo()
