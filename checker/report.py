"""The analysis as the JSON contract outside tools read, and as Markdown for people."""
from __future__ import annotations

import re
from typing import Any, Iterator

from checker.config import EVIDENCE_CLAIMS_ENV
from checker.json_stream import Lazy, iter_json, plain
from checker.models import Attribution, Claim, ClaimCheck, Report, to_plain


def attribution_to_dict(attribution: Attribution) -> dict[str, Any]:
    outlet = attribution.outlet
    return {
        "kind": attribution.kind,
        "outlet": None if outlet is None else {"id": outlet.id, "name": outlet.name, "known": outlet.known},
        "speaker": attribution.speaker,
        "cue": attribution.cue,
        "confidence": round(attribution.confidence, 3),
        "carried_from": attribution.carried_from,
        "spans": {
            "cue": _span(attribution.cue_start, attribution.cue_end),
            "speaker": _span(attribution.speaker_start, attribution.speaker_end),
            "outlet": _span(attribution.outlet_start, attribution.outlet_end),
            "mention": _span(attribution.mention_start, attribution.mention_end),
        },
        "via": [{"id": o.id, "name": o.name, "known": o.known} for o in attribution.via],
        "outlet_from": attribution.outlet_from,
        "resolved_from": attribution.resolved_from,
        "decided_by": attribution.decided_by,
    }


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def check_to_dict(check: ClaimCheck) -> dict[str, Any]:
    return {
        "evidence": [
            {
                "passage_id": match.passage_id,
                "text": match.text,
                "title": match.title,
                "outlet": match.outlet,
                "url": match.url,
                "published": match.published,
                "similarity": round(match.similarity, 4),
                "stance": match.stance,
                "score": round(match.score, 4),
                "from_cited_outlet": match.from_cited_outlet,
                "also_carried_by": list(match.also_carried_by),
                "reasons": list(match.reasons),
            }
            for match in check.evidence
        ],
        "verdict": {
            "label": check.verdict.label,
            "score": round(check.verdict.score, 4),
            "reasons": list(check.verdict.reasons),
        },
        "source_check": {
            "status": check.source_check.status,
            "passage_id": check.source_check.passage_id,
            "reason": check.source_check.reason,
        },
    }


NOT_CHECKED_VERDICT = "not checked against the evidence (over the evidence limit of this analysis)"


def not_checked_note(report: Report) -> str | None:
    """The line every report and checklist carries when the evidence stage left claims out, saying how to check them."""
    left = len(report.not_checked)
    if not left:
        return None
    checked = len(report.analysis.claims) - left
    return (f"{left:,} of {len(report.analysis.claims):,} claims were not checked against the evidence: at most "
            f"{EVIDENCE_CLAIMS_ENV} distinct claims are checked per analysis, the most check-worthy first (this "
            f"analysis checked {checked:,}). To check the others: confirm or correct a claim's source in the desk "
            f"(that re-checks it), analyse the article in parts, or raise {EVIDENCE_CLAIMS_ENV}.")


def claim_to_dict(claim: Claim, check: ClaimCheck | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "sentence": claim.sentence,
        "sentence_index": claim.sentence_index,
        "start": claim.start,
        "end": claim.end,
        "checkworthiness": round(claim.checkworthiness, 3),
        "numbers": [to_plain(number) for number in claim.numbers],
        "attribution": attribution_to_dict(claim.attribution),
    }
    if check is not None:
        data.update(check_to_dict(check))
    return data


def report_to_dict(report: Report, analysis_id: int | None = None) -> dict[str, Any]:
    """The JSON report as one dict, for library callers (and the tests' oracle): the CLI streams the same
    fields piece by piece instead (`report_json`), so an article at the input limit is never one dict."""
    return plain(report_fields(report, analysis_id))


def report_fields(report: Report, analysis_id: int | None = None) -> dict[str, Any]:
    """The JSON contract with its long lists (claims, non-claims) `Lazy`: `iter_json` writes them a claim at a
    time, so a report of tens of thousands of claims is never one dict (issue 13)."""
    analysis = report.analysis
    unchecked = set(report.not_checked)
    data: dict[str, Any] = {
        "language": analysis.language,
        "claims": Lazy(lambda: ({**claim_to_dict(claim, report.check_for(claim.id)), **({"evidence_checked": False}
                                if claim.id in unchecked else {})} for claim in analysis.claims)),
        "non_claims": Lazy(lambda: (to_plain(non_claim) for non_claim in analysis.non_claims)),
    }
    if unchecked:
        data["not_checked"] = {"count": len(unchecked), "claim_ids": list(report.not_checked),
                               "note": not_checked_note(report)}
    if analysis_id is not None:
        data["analysis_id"] = analysis_id
    return data


def report_json(report: Report, analysis_id: int | None = None) -> Iterator[str]:
    """The pieces of `json.dumps(report_to_dict(...), ensure_ascii=False, indent=1)`: what `analyze` prints."""
    return iter_json(report_fields(report, analysis_id), indent=1)


def source_line(attribution: Attribution) -> str:
    """Who the claim is attributed to, in words: the same line in the CLI report and the checklist."""
    if attribution.kind == "none":
        return "no source cited"
    parts = [attribution.kind.replace("_", " ")]
    if attribution.outlet:
        parts.append(f"outlet: {attribution.outlet.name}")
    if attribution.speaker:
        parts.append(f"speaker: {attribution.speaker}")
    if attribution.cue:
        parts.append(f"cue: «{attribution.cue}»")
    if attribution.carried_from:
        parts.append(f"carried from {attribution.carried_from}")
    return "; ".join(parts)


_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>&|])")


def markdown_text(text: str) -> str:
    """Article or reviewer text on one line with its markup characters escaped, so `<script>` stays text.

    Only characters that can start markup or HTML are escaped, so the raw file stays readable.
    """
    return _MARKDOWN_ACTIVE.sub(r"\\\1", " ".join(text.split()))


def report_to_markdown(report: Report, analysis_id: int | None = None) -> str:
    """The Markdown report as one string, for library callers; the CLI prints `markdown_lines` as they come."""
    return "\n".join(markdown_lines(report, analysis_id))


def markdown_lines(report: Report, analysis_id: int | None = None) -> Iterator[str]:
    """The Markdown report a line at a time, so `analyze --format md` writes it as it goes."""
    analysis = report.analysis
    title = f"# Claims ({analysis.language})" + (f" — analysis {analysis_id}" if analysis_id is not None else "")
    yield title
    yield ""
    note = not_checked_note(report)
    if note:
        yield f"**{markdown_text(note)}**"
        yield ""
    unchecked = set(report.not_checked)
    for claim in analysis.claims:
        yield f"## {claim.id} · check-worthiness {claim.checkworthiness:.2f}"
        yield ""
        yield f"> {markdown_text(claim.text)}"
        yield ""
        yield f"- Source: {markdown_text(source_line(claim.attribution))}"
        if claim.numbers:
            yield "- Numbers: " + ", ".join(markdown_text(number.text) for number in claim.numbers)
        check = report.check_for(claim.id)
        if check is not None:
            yield f"- Verdict: **{check.verdict.label.replace('_', ' ')}** ({check.verdict.score:.2f})"
            yield from (f"  - {markdown_text(reason)}" for reason in check.verdict.reasons)
            yield f"- Source check: {check.source_check.status.replace('_', ' ')}"
            for match in check.evidence[:3]:
                where = " ".join(part for part in (match.outlet, match.published, match.url) if part)
                carried = f"; also carried by {', '.join(match.also_carried_by)}" if match.also_carried_by else ""
                yield (f"  - [{match.stance} {match.score:.2f}] {markdown_text(match.text[:200])} "
                       f"({markdown_text(where + carried)})")
        elif claim.id in unchecked:
            yield f"- Verdict: {NOT_CHECKED_VERDICT}"
        yield ""
    if analysis.non_claims:
        yield "## Kept out"
        yield ""
        yield from (f"- {non_claim.reason}: {markdown_text(non_claim.text)}" for non_claim in analysis.non_claims)
