"""Re-check claims against the evidence, and add the claims the machine missed, without losing a decision.

A re-check never edits a stored analysis or a reviewer's decision: the machine's fresh evidence,
verdict and source check are one more row in `decisions` (field "check", with what it said
before), so the history shows the machine's answer before and after, and `reviewed_view` uses
the latest one. A link correction re-checks its claim at once, for the outlet as corrected.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

import sqlite_utils

from checker.errors import InputError
from checker.models import Claim, Report
from checker.review import (
    Decision,
    current_decisions,
    record_added_claim,
    record_machine_check,
    reviewed_view,
)

AFTER_CORRECTION = "link corrected"
WHOLE_ANALYSIS = "re-check against the evidence"
ADDED_PREFIX = "r"


def recheck_claims(db: sqlite_utils.Database, analysis_id: int, report: Report, reviewer: str, *,
                   claim_keys: Iterable[str] | None = None, reason: str = WHOLE_ANALYSIS,
                   k: int = 5) -> list[Decision]:
    """Check the claims (all, or `claim_keys`) as reviewers left them: corrected links, added claims.

    All of them is bounded like the first analysis (CHECKER_EVIDENCE_CLAIMS, the most check-worthy first); the
    claims a reviewer names are all checked.
    """
    from checker.config import get_settings
    from checker.pipeline import check_bounded
    from checker.verdict import check_claims

    wanted = None if claim_keys is None else set(claim_keys)
    items = [item for item in reviewed_view(report, current_decisions(db, analysis_id))
             if wanted is None or item.claim.id in wanted]
    if not items:
        return []
    claims = [replace(item.claim, attribution=item.attribution) for item in items]
    found = check_claims(db, claims, k=k) if wanted is not None else \
        check_bounded(db, claims, get_settings().evidence_claims, k=k)
    checks = {check.claim_id: check for check in found}
    return [record_machine_check(db, analysis_id, item.claim.id, checks[item.claim.id], item.check, reviewer, reason)
            for item in items if item.claim.id in checks]


def add_missed_claim(db: sqlite_utils.Database, analysis_id: int, report: Report, text: str, reviewer: str, *,
                     start: int | None = None) -> Claim:
    """A claim the machine left out, given as words copied from the article (or a kept-out sentence's span)."""
    from checker import checkworthiness
    from checker.numbers import find_numbers

    article = report.analysis.text
    wanted = " ".join(text.split())
    if not wanted:
        raise InputError("copy the words of the missed claim from the article")
    if start is None:
        start = _find(article, wanted)
    end = start + len(wanted)
    if article[start:end] != wanted:
        raise InputError("the claim must be copied word for word from the article")
    items = reviewed_view(report, current_decisions(db, analysis_id))
    if any(item.claim.start == start and item.claim.end == end for item in items):
        raise InputError("that text is already a claim")
    sentence = next((s for s in report.analysis.sentences if s.start <= start < s.end), None)
    numbers = find_numbers(wanted, offset=start)
    claim = Claim(
        id=f"{ADDED_PREFIX}{1 + sum(item.added_by_reviewer for item in items)}",
        text=wanted, start=start, end=end,
        sentence_index=sentence.index if sentence else -1,
        sentence=sentence.text if sentence else wanted,
        checkworthiness=round(checkworthiness.score(wanted, numbers, report.analysis.language), 4),
        numbers=numbers,
    )
    record_added_claim(db, analysis_id, claim, reviewer)
    return claim


def _find(article: str, wanted: str) -> int:
    position = article.find(wanted)
    if position < 0:
        raise InputError("the claim must be copied word for word from the article")
    return position
