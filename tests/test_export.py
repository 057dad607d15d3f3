"""The checklist a reviewer hands on: Markdown boxes, to-do lines, CSV for Excel, JSON, ClaimReview, print HTML."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.export import NOT_CHECKED_TODO, export_analysis, export_report, is_anonymous, left_to_do
from checker.models import (
    Attribution,
    Claim,
    ClaimCheck,
    EvidenceMatch,
    NumberMention,
    Outlet,
    Report,
    SourceCheck,
    Verdict,
)
from checker.pipeline import analyze
from checker.review import (
    ClaimDecisions,
    current_decisions,
    decision_history,
    record_decision,
    reviewed_view,
    save_report,
)
from checker.store.db import open_db

ROOT = Path(__file__).resolve().parent.parent
AFP = Outlet("afp", "AFP")
HOSTILE = "<script>alert(1)</script>"
ENGLISH = (
    "Rockets hit Baghdad's Green Zone\n\n"
    "Five rockets landed near the US embassy in Baghdad on Friday, AFP reported. "
    f"A militia statement said {HOSTILE} would follow.\n\n"
    "=HYPERLINK(\"http://evil\") claims 2,500 fighters joined."
)


def with_attribution(report: Report, index: int, attribution: Attribution, numbers=()) -> Report:
    claims = list(report.analysis.claims)
    claims[index] = dataclasses.replace(claims[index], attribution=attribution, numbers=tuple(numbers))
    return dataclasses.replace(report, analysis=dataclasses.replace(report.analysis, claims=tuple(claims)))


def not_found_check(claim_id: str) -> ClaimCheck:
    match = EvidenceMatch(passage_id=3, text="لم تنشر الوكالة أي خبر عن الهجوم.", outlet="Reuters",
                          url="https://www.reuters.com/world/x", published="2023-12-08", similarity=0.61,
                          stance="other", score=0.4, title="Rockets near US embassy")
    return ClaimCheck(claim_id, (match,), Verdict("not_enough_evidence", 0.4, ("only one related report",)),
                      SourceCheck("not_found", None, "no AFP passage says this"))


@pytest.fixture
def arabic_report(sample_article: str) -> Report:
    """The sample article with the second claim cited to AFP via anonymous officials, with a figure."""
    report = Report(analyze(sample_article))
    cited = report.analysis.claims[1]
    report = with_attribution(
        report, 1,
        Attribution(kind="according_to", outlet=AFP, speaker="مصادر أمنية عراقية", cue="قالت",
                    cue_start=cited.start, cue_end=cited.start + 3),
        numbers=[NumberMention("2,500", cited.start, cited.start + 2, 2500.0)],
    )
    return dataclasses.replace(report, checks=(not_found_check(cited.id),))


@pytest.fixture
def stored(db_path: Path, arabic_report: Report) -> tuple[object, int]:
    db = open_db(db_path)
    return db, save_report(db, arabic_report, source="baghdad_embassy_ar.txt", url="https://example.com/article")


def test_to_do_lines_come_from_the_claims_data(arabic_report: Report) -> None:
    cited, plain = reviewed_view(arabic_report, {})[1:3]
    assert left_to_do(cited) == [
        "find the original AFP report",
        "identify the anonymous source (مصادر أمنية عراقية)",
        "confirm the source link",
        "confirm the figure 2,500",
        "the stored evidence is inconclusive: look for a primary source",
    ]
    assert NOT_CHECKED_TODO in left_to_do(plain)  # the fixture checked only the cited claim
    empty = ClaimCheck(plain.claim.id, (), Verdict("not_enough_evidence", 0.0, ("nothing stored",)),
                       SourceCheck("no_source"))
    plain = reviewed_view(dataclasses.replace(arabic_report, checks=(*arabic_report.checks, empty)), {})[2]
    assert "no evidence stored: search for reporting on this claim" in left_to_do(plain)
    assert NOT_CHECKED_TODO not in left_to_do(plain)


def test_to_do_lines_follow_the_reviewers_decisions(stored, arabic_report: Report) -> None:
    db, analysis_id = stored
    cited = arabic_report.analysis.claims[1].id
    record_decision(db, analysis_id, cited, "link", {"outlet_id": "afp", "outlet_name": "AFP",
                                                     "speaker": "اللواء يحيى رسول", "kind": "indirect",
                                                     "confirmed": False}, "Huda")
    record_decision(db, analysis_id, cited, "verdict", {"label": "supported", "reason": "ministry confirmed"}, "Huda")
    record_decision(db, analysis_id, cited, "status", "needs_work", "Huda")
    record_decision(db, analysis_id, cited, "note", "call the ministry", "Huda")
    item = reviewed_view(arabic_report, current_decisions(db, analysis_id))[1]
    assert left_to_do(item) == ["flagged as needing work: see the reviewer's note", "find the original AFP report"]
    record_decision(db, analysis_id, cited, "status", "done", "Omar")
    assert left_to_do(reviewed_view(arabic_report, current_decisions(db, analysis_id))[1]) == []


def test_anonymous_speakers_are_recognised_in_both_languages() -> None:
    for speaker in ("مصادر أمنية", "المسؤولين العراقيين", "مصدر مطلع", "two security officials",
                    "a source familiar with the talks", "Witnesses"):
        assert is_anonymous(speaker), speaker
    for speaker in ("John Kirby", "اللواء يحيى رسول", "Mohammed Shia al-Sudani", "وزارة الخارجية"):
        assert not is_anonymous(speaker), speaker


def test_markdown_box_is_ticked_once_a_reviewer_marks_the_claim_done(stored, arabic_report: Report) -> None:
    db, analysis_id = stored
    cited = arabic_report.analysis.claims[1]
    before = export_analysis(db, analysis_id, "md").decode("utf-8")
    assert f"- [ ] **{cited.id}** {cited.text}" in before
    assert "    - find the original AFP report" in before
    assert "    - confirm the figure 2,500" in before
    assert "[Rockets near US embassy](<https://www.reuters.com/world/x>)" in before
    assert "**0 of" in before and "url: https://example.com/article" in before

    record_decision(db, analysis_id, cited.id, "status", "done", "Huda")
    record_decision(db, analysis_id, cited.id, "note", "الوكالة أكدت الخبر", "Huda")
    after = export_analysis(db, analysis_id, "md").decode("utf-8")
    assert f"- [x] **{cited.id}** {cited.text}" in after
    assert "Note: الوكالة أكدت الخبر" in after
    section = after.split(f"**{cited.id}**", 1)[1].split("\n- [", 1)[0]
    assert "Left to do" not in section and "Status: done (Huda" in section
    assert after.count("- [x]") == 1 and "**1 of" in after


def test_csv_opens_in_excel_and_keeps_arabic(stored, arabic_report: Report) -> None:
    db, analysis_id = stored
    cited = arabic_report.analysis.claims[1]
    record_decision(db, analysis_id, cited.id, "note", "راجع البيان، ثم \"اتصل\"\nبالوزارة", "Huda")
    payload = export_analysis(db, analysis_id, "csv")
    assert payload.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))
    assert list(rows[0]) == ["id", "claim", "outlet", "speaker", "cue", "kind", "confidence", "checkworthiness",
                             "numbers", "verdict", "verdict reasons", "source check", "top evidence url", "status",
                             "reviewer", "note", "to do"]
    assert len(rows) == len(arabic_report.analysis.claims)
    row = rows[1]
    assert row["claim"] == cited.text and row["speaker"] == "مصادر أمنية عراقية" and row["outlet"] == "AFP"
    assert row["note"] == "راجع البيان، ثم \"اتصل\"\nبالوزارة"
    assert row["verdict"] == "not_enough_evidence" and row["source check"] == "not_found"
    assert row["top evidence url"] == "https://www.reuters.com/world/x" and row["reviewer"] == "Huda"
    assert "find the original AFP report" in row["to do"]


def test_csv_cells_that_look_like_formulas_stay_text() -> None:
    analysis = analyze(ENGLISH)
    formula = '=HYPERLINK("http://evil") claims 2,500 fighters joined.'
    start = ENGLISH.index(formula)
    claim = Claim(id="c1", text=formula, start=start, end=start + len(formula), sentence_index=0, sentence=formula,
                  checkworthiness=0.7, attribution=Attribution(kind="indirect", speaker="@militia"))
    report = Report(dataclasses.replace(analysis, claims=(claim,)))
    rows = list(csv.reader(io.StringIO(export_report(report, {}, "csv").decode("utf-8-sig"))))
    assert rows[1][1] == "'" + formula and rows[1][3] == "'@militia"


def test_json_has_the_analysis_its_reviews_and_the_history(stored, arabic_report: Report) -> None:
    db, analysis_id = stored
    cited = arabic_report.analysis.claims[1].id
    record_decision(db, analysis_id, cited, "status", "needs_work", "Huda")
    record_decision(db, analysis_id, cited, "status", "done", "Omar")
    data = json.loads(export_analysis(db, analysis_id, "json"))
    assert data["analysis_id"] == analysis_id and data["language"] == "ar"
    assert data["analysis"]["url"] == "https://example.com/article"
    claim = data["claims"][1]
    assert claim["attribution"]["outlet"]["name"] == "AFP"
    assert claim["review"]["status"] == "done" and claim["review"]["reviewer"] == "Omar"
    assert claim["review"]["left_to_do"] == []
    assert [(d["reviewer"], d["value"]) for d in data["decision_history"]] == [("Huda", "needs_work"),
                                                                              ("Omar", "done")]
    assert data["progress"] == {"claims": len(arabic_report.analysis.claims), "done": 1}


def test_claimreview_covers_reviewed_claims_with_schema_org_fields(stored, arabic_report: Report) -> None:
    db, analysis_id = stored
    claims = arabic_report.analysis.claims
    assert json.loads(export_analysis(db, analysis_id, "claimreview")) == []
    record_decision(db, analysis_id, claims[1].id, "verdict", {"label": "contradicted", "reason": "AFP denied"}, "Huda")
    record_decision(db, analysis_id, claims[2].id, "status", "done", "Huda")  # done but no verdict: left out
    reviews = json.loads(export_analysis(db, analysis_id, "claimreview", desk="Misbar desk"))
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claims[1].text
    # The scale comes from checker/data/claimreview.toml; an Arabic article gets the Arabic rating name.
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 3, "worstRating": 1,
                                      "alternateName": "زائف",
                                      "ratingExplanation": "set by reviewer Huda: AFP denied"}
    # The speaker is unnamed, so the claim is credited to the outlet that carried it.
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "AFP"}
    appearance = review["itemReviewed"]["appearance"]
    assert appearance[0]["@type"] == "CreativeWork" and appearance[0]["url"] == "https://example.com/article"
    assert review["author"] == {"@type": "Organization", "name": "Misbar desk"}
    assert len(review["datePublished"]) == 10 and review["inLanguage"] == "ar"


def test_printable_html_is_right_to_left_and_escapes_everything(db_path: Path, arabic_report: Report) -> None:
    hostile = with_attribution(arabic_report, 0, Attribution(kind="indirect", speaker=HOSTILE, cue=None))
    db = open_db(db_path)
    analysis_id = save_report(db, hostile, source="x", title=f"عنوان {HOSTILE}")
    record_decision(db, analysis_id, hostile.analysis.claims[0].id, "note", f"note {HOSTILE}", "<b>Huda</b>")
    page = export_analysis(db, analysis_id, "html").decode("utf-8")
    assert page.startswith("<!doctype html>") and '<html lang="ar" dir="rtl">' in page
    assert '<div class="checker-article" dir="rtl" lang="ar"' in page
    assert "@media print" in page and "<mark" in page and '<table class="checklist">' in page
    assert "<script" not in page and "<b>Huda" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "find the original AFP report" in page


def test_english_html_is_left_to_right() -> None:
    page = export_report(Report(analyze(ENGLISH)), {}, "html").decode("utf-8")
    assert '<html lang="en" dir="ltr">' in page and "<script" not in page


def test_unknown_format_is_refused(arabic_report: Report) -> None:
    with pytest.raises(InputError, match="unknown export format 'pdf'"):
        export_report(arabic_report, {}, "pdf")


def test_decisions_for_claims_not_in_the_report_are_ignored(arabic_report: Report) -> None:
    stray = {"c999": ClaimDecisions(claim_key="c999")}
    assert export_report(arabic_report, stray, "md") == export_report(arabic_report, {}, "md")


def run_cli(*args: str, db_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args, "--db", str(db_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_cli_exports_a_stored_analysis_and_refuses_an_unknown_id(stored, db_path: Path, tmp_path: Path,
                                                                 arabic_report: Report) -> None:
    _, analysis_id = stored
    result = run_cli("export", str(analysis_id), "--format", "md", db_path=db_path)
    assert result.returncode == 0, result.stderr
    assert arabic_report.analysis.claims[1].text in result.stdout and "- [ ]" in result.stdout

    out = tmp_path / "checklist.csv"
    assert run_cli("export", str(analysis_id), "--format", "csv", "-o", str(out), db_path=db_path).returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")

    listing = run_cli("analyses", db_path=db_path)
    assert listing.returncode == 0 and listing.stdout.startswith(f"{analysis_id}\t") and "\tar\t" in listing.stdout

    missing = run_cli("export", "999", "--format", "md", db_path=db_path)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.strip().count("\n") == 0 and "no stored analysis with id 999" in missing.stderr


def test_to_do_when_the_cited_outlet_contradicts_and_when_the_figure_is_supported() -> None:
    text = "AFP reported that 2,500 troops remain in Iraq."
    claim = Claim(id="c1", text=text, start=0, end=len(text), sentence_index=0, sentence=text, checkworthiness=0.9,
                  numbers=(NumberMention("2,500", 18, 23, 2500.0),),
                  attribution=Attribution(kind="indirect", outlet=AFP, cue="reported"))
    analysis = dataclasses.replace(analyze(text), claims=(claim,))
    match = EvidenceMatch(passage_id=1, text="AFP: 900 troops remain.", outlet="AFP", url=None, published=None,
                          similarity=0.9, stance="disagree", score=0.8, from_cited_outlet=True)
    contradicted = ClaimCheck("c1", (match,), Verdict("contradicted", 0.8), SourceCheck("contradicted", 1))
    item = reviewed_view(Report(analysis, (contradicted,)), {})[0]
    assert left_to_do(item) == [
        "the stored AFP reporting says otherwise: compare with the original",
        "confirm the source link",
        "confirm the figure 2,500",
        "the evidence contradicts the claim: confirm the verdict",
    ]
    supported = ClaimCheck("c1", (dataclasses.replace(match, stance="agree"),), Verdict("supported", 0.8),
                           SourceCheck("confirmed", 1))
    assert left_to_do(reviewed_view(Report(analysis, (supported,)), {})[0]) == ["confirm the source link"]


def test_markdown_checklist_shows_markup_in_article_and_note_as_text(db_path: Path) -> None:
    report = Report(analyze(ENGLISH))
    db = open_db(db_path)
    analysis_id = save_report(db, report, source="x", title="Militia <b>threat</b>")
    hostile = next(c for c in report.analysis.claims if "militia" in c.text.lower())
    record_decision(db, analysis_id, hostile.id, "note", "see [this](javascript:alert(1))", "Huda")
    checklist = export_analysis(db, analysis_id, "md").decode("utf-8")
    assert "<script>" not in checklist and "<b>" not in checklist
    assert r"\<script\>alert(1)\</script\>" in checklist
    assert r"see \[this\](javascript:alert(1))" in checklist
    assert "Five rockets landed near the US embassy in Baghdad on Friday, AFP reported." in checklist


def test_claimreview_publishes_only_a_reviewers_verdict_with_googles_required_fields(stored,
                                                                                 arabic_report: Report) -> None:
    """Defect: a claim marked done after only its link was confirmed was published with the machine's verdict,
    and items lacked url, itemReviewed.appearance and datePublished."""
    db, analysis_id = stored
    claims = arabic_report.analysis.claims
    record_decision(db, analysis_id, claims[1].id, "link", {"confirmed": True}, "Huda")
    record_decision(db, analysis_id, claims[1].id, "status", "done", "Huda")
    assert json.loads(export_analysis(db, analysis_id, "claimreview")) == []

    record_decision(db, analysis_id, claims[2].id, "verdict", {"label": "supported", "reason": "ministry said so"},
                    "Omar")
    record_decision(db, analysis_id, claims[3].id, "verdict", "contradicted", "Omar")
    record_decision(db, analysis_id, claims[3].id, "status", "not_a_claim", "Omar")  # ruled out: not published
    [review] = json.loads(export_analysis(db, analysis_id, "claimreview"))
    assert review["claimReviewed"] == claims[2].text
    assert review["url"] == f"http://localhost:8501/?analysis={analysis_id}&claim={claims[2].id}"
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://example.com/article"
    decided = [d for d in decision_history(db, analysis_id) if d.field == "verdict"][0]
    assert review["datePublished"] == decided.created_at[:10]
    assert review["reviewRating"]["ratingValue"] == 3 and review["author"]["name"] == "checker fact-check desk"


def test_claimreview_json_ld_cannot_break_out_of_a_script_element(db_path: Path) -> None:
    text = "Officials said the </script><script>alert(1)</script> attack on the embassy killed 12 people, Reuters reported."
    report = Report(analyze(text))
    db = open_db(db_path)
    analysis_id = save_report(db, report, source="x", title="a <!-- title")
    record_decision(db, analysis_id, report.analysis.claims[0].id, "verdict",
                    {"label": "contradicted", "reason": "</script> & more"}, "Huda")
    payload = export_analysis(db, analysis_id, "claimreview").decode("utf-8")
    assert "<" not in payload and ">" not in payload and "&" not in payload
    review = json.loads(payload)[0]
    assert "</script><script>alert(1)</script>" in review["claimReviewed"]
    assert review["reviewRating"]["ratingExplanation"].endswith("</script> & more")


def test_not_a_claim_leaves_the_to_do_list(stored, arabic_report: Report) -> None:
    """Defect: a claim ruled "not a claim" kept its unticked box in the checklist and counted as open."""
    db, analysis_id = stored
    ruled_out = arabic_report.analysis.claims[0]
    record_decision(db, analysis_id, ruled_out.id, "status", "not_a_claim", "Huda")
    checklist = export_analysis(db, analysis_id, "md").decode("utf-8")
    assert f"- [ ] **{ruled_out.id}**" not in checklist and f"- [x] **{ruled_out.id}**" not in checklist
    assert f"**0 of {len(arabic_report.analysis.claims) - 1} claims done.**" in checklist
    assert "## Ruled not a claim" in checklist and f"- **{ruled_out.id}** {ruled_out.text}" in checklist
    data = json.loads(export_analysis(db, analysis_id, "json"))
    assert data["progress"]["claims"] == len(arabic_report.analysis.claims) - 1
    page = export_analysis(db, analysis_id, "html").decode("utf-8")
    assert f"0 of {len(arabic_report.analysis.claims) - 1} claims done" in page


def test_html_source_line_keeps_arabic_names_in_order(stored, arabic_report: Report) -> None:
    """Defect: "speaker: …; cue: «…»" rendered out of order when the names were Arabic."""
    db, analysis_id = stored
    page = export_analysis(db, analysis_id, "html").decode("utf-8")
    assert "outlet: <bdi>AFP</bdi>; speaker: <bdi>مصادر أمنية عراقية</bdi>; cue: «<bdi>قالت</bdi>»" in page


def test_to_do_when_independent_outlets_disagree() -> None:
    text = "AFP reported that 2,500 troops remain in Iraq."
    claim = Claim(id="c1", text=text, start=0, end=len(text), sentence_index=0, sentence=text, checkworthiness=0.9,
                  attribution=Attribution(kind="indirect", outlet=AFP, cue="reported"))
    analysis = dataclasses.replace(analyze(text), claims=(claim,))
    agree = EvidenceMatch(passage_id=1, text="Reuters: 2,500 troops remain in Iraq.", outlet="Reuters", url=None,
                          published=None, similarity=0.9, stance="agree", score=0.8)
    disagree = dataclasses.replace(agree, passage_id=2, text="AP: 900 troops remain in Iraq.", outlet="AP",
                                   stance="disagree")
    conflicting = ClaimCheck("c1", (agree, disagree), Verdict("conflicting", 0.5), SourceCheck("not_found", None))
    todo = left_to_do(reviewed_view(Report(analysis, (conflicting,)), {})[0])
    assert todo[-1] == "independent outlets disagree: weigh their reports and find the primary source"
