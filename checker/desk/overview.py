"""Pictures and records of an analysis: verdicts and outlets at a glance, who cites whom, the activity log,
the ClaimReview that would be published, and the sentences kept out (which a reviewer may promote)."""
from __future__ import annotations

import json

import altair as alt
import pandas as pd
import streamlit as st

from checker.desk import actions
from checker.export import claimreview_items
from checker.models import Report
from checker.review import Decision, ReviewedClaim, analysis_summary, current_decisions, reviewed_report
from checker.ui_state import (
    VERDICT_CHIPS,
    activity_line,
    label,
    md_escape,
    outlet_label,
    session_db,
    who_cites_whom,
)

VERDICT_COLOURS = {"supported": "#1f8a4c", "contradicted": "#c62828", "conflicting": "#7b3fb0",
                   "unclear": "#c77700", "unchecked": "#8a94a0"}
ACTIVITY_LINES = 200


def overview(items: list[ReviewedClaim]) -> None:
    with st.expander("Overview: verdicts, outlets, who cites whom", key="overview_panel"):
        if items:
            charts(items)
            st.graphviz_chart(who_cites_whom(items), width="stretch")


def activity_log(history: dict[str, list[Decision]]) -> None:
    with st.expander("Activity log", key="activity_panel"):
        decisions = sorted((d for ds in history.values() for d in ds), key=lambda d: d.id, reverse=True)
        if decisions:
            st.markdown("\n".join(f"- {md_escape(activity_line(d))}" for d in decisions[:ACTIVITY_LINES]))
        else:
            st.caption("Nobody has recorded a decision yet.")


def charts(items: list[ReviewedClaim]) -> None:
    verdicts = pd.DataFrame({"verdict": [(VERDICT_CHIPS.get(i.verdict) or (None, label(i.verdict)))[1]
                                         for i in items]})
    outlets = pd.DataFrame({"outlet": [outlet_label(i) for i in items]})
    left, right = st.columns(2)
    left.altair_chart(
        alt.Chart(verdicts, title="Verdicts").mark_bar().encode(
            y=alt.Y("verdict:N", sort="-x", title=None), x=alt.X("count():Q", title="claims"),
            color=alt.Color("verdict:N", legend=None, scale=alt.Scale(domain=list(VERDICT_COLOURS),
                                                                      range=list(VERDICT_COLOURS.values())))),
        width="stretch")
    right.altair_chart(
        alt.Chart(outlets, title="Claims per outlet").mark_bar(color="#1b4f9c").encode(
            y=alt.Y("outlet:N", sort="-x", title=None), x=alt.X("count():Q", title="claims")),
        width="stretch")


def claimreview_preview(analysis_id: int, report: Report) -> None:
    db = session_db()
    decisions = current_decisions(db, analysis_id)
    reviews = claimreview_items(reviewed_report(report, decisions), decisions,
                                summary=analysis_summary(db, analysis_id))
    with st.expander(f"ClaimReview to publish ({len(reviews)} claims with a reviewer's verdict)",
                     key="claimreview_panel"):
        if reviews:
            st.code(json.dumps(reviews, ensure_ascii=False, indent=1), language="json", wrap_lines=True)
        else:
            st.caption("Only claims a reviewer gave a verdict are published; none yet.")


def kept_out(analysis_id: int, report: Report) -> None:
    """Headings, bylines, questions and boilerplate left out, with why; one can be promoted to a claim."""
    non_claims = report.analysis.non_claims
    if not non_claims:
        return
    with st.expander(f"Kept out of the claims ({len(non_claims)})", key="kept_out_panel"):
        for number, non_claim in enumerate(non_claims):
            text_column, button_column = st.columns([6, 1])
            text_column.markdown(f"*{md_escape(non_claim.reason)}*: {md_escape(non_claim.text)}")
            button_column.button("Promote", key=f"a{analysis_id}-promote-{number}",
                                 on_click=actions.add_claim, args=(analysis_id, non_claim.text, non_claim.start),
                                 help="Make this sentence a claim to review")
