"""The checklist as CSV: one row per claim, safe to open in a spreadsheet.

A cell that a spreadsheet would run as a formula gets a quote in front; `export_report` adds the
BOM Excel needs to show Arabic.
"""
from __future__ import annotations

import csv
import io
from typing import Mapping

from checker.export.checklist import left_to_do
from checker.models import Report
from checker.review import ClaimDecisions, ReviewedClaim, reviewed_view

CSV_COLUMNS = (
    "id", "claim", "outlet", "speaker", "cue", "kind", "confidence", "checkworthiness", "numbers", "verdict",
    "verdict reasons", "source check", "top evidence url", "status", "reviewer", "note", "to do",
)
# Spreadsheet programs run a cell starting with these as a formula; a quote in front keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
