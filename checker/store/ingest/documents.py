"""What a document must be to be stored: cleaned text within limits, a real date, fields of sane length.

A document that fails is not an error for the whole import: `validated` returns the reason, and the
import lists it as that line's problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from checker.language import detect_language

# Longest accepted field values (characters): a 5 MB "title" is a mistake, and it would be shown everywhere.
FIELD_LIMITS = {"url": 4_096, "title": 1_000, "outlet": 200, "language": 20, "rating": 500}
# An evidence document is only split into passages, never analysed whole: it may be longer than an article.
MAX_DOCUMENT_CHARS = 2_000_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

# Where a document came from in its input: a line number, or a name such as "item 3" or "ClaimReview 1".
Location = int | str


@dataclass(frozen=True)
class NewDocument:
    """A document as given, before its outlet is resolved and its passages cut."""

    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source_kind: str = "text"
    claim_reviewed: str | None = None
    rating: str | None = None


def validated(document: NewDocument) -> NewDocument | str:
    """Clean the text and check the fields a user typed; a string is the reason for refusing."""
    text = document.text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if not text:
        return "the text is empty"
    if len(text) > MAX_DOCUMENT_CHARS:
        return f"the text is {len(text):,} characters, over the {MAX_DOCUMENT_CHARS:,} limit for one document"
    published = _published(document.published)
    if document.published and published is None:
        return f"published {document.published!r} is not a date (use YYYY-MM-DD)"
    for name, limit in FIELD_LIMITS.items():
        value = getattr(document, name, None)
        if value is not None and len(value) > limit:
            return f"{name} is {len(value):,} characters; the limit is {limit:,}"
    if document.outlet is not None and document.outlet.strip() and not re.search(r"\w", document.outlet):
        return f"outlet {document.outlet!r} has no letters or digits to name an outlet by"
    url = (document.url or "").strip() or None
    if url and not re.match(r"^https?://\S+$", url):
        return f"url {url!r} is not an http(s) address"
    return replace(document, text=text, url=url, published=published, title=(document.title or "").strip() or None,
                   language=(document.language or "").strip().lower() or detect_language(text))


def _published(value: str | None) -> str | None:
    """YYYY-MM-DD (a timestamp keeps only its date), or None when it is not a real date."""
    value = (value or "").strip()
    if not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
