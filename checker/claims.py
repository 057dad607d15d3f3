"""PLACEHOLDER (to be replaced by the claims work)."""
from __future__ import annotations

from checker.models import Claim, NonClaim, Sentence


def extract_claims(text: str, sentences: tuple[Sentence, ...]) -> tuple[tuple[Claim, ...], tuple[NonClaim, ...]]:
    claims = tuple(
        Claim(id=f"c{i + 1}", text=s.text, start=s.start, end=s.end, sentence_index=s.index, sentence=s.text,
              checkworthiness=0.5)
        for i, s in enumerate(sentences)
    )
    return claims, ()
