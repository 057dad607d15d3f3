"""The checklist as Markdown: `- [x]` for claims a reviewer marked done, with what is left for the others.

Every piece of stored text goes through `markdown_text`, so a claim or note cannot inject links or
formatting into the file.
"""
from __future__ import annotations

from typing import Mapping

from checker.export.checklist import is_web_url, label, left_to_do, to_review
from checker.models import EvidenceMatch, Report
from checker.report import markdown_text, not_checked_note, source_line
from checker.review import AnalysisSummary, ClaimDecisions, ReviewedClaim, reviewed_view


def to_markdown(report: Report, decisions: Mapping[str, ClaimDecisions], *,
                summary: AnalysisSummary | None = None) -> str:
    """A checklist: `- [x]` for claims a reviewer marked done, with what is left for the others."""
    items = reviewed_view(report, decisions)
    lines = [f"# Checklist: {markdown_text(summary.title) if summary else 'analysis'}", ""]
    lines.extend(_markdown_header(report, items, summary))
    for item in items:
        if item.status != "not_a_claim":
            lines.extend(_markdown_claim(item))
    ruled_out = [item for item in items if item.status == "not_a_claim"]
    if ruled_out:
        # Off the to-do list: no box to tick, but still listed so nobody wonders where they went.
        lines.extend(["", "## Ruled not a claim", ""])
        lines.extend(f"- **{item.claim.id}** {markdown_text(item.claim.text)}{_markdown_by(item)}"
                     for item in ruled_out)
    return "\n".join(lines) + "\n"


def _markdown_header(report: Report, items: list[ReviewedClaim], summary: AnalysisSummary | None) -> list[str]:
    facts = [f"language: {report.analysis.language}"]
    if summary:
        facts[:0] = [f"analysis {summary.id}", f"saved {summary.created_at[:16].replace('T', ' ')} UTC"]
        facts.extend(f"{name}: {markdown_text(value)}" for name, value in (("url", summary.url), ("source", summary.source)) if value)
    done = sum(item.done for item in items)
    note = not_checked_note(report)
    return [" · ".join(facts), "", f"**{done} of {len(to_review(items))} claims done.**", "",
            *([f"**{markdown_text(note)}**", ""] if note else [])]


def _markdown_claim(item: ReviewedClaim) -> list[str]:
    box = "x" if item.done else " "
    lines = [f"- [{box}] **{item.claim.id}** {markdown_text(item.claim.text)}", f"  - Source: {markdown_text(_source_text(item))}"]
    if item.claim.numbers:
        lines.append("  - Numbers: " + ", ".join(markdown_text(n.text) for n in item.claim.numbers))
    if item.verdict:
        lines.append(f"  - Verdict: **{label(item.verdict)}**" + (" (reviewer)" if item.verdict_overridden else ""))
        lines.extend(f"    - {markdown_text(reason)}" for reason in item.verdict_reasons)
    if item.check:
        lines.append(f"  - Source check: {label(item.source_status)}")
        lines.extend(f"    - {_evidence_line(match)}" for match in item.check.evidence[:3])
    lines.append(f"  - Status: {label(item.status)}{_markdown_by(item)}")
    if item.note:
        lines.append(f"  - Note: {markdown_text(item.note)}")
    todo = left_to_do(item)
    if todo:
        lines.append("  - Left to do:")
        lines.extend(f"    - {markdown_text(line)}" for line in todo)
    return lines


def _markdown_by(item: ReviewedClaim) -> str:
    if not (item.reviewer and item.reviewed_at):
        return ""
    return f" ({markdown_text(item.reviewer)}, {item.reviewed_at[:16].replace('T', ' ')})"


def _evidence_line(match: EvidenceMatch) -> str:
    title = markdown_text(match.title or match.text[:120])
    where = markdown_text(", ".join(p for p in (match.outlet, match.published) if p))
    link = f"[{title}](<{_url_in_markdown(match.url)}>)" if match.url and is_web_url(match.url) else title
    carried = f"; also carried by {markdown_text(', '.join(match.also_carried_by))}" if match.also_carried_by else ""
    return link + (f" — {where}" if where else "") + f" ({match.stance}, {match.score:.2f}{carried})"


def _url_in_markdown(url: str) -> str:
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def _source_text(item: ReviewedClaim) -> str:
    attribution = item.attribution
    parts = [source_line(attribution)]
    if item.link_confirmed:
        parts.append("link confirmed")
    elif item.link_corrected:
        parts.append("link corrected by reviewer")
    return "; ".join(parts)
