"""What the desk's buttons do: each one writes decisions through checker.review and says what it saved.

Callbacks run before the page (or fragment) is drawn again, so the outcome is shown on that run;
messages go into `st.session_state` under the flash key of the claim (or of the analysis). A callback
names the parts of the desk its decision changes (`st.rerun([...])` of keyed fragments, see
workspace.py): a status click redraws the claim, its row, the progress and the log, never the article.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

import streamlit as st

from checker.errors import CheckerError, InputError
from checker.models import Report
from checker.review import (
    Decision,
    ReviewedClaim,
    current_decisions,
    decision_history,
    load_report,
    record_decision,
    reviewed_view,
)
from checker.ui_state import describe_decision, history_by_claim, label, md_escape, session_db, widget_key

NEW_OUTLET = "__new__"
NONE_OUTLET = ""
ANALYSIS_FLASH = "desk_flash"

# The keyed fragments of the open analysis (workspace.py), so a callback can redraw only what it changed.
DESK, SUMMARY, LIST, ARTICLE, DETAIL, OVERVIEW, LOG = (
    "desk", "desk-summary", "desk-list", "desk-article", "desk-detail", "desk-overview", "desk-log")
# Fragments of one claim: its row in the list, and the head (chips, buttons, "Saved") and history of its card.
ROW, HEAD, HISTORY = "row", "head", "history"
ROWS_DRAWN = "_desk_rows"  # the row fragments the last list drew (a rerun may name only those)
# What each kind of decision changes on screen; a link or a verdict re-colours the article and the charts.
AFTER_DECISION = {"status": [HEAD, ROW, HISTORY, SUMMARY, LOG], "note": [DETAIL, LOG],
                  "assignee": [DETAIL, LOG], "evidence": [DETAIL, ROW, LOG]}


def part_key(part: str, analysis_id: int, claim_id: str) -> str:
    return f"desk-{part}-a{analysis_id}-{claim_id}"


def row_key(analysis_id: int, claim_id: str) -> str:
    return part_key(ROW, analysis_id, claim_id)


def rows(analysis_id: int, claim_ids: Iterable[str | None]) -> list[str]:
    """The row fragments of these claims; the whole list when one of them is not drawn."""
    drawn = st.session_state.get(ROWS_DRAWN, set())
    keys = list(dict.fromkeys(row_key(analysis_id, c) for c in claim_ids if c))
    return keys if all(key in drawn for key in keys) else [LIST]

# Rebuilt on every script run (Streamlit re-executes the page), so an outlet another session added shows up.
_this_run: dict[str, Any] = {}


def registry() -> Any:
    """Shipped outlets plus those reviewers added in this database."""
    from checker.store.outlets import registry_with_db

    if "registry" not in _this_run:
        _this_run["registry"] = registry_with_db(session_db())
    return _this_run["registry"]


def cached_reports() -> dict[int, Report]:
    """Reports already loaded in this session: a rerun must not re-read or re-analyse the article."""
    return st.session_state.setdefault("_reports", {})


def report_for(analysis_id: int) -> Report | None:
    reports = cached_reports()
    if analysis_id not in reports:
        try:
            reports[analysis_id] = load_report(session_db(), analysis_id)
        except CheckerError as error:
            st.error(str(error))
            return None
    return reports[analysis_id]


def reviewer() -> str:
    return st.session_state.get("reviewer", "") or ""


def items_for(analysis_id: int, report: Report) -> list[ReviewedClaim]:
    return desk_view(analysis_id, report)[0]


def history_for(analysis_id: int, report: Report) -> dict[str, list[Decision]]:
    return desk_view(analysis_id, report)[1]


def desk_view(analysis_id: int, report: Report) -> tuple[list[ReviewedClaim], dict[str, list[Decision]]]:
    """Every claim as reviewed, and the decisions per claim: read again only when a decision was written
    (by anyone: the newest decision id and the count are compared), so the fragments of one click share it."""
    version = tuple(session_db().execute(
        "SELECT max(id), count(*) FROM decisions WHERE analysis_id = ?", [analysis_id]).fetchone())
    held = st.session_state.get("_desk_view")
    if held is None or held[0] != (analysis_id, id(report), version):
        db = session_db()
        items = reviewed_view(report, current_decisions(db, analysis_id))
        held = ((analysis_id, id(report), version), (items, history_by_claim(decision_history(db, analysis_id))))
        st.session_state["_desk_view"] = held
    return held[1]


def claim_now(analysis_id: int, claim_id: str) -> tuple[ReviewedClaim | None, list[Decision]]:
    """One claim as reviewed now, and its decisions, for a fragment of its card."""
    report = report_for(analysis_id)
    if report is None:
        return None, []
    items, history = desk_view(analysis_id, report)
    return next((i for i in items if i.claim.id == claim_id), None), history.get(claim_id, [])


def record(analysis_id: int, claim_id: str, field: str, value: Callable[[], Any]) -> None:
    """Callback: store one decision at once; a link decision re-checks the claim for the link as it now is.
    Then only the parts of the desk this decision changes are drawn again."""
    flash = widget_key(analysis_id, claim_id, "flash")
    try:
        decision = record_decision(session_db(), analysis_id, claim_id, field, value(), reviewer())
        message = f"Saved: {md_escape(describe_decision(decision))}"
        if field == "link":
            message += recheck_message(analysis_id, [claim_id])
    except CheckerError as error:
        st.session_state[flash] = ("error", str(error))
        st.rerun([DETAIL])
    st.session_state[flash] = ("success", message)
    keys = {ROW: rows(analysis_id, [claim_id]), HEAD: [part_key(HEAD, analysis_id, claim_id)],
            HISTORY: [part_key(HISTORY, analysis_id, claim_id)]}
    parts = AFTER_DECISION.get(field, [DESK])
    if field == "status" and st.session_state.get("filter_status"):
        parts = [DESK]  # the claim may leave (or join) the filtered list: the list, selection and article change
    st.rerun([key for part in parts for key in keys.get(part, [part])])


def recheck_message(analysis_id: int, claim_ids: Iterable[str]) -> str:
    """Re-check claims after a correction; the words say what the machine now finds."""
    from checker.recheck import AFTER_CORRECTION, recheck_claims

    report = report_for(analysis_id)
    if report is None:
        return ""
    written = recheck_claims(session_db(), analysis_id, report, reviewer(), claim_keys=list(claim_ids),
                             reason=AFTER_CORRECTION)
    if not written:
        return ""
    after = written[0].value["check"]
    return (f" · re-checked: source check {label(after['source_check']['status'])}, "
            f"verdict {label(after['verdict']['label'])}")


def recheck_all(analysis_id: int) -> None:
    from checker.recheck import recheck_claims

    report = report_for(analysis_id)
    try:
        if report is None:
            raise InputError(f"analysis {analysis_id} could not be loaded")
        before = {i.claim.id: i.verdict for i in items_for(analysis_id, report)}
        written = recheck_claims(session_db(), analysis_id, report, reviewer())
    except CheckerError as error:
        st.session_state[ANALYSIS_FLASH] = ("error", str(error))
        return
    after = {i.claim.id: i.verdict for i in items_for(analysis_id, report)}
    changed = sum(before.get(key) != after.get(key) for key in after)
    st.session_state[ANALYSIS_FLASH] = (
        "success", f"Re-checked {len(written)} claims against the evidence; {changed} verdicts changed. "
                   "Every reviewer decision is kept (see each claim's history).")


def bulk(analysis_id: int, claim_ids: list[str], field: str, value: Any, what: str) -> None:
    """One decision per claim; stops at the first refusal and says how many were saved."""
    saved = 0
    try:
        for claim_id in claim_ids:
            record_decision(session_db(), analysis_id, claim_id, field, value, reviewer())
            saved += 1
    except CheckerError as error:
        st.session_state[ANALYSIS_FLASH] = ("error", f"{error} ({saved} saved before that)")
        return
    st.session_state[ANALYSIS_FLASH] = ("success", f"{what}: {saved} claims")


def add_claim(analysis_id: int, text: str, start: int | None = None) -> None:
    from checker.recheck import AFTER_CORRECTION, add_missed_claim, recheck_claims

    report = report_for(analysis_id)
    try:
        if report is None:
            raise InputError(f"analysis {analysis_id} could not be loaded")
        claim = add_missed_claim(session_db(), analysis_id, report, text, reviewer(), start=start)
        recheck_claims(session_db(), analysis_id, report, reviewer(), claim_keys=[claim.id],
                       reason=AFTER_CORRECTION)
    except CheckerError as error:
        st.session_state[ANALYSIS_FLASH] = ("error", str(error))
        return
    select(analysis_id, claim.id)
    st.session_state[ANALYSIS_FLASH] = ("success", f"Added claim {claim.id}: {md_escape(claim.text)}")


def select(analysis_id: int, claim_id: str | None) -> None:
    """The claim shown beside the list; its id goes into the address so a copied link opens it."""
    st.session_state["selected_claim"] = claim_id
    if claim_id:
        st.query_params["claim"] = claim_id
    else:
        st.query_params.pop("claim", None)


def pick(analysis_id: int, claim_id: str | None) -> None:
    """Callback of a row, a highlight or j/k: redraws the claim, the rows losing and gaining the selection,
    and the article (which outlines the selected claim)."""
    before = st.session_state.get("selected_claim")
    select(analysis_id, claim_id)
    st.rerun([DETAIL, *rows(analysis_id, [before, claim_id]), ARTICLE])


def show_flash(key: str) -> None:
    flash = st.session_state.pop(key, None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])


def new_outlet_id(name: str) -> tuple[str, str]:
    """A typed outlet name: a known outlet's id, else a new outlet registered in the database."""
    from checker.store.outlets import add_outlet

    name = name.strip()
    if not name:
        raise InputError("type the name of the new outlet, or choose one from the list")
    if not reviewer().strip():
        raise InputError("enter your name as reviewer before registering a new outlet")
    known = registry().find(name)
    if known is not None and getattr(known, "known", True):
        return known.id, known.name
    outlet = add_outlet(session_db(), name)
    return outlet.id, outlet.name
