"""The checklist as JSON: the `analyze` contract, each claim with its review, and the whole decision history."""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from checker.export.checklist import left_to_do, to_review
from checker.json_stream import Lazy, iter_json
from checker.models import Report
from checker.report import report_fields
from checker.review import AnalysisSummary, ClaimDecisions, Decision, ReviewedClaim, reviewed_view


def to_json(report: Report, decisions: Mapping[str, ClaimDecisions], *, summary: AnalysisSummary | None = None,
            history: Sequence[Decision] = ()) -> str:
    """The JSON contract of `analyze`, each claim with its review, plus every decision ever recorded."""
    data = report_fields(report, analysis_id=summary.id if summary else None)
    items = {item.claim.id: item for item in reviewed_view(report, decisions)}
    claims = data["claims"]
    data["claims"] = Lazy(lambda: ({**claim, "review": _review_dict(items[claim["id"]])} for claim in claims))
    if summary:
        data["analysis"] = {"id": summary.id, "title": summary.title, "created_at": summary.created_at,
                            "source": summary.source, "url": summary.url}
    data["progress"] = {"claims": len(to_review(list(items.values()))),
                        "done": sum(item.done for item in items.values())}
    data["decision_history"] = [_decision_dict(d) for d in history]
    return "".join(iter_json(data, indent=1))  # a claim's dict at a time, not the whole report's (issue 13)


def _review_dict(item: ReviewedClaim) -> dict[str, Any]:
    attribution = item.attribution
    outlet = attribution.outlet
    return {
        "status": item.status,
        "outlet": None if outlet is None else {"id": outlet.id, "name": outlet.name},
        "speaker": attribution.speaker,
        "kind": attribution.kind,
        "link_confirmed": item.link_confirmed,
        "link_corrected": item.link_corrected,
        "verdict": item.verdict,
        "verdict_reasons": list(item.verdict_reasons),
        "verdict_overridden": item.verdict_overridden,
        "source_check": item.source_status,
        "evidence_marks": {str(passage): relation for passage, relation in item.evidence_marks.items()},
        "assignee": item.assignee,
        "added_by_reviewer": item.added_by_reviewer,
        "note": item.note,
        "reviewer": item.reviewer,
        "reviewed_at": item.reviewed_at,
        "left_to_do": left_to_do(item),
    }


def _decision_dict(decision: Decision) -> dict[str, Any]:
    return {"id": decision.id, "claim": decision.claim_key, "field": decision.field, "value": decision.value,
            "reviewer": decision.reviewer, "created_at": decision.created_at}
