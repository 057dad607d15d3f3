"""The report is written a claim at a time (issue 13: at the input limit it never exists whole in memory), and
what is printed and what is stored are still exactly the report: the same JSON, in the same canonical forms."""
from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main, print_report
from checker.errors import CheckerError
from checker.json_stream import Lazy, iter_json, plain
from checker.models import ClaimCheck, Report, SourceCheck, Verdict
from checker.pipeline import analyze
from checker.report import report_to_dict, report_to_markdown
from checker.review import load_report, save_report
from checker.store.db import open_db

ENGLISH = (
    "Rockets hit Baghdad's Green Zone\n\n"
    "Five rockets landed near the US embassy in Baghdad on Friday, AFP reported, citing two security officials. "
    'The militia said it had fired 2,500 rounds since October. "We will not stop," its spokesman told Reuters.\n\n'
    "The ministry said 12 people were hurt, according to state television."
)


def checked(report: Report) -> Report:
    """The report with its second claim checked and the rest left over the evidence limit (`not_checked`)."""
    claim = report.analysis.claims[1]
    check = ClaimCheck(claim.id, (), Verdict("not_enough_evidence", 0.1234567, ("no passage «about» it\n",)),
                       SourceCheck("not_found", None, "AFP: nothing stored"))
    return Report(report.analysis, (check,))


def printed(report: Report, analysis_id: int | None, form: str = "json") -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_report(report, analysis_id, form)
    return out.getvalue()


def test_the_stored_report_is_the_printed_report_and_sql_reads_it(sample_article: str, db_path: Path) -> None:
    report = checked(Report(analyze(sample_article)))
    assert report.not_checked, "the sample should leave claims over the limit"
    db = open_db(db_path)
    analysis_id = save_report(db, report, source="baghdad_embassy_ar.txt")

    text, kind, extracted = next(db.query(
        "SELECT report, typeof(report) AS kind, json_extract(report, '$.not_checked.count') AS n FROM analyses "
        "WHERE id = ?", [analysis_id])).values()
    assert kind == "text" and extracted == len(report.not_checked)
    stored = json.loads(text)
    assert text == json.dumps(stored, ensure_ascii=False, sort_keys=True)  # the one canonical form SQL compares
    shown = printed(report, analysis_id)
    assert shown == json.dumps(json.loads(shown), ensure_ascii=False, indent=1) + "\n"
    assert {key: value for key, value in stored.items() if key not in {"format", "rebuild"}} == json.loads(shown)
    assert load_report(db, analysis_id) == report


def test_a_report_in_a_utf16_database_reopens_exactly(tmp_path: Path) -> None:
    path = tmp_path / "utf16.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:  # the encoding is fixed by the first table
        conn.execute("PRAGMA encoding = 'UTF-16le'")
        conn.execute("CREATE TABLE notes (body TEXT)")  # another application's table, hence adopt
        conn.commit()
    db = open_db(path, adopt=True)
    report = checked(Report(analyze(ENGLISH + "\n\nقالت وزارة الصحة إن 12 شخصا أصيبوا.")))
    analysis_id = save_report(db, report, source="paste")
    assert load_report(db, analysis_id) == report
    stored = json.loads(next(db.query("SELECT report FROM analyses WHERE id = ?", [analysis_id]))["report"])
    assert stored["analysis_id"] == analysis_id and len(stored["claims"]) == len(report.analysis.claims)


def test_a_full_temporary_folder_still_stores_the_same_report(db_path: Path, monkeypatch) -> None:
    report = checked(Report(analyze(ENGLISH)))
    db = open_db(db_path)
    spooled = save_report(db, report, source="paste")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("checker.review.stored.tempfile.TemporaryFile", full_disk)
    joined = save_report(db, report, source="paste")
    first, second = (next(db.query("SELECT report FROM analyses WHERE id = ?", [i]))["report"]
                     for i in (spooled, joined))
    assert second == first.replace(f'"analysis_id": {spooled},', f'"analysis_id": {joined},', 1)
    assert load_report(db, joined) == report


def test_analyze_prints_the_report_whole_in_both_formats(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    report = Report(analyze(ENGLISH))
    markdown = report_to_markdown(report)
    for form, expected in (("json", json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n"),
                           ("md", markdown if markdown.endswith("\n") else markdown + "\n")):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["analyze", str(article), "--no-evidence", "--fast", "--format", form]) == 0
        assert out.getvalue() == expected
    assert json.loads(printed(report, None))["claims"][0]["attribution"]["outlet"]["id"] == "afp"


def test_a_report_with_nothing_in_it_prints_empty_lists() -> None:
    report = Report(analyze("Hello."))
    assert printed(report, 3) == json.dumps(report_to_dict(report, analysis_id=3), ensure_ascii=False, indent=1) + "\n"
    assert '"claims": []' in printed(report, 3)


JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        st.text(st.sampled_from('ab"\\\n\t\u2028\u0627\u0644/<>é ')))
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text("abcأ", max_size=3), inner, max_size=3), max_leaves=12)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.dictionaries(st.text("abcأ", max_size=3), JSON_VALUES, max_size=3), st.lists(JSON_VALUES, max_size=4),
       st.sampled_from([None, 0, 1, 2]), st.booleans())
def test_streamed_json_is_what_json_dumps_writes(head: dict, elements: list, indent: int | None,
                                                 sort_keys: bool) -> None:
    value = {**head, "items": Lazy(lambda: iter(elements)), "nested": {"more": Lazy(lambda: iter(elements[:1]))}}
    assert "".join(iter_json(value, indent=indent, sort_keys=sort_keys)) == json.dumps(
        plain(value), ensure_ascii=False, indent=indent, sort_keys=sort_keys)


def test_a_stored_report_cut_short_is_one_clear_error(db_path: Path) -> None:
    report = checked(Report(analyze(ENGLISH)))
    db = open_db(db_path)
    analysis_id = save_report(db, report, source="paste")
    db.execute("UPDATE analyses SET report = substr(report, 1, length(report) - 2) WHERE id = ?", [analysis_id])
    db.conn.commit()
    with pytest.raises(CheckerError, match=f"analysis {analysis_id} is stored in a form this checker cannot read"):
        load_report(db, analysis_id)
    db.execute("UPDATE analyses SET report = NULL WHERE id = ?", [analysis_id])  # a row with no report at all
    db.conn.commit()
    with pytest.raises(CheckerError, match="no stored report"):
        load_report(db, analysis_id)
