"""The store on both engines: lexical search on the Arabic-normalised text, several desks writing at once, and
PostgreSQL's own failure modes said in one line. Tests taking `db` run on claims.db and on PostgreSQL."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from checker import retrieval
from checker.errors import StoreError
from checker.models import Report
from checker.pipeline import analyze
from checker.retrieval import Filters, fts_query
from checker.review import current_decisions, decision_history, record_decision, save_report
from checker.store import pg_schema
from checker.store.db import MIGRATIONS, SCHEMA_VERSION, open_db, schema_version
from checker.store.ingest import add_text, import_file
from checker.store.pg_dialect import translate

pytestmark = pytest.mark.usefixtures("no_embeddings")

EMBASSY_AR = ("أطلِقت خمسة صواريخ على السفارة الأمريكية في بغداد، يوم الجمعة، وقال مسؤول أمني إن أحداً لم يُصب.\n\n"
              "وأعلنت وزارة الداخلية فتح تحقيق في الهجوم.")
PORT_AR = "افتتحت الحكومة العراقية ميناء الفاو الكبير في البصرة بعد سنوات من العمل."
TROOPS_EN = "The Pentagon said 2,500 US troops would stay in Iraq, a spokesman told Reuters on Monday."


def _lexical(db, query: str, filters: Filters = Filters()) -> list[str]:
    """The passages retrieval's lexical side finds for `query`, best first, as their text."""
    hits = retrieval._bm25(db, fts_query(query), filters, 10)
    texts = dict(db.execute("SELECT id, text FROM passages").fetchall())
    return [texts[pid] for pid, _, _ in hits]


def test_every_sqlite_migration_has_its_postgresql_twin() -> None:
    assert len(pg_schema.MIGRATIONS) == len(MIGRATIONS) == SCHEMA_VERSION


def test_arabic_search_ignores_hamza_diacritics_ta_marbuta_and_punctuation(db) -> None:
    add_text(db, EMBASSY_AR, outlet="Reuters", published="2023-12-08")
    add_text(db, PORT_AR, outlet="AFP", published="2024-01-15")
    add_text(db, TROOPS_EN, outlet="Reuters", published="2024-02-01")
    # Typed without hamza or diacritics, with ه for ة, and "بغداد" written beside a comma in the text.
    found = _lexical(db, "اطلقت صواريخ على السفاره في بغداد")
    assert found and found[0].startswith("أطلِقت خمسة صواريخ")
    assert found[-1] == PORT_AR  # it shares only "في" with the query
    assert _lexical(db, "troops Pentagon") == [TROOPS_EN]
    assert _lexical(db, "ميناء الفاو")[0] == PORT_AR


def test_lexical_search_honours_outlet_and_date_filters(db) -> None:
    add_text(db, EMBASSY_AR, outlet="Reuters", published="2023-12-08")
    add_text(db, "سقطت صواريخ قرب السفارة الأمريكية في بغداد مساء الأحد.", outlet="AFP", published="2024-03-03")
    query = "صواريخ السفارة بغداد"
    assert len(_lexical(db, query)) == 2
    assert _lexical(db, query, Filters(outlet_id="afp")) == ["سقطت صواريخ قرب السفارة الأمريكية في بغداد مساء الأحد."]
    assert _lexical(db, query, Filters(until="2023-12-31"))[0].startswith("أطلِقت")


def test_word_rarity_counts_are_the_same_on_both_engines(db) -> None:
    for text in (EMBASSY_AR, PORT_AR, TROOPS_EN):
        add_text(db, text)
    weights, passages = retrieval._idf(db, ["بغداد", "الفاو", "troops", "غائبة"])
    assert passages == 4  # the embassy report is two passages
    assert weights["غائبة"] > weights["الفاو"] > weights["بغداد"] - 1e-9


def test_two_reviewers_saving_at_once_keep_every_decision(db) -> None:
    """Two desk processes' connections, 40 decisions each on the same claims at the same moment."""
    report = Report(analyze(TROOPS_EN + "\n\n" + "The ministry said the embassy was closed on Sunday."))
    analysis_id = save_report(db, report, source="paste")
    keys = [claim.id for claim in report.analysis.claims]
    other = open_db(os.environ["CHECKER_DB"])
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def review(handle, reviewer: str) -> None:
        try:
            start.wait()
            for n in range(40):
                record_decision(handle, analysis_id, keys[n % len(keys)], "note", f"{reviewer} note {n}", reviewer)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=review, args=(handle, name)) for handle, name in ((db, "Sara"), (other, "Omar"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    history = decision_history(db, analysis_id)
    assert len(history) == 80
    assert {d.value for d in history} == {f"{r} note {n}" for r in ("Sara", "Omar") for n in range(40)}
    # The current note of each claim is the one written last, whichever desk wrote it.
    for key in keys:
        assert current_decisions(other, analysis_id)[key].note.id == max(d.id for d in history if d.claim_key == key)


def test_two_imports_of_overlapping_batches_at_once_store_each_document_once(db, tmp_path: Path) -> None:
    texts = [f"Report {n}: rockets were fired at the Green Zone in Baghdad, police said on day {n}." for n in range(30)]
    batches = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    import json

    batches[0].write_text("\n".join(json.dumps({"text": t, "outlet": "Basra Chronicle"}) for t in texts[:20]))
    batches[1].write_text("\n".join(json.dumps({"text": t, "outlet": "Basra Chronicle"}) for t in texts[10:]))
    other = open_db(os.environ["CHECKER_DB"])
    start = threading.Barrier(2)
    results, failures = [], []

    def load(handle, path: Path) -> None:
        try:
            start.wait()
            results.append(import_file(handle, path))
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=load, args=pair) for pair in ((db, batches[0]), (other, batches[1]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert sum(r.added for r in results) == 30 and sum(r.skipped for r in results) == 10
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 30
    assert db.execute("SELECT count(*) FROM outlets WHERE name = 'Basra Chronicle'").fetchone()[0] == 1


def test_an_unreachable_server_is_one_clear_line(tmp_path: Path, pg_cluster) -> None:
    url = f"postgresql://checker@/nowhere?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="cannot connect to postgresql://checker@") as error:
        open_db(url)
    assert "\n" not in str(error.value)


def test_a_password_never_reaches_the_error_line() -> None:
    """A URL psycopg cannot parse, and a server that refuses: one line each, the password in neither."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    for url in ("postgresql://desk:s3cr%zz@localhost/claims", "postgresql://desk:s3cret@127.0.0.1:1/claims"):
        done = subprocess.run([sys.executable, "-m", "checker", "analyses", "--db", url], cwd=root,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "s3cr" not in done.stderr and done.stderr.startswith("error: ")


def test_another_applications_database_is_left_alone(pg_cluster) -> None:
    url = pg_cluster.empty_database()
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE invoices (id integer)")
        with pytest.raises(StoreError, match="another application's tables \\(invoices\\)"):
            open_db(url)
        assert schema_version(open_db(url, adopt=True)) == SCHEMA_VERSION
    finally:
        pg_cluster.drop(url)


def test_a_newer_schema_is_refused_not_downgraded(pg_url: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE checker_schema SET version = %s", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="newer than this checker"):
        open_db(pg_url)


def test_sqlite_idioms_become_postgresql_without_touching_quoted_text() -> None:
    replace = translate("INSERT OR REPLACE INTO passage_groups (passage_id, group_id) VALUES (?, ?)")
    assert replace.sql.endswith('ON CONFLICT ("passage_id") DO UPDATE SET "group_id" = EXCLUDED."group_id"')
    assert translate("INSERT OR IGNORE INTO feed_items (feed_url) VALUES (?)").sql.endswith("ON CONFLICT DO NOTHING")
    quoted = translate("SELECT id FROM [documents] WHERE 1 AND title = 'is it 50% ? :no' AND url = :url")
    assert quoted.sql == "SELECT id FROM \"documents\" WHERE TRUE AND title = 'is it 50%% ? :no' AND url = %(url)s"
    assert translate("INSERT INTO decisions (field) VALUES (?)").returns_id
