"""`evidence search --queries FILE`: one JSON line of hits per query, from one process."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.search_batch import search_lines

ROOT = Path(__file__).resolve().parent.parent


def test_lines_are_answered_in_order_and_bad_lines_are_named(tmp_path: Path) -> None:
    from checker.store.db import open_db
    from checker.store.ingest import add_text

    db = open_db(tmp_path / "claims.db")
    add_text(db, "Rockets were fired at the US embassy in Baghdad early on Friday.", outlet="AFP",
             published="2023-12-08", title="embassy")
    lines = ['{"id": "a", "query": "rockets at the embassy in Baghdad"}', "not json", '{"query": ""}',
             '{"query": "السفارة الأمريكية في بغداد", "k": 1}', '{"text": "embassy", "k": 0}']
    out = list(search_lines(db, lines))
    assert out[0]["id"] == "a" and out[0]["hits"][0]["text"].startswith("Rockets")
    assert out[1] == {"line": 2, "error": "not JSON: Expecting value"}
    assert out[2]["error"] == 'no "query" text' and out[3]["id"] == 4 and len(out[3]["hits"]) == 1
    assert "k must be" in out[4]["error"]


def test_cli_reads_a_file_and_exits_1_when_a_line_failed(tmp_path: Path) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": 1, "query": "embassy rockets"}\n{"query": 5}\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "checker", "evidence", "search", "--queries", str(queries),
                          "--db", str(tmp_path / "c.db")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 1 and lines[0] == {"id": 1, "query": "embassy rockets", "hits": []}
    assert lines[1]["line"] == 2 and "error" in lines[1]
