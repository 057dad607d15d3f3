"""Stored analyses and the reviewer's decisions about them.

An analysis is saved once (text, report, one row per claim) and reopened
later exactly as it was. Reviewers never edit it: each confirmation or
correction is a new row in `decisions`, so two people working on the same
article never lose each other's work, and the latest row per (claim, field)
is what counts. `reviewed_view` is the one place that applies those
corrections, so the app and every export agree on what a claim now says.

The parts: `stored` (saving and reopening an analysis), `plain` (rebuilding its
dataclasses), `validation` (what a reviewer may decide), `decisions` (recording
them and finding the latest) and `view` (the claim once they are applied).
"""
from checker.review.decisions import (
    ClaimDecisions,
    Decision,
    current_decisions,
    decision_history,
    record_added_claim,
    record_decision,
    record_machine_check,
)
from checker.review.stored import (
    STORAGE_FORMAT,
    TITLE_CHARS,
    AnalysisSummary,
    analysis_summary,
    default_title,
    list_analyses,
    load_report,
    save_report,
)
from checker.review.validation import (
    EVIDENCE_RELATIONS,
    FIELDS,
    LINK_KINDS,
    MACHINE_FIELDS,
    MAX_NOTE_CHARS,
    MAX_REVIEWER_CHARS,
    OPEN,
    STATUSES,
    VERDICT_LABELS,
)
from checker.review.view import ReviewedClaim, link_is_machines, reviewed_report, reviewed_view, with_added_claims

__all__ = [
    "EVIDENCE_RELATIONS",
    "FIELDS",
    "LINK_KINDS",
    "MACHINE_FIELDS",
    "MAX_NOTE_CHARS",
    "MAX_REVIEWER_CHARS",
    "OPEN",
    "STATUSES",
    "STORAGE_FORMAT",
    "TITLE_CHARS",
    "VERDICT_LABELS",
    "AnalysisSummary",
    "ClaimDecisions",
    "Decision",
    "ReviewedClaim",
    "analysis_summary",
    "current_decisions",
    "decision_history",
    "default_title",
    "link_is_machines",
    "list_analyses",
    "load_report",
    "record_added_claim",
    "record_decision",
    "record_machine_check",
    "reviewed_report",
    "reviewed_view",
    "save_report",
    "with_added_claims",
]
