"""Issue 13's defects in decoding, imports, the database and the command line: each test failed before its fix."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
import sqlite_utils

from checker.errors import InputError, StoreError
from checker.store.db import open_db, run_write
from checker.store.ingest import add_source, import_file
from checker.text import decode_input, decode_text

ROOT = Path(__file__).resolve().parent.parent
ARABIC = ("قال مسؤول عسكري أمريكي لوكالة فرانس برس إن صفارات الإنذار دوت قرب السفارة الأمريكية في بغداد فجر "
          "الجمعة، وأضاف أن نحو 2500 جندي أمريكي ينتشرون في العراق ضمن التحالف الدولي.\n\n") * 6


def run_cli(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env={**os.environ, "CHECKER_SKIP_EMBEDDINGS": "1", **(env or {})},
                          **kwargs)  # type: ignore[call-overload]


def one_line_error(result: subprocess.CompletedProcess[str]) -> bool:
    return (result.returncode == 2 and result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
            and "Traceback" not in result.stderr)


# -- decoding ------------------------------------------------------------------------------------------------


def test_utf8_arabic_cut_inside_a_letter_stays_utf8_with_a_warning() -> None:
    data = ARABIC.encode("utf-8")
    damaged = data[:101] + data[102:400] + b"\xd9" + data[400:]  # two broken sequences in 2 KB of Arabic
    decoded = decode_text(damaged)
    assert decoded.encoding == "utf-8"
    assert "صفارات الإنذار" in decoded.text and decoded.text.count("\ufffd") == 2
    assert decoded.warnings and "2 damaged" in decoded.warnings[0]
    assert "صفارات الإنذار" in decode_input(damaged)


def test_windows_1256_arabic_is_still_read_as_windows_1256() -> None:
    assert decode_text(ARABIC.encode("cp1256")).text == ARABIC


def test_cli_analyze_warns_about_damaged_utf8_on_stderr(tmp_path: Path) -> None:
    data = ARABIC.encode("utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:101] + data[102:])
    result = run_cli("analyze", str(path), "--no-evidence")
    assert result.returncode == 0, result.stderr
    assert "warning: 1 damaged byte sequence" in result.stderr
    assert any("صفارات الإنذار" in claim["text"] for claim in json.loads(result.stdout)["claims"])


def test_evidence_add_reads_utf16_as_analyze_does(db: sqlite_utils.Database, tmp_path: Path,
                                                  no_embeddings: None) -> None:
    path = tmp_path / "word_export.txt"
    path.write_bytes(ARABIC.encode("utf-16"))
    assert "صفارات الإنذار" in decode_input(path.read_bytes())
    result = add_source(db, str(path), outlet="afp")
    assert result.added == 1, result.summary()
    assert "صفارات الإنذار" in db.execute("SELECT text FROM documents").fetchone()[0]


def test_evidence_add_refuses_binary_without_nul_bytes_as_analyze_does(db: sqlite_utils.Database,
                                                                        tmp_path: Path) -> None:
    noise = bytes(np.random.default_rng(7).integers(1, 256, 20_000, dtype=np.uint8))
    path = tmp_path / "noise.txt"
    path.write_bytes(noise)
    with pytest.raises(InputError, match="binary|could not be recognised") as analyzed:
        decode_input(noise)
    with pytest.raises(InputError) as added:
        add_source(db, str(path))
    assert str(added.value).split(":")[-1] == str(analyzed.value).split(":")[-1]  # the same refusal
    assert db["documents"].count == 0


# -- imports -------------------------------------------------------------------------------------------------


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_outlet_without_letters_is_one_lines_problem(db: sqlite_utils.Database, tmp_path: Path,
                                                         no_embeddings: None) -> None:
    path = write_lines(tmp_path / "batch.jsonl", [
        json.dumps({"text": "Rockets hit the embassy in Baghdad on Friday.", "outlet": "AFP"}),
        json.dumps({"text": "Sirens sounded near the embassy at dawn.", "outlet": "!!! ---"}),
        json.dumps({"text": "About 2,500 US troops are deployed in Iraq.", "outlet": "Reuters"}),
    ])
    result = import_file(db, path)
    assert (result.added, result.rejected) == (2, 1)
    assert result.problems[0][0] == 2 and "no letters" in result.problems[0][1]


def test_deeply_nested_json_is_refused_by_line(db: sqlite_utils.Database, tmp_path: Path,
                                               no_embeddings: None) -> None:
    deep = '{"text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    medium = '{"text": "y", "extra": ' + "[" * 200 + "]" * 200 + "}"
    path = write_lines(tmp_path / "deep.jsonl", [
        deep, medium, json.dumps({"text": "Rockets hit the embassy in Baghdad on Friday.", "outlet": "AFP"})])
    result = import_file(db, path)
    assert result.added == 1
    assert [(where, "nested" in reason) for where, reason in result.problems] == [(1, True), (2, True)]


def test_a_whole_file_nested_too_deep_is_reported_not_a_traceback(db: sqlite_utils.Database,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = import_file(db, path)
    assert result.rejected == 1 and "nested" in result.problems[0][1]
    shallow_enough_to_parse = tmp_path / "deep2.json"
    shallow_enough_to_parse.write_text("[" * 500 + "]" * 500, encoding="utf-8")
    with pytest.raises(InputError, match="nested more than 64"):
        import_file(db, shallow_enough_to_parse)


@pytest.mark.parametrize(("field", "size"), [("title", 5_000_000), ("url", 3_000_000), ("outlet", 10_000)])
def test_field_lengths_are_limited(db: sqlite_utils.Database, tmp_path: Path, no_embeddings: None,
                                   field: str, size: int) -> None:
    value = "https://example.org/" + "a" * size if field == "url" else "A" * size
    path = write_lines(tmp_path / "long.jsonl", [
        json.dumps({"text": "Rockets hit the embassy in Baghdad on Friday.", field: value}),
        json.dumps({"text": "About 2,500 US troops are deployed in Iraq."})])
    result = import_file(db, path)
    assert result.added == 1 and result.problems[0][0] == 1 and "limit" in result.problems[0][1]


def test_missing_vectors_are_reported_and_filled_by_reimport(db: sqlite_utils.Database, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A kill while embedding leaves documents without vectors: a re-import finds them instead of 'already stored'."""
    import checker.embeddings as embeddings

    monkeypatch.setattr(embeddings, "encode", lambda texts, key: np.ones((len(texts), 4), dtype=np.float32))
    path = write_lines(tmp_path / "batch.jsonl", [
        json.dumps({"text": "Rockets hit the embassy in Baghdad on Friday.", "outlet": "AFP"}),
        json.dumps({"text": "About 2,500 US troops are deployed in Iraq.", "outlet": "Reuters"})])
    first = import_file(db, path, embed=False)  # as if killed before the vectors were written
    assert first.added == 2 and db["embeddings"].count == 0
    reported = import_file(db, path, embed=False)
    assert reported.skipped == 2 and any("no vectors yet" in note for note in reported.notes)
    filled = import_file(db, path, embed=True)
    assert filled.skipped == 2 and any("embedded now" in note for note in filled.notes)
    assert db["embeddings"].count == db["passages"].count


# -- the database --------------------------------------------------------------------------------------------


def _analysis_with_claims(db: sqlite_utils.Database, claims: int) -> int:
    analysis_id = db["analyses"].insert({"created_at": "2026-01-01", "title": "t", "text": "x"}).last_pk
    db["claims"].insert_all({"analysis_id": analysis_id, "claim_key": f"c{n}", "text": "x", "start": 0, "end": 1}
                            for n in range(claims))
    return analysis_id


def test_eight_threads_sharing_one_connection_keep_every_decision(db: sqlite_utils.Database) -> None:
    from checker.review import record_decision

    analysis_id = _analysis_with_claims(db, 8)
    saved: list[int] = []
    errors: list[BaseException] = []

    def reviewer(n: int) -> None:
        for i in range(50):
            try:
                record_decision(db, analysis_id, f"c{n}", "note", f"note {i} from {n}", f"reviewer {n}")
                saved.append(1)
            except BaseException as error:  # noqa: BLE001 - the test counts every failure
                errors.append(error)

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert db["decisions"].count == len(saved) == 400


def test_a_failed_write_names_the_real_error_not_the_rollback(db: sqlite_utils.Database) -> None:
    """A full disk makes SQLite roll back by itself; our ROLLBACK then said "no transaction is active"."""
    def fill() -> None:
        db.execute("PRAGMA max_page_count = 1")  # no room left: SQLITE_FULL on the next write, like a full disk
        db.execute("INSERT INTO imports (started_at, source, problems) VALUES ('now', ?, '[]')", ["x" * 100_000])

    with pytest.raises(StoreError) as raised:
        run_write(db, fill)
    message = str(raised.value)
    assert "full" in message and "cannot rollback" not in message and "move it aside" not in message


def test_a_read_only_database_is_called_read_only_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_db(path).conn.close()
    readonly = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    db = sqlite_utils.Database(readonly)
    with pytest.raises(StoreError) as raised:
        run_write(db, lambda: db.execute("INSERT INTO imports (started_at, source) VALUES ('now', 'x')"))
    assert "read-only" in str(raised.value) and "move it aside" not in str(raised.value)


def test_another_applications_sqlite_file_is_left_alone_unless_adopted(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Rana', '+964')")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another application's SQLite database.*--adopt-db"):
        open_db(path)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()
    refused = run_cli("analyses", "--db", str(path))
    assert one_line_error(refused) and "contacts" in refused.stderr
    adopted = open_db(path, adopt=True)
    assert adopted.execute("SELECT name FROM contacts").fetchone()[0] == "Rana" and "documents" in adopted.table_names()


def test_a_dropped_table_is_one_line_on_every_read_command(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_db(path).execute("DROP TABLE decisions")
    for command in (["analyses"], ["evidence", "search", "embassy"], ["export", "1"]):
        result = run_cli(*command, "--db", str(path))
        assert one_line_error(result), (command, result.stderr)
        assert "decisions" in result.stderr


def test_a_corrupt_page_is_one_line_on_every_read_command(tmp_path: Path, no_embeddings: None) -> None:
    path = tmp_path / "claims.db"
    db = open_db(path)
    db["analyses"].insert_all({"created_at": "2026-01-01", "title": f"t{n}", "text": f"analysis {n} " * 300,
                               "language": "en"} for n in range(200))
    import_file(db, write_lines(tmp_path / "reports.jsonl", [
        json.dumps({"text": f"Report {n}: rockets hit the embassy in Baghdad. " * 20}) for n in range(200)]))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 8, len(data) - page, page * 3):  # damage every third page past the schema
        data[offset + 100:offset + 300] = b"\xff" * 200
    path.write_bytes(bytes(data))
    for command in (["analyses"], ["evidence", "search", "embassy"], ["export", "5"]):
        result = run_cli(*command, "--db", str(path))
        assert one_line_error(result), (command, result.stderr)


# -- outputs -------------------------------------------------------------------------------------------------


@pytest.fixture
def stored_analysis(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(ARABIC, encoding="utf-8")
    result = run_cli("analyze", str(article), "--db", str(path), env={"CHECKER_SKIP_EMBEDDINGS": "1"})
    assert result.returncode == 0, result.stderr
    return path, str(json.loads(result.stdout)["analysis_id"])


def test_export_to_bad_destinations_is_one_line(stored_analysis: tuple[Path, str], tmp_path: Path) -> None:
    path, analysis_id = stored_analysis
    for target in (tmp_path / "missing" / "out.md", tmp_path):
        result = run_cli("export", analysis_id, "-o", str(target), "--db", str(path))
        assert one_line_error(result), result.stderr
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the export meets a closed pipe
    with os.fdopen(writer, "wb") as closed:
        result = subprocess.run([sys.executable, "-m", "checker", "export", analysis_id, "--format", "html",
                                 "--db", str(path)], cwd=ROOT, stdout=closed, stderr=subprocess.PIPE, text=True,
                                timeout=120)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_export_writes_through_a_link_and_into_a_pipe(stored_analysis: tuple[Path, str], tmp_path: Path) -> None:
    """`-o` on a link keeps the link and fills its target; on a device or pipe (`-o /dev/null`) it writes into
    it and never renames a file over it."""
    path, analysis_id = stored_analysis
    target, link = tmp_path / "checklist.md", tmp_path / "latest.md"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    assert run_cli("export", analysis_id, "-o", str(link), "--db", str(path)).returncode == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("#")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run_cli("export", analysis_id, "-o", str(fifo), "--db", str(path))
    reader.join(timeout=120)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and received and received[0].startswith(b"#")


def test_analyze_stdin_closed_is_one_line() -> None:
    result = subprocess.run(f"{sys.executable} -m checker analyze - --no-evidence <&-", shell=True, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert one_line_error(result), result.stderr


@pytest.mark.parametrize("redirect", ["> /dev/full", ">&-"])
def test_analyze_onto_a_full_or_closed_output_is_one_line(redirect: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Reuters reported that 2,500 US troops are in Iraq.\n", encoding="utf-8")
    result = subprocess.run(f"{sys.executable} -m checker analyze {article} --no-evidence {redirect}", shell=True,
                            cwd=ROOT, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_claimreview_json_ld_cannot_close_its_script_element(tmp_path: Path) -> None:
    from checker.export import export_analysis
    from checker.review import record_decision

    path = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text("Reuters reported that 2,500 US troops </script><script>alert(1)</script> are in Iraq.\n",
                       encoding="utf-8")
    result = run_cli("analyze", str(article), "--db", str(path))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    db = open_db(path)
    record_decision(db, report["analysis_id"], report["claims"][0]["id"], "verdict",
                    {"label": "contradicted", "reason": "</script><img src=x onerror=alert(1)>"}, "Hala")
    payload = export_analysis(db, report["analysis_id"], "claimreview").decode("utf-8")
    assert "alert(1)" in payload and "<" not in payload and "</script" not in payload.lower()
    assert json.loads(payload)  # still valid JSON: the escapes are JSON's own


def test_an_analysis_past_its_budget_stops_with_one_line(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("The official said 25 rockets hit the base on Friday, Reuters reported.\n\n" * 6000,
                       encoding="utf-8")
    result = run_cli("analyze", str(article), "--no-evidence",
                     env={"CHECKER_ANALYSIS_SECONDS": "0.5", "CHECKER_MAX_INPUT_CHARS": "1000000"})
    assert one_line_error(result) and "longer than 0.5 s" in result.stderr
