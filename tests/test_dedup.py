"""Near-duplicate groups: syndicated copies are one report; a changed figure or a different story is not.

The reports are written for these tests (the claimreview_ar test reads the shared dataset in place).
"""
from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils

from checker.retrieval import search
from checker.store.dedup import (MIN_WORDS, backfill, distinct_reports, fingerprint, group_ids,
                                 independent_outlets, similarity)
from checker.store.ingest import add_text, import_file

AFP_EN = ("Three rockets were fired at the US embassy in Baghdad early on Friday, a security official said, "
          "adding that the embassy's air defence system intercepted two of them and nobody was hurt.")
AFP_AR = ("أطلقت ثلاثة صواريخ على السفارة الأمريكية في بغداد فجر الجمعة، وفق ما أفاد مسؤول أمني، مضيفا أن "
          "منظومة الدفاع الجوي في السفارة اعترضت اثنين منها ولم تقع إصابات.")


def test_a_lightly_edited_copy_is_the_same_report_and_a_changed_number_is_not() -> None:
    original = fingerprint(AFP_EN)
    copy = fingerprint(AFP_EN.replace("early on Friday", "on Friday morning").replace("a security official",
                                                                                         "an Iraqi security official"))
    changed = fingerprint(AFP_EN.replace("Three rockets", "Seven rockets").replace("two of them", "2 of them"))
    other = fingerprint("The central bank raised its main interest rate by half a point on Thursday to curb "
                        "inflation, the governor told reporters in Baghdad.")
    assert original and copy and changed and other
    assert similarity(original, copy) >= 0.6
    assert similarity(original, changed) == 0.0  # "2" is a figure the original does not have
    assert similarity(original, other) < 0.1
    # Arabic: hamza, diacritics and Arabic-Indic digits are folded before shingling
    assert similarity(fingerprint(AFP_AR), fingerprint(AFP_AR.replace("أطلقت", "اطلقت").replace("السفارة",
                                                                                                "السفارةُ"))) == 1.0
    assert fingerprint("The attack caused no casualties.") is None  # too short to call anything a copy
    assert len("The attack caused no casualties at all on Friday".split()) >= MIN_WORDS


def store(db: sqlite_utils.Database, text: str, outlet: str, published: str, url: str) -> int:
    result = add_text(db, text, outlet=outlet, published=published, url=url, embed=False)
    return result.passage_ids[0]


def test_syndicated_copies_are_grouped_at_ingest_and_counted_once(db: sqlite_utils.Database) -> None:
    first = store(db, AFP_EN, "afp", "2023-12-08", "https://example.org/afp")
    copies = [store(db, AFP_EN.replace("early on Friday", "on Friday") + f" {tail}", outlet, "2023-12-08",
                    f"https://example.org/{outlet.replace(' ', '-')}")
              for outlet, tail in (("Shafaq News", "(Shafaq)"), ("Baghdad Today", "Baghdad Today reported."),
                                   ("Rudaw", ""))]
    own = store(db, "Reuters reporters in Baghdad heard several loud explosions near the heavily fortified Green "
                    "Zone on Friday, and sirens sounded at the US embassy compound.", "reuters", "2023-12-08",
                "https://example.org/reuters")
    changed = store(db, AFP_EN.replace("Three rockets", "Seven rockets"), "Sky News", "2023-12-09",
                    "https://example.org/sky")
    groups = group_ids(db, [first, *copies, own, changed])
    assert {groups[pid] for pid in copies} == {first} and groups[first] == first
    assert groups[own] == own and groups[changed] == changed

    hits = search(db, "rockets fired at the US embassy in Baghdad", k=10)
    assert {hit.passage_id for hit in hits} >= {first, *copies, own}
    reports = distinct_reports(db, hits)
    assert len(reports) == len({groups.get(hit.passage_id, hit.passage_id) for hit in hits})
    name = dict(db.execute("SELECT d.outlet_id, coalesce(o.name, d.outlet_id) FROM documents d "
                           "LEFT JOIN outlets o ON o.id = d.outlet_id").fetchall())
    copiers = {name[outlet] for outlet in db.execute("SELECT outlet_id FROM documents WHERE url IN (?, ?, ?)", [
        "https://example.org/Shafaq-News", "https://example.org/Baghdad-Today", "https://example.org/Rudaw"
    ]).fetchall() for outlet in outlet}
    assert len(copiers) == 3
    afp = next(report for report in reports if report.group_id == first)
    assert afp.original.outlet == name["afp"]
    assert {c.outlet for c in afp.also_carried_by} | {afp.hit.outlet} >= copiers
    outlets = independent_outlets(db, hits)
    assert name["afp"] in outlets and name["reuters"] in outlets
    assert not copiers & set(outlets)  # copies are not independent
    assert len(outlets) == len(set(outlets))


def test_a_claims_evidence_names_the_other_outlets_that_carried_the_same_report(db: sqlite_utils.Database) -> None:
    from checker.pipeline import analyze
    from checker.verdict import check_analysis

    store(db, AFP_EN, "afp", "2023-12-08", "https://example.org/afp")
    store(db, AFP_EN.replace("early on Friday", "on Friday") + " (Shafaq)", "Shafaq News", "2023-12-08",
          "https://example.org/shafaq")
    store(db, "The central bank raised its main interest rate by half a point on Thursday to curb inflation, the "
              "governor told reporters in Baghdad.", "reuters", "2023-12-07", "https://example.org/bank")
    analysis = analyze("Three rockets were fired at the US embassy in Baghdad on Friday, AFP reported, and the "
                       "embassy's air defence intercepted two of them.")
    evidence = check_analysis(db, analysis)[0].evidence
    by_url = {match.url: match for match in evidence}
    assert by_url["https://example.org/afp"].also_carried_by == ("Shafaq News",)
    assert by_url["https://example.org/shafaq"].also_carried_by == (by_url["https://example.org/afp"].outlet,)
    assert all(not match.also_carried_by for match in evidence if match.url == "https://example.org/bank")

    from checker.export import export_analysis
    from checker.models import Report
    from checker.review import save_report

    analysis_id = save_report(db, Report(analysis, check_analysis(db, analysis)), source="test")
    checklist = export_analysis(db, analysis_id, "md").decode()
    assert "also carried by Shafaq News" in checklist  # the stored analysis keeps it for the checklist


def test_passages_stored_before_grouping_are_backfilled(db: sqlite_utils.Database) -> None:
    a = store(db, AFP_AR, "afp", "2023-12-08", "https://example.org/ar1")
    b = store(db, AFP_AR + " (نقلا عن فرانس برس)", "shafaq", "2023-12-08", "https://example.org/ar2")
    db.execute("DELETE FROM passage_groups")
    db.execute("DELETE FROM dedup_bands")
    assert group_ids(db, [a, b]) == {a: a, b: b}  # ungrouped: each its own report
    assert backfill(db) == 2
    assert group_ids(db, [a, b]) == {a: a, b: a}
    assert backfill(db) == 0


def test_claimreview_ar_imports_in_full_with_its_fact_checkers_known(db: sqlite_utils.Database, eval_data: Path,
                                                                     no_embeddings: None) -> None:
    path = eval_data / "claimreview_ar" / "unique_claim_reviews.json"
    reviews = sum(len(claim["claimReview"]) for claim in json.loads(path.read_text(encoding="utf-8")))
    result = import_file(db, path)
    assert result.rejected == 0, result.problems[:3]
    assert result.added + result.skipped == reviews == 1285
    by_outlet = dict(db.execute("SELECT outlet_id, count(*) FROM documents GROUP BY outlet_id").fetchall())
    origins = dict(db.execute("SELECT id, origin FROM outlets").fetchall())
    for outlet in ("misbar", "fatabyyano"):
        assert by_outlet.get(outlet, 0) > 200 and origins[outlet] == "registry", outlet
    from_registry = sum(count for outlet, count in by_outlet.items() if origins.get(outlet) == "registry")
    assert from_registry / result.added >= 0.97, sorted(by_outlet.items(), key=lambda kv: -kv[1])[:20]
    rated = db.execute("SELECT count(*) FROM documents WHERE source_kind = 'claimreview' AND rating != ''")
    assert rated.fetchone()[0] == result.added


def test_the_evidence_page_shows_a_syndicated_story_once(db_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from checker.store.db import open_db

    db = open_db(db_path)
    store(db, AFP_EN, "afp", "2023-12-08", "https://example.org/afp")
    store(db, AFP_EN + " (Shafaq)", "Shafaq News", "2023-12-08", "https://example.org/shafaq")
    page = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "pages" / "1_Evidence.py"),
                             default_timeout=120).run()
    page.text_input(key="ev_query").input("rockets fired at the US embassy in Baghdad")
    page.button(key="ev_search").click().run()
    assert not page.exception
    cards = [h.value for h in page.html if 'class="checker-passage"' in h.value]
    assert len(cards) == 1
    captions = [c.value.replace("\\", "") for c in page.caption if c.value.startswith("Also carried by")]
    assert len(captions) == 1
    names = dict(db.execute("SELECT d.url, coalesce(o.name, d.outlet_id) FROM documents d LEFT JOIN outlets o "
                            "ON o.id = d.outlet_id").fetchall())
    other = [name for name in names.values() if name in captions[0]]
    assert len(other) == 1 and "(2023-12-08)" in captions[0]  # the copy not shown, with its date
