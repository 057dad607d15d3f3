"""Stored analyses reopen exactly as saved; reviewers' decisions are kept, validated and never lost."""
from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from checker.errors import CheckerError, InputError
from checker.models import (
    Analysis,
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
    analysis_summary,
    current_decisions,
    decision_history,
    list_analyses,
    load_report,
    record_decision,
    reviewed_view,
    save_report,
)
from checker.store.db import open_db

AFP = Outlet("afp", "AFP")
ENGLISH = (
    "Rockets hit Baghdad's Green Zone\n\n"
    "Five rockets landed near the US embassy in Baghdad on Friday, AFP reported, citing two security officials. "
    "The militia said it had fired 2,500 rounds since October."
)


def attributed(analysis: Analysis, index: int, attribution: Attribution,
               numbers: tuple[NumberMention, ...] = ()) -> Analysis:
    """The analysis with one claim's attribution (and numbers) set by hand, as the attribution stage would."""
    claims = list(analysis.claims)
    claims[index] = dataclasses.replace(claims[index], attribution=attribution,
                                        numbers=numbers or claims[index].numbers)
    return dataclasses.replace(analysis, claims=tuple(claims))


def evidence_check(claim: Claim, passage_id: int = 7) -> ClaimCheck:
    match = EvidenceMatch(
        passage_id=passage_id, text="أفادت فرانس برس بسقوط صواريخ قرب السفارة.", outlet="AFP",
        url="https://www.afp.com/ar/x", published="2023-12-08", similarity=0.8123456789, stance="agree",
        score=0.7345678912, title="صواريخ على المنطقة الخضراء", reasons=("same place", "same day"),
        from_cited_outlet=True,
    )
    return ClaimCheck(claim.id, (match,), Verdict("supported", 0.734567891, ("AFP reported the same",)),
                      SourceCheck("confirmed", passage_id, "AFP dispatch found"))


@pytest.fixture
def arabic_report(sample_article: str) -> Report:
    analysis = analyze(sample_article)
    assert len(analysis.claims) >= 3, "the sample article should yield several claims"
    first = analysis.claims[1]
    analysis = attributed(
        analysis, 1,
        Attribution(kind="according_to", outlet=AFP, speaker="مصادر أمنية", cue="قالت", confidence=0.8734,
                    cue_start=first.start, cue_end=first.start + 2, outlet_start=first.start,
                    outlet_end=first.start + 3),
        numbers=(NumberMention("خمسة", first.start, first.start + 4, 5.0, approximate=True),),
    )
    return Report(analysis, (evidence_check(analysis.claims[1]),))




def test_an_arabic_report_reopens_exactly_as_saved(db_path: Path, arabic_report: Report) -> None:
    analysis_id = save_report(open_db(db_path), arabic_report, source="baghdad_embassy_ar.txt",
                              url="https://example.com/ar")
    reopened = load_report(open_db(db_path), analysis_id)
    assert reopened == arabic_report
    assert reopened.check_for(arabic_report.analysis.claims[1].id).evidence[0].similarity == 0.8123456789


def test_an_english_report_without_evidence_reopens_exactly(db) -> None:
    report = Report(analyze(ENGLISH))
    assert load_report(db, save_report(db, report, source="paste")) == report


def test_saving_fills_the_claim_tables(db, arabic_report: Report) -> None:
    analysis_id = save_report(db, arabic_report, source="file.txt")
    claims = list(db.query("SELECT * FROM claims WHERE analysis_id = ? ORDER BY id", [analysis_id]))
    assert [c["claim_key"] for c in claims] == [c.id for c in arabic_report.analysis.claims]
    cited = arabic_report.analysis.claims[1]
    row = next(c for c in claims if c["claim_key"] == cited.id)
    assert (row["text"], row["verdict"], row["source_status"]) == (cited.text, "supported", "confirmed")
    source = db["claim_sources"].rows_where("claim_id = ?", [row["id"]]).__next__()
    assert (source["outlet_id"], source["speaker"], source["cue"]) == ("afp", "مصادر أمنية", "قالت")
    # Passage 7 is not stored in this database: the evidence survives in the report JSON only.
    assert db["claim_evidence"].count == 0


def test_evidence_rows_link_to_stored_passages(db, arabic_report: Report) -> None:
    db["documents"].insert({"id": 1, "url": "https://www.afp.com/ar/x", "text": "t", "content_hash": "h"})
    db["passages"].insert({"id": 7, "document_id": 1, "idx": 0, "text": "t", "search_text": "t", "start": 0,
                           "end": 1})
    save_report(db, arabic_report, source="file.txt")
    evidence = list(db["claim_evidence"].rows)
    assert [(e["passage_id"], e["rank"], e["stance"]) for e in evidence] == [(7, 1, "agree")]


def test_unknown_analysis_is_a_clear_error(db) -> None:
    with pytest.raises(CheckerError, match="no stored analysis with id 42"):
        load_report(db, 42)
    with pytest.raises(CheckerError, match="42"):
        record_decision(db, 42, "c1", "note", "x", "Huda")


def test_analyses_are_listed_newest_first_with_progress(db, arabic_report: Report) -> None:
    english_id = save_report(db, Report(analyze(ENGLISH)), source="paste")
    arabic_id = save_report(db, arabic_report, source="file.txt", title="  ")
    rows = list_analyses(db)
    assert [r.id for r in rows] == [arabic_id, english_id]
    assert rows[0].language == "ar" and rows[1].language == "en"
    assert rows[1].title == "Rockets hit Baghdad's Green Zone"
    assert rows[0].title.startswith("بعد الهجوم على سفارة أمريكا")
    assert rows[0].claims == len(arabic_report.analysis.claims) and rows[0].done == 0
    first, second = (c.id for c in arabic_report.analysis.claims[:2])
    record_decision(db, arabic_id, first, "status", "done", "Huda")
    record_decision(db, arabic_id, second, "status", "done", "Huda")
    record_decision(db, arabic_id, second, "status", "needs_work", "Omar")
    assert analysis_summary(db, arabic_id).done == 1


def test_each_decision_field_changes_the_reviewed_claim(db, arabic_report: Report) -> None:
    analysis_id = save_report(db, arabic_report, source="file.txt")
    cited, plain = arabic_report.analysis.claims[1], arabic_report.analysis.claims[0]
    record_decision(db, analysis_id, cited.id, "link",
                    {"outlet_id": None, "outlet_name": " Reuters ", "speaker": "", "kind": None, "confirmed": False},
                    "Huda")
    record_decision(db, analysis_id, cited.id, "verdict", {"label": "contradicted", "reason": "AFP denied it"}, "Omar")
    record_decision(db, analysis_id, cited.id, "note", "اتصلنا بالوكالة", "Omar")
    record_decision(db, analysis_id, plain.id, "link",
                    {"outlet_id": "afp", "outlet_name": "AFP", "speaker": None, "kind": "indirect",
                     "confirmed": True}, "Huda")
    record_decision(db, analysis_id, plain.id, "status", "not_a_claim", "Huda")
    view = {item.claim.id: item for item in reviewed_view(arabic_report, current_decisions(db, analysis_id))}

    corrected = view[cited.id]
    assert corrected.outlet == Outlet("reuters", "Reuters") and corrected.speaker is None
    assert corrected.attribution.kind == "according_to" and corrected.attribution.cue == "قالت"
    assert corrected.attribution.outlet_start is None  # the old span pointed at "AFP"
    assert corrected.link_corrected and not corrected.link_confirmed
    assert corrected.verdict == "contradicted" and corrected.verdict_overridden
    assert corrected.verdict_reasons == ("set by reviewer Omar: AFP denied it",)
    assert corrected.note == "اتصلنا بالوكالة" and corrected.reviewer == "Omar" and corrected.status == "open"

    confirmed = view[plain.id]
    assert confirmed.attribution == plain.attribution and confirmed.link_confirmed
    assert confirmed.status == "not_a_claim" and not confirmed.done

    untouched = view[arabic_report.analysis.claims[2].id]
    assert (untouched.status, untouched.reviewer, untouched.verdict) == ("open", None, None)


@pytest.mark.parametrize(("field", "value", "reviewer", "message"), [
    ("rating", "true", "Huda", "unknown decision field"),
    ("status", "finished", "Huda", "unknown status"),
    ("verdict", {"label": "true"}, "Huda", "one of supported"),
    ("link", {"outlet_name": "AFP"}, "Huda", "confirmed"),
    ("link", {"kind": "rumour", "confirmed": False}, "Huda", "unknown attribution kind"),
    ("note", 5, "Huda", "must be text"),
    ("status", "done", "   ", "enter your name"),
    ("status", "done", None, "enter your name"),
])
def test_bad_decisions_are_refused_with_a_reason(db, arabic_report: Report, field, value, reviewer,
                                                 message) -> None:
    analysis_id = save_report(db, arabic_report, source="file.txt")
    with pytest.raises(InputError, match=message):
        record_decision(db, analysis_id, arabic_report.analysis.claims[0].id, field, value, reviewer)
    assert decision_history(db, analysis_id) == []


def test_decision_on_a_claim_the_analysis_does_not_have_is_refused(db, arabic_report: Report) -> None:
    analysis_id = save_report(db, arabic_report, source="file.txt")
    with pytest.raises(InputError, match="no claim 'c999'"):
        record_decision(db, analysis_id, "c999", "status", "done", "Huda")


def test_two_reviewers_writing_at_once_lose_nothing_and_the_latest_wins(db_path: Path, arabic_report: Report) -> None:
    analysis_id = save_report(open_db(db_path), arabic_report, source="file.txt")
    claim_key = arabic_report.analysis.claims[1].id
    per_reviewer = 30
    errors: list[BaseException] = []

    def review(name: str, status: str) -> None:
        db = open_db(db_path)  # each reviewer has their own connection, as two app sessions would
        try:
            for n in range(per_reviewer):
                record_decision(db, analysis_id, claim_key, "status", status, name)
                record_decision(db, analysis_id, claim_key, "note", f"{name} {n}", name)
        except BaseException as error:  # surfaced below: a thread's exception would otherwise vanish
            errors.append(error)

    threads = [threading.Thread(target=review, args=("Huda", "done")),
               threading.Thread(target=review, args=("Omar", "needs_work"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

    db = open_db(db_path)
    history = decision_history(db, analysis_id, claim_key)
    assert len(history) == 4 * per_reviewer
    assert [d.id for d in history] == sorted(d.id for d in history)
    assert {d.reviewer for d in history} == {"Huda", "Omar"}
    assert {d.value for d in history if d.field == "note"} == {f"{who} {n}" for who in ("Huda", "Omar")
                                                              for n in range(per_reviewer)}
    latest = current_decisions(db, analysis_id)[claim_key]
    last_status = [d for d in history if d.field == "status"][-1]
    assert latest.status == last_status
    assert latest.note == [d for d in history if d.field == "note"][-1]
    assert all(a.created_at <= b.created_at for a, b in zip(history, history[1:]))


def test_history_lists_every_change_per_claim_in_order(db, arabic_report: Report) -> None:
    analysis_id = save_report(db, arabic_report, source="file.txt")
    first, second = (c.id for c in arabic_report.analysis.claims[:2])
    record_decision(db, analysis_id, first, "verdict", "supported", "Huda")
    record_decision(db, analysis_id, second, "status", "done", "Omar")
    record_decision(db, analysis_id, first, "verdict", {"label": "contradicted", "reason": None}, "Omar")
    history = decision_history(db, analysis_id, first)
    assert [(d.reviewer, d.value["label"]) for d in history] == [("Huda", "supported"), ("Omar", "contradicted")]
    assert history[0].created_at.endswith("+00:00")
    assert len(decision_history(db, analysis_id)) == 3
    assert current_decisions(db, analysis_id)[first].verdict.value == {"label": "contradicted", "reason": None}


def test_a_typed_outlet_name_links_to_the_stored_outlet_or_a_new_one(db, arabic_report: Report) -> None:
    db["outlets"].insert({"id": "alsumaria", "name": "Al Sumaria TV", "aliases": '["السومرية"]', "kind": "news",
                          "origin": "reviewer"})
    analysis_id = save_report(db, arabic_report, source="file.txt")
    first, second, third = (c.id for c in arabic_report.analysis.claims[:3])
    link = {"speaker": None, "kind": "according_to", "confirmed": False}
    assert record_decision(db, analysis_id, first, "link", {**link, "outlet_name": "السومرية"}, "Huda").value[
        "outlet_id"] == "alsumaria"
    assert record_decision(db, analysis_id, second, "link", {**link, "outlet_name": "Baghdad Today"}, "Huda").value[
        "outlet_id"] == "baghdad-today"
    chosen = record_decision(db, analysis_id, third, "link", {**link, "outlet_id": "alsumaria"}, "Huda").value
    assert chosen["outlet_name"] == "Al Sumaria TV"


def test_a_reviewer_can_reopen_a_claim_and_return_to_the_machines_link_and_verdict(db, arabic_report: Report) -> None:
    analysis_id = save_report(db, arabic_report, source="file.txt")
    cited = arabic_report.analysis.claims[1]
    record_decision(db, analysis_id, cited.id, "status", "done", "Huda")
    record_decision(db, analysis_id, cited.id, "verdict", "contradicted", "Huda")
    record_decision(db, analysis_id, cited.id, "link", {"outlet_name": "Reuters", "confirmed": False}, "Huda")
    assert analysis_summary(db, analysis_id).done == 1
    record_decision(db, analysis_id, cited.id, "status", "open", "Omar")
    record_decision(db, analysis_id, cited.id, "verdict", None, "Omar")
    record_decision(db, analysis_id, cited.id, "link", None, "Omar")
    item = reviewed_view(arabic_report, current_decisions(db, analysis_id))[1]
    assert analysis_summary(db, analysis_id).done == 0 and item.status == "open"
    assert item.verdict == "supported" and not item.verdict_overridden
    assert item.attribution == cited.attribution and not item.link_corrected
    assert len(decision_history(db, analysis_id, cited.id)) == 6


# --- re-check, added claims, assignment, evidence marks -------------------------------------------

REUTERS_REPORT = ("Five rockets landed near the US embassy in Baghdad on Friday, Reuters reported, citing two "
                  "security officials.")


@pytest.fixture
def checked_english(db) -> tuple[object, int, Report]:
    """The English article checked against one stored Reuters report (its claim cites no outlet)."""
    from checker.store.ingest import add_text
    from checker.verdict import check_analysis

    add_text(db, REUTERS_REPORT, outlet="Reuters", published="2023-12-08", url="https://www.reuters.com/x")
    analysis = analyze("Five rockets landed near the US embassy in Baghdad on Friday.\n\n"
                       "The militia said it had fired 2,500 rounds since October.")
    report = Report(analysis, check_analysis(db, analysis))
    return db, save_report(db, report, source="paste"), report


def test_a_corrected_link_gets_a_kind_and_its_source_check_is_redone(checked_english) -> None:
    """Defect: a claim corrected to Reuters still said "no source", and its link kind stayed "none"."""
    from checker.recheck import recheck_claims

    db, analysis_id, report = checked_english
    claim = report.analysis.claims[0]
    assert report.check_for(claim.id).source_check.status == "no_source"
    record_decision(db, analysis_id, claim.id, "link", {"outlet_id": "reuters", "outlet_name": "Reuters",
                                                        "speaker": None, "kind": "none", "confirmed": False}, "Huda")
    item = reviewed_view(report, current_decisions(db, analysis_id))[0]
    assert item.attribution.kind == "according_to"
    assert item.source_status == "unchecked"  # never the machine's "no source" for a link it did not check
    recheck_claims(db, analysis_id, report, "Huda", claim_keys=[claim.id])
    item = reviewed_view(report, current_decisions(db, analysis_id))[0]
    assert item.source_status == "confirmed" and item.check.source_check.passage_id is not None
    assert item.check_is_current


def test_re_checking_the_whole_analysis_keeps_every_decision(checked_english) -> None:
    from checker.recheck import recheck_claims

    db, analysis_id, report = checked_english
    first, second = (c.id for c in report.analysis.claims[:2])
    record_decision(db, analysis_id, first, "verdict", {"label": "contradicted", "reason": "embassy denied"}, "Huda")
    record_decision(db, analysis_id, second, "status", "done", "Omar")
    record_decision(db, analysis_id, second, "assignee", "Layla", "Omar")
    before = {i.claim.id: i for i in reviewed_view(report, current_decisions(db, analysis_id))}
    written = recheck_claims(db, analysis_id, report, "Huda")
    assert {d.claim_key for d in written} == {c.id for c in report.analysis.claims}
    assert all(d.field == "check" and d.value["before"] is not None for d in written)
    after = {i.claim.id: i for i in reviewed_view(report, current_decisions(db, analysis_id))}
    assert after[first].verdict == "contradicted" and after[first].verdict_overridden
    assert after[second].status == "done" and after[second].assignee == "Layla"
    assert after[first].verdict_reasons == before[first].verdict_reasons


def test_a_reviewer_adds_a_missed_claim_and_it_reaches_the_exports(checked_english) -> None:
    from checker.export import export_analysis
    from checker.recheck import add_missed_claim

    db, analysis_id, report = checked_english
    with pytest.raises(InputError, match="word for word"):
        add_missed_claim(db, analysis_id, report, "rockets that were never mentioned", "Huda")
    added = add_missed_claim(db, analysis_id, report, "it had fired 2,500 rounds", "Huda")
    assert added.id == "r1" and report.analysis.text[added.start:added.end] == added.text
    assert [n.value for n in added.numbers] == [2500.0]
    with pytest.raises(InputError, match="already a claim"):
        add_missed_claim(db, analysis_id, report, "it had fired 2,500 rounds", "Omar")
    items = reviewed_view(report, current_decisions(db, analysis_id))
    assert "r1" in [i.claim.id for i in items] and next(i for i in items if i.claim.id == "r1").added_by_reviewer
    record_decision(db, analysis_id, "r1", "status", "needs_work", "Huda")
    assert "**r1** it had fired 2,500 rounds" in export_analysis(db, analysis_id, "md").decode("utf-8")
    assert analysis_summary(db, analysis_id).claims == len(report.analysis.claims) + 1


def test_evidence_marks_are_kept_per_passage_and_the_cited_source_confirms_the_link(db, arabic_report) -> None:
    analysis_id = save_report(db, arabic_report, source="file.txt")
    claim = arabic_report.analysis.claims[1]
    record_decision(db, analysis_id, claim.id, "evidence", {"passage_id": 7, "relation": "contradicts"}, "Huda")
    record_decision(db, analysis_id, claim.id, "evidence", {"passage_id": 8, "relation": "confirms"}, "Huda")
    record_decision(db, analysis_id, claim.id, "evidence", {"passage_id": 7, "relation": "cited_source"}, "Omar")
    item = reviewed_view(arabic_report, current_decisions(db, analysis_id))[1]
    assert item.evidence_marks == {7: "cited_source", 8: "confirms"}
    assert item.source_status == "confirmed"
    with pytest.raises(InputError, match="unknown evidence relation"):
        record_decision(db, analysis_id, claim.id, "evidence", {"passage_id": 7, "relation": "maybe"}, "Huda")
