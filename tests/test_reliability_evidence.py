"""Bounded evidence work: at most CHECKER_EVIDENCE_CLAIMS distinct claims are checked, the rest said to be unchecked.

An article at the 2,000,000-character limit can hold 27,000 claims; checking each against the evidence would
take hours. The claims left out must be named as not checked in every output, never dropped or called "not
enough evidence".
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from checker.export import NOT_CHECKED_TODO, export_analysis
from checker.models import Attribution, Claim, Outlet
from checker.pipeline import check_bounded, evidence_plan
from checker.store.db import open_db

ROOT = Path(__file__).resolve().parent.parent
# Distinct, sourced, check-worthy claims in English and Arabic, one a paragraph.
ARTICLE = "".join(
    f"The official said {n * 3 + 2} rockets hit the base near Erbil on Friday, Reuters reported.\n\n"
    f"وقال مسؤول عسكري لوكالة فرانس برس إن {n * 7 + 5} جنديا أمريكيا غادروا قاعدة عين الأسد يوم السبت.\n\n"
    for n in range(6))


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "CHECKER_SKIP_EMBEDDINGS": "1", **env})


def claim(claim_id: str, text: str, worth: float, outlet: Outlet | None = None) -> Claim:
    return Claim(claim_id, text, 0, len(text), 0, text, worth, attribution=Attribution(outlet=outlet))


def test_the_most_check_worthy_distinct_claims_are_chosen_and_repeats_share_their_check() -> None:
    reuters = Outlet("reuters", "Reuters")
    claims = [claim("c1", "Rockets hit the base.", 0.6), claim("c2", "2,500 troops are in Iraq.", 0.9),
              claim("c3", "Rockets hit  the base.", 0.6), claim("c4", "We hope for peace.", 0.1),
              claim("c5", "2,500 troops are in Iraq.", 0.9, reuters), claim("c6", "Talks resume on Monday.", 0.6)]
    chosen, same_as = evidence_plan(claims, 3)
    # c2 and c5 say the same but cite different sources (the source check differs): both checked; then c1
    # (earlier than c6 at the same score); c3 is c1's words again.
    assert [c.id for c in chosen] == ["c1", "c2", "c5"]
    assert same_as == {"c3": "c1"}
    assert [c.id for c in evidence_plan(claims, 10)[0]] == ["c1", "c2", "c4", "c5", "c6"]


def test_repeats_get_the_check_of_the_claim_they_repeat(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CHECKER_SKIP_EMBEDDINGS", "1")
    db = open_db(tmp_path / "claims.db")
    claims = [claim("c1", "Rockets hit the US embassy in Baghdad on Friday.", 0.8),
              claim("c2", "Turnout was 41 percent.", 0.2),
              claim("c3", "Rockets hit the US embassy in Baghdad on Friday.", 0.8)]
    checks = check_bounded(db, claims, 1)
    assert [c.claim_id for c in checks] == ["c1", "c3"]
    assert checks[0].verdict == checks[1].verdict


def test_claims_over_the_limit_are_named_as_not_checked_in_every_output(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("analyze", str(article), "--db", str(path), "--fast", env={"CHECKER_EVIDENCE_CLAIMS": "4"})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    claims = report["claims"]
    assert len(claims) == 12
    checked = [c for c in claims if "verdict" in c]
    unchecked = [c for c in claims if "verdict" not in c]
    assert len(checked) == 4 and all("evidence_checked" not in c for c in checked)
    assert len(unchecked) == 8 and all(c["evidence_checked"] is False for c in unchecked)
    assert report["not_checked"]["count"] == 8
    assert report["not_checked"]["claim_ids"] == [c["id"] for c in unchecked]
    assert "CHECKER_EVIDENCE_CLAIMS" in report["not_checked"]["note"]
    # The most check-worthy were checked.
    assert min(c["checkworthiness"] for c in checked) >= max(c["checkworthiness"] for c in unchecked)

    markdown = export_analysis(open_db(path), report["analysis_id"], "md").decode("utf-8")
    assert "8 of 12 claims were not checked against the evidence" in markdown
    assert markdown.count(NOT_CHECKED_TODO) == 8
    page = export_analysis(open_db(path), report["analysis_id"], "html").decode("utf-8")
    assert "8 of 12 claims were not checked against the evidence" in page

    result = run_cli("analyze", str(article), "--db", str(path), "--fast", "--format", "md",
                     env={"CHECKER_EVIDENCE_CLAIMS": "4"})
    assert result.returncode == 0, result.stderr
    assert "8 of 12 claims were not checked against the evidence" in result.stdout
    assert result.stdout.count("Verdict: not checked against the evidence") == 8
    assert result.stdout.count("not enough evidence") <= 2 * 4  # only checked claims can have that verdict


def test_within_the_limit_every_claim_is_checked_and_no_note_is_shown(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("analyze", str(article), "--db", str(tmp_path / "claims.db"), "--fast", env={})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert all("verdict" in c for c in report["claims"]) and "not_checked" not in report


def test_re_checking_a_whole_analysis_keeps_to_the_same_bound(tmp_path: Path, monkeypatch) -> None:
    from checker.recheck import recheck_claims
    from checker.review import load_report

    path = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("analyze", str(article), "--db", str(path), "--fast", env={"CHECKER_EVIDENCE_CLAIMS": "4"})
    assert result.returncode == 0, result.stderr
    analysis_id = json.loads(result.stdout)["analysis_id"]
    db = open_db(path)
    report = load_report(db, analysis_id)
    monkeypatch.setenv("CHECKER_SKIP_EMBEDDINGS", "1")
    monkeypatch.setenv("CHECKER_EVIDENCE_CLAIMS", "4")
    written = recheck_claims(db, analysis_id, report, "Huda")
    assert {decision.claim_key for decision in written} <= {check.claim_id for check in report.checks}
    named = report.analysis.claims[-1].id  # the least check-worthy may still be re-checked when a reviewer names it
    assert [d.claim_key for d in recheck_claims(db, analysis_id, report, "Huda", claim_keys=[named])] in ([], [named])
