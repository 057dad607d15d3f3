"""text -> sentences -> claims -> attribution: the stages a pasted article goes through."""
from __future__ import annotations

from checker.attribution import attribute
from checker.outlets import OutletRegistry, load_registry
from checker.claims import extract_claims
from checker.language import detect_language
from checker.models import Analysis
from checker.segment import split_sentences


def analyze(text: str, registry: OutletRegistry | None = None) -> Analysis:
    """Claims and their cited sources for one article (no database, no model).

    `registry` adds the outlets a reviewer registered in claims.db to the shipped ones.
    """
    sentences = split_sentences(text)
    claims, non_claims = extract_claims(text, sentences)
    claims = attribute(text, sentences, claims, registry or load_registry())
    return Analysis(
        text=text,
        language=detect_language(text),
        sentences=sentences,
        claims=claims,
        non_claims=non_claims,
    )
