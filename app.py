"""The review desk: paste or fetch an article, see its claims and sources, confirm or correct them, export.

A thin shell over the library: checker.pipeline finds the claims, checker.verdict
checks them, checker.review stores the analysis and every decision, checker.export
writes the checklist and checker.render draws the (escaped) article. Run with
`streamlit run app.py`.
"""
from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from checker.budget import analysis_budget, page_still_open
from checker.errors import CheckerError, InputError
from checker.export import FORMATS, MEDIA_TYPES, export_analysis, export_filename
from checker.models import Report
from checker.pipeline import Article, check_article, fetch_article
from checker.render import highlight_article_html, legend_html
from checker.review import (
    LINK_KINDS,
    STATUSES,
    VERDICT_LABELS,
    ReviewedClaim,
    current_decisions,
    decision_history,
    list_analyses,
    load_report,
    record_decision,
    reviewed_view,
)
from checker.ui_state import (
    ClaimFilter,
    db_path,
    describe_decision,
    distinct,
    evidence_rows,
    history_by_claim,
    label,
    md_escape,
    outlet_label,
    sentence_view,
    session_db,
    widget_key,
)

NEW_OUTLET = "__new__"
NONE_OUTLET = ""
INPUT_MODES = ("Paste text", "Upload a file", "From a URL")
EXPORT_LABELS = {"md": "Markdown", "csv": "CSV", "json": "JSON", "claimreview": "ClaimReview", "html": "HTML"}
STATUS_BUTTONS = {"done": "Done", "needs_work": "Needs work", "not_a_claim": "Not a claim"}


# Rebuilt on every script run (Streamlit re-executes this file), so an outlet another session added shows up.
_this_run: dict[str, Any] = {}


def registry() -> Any:
    """Shipped outlets plus those reviewers added in this database."""
    from checker.store.outlets import registry_with_db

    if "registry" not in _this_run:
        _this_run["registry"] = registry_with_db(session_db())
    return _this_run["registry"]


def known_outlets() -> dict[str, str]:
    if "outlets" not in _this_run:
        _this_run["outlets"] = {entry.id: entry.name for entry in registry().entries()}
    return _this_run["outlets"]


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
    if st.button("Analyse", type="primary", key="analyse"):
        run_analysis(mode)


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
    """Read, analyse, check against the evidence and save; on bad input show the library's message."""
    try:
        with st.status("Analysing the article…", expanded=True) as status:
            st.write("Reading the article")
            article = read_article(mode)
            with analysis_budget(still_wanted=page_still_open()):  # a closed tab or the budget stops it
                report, analysis_id = check_article(session_db(), article, k=5, progress=st.write)
            status.update(label=f"Analysis {analysis_id}: {len(report.analysis.claims)} claims", state="complete",
                          expanded=False)
    except CheckerError as error:
        st.error(str(error))
        return
    cached_reports()[analysis_id] = report
    open_analysis(analysis_id)


# --- which analysis is open -------------------------------------------------------------------


def cached_reports() -> dict[int, Report]:
    """Reports already loaded in this session: a rerun must not re-read or re-analyse the article."""
    return st.session_state.setdefault("_reports", {})


def open_analysis(analysis_id: int) -> None:
    st.session_state["analysis_id"] = analysis_id
    st.query_params["analysis"] = str(analysis_id)


def close_analysis() -> None:
    st.session_state["analysis_id"] = None
    st.query_params.pop("analysis", None)


def current_analysis_id() -> int | None:
    """The open analysis: this session's choice, else the ?analysis= in the address (a reload keeps it)."""
    if "analysis_id" not in st.session_state:
        wanted = st.query_params.get("analysis", "")
        st.session_state["analysis_id"] = int(wanted) if wanted.isdigit() else None
    return st.session_state["analysis_id"]


def report_for(analysis_id: int) -> Report | None:
    reports = cached_reports()
    if analysis_id not in reports:
        try:
            reports[analysis_id] = load_report(session_db(), analysis_id)
        except CheckerError as error:
            st.error(str(error))
            return None
    return reports[analysis_id]


def sidebar() -> None:
    with st.sidebar:
        st.text_input("Reviewer name", key="reviewer", help="Required before recording a decision")
        st.caption(f"Database: `{db_path()}`")
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


# --- one claim --------------------------------------------------------------------------------


def record(analysis_id: int, claim_id: str, field: str, value: Callable[[], Any]) -> None:
    """Callback: store one decision at once; the outcome is shown in the claim's card on this rerun."""
    flash = widget_key(analysis_id, claim_id, "flash")
    try:
        decision = record_decision(session_db(), analysis_id, claim_id, field, value(),
                                   st.session_state.get("reviewer", ""))
    except CheckerError as error:
        st.session_state[flash] = ("error", str(error))
        return
    st.session_state[flash] = ("success", f"Saved: {md_escape(describe_decision(decision))}")


def confirmed_link(item: ReviewedClaim) -> dict[str, Any]:
    outlet = item.claim.attribution.outlet
    return {"outlet_id": outlet.id if outlet else None, "outlet_name": outlet.name if outlet else None,
            "speaker": item.claim.attribution.speaker, "kind": item.claim.attribution.kind, "confirmed": True}


def corrected_link(analysis_id: int, claim_id: str) -> dict[str, Any]:
    """The link as the reviewer set it; a typed new outlet is registered so later analyses know it."""
    state = st.session_state
    choice = state[widget_key(analysis_id, claim_id, "outlet")]
    outlet_id, outlet_name = (choice or None), None
    if choice == NEW_OUTLET:
        outlet_id, outlet_name = new_outlet(state.get(widget_key(analysis_id, claim_id, "new_outlet"), ""))
    elif choice:
        found = registry().get(choice)
        outlet_name = found.name if found else choice
    return {"outlet_id": outlet_id, "outlet_name": outlet_name,
            "speaker": state.get(widget_key(analysis_id, claim_id, "speaker")) or None,
            "kind": state.get(widget_key(analysis_id, claim_id, "kind")) or None, "confirmed": False}


def new_outlet(name: str) -> tuple[str, str]:
    from checker.store.outlets import add_outlet

    name = name.strip()
    if not name:
        raise InputError("type the name of the new outlet, or choose one from the list")
    if not st.session_state.get("reviewer", "").strip():
        raise InputError("enter your name as reviewer before registering a new outlet")
    known = registry().find(name)
    if known is not None and getattr(known, "known", True):
        return known.id, known.name
    outlet = add_outlet(session_db(), name)
    return outlet.id, outlet.name


def outlet_options(item: ReviewedClaim) -> dict[str, str]:
    """Outlet id -> name for the selectbox: none, every known outlet, the current one, and "new"."""
    options = {NONE_OUTLET: "— no outlet —"}
    options.update(known_outlets())
    for outlet in (item.claim.attribution.outlet, item.outlet):
        if outlet is not None:
            options.setdefault(outlet.id, outlet.name)
    options[NEW_OUTLET] = "+ new outlet (type its name)"
    return options


def claim_card(analysis_id: int, report: Report, item: ReviewedClaim, history: list[Any]) -> None:
    claim, attribution = item.claim, item.attribution
    key = lambda what: widget_key(analysis_id, claim.id, what)  # noqa: E731 - reads better than 20 repeats
    with st.container(border=True, key=key("card")):
        reviewed = f" · by {md_escape(item.reviewer)}" if item.reviewer else ""
        st.markdown(f"**{claim.id}** · check-worthiness {claim.checkworthiness:.2f} · "
                    f"status **{label(item.status)}**{reviewed}")
        view, view_attribution = sentence_view(report.analysis, claim, attribution)
        st.html(highlight_article_html(view, attributions={claim.id: view_attribution}))
        link_state = "confirmed" if item.link_confirmed else "corrected by reviewer" if item.link_corrected else ""
        st.markdown("\n".join([
            f"- **Outlet:** {md_escape(attribution.outlet.name) if attribution.outlet else '—'}",
            f"- **Speaker:** {md_escape(attribution.speaker) or '—'}",
            f"- **Cue:** {md_escape(attribution.cue) or '—'}",
            f"- **Link:** {label(attribution.kind)} · confidence {attribution.confidence:.2f}"
            + (f" · {link_state}" if link_state else ""),
            f"- **Numbers:** {md_escape(', '.join(n.text for n in claim.numbers)) or '—'}",
        ]))
        verdict_section(item)
        review_form(analysis_id, item)
        flash = st.session_state.pop(key("flash"), None)
        if flash:
            (st.success if flash[0] == "success" else st.error)(flash[1])
        if history:
            with st.expander(f"History ({len(history)})"):
                st.markdown("\n".join(f"- {md_escape(describe_decision(d))}" for d in reversed(history)))


def verdict_section(item: ReviewedClaim) -> None:
    check = item.check
    if check is None:
        st.caption("Not checked against the evidence.")
        return
    by = " (set by reviewer)" if item.verdict_overridden else ""
    reasons = "".join(f"\n  - {md_escape(reason)}" for reason in item.verdict_reasons)
    source = check.source_check
    st.markdown(f"- **Verdict:** {label(item.verdict)}{by} · score {check.verdict.score:.2f}{reasons}\n"
                f"- **Source check:** {label(source.status)}"
                + (f" — {md_escape(source.reason)}" if source.reason else ""))
    rows = evidence_rows(check)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch",
                     column_config={"link": st.column_config.LinkColumn("link", display_text="open"),
                                    "passage": st.column_config.TextColumn("passage", width="large")})


def review_form(analysis_id: int, item: ReviewedClaim) -> None:
    """Link, verdict, note and status controls; a form, so typing does not rerun the page."""
    claim = item.claim
    key = lambda what: widget_key(analysis_id, claim.id, what)  # noqa: E731
    with st.form(key("form"), border=False):
        link_col, verdict_col, status_col = st.columns(3)
        with link_col:
            options = outlet_options(item)
            current = item.outlet.id if item.outlet else NONE_OUTLET
            st.selectbox("Outlet", list(options), index=list(options).index(current),
                         format_func=options.__getitem__, key=key("outlet"))
            st.text_input("New outlet name", key=key("new_outlet"))
            st.text_input("Speaker", value=item.speaker or "", key=key("speaker"))
            st.selectbox("Link kind", LINK_KINDS, index=LINK_KINDS.index(item.attribution.kind),
                         format_func=label, key=key("kind"))
            st.form_submit_button("Confirm link", key=key("confirm"), on_click=record,
                                  args=(analysis_id, claim.id, "link", lambda: confirmed_link(item)))
            st.form_submit_button("Save corrected link", key=key("correct"), on_click=record,
                                  args=(analysis_id, claim.id, "link", lambda: corrected_link(analysis_id, claim.id)))
        with verdict_col:
            verdict = item.verdict if item.verdict in VERDICT_LABELS else VERDICT_LABELS[-1]
            st.selectbox("Verdict", VERDICT_LABELS, index=VERDICT_LABELS.index(verdict), format_func=label,
                         key=key("verdict"))
            st.text_input("Reason for the verdict", key=key("verdict_reason"))
            st.form_submit_button("Override verdict", key=key("override"), on_click=record,
                                  args=(analysis_id, claim.id, "verdict", lambda: {
                                      "label": st.session_state[key("verdict")],
                                      "reason": st.session_state.get(key("verdict_reason")) or None}))
            st.text_area("Note", value=item.note or "", height=68, key=key("note"))
            st.form_submit_button("Save note", key=key("save_note"), on_click=record,
                                  args=(analysis_id, claim.id, "note", lambda: st.session_state[key("note")]))
        with status_col:
            st.markdown("**Mark the claim**")
            for status in STATUSES:
                st.form_submit_button(STATUS_BUTTONS[status], key=key(f"status_{status}"), on_click=record,
                                      args=(analysis_id, claim.id, "status", lambda s=status: s),
                                      type="primary" if item.status == status else "secondary",
                                      width="stretch")


# --- the open analysis ------------------------------------------------------------------------


def claim_filter(items: list[ReviewedClaim]) -> ClaimFilter:
    columns = st.columns([2, 2, 2, 3])
    outlets = columns[0].multiselect("Outlet", distinct(outlet_label(i) for i in items), key="filter_outlet")
    verdicts = columns[1].multiselect("Verdict", distinct(i.verdict or "unchecked" for i in items),
                                      format_func=label, key="filter_verdict")
    statuses = columns[2].multiselect("Status", ["open", *STATUSES], format_func=label, key="filter_status")
    minimum = columns[3].slider("Check-worthiness at least", 0.0, 1.0, 0.0, 0.05, key="filter_checkworthiness")
    return ClaimFilter(frozenset(outlets), frozenset(verdicts), frozenset(statuses), minimum)


def export_buttons(analysis_id: int) -> None:
    path = db_path()
    for column, fmt in zip(st.columns(len(FORMATS)), FORMATS):
        column.download_button(
            EXPORT_LABELS[fmt], data=lambda fmt=fmt: exported(path, analysis_id, fmt),
            file_name=export_filename(analysis_id, fmt), mime=MEDIA_TYPES[fmt], on_click="ignore",
            key=f"a{analysis_id}-export-{fmt}",
        )


def exported(path: Any, analysis_id: int, fmt: str) -> bytes:
    """Built when clicked, on the download's own connection (it runs outside the script thread)."""
    from checker.store.db import open_db

    db = open_db(path)
    try:
        return export_analysis(db, analysis_id, fmt)
    finally:
        db.conn.close()


def review_desk(analysis_id: int, report: Report) -> None:
    db = session_db()
    items = reviewed_view(report, current_decisions(db, analysis_id))
    history = history_by_claim(decision_history(db, analysis_id))
    done = sum(item.done for item in items)
    st.subheader(f"Analysis {analysis_id}: {done} of {len(items)} claims done")
    export_buttons(analysis_id)
    corrected = {item.claim.id: item.attribution for item in items}
    with st.expander("Article with its claims highlighted", expanded=True):
        st.html(legend_html(report.analysis, attributions=corrected))
        st.html(highlight_article_html(report.analysis, attributions=corrected))
    kept_out(report)
    if not items:
        st.info("No check-worthy claims were found in this text.")
        return
    chosen = claim_filter(items)
    shown = [item for item in items if chosen.matches(item)]
    st.caption(f"Showing {len(shown)} of {len(items)} claims, in reading order.")
    for item in shown:
        claim_card(analysis_id, report, item, history.get(item.claim.id, []))


def kept_out(report: Report) -> None:
    """Headings, bylines, questions and boilerplate left out, with why: a reviewer can spot a missed claim."""
    non_claims = report.analysis.non_claims
    if non_claims:
        with st.expander(f"Kept out of the claims ({len(non_claims)})"):
            st.markdown("\n".join(f"- *{md_escape(n.reason)}*: {md_escape(n.text)}" for n in non_claims))


def main() -> None:
    st.set_page_config(page_title="checker · review desk", page_icon="🔎", layout="wide")
    st.title("Review desk")
    try:
        session_db()
    except CheckerError as error:
        st.error(str(error))
        st.stop()
    sidebar()
    analysis_id = current_analysis_id()
    report = report_for(analysis_id) if analysis_id is not None else None
    if report is None:
        close_analysis()
        article_input()
        analysis_id = current_analysis_id()
        report = report_for(analysis_id) if analysis_id is not None else None
    if analysis_id is not None and report is not None:
        review_desk(analysis_id, report)


main()
