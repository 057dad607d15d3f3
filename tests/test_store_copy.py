"""`db copy`: a real desk (the demo evidence with its vectors, an analysis of the sample article, reviewers'
decisions) moves SQLite -> PostgreSQL -> SQLite and nothing is lost, changed or renumbered."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import StoreError
from checker.pipeline import Article, check_article
from checker.retrieval import search
from checker.review import current_decisions, decision_history, load_report, record_decision
from checker.store import copy as store_copy
from checker.store.copy import TABLES, copy_store
from checker.store.db import open_db
from checker.store.ingest import load_seed

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A claims.db as `make run` leaves it after a morning's work: seeded evidence (embedded), one analysis
    checked against it, and decisions by two reviewers (Arabic note, a corrected link, a verdict, a status)."""
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    path = tmp_path_factory.mktemp("desk") / "claims.db"
    db = open_db(path)
    assert load_seed(db).added > 0
    report, analysis_id = check_article(db, Article(SAMPLE.read_text(encoding="utf-8"), source=SAMPLE.name), k=3)
    first, second = report.analysis.claims[0].id, report.analysis.claims[1].id
    record_decision(db, analysis_id, first, "note", "المصدر لم يُذكر بالاسم، راجِع البيان", "سارة")
    record_decision(db, analysis_id, first, "status", "needs_work", "سارة")
    record_decision(db, analysis_id, second, "verdict", {"label": "contradicted", "reason": "the ministry denied it"},
                    "Omar")
    record_decision(db, analysis_id, second, "link", {"outlet_name": "Basra Chronicle", "speaker": "a spokesman",
                                                      "kind": "according_to", "confirmed": False}, "Omar")
    record_decision(db, analysis_id, second, "status", "done", "Omar")
    db.conn.close()
    return path, analysis_id


def _counts(location: object) -> dict[str, int]:
    db = open_db(location)
    try:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    finally:
        db.conn.close()


def test_a_desk_goes_to_postgresql_and_back_without_losing_anything(
        desk: tuple[Path, int], pg_cluster, tmp_path: Path) -> None:
    path, analysis_id = desk
    url = pg_cluster.empty_database()  # no schema yet: the copy creates it
    back = tmp_path / "back.db"
    try:
        there = copy_store(path, url)
        assert there.rows["embeddings"] > 0 and there.rows["decisions"] == 5 and there.rows["claim_evidence"] > 0
        again = copy_store(url, back)
        assert again.rows == there.rows == _counts(path)
        for table in TABLES:  # the round trip is identical to the original, row by row
            assert store_copy._digest(open_db(path), table) == store_copy._digest(open_db(back), table), table

        original, shared = open_db(path), open_db(url)
        assert load_report(shared, analysis_id) == load_report(original, analysis_id)
        assert current_decisions(shared, analysis_id) == current_decisions(original, analysis_id)
        assert decision_history(shared, analysis_id)[0].value == "المصدر لم يُذكر بالاسم، راجِع البيان"
        # Both stores find the same evidence for an Arabic query (vectors and text search came along).
        query = "سقوط صواريخ قرب السفارة الأمريكية في بغداد"
        assert [h.passage_id for h in search(shared, query, k=3)] == [h.passage_id for h in search(original, query, k=3)]
        # New work on the shared desk is numbered after the copied rows, not into them.
        claim = load_report(shared, analysis_id).analysis.claims[2].id
        latest = record_decision(shared, analysis_id, claim, "status", "done", "Lina")
        assert latest.id == max(d.id for d in decision_history(original, analysis_id)) + 1
        assert current_decisions(shared, analysis_id)[claim].status.value == "done"
    finally:
        pg_cluster.drop(url)


def test_copy_refuses_a_destination_that_already_holds_a_desk(desk: tuple[Path, int], pg_url: str) -> None:
    path, analysis_id = desk
    copy_store(path, pg_url)
    with pytest.raises(StoreError, match="already holds checker data"):
        copy_store(path, pg_url)
    assert _counts(pg_url)["decisions"] == 5  # the first copy is untouched


def test_the_command_line_copies_and_says_what_it_verified(
        desk: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = desk
    target = tmp_path / "copy.db"
    assert main(["db", "copy", str(path), str(target)]) == 0
    out = capsys.readouterr().out
    assert "verified them identical" in out and "decisions 5" in out
    assert main(["db", "copy", str(tmp_path / "missing.db"), str(tmp_path / "x.db")]) == 2
    assert "no such database file" in capsys.readouterr().err
