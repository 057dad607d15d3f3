"""The claim as it stands after review: the one place the reviewer's corrections are applied.

The app, the desk and every export read claims through `reviewed_view` or `reviewed_report`, so
they all agree on what a claim now says, which source it cites, and whether its check is current.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from checker.models import Attribution, AttributionKind, Claim, ClaimCheck, Outlet, Report
from checker.review.decisions import ClaimDecisions, Decision
from checker.review.plain import check_from_plain, claim_from_plain
from checker.review.validation import OPEN


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
        check = (check_from_plain(decided.check.value["check"]) if decided and decided.check
                 else report.check_for(claim.id))
        if check is not None:
            checks.append(check)
    return Report(replace(report.analysis, claims=claims), tuple(checks))


def with_added_claims(claims: tuple[Claim, ...], decisions: Mapping[str, ClaimDecisions]) -> tuple[Claim, ...]:
    """The machine's claims plus those reviewers added, in reading order."""
    known = {claim.id for claim in claims}
    added = [claim_from_plain(d.added.value) for d in decisions.values()
             if d.added is not None and d.claim_key not in known]
    if not added:
        return claims
    return tuple(sorted((*claims, *added), key=lambda c: (c.start, c.end)))


def _reviewed(claim: Claim, check: ClaimCheck | None, decided: ClaimDecisions | None) -> ReviewedClaim:
    decided = decided or ClaimDecisions(claim_key=claim.id)
    link = decided.link.value if decided.link else None
    verdict = decided.verdict.value if decided.verdict else None
    if decided.check is not None:
        check = check_from_plain(decided.check.value["check"])
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
