"""The evidence store: search it, add a text, a URL or a bulk file, load the demo set, see past imports.

Everything is done by checker.store.ingest and checker.retrieval; this page only collects the inputs.
"""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Callable

import streamlit as st

from checker.errors import CheckerError
from checker.store.ingest import ImportResult, add_source, add_text, import_file, import_history, load_seed
from checker.render import marked_html
from checker.ui_state import (
    LOCAL_FILES_FLAG,
    SEARCH_EXPLAINED,
    is_web_address,
    local_files_allowed,
    md_escape,
    relevant_hits,
    search_min_similarity,
    session_db,
    web_link,
)

LANGUAGES = {"": "detect", "ar": "Arabic", "en": "English"}


def show_result(action: Callable[[], ImportResult]) -> None:
    """Run one import with a spinner (new passages are embedded) and show its summary or the error."""
    try:
        with st.spinner("Storing and embedding the passages…"):
            result = action()
    except CheckerError as error:
        st.error(as_text(str(error)))
        return
    (st.warning if result.rejected else st.success)(as_text(result.summary()))


def as_text(message: str) -> str:
    """A summary or error shown as written: outlet names and reasons come from files and users, so no line
    may become an image, a link or HTML."""
    return "  \n".join(md_escape(line) for line in message.splitlines())


def search_section() -> None:
    from checker.retrieval import search

    with st.form("evidence_search"):
        query = st.text_input("Search the stored passages (Arabic or English)", key="ev_query")
        columns = st.columns(4)
        k = columns[0].number_input("Results", 1, 50, 10, key="ev_k")
        outlet = columns[1].text_input("Outlet (id or name)", key="ev_outlet")
        since = columns[2].date_input("Since", value=None, key="ev_since")
        until = columns[3].date_input("Until", value=None, key="ev_until")
        submitted = st.form_submit_button("Search", key="ev_search")
    if not (submitted and query.strip()):
        return
    try:
        hits = search(session_db(), query, k=int(k), outlet=outlet.strip() or None, since=_day(since),
                      until=_day(until))
    except CheckerError as error:
        st.error(str(error))
        return
    shown, hidden = relevant_hits(hits, search_min_similarity())
    if hidden and st.toggle(f"Show {len(hidden)} less related passages", key="ev_show_all"):
        shown = list(hits)
    st.caption(f"{len(shown)} related passages" + (f" ({len(hidden)} less related hidden)" if hidden else ""))
    st.markdown(SEARCH_EXPLAINED)
    from checker.store.dedup import distinct_reports

    for report in distinct_reports(session_db(), shown):  # syndicated copies: one card, "also carried by"
        hit = report.hit
        with st.container(border=True):
            url = web_link(hit.url)
            facts = " · ".join(p for p in (hit.outlet, hit.published, hit.title) if p)
            st.markdown(f"**{md_escape(facts) or 'unknown source'}** · similarity {hit.similarity:.2f} · "
                        f"score {hit.score:.3f}" + (f" · [open]({url})" if url else ""))
            st.html(marked_html(hit.text, ()))
            copies = [c for c in (report.original, *report.also_carried_by) if c.passage_id != hit.passage_id]
            if copies:
                st.caption("Also carried by: " + ", ".join(
                    md_escape(" ".join(p for p in (c.outlet or "unknown source", c.published and f"({c.published})")
                                       if p)) + (f" [open]({web_link(c.url)})" if web_link(c.url) else "")
                    for c in copies))
    if not shown:
        st.info("Nothing stored is related to these words.")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def add_text_section() -> None:
    with st.form("evidence_add_text", clear_on_submit=False):
        text = st.text_area("Text of the report", height=160, key="ev_text")
        columns = st.columns(3)
        outlet = columns[0].text_input("Outlet", key="ev_text_outlet")
        published = columns[1].text_input("Published (YYYY-MM-DD)", key="ev_text_published")
        language = columns[2].selectbox("Language", list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                                        key="ev_text_language")
        url = st.text_input("URL (optional)", key="ev_text_url")
        title = st.text_input("Title (optional)", key="ev_text_title")
        if st.form_submit_button("Add text", key="ev_add_text"):
            show_result(lambda: add_text(session_db(), text, url=url.strip() or None, title=title.strip() or None,
                                         outlet=outlet.strip() or None, published=published.strip() or None,
                                         language=language or None))


def add_source_section() -> None:
    files = local_files_allowed()
    with st.form("evidence_add_source"):
        source = st.text_input("A web address, or a .txt/.md/.html file on this machine" if files
                               else "A web address (https://…)", key="ev_source")
        outlet = st.text_input("Outlet (optional: taken from the address otherwise)", key="ev_source_outlet")
        if st.form_submit_button("Fetch and add", key="ev_add_source"):
            if not source.strip():
                st.error("enter a web address" + (" or a file path" if files else ""))
            elif not (files or is_web_address(source)):
                st.error("Files on the server cannot be read from a served desk: give a web address, or upload "
                         f"the file under Bulk import. (A single-user desk can allow it with {LOCAL_FILES_FLAG}=1.)")
            else:
                show_result(lambda: add_source(session_db(), source, outlet=outlet.strip() or None))


def bulk_section() -> None:
    upload = st.file_uploader("JSON Lines or ClaimReview JSON-LD", type=["jsonl", "json", "jsonld", "ndjson"],
                              key="ev_bulk")
    columns = st.columns(2)
    if columns[0].button("Import file", key="ev_import", disabled=upload is None) and upload is not None:
        show_result(lambda: _import_upload(upload.name, upload.getvalue()))
    if columns[1].button("Load the demo evidence", key="ev_seed"):
        show_result(lambda: load_seed(session_db()))


def _import_upload(name: str, data: bytes) -> ImportResult:
    """import_file reads a path: the upload goes to a private temp folder under its own name, then away."""
    with tempfile.TemporaryDirectory(prefix="checker-upload-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        return import_file(session_db(), path)


def history_section() -> None:
    rows = import_history(session_db())
    if not rows:
        st.caption("Nothing imported yet.")
        return
    st.dataframe(
        [{"id": r["id"], "when": r["started_at"], "source": r["source"], "added": r["added"],
          "already stored": r["skipped"], "rejected": r["rejected"],
          "problems": "; ".join(f"{where}: {reason}" for where, reason in r["problems"])} for r in rows],
        hide_index=True, width="stretch",
    )


def feeds_section() -> None:
    """The feeds that ran: last run, status and error, what they brought; recent failures; "fetch now"."""
    from checker.feeds.desk import FEEDS_ENV, feeds_file, fetch_now
    from checker.store.fetchlog import FAILED, ROBOTS, feed_overview, recent_fetches

    db = session_db()
    path = feeds_file()
    if path is None:
        st.caption(f"No feeds file: set {FEEDS_ENV} to a FEEDS.toml (see feeds/FEEDS.example.toml), or run "
                   "`python -m checker evidence watch FEEDS.toml`.")
    elif st.button(f"Fetch now ({path.name})", key="ev_fetch_now"):
        try:
            with st.spinner("Fetching the feeds…"):
                runs = fetch_now(db, path)
        except CheckerError as error:
            st.error(str(error))
        else:
            for run in runs:
                (st.error if run.status in (FAILED, ROBOTS) else st.success)(run.summary())
    rows = feed_overview(db)
    if not rows:
        st.caption("No feed has run yet.")
        return
    st.dataframe([{"feed": r["name"], "kind": r["kind"], "outlet": r["outlet_id"] or "", "last run": r["last_run_at"],
                   "status": r["last_status"], "error": r["last_error"] or "", "documents": r["documents"],
                   "next due": r["next_due_at"], "url": r["url"]} for r in rows], hide_index=True, width="stretch")
    failures = [r for r in recent_fetches(db, limit=200) if r["status"] in (FAILED, ROBOTS)][:20]
    if failures:
        st.markdown("**Recent failures**")
        st.dataframe([{"when": r["started_at"], "url": r["url"], "status": r["status"], "http": r["http_status"],
                       "tries": r["attempts"], "reason": r["error"]} for r in failures],
                     hide_index=True, width="stretch")


def main() -> None:
    st.title("Evidence")
    try:
        session_db()
    except CheckerError as error:
        st.error(str(error))
        st.stop()
    search_tab, add_tab, bulk_tab, feeds_tab, history_tab = st.tabs(["Search", "Add a report", "Bulk import", "Feeds",
                                                                     "History"])
    with search_tab:
        search_section()
    with add_tab:
        add_text_section()
        add_source_section()
    with bulk_tab:
        bulk_section()
    with feeds_tab:
        feeds_section()
    with history_tab:
        history_section()


main()
