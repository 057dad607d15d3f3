"""The review desk: paste or fetch an article, see its claims and sources, confirm or correct them, export.

A thin shell over the library: checker.pipeline finds the claims, checker.verdict
checks them, checker.review stores the analysis and every decision, checker.export
writes the checklist and checker.render draws the (escaped) article. The open
analysis is drawn by checker.desk. Run with `streamlit run app.py`.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from checker.desk import actions, warmup
from checker.budget import analysis_budget, page_still_open
from checker.desk.theme import apply_theme
from checker.desk.workspace import workspace
from checker.errors import CheckerError, InputError
from checker.pipeline import Article, check_article, fetch_article
from checker.review import list_analyses
from checker.store.db import shown_location
from checker.ui_state import db_path, md_escape, session_db

HERE = Path(__file__).resolve().parent
FAVICON = str(HERE / "checker" / "desk" / "favicon.png")
INPUT_MODES = ("Paste text", "Upload a file", "From a URL")


# --- input and analysis -----------------------------------------------------------------------


def article_input() -> None:
    mode = st.radio("Article", INPUT_MODES, horizontal=True, key="input_mode")
    if mode == INPUT_MODES[0]:
        st.text_area("Paste the article (Arabic or English)", height=220, key="article_text")
    elif mode == INPUT_MODES[1]:
        st.file_uploader("Article file", type=["txt", "md", "html", "htm"], key="article_file")
    else:
        st.text_input("Article URL", placeholder="https://…", key="article_url")
    st.text_input("Title (optional: the first line is used otherwise)", key="article_title")
    warm = model_warmup()
    if warm is not None and not warm.done:
        st.caption(f"{warm.summary()}: an analysis started now waits for it. The desk loads its models once, "
                   "when it starts serving.")
    if st.button("Analyse", type="primary", key="analyse"):
        run_analysis(mode)


@st.cache_resource(show_spinner=False)
def _started_warmup() -> warmup.Warmup:
    return warmup.Warmup().start()


def model_warmup() -> warmup.Warmup | None:
    """The models loading in the background since the desk first served a page (one load per process)."""
    served = bool(getattr(st.context, "headers", None))  # a browser's request; AppTest has none
    return _started_warmup() if warmup.wanted(served) else None


def read_article(mode: str) -> Article:
    """The article from whichever input the reviewer chose; bad input -> CheckerError."""
    from checker.text import clean_text, decode_input

    title = st.session_state.get("article_title") or None
    if mode == INPUT_MODES[1]:
        upload = st.session_state.get("article_file")
        if upload is None:
            raise InputError("choose a file to upload first (.txt, .md or .html)")
        return Article(decode_input(upload.getvalue()), source=upload.name, title=title)
    if mode == INPUT_MODES[2]:
        url = (st.session_state.get("article_url") or "").strip()
        if not url:
            raise InputError("enter the address of the article (https://…)")
        article = fetch_article(url)
        return Article(article.text, source=article.source, title=title or article.title, url=article.url)
    return Article(clean_text(st.session_state.get("article_text") or ""), source="pasted text", title=title)


def run_analysis(mode: str) -> None:
    """Read, analyse, check against the evidence and save; on bad input the box says so and shows why."""
    with st.status("Analysing the article…", expanded=True) as status:
        try:
            st.write("Reading the article")
            article = read_article(mode)
            warm = model_warmup()
            if warm is not None and not warm.done:
                waiting = st.empty()
                warm.wait(waiting.write)
                waiting.write(warm.summary())
            with analysis_budget(still_wanted=page_still_open()):  # a closed tab or the budget stops it
                report, analysis_id = check_article(session_db(), article, k=5, progress=st.write)
        except CheckerError as error:
            status.update(label="Analysis failed: nothing was saved", state="error", expanded=False)
            # Escaped: a refused address must show as text, never as a link to click.
            st.error(md_escape(str(error)))
            return
        status.update(label=f"Analysis {analysis_id}: {len(report.analysis.claims)} claims", state="complete",
                      expanded=False)
    actions.cached_reports()[analysis_id] = report
    open_analysis(analysis_id)
    st.rerun()  # draw the analysis alone, without the input above it


# --- which analysis is open -------------------------------------------------------------------


def open_analysis(analysis_id: int) -> None:
    st.session_state["analysis_id"] = analysis_id
    st.session_state.pop("selected_claim", None)
    st.query_params["analysis"] = str(analysis_id)
    st.query_params.pop("claim", None)


def close_analysis() -> None:
    st.session_state["analysis_id"] = None
    st.query_params.pop("analysis", None)
    st.query_params.pop("claim", None)


def current_analysis_id() -> int | None:
    """The open analysis: this session's choice, else the ?analysis= in the address (a reload keeps it)."""
    if "analysis_id" not in st.session_state:
        wanted = st.query_params.get("analysis", "")
        st.session_state["analysis_id"] = int(wanted) if wanted.isdigit() else None
    return st.session_state["analysis_id"]


def sidebar() -> None:
    with st.sidebar:
        # Kept in the address (?reviewer=), so a reload or a bookmark keeps the name.
        st.text_input("Reviewer name", key="reviewer", help="Required before recording a decision",
                      bind="query-params")
        st.caption(f"Database: {md_escape(shown_location(db_path()))}")  # a PostgreSQL URL without its password
        analyses = list_analyses(session_db())
        if not analyses:
            st.caption("No saved analyses yet.")
            return
        titles = {a.id: f"#{a.id} {a.title} ({a.done}/{a.claims} done)" for a in analyses}
        chosen = st.selectbox("Past analyses", list(titles), format_func=titles.__getitem__, key="past_analysis")
        if st.button("Open", key="open_past"):
            open_analysis(chosen)
        if st.button("New article", key="new_article"):
            close_analysis()


def review_desk_page() -> None:
    st.title("Review desk")
    try:
        session_db()
    except CheckerError as error:
        st.error(str(error))
        st.stop()
    sidebar()
    analysis_id = current_analysis_id()
    report = actions.report_for(analysis_id) if analysis_id is not None else None
    if report is None:
        close_analysis()
        article_input()
        analysis_id = current_analysis_id()
        report = actions.report_for(analysis_id) if analysis_id is not None else None
    if analysis_id is not None and report is not None:
        workspace(analysis_id, report)


def main() -> None:
    # The icon is a file of ours: a material icon as favicon is fetched from a font CDN (no external assets).
    st.set_page_config(page_title="checker · review desk", page_icon=FAVICON, layout="wide")
    apply_theme()
    model_warmup()  # started by the first page the desk serves, whichever page it is
    pages = [
        st.Page(review_desk_page, title="Review desk", default=True),
        st.Page(HERE / "pages" / "1_Evidence.py", title="Evidence", url_path="evidence"),
        st.Page(HERE / "pages" / "2_Sources.py", title="Sources", url_path="sources"),
    ]
    st.navigation(pages).run()


main()
