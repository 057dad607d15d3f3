"""The Google Fact Check Tools API's JSON, read as schema.org ClaimReview.

The API (and datasets collected from it, such as claimreview_ar) gives
`{"claims": [{"text", "claimant", "claimDate", "claimReview": [{"publisher":
{"name", "site"}, "url", "title", "reviewDate", "textualRating",
"languageCode"}]}]}`. Each review becomes the ClaimReview object checker's
importer already reads, with the fact-checker resolved through the outlet
registry: by its site first ("factcheckarabic.afp.com" is AFP Fact Check,
whatever the name field says), then by its name ("مسبار" is Misbar); a
fact-checker the registry does not know keeps its name (or its site when the
name is missing) and becomes a new outlet at import, listed in the summary.
"""
from __future__ import annotations

from typing import Any

MAX_RATING = 120


def is_factcheck_api(value: Any) -> bool:
    """An API response (`claims` list) or one API claim (text plus a `claimReview` list)."""
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("claims"), list) and "@type" not in value:
        return True
    return isinstance(value.get("claimReview"), list) and "claimReviewed" not in value


def from_factcheck_api(value: dict[str, Any]) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects, one per review, in the order given."""
    if isinstance(value.get("claims"), list):
        return [review for claim in value["claims"] if isinstance(claim, dict)
                for review in from_factcheck_api(claim)]
    return [_claim_review(value, review) for review in value.get("claimReview", [])]


def _claim_review(claim: dict[str, Any], review: Any) -> dict[str, Any]:
    if not isinstance(review, dict):
        return {"@type": "ClaimReview"}  # rejected by the importer with its reason (no claimReviewed)
    publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
    obj: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": claim.get("text"),
        "url": review.get("url"),
        "headline": review.get("title"),
        "datePublished": review.get("reviewDate") or claim.get("claimDate"),
        "inLanguage": review.get("languageCode"),
        "author": {"@type": "Organization", "name": fact_checker(publisher.get("name"), publisher.get("site"))},
    }
    rating = review.get("textualRating")
    if isinstance(rating, str) and rating.strip():
        obj["reviewRating"] = {"@type": "Rating", "alternateName": short_rating(rating)}
        if len(rating.strip()) > MAX_RATING:
            obj["reviewBody"] = rating.strip()
    if claim.get("claimant"):
        obj["itemReviewed"] = {"@type": "Claim", "author": {"@type": "Thing", "name": claim["claimant"]},
                               "datePublished": claim.get("claimDate")}
    return {key: value for key, value in obj.items() if value is not None}


def short_rating(rating: str) -> str:
    """Some checkers put their whole explanation in textualRating (up to 3,000 characters in claimreview_ar):
    the rating keeps its first MAX_RATING characters, cut at a word, and the whole text stays as reviewBody."""
    rating = " ".join(rating.split())
    if len(rating) <= MAX_RATING:
        return rating
    cut = rating.rfind(" ", 0, MAX_RATING)
    return rating[:cut if cut > MAX_RATING // 2 else MAX_RATING].rstrip(" ,،.") + "…"


def fact_checker(name: Any, site: Any) -> str | None:
    """The registry id of the fact-checker named by `site` or `name`, else the name (or site) as given."""
    from checker.outlets import load_registry

    name = name.strip().strip('"“”«»').strip() if isinstance(name, str) else ""
    site = site.strip() if isinstance(site, str) else ""
    registry = load_registry()
    by_domain = getattr(registry, "by_domain", None)  # registries without domains match by name only
    known = (by_domain(f"https://{site}") if site and by_domain else None) or (registry.find(name) if name else None)
    if known is not None and getattr(known, "known", True):
        return known.id
    return name or site or None
