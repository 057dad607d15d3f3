"""The review checklist of a stored analysis as Markdown, CSV, JSON, ClaimReview JSON-LD or printable HTML.

Every format is built from the same `reviewed_view` (the claims after the
reviewer's corrections) and the same `left_to_do` rules, so a claim that is
done in the app is done in every file a reviewer hands on.
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping, Sequence
from urllib.parse import urlencode

import sqlite_utils

from checker.config import DATA_DIR
from checker.errors import InputError
from checker.models import Attribution, EvidenceMatch, Report
from checker.normalize import search_form
from checker.render import direction, highlight_article_html, isolate_rtl, legend_html
from checker.report import markdown_text, not_checked_note, report_to_dict, source_line
from checker.review import (
    AnalysisSummary,
    ClaimDecisions,
    Decision,
    ReviewedClaim,
    analysis_summary,
    current_decisions,
    decision_history,
    load_report,
    reviewed_report,
    reviewed_view,
)

FORMATS = ("md", "csv", "json", "claimreview", "html")
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "claimreview": "application/ld+json",
    "html": "text/html; charset=utf-8",
}
EXTENSIONS = {"md": "md", "csv": "csv", "json": "json", "claimreview": "jsonld", "html": "html"}
CSV_COLUMNS = (
    "id", "claim", "outlet", "speaker", "cue", "kind", "confidence", "checkworthiness", "numbers", "verdict",
    "verdict reasons", "source check", "top evidence url", "status", "reviewer", "note", "to do",
)
MAX_FIGURES_NAMED = 3
# Spreadsheet programs run a cell starting with these as a formula; a quote in front keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A claim the evidence stage left out (over CHECKER_EVIDENCE_CLAIMS) or added by a reviewer and not re-checked.
NOT_CHECKED_TODO = "not checked against the evidence: confirm or correct its source in the desk to check it"


def export_analysis(db: sqlite_utils.Database, analysis_id: int, fmt: str, *, desk: str | None = None) -> bytes:
    """The file a reviewer downloads: what `python -m checker export ID --format FMT` writes."""
    _check_format(fmt)
    decisions = current_decisions(db, analysis_id)
    return export_report(
        reviewed_report(load_report(db, analysis_id), decisions),
        decisions,
        fmt,
        summary=analysis_summary(db, analysis_id),
        history=decision_history(db, analysis_id),
        desk=desk,
    )


def export_report(report: Report, decisions: Mapping[str, ClaimDecisions], fmt: str, *,
                  summary: AnalysisSummary | None = None, history: Sequence[Decision] = (),
                  desk: str | None = None) -> bytes:
    """Any format from an in-memory report, for callers that have not stored it (or already loaded it)."""
    _check_format(fmt)
    if fmt == "csv":
        return to_csv(report, decisions).encode("utf-8-sig")
    builders: dict[str, Callable[[], str]] = {
        "md": lambda: to_markdown(report, decisions, summary=summary),
        "json": lambda: to_json(report, decisions, summary=summary, history=history),
        "claimreview": lambda: to_claimreview(report, decisions, summary=summary, desk=desk),
        "html": lambda: to_html(report, decisions, summary=summary),
    }
    return builders[fmt]().encode("utf-8")


def export_filename(analysis_id: int, fmt: str) -> str:
    _check_format(fmt)
    return f"checklist-{analysis_id}.{EXTENSIONS[fmt]}"


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


# --- what is left to do -----------------------------------------------------------------------


def left_to_do(item: ReviewedClaim) -> list[str]:
    """The open work on one claim, derived from its data; empty once it is done or ruled not a claim."""
    if item.status in ("done", "not_a_claim"):
        return []
    attribution, check = item.attribution, item.check
    todo: list[str] = []
    if item.status == "needs_work":
        todo.append("flagged as needing work" + (": see the reviewer's note" if item.note else ""))
    if attribution.outlet is not None:
        status = item.source_status  # for the link as it now stands (re-checked after a correction)
        if status == "contradicted":
            todo.append(f"the stored {attribution.outlet.name} reporting says otherwise: compare with the original")
        elif status != "confirmed":
            todo.append(f"find the original {attribution.outlet.name} report")
    if attribution.speaker and is_anonymous(attribution.speaker):
        todo.append(f"identify the anonymous source ({attribution.speaker})")
    if attribution.kind == "none" and attribution.outlet is None and not attribution.speaker:
        todo.append("no source cited: find who first reported this")
    elif not (item.link_confirmed or item.link_corrected):
        todo.append("confirm the source link")
    if item.claim.numbers and item.verdict != "supported":
        figures = ", ".join(n.text for n in item.claim.numbers[:MAX_FIGURES_NAMED])
        todo.append(f"confirm the figure{'s' if len(item.claim.numbers) > 1 else ''} {figures}")
    if item.verdict_overridden:
        return todo
    if check is None:
        todo.append(NOT_CHECKED_TODO)
    elif not check.evidence:
        todo.append("no evidence stored: search for reporting on this claim")
    elif item.verdict == "contradicted":
        todo.append("the evidence contradicts the claim: confirm the verdict")
    elif item.verdict == "conflicting":
        todo.append("independent outlets disagree: weigh their reports and find the primary source")
    elif item.verdict == "not_enough_evidence":
        todo.append("the stored evidence is inconclusive: look for a primary source")
    return todo


def is_anonymous(speaker: str) -> bool:
    """Whether a speaker is an unnamed source ("a senior official", "مصادر مطلعة"), per data/review.toml."""
    return _anonymous_pattern().search(f" {search_form(speaker).lower()} ") is not None


@lru_cache(maxsize=1)
def _anonymous_pattern() -> re.Pattern[str]:
    with open(DATA_DIR / "review.toml", "rb") as file:
        data = tomllib.load(file)["anonymous_speaker"]
    words = sorted({search_form(w).lower() for w in (*data["ar"], *data["en"])}, key=len, reverse=True)
    prefixes = "|".join(re.escape(search_form(p)) for p in sorted(data["prefixes"], key=len, reverse=True))
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{prefixes})?(?:{alternatives})(?![\w])")


# --- Markdown ---------------------------------------------------------------------------------


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


def to_review(items: list[ReviewedClaim]) -> list[ReviewedClaim]:
    """The claims on the to-do list: everything but those a reviewer ruled not a claim."""
    return [item for item in items if item.status != "not_a_claim"]


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
        lines.append(f"  - Verdict: **{_label(item.verdict)}**" + (" (reviewer)" if item.verdict_overridden else ""))
        lines.extend(f"    - {markdown_text(reason)}" for reason in item.verdict_reasons)
    if item.check:
        lines.append(f"  - Source check: {_label(item.source_status)}")
        lines.extend(f"    - {_evidence_line(match)}" for match in item.check.evidence[:3])
    lines.append(f"  - Status: {_label(item.status)}{_markdown_by(item)}")
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
    label = markdown_text(match.title or match.text[:120])
    where = markdown_text(", ".join(p for p in (match.outlet, match.published) if p))
    link = f"[{label}](<{_url_in_markdown(match.url)}>)" if match.url and _is_web_url(match.url) else label
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


# --- CSV --------------------------------------------------------------------------------------


def to_csv(report: Report, decisions: Mapping[str, ClaimDecisions]) -> str:
    """One row per claim; `export_report` adds the BOM Excel needs to show Arabic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in reviewed_view(report, decisions):
        writer.writerow(_csv_safe(cell) for cell in _csv_row(item))
    return buffer.getvalue()


def _csv_row(item: ReviewedClaim) -> list[str]:
    attribution, check = item.attribution, item.check
    top = next((m.url for m in (check.evidence if check else ()) if m.url), None)
    return [
        item.claim.id, item.claim.text, attribution.outlet.name if attribution.outlet else "",
        attribution.speaker or "", attribution.cue or "", attribution.kind, f"{attribution.confidence:.2f}",
        f"{item.claim.checkworthiness:.2f}", "; ".join(n.text for n in item.claim.numbers), item.verdict or "",
        " | ".join(item.verdict_reasons), item.source_status if check else "", top or "", item.status,
        item.reviewer or "", item.note or "", " | ".join(left_to_do(item)),
    ]


def _csv_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


# --- JSON -------------------------------------------------------------------------------------


def to_json(report: Report, decisions: Mapping[str, ClaimDecisions], *, summary: AnalysisSummary | None = None,
            history: Sequence[Decision] = ()) -> str:
    """The JSON contract of `analyze`, each claim with its review, plus every decision ever recorded."""
    data = report_to_dict(report, analysis_id=summary.id if summary else None)
    items = {item.claim.id: item for item in reviewed_view(report, decisions)}
    for claim in data["claims"]:
        claim["review"] = _review_dict(items[claim["id"]])
    if summary:
        data["analysis"] = {"id": summary.id, "title": summary.title, "created_at": summary.created_at,
                            "source": summary.source, "url": summary.url}
    data["progress"] = {"claims": len(to_review(list(items.values()))),
                        "done": sum(item.done for item in items.values())}
    data["decision_history"] = [_decision_dict(d) for d in history]
    return json.dumps(data, ensure_ascii=False, indent=1)


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


# --- ClaimReview ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingScale:
    """The newsroom's rating scale and publisher, from data/claimreview.toml."""

    publisher: str
    desk_url: str
    worst: int
    best: int
    ratings: Mapping[str, Mapping[str, Any]]

    def rating(self, verdict: str, language: str) -> tuple[int, str]:
        entry = self.ratings.get(verdict)
        if entry is None:
            raise InputError(f"claimreview.toml has no rating for the verdict {verdict!r}: add one")
        return int(entry["value"]), str(entry.get(f"name_{language}") or entry["name"])


@lru_cache(maxsize=1)
def rating_scale() -> RatingScale:
    with open(DATA_DIR / "claimreview.toml", "rb") as file:
        data = tomllib.load(file)
    scale = RatingScale(publisher=data["publisher"]["name"], desk_url=data["publisher"]["url"].rstrip("/"),
                        worst=int(data["scale"]["worst"]), best=int(data["scale"]["best"]),
                        ratings=data["ratings"])
    for label, entry in scale.ratings.items():
        if not scale.worst <= int(entry["value"]) <= scale.best:
            raise InputError(f"claimreview.toml: the rating of {label!r} lies outside the scale")
    return scale


def claim_link(base_url: str, analysis_id: int, claim_id: str | None = None) -> str:
    """The desk's own address of an analysis (and a claim in it): what copy-link and ClaimReview `url` give."""
    query = {"analysis": str(analysis_id), **({"claim": claim_id} if claim_id else {})}
    return f"{base_url.rstrip('/')}/?{urlencode(query)}"


def to_claimreview(report: Report, decisions: Mapping[str, ClaimDecisions], *,
                   summary: AnalysisSummary | None = None, desk: str | None = None,
                   review_url: str | None = None) -> str:
    """schema.org ClaimReview JSON-LD (a list), safe to paste inside a <script> element."""
    items = claimreview_items(report, decisions, summary=summary, desk=desk, review_url=review_url)
    return script_safe_json(items)


def script_safe_json(data: Any) -> str:
    """JSON whose text cannot close a <script> element or open a comment: < > & become \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def claimreview_items(report: Report, decisions: Mapping[str, ClaimDecisions], *,
                      summary: AnalysisSummary | None = None, desk: str | None = None,
                      review_url: str | None = None) -> list[dict[str, Any]]:
    """One ClaimReview per claim a reviewer gave a verdict (never the machine's verdict alone)."""
    language = report.analysis.language
    scale = rating_scale()
    return [
        _claimreview(item, summary, desk or scale.publisher, review_url, language, scale,
                     _verdict_decision(decisions, item.claim.id))
        for item in reviewed_view(report, decisions)
        if item.verdict_overridden and item.verdict and item.status != "not_a_claim"
    ]


def _verdict_decision(decisions: Mapping[str, ClaimDecisions], claim_id: str) -> Decision | None:
    decided = decisions.get(claim_id)
    return decided.verdict if decided else None


def _claimreview(item: ReviewedClaim, summary: AnalysisSummary | None, desk: str, review_url: str | None,
                 language: str, scale: RatingScale, decision: Decision | None) -> dict[str, Any]:
    value, name = scale.rating(item.verdict or "not_enough_evidence", language)
    item_reviewed: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(item.attribution)
    if author:
        item_reviewed["author"] = author
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if summary and summary.url:
        appearance["url"] = summary.url
    if summary and summary.title:
        appearance["headline"] = summary.title
    item_reviewed["appearance"] = [appearance]
    rating: dict[str, Any] = {"@type": "Rating", "ratingValue": value, "bestRating": scale.best,
                              "worstRating": scale.worst, "alternateName": name}
    if item.verdict_reasons:
        rating["ratingExplanation"] = " ".join(item.verdict_reasons)
    decided_at = decision.created_at if decision else (item.reviewed_at or "")
    url = review_url or (claim_link(scale.desk_url, summary.id, item.claim.id) if summary else scale.desk_url)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": item.claim.text,
        "reviewRating": rating,
        "itemReviewed": item_reviewed,
        "author": {"@type": "Organization", "name": desk},
        "datePublished": decided_at[:10],
        "inLanguage": language,
    }


def _claim_author(attribution: Attribution) -> dict[str, Any] | None:
    """The named speaker as a Person; an unnamed one ("officials") gives way to the outlet that cited them."""
    if attribution.speaker and not (attribution.outlet and is_anonymous(attribution.speaker)):
        return {"@type": "Person", "name": attribution.speaker}
    if attribution.outlet:
        return {"@type": "Organization", "name": attribution.outlet.name}
    return None


# --- printable HTML ---------------------------------------------------------------------------


def to_html(report: Report, decisions: Mapping[str, ClaimDecisions], *,
            summary: AnalysisSummary | None = None) -> str:
    """A standalone page: the highlighted article and the checklist table, ready to print."""
    analysis = report.analysis
    items = reviewed_view(report, decisions)
    corrected = {item.claim.id: item.attribution for item in items}
    dir_ = direction(analysis.language)
    lang = analysis.language if analysis.language != "und" else "en"
    title = summary.title if summary else "checklist"
    done = sum(item.done for item in items)
    return "\n".join([
        "<!doctype html>",
        f'<html lang="{html.escape(lang)}" dir="{dir_}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(f'Checklist: {title}')}</title>",
        f"<style>{_PAGE_CSS}</style>",
        "</head>",
        "<body>",
        f'<h1 dir="auto">{html.escape(title)}</h1>',
        f'<p class="meta" dir="auto">{html.escape(_html_meta(report, summary))} · {done} of {len(to_review(items))} claims done</p>',
        *([f'<p class="meta"><strong>{html.escape(note)}</strong></p>'] if (note := not_checked_note(report)) else []),
        "<h2>Article</h2>",
        legend_html(analysis, attributions=corrected),
        highlight_article_html(analysis, attributions=corrected),
        "<h2>Checklist</h2>",
        _html_table(items),
        "</body>",
        "</html>",
    ]) + "\n"


def _html_meta(report: Report, summary: AnalysisSummary | None) -> str:
    facts = [f"language: {report.analysis.language}"]
    if summary:
        facts[:0] = [f"analysis {summary.id}", f"saved {summary.created_at[:16].replace('T', ' ')} UTC"]
        if summary.url:
            facts.append(summary.url)
    return " · ".join(facts)


def _html_table(items: Iterable[ReviewedClaim]) -> str:
    head = "".join(f"<th>{name}</th>" for name in ("", "Claim", "Source", "Verdict", "Status", "Left to do"))
    rows = "".join(_html_row(item) for item in items)
    return f'<table class="checklist"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _html_row(item: ReviewedClaim) -> str:
    """Each piece of text in its own `dir="auto"` block, so Arabic and English lines each read their own way."""
    box = "☑" if item.done else "–" if item.status == "not_a_claim" else "☐"
    verdict = _label(item.verdict) if item.verdict else "—"
    note = f'<div class="note" dir="auto">Note: {html.escape(item.note)}</div>' if item.note else ""
    evidence = "".join(
        f'<li dir="auto"><a href="{html.escape(m.url)}">{html.escape(m.title or m.outlet or m.url)}</a></li>'
        for m in (item.check.evidence[:3] if item.check else ()) if m.url and _is_web_url(m.url)
    )
    return (
        f'<tr><td class="box">{box}</td>'
        f'<td><b>{html.escape(item.claim.id)}</b><div dir="auto">{html.escape(item.claim.text)}</div>{note}</td>'
        f'<td><div dir="auto">{_html_source(item)}</div></td>'
        f"<td>{html.escape(verdict)}{_html_list(item.verdict_reasons)}<ul>{evidence}</ul></td>"
        f"<td>{html.escape(_label(item.status))}{_html_by(item)}</td>"
        f"<td>{_html_list(left_to_do(item))}</td></tr>"
    )


def _html_list(lines: Iterable[str]) -> str:
    return "<ul>" + "".join(f'<li dir="auto">{isolate_rtl(line)}</li>' for line in lines) + "</ul>"


def _html_source(item: ReviewedClaim) -> str:
    """The source line with each name and cue isolated, so an Arabic speaker cannot reorder the line."""
    attribution = item.attribution
    if attribution.kind == "none" and attribution.outlet is None and not attribution.speaker:
        parts = ["no source cited"]
    else:
        parts = [html.escape(attribution.kind.replace("_", " "))]
        if attribution.outlet:
            parts.append(f"outlet: <bdi>{html.escape(attribution.outlet.name)}</bdi>")
        if attribution.speaker:
            parts.append(f"speaker: <bdi>{html.escape(attribution.speaker)}</bdi>")
        if attribution.cue:
            parts.append(f"cue: «<bdi>{html.escape(attribution.cue)}</bdi>»")
    if item.link_confirmed:
        parts.append("link confirmed")
    elif item.link_corrected:
        parts.append("link corrected by reviewer")
    return "; ".join(parts)


def _html_by(item: ReviewedClaim) -> str:
    if not (item.reviewer and item.reviewed_at):
        return ""
    when = item.reviewed_at[:16].replace("T", " ")
    return f'<div class="by" dir="auto">{html.escape(item.reviewer)}, {html.escape(when)}</div>'


def _is_web_url(url: str) -> bool:
    """Only http(s) links become clickable: a stored `javascript:` URL must not."""
    return url.lower().startswith(("http://", "https://"))


_PAGE_CSS = """
body { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.4em; unicode-bidi: plaintext; }
.meta { color: #555; }
table.checklist { border-collapse: collapse; width: 100%; }
table.checklist th, table.checklist td { border: 1px solid #bbb; padding: .4em; vertical-align: top;
  text-align: start; unicode-bidi: plaintext; }
td.box { font-size: 1.3em; text-align: center; }
td ul { margin: .2em 0; padding: 0; list-style-position: inside; }
.by { color: #555; font-size: .85em; }
.note { color: #444; font-style: italic; margin-top: .3em; }
@media print {
  body { margin: 0; font-size: 11pt; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.checklist tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; word-break: break-all; }
}
"""


def _label(value: str) -> str:
    return value.replace("_", " ")


