"""schema.org ClaimReview for the claims a reviewer rated, on the newsroom's own rating scale.

Only a reviewer's verdict is published (never the machine's alone); the scale and the publisher come
from data/claimreview.toml, which a newsroom edits.
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping
from urllib.parse import urlencode

from checker.config import DATA_DIR
from checker.errors import InputError
from checker.export.checklist import is_anonymous
from checker.models import Attribution, Report
from checker.review import AnalysisSummary, ClaimDecisions, Decision, ReviewedClaim, reviewed_view


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
