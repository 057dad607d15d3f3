"""Which documents a parsed JSON value holds: plain {"text": ...} objects, and ClaimReview fact-checks.

JSON-LD containers (lists, @graph, DataFeed) and the Google Fact Check Tools API are flattened first;
a fact-check becomes a document that states the claim reviewed, then who rated it and how, in the
claim's language.
"""
from __future__ import annotations

from typing import Any, Iterator

from checker.feeds.factcheck import from_factcheck_api, is_factcheck_api
from checker.language import detect_language
from checker.store.ingest.documents import NewDocument, validated


def documents_from_json(value: Any) -> list[NewDocument | str]:
    """The documents in a parsed JSON value (ClaimReview, JSON-LD containers, Fact Check API claims)."""
    return [document for document in map(document_from, expand(value)) if document is not None]


def expand(value: Any) -> Iterator[Any]:
    """Flatten JSON-LD containers: lists, @graph, DataFeed.dataFeedElement, DataFeedItem.item."""
    if isinstance(value, list):
        for element in value:
            yield from expand(element)
    elif isinstance(value, dict) and "@graph" in value:
        yield from expand(value["@graph"])
    elif isinstance(value, dict) and "dataFeedElement" in value:
        yield from expand(value["dataFeedElement"])
    elif isinstance(value, dict) and "DataFeedItem" in _types(value) and "item" in value:
        yield from expand(value["item"])
    elif is_factcheck_api(value):  # Google Fact Check Tools API: {"claims": [...]} or one claim with claimReview[]
        yield from expand(from_factcheck_api(value))
    else:
        yield value


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, list):
        return {str(k) for k in kind}
    return {kind} if isinstance(kind, str) else set()


def document_from(obj: Any) -> NewDocument | str | None:
    """A document, the reason it is rejected, or None for a {"_comment": ...} line (a note for people)."""
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    if set(obj) == {"_comment"}:
        return None
    if is_claim_review(obj):
        return claim_review(obj)
    if not isinstance(obj.get("text"), str):
        return 'no "text" field (each line needs at least {"text": "..."})'
    fields = {key: obj.get(key) for key in ("url", "title", "outlet", "published", "language")}
    wrong = [key for key, value in fields.items() if value is not None and not isinstance(value, str)]
    if wrong:
        return f'"{wrong[0]}" must be a string'
    return validated(NewDocument(text=obj["text"], source_kind="jsonl", **fields))


def is_claim_review(obj: Any) -> bool:
    return isinstance(obj, dict) and ("ClaimReview" in _types(obj) or "claimReviewed" in obj)


def publisher(json_ld: tuple[Any, ...]) -> str | None:
    """The outlet a page names itself in its JSON-LD (NewsArticle.publisher), when the caller gave none."""
    for obj in expand(list(json_ld)):
        if isinstance(obj, dict) and not is_claim_review(obj) and obj.get("publisher"):
            return _name(obj["publisher"])
    return None


def claim_review(obj: dict[str, Any], *, page_url: str | None = None,
                 page_outlet: str | None = None) -> NewDocument | str:
    """A fact-check becomes a document: the claim reviewed, then who rated it and how."""
    claim = _plain(obj.get("claimReviewed"))
    if not claim:
        return "a ClaimReview without claimReviewed"
    rating = _rating(obj.get("reviewRating"))
    if not rating:
        return "a ClaimReview without a reviewRating (alternateName or ratingValue)"
    checker_name = _name(obj.get("author")) or _name(obj.get("publisher")) or page_outlet
    reviewed = obj.get("itemReviewed")
    claimant = _name(reviewed.get("author")) if isinstance(reviewed, dict) else None
    language = _language(obj.get("inLanguage")) or detect_language(claim)
    return validated(NewDocument(
        text=f"{claim}\n{_rating_line(language, checker_name, claimant, rating)}",
        url=_plain(obj.get("url")) or page_url, title=_plain(obj.get("headline")) or _plain(obj.get("name")),
        outlet=checker_name, published=_plain(obj.get("datePublished")), language=language,
        source_kind="claimreview", claim_reviewed=claim, rating=rating,
    ))


def _rating_line(language: str, checker_name: str | None, claimant: str | None, rating: str) -> str:
    if language == "ar":
        by = f" (صاحب الادعاء: {claimant})" if claimant else ""
        return f"تقييم {checker_name or 'مدقق الحقائق'}: {rating}{by}"
    by = f" (claim made by {claimant})" if claimant else ""
    return f"{checker_name or 'Fact-checker'} rating: {rating}{by}"


def _rating(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return _plain(value)
    label = _plain(value.get("alternateName")) or _plain(value.get("name"))
    if label:
        return label
    score = _plain(value.get("ratingValue"))
    best = _plain(value.get("bestRating"))
    return f"{score}/{best}" if score and best else score


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        return next((n for n in map(_name, value) if n), None)
    if isinstance(value, dict):
        return _plain(value.get("name")) or _plain(value.get("alternateName"))
    return _plain(value)


def _language(value: Any) -> str | None:
    code = _name(value)
    return code.split("-")[0].lower() if code else None


def _plain(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = f"{value:g}"
    if not isinstance(value, str):
        return None
    return value.strip() or None
