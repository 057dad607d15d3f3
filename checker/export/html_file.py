"""The checklist as a standalone printable page: the highlighted article, then the checklist table.

Every piece of stored text is escaped, and each sits in its own `dir="auto"` block or <bdi>, so
Arabic and English lines each read their own way and a name cannot reorder its line.
"""
from __future__ import annotations

import html
from typing import Iterable, Mapping

from checker.export.checklist import is_web_url, label, left_to_do, to_review
from checker.models import Report
from checker.render import direction, highlight_article_html, isolate_rtl, legend_html
from checker.report import not_checked_note
from checker.review import AnalysisSummary, ClaimDecisions, ReviewedClaim, reviewed_view


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
    verdict = label(item.verdict) if item.verdict else "—"
    note = f'<div class="note" dir="auto">Note: {html.escape(item.note)}</div>' if item.note else ""
    evidence = "".join(
        f'<li dir="auto"><a href="{html.escape(m.url)}">{html.escape(m.title or m.outlet or m.url)}</a></li>'
        for m in (item.check.evidence[:3] if item.check else ()) if m.url and is_web_url(m.url)
    )
    return (
        f'<tr><td class="box">{box}</td>'
        f'<td><b>{html.escape(item.claim.id)}</b><div dir="auto">{html.escape(item.claim.text)}</div>{note}</td>'
        f'<td><div dir="auto">{_html_source(item)}</div></td>'
        f"<td>{html.escape(verdict)}{_html_list(item.verdict_reasons)}<ul>{evidence}</ul></td>"
        f"<td>{html.escape(label(item.status))}{_html_by(item)}</td>"
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
