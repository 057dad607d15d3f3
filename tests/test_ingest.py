"""Importing evidence: texts, files, JSONL batches, ClaimReview feeds, the demo seed, and the CLI around them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
import sqlite_utils

import checker.store.ingest.write as ingest_write
from checker.errors import InputError
from checker.store.ingest import add_source, add_text, import_file, import_history, load_seed

ROOT = Path(__file__).resolve().parent.parent

EMBASSY_AR = ("استهدفت صواريخ فجر الجمعة السفارة الأمريكية في المنطقة الخضراء في بغداد. "
              "وقال متحدث باسم السفارة إن الهجوم لم يسفر عن إصابات.")
TROOPS_EN = "The United States has about 2,500 troops in Iraq and about 900 in Syria, the Pentagon said."


# Storage tests: the one that checks embedding passes embed=True.
pytestmark = pytest.mark.usefixtures("no_embeddings")


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def count(db: sqlite_utils.Database, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def outlet_of(db: sqlite_utils.Database, text_part: str) -> str | None:
    return db.execute("SELECT outlet_id FROM documents WHERE text LIKE ?", [f"%{text_part}%"]).fetchone()[0]


def test_seed_loads_both_languages_and_a_second_run_skips_everything(db: sqlite_utils.Database) -> None:
    first = load_seed(db)
    assert first.rejected == 0, first.summary()
    assert 40 <= first.added <= 60
    languages = dict(db.execute("SELECT language, count(*) FROM documents GROUP BY language").fetchall())
    assert languages["ar"] >= 15 and languages["en"] >= 15
    second = load_seed(db)
    assert (second.added, second.skipped, second.rejected) == (0, first.added, 0)
    assert count(db, "documents") == first.added


def test_seed_has_agreeing_contradicting_and_fact_checked_reports(db: sqlite_utils.Database) -> None:
    load_seed(db)
    texts = [row[0] for row in db.execute("SELECT text FROM documents")]
    assert any("2,500 troops in Iraq" in t for t in texts) and any("3,500 US troops" in t for t in texts)
    assert any("نفت السفارة الأمريكية" in t for t in texts)
    ratings = {row[0] for row in db.execute("SELECT rating FROM documents WHERE source_kind = 'claimreview'")}
    assert {"False", "زائف"} <= ratings
    assert outlet_of(db, "sirens sounded and possible impacts") == "afp"
    assert outlet_of(db, "صفارات الإنذار دوت") == "afp"  # given as the Arabic "فرانس برس"


def test_malformed_jsonl_line_is_reported_by_number_and_the_rest_imports(db: sqlite_utils.Database,
                                                                         tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "batch.jsonl", [
        {"text": EMBASSY_AR, "outlet": "Reuters", "published": "2023-12-08"},
        {"text": TROOPS_EN, "outlet": "AFP"},
        '{"text": "Rockets hit the Green Zone", "outlet": "AP",',
        "",
        {"text": "Iraq's oil exports averaged 3.4 million barrels per day in November.\u2028Exports are steady.",
         "language": "en"},
    ])
    result = import_file(db, path)
    assert (result.added, result.rejected) == (3, 1)
    assert "line 3: not valid JSON" in result.summary()
    assert result.summary().splitlines()[0] == "batch.jsonl: 3 added, 0 already stored, 1 rejected"
    assert count(db, "documents") == 3


def test_the_same_report_is_stored_once_even_respaced_or_with_diacritics(db: sqlite_utils.Database,
                                                                         tmp_path: Path) -> None:
    assert add_text(db, EMBASSY_AR, outlet="reuters").added == 1
    variant = "  " + EMBASSY_AR.replace("السفارة", "السَّفارة").replace(" في ", "  في\n") + "\n"
    again = import_file(db, write_jsonl(tmp_path / "dup.jsonl", [{"text": variant}, {"text": TROOPS_EN},
                                                                  {"text": TROOPS_EN}]))
    assert (again.added, again.skipped) == (1, 2)
    assert count(db, "documents") == 2


def test_bad_fields_are_rejected_with_a_reason_each(db: sqlite_utils.Database, tmp_path: Path) -> None:
    result = import_file(db, write_jsonl(tmp_path / "bad.jsonl", [
        {"title": "no text here"},
        {"text": TROOPS_EN, "published": "yesterday"},
        {"text": EMBASSY_AR, "url": "ftp://example.org/a"},
        {"text": "   "},
        {"text": "Rockets hit the Green Zone on Friday.", "outlet": 5},
        ["not", "an", "object"],
    ]))
    reasons = dict(result.problems)
    assert result.added == 0 and result.rejected == 6
    assert 'no "text" field' in reasons[1]
    assert "'yesterday' is not a date" in reasons[2]
    assert "not an http(s) address" in reasons[3]
    assert "empty" in reasons[4]
    assert '"outlet" must be a string' in reasons[5]
    assert "expected a JSON object" in reasons[6]


def test_outlets_are_found_by_any_alias_arabic_or_english(db: sqlite_utils.Database, tmp_path: Path) -> None:
    import_file(db, write_jsonl(tmp_path / "aliases.jsonl", [
        {"text": EMBASSY_AR, "outlet": "وكالة الصحافة الفرنسية"},
        {"text": TROOPS_EN, "outlet": "Agence France-Presse"},
        {"text": "قالت مصادر أمنية إن ضربة أمريكية قتلت خمسة من عناصر النجباء.", "outlet": "رويترز"},
    ]))
    assert outlet_of(db, "المنطقة الخضراء") == "afp"
    assert outlet_of(db, "2,500 troops") == "afp"
    assert outlet_of(db, "عناصر النجباء") == "reuters"


def test_an_unknown_outlet_is_stored_as_a_new_outlet_and_reused(db: sqlite_utils.Database, tmp_path: Path) -> None:
    first = import_file(db, write_jsonl(tmp_path / "a.jsonl", [{"text": EMBASSY_AR, "outlet": "Basra Chronicle"}]))
    assert first.new_outlets == ("Basra Chronicle",)
    assert "new outlets (not in the registry): Basra Chronicle" in first.summary()
    second = import_file(db, write_jsonl(tmp_path / "b.jsonl", [{"text": TROOPS_EN, "outlet": "basra chronicle"}]))
    assert second.new_outlets == ()
    assert outlet_of(db, "2,500 troops") == outlet_of(db, "المنطقة الخضراء") == "basra-chronicle"
    assert db["outlets"].get("basra-chronicle")["origin"] == "import"


GOOGLE_FEED = {
    "@context": "http://schema.org",
    "@type": "DataFeed",
    "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [{
            "@type": "ClaimReview",
            "url": "https://example.org/factcheck/embassy-evacuated",
            "datePublished": "2023-12-09",
            "inLanguage": "ar",
            "claimReviewed": "إخلاء السفارة الأمريكية في بغداد بالكامل بعد الهجوم الصاروخي",
            "author": {"@type": "Organization", "name": "Misbar"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "حسابات على تويتر"}},
            "reviewRating": {"@type": "Rating", "alternateName": "مضلل"},
        }]},
        {"@type": "DataFeedItem", "item": [{
            "@type": "ClaimReview",
            "url": "https://example.org/factcheck/troops",
            "datePublished": "2023-12-11T08:00:00Z",
            "claimReviewed": "The United States has about 2,500 troops in Iraq.",
            "author": [{"@type": "Organization", "name": "PolitiFact"}],
            "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5},
        }]},
    ],
}


def test_a_claimreview_feed_becomes_rated_documents(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(GOOGLE_FEED, ensure_ascii=False), encoding="utf-8")
    result = import_file(db, path)
    assert (result.added, result.rejected) == (2, 0), result.summary()
    rows = {r["url"]: r for r in db["documents"].rows}
    evacuated = rows["https://example.org/factcheck/embassy-evacuated"]
    assert evacuated["claim_reviewed"].startswith("إخلاء السفارة")
    assert evacuated["rating"] == "مضلل" and "مضلل" in evacuated["text"] and "Misbar" in evacuated["text"]
    assert evacuated["source_kind"] == "claimreview" and evacuated["language"] == "ar"
    troops = rows["https://example.org/factcheck/troops"]
    assert troops["rating"] == "5/5" and troops["published"] == "2023-12-11" and troops["language"] == "en"


@pytest.mark.parametrize("shape", ["graph", "list", "single", "jsonl"])
def test_claimreview_is_recognised_by_content_whatever_the_wrapping(db: sqlite_utils.Database, tmp_path: Path,
                                                                    shape: str) -> None:
    review = {"@type": "ClaimReview", "claimReviewed": "Iran announced it fired the rockets at the embassy.",
              "author": {"name": "Full Fact"}, "reviewRating": {"alternateName": "False"}}
    payload = {"graph": {"@context": "https://schema.org", "@graph": [review]}, "list": [review],
               "single": review, "jsonl": review}[shape]
    path = tmp_path / "reviews.txt"  # the extension says nothing; the content decides
    path.write_text(json.dumps(payload) + ("\n" if shape == "jsonl" else ""), encoding="utf-8")
    result = import_file(db, path)
    assert result.added == 1
    assert db.execute("SELECT rating FROM documents").fetchone()[0] == "False"


def test_a_claimreview_without_rating_is_rejected(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = tmp_path / "norating.json"
    path.write_text(json.dumps([{"@type": "ClaimReview", "claimReviewed": "Rockets hit the embassy."}]))
    result = import_file(db, path)
    assert result.problems == (("item 1", "a ClaimReview without a reviewRating (alternateName or ratingValue)"),)


def test_an_interrupted_import_leaves_the_database_as_it_was(db: sqlite_utils.Database, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    add_text(db, EMBASSY_AR, outlet="reuters")
    before = {table: count(db, table) for table in ("documents", "passages", "passages_fts", "imports", "outlets")}
    real_store = ingest_write._store_document
    calls = []

    def fail_on_third(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_store(*args, **kwargs)

    monkeypatch.setattr(ingest_write, "_store_document", fail_on_third)
    rows = [{"text": f"Report number {n} about rockets fired at the Green Zone.", "outlet": "New Outlet"}
            for n in range(5)]
    with pytest.raises(KeyboardInterrupt):
        import_file(db, write_jsonl(tmp_path / "big.jsonl", rows))
    assert {table: count(db, table) for table in before} == before
    monkeypatch.setattr(ingest_write, "_store_document", real_store)
    assert import_file(db, tmp_path / "big.jsonl").added == 5


def test_files_that_are_not_bulk_evidence_are_refused_clearly(db: sqlite_utils.Database, tmp_path: Path) -> None:
    prose = tmp_path / "article.jsonl"
    prose.write_text("This is an article, not JSON.\nSecond line.\n", encoding="utf-8")
    with pytest.raises(InputError, match="neither JSON Lines nor ClaimReview"):
        import_file(db, prose)
    legacy = tmp_path / "legacy.jsonl"
    legacy.write_bytes(json.dumps({"text": "السفارة"}, ensure_ascii=False).encode("utf-8").replace(
        "السفارة".encode("utf-8"), "السفارة".encode("windows-1256")))
    with pytest.raises(InputError, match="not UTF-8"):
        import_file(db, legacy)
    with pytest.raises(InputError, match="no such file"):
        import_file(db, tmp_path / "missing.jsonl")


def test_pasted_text_is_cut_into_passages_that_point_back_into_it(db: sqlite_utils.Database) -> None:
    text = (EMBASSY_AR + "\n\n" + "ويوجد ما يقرب من 2500 جندي أمريكي في العراق وحوالي 900 جندي في سوريا. " * 8).strip()
    result = add_text(db, text, title="تقرير", outlet="فرانس برس", published="2023-12-08")
    assert result.added == 1 and len(result.passage_ids) >= 3
    stored = db["documents"].get(1)
    for passage in db["passages"].rows_where(order_by="idx"):
        assert stored["text"][passage["start"]:passage["end"]] == passage["text"]
        assert len(passage["text"]) <= 360
    first = next(db["passages"].rows_where("idx = 0"))
    assert first["text"] == EMBASSY_AR  # the paragraph break is a passage boundary
    assert add_text(db, "  \n ").rejected == 1


def test_add_source_reads_arabic_html_text_and_markdown_files(db: sqlite_utils.Database, tmp_path: Path) -> None:
    html = tmp_path / "story.html"
    html.write_bytes(("<html><head><meta charset='windows-1256'><title>هجوم على السفارة</title></head><body>"
                      f"<nav>الرئيسية</nav><article><p>{EMBASSY_AR}</p></article></body></html>").encode("windows-1256"))
    result = add_source(db, str(html), outlet="reuters")
    assert result.added == 1
    row = db["documents"].get(1)
    assert "المنطقة الخضراء" in row["text"] and row["title"] == "هجوم على السفارة" and row["language"] == "ar"
    note = tmp_path / "troops.md"
    note.write_text(TROOPS_EN, encoding="utf-8")
    assert add_source(db, str(note), published="2023-12-08").added == 1
    assert db["documents"].get(2)["title"] == "troops.md"
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("قال متحدث باسم السفارة إنه لا إصابات.".encode("windows-1256"))
    assert add_source(db, str(legacy)).added == 1
    assert db["documents"].get(3)["text"] == "قال متحدث باسم السفارة إنه لا إصابات."
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=r"\.txt, \.md, \.html"):
        add_source(db, str(pdf))
    with pytest.raises(InputError, match="evidence import"):
        add_source(db, str(tmp_path / "batch.jsonl"))
    with pytest.raises(InputError, match="give the whole address, https://www.reuters.com/world/x"):
        add_source(db, "www.reuters.com/world/x")


FACT_CHECK_PAGE = """<html><head><title>No, the embassy was not evacuated</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "publisher": {"@type": "Organization", "name": "Reuters"}, "datePublished": "2023-12-09"}</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "ClaimReview",
 "claimReviewed": "The US embassy in Baghdad was fully evacuated after the rocket attack",
 "author": {"@type": "Organization", "name": "Reuters Fact Check"},
 "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "5", "alternateName": "False"}}]}</script>
<script type="application/ld+json">{ this block is broken </script>
</head><body><article><h1>No, the embassy was not evacuated</h1>
<p>Posts on social media claim the US embassy in Baghdad was fully evacuated after rockets were fired at it on
December 8, 2023. An embassy spokesperson said staff remained at work and that nobody was hurt.</p>
<p>Video shared with the claim shows an exercise filmed in 2020.</p></article></body></html>"""


def test_a_fact_check_page_yields_its_article_and_its_claimreview(db: sqlite_utils.Database,
                                                                  tmp_path: Path) -> None:
    page = tmp_path / "factcheck.html"
    page.write_text(FACT_CHECK_PAGE, encoding="utf-8")
    result = add_source(db, str(page))
    assert (result.added, result.rejected) == (2, 0), result.summary()
    article, review = db["documents"].rows_where(order_by="id")
    assert article["outlet_id"] == "reuters"  # from the page's NewsArticle publisher
    assert "staff remained at work" in article["text"] and article["rating"] is None
    assert review["source_kind"] == "claimreview" and review["rating"] == "False"
    assert review["claim_reviewed"].startswith("The US embassy in Baghdad was fully evacuated")
    assert add_source(db, str(page)).skipped == 2


def test_every_import_is_logged_for_the_evidence_page(db: sqlite_utils.Database, tmp_path: Path) -> None:
    import_file(db, write_jsonl(tmp_path / "one.jsonl", [{"text": TROOPS_EN}, "{broken"]))
    add_text(db, EMBASSY_AR)
    history = import_history(db)
    assert [(h["source"], h["added"], h["rejected"]) for h in history] == [("pasted text", 1, 0), ("one.jsonl", 1, 1)]
    assert history[1]["problems"][0][0] == "2" and "not valid JSON" in history[1]["problems"][0][1]
    assert db["documents"].get(1)["import_id"] == history[1]["id"]


def test_a_failing_embedder_does_not_lose_the_import(db: sqlite_utils.Database,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(db: object, passage_ids: list[int], model_name: str | None = None) -> int:
        raise RuntimeError("model file missing")

    monkeypatch.setitem(sys.modules, "checker.embeddings", types.SimpleNamespace(embed_passages=broken))
    result = add_text(db, TROOPS_EN, embed=True)
    assert result.added == 1 and count(db, "documents") == 1
    assert "not embedded yet (model file missing)" in result.summary()


def test_new_passages_are_embedded_with_the_real_model(db: sqlite_utils.Database) -> None:
    result = add_text(db, EMBASSY_AR + "\n\n" + TROOPS_EN, embed=True)
    assert result.notes == (), result.summary()
    embedded = {row[0] for row in db.execute("SELECT passage_id FROM embeddings")}
    assert embedded == set(result.passage_ids)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "CHECKER_SKIP_EMBEDDINGS": "1", **(env or {})}, timeout=120)


def test_cli_add_import_and_seed(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    story = tmp_path / "story.txt"
    story.write_text(EMBASSY_AR, encoding="utf-8")
    added = run_cli("evidence", "add", str(story), "--outlet", "reuters", "--published", "2023-12-08", "--db", str(db))
    assert added.returncode == 0, added.stderr
    assert "1 added" in added.stdout
    batch = write_jsonl(tmp_path / "batch.jsonl", [{"text": TROOPS_EN, "outlet": "AFP"}, "{oops"])
    imported = run_cli("evidence", "import", str(batch), "--db", str(db))
    assert imported.returncode == 1 and "1 added" in imported.stdout and "line 2: not valid JSON" in imported.stdout
    seeded = run_cli("evidence", "seed", env={"CHECKER_DB": str(db)})
    assert seeded.returncode == 0 and "rejected" in seeded.stdout
    check = sqlite_utils.Database(db)
    assert check.execute("SELECT outlet_id FROM documents WHERE title = 'story.txt'").fetchone()[0] == "reuters"
    assert check["imports"].count == 3


def test_cli_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    missing = run_cli("evidence", "add", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.db"))
    assert missing.returncode == 2 and missing.stderr.startswith("error: no such file")
    assert "Traceback" not in missing.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    rejected = run_cli("evidence", "add", str(empty), "--db", str(tmp_path / "x.db"))
    # refused as `analyze` refuses it (one shared decoder): one line on stderr
    assert rejected.returncode == 2 and "contains only whitespace" in rejected.stderr
