"""An open analysis: progress, toolbar, the triage list, the article and the selected claim side by side.

The workspace is one `st.fragment` (a click reruns it, never the sidebar or the input), and each part a
click may change is a keyed fragment inside it, so a review click redraws only what it changed.
"""
from __future__ import annotations

import html
from urllib.parse import urlsplit

import streamlit as st

from checker.desk import actions
from checker.desk.detail import claim_detail, confirmed_link
from checker.desk.overview import activity_log, claimreview_preview, kept_out, overview
from checker.desk.theme import SHORTCUTS
from checker.export import FORMATS, MEDIA_TYPES, export_analysis, export_filename, rating_scale
from checker.models import Report
from checker.render import highlight_article_html, legend_html
from checker.review import STATUSES, Decision, ReviewedClaim
from checker.ui_state import (
    ClaimFilter,
    db_path,
    desk_link,
    distinct,
    label,
    neighbour,
    outlet_label,
    progress,
    row_label,
    session_db,
    unconfirmed_links_at_least,
    widget_key,
)

EXPORT_LABELS = {"md": "Markdown", "csv": "CSV", "json": "JSON", "claimreview": "ClaimReview", "html": "HTML"}
PROGRESS_COLOURS = {"done": "#1f8a4c", "needs work": "#c77700", "open": "#9aa3ae"}
PANE_HEIGHT = 760


def base_url() -> str:
    """This desk's address as the browser sees it (the published desk's, from claimreview.toml, in tests)."""
    url = getattr(st.context, "url", None) or ""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    return rating_scale().desk_url


@st.fragment(key=actions.DESK)
def workspace(analysis_id: int, report: Report) -> None:
    """The open analysis. Each part a click may change is a keyed fragment of its own (actions.py says
    which a callback redraws): a review click redraws the claim, its row, the progress and the log; the
    article, the charts and the tools around them stay as they are."""
    summary(analysis_id)
    items = actions.items_for(analysis_id, report)
    chosen = claim_filter_state()
    toolbar(analysis_id, items)
    if not items:
        st.info("No check-worthy claims were found in this text. Add one the machine missed below.")
    else:
        claim_filter(items)
        lists, article, detail = st.columns([5, 4, 5])
        with detail:  # first: after a click its "Saved" line is what the reviewer waits for
            detail_pane(analysis_id)
        with lists:
            triage_list(analysis_id)
        with article:
            article_pane(analysis_id)
    more_tools(analysis_id, items, current_selection(items, [i for i in items if chosen.matches(i)]))
    overview_charts(analysis_id)
    records(analysis_id)
    kept_out(analysis_id, report)


def view(analysis_id: int) -> tuple[Report, list[ReviewedClaim], dict[str, list[Decision]]]:
    """The report and the reviewed claims, shared by the fragments of one click (read once per decision)."""
    report = actions.report_for(analysis_id)
    if report is None:
        st.stop()
    items, history = actions.desk_view(analysis_id, report)
    return report, items, history


def shown_and_selected(items: list[ReviewedClaim]) -> tuple[list[ReviewedClaim], str | None]:
    chosen = claim_filter_state()
    shown = [item for item in items if chosen.matches(item)]
    return shown, current_selection(items, shown)


@st.fragment(key=actions.SUMMARY)
def summary(analysis_id: int) -> None:
    _, items, _ = view(analysis_id)
    counts = progress(items)
    st.subheader(f"Analysis {analysis_id}: {counts.done} of {counts.total} claims done")
    st.html(progress_bar(counts.done, counts.needs_work, counts.open, counts.not_a_claim))
    with st.container(key="desk_flash"):  # always there, so what follows keeps its place (and state)
        actions.show_flash(actions.ANALYSIS_FLASH)


@st.fragment(key=actions.LIST)
def triage_list(analysis_id: int) -> None:
    _, items, _ = view(analysis_id)
    shown, _ = shown_and_selected(items)  # also settles which claim is selected, before its row is drawn
    st.caption(f"{len(shown)} of {len(items)} claims, in reading order")
    with st.container(height=PANE_HEIGHT, key="triage", border=True):
        for item in shown:
            st.fragment(triage_row, key=actions.row_key(analysis_id, item.claim.id))(analysis_id, item.claim.id)
    st.session_state[actions.ROWS_DRAWN] = {actions.row_key(analysis_id, item.claim.id) for item in shown}


def triage_row(analysis_id: int, claim_id: str) -> None:
    """One claim's row, a fragment of its own: a status click or a new selection redraws this row alone."""
    _, items, _ = view(analysis_id)
    item = next((i for i in items if i.claim.id == claim_id), None)
    if item is not None:
        st.button(row_label(item), key=widget_key(analysis_id, claim_id, "pick"),
                  type="secondary" if claim_id == st.session_state.get("selected_claim") else "tertiary",
                  on_click=actions.pick, args=(analysis_id, claim_id), width="stretch", wrap=True)


@st.fragment(key=actions.ARTICLE)
def article_pane(analysis_id: int) -> None:
    report, items, _ = view(analysis_id)
    _, selected = shown_and_selected(items)
    st.caption("The article: click a highlight to open its claim")
    corrected = {item.claim.id: item.attribution for item in items}
    with st.container(height=PANE_HEIGHT, key="article", border=True):
        st.html(legend_html(report.analysis, attributions=corrected))
        st.html(highlight_article_html(report.analysis, attributions=corrected, selected=selected))


@st.fragment(key=actions.DETAIL)
def detail_pane(analysis_id: int) -> None:
    report, items, history = view(analysis_id)
    _, selected = shown_and_selected(items)
    with st.container(key="detail", height=PANE_HEIGHT, border=False):
        item = next((i for i in items if i.claim.id == selected), None)
        if item is None:
            st.info("No claim matches the filters.")
        else:
            claim_detail(analysis_id, report, item, history.get(item.claim.id, []),
                         desk_link(base_url(), analysis_id, item.claim.id))


@st.fragment(key=actions.OVERVIEW)
def overview_charts(analysis_id: int) -> None:
    _, items, _ = view(analysis_id)
    overview(items)


@st.fragment(key=actions.LOG)
def records(analysis_id: int) -> None:
    report, _, history = view(analysis_id)
    activity_log(history)
    claimreview_preview(analysis_id, report)


def current_selection(items: list, shown: list) -> str | None:
    """The selected claim: this session's choice, else ?claim= from the address, else the first shown."""
    ids = {item.claim.id for item in items}
    if "selected_claim" not in st.session_state:
        st.session_state["selected_claim"] = st.query_params.get("claim")
    selected = st.session_state["selected_claim"]
    if selected not in ids or (shown and selected not in {i.claim.id for i in shown}):
        selected = shown[0].claim.id if shown else None
        st.session_state["selected_claim"] = selected
    return selected


def toolbar(analysis_id: int, items: list) -> None:
    """Move (j/k), help (?), re-check and the exports."""
    with st.container(horizontal=True, key="toolbar", vertical_alignment="bottom"):
        st.button("↑ Previous (k)", key="kb_prev", on_click=lambda: actions.pick(
            analysis_id, neighbour(items, st.session_state.get("selected_claim"), -1)))
        st.button("↓ Next (j)", key="kb_next", on_click=lambda: actions.pick(
            analysis_id, neighbour(items, st.session_state.get("selected_claim"), 1)))
        st.button("Keyboard shortcuts (?)", key="kb_help", on_click=lambda: st.session_state.update(
            show_help=not st.session_state.get("show_help", False)))
        st.button("Re-check against the evidence", key="recheck_all", on_click=actions.recheck_all,
                  args=(analysis_id,), help="Runs the evidence check again for every claim, with the links as "
                  "reviewers left them. Every decision is kept; each claim's history shows before and after.")
        with st.popover("Export"):
            export_buttons(analysis_id)
    if st.session_state.get("show_help"):
        st.markdown(SHORTCUTS)


def more_tools(analysis_id: int, items: list, selected: str | None) -> None:
    """Bulk actions, the link to the analysis, and a claim the machine missed."""
    shown_ids = [item.claim.id for item in items]
    with st.expander("Bulk actions, links and missed claims", key="bulk_panel"):
        left, right = st.columns(2)
        with left:
            level = st.slider("Confirm every unconfirmed link with machine confidence at least", 0.5, 1.0, 0.9,
                              0.05, key="bulk_confidence")
            ready = unconfirmed_links_at_least(items, level)
            st.button(f"Confirm {len(ready)} links", key="bulk_confirm", disabled=not ready,
                      on_click=_confirm_links, args=(analysis_id, ready))
            picked = st.multiselect("Claims to mark done", shown_ids, key="bulk_selected",
                                    default=[selected] if selected in shown_ids else [])
            st.button("Mark selected done", key="bulk_done", disabled=not picked,
                      on_click=lambda: actions.bulk(analysis_id, list(st.session_state.get("bulk_selected", [])),
                                                    "status", "done", "Marked done"))
        with right:
            st.caption("Link to this analysis")
            st.code(desk_link(base_url(), analysis_id), language=None, wrap_lines=True)
            with st.form("add_claim_form", border=False):
                st.text_area("Add a claim the machine missed (copy its words from the article)",
                             key="add_claim_text", height=80)
                st.form_submit_button("Add claim", key="add_claim", on_click=lambda: actions.add_claim(
                    analysis_id, st.session_state.get("add_claim_text", "")))


def _confirm_links(analysis_id: int, ready: list) -> None:
    """Bulk: each claim's own machine link, confirmed as it is."""
    from checker.errors import CheckerError
    from checker.review import record_decision

    saved = 0
    try:
        for item in ready:
            record_decision(session_db(), analysis_id, item.claim.id, "link", confirmed_link(item), actions.reviewer())
            saved += 1
    except CheckerError as error:
        st.session_state[actions.ANALYSIS_FLASH] = ("error", f"{error} ({saved} saved before that)")
        return
    st.session_state[actions.ANALYSIS_FLASH] = ("success", f"Links confirmed: {saved} claims")


def claim_filter_state() -> ClaimFilter:
    """The filters as the reviewer left them on the last run (the widgets are drawn further down)."""
    state = st.session_state
    return ClaimFilter(frozenset(state.get("filter_outlet") or ()), frozenset(state.get("filter_verdict") or ()),
                       frozenset(state.get("filter_status") or ()), state.get("filter_checkworthiness") or 0.0,
                       state.get("filter_text") or "")


def claim_filter(items: list) -> None:
    with st.container(horizontal=True, key="filters"):
        st.text_input("Search the claims (/)", key="filter_text", width=190)
        st.multiselect("Outlet", distinct(outlet_label(i) for i in items), key="filter_outlet", width=190)
        st.multiselect("Verdict", distinct(i.verdict or "unchecked" for i in items), format_func=label,
                       key="filter_verdict", width=190)
        st.multiselect("Status", ["open", *STATUSES], format_func=label, key="filter_status", width=190)
        st.slider("Check-worthiness at least", 0.0, 1.0, 0.0, 0.05, key="filter_checkworthiness", width=190)


def progress_bar(done: int, needs_work: int, open_: int, not_a_claim: int) -> str:
    total = max(done + needs_work + open_, 1)
    parts = {"done": done, "needs work": needs_work, "open": open_}
    bar = "".join(f'<span style="width:{100 * n / total:.2f}%;background:{PROGRESS_COLOURS[name]}"></span>'
                  for name, n in parts.items() if n)
    words = " · ".join(f"{n} {name}" for name, n in parts.items())
    if not_a_claim:
        words += f" · {not_a_claim} ruled not a claim"
    return (f'<div class="checker-progress" role="img" aria-label="{html.escape(words)}">{bar}</div>'
            f'<div class="checker-progress-legend">{html.escape(words)}</div>')


def export_buttons(analysis_id: int) -> None:
    path = db_path()
    for fmt in FORMATS:
        st.download_button(
            EXPORT_LABELS[fmt], data=lambda fmt=fmt: exported(path, analysis_id, fmt),
            file_name=export_filename(analysis_id, fmt), mime=MEDIA_TYPES[fmt], on_click="ignore",
            key=f"a{analysis_id}-export-{fmt}", width="stretch",
        )


def exported(path: object, analysis_id: int, fmt: str) -> bytes:
    """Built when clicked, on the download's own connection (it runs outside the script thread)."""
    from checker.store.db import open_db

    db = open_db(path)
    try:
        return export_analysis(db, analysis_id, fmt)
    finally:
        db.conn.close()
