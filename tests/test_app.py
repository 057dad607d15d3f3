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
    analysis_id = app.session_state["analysis_id"]
    prefix = f"a{analysis_id}-"
    return [b.key[len(prefix):-len("-confirm")] for b in app.button if b.key and b.key.endswith("-confirm")]


def key(app: AppTest, claim_id: str, what: str) -> str:
    return f"a{app.session_state['analysis_id']}-{claim_id}-{what}"


def test_english_article_shows_claims_with_their_outlets(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    text = page_markdown(app)
    assert "**Outlet:** Reuters" in text
    assert "**Outlet:** Agence France\\-Presse" in text
    assert "**Speaker:** two Iraqi security officials" in text
    assert claim_ids(app), "no claim cards rendered"
    article = "\n".join(h.value for h in app.html)
    assert "<mark" in article and "rockets were fired" in article
    assert "Rockets hit US embassy compound" in article
    cards = [h.value for h in app.html if "rockets were fired" in h.value and "Rockets hit" not in h.value]
    assert any(re.search(r'<u class="cue"[^>]*>told</u>', card) for card in cards), "cue not underlined in its card"


def test_claims_show_verdict_reasons_and_evidence_from_the_store(db_path: Path) -> None:
    load_seed(open_db(db_path))
    app = analysed(EN_ARTICLE)
    text = page_markdown(app)
    assert "**Verdict:** supported" in text or "**Verdict:** contradicted" in text
    assert "**Source check:**" in text
    tables = [frame.value for frame in app.dataframe]
    assert tables, "no evidence table shown"
    rows = tables[0]
    assert {"outlet", "published", "stance", "score", "link", "passage"} <= set(rows.columns)
    assert rows["published"].str.match(r"\d{4}-\d{2}-\d{2}").all()
    assert rows["link"].dropna().str.startswith("http").all()


def test_sample_article_is_rendered_right_to_left_with_afp_and_newsweek(db_path: Path, sample_article: str) -> None:
    app = analysed(sample_article)
    text = page_markdown(app)
    for outlet in ("Agence France\\-Presse", "Newsweek", "Israel Hayom"):
        assert f"**Outlet:** {outlet}" in text, outlet
    assert any('dir="rtl"' in h.value for h in app.html)


def test_corrected_link_is_kept_after_reload_and_listed_with_reviewer(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    analysis_id = app.session_state["analysis_id"]
    claim = claim_ids(app)[-1]
    app.selectbox(key=key(app, claim, "outlet")).set_value("__new__")
    app.text_input(key=key(app, claim, "new_outlet")).input("Al Sumaria TV")
    app.text_input(key=key(app, claim, "speaker")).input("Pentagon spokesman Pat Ryder")
    app.button(key=key(app, claim, "correct")).click().run()
    assert not app.exception
    assert any("Saved" in s.value for s in app.success), [e.value for e in app.error]

    reloaded = new_app(analysis_id)
    assert not reloaded.exception
    text = page_markdown(reloaded)
    assert "Pentagon spokesman Pat Ryder" in text and "Al Sumaria TV" in text
    assert "corrected by reviewer" in text
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
    app.button(key=key(app, claim, "confirm")).click().run()
    assert any("reviewer" in e.value for e in app.error)
    assert decision_history(open_db(db_path), app.session_state["analysis_id"]) == []


def test_status_verdict_and_note_reach_every_export(db_path: Path) -> None:
    app = analysed(EN_ARTICLE)
    analysis_id = app.session_state["analysis_id"]
    first, *_ = claim_ids(app)
    app.button(key=key(app, first, "confirm")).click().run()
    app.selectbox(key=key(app, first, "verdict")).set_value("contradicted")
    app.text_input(key=key(app, first, "verdict_reason")).input("embassy statement says five rockets")
    app.button(key=key(app, first, "override")).click().run()
    app.text_area(key=key(app, first, "note")).input("call the embassy press office")
    app.button(key=key(app, first, "save_note")).click().run()
    app.button(key=key(app, first, "status_done")).click().run()
    assert not app.exception and not app.error
    assert "1 of" in app.subheader[0].value

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
    rendered = "\n".join(h.value for h in app.html)
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
    app.button(key=key(app, every[-1], "status_done")).click().run()
    app.multiselect(key="filter_status").set_value(["done"]).run()
    assert claim_ids(app) == [every[-1]]


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
    found = page.dataframe[0].value
    assert "السفارة الأمريكية" in found["passage"].iloc[0] and found["published"].iloc[0] == "2023-12-08"
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
    page.text_input(key="src_name").input("Al-Mirbad Radio")
    page.text_input(key="src_aliases").input("راديو المربد، Mirbad Radio")
    page.button(key="src_add").click().run()
    assert not page.exception and "Al-Mirbad Radio" in page.success[0].value
    added = page.dataframe[0].value
    assert list(added["name"]) == ["Al-Mirbad Radio"] and "راديو المربد" in added["aliases"].iloc[0]
    page.text_input(key="src_name").input("mirbad radio")
    page.button(key="src_add").click().run()
    assert page.error and "already known" in page.error[0].value

    app = analysed("ذكر راديو المربد أن ثلاثة صواريخ سقطت قرب السفارة الأمريكية في بغداد فجر الجمعة.")
    assert "**Outlet:** Al\\-Mirbad Radio" in page_markdown(app)


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
    assert "Reuters" in page_markdown(app)
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
    assert "Reuters" in page_markdown(app)
    stored = list_analyses(open_db(db_path))[0]
    assert stored.url == news_site and stored.title == "Rockets hit US embassy compound in Baghdad"


def test_a_corrupt_database_is_named_on_the_page_and_left_untouched(db_path: Path) -> None:
    garbage = b"not a database\x00" * 400
    db_path.write_bytes(garbage)
    app = new_app()
    assert not app.exception
    assert any(f"{db_path} is not a usable checker database" in error.value for error in app.error)
    assert db_path.read_bytes() == garbage
