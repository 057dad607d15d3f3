"""The review desk as a reviewer uses it, driven by Streamlit's AppTest (no browser).

Each test pastes a real-style article, analyses it against a scratch claims.db
(CHECKER_DB in tmp_path) and checks what the reviewer would see or keep.
"""
from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode
from streamlit.testing.v1 import AppTest

from checker.export import FORMATS, export_analysis
from checker.review import current_decisions, decision_history, list_analyses
from checker.store.db import open_db
from checker.store.ingest import load_seed

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TIMEOUT = 120

EN_ARTICLE = """Rockets hit US embassy compound in Baghdad

BAGHDAD — At least seven rockets were fired at the US embassy in Baghdad early on Friday, two Iraqi security officials told Reuters.

The embassy said in a statement that no casualties were reported and urged the Iraqi government to protect diplomatic staff.

US forces in Iraq and Syria have been attacked at least 76 times since October 17, Agence France-Presse reported, citing a Pentagon official.
"""


def new_app(analysis_id: int | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if analysis_id is not None:
        app.query_params["analysis"] = str(analysis_id)
    return app.run()


def analysed(text: str, reviewer: str | None = "Hala") -> AppTest:
    app = new_app()
    if reviewer:
        app.text_input(key="reviewer").input(reviewer)
    app.text_area(key="article_text").input(text)
    app.button(key="analyse").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    return app


def page_markdown(app: AppTest) -> str:
    return "\n".join(element.value for element in app.markdown)


def claim_ids(app: AppTest) -> list[str]:
    """The claims in the triage list, in reading order (one row button each); the page is drawn whole
    first when the last (fragment) run did not draw the list."""
    if not any(c.value.endswith("claims, in reading order") for c in app.caption):
        app.run()
    analysis_id = app.session_state["analysis_id"]
    prefix = f"a{analysis_id}-"
    return [b.key[len(prefix):-len("-pick")] for b in app.button if b.key and b.key.endswith("-pick")]


def key(app: AppTest, claim_id: str, what: str) -> str:
    return f"a{app.session_state['analysis_id']}-{claim_id}-{what}"


def select(app: AppTest, claim_id: str) -> AppTest:
    """Open a claim beside the list, as a click on its row (or its highlight) does. AppTest keeps only what
    the last fragment run drew (a browser keeps the whole list), so the page is drawn first if the row is not."""
    if key(app, claim_id, "pick") not in {b.key for b in app.button}:
        app.run()
    app.button(key=key(app, claim_id, "pick")).click().run()
    assert app.session_state["selected_claim"] == claim_id
    return app


def details(app: AppTest) -> str:
    """Every claim's detail text, opening each in turn."""
    shown = []
    for claim_id in claim_ids(app):
        shown.append(page_markdown(select(app, claim_id)))
    return "\n".join(shown)


def test_english_article_shows_claims_with_their_outlets(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    text = details(app)
    assert "**Outlet:** Reuters" in text
    assert "**Outlet:** Agence France\\-Presse" in text
    assert "**Speaker:** two Iraqi security officials" in text
    assert claim_ids(app), "no claim cards rendered"
    article = "\n".join(h.value for h in app.html)
    assert "<mark" in article and "rockets were fired" in article
    assert "Rockets hit US embassy compound" in article
    select(app, claim_ids(app)[0])
    cards = [h.value for h in app.html if "rockets were fired" in h.value and "Rockets hit" not in h.value]
    assert any(re.search(r'<u class="cue"[^>]*>told</u>', card) for card in cards), "cue not underlined in its card"


def test_claims_show_verdict_reasons_and_evidence_from_the_store(db_path: Path) -> None:
    load_seed(open_db(db_path))
    app = analysed(EN_ARTICLE)
    text = details(app)
    assert "**Verdict:** supported" in text or "**Verdict:** contradicted" in text
    assert "**Source check:**" in text
    passages = [h.value for h in app.html if 'class="checker-passage"' in h.value]
    assert passages and all('dir="auto"' in p for p in passages), "evidence passages shown in full, own direction"
    assert any(b.key.endswith("-cited_source") for b in app.button if b.key)
    heads = [m.value for m in app.markdown if "[open](http" in m.value]
    assert heads and all(re.search(r"\d{4}\\?-\d{2}\\?-\d{2}", h) for h in heads)


def test_sample_article_is_rendered_right_to_left_with_afp_and_newsweek(db_path: Path, sample_article: str) -> None:
    app = analysed(sample_article)
    text = details(app)
    for outlet in ("Agence France\\-Presse", "Newsweek", "Israel Hayom"):
        assert f"**Outlet:** {outlet}" in text, outlet
    assert any('dir="rtl"' in h.value for h in app.html)


def test_corrected_link_is_kept_after_reload_and_listed_with_reviewer(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    analysis_id = app.session_state["analysis_id"]
    claim = claim_ids(app)[-1]
    select(app, claim)
    app.selectbox(key=key(app, claim, "outlet")).set_value("__new__")
    app.text_input(key=key(app, claim, "new_outlet")).input("Al Sumaria TV")
    app.text_input(key=key(app, claim, "speaker")).input("Pentagon spokesman Pat Ryder")
    app.button(key=key(app, claim, "correct")).click().run()
    assert not app.exception
    assert any("Saved" in s.value for s in app.success), [e.value for e in app.error]

    reloaded = new_app(analysis_id)
    assert not reloaded.exception
    text = page_markdown(select(reloaded, claim))
    assert "Pentagon spokesman Pat Ryder" in text and "Al Sumaria TV" in text
    assert "set by reviewer" in text
    assert "Hala" in text  # the history says who
    link = current_decisions(open_db(db_path), analysis_id)[claim].link
    assert link is not None and link.reviewer == "Hala"
    assert link.value["speaker"] == "Pentagon spokesman Pat Ryder" and link.value["confirmed"] is False


def test_past_analysis_reopens_from_the_sidebar(db_path: Path) -> None:
    first = analysed(EN_ARTICLE)
    analysis_id = first.session_state["analysis_id"]
    app = new_app()
    assert app.session_state["analysis_id"] is None
    app.selectbox(key="past_analysis").set_value(analysis_id)
    app.button(key="open_past").click().run()
    assert app.session_state["analysis_id"] == analysis_id
    assert claim_ids(app) == claim_ids(first)


def test_decision_needs_a_reviewer_name(db_path: Path) -> None:
    app = analysed(EN_ARTICLE, reviewer=None)
    claim = claim_ids(app)[0]
    select(app, claim)
    app.button(key=key(app, claim, "status_done")).click().run()
    assert any("reviewer" in e.value for e in app.error)
    assert decision_history(open_db(db_path), app.session_state["analysis_id"]) == []


def test_status_verdict_and_note_reach_every_export(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    analysis_id = app.session_state["analysis_id"]
    first, *_ = claim_ids(app)
    select(app, first)
    app.button(key=key(app, first, "confirm")).click().run()
    app.selectbox(key=key(app, first, "verdict")).set_value("contradicted")
    app.text_input(key=key(app, first, "verdict_reason")).input("embassy statement says five rockets")
    app.button(key=key(app, first, "override")).click().run()
    app.text_area(key=key(app, first, "note")).input("call the embassy press office")
    app.button(key=key(app, first, "save_note")).click().run()
    app.button(key=key(app, first, "status_done")).click().run()
    assert not app.exception and not app.error
    assert "1 of" in app.subheader[0].value

    app.run()  # AppTest keeps only what the last fragment run drew; a browser keeps the rest of the page
    labels = {button.label for button in app.get("download_button")}
    assert {"Markdown", "CSV", "JSON", "ClaimReview", "HTML"} <= labels
    db = open_db(db_path)
    exports = {fmt: export_analysis(db, analysis_id, fmt).decode("utf-8-sig") for fmt in FORMATS}
    assert f"- [x] **{first}**" in exports["md"]
    assert "call the embassy press office" in exports["csv"]
    assert "embassy statement says five rockets" in exports["json"]
    assert '"ClaimReview"' in exports["claimreview"] and "False" in exports["claimreview"]
    assert "☑" in exports["html"]


def test_script_in_an_article_is_shown_as_text(db_path: Path) -> None:
    text = ("Officials said the <script>alert('x')</script> attack on the embassy killed 12 people, "
            "according to Reuters.\n\nThe ministry said 40 rockets were launched on Friday.")
    app = analysed(text)
    rendered = "\n".join(h.value for h in app.html if "__checkerDesk" not in h.value)  # not the desk's own script
    assert "&lt;script&gt;" in rendered
    assert "<script" not in rendered
    assert "<script" not in page_markdown(app).replace("\\<script", "")


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda app: app.text_area(key="article_text").input("   \n  "), "no text"),
        (lambda app: app.radio(key="input_mode").set_value("From a URL").run()
         .text_input(key="article_url").input("htp:/not a url"), ""),
        (lambda app: app.radio(key="input_mode").set_value("Upload a file").run()
         .file_uploader(key="article_file").set_value(("scan.txt", b"%PDF-1.7\x00\x01\x02binary", "text/plain")),
         "binary"),
    ],
    ids=["empty", "broken-url", "binary-upload"],
)
def test_bad_input_shows_a_message_not_a_traceback(db_path: Path, setup, message: str) -> None:
    app = new_app()
    setup(app)
    app.button(key="analyse").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.error and message in app.error[0].value.lower()
    assert app.session_state["analysis_id"] is None


def test_filters_narrow_the_claims(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    every = claim_ids(app)
    app.multiselect(key="filter_outlet").set_value(["Reuters"]).run()
    only_reuters = claim_ids(app)
    assert 0 < len(only_reuters) < len(every)
    app.multiselect(key="filter_outlet").set_value([]).run()
    app.slider(key="filter_checkworthiness").set_value(1.0).run()
    assert len(claim_ids(app)) < len(every)
    app.slider(key="filter_checkworthiness").set_value(0.0).run()
    app.text_input(key="filter_text").input("embassy").run()
    assert 0 < len(claim_ids(app)) < len(every)
    app.text_input(key="filter_text").input("").run()
    select(app, every[-1])
    app.button(key=key(app, every[-1], "status_done")).click().run()
    app.run()  # AppTest keeps only what the last fragment run drew; a browser keeps the filters in place
    app.multiselect(key="filter_status").set_value(["done"]).run()
    assert claim_ids(app) == [every[-1]]
    # with the Status filter on, a claim whose status changes leaves the list at once (the list is redrawn,
    # not only its row)
    app.button(key=key(app, every[-1], "status_needs_work")).click().run()
    assert any(c.value.endswith("claims, in reading order") for c in app.caption), "the list was not redrawn"
    assert not [b for b in app.button if b.key and b.key.endswith("-pick")]


EVIDENCE_AR = ("قالت وكالة فرانس برس إن صاروخين سقطا قرب السفارة الأمريكية في بغداد فجر الجمعة 8 ديسمبر 2023 "
               "دون وقوع إصابات، وفق ما أكده مسؤول أمني عراقي.")


def evidence_page() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "1_Evidence.py"), default_timeout=TIMEOUT).run()


def test_evidence_page_adds_a_report_finds_it_and_lists_the_import(db_path: Path) -> None:
    page = evidence_page()
    page.text_area(key="ev_text").input(EVIDENCE_AR)
    page.text_input(key="ev_text_outlet").input("فرانس برس")
    page.text_input(key="ev_text_published").input("2023-12-08")
    page.button(key="ev_add_text").click().run()
    assert not page.exception and not page.error, [e.value for e in page.error]
    assert "1 added" in page.success[0].value

    page.text_input(key="ev_query").input("صواريخ السفارة الأمريكية بغداد")
    page.button(key="ev_search").click().run()
    passages = [h.value for h in page.html if 'class="checker-passage"' in h.value]
    assert passages and "السفارة الأمريكية" in passages[0] and 'dir="auto"' in passages[0]
    assert any("2023\\-12\\-08" in m.value for m in page.markdown)
    history = page.dataframe[-1].value
    assert list(history["added"]) == [1]


def test_evidence_page_reports_bad_lines_of_a_bulk_file(db_path: Path) -> None:
    page = evidence_page()
    batch = (
        '{"text": "Reuters reported that 2,500 US troops are stationed in Iraq.", "outlet": "Reuters", '
        '"published": "2023-12-08"}\n'
        '{"text": "broken line", "published": \n'
    ).encode("utf-8")
    page.file_uploader(key="ev_bulk").set_value(("batch.jsonl", batch, "application/json")).run()
    page.button(key="ev_import").click().run()
    assert not page.exception
    summary = page.warning[0].value
    assert "1 added" in summary and "1 rejected" in summary and "line 2" in summary


def test_outlet_registered_on_the_sources_page_is_recognised_by_the_next_analysis(db_path: Path) -> None:
    page = AppTest.from_file(str(ROOT / "pages" / "2_Sources.py"), default_timeout=TIMEOUT).run()
    page.text_input(key="src_name").input("Erbil Star Radio")
    page.text_input(key="src_aliases").input("راديو نجمة أربيل، Erbil Star FM")
    page.button(key="src_add").click().run()
    assert not page.exception and "Erbil Star Radio" in page.success[0].value
    added = page.dataframe[0].value
    assert list(added["name"]) == ["Erbil Star Radio"] and "راديو نجمة أربيل" in added["aliases"].iloc[0]
    page.text_input(key="src_name").input("erbil star radio")
    page.button(key="src_add").click().run()
    assert page.error and "already known" in page.error[0].value

    app = analysed("ذكر راديو نجمة أربيل أن ثلاثة صواريخ سقطت قرب السفارة الأمريكية في بغداد فجر الجمعة.")
    assert "**Outlet:** Erbil Star Radio" in details(app)


def test_unknown_analysis_in_the_address_says_so_and_offers_the_input(db_path: Path) -> None:
    app = new_app(analysis_id=999)
    assert not app.exception
    assert "no stored analysis with id 999" in app.error[0].value
    assert app.text_area(key="article_text") is not None


EN_PAGE = f"""<!doctype html><html><head><title>Rockets hit US embassy compound in Baghdad</title></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Rockets hit US embassy compound in Baghdad</h1>
{"".join(f"<p>{paragraph}</p>" for paragraph in EN_ARTICLE.split(chr(10) * 2)[1:])}
</article><footer>© 2023 Example News. All rights reserved.</footer></body></html>"""


def test_uploaded_html_file_is_analysed(db_path: Path) -> None:
    app = new_app()
    app.text_input(key="reviewer").input("Hala")
    app.radio(key="input_mode").set_value("Upload a file").run()
    app.file_uploader(key="article_file").set_value(("story.html", EN_PAGE.encode("utf-8"), "text/html"))
    app.button(key="analyse").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Reuters" in details(app)
    assert "All rights reserved" not in "\n".join(h.value for h in app.html)  # page furniture is not the article


@pytest.fixture
def news_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A local web server with one article page (private addresses allowed for this test only)."""
    monkeypatch.setenv("CHECKER_ALLOW_PRIVATE_URLS", "1")
    body = EN_PAGE.encode("utf-8")

    class Article(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Article)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/world/baghdad-rockets"
    server.shutdown()
    thread.join(timeout=5)


def test_article_from_a_url_keeps_its_address_and_title(db_path: Path, news_site: str) -> None:
    app = new_app()
    app.radio(key="input_mode").set_value("From a URL").run()
    app.text_input(key="article_url").input(news_site)
    app.button(key="analyse").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Reuters" in details(app)
    stored = list_analyses(open_db(db_path))[0]
    assert stored.url == news_site and stored.title == "Rockets hit US embassy compound in Baghdad"


def test_a_corrupt_database_is_named_on_the_page_and_left_untouched(db_path: Path) -> None:
    garbage = b"not a database\x00" * 400
    db_path.write_bytes(garbage)
    app = new_app()
    assert not app.exception
    assert any(f"{db_path} is not a usable checker database" in error.value for error in app.error)
    assert db_path.read_bytes() == garbage


# --- the defects found in the review of issue 10, each reproduced ----------------------------------

NO_SOURCE_ARTICLE = """Rockets hit US embassy compound in Baghdad

At least seven rockets were fired at the US embassy in Baghdad early on Friday.

US forces in Iraq and Syria have been attacked at least 76 times since October 17, Agence France-Presse reported.
"""


def statuses(app: AppTest) -> list:
    return [child for child in app.main.children.values() if type(child).__name__ == "Status"]


def test_a_refused_address_ends_the_progress_box_and_is_not_a_link(db_path: Path) -> None:
    app = new_app()
    app.radio(key="input_mode").set_value("From a URL").run()
    app.text_input(key="article_url").input("http://127.0.0.1:9/private")
    app.button(key="analyse").click().run()
    assert not app.exception
    [box] = statuses(app)
    assert box.label == "Analysis failed: nothing was saved"  # was left at "Analysing the article…"
    message = app.error[0].value
    assert "private or local network address" in message
    assert "http://" not in message and "127.0.0.1" not in message  # escaped: Markdown makes no link of it


def test_the_reviewer_name_survives_a_reload(db_path: Path) -> None:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["reviewer"] = "Hala"  # what the address keeps after the name is typed once
    app.run()
    assert app.text_input(key="reviewer").value == "Hala"


def test_a_claim_without_a_source_shows_no_confidence(db_path: Path) -> None:
    app = analysed(NO_SOURCE_ARTICLE)
    text = details(app)
    assert "**Link:** no source cited" in text
    assert "confidence 1\\.00" not in text and "confidence 1.00" not in text


def test_a_reviewers_verdict_drops_the_machines_score(db_path: Path) -> None:
    load_seed(open_db(db_path))
    app = analysed(EN_ARTICLE)
    claim = claim_ids(app)[0]
    select(app, claim)
    assert "machine score" in page_markdown(app)
    app.selectbox(key=key(app, claim, "verdict")).set_value("contradicted")
    app.button(key=key(app, claim, "override")).click().run()
    text = page_markdown(app)
    assert "**Verdict:** contradicted \\(set by reviewer\\)" in text
    assert "machine score" not in text and "Verdict score" not in text


def test_typing_afp_offers_afp_before_afp_fact_check(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    claim = claim_ids(app)[0]
    select(app, claim)
    picker = app.selectbox(key=key(app, claim, "outlet"))
    assert picker.proto.filter_mode == SelectWidgetFilterMode.FILTER_MODE_CONTAINS  # keeps our order: fuzzy would rank "AFP Fact Check" first
    labels = [option for option in picker.options if "AFP" in option]
    assert labels, picker.options[:10]
    assert "Fact Check" not in labels[0], labels[:3]


def test_correcting_a_link_in_the_desk_rechecks_its_source(db_path: Path) -> None:
    from checker.store.ingest import add_text

    db = open_db(db_path)
    add_text(db, "At least seven rockets were fired at the US embassy in Baghdad early on Friday, Reuters "
                 "reported.", outlet="Reuters", published="2023-12-08", url="https://www.reuters.com/x")
    app = analysed(NO_SOURCE_ARTICLE)
    claim = next(c for c in claim_ids(app) if "no source cited" in page_markdown(select(app, c)))
    app.selectbox(key=key(app, claim, "outlet")).set_value("reuters")
    app.button(key=key(app, claim, "correct")).click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    text = page_markdown(app)
    assert "**Source check:** confirmed" in text
    assert any("re-checked: source check confirmed" in message.value for message in app.success)
    assert "**Link:** according to" in text  # the kind follows the source: never "none" with an outlet
    analysis_id = app.session_state["analysis_id"]
    checklist = export_analysis(db, analysis_id, "md").decode("utf-8")
    entry = checklist.split(f"**{claim}**", 1)[1].split("\n- [", 1)[0]
    assert "Source check: confirmed" in entry and "no source" not in entry


def test_evidence_page_refuses_server_files_unless_allowed(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = str(ROOT / "README.md")
    page = evidence_page()
    page.text_input(key="ev_source").input(readme)
    page.button(key="ev_add_source").click().run()
    assert page.error and "cannot be read from a served desk" in page.error[0].value
    assert not page.success
    page.text_input(key="ev_query").input("claim attribution fact-check desk")
    page.button(key="ev_search").click().run()
    assert not [h for h in page.html if 'class="checker-passage"' in h.value]

    monkeypatch.setenv("CHECKER_DESK_LOCAL_FILES", "1")  # a single-user desk may read its own files
    page = evidence_page()
    page.text_input(key="ev_source").input(readme)
    page.button(key="ev_add_source").click().run()
    assert not page.error and "added" in page.success[0].value


def test_evidence_search_hides_unrelated_passages_and_explains_its_numbers(db_path: Path) -> None:
    load_seed(open_db(db_path))
    page = evidence_page()
    page.number_input(key="ev_k").set_value(10)
    page.text_input(key="ev_query").input("chocolate cake recipe with strawberries")
    page.button(key="ev_search").click().run()
    assert not [h for h in page.html if 'class="checker-passage"' in h.value]
    assert any("less related hidden" in c.value for c in page.caption)
    assert any("**similarity**" in m.value and "**score**" in m.value for m in page.markdown)
    page.text_input(key="ev_query").input("rockets US embassy Baghdad")
    page.button(key="ev_search").click().run()
    assert [h for h in page.html if 'class="checker-passage"' in h.value]


def test_added_spellings_are_listed_and_can_be_removed(db_path: Path) -> None:
    page = AppTest.from_file(str(ROOT / "pages" / "2_Sources.py"), default_timeout=TIMEOUT).run()
    page.selectbox(key="src_alias_of").set_value("reuters")
    page.text_input(key="src_alias").input("رويتر الإخبارية")
    page.button(key="src_add_alias").click().run()
    assert any("رويتر الإخبارية" in m.value for m in page.markdown)
    page.button(key="src_remove-0").click().run()
    assert not page.exception and "Removed the spelling" in page.success[0].value
    assert not any("رويتر الإخبارية" in m.value for m in page.markdown)
    from checker.store.outlets import registry_with_db

    assert registry_with_db(open_db(db_path)).find("رويتر الإخبارية") is None


def test_not_a_claim_leaves_the_count_of_claims_to_review(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    every = claim_ids(app)
    select(app, every[0])
    app.button(key=key(app, every[0], "status_not_a_claim")).click().run()
    assert f"0 of {len(every) - 1} claims done" in app.subheader[0].value


# --- the desk's workflow: re-check, bulk, people --------------------------------------------------


def test_re_check_against_the_evidence_keeps_every_decision(db_path: Path) -> None:
    load_seed(open_db(db_path))
    app = analysed(EN_ARTICLE)
    first, second, *_ = claim_ids(app)
    select(app, first)
    app.selectbox(key=key(app, first, "verdict")).set_value("contradicted")
    app.button(key=key(app, first, "override")).click().run()
    select(app, second)
    app.button(key=key(app, second, "status_done")).click().run()
    app.run()  # AppTest keeps only what the last fragment run drew; a browser keeps the toolbar in place
    app.button(key="recheck_all").click().run()
    assert not app.exception and not app.error
    assert any("Every reviewer decision is kept" in s.value for s in app.success)
    analysis_id = app.session_state["analysis_id"]
    decided = current_decisions(open_db(db_path), analysis_id)
    assert decided[first].verdict.value["label"] == "contradicted" and decided[second].status.value == "done"
    assert decided[first].check is not None and decided[first].check.value["before"]["verdict"]
    text = page_markdown(select(app, first))
    assert "**Verdict:** contradicted \\(set by reviewer\\)" in text and "machine re\\-check" in text


def test_bulk_confirm_links_and_mark_selected_done(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    every = claim_ids(app)
    app.slider(key="bulk_confidence").set_value(0.5).run()
    app.button(key="bulk_confirm").click().run()
    assert any("Links confirmed" in s.value for s in app.success)
    analysis_id = app.session_state["analysis_id"]
    links = {k: d.link for k, d in current_decisions(open_db(db_path), analysis_id).items() if d.link}
    assert links and all(d.value["confirmed"] for d in links.values())
    app.multiselect(key="bulk_selected").set_value(every[:2]).run()
    app.button(key="bulk_done").click().run()
    assert f"2 of {len(every)} claims done" in app.subheader[0].value


def test_a_claim_link_opens_that_claim_and_assignment_and_added_claims_are_kept(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    analysis_id = app.session_state["analysis_id"]
    claim = claim_ids(app)[1]
    select(app, claim)
    assert app.query_params["claim"] == claim
    links = [c.value for c in app.code if f"?analysis={analysis_id}&claim={claim}" in c.value]
    assert links and "reviewer" not in links[0]
    app.text_input(key=key(app, claim, "assignee")).input("Layla")
    app.button(key=key(app, claim, "assign")).click().run()
    app.run()  # AppTest keeps only what the last fragment run drew; a browser keeps the panel in place
    app.text_area(key="add_claim_text").input("no casualties were reported")
    app.button(key="add_claim").click().run()
    assert not app.error, [e.value for e in app.error]
    assert "r1" in claim_ids(app)

    colleague = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    colleague.query_params["analysis"] = str(analysis_id)
    colleague.query_params["claim"] = claim
    colleague.run()
    assert colleague.session_state["selected_claim"] == claim
    assert "assigned to Layla" in "\n".join(c.value for c in colleague.caption)


# --- speed: what a click redraws, and the models loaded before the first analysis ---------------------


def test_a_status_click_redraws_the_claim_its_row_and_the_progress_but_not_the_article(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    first, *_ = claim_ids(app)
    select(app, first)
    article = "Rockets hit US embassy compound"  # its first line: in the article pane, in no claim's sentence
    assert any(article in h.value for h in app.html), "a selection outlines the claim in the article"
    app.button(key=key(app, first, "status_done")).click().run()
    assert any(s.value.startswith("Saved: ") and "Hala · status\\: done" in s.value for s in app.success)
    rows = [b for b in app.button if b.key and b.key.endswith("-pick")]
    assert [b.key for b in rows] == [key(app, first, "pick")], "only the claim's own row is drawn again"
    assert "done" in rows[0].label.lower()
    assert "1 of" in app.subheader[0].value
    assert any(f"Hala · {first} · done" in m.value for m in app.markdown), "the activity log lists the decision"
    # AppTest shows only what the fragments of the click drew: the article, the charts, the bulk tools and
    # the card's evidence and forms stayed as they were.
    assert not any(article in h.value for h in app.html)
    assert key(app, first, "outlet") not in {s.key for s in app.selectbox}, "nor the claim's evidence and forms"
    assert not app.get("arrow_vega_lite_chart") and not [s for s in app.slider if s.key == "bulk_confidence"]


def test_the_warmup_loads_every_model_once_and_the_analysis_uses_them(db_path: Path, sample_article: str) -> None:
    from checker.desk.warmup import Warmup
    from checker.embeddings import get_embedder
    from checker.pipeline import Article, check_article

    warm = Warmup().start()
    told: list[str] = []
    warm.wait(told.append)
    assert warm.done and set(warm.state.values()) == {"ready"}, warm.state
    assert warm.summary().startswith("Models ready")
    assert all(line.startswith("Waiting for the ") for line in told)
    loaded = get_embedder()
    report, _ = check_article(open_db(db_path), Article(sample_article, source="pasted text"))
    assert report.analysis.claims and get_embedder() is loaded


def test_a_model_that_cannot_load_is_named_and_left_to_the_analysis(db_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.desk.warmup import STEPS, Warmup

    monkeypatch.setenv("CHECKER_EMBEDDING_MODEL", str(db_path.parent / "no-such-model"))
    warm = Warmup(steps=STEPS[:2]).start()
    warm.wait(lambda line: None)
    assert warm.state[STEPS[0][0]] == "ready"
    assert warm.state[STEPS[1][0]].startswith("failed: ")
    assert warm.summary().startswith("Could not load the sentence model") and "try again" in warm.summary()


def test_the_sidebar_names_a_shared_database_without_its_password(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk on PostgreSQL shows where its reviews go, never the password written in CHECKER_DB."""
    with_password = pg_url.replace("@/", ":SECRET-PASSWORD@/", 1)  # the test server trusts its socket: any password
    assert "SECRET-PASSWORD" in with_password
    monkeypatch.setenv("CHECKER_DB", with_password)
    app = new_app()
    captions = " ".join(caption.value for caption in app.sidebar.caption)
    assert "Database: postgresql" in captions and "checker@" in captions
    assert "SECRET-PASSWORD" not in captions
