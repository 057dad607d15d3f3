"""Which export formats exist, the file each one gives, and the one entry point that builds them."""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

import sqlite_utils

from checker.errors import InputError
from checker.export.claimreview import to_claimreview
from checker.export.csv_file import to_csv
from checker.export.html_file import to_html
from checker.export.json_file import to_json
from checker.export.markdown_file import to_markdown
from checker.models import Report
from checker.review import (
    AnalysisSummary,
    ClaimDecisions,
    Decision,
    analysis_summary,
    current_decisions,
    decision_history,
    load_report,
    reviewed_report,
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
