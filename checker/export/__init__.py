"""The review checklist of a stored analysis as Markdown, CSV, JSON, ClaimReview JSON-LD or printable HTML.

Every format is built from the same `reviewed_view` (the claims after the
reviewer's corrections) and the same `left_to_do` rules, so a claim that is
done in the app is done in every file a reviewer hands on.

The parts: `files` (which format gives which file), `checklist` (what is left
to do on a claim), and one module per format: `markdown_file`, `csv_file`,
`json_file`, `claimreview` and `html_file`.
"""
from checker.export.checklist import MAX_FIGURES_NAMED, NOT_CHECKED_TODO, is_anonymous, left_to_do, to_review
from checker.export.claimreview import (
    RatingScale,
    claim_link,
    claimreview_items,
    rating_scale,
    script_safe_json,
    to_claimreview,
)
from checker.export.csv_file import CSV_COLUMNS, to_csv
from checker.export.files import EXTENSIONS, FORMATS, MEDIA_TYPES, export_analysis, export_filename, export_report
from checker.export.html_file import to_html
from checker.export.json_file import to_json
from checker.export.markdown_file import to_markdown

__all__ = [
    "CSV_COLUMNS",
    "EXTENSIONS",
    "FORMATS",
    "MAX_FIGURES_NAMED",
    "MEDIA_TYPES",
    "NOT_CHECKED_TODO",
    "RatingScale",
    "claim_link",
    "claimreview_items",
    "export_analysis",
    "export_filename",
    "export_report",
    "is_anonymous",
    "left_to_do",
    "rating_scale",
    "script_safe_json",
    "to_claimreview",
    "to_csv",
    "to_html",
    "to_json",
    "to_markdown",
    "to_review",
]
