"""What a reviewer may decide: the fields, their allowed values, and the one clear error for anything else.

Every value is checked before it is stored, so a decision row always holds something the desk and
every export can read back.
"""
from __future__ import annotations

from typing import Any, Mapping, get_args

from checker.errors import InputError
from checker.models import AttributionKind, VerdictLabel

# What a reviewer decides (validated by record_decision); "evidence" is kept per passage.
FIELDS = ("link", "verdict", "status", "note", "assignee", "evidence")
# What the desk writes on a reviewer's behalf: the machine's re-check and a claim the reviewer added.
MACHINE_FIELDS = ("check", "added")
STATUSES = ("done", "needs_work", "not_a_claim")
EVIDENCE_RELATIONS = ("confirms", "contradicts", "cited_source")
OPEN = "open"  # also accepted as a status decision: it reopens a claim
VERDICT_LABELS: tuple[str, ...] = get_args(VerdictLabel)
LINK_KINDS: tuple[str, ...] = get_args(AttributionKind)
MAX_REVIEWER_CHARS = 100
MAX_NOTE_CHARS = 10_000


def clean_reviewer(reviewer: Any) -> str:
    """The reviewer's name, trimmed: every decision says who made it."""
    name = reviewer.strip() if isinstance(reviewer, str) else ""
    if not name:
        raise InputError("enter your name as reviewer before recording a decision")
    if len(name) > MAX_REVIEWER_CHARS:
        raise InputError(f"reviewer name is longer than {MAX_REVIEWER_CHARS} characters")
    return name


def validated(field: str, value: Any) -> Any:
    """The value to store for a decision on `field`, cleaned; InputError says what is wrong with it."""
    validators = {"link": _link_value, "verdict": _verdict_value, "status": _status_value, "note": _note_value,
                  "assignee": _assignee_value, "evidence": _evidence_value}
    if field not in validators:
        raise InputError(f"unknown decision field {field!r}: use one of {', '.join(FIELDS)}")
    return validators[field](value)


def _link_value(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InputError("a link decision needs outlet_id, outlet_name, speaker, kind and confirmed")
    confirmed = value.get("confirmed")
    if not isinstance(confirmed, bool):
        raise InputError("a link decision must say whether the link is confirmed (true) or corrected (false)")
    kind = _optional_text(value.get("kind"), "kind")
    if kind is not None and kind not in LINK_KINDS:
        raise InputError(f"unknown attribution kind {kind!r}: use one of {', '.join(LINK_KINDS)}")
    return {
        "outlet_id": _optional_text(value.get("outlet_id"), "outlet_id"),
        "outlet_name": _optional_text(value.get("outlet_name"), "outlet_name"),
        "speaker": _optional_text(value.get("speaker"), "speaker"),
        "kind": kind,
        "confirmed": confirmed,
    }


def _verdict_value(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    data = {"label": value} if isinstance(value, str) else value
    if not isinstance(data, Mapping) or data.get("label") not in VERDICT_LABELS:
        raise InputError(f"a verdict decision needs a label: one of {', '.join(VERDICT_LABELS)}")
    return {"label": data["label"], "reason": _optional_text(data.get("reason"), "reason")}


def _status_value(value: Any) -> str:
    if value not in (*STATUSES, OPEN):
        raise InputError(f"unknown status {value!r}: use one of {', '.join((*STATUSES, OPEN))}")
    return value


def _note_value(value: Any) -> str:
    if not isinstance(value, str):
        raise InputError("a note must be text")
    if len(value) > MAX_NOTE_CHARS:
        raise InputError(f"a note is limited to {MAX_NOTE_CHARS} characters")
    return value.strip()


def _assignee_value(value: Any) -> str:
    if not isinstance(value, str):
        raise InputError("an assignee must be a name")
    if len(value.strip()) > MAX_REVIEWER_CHARS:
        raise InputError(f"an assignee name is limited to {MAX_REVIEWER_CHARS} characters")
    return value.strip()


def _evidence_value(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping) or not isinstance(value.get("passage_id"), int):
        raise InputError("an evidence decision needs the passage_id it is about")
    relation = value.get("relation")
    if relation is not None and relation not in EVIDENCE_RELATIONS:
        raise InputError(f"unknown evidence relation {relation!r}: use one of {', '.join(EVIDENCE_RELATIONS)}")
    return {"passage_id": value["passage_id"], "relation": relation}


def _optional_text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} must be text")
    return value.strip() or None
