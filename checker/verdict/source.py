"""The source check: does the cited outlet's own stored reporting say what the claim attributes to it?

It reads the same weighed passages as the verdict, only those of the cited outlet: confirmed when one of them
says it, contradicted when the outlet's own reporting verifiably differs, not_found otherwise, naming who does
carry the claim ("misattributed?").
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Sequence

from checker.config import DATA_DIR
from checker.models import Claim, SourceCheck
from checker.stance import StanceResult
from checker.verdict.passage import AssessedPassage
from checker.verdict.reasons import who, why_against, why_for

# The cited outlet confirms by a close passage (source_confirms) only when, in the same language, its best
# sentence also holds this much of the claim: a USA Today passage about the same debate at similarity 0.64 that
# holds 31% of the claim does not say what the claim attributes to USA Today. Chosen by the grouped cross-validation
# of scripts/tune_verdict_coverage.py over the verdict training sets (docs/verdict.md, set 23).
SOURCE_COVERAGE = 0.6


@lru_cache(maxsize=1)
def source_settings() -> dict[str, float]:
    data = tomllib.loads((DATA_DIR / "verdict.toml").read_text(encoding="utf-8"))
    return {key: float(value) for key, value in data["source_check"].items()}


def source_confirms(result: StanceResult, threshold: float | None = None) -> bool:
    """The cited outlet said it: its passage is this close to the claim (or agrees) and nothing in it
    verifiably differs (a slot, a denial, an opposite), and it is about the same event."""
    threshold = source_settings()["min_similarity"] if threshold is None else threshold
    if result.explicit and result.stance == "disagree" or result.decided_by == "other_event":
        return False
    return result.stance == "agree" or result.similarity >= threshold


def check_source(claim: Claim, assessed: Sequence[AssessedPassage], stored: int | None) -> SourceCheck:
    """Does the cited outlet's stored reporting say what the claim attributes to it?"""
    outlet = claim.attribution.outlet
    if outlet is None:
        speaker = claim.attribution.speaker
        return SourceCheck("no_source", reason=f"cites {speaker}, not an outlet" if speaker else "the claim cites no outlet")
    mine = [a for a in assessed if a.from_cited_outlet]
    # a verifiable difference in the outlet's own reporting outweighs a passage that is only close in wording:
    # the outlet reported the event, but not what the claim says of it
    against = [a for a in mine if a.stance == "disagree" and a.explicit and a.strength > 0]
    agreeing = [a for a in mine if a.stance == "agree" and a.weighs]
    close = [a for a in mine if a.review != "disagree" and a.stance != "disagree" and source_confirms(a.result)
             and (a.stance == "agree" or a.result.cross_language or a.coverage >= SOURCE_COVERAGE)]
    if agreeing or (close and not against):
        best = max(agreeing or close, key=lambda a: a.result.similarity)
        return SourceCheck("confirmed", best.hit.passage_id, why_for(best))
    if against:
        best = max(against, key=lambda a: a.strength)
        return SourceCheck("contradicted", best.hit.passage_id, f"{outlet.name}'s own reporting differs: {why_against(best)}")
    return SourceCheck("not_found", reason=_why_not_found(outlet.name, assessed, stored))


def _why_not_found(outlet: str, assessed: Sequence[AssessedPassage], stored: int | None) -> str:
    others = [a for a in assessed if not a.from_cited_outlet and a.stance == "agree" and a.weighs]
    where = (f"nothing in {outlet}'s {stored} stored document(s) says this" if stored
             else f"no reporting from {outlet} is stored")
    if not others:
        return where
    names = list(dict.fromkeys(who(a) for a in others))
    return f"{where}, but {', '.join(names[:3])} report it: misattributed?"
