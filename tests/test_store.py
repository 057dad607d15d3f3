"""claims.db robustness (locked, corrupt, wrong file), the outlets table, and passage splitting."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils

import checker.store.db as store_db
from checker.errors import InputError, StoreError
from checker.outlets import load_registry
from checker.store.db import SCHEMA_VERSION, open_db, schema_version
from checker.store.ingest import add_text
from checker.store.outlets import (
    add_alias, add_outlet, registry_with_db, resolve_outlet, stored_outlets, sync_outlets,
)
from checker.store.passages import split_passages

REPORT = "Rockets were fired at the US embassy in Baghdad on Friday. An embassy spokesperson said nobody was hurt."


# Storage tests: the one that checks embedding passes embed=True.
pytestmark = pytest.mark.usefixtures("no_embeddings")


def test_a_new_database_has_the_current_schema(db: sqlite_utils.Database) -> None:
    assert schema_version(db) == SCHEMA_VERSION
    assert set(store_db.CHECKER_TABLES) <= set(db.table_names())


def test_a_locked_database_is_retried_then_refused_with_a_clear_message(
        db: sqlite_utils.Database, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db.execute("PRAGMA busy_timeout = 50")
    pauses: list[float] = []
    monkeypatch.setattr(store_db.time, "sleep", pauses.append)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another process"):
            add_text(db, REPORT)
        assert len(pauses) == store_db.LOCK_RETRIES
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db["documents"].count == 0
    assert add_text(db, REPORT).added == 1


def test_a_briefly_locked_database_succeeds_on_retry(db: sqlite_utils.Database, db_path: Path) -> None:
    db.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.3, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        assert add_text(db, REPORT).added == 1
    finally:
        release.join()
        holder.close()


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    """The Streamlit app and a CLI import may both create claims.db: the schema is created once."""
    path = tmp_path / "fresh.db"
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            open_db(path).conn.close()
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert schema_version(open_db(path)) == SCHEMA_VERSION


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    path.write_bytes(b"these are the reporter's notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a usable checker database.*move it aside"):
        open_db(path)
    assert path.read_bytes().startswith(b"these are the reporter's notes")  # nothing overwritten


def test_a_damaged_database_fails_writes_with_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    db = open_db(path)
    for n in range(40):
        add_text(db, f"{REPORT} Report {n}. " + "More detail about the attack. " * 40)
    db.conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2:] = b"\xff" * (len(data) - page * 2)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged|not a usable"):
        damaged = open_db(path)
        add_text(damaged, "A brand new report about rockets over the Green Zone.")


def test_a_folder_or_a_newer_schema_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_db(tmp_path)
    path = tmp_path / "future.db"
    future = sqlite3.connect(path)
    future.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    future.close()
    with pytest.raises(StoreError, match="upgrade checker"):
        open_db(path)


def test_registry_outlets_are_synced_and_reviewer_aliases_survive(db: sqlite_utils.Database) -> None:
    registry = load_registry()
    synced = sync_outlets(db, registry)
    assert synced == len(registry.entries()) and db["outlets"].count == synced
    assert db["outlets"].get("afp")["origin"] == "registry"
    add_alias(db, "afp", "الفرنسية للأنباء")
    sync_outlets(db, registry)
    assert "الفرنسية للأنباء" in db["outlets"].get("afp")["aliases"]
    assert stored_outlets(db) == []  # registry rows are not extras
    found = registry_with_db(db).find("الفرنسية للأنباء")
    assert found is not None and found.id == "afp"
    with pytest.raises(InputError, match="already names another outlet"):
        add_alias(db, "afp", "رويترز")


def test_a_reviewer_outlet_is_recognised_by_the_next_analysis(db: sqlite_utils.Database) -> None:
    outlet = add_outlet(db, "Erbil Star", aliases=["نجمة أربيل"], country="IQ")
    assert outlet.id == "erbil-star" and outlet.origin == "reviewer"
    found = registry_with_db(db).find("نجمة أربيل")
    assert found is not None and found.id == "erbil-star"
    with pytest.raises(InputError, match="already known"):
        add_outlet(db, "نجمة أربيل")
    with pytest.raises(InputError, match="already known"):
        add_outlet(db, "Agence France-Presse")


def test_resolving_an_outlet_by_alias_or_as_new(db: sqlite_utils.Database) -> None:
    afp, created = resolve_outlet(db, "وكالة الصحافة الفرنسية")
    assert afp is not None and afp.id == "afp" and not created
    new, created = resolve_outlet(db, "قناة السنابل")
    assert new is not None and created and new.origin == "import"
    again, created = resolve_outlet(db, "قناه السنابل")  # ta marbuta folded
    assert again == new and not created
    assert resolve_outlet(db, "Unheard Of Weekly", create=False) == (None, False)


def test_passages_keep_offsets_and_never_cross_a_paragraph_break() -> None:
    text = ("هل استهدفت الصواريخ السفارة الأمريكية؟ نعم، قال متحدث باسم السفارة إن وابلين من الصواريخ أطلقا.\n\n"
            "About 2,500 U.S. troops are in Iraq. About 900 are in Syria.")
    passages = split_passages(text)
    assert [p.text for p in passages] == [
        "هل استهدفت الصواريخ السفارة الأمريكية؟ نعم، قال متحدث باسم السفارة إن وابلين من الصواريخ أطلقا.",
        "About 2,500 U.S. troops are in Iraq. About 900 are in Syria.",
    ]
    assert all(text[p.start:p.end] == p.text for p in passages)
    assert passages[0].search_text.startswith("هل استهدفت الصواريخ السفاره الامريكيه")


def test_long_text_is_packed_into_sentence_aligned_passages() -> None:
    sentence = "The spokesperson said the embassy urged Iraq to protect diplomatic staff and coalition partners. "
    text = sentence * 12 + "word " * 200
    passages = split_passages(text)
    assert all(len(p.text) <= 360 for p in passages)
    assert all(p.text.endswith(".") for p in passages[:4])
    assert all(not p.text.startswith(" ") and not p.text.endswith(" ") for p in passages)
    assert all(text[p.start:p.end] == p.text for p in passages)
    assert split_passages(" \n\n ") == []
