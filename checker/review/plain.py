"""Rebuilding the pipeline's dataclasses from the plain JSON they were stored as.

A saved analysis and a machine re-check are both stored as plain dicts; keys a newer checker
may have added are ignored, so an older checker still reopens them.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any, Mapping

from checker.models import Attribution, Claim, ClaimCheck, EvidenceMatch, NumberMention, Outlet, SourceCheck, Verdict


def from_plain(cls: type, data: Mapping[str, Any]) -> Any:
    """A dataclass from its plain dict, ignoring keys a newer checker may have added."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names})


def claim_from_plain(data: Mapping[str, Any]) -> Claim:
    attribution = dict(data["attribution"])
    outlet = attribution.get("outlet")
    attribution["outlet"] = from_plain(Outlet, outlet) if outlet else None
    return from_plain(Claim, {
        **data,
        "numbers": [from_plain(NumberMention, n) for n in data["numbers"]],
        "attribution": from_plain(Attribution, attribution),
    })


def check_from_plain(data: Mapping[str, Any]) -> ClaimCheck:
    return ClaimCheck(
        claim_id=data["claim_id"],
        evidence=tuple(from_plain(EvidenceMatch, m) for m in data["evidence"]),
        verdict=from_plain(Verdict, data["verdict"]),
        source_check=from_plain(SourceCheck, data["source_check"]),
    )
