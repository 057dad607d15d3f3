"""One claim as one flat row: the Parquet schema of a batch, and how an analysis becomes rows."""
from __future__ import annotations

from typing import Any

from checker.models import Analysis, Report

SCHEMA_FIELDS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"), ("site", "string"), ("url", "string"), ("language", "string"),
    ("claim_id", "string"), ("start", "int64"), ("end", "int64"), ("text", "string"),
    ("checkworthiness", "float64"), ("kind", "string"),
    ("outlet_id", "string"), ("outlet", "string"), ("outlet_from", "string"), ("via", "string"),
    ("speaker", "string"), ("cue", "string"), ("decided_by", "string"),
    ("verdict", "string"), ("verdict_score", "float64"), ("source_check", "string"),
)


def arrow_schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in SCHEMA_FIELDS])


def claim_rows(article_id: str, analysis: Analysis, *, site: str | None = None, url: str | None = None,
               report: Report | None = None) -> list[dict[str, Any]]:
    """Rows for every claim of one article; the verdict columns stay empty unless evidence was checked."""
    rows = []
    for claim in analysis.claims:
        attribution = claim.attribution
        check = report.check_for(claim.id) if report else None
        rows.append({
            "article_id": article_id, "site": site, "url": url, "language": analysis.language,
            "claim_id": claim.id, "start": claim.start, "end": claim.end, "text": claim.text,
            "checkworthiness": claim.checkworthiness, "kind": attribution.kind,
            "outlet_id": attribution.outlet.id if attribution.outlet else None,
            "outlet": attribution.outlet.name if attribution.outlet else None,
            "outlet_from": attribution.outlet_from,
            "via": ",".join(outlet.id for outlet in attribution.via) or None,
            "speaker": attribution.speaker, "cue": attribution.cue, "decided_by": attribution.decided_by,
            "verdict": check.verdict.label if check else None,
            "verdict_score": check.verdict.score if check else None,
            "source_check": check.source_check.status if check else None,
        })
    return rows
