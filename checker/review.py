"""Stored analyses and the reviewer's decisions about them.

An analysis is saved once (text, report, one row per claim) and reopened
later exactly as it was. Reviewers never edit it: each confirmation or
correction is a new row in `decisions`, so two people working on the same
article never lose each other's work, and the latest row per (claim, field)
is what counts. `reviewed_view` is the one place that applies those
corrections, so the app and every export agree on what a claim now says.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from typing import Any, Iterator, Mapping, get_args

import sqlite_utils

from checker.errors import CheckerError, InputError
from checker.models import (
    Analysis,
    Attribution,
    AttributionKind,
    Claim,
    ClaimCheck,
    EvidenceMatch,
    NonClaim,
    NumberMention,
    Outlet,
    Report,
    Sentence,
    SourceCheck,
    Verdict,
    VerdictLabel,
    to_plain,
)
from checker.report import report_to_dict
from checker.store.db import run_write

STORAGE_FORMAT = 1
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
TITLE_CHARS = 90


@dataclass(frozen=True)
class AnalysisSummary:
    """One line of the "reopen a past analysis" list."""

    id: int
    created_at: str
    title: str
    language: str
    claims: int
    done: int
    source: str | None = None
    url: str | None = None


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


@dataclass(frozen=True)
class ReviewedClaim:
    """A claim as it stands after the reviewer's corrections: what the checklist and the UI show."""

    claim: Claim
    check: ClaimCheck | None
    attribution: Attribution
    verdict: str | None
    verdict_reasons: tuple[str, ...]
    status: str
    note: str | None
    link_confirmed: bool
    link_corrected: bool
    verdict_overridden: bool
    reviewer: str | None
    reviewed_at: str | None
    assignee: str | None = None
    evidence_marks: Mapping[int, str] = field(default_factory=dict)
    check_is_current: bool = True
    added_by_reviewer: bool = False

    @property
    def done(self) -> bool:
        return self.status == "done"

    @property
    def source_status(self) -> str:
        """Whether the cited outlet's own reporting was found, for the link as it now stands.

        A reviewer marking a passage "is the cited source" confirms it; a link corrected after the last
        check has not been checked ("unchecked") until the desk re-checks it.
        """
        if self.attribution.outlet is None:
            return "no_source"
        if "cited_source" in self.evidence_marks.values():
            return "confirmed"
        if self.check is None or not self.check_is_current:
            return "unchecked"
        return self.check.source_check.status

    @property
    def outlet(self) -> Outlet | None:
        return self.attribution.outlet

    @property
    def speaker(self) -> str | None:
        return self.attribution.speaker


# --- saving and loading -------------------------------------------------------------------


def save_report(db: sqlite_utils.Database, report: Report, *, source: str, title: str | None = None,
                url: str | None = None) -> int:
    """Store the analysis, its claims, their source links and evidence in one transaction; returns its id."""
    analysis = report.analysis
    row = {
        "created_at": _now(),
        "title": (title or "").strip() or default_title(analysis.text),
        "source": source,
        "url": url,
        "language": analysis.language,
        "text": analysis.text,
        "text_hash": hashlib.sha256(analysis.text.encode("utf-8")).hexdigest(),
    }

    def write() -> int:
        analysis_id = db["analyses"].insert({**row, "report": ""}).last_pk
        db["analyses"].update(analysis_id, {"report": _dump(_stored_report(report, analysis_id))})
        _insert_claims(db, report, analysis_id)
        return analysis_id

    return run_write(db, write)


def default_title(text: str) -> str:
    """The first non-empty line, shortened: articles usually open with their headline."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"


def load_report(db: sqlite_utils.Database, analysis_id: int) -> Report:
    """Rebuild the Report exactly as it was saved."""
    row = _analysis_row(db, analysis_id)
    try:
        stored = json.loads(row["report"])
        rebuild = stored["rebuild"]
        analysis = Analysis(
            text=row["text"],
            language=row["language"],
            sentences=tuple(_build(Sentence, s) for s in rebuild["sentences"]),
            claims=tuple(_claim(c) for c in rebuild["claims"]),
            non_claims=tuple(_build(NonClaim, n) for n in rebuild["non_claims"]),
        )
        return Report(analysis, tuple(_check(c) for c in rebuild["checks"]))
    except (KeyError, TypeError, ValueError) as error:
        raise CheckerError(f"analysis {analysis_id} is stored in a form this checker cannot read ({error})") from error


def analysis_summary(db: sqlite_utils.Database, analysis_id: int) -> AnalysisSummary:
    """Title, url and progress of one stored analysis (unknown id -> CheckerError)."""
    _analysis_row(db, analysis_id)
    return next(s for s in _summaries(db, "WHERE a.id = ?", [analysis_id]))


def list_analyses(db: sqlite_utils.Database) -> list[AnalysisSummary]:
    """Every stored analysis, newest first, with how many claims are done."""
    return list(_summaries(db, "", []))


def _summaries(db: sqlite_utils.Database, where: str, params: list[Any]) -> Iterator[AnalysisSummary]:
    sql = f"""
        SELECT a.id, a.created_at, a.title, a.language, a.source, a.url,
          (SELECT count(*) FROM claims c WHERE c.analysis_id = a.id) AS claims,
          (SELECT count(*) FROM decisions d
            WHERE d.analysis_id = a.id AND d.field = 'status' AND d.value = ?
              AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.analysis_id = a.id
                          AND d2.claim_key = d.claim_key AND d2.field = 'status')) AS done
        FROM analyses a {where}
        ORDER BY a.created_at DESC, a.id DESC
    """
    for row in db.query(sql, [_dump("done"), *params]):
        yield AnalysisSummary(
            id=row["id"], created_at=row["created_at"], title=row["title"] or "", language=row["language"] or "und",
            claims=row["claims"], done=row["done"], source=row["source"], url=row["url"],
        )


def _analysis_row(db: sqlite_utils.Database, analysis_id: int) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM analyses WHERE id = ?", [analysis_id]), None)
    if row is None:
        raise CheckerError(f"no stored analysis with id {analysis_id} (list them with: python -m checker analyses)")
    return row


def _stored_report(report: Report, analysis_id: int) -> dict[str, Any]:
    """The JSON contract for outside readers, plus the unrounded dataclasses to rebuild from."""
    analysis = report.analysis
    return {
        "format": STORAGE_FORMAT,
        **report_to_dict(report, analysis_id=analysis_id),
        "rebuild": {
            "sentences": to_plain(analysis.sentences),
            "claims": to_plain(analysis.claims),
            "non_claims": to_plain(analysis.non_claims),
            "checks": to_plain(report.checks),
        },
    }


def _insert_claims(db: sqlite_utils.Database, report: Report, analysis_id: int) -> None:
    """One batched insert per table (a row at a time took 11 s for the 27,000 claims of a 2 MB article)."""
    stored_passages = _existing_passages(db, report)
    claims = report.analysis.claims
    checks = {claim.id: report.check_for(claim.id) for claim in claims}
    db["claims"].insert_all(({
        "analysis_id": analysis_id, "claim_key": claim.id, "text": claim.text, "start": claim.start,
        "end": claim.end, "checkworthiness": claim.checkworthiness,
        "verdict": check.verdict.label if check else None,
        "verdict_score": check.verdict.score if check else None,
        "source_status": check.source_check.status if check else None,
    } for claim in claims for check in (checks[claim.id],)), batch_size=500)
    row_ids = {row["claim_key"]: row["id"] for row in db.query(
        "SELECT id, claim_key FROM claims WHERE analysis_id = ?", [analysis_id])}
    db["claim_sources"].insert_all(({
        "claim_id": row_ids[claim.id], "kind": attribution.kind,
        "outlet_id": attribution.outlet.id if attribution.outlet else None,
        "outlet_name": attribution.outlet.name if attribution.outlet else None,
        "speaker": attribution.speaker, "cue": attribution.cue, "confidence": attribution.confidence,
        "carried_from": attribution.carried_from,
    } for claim in claims for attribution in (claim.attribution,)), batch_size=500)
    # Evidence from passages no longer (or never) in this database stays in the report JSON only.
    db["claim_evidence"].insert_all((
        {
            "claim_id": row_ids[claim.id], "passage_id": match.passage_id, "rank": rank,
            "similarity": match.similarity, "stance": match.stance, "score": match.score,
            "reasons": _dump(list(match.reasons)),
        }
        for claim in claims if checks[claim.id] is not None
        for rank, match in enumerate(checks[claim.id].evidence, start=1)  # type: ignore[union-attr]
        if match.passage_id in stored_passages
    ), batch_size=500)


def _existing_passages(db: sqlite_utils.Database, report: Report) -> set[int]:
    wanted = sorted({m.passage_id for check in report.checks for m in check.evidence})
    if not wanted:
        return set()
    marks = ",".join("?" for _ in wanted)
    return {row["id"] for row in db.query(f"SELECT id FROM passages WHERE id IN ({marks})", wanted)}


def _build(cls: type, data: Mapping[str, Any]) -> Any:
    """A dataclass from its plain dict, ignoring keys a newer checker may have added."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names})


def _claim(data: Mapping[str, Any]) -> Claim:
    attribution = dict(data["attribution"])
    outlet = attribution.get("outlet")
    attribution["outlet"] = _build(Outlet, outlet) if outlet else None
    return _build(Claim, {
        **data,
        "numbers": [_build(NumberMention, n) for n in data["numbers"]],
        "attribution": _build(Attribution, attribution),
    })


def _check(data: Mapping[str, Any]) -> ClaimCheck:
    return ClaimCheck(
        claim_id=data["claim_id"],
        evidence=tuple(_build(EvidenceMatch, m) for m in data["evidence"]),
        verdict=_build(Verdict, data["verdict"]),
        source_check=_build(SourceCheck, data["source_check"]),
    )


# --- decisions ----------------------------------------------------------------------------


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
    reviewer_name = _clean_reviewer(reviewer)
    clean_value = _validate(field, value)
    return _append(db, analysis_id, claim_key, field, clean_value, reviewer_name)


def _append(db: sqlite_utils.Database, analysis_id: int, claim_key: str, field: str, value: Any,
            reviewer: str) -> Decision:
    """One decisions row under the write lock (the value is already validated)."""
    def write() -> Decision:
        _analysis_row(db, analysis_id)
        value_to_store = _resolve_outlet(db, value) if field == "link" and value else value
        if next(db.query("SELECT 1 FROM claims WHERE analysis_id = ? AND claim_key = ?",
                         [analysis_id, claim_key]), None) is None:
            raise InputError(f"analysis {analysis_id} has no claim {claim_key!r}")
        row = {
            "analysis_id": analysis_id, "claim_key": claim_key, "field": field, "value": _dump(value_to_store),
            "reviewer": reviewer, "created_at": _now(),
        }
        decision_id = db["decisions"].insert(row).last_pk
        return Decision(id=decision_id, analysis_id=analysis_id, claim_key=claim_key, field=field,
                        value=value_to_store, reviewer=reviewer, created_at=row["created_at"])

    return run_write(db, write)


def record_machine_check(db: sqlite_utils.Database, analysis_id: int, claim_key: str, check: ClaimCheck,
                         before: ClaimCheck | None, reviewer: str, reason: str) -> Decision:
    """Store the machine's fresh check of a claim (after a correction or a re-check) beside the decisions.

    The reviewer's own decisions are untouched; `before` is kept so the history says what changed.
    """
    value = {"check": to_plain(check), "reason": reason,
             "before": None if before is None else {"verdict": before.verdict.label,
                                                    "source": before.source_check.status}}
    return _append(db, analysis_id, claim_key, "check", value, _clean_reviewer(reviewer))


def record_added_claim(db: sqlite_utils.Database, analysis_id: int, claim: Claim, reviewer: str) -> Decision:
    """A claim the machine missed, added by a reviewer: a `claims` row plus its "added" decision."""
    reviewer_name = _clean_reviewer(reviewer)

    def write() -> None:
        if next(db.query("SELECT 1 FROM claims WHERE analysis_id = ? AND claim_key = ?",
                         [analysis_id, claim.id]), None) is not None:
            raise InputError(f"analysis {analysis_id} already has a claim {claim.id!r}")
        db["claims"].insert({"analysis_id": analysis_id, "claim_key": claim.id, "text": claim.text,
                             "start": claim.start, "end": claim.end, "checkworthiness": claim.checkworthiness,
                             "verdict": None, "verdict_score": None, "source_status": None})

    _analysis_row(db, analysis_id)
    run_write(db, write)
    return _append(db, analysis_id, claim.id, "added", to_plain(claim), reviewer_name)


def decision_history(db: sqlite_utils.Database, analysis_id: int, claim_key: str | None = None) -> list[Decision]:
    """Every decision on the analysis (or one claim), oldest first, in the order they were written."""
    _analysis_row(db, analysis_id)
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


def _clean_reviewer(reviewer: Any) -> str:
    name = reviewer.strip() if isinstance(reviewer, str) else ""
    if not name:
        raise InputError("enter your name as reviewer before recording a decision")
    if len(name) > MAX_REVIEWER_CHARS:
        raise InputError(f"reviewer name is longer than {MAX_REVIEWER_CHARS} characters")
    return name


def _validate(field: str, value: Any) -> Any:
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


# --- the effective claim after review -----------------------------------------------------


def reviewed_view(report: Report, decisions: Mapping[str, ClaimDecisions]) -> list[ReviewedClaim]:
    """Each claim with the reviewer's link, verdict, status and note applied (in article order).

    Claims a reviewer added are merged in by position; a machine re-check replaces the saved check.
    """
    claims = with_added_claims(report.analysis.claims, decisions)
    return [_reviewed(claim, report.check_for(claim.id), decisions.get(claim.id)) for claim in claims]


def reviewed_report(report: Report, decisions: Mapping[str, ClaimDecisions]) -> Report:
    """The report as it now stands: added claims in, and each claim's latest machine re-check in place."""
    claims = with_added_claims(report.analysis.claims, decisions)
    checks = []
    for claim in claims:
        decided = decisions.get(claim.id)
        check = _check(decided.check.value["check"]) if decided and decided.check else report.check_for(claim.id)
        if check is not None:
            checks.append(check)
    return Report(replace(report.analysis, claims=claims), tuple(checks))


def with_added_claims(claims: tuple[Claim, ...], decisions: Mapping[str, ClaimDecisions]) -> tuple[Claim, ...]:
    """The machine's claims plus those reviewers added, in reading order."""
    known = {claim.id for claim in claims}
    added = [_claim(d.added.value) for d in decisions.values() if d.added is not None and d.claim_key not in known]
    if not added:
        return claims
    return tuple(sorted((*claims, *added), key=lambda c: (c.start, c.end)))


def _reviewed(claim: Claim, check: ClaimCheck | None, decided: ClaimDecisions | None) -> ReviewedClaim:
    decided = decided or ClaimDecisions(claim_key=claim.id)
    link = decided.link.value if decided.link else None
    verdict = decided.verdict.value if decided.verdict else None
    if decided.check is not None:
        check = _check(decided.check.value["check"])
    latest = decided.latest
    marks = {d.value["passage_id"]: d.value["relation"] for d in decided.evidence if d.value["relation"]}
    # The saved check was made for the machine's link: a correction makes it stale until re-checked.
    checked_after = decided.check.id if decided.check else -1
    current = not (decided.link and not link_is_machines(link) and decided.link.id > checked_after)
    return ReviewedClaim(
        claim=claim,
        check=check,
        attribution=_corrected_attribution(claim.attribution, link),
        verdict=verdict["label"] if verdict else (check.verdict.label if check else None),
        verdict_reasons=_verdict_reasons(check, verdict, decided.verdict),
        status=decided.status.value if decided.status else OPEN,
        note=(decided.note.value or None) if decided.note else None,
        link_confirmed=bool(link and link["confirmed"]),
        link_corrected=bool(link and not link["confirmed"]),
        verdict_overridden=verdict is not None,
        reviewer=latest.reviewer if latest else None,
        reviewed_at=latest.created_at if latest else None,
        assignee=(decided.assignee.value or None) if decided.assignee else None,
        evidence_marks=marks,
        check_is_current=current,
        added_by_reviewer=decided.added is not None,
    )


def link_is_machines(link: Mapping[str, Any] | None) -> bool:
    """A link decision that keeps the machine's attribution (none, or "confirmed")."""
    return not link or bool(link["confirmed"])


def _corrected_attribution(original: Attribution, link: Mapping[str, Any] | None) -> Attribution:
    """A confirmed link keeps the machine's attribution; a corrected one replaces outlet, speaker and kind."""
    if not link or link["confirmed"]:
        return original
    outlet = Outlet(id=link["outlet_id"], name=link["outlet_name"], known=True) if link["outlet_id"] else None
    same_outlet = outlet is not None and original.outlet is not None and outlet.id == original.outlet.id
    same_speaker = link["speaker"] == original.speaker
    kind = _corrected_kind(link["kind"] or original.kind, has_source=bool(outlet or link["speaker"]))
    return replace(
        original,
        kind=kind,
        outlet=outlet,
        speaker=link["speaker"],
        confidence=1.0,
        outlet_start=original.outlet_start if same_outlet else None,
        outlet_end=original.outlet_end if same_outlet else None,
        speaker_start=original.speaker_start if same_speaker else None,
        speaker_end=original.speaker_end if same_speaker else None,
    )


def _corrected_kind(original: AttributionKind, *, has_source: bool) -> AttributionKind:
    """The kind follows the source: "none" without one, and never "none" once a source is named."""
    if not has_source:
        return "none"
    return original if original != "none" else "according_to"


def _verdict_reasons(check: ClaimCheck | None, override: Mapping[str, Any] | None,
                     decision: Decision | None) -> tuple[str, ...]:
    if override is None or decision is None:
        return check.verdict.reasons if check else ()
    reason = override["reason"] or "no reason given"
    return (f"set by reviewer {decision.reviewer}: {reason}",)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
