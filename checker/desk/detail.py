"""The selected claim beside the list: the claim, its sentence, the evidence in full, and the review controls.

Reasons come first in plain words; the model's numbers are folded under "details".
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from checker.desk import actions
from checker.desk.actions import NEW_OUTLET, NONE_OUTLET, new_outlet_id, record, registry
from checker.models import EvidenceMatch, Report
from checker.render import highlight_article_html, isolate_rtl, marked_html
from checker.review import LINK_KINDS, STATUSES, VERDICT_LABELS, Decision, ReviewedClaim
from checker.ui_state import (
    SOURCE_WORDS,
    STATUS_CHIPS,
    VERDICT_CHIPS,
    chip,
    comparison_spans,
    describe_decision,
    label,
    link_text,
    md_escape,
    outlet_choice_order,
    sentence_view,
    verdict_text,
    web_link,
    widget_key,
)

STATUS_BUTTONS = {"done": "Done (d)", "needs_work": "Needs work (n)", "not_a_claim": "Not a claim (x)"}
EVIDENCE_BUTTONS = {"confirms": "Confirms", "contradicts": "Contradicts", "cited_source": "Is the cited source"}
SHOWN_PASSAGES = 5
STANCE_WORDS = {"agree": "says the same", "disagree": "says otherwise", "other": "related, neither"}


def claim_detail(analysis_id: int, report: Report, item: ReviewedClaim, history: list[Decision],
                 link: str) -> None:
    """The card. Its head (chips, buttons, the "Saved" line) and its history are fragments of their own: a
    status click redraws those, not the evidence and the forms below."""
    claim, attribution = item.claim, item.attribution
    with st.container(border=True, key=widget_key(analysis_id, claim.id, "card")):
        st.fragment(claim_head, key=actions.part_key(actions.HEAD, analysis_id, claim.id))(analysis_id, claim.id)
        view, view_attribution = sentence_view(report.analysis, claim, attribution)
        st.html(highlight_article_html(view, attributions={claim.id: view_attribution}))
        st.markdown("\n".join([
            f"- **Outlet:** {md_escape(attribution.outlet.name) if attribution.outlet else '—'}",
            f"- **Speaker:** {md_escape(attribution.speaker) or '—'}",
            f"- **Cue:** {md_escape(attribution.cue) or '—'}",
            f"- **Link:** {md_escape(link_text(item))}",
            f"- **Verdict:** {md_escape(verdict_text(item))}",
            f"- **Source check:** {label(item.source_status)} — {SOURCE_WORDS.get(item.source_status, '')}",
        ]))
        if item.verdict_reasons:
            st.html('<ul class="checker-reasons" dir="auto">'
                    + "".join(f'<li dir="auto">{isolate_rtl(r)}</li>' for r in item.verdict_reasons) + "</ul>")
        evidence_section(analysis_id, item)
        review_form(analysis_id, item)
        people_section(analysis_id, item, link)
        st.fragment(claim_history, key=actions.part_key(actions.HISTORY, analysis_id, claim.id))(
            analysis_id, claim.id)


def claim_head(analysis_id: int, claim_id: str) -> None:
    item, _ = actions.claim_now(analysis_id, claim_id)
    if item is None:
        return
    key = lambda what: widget_key(analysis_id, claim_id, what)  # noqa: E731
    added = " · added by a reviewer" if item.added_by_reviewer else ""
    st.markdown(f"#### {claim_id} {chip(VERDICT_CHIPS, item.verdict)} {chip(STATUS_CHIPS, item.status)}")
    st.caption(f"check-worthiness {item.claim.checkworthiness:.2f}{added}"
               + (f" · assigned to {md_escape(item.assignee)}" if item.assignee else "")
               + (f" · last by {md_escape(item.reviewer)}" if item.reviewer else ""))
    action_buttons(analysis_id, item)
    with st.container(key=key("saved")):  # always there, so the widgets below keep their place
        flash = st.session_state.pop(key("flash"), None)
        if flash:
            (st.success if flash[0] == "success" else st.error)(flash[1])


def claim_history(analysis_id: int, claim_id: str) -> None:
    _, history = actions.claim_now(analysis_id, claim_id)
    if history:
        with st.expander(f"History ({len(history)})", key=widget_key(analysis_id, claim_id, "history")):
            st.markdown("\n".join(f"- {md_escape(describe_decision(d))}" for d in reversed(history)))


def evidence_section(analysis_id: int, item: ReviewedClaim) -> None:
    check = item.check
    if check is None or not check.evidence:
        st.caption("No stored evidence matches this claim: add reporting on the Evidence page, then re-check.")
        return
    st.markdown("**Evidence** — figures and dates that agree are green, those that differ red, shared names blue")
    for match in check.evidence[:SHOWN_PASSAGES]:
        passage_card(analysis_id, item, match)
    with st.expander("Details: the model's numbers", key=widget_key(analysis_id, item.claim.id, "details")):
        st.markdown(
            "*similarity* is how close the passage is in meaning to the claim (0–1, cosine of the two "
            "sentence vectors); *stance score* is how sure the stance check is that the passage agrees or "
            "disagrees (0–1); the *verdict score* is the strength of the passage that decided the verdict."
            + (f"\n\nVerdict score: {check.verdict.score:.2f}" if not item.verdict_overridden else ""))
        st.markdown("\n".join(
            f"- {md_escape(m.outlet or 'unknown outlet')} {md_escape(m.published or '')}: similarity "
            f"{m.similarity:.2f}, stance {m.stance} ({m.score:.2f})"
            + (f"; {md_escape('; '.join(m.reasons))}" if m.reasons else "")
            for m in check.evidence[:SHOWN_PASSAGES]))


def passage_card(analysis_id: int, item: ReviewedClaim, match: EvidenceMatch) -> None:
    claim_marks, passage_marks = comparison_spans(item.claim, match.text)
    key = lambda what: widget_key(analysis_id, item.claim.id, f"ev{match.passage_id}-{what}")  # noqa: E731
    with st.container(border=True, key=key("box")):
        where = " · ".join(p for p in (match.outlet, match.published) if p)
        cited = " · the cited outlet" if match.from_cited_outlet else ""
        url = web_link(match.url)
        head = f"**{md_escape(where) or 'unknown source'}**{cited} · {STANCE_WORDS.get(match.stance, match.stance)}"
        st.markdown(head + (f" · [open]({url})" if url else ""))
        st.html(marked_html(match.text, passage_marks))
        if match.also_carried_by:
            st.caption("Also carried by " + md_escape(", ".join(match.also_carried_by)))
        if claim_marks:
            st.html('<div style="font-size:.85em;opacity:.85">claim: </div>'
                    + marked_html(item.claim.text, claim_marks))
        marked = item.evidence_marks.get(match.passage_id)
        with st.container(horizontal=True, key=key("marks")):
            for relation, words in EVIDENCE_BUTTONS.items():
                chosen = marked == relation
                st.button(
                    ("✓ " if chosen else "") + words, key=key(relation), type="primary" if chosen else "secondary",
                    on_click=record,
                    args=(analysis_id, item.claim.id, "evidence",
                          lambda r=relation, c=chosen: {"passage_id": match.passage_id, "relation": None if c else r}))


def people_section(analysis_id: int, item: ReviewedClaim, link: str) -> None:
    key = lambda what: widget_key(analysis_id, item.claim.id, what)  # noqa: E731
    st.caption("Link to this claim (copy it for a colleague)")
    st.code(link, language=None, wrap_lines=True)
    with st.form(key("assign_form"), border=False):
        with st.container(horizontal=True, vertical_alignment="bottom"):
            st.text_input("Assign to", value=item.assignee or "", key=key("assignee"))
            st.form_submit_button("Assign", key=key("assign"), on_click=record,
                                  args=(analysis_id, item.claim.id, "assignee",
                                        lambda: st.session_state.get(key("assignee")) or ""))


def confirmed_link(item: ReviewedClaim) -> dict[str, Any]:
    outlet = item.claim.attribution.outlet
    return {"outlet_id": outlet.id if outlet else None, "outlet_name": outlet.name if outlet else None,
            "speaker": item.claim.attribution.speaker, "kind": item.claim.attribution.kind, "confirmed": True}


def corrected_link(analysis_id: int, claim_id: str, shown_kind: str) -> dict[str, Any]:
    """The link as the reviewer set it; a typed new outlet is registered so later analyses know it.

    A kind left as it was shown is not the reviewer's choice: the stored link then lets the kind follow
    the source (never "none" once an outlet is named).
    """
    state = st.session_state
    kind = state.get(widget_key(analysis_id, claim_id, "kind")) or None
    choice = state[widget_key(analysis_id, claim_id, "outlet")]
    outlet_id, outlet_name = (choice or None), None
    if choice == NEW_OUTLET:
        outlet_id, outlet_name = new_outlet_id(state.get(widget_key(analysis_id, claim_id, "new_outlet"), ""))
    elif choice:
        found = registry().get(choice)
        outlet_name = found.name if found else choice
    return {"outlet_id": outlet_id, "outlet_name": outlet_name,
            "speaker": state.get(widget_key(analysis_id, claim_id, "speaker")) or None,
            "kind": None if kind == shown_kind else kind, "confirmed": False}


def outlet_options(item: ReviewedClaim) -> dict[str, str]:
    """Outlet id -> label for the picker: none, every known outlet (AFP before "AFP Fact Check"), and "new"."""
    options = {NONE_OUTLET: "— no outlet —"}
    options.update(outlet_choice_order(registry().entries()))
    for outlet in (item.claim.attribution.outlet, item.outlet):
        if outlet is not None:
            options.setdefault(outlet.id, outlet.name)
    options[NEW_OUTLET] = "+ new outlet (type its name)"
    return options


def action_buttons(analysis_id: int, item: ReviewedClaim) -> None:
    """One click each (and a key each): confirm the link, done, needs work, not a claim."""
    claim = item.claim
    key = lambda what: widget_key(analysis_id, claim.id, what)  # noqa: E731
    with st.container(horizontal=True, key=key("actions")):
        st.button("Confirm link (c)", key=key("confirm"), on_click=record,
                  args=(analysis_id, claim.id, "link", lambda: confirmed_link(item)),
                  type="primary" if item.link_confirmed else "secondary",
                  disabled=item.attribution.outlet is None and not item.attribution.speaker)
        for status in STATUSES:
            st.button(STATUS_BUTTONS[status], key=key(f"status_{status}"), on_click=record,
                      args=(analysis_id, claim.id, "status", lambda s=status: s),
                      type="primary" if item.status == status else "secondary")


def review_form(analysis_id: int, item: ReviewedClaim) -> None:
    """Link, verdict and note in a form, so typing does not rerun the page."""
    claim = item.claim
    key = lambda what: widget_key(analysis_id, claim.id, what)  # noqa: E731
    st.markdown("**Correct the link, set the verdict, add a note**")
    with st.form(key("form"), border=False):
        link_col, verdict_col = st.columns(2)
        with link_col:
            options = outlet_options(item)
            current = item.outlet.id if item.outlet else NONE_OUTLET
            st.selectbox("Outlet", list(options), index=list(options).index(current),
                         format_func=options.__getitem__, key=key("outlet"), filter_mode="contains")
            st.text_input("New outlet name", key=key("new_outlet"))
            st.text_input("Speaker", value=item.speaker or "", key=key("speaker"))
            st.selectbox("Link kind", LINK_KINDS, index=LINK_KINDS.index(item.attribution.kind),
                         format_func=label, key=key("kind"))
            st.form_submit_button("Save corrected link", key=key("correct"), on_click=record,
                                  args=(analysis_id, claim.id, "link", lambda: corrected_link(analysis_id, claim.id, item.attribution.kind)))
        with verdict_col:
            verdict = item.verdict if item.verdict in VERDICT_LABELS else VERDICT_LABELS[-1]
            st.selectbox("Verdict", VERDICT_LABELS, index=VERDICT_LABELS.index(verdict), format_func=label,
                         key=key("verdict"))
            st.text_input("Reason for the verdict", key=key("verdict_reason"))
            st.form_submit_button("Set verdict", key=key("override"), on_click=record,
                                  args=(analysis_id, claim.id, "verdict", lambda: {
                                      "label": st.session_state[key("verdict")],
                                      "reason": st.session_state.get(key("verdict_reason")) or None}))
            st.text_area("Note", value=item.note or "", height=68, key=key("note"))
            st.form_submit_button("Save note", key=key("save_note"), on_click=record,
                                  args=(analysis_id, claim.id, "note", lambda: st.session_state[key("note")]))
