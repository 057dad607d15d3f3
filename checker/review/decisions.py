"""Recording reviewer decisions as new rows, never edits, and finding the latest one per claim and field.

Two people working on the same article never lose each other's work: each confirmation or
correction is appended, earlier ones stay as history, and the highest id per (claim, field), and
per passage for evidence, is what counts.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping

import sqlite_utils

from checker.errors import InputError
from checker.models import Claim, ClaimCheck, to_plain
from checker.review.stored import analysis_row, dump_json, utc_now
from checker.review.validation import clean_reviewer, validated
from checker.store.db import run_write


@dataclass(frozen=True)
class Decision:
    """One reviewer action; `value` is the validated JSON value (dict for link/verdict, str otherwise)."""

    id: int
    analysis_id: int
    claim_key: str
    field: str
    value: Any
    reviewer: str
    created_at: str


@dataclass(frozen=True)
class ClaimDecisions:
    """The latest decision per field for one claim (None where nobody decided yet)."""

    claim_key: str
    link: Decision | None = None
    verdict: Decision | None = None
    status: Decision | None = None
    note: Decision | None = None
    assignee: Decision | None = None
    check: Decision | None = None
    added: Decision | None = None
    evidence: tuple[Decision, ...] = ()

    @property
    def latest(self) -> Decision | None:
        """The most recent reviewer decision of any field: who touched the claim last, and when."""
        present = [d for d in (self.link, self.verdict, self.status, self.note, self.assignee, *self.evidence)
                   if d is not None]
        return max(present, key=lambda d: d.id, default=None)


def record_decision(db: sqlite_utils.Database, analysis_id: int, claim_key: str, field: str, value: Any,
                    reviewer: str) -> Decision:
    """Append one reviewer decision (validated); earlier ones stay as history.

    field "link":     {"outlet_id", "outlet_name", "speaker", "kind", "confirmed": bool}; confirmed=True keeps
                      the machine's link as it is, False replaces outlet/speaker/kind with the given ones
                      (a typed outlet name is matched to a stored outlet, else given a new slug id);
                      None goes back to the machine's link
    field "verdict":  {"label": supported|contradicted|not_enough_evidence, "reason": str | None} (or just the
                      label); None goes back to the machine's verdict
    field "status":   "done" | "needs_work" | "not_a_claim" | "open" (reopens a claim)
    field "note":     free text ("" clears the note)
    field "assignee": a colleague's name ("" unassigns)
    field "evidence": {"passage_id": int, "relation": confirms|contradicts|cited_source|None} about one passage
    """
    reviewer_name = clean_reviewer(reviewer)
    clean_value = validated(field, value)
    return _append(db, analysis_id, claim_key, field, clean_value, reviewer_name)


def _append(db: sqlite_utils.Database, analysis_id: int, claim_key: str, field: str, value: Any,
            reviewer: str) -> Decision:
    """One decisions row under the write lock (the value is already validated)."""
    def write() -> Decision:
        analysis_row(db, analysis_id)
        value_to_store = _resolve_outlet(db, value) if field == "link" and value else value
        if next(db.query("SELECT 1 FROM claims WHERE analysis_id = ? AND claim_key = ?",
                         [analysis_id, claim_key]), None) is None:
            raise InputError(f"analysis {analysis_id} has no claim {claim_key!r}")
        row = {
            "analysis_id": analysis_id, "claim_key": claim_key, "field": field, "value": dump_json(value_to_store),
            "reviewer": reviewer, "created_at": utc_now(),
        }
        decision_id = db["decisions"].insert(row).last_pk
        return Decision(id=decision_id, analysis_id=analysis_id, claim_key=claim_key, field=field,
                        value=value_to_store, reviewer=reviewer, created_at=row["created_at"])

    return run_write(db, write)


def _resolve_outlet(db: sqlite_utils.Database, link: dict[str, Any]) -> dict[str, Any]:
    """Fill in the id of a typed outlet name (a known outlet's, or a new slug) and the name of a chosen id."""
    from checker.store.outlets import find_stored, get_stored, outlet_slug

    outlet_id, outlet_name = link["outlet_id"], link["outlet_name"]
    if outlet_name and not outlet_id:
        known = find_stored(db, outlet_name)
        outlet_id = known.id if known else outlet_slug(outlet_name)
    elif outlet_id and not outlet_name:
        known = get_stored(db, outlet_id)
        outlet_name = known.name if known else outlet_id
    return {**link, "outlet_id": outlet_id, "outlet_name": outlet_name}


def record_machine_check(db: sqlite_utils.Database, analysis_id: int, claim_key: str, check: ClaimCheck,
                         before: ClaimCheck | None, reviewer: str, reason: str) -> Decision:
    """Store the machine's fresh check of a claim (after a correction or a re-check) beside the decisions.

    The reviewer's own decisions are untouched; `before` is kept so the history says what changed.
    """
    value = {"check": to_plain(check), "reason": reason,
             "before": None if before is None else {"verdict": before.verdict.label,
                                                    "source": before.source_check.status}}
    return _append(db, analysis_id, claim_key, "check", value, clean_reviewer(reviewer))


def record_added_claim(db: sqlite_utils.Database, analysis_id: int, claim: Claim, reviewer: str) -> Decision:
    """A claim the machine missed, added by a reviewer: a `claims` row plus its "added" decision."""
    reviewer_name = clean_reviewer(reviewer)

    def write() -> None:
        if next(db.query("SELECT 1 FROM claims WHERE analysis_id = ? AND claim_key = ?",
                         [analysis_id, claim.id]), None) is not None:
            raise InputError(f"analysis {analysis_id} already has a claim {claim.id!r}")
        db["claims"].insert({"analysis_id": analysis_id, "claim_key": claim.id, "text": claim.text,
                             "start": claim.start, "end": claim.end, "checkworthiness": claim.checkworthiness,
                             "verdict": None, "verdict_score": None, "source_status": None})

    analysis_row(db, analysis_id)
    run_write(db, write)
    return _append(db, analysis_id, claim.id, "added", to_plain(claim), reviewer_name)


def decision_history(db: sqlite_utils.Database, analysis_id: int, claim_key: str | None = None) -> list[Decision]:
    """Every decision on the analysis (or one claim), oldest first, in the order they were written."""
    analysis_row(db, analysis_id)
    sql = "SELECT * FROM decisions WHERE analysis_id = ?"
    params: list[Any] = [analysis_id]
    if claim_key is not None:
        sql += " AND claim_key = ?"
        params.append(claim_key)
    return [_decision(row) for row in db.query(sql + " ORDER BY id", params)]


def current_decisions(db: sqlite_utils.Database, analysis_id: int) -> dict[str, ClaimDecisions]:
    """The latest decision per (claim, field), and per passage for evidence: the highest id wins."""
    latest: dict[str, dict[str, Decision]] = {}
    marks: dict[str, dict[int, Decision]] = {}
    for decision in decision_history(db, analysis_id):
        if decision.field == "evidence":
            marks.setdefault(decision.claim_key, {})[decision.value["passage_id"]] = decision
        else:
            latest.setdefault(decision.claim_key, {})[decision.field] = decision
    return {key: ClaimDecisions(claim_key=key, evidence=tuple(marks.get(key, {}).values()),
                                **latest.get(key, {}))
            for key in {*latest, *marks}}


def _decision(row: Mapping[str, Any]) -> Decision:
    return Decision(id=row["id"], analysis_id=row["analysis_id"], claim_key=row["claim_key"], field=row["field"],
                    value=json.loads(row["value"]), reviewer=row["reviewer"], created_at=row["created_at"])
