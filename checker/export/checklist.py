"""What is left to do on each claim, and the wording every format prints a claim's state in.

Every format asks `left_to_do` and `to_review`, so a claim that is done in the app is done in every
file; the open work is derived from the claim's data, never stored.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from checker.config import DATA_DIR
from checker.normalize import search_form
from checker.review import ReviewedClaim

MAX_FIGURES_NAMED = 3
# A claim the evidence stage left out (over CHECKER_EVIDENCE_CLAIMS) or added by a reviewer and not re-checked.
NOT_CHECKED_TODO = "not checked against the evidence: confirm or correct its source in the desk to check it"


def left_to_do(item: ReviewedClaim) -> list[str]:
    """The open work on one claim, derived from its data; empty once it is done or ruled not a claim."""
    if item.status in ("done", "not_a_claim"):
        return []
    attribution, check = item.attribution, item.check
    todo: list[str] = []
    if item.status == "needs_work":
        todo.append("flagged as needing work" + (": see the reviewer's note" if item.note else ""))
    if attribution.outlet is not None:
        status = item.source_status  # for the link as it now stands (re-checked after a correction)
        if status == "contradicted":
            todo.append(f"the stored {attribution.outlet.name} reporting says otherwise: compare with the original")
        elif status != "confirmed":
            todo.append(f"find the original {attribution.outlet.name} report")
    if attribution.speaker and is_anonymous(attribution.speaker):
        todo.append(f"identify the anonymous source ({attribution.speaker})")
    if attribution.kind == "none" and attribution.outlet is None and not attribution.speaker:
        todo.append("no source cited: find who first reported this")
    elif not (item.link_confirmed or item.link_corrected):
        todo.append("confirm the source link")
    if item.claim.numbers and item.verdict != "supported":
        figures = ", ".join(n.text for n in item.claim.numbers[:MAX_FIGURES_NAMED])
        todo.append(f"confirm the figure{'s' if len(item.claim.numbers) > 1 else ''} {figures}")
    if item.verdict_overridden:
        return todo
    if check is None:
        todo.append(NOT_CHECKED_TODO)
    elif not check.evidence:
        todo.append("no evidence stored: search for reporting on this claim")
    elif item.verdict == "contradicted":
        todo.append("the evidence contradicts the claim: confirm the verdict")
    elif item.verdict == "conflicting":
        todo.append("independent outlets disagree: weigh their reports and find the primary source")
    elif item.verdict == "not_enough_evidence":
        todo.append("the stored evidence is inconclusive: look for a primary source")
    return todo


def is_anonymous(speaker: str) -> bool:
    """Whether a speaker is an unnamed source ("a senior official", "مصادر مطلعة"), per data/review.toml."""
    return _anonymous_pattern().search(f" {search_form(speaker).lower()} ") is not None


@lru_cache(maxsize=1)
def _anonymous_pattern() -> re.Pattern[str]:
    with open(DATA_DIR / "review.toml", "rb") as file:
        data = tomllib.load(file)["anonymous_speaker"]
    words = sorted({search_form(w).lower() for w in (*data["ar"], *data["en"])}, key=len, reverse=True)
    prefixes = "|".join(re.escape(search_form(p)) for p in sorted(data["prefixes"], key=len, reverse=True))
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{prefixes})?(?:{alternatives})(?![\w])")


def to_review(items: list[ReviewedClaim]) -> list[ReviewedClaim]:
    """The claims on the to-do list: everything but those a reviewer ruled not a claim."""
    return [item for item in items if item.status != "not_a_claim"]


def label(value: str) -> str:
    """A status or verdict as a reader sees it ("needs_work" -> "needs work")."""
    return value.replace("_", " ")


def is_web_url(url: str) -> bool:
    """Only http(s) links become clickable: a stored `javascript:` URL must not."""
    return url.lower().startswith(("http://", "https://"))
