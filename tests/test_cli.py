"""`python -m checker` with the evidence store: the same job the desk runs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from checker.store.db import open_db
from checker.store.outlets import add_outlet

ROOT = Path(__file__).resolve().parent.parent
ERBIL_AR = "وقال مسؤول كردي لقناة نجمة أربيل إن ثلاثة صواريخ سقطت قرب مطار أربيل الدولي مساء الخميس.\n"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=180)


def outlets_of(result: subprocess.CompletedProcess[str]) -> list[str | None]:
    assert result.returncode == 0, result.stderr
    return [(c["attribution"]["outlet"] or {}).get("id") for c in json.loads(result.stdout)["claims"]]


def test_analyze_knows_the_outlets_a_reviewer_registered(tmp_path: Path) -> None:
    article = tmp_path / "erbil.txt"
    article.write_text(ERBIL_AR, encoding="utf-8")
    db = tmp_path / "claims.db"
    quick = {"CHECKER_SKIP_EMBEDDINGS": "1"}
    assert outlets_of(run_cli("analyze", str(article), "--db", str(db), env=quick)) != ["erbil-star"]
    add_outlet(open_db(db), "Erbil Star", aliases=["نجمة أربيل", "ErbilStar"])
    assert outlets_of(run_cli("analyze", str(article), "--db", str(db), env=quick)) == ["erbil-star"]
    listed = run_cli("analyses", "--db", str(db))
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2


def test_embed_catches_up_passages_imported_without_vectors(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    seeded = run_cli("evidence", "seed", "--db", str(db), env={"CHECKER_SKIP_EMBEDDINGS": "1"})
    assert seeded.returncode == 0, seeded.stderr
    passages = open_db(db)["passages"].count
    embedded = run_cli("evidence", "embed", "--db", str(db))
    assert embedded.returncode == 0, embedded.stderr
    assert embedded.stdout.strip() == f"{passages} passages embedded"
    again = run_cli("evidence", "embed", "--db", str(db))
    assert again.stdout.strip() == "0 passages embedded"
    found = run_cli("evidence", "search", "صواريخ على السفارة الأمريكية في بغداد", "--k", "3", "--db", str(db),
                    "--format", "json")
    assert found.returncode == 0 and json.loads(found.stdout)


def test_a_mistyped_setting_is_named_in_a_one_line_error(tmp_path: Path) -> None:
    article = tmp_path / "erbil.txt"
    article.write_text(ERBIL_AR, encoding="utf-8")
    result = run_cli("analyze", str(article), "--no-evidence", env={"CHECKER_MAX_INPUT_CHARS": "2MB"})
    assert result.returncode == 2
    assert result.stderr.strip() == "error: CHECKER_MAX_INPUT_CHARS='2MB' is not a positive number"
