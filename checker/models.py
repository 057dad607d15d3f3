"""Plain data passed between pipeline stages.

Every span carries character offsets into the analysed text, so the UI can
highlight it and no later stage has to find it again.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from typing import Any, Literal

AttributionKind = Literal["direct_quote", "indirect", "according_to", "none"]
OutletFrom = Literal["sentence", "story", "dateline", "carried"]
DecidedBy = Literal["rules", "model"]
VerdictLabel = Literal["supported", "contradicted", "conflicting", "not_enough_evidence"]
SourceStatus = Literal["confirmed", "not_found", "contradicted", "no_source"]
Stance = Literal["agree", "disagree", "other"]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the input; `paragraph` counts blank-line separated blocks."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class NumberMention:
    """A number or date found in a claim. `low`/`high` differ for ranges."""

    text: str
    start: int
    end: int
    value: float | None
    kind: Literal["number", "percent", "date", "year", "money", "ordinal", "hijri"] = "number"
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None


@dataclass(frozen=True)
class Outlet:
    """A news organisation; `known` is False for one caught only by its pattern."""

    id: str
    name: str
    known: bool = True


@dataclass(frozen=True)
class Attribution:
    """Who a claim is attributed to and the words that say so."""

    kind: AttributionKind = "none"
    outlet: Outlet | None = None
    speaker: str | None = None
    cue: str | None = None
    confidence: float = 1.0
    carried_from: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    outlet_start: int | None = None
    outlet_end: int | None = None
    # Issue 7: where the outlet came from, the outlets that carried the original's report ("..., according to
    # Reuters"), the mention a resolved speaker was read from ("he", "the minister") and which component decided.
    via: tuple[Outlet, ...] = ()
    outlet_from: OutletFrom | None = None
    resolved_from: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    decided_by: DecidedBy = "rules"


NO_ATTRIBUTION = Attribution()


@dataclass(frozen=True)
class Claim:
    """An atomic check-worthy statement; `input[start:end] == text`."""

    id: str
    text: str
    start: int
    end: int
    sentence_index: int
    sentence: str
    checkworthiness: float
    numbers: tuple[NumberMention, ...] = ()
    attribution: Attribution = NO_ATTRIBUTION


@dataclass(frozen=True)
class NonClaim:
    """A line or sentence kept out of the claims, with the reason why."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Analysis:
    """Claims and attribution for one text: the output of `checker.pipeline.analyze`."""

    text: str
    language: str
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    non_claims: tuple[NonClaim, ...]


@dataclass(frozen=True)
class EvidenceMatch:
    """A stored passage retrieved for a claim, with the checks that scored it."""

    passage_id: int
    text: str
    outlet: str | None
    url: str | None
    published: str | None
    similarity: float
    stance: Stance
    score: float
    title: str | None = None
    reasons: tuple[str, ...] = ()
    from_cited_outlet: bool = False
    also_carried_by: tuple[str, ...] = ()  # other outlets that ran the same report (syndicated copies)


@dataclass(frozen=True)
class Verdict:
    label: VerdictLabel
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceCheck:
    """Whether the outlet a claim cites has stored reporting that says the same."""

    status: SourceStatus
    passage_id: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ClaimCheck:
    """The evidence stage's result for one claim."""

    claim_id: str
    evidence: tuple[EvidenceMatch, ...]
    verdict: Verdict
    source_check: SourceCheck


@dataclass(frozen=True)
class Report:
    """An analysis with its evidence checks (empty when run with --no-evidence)."""

    analysis: Analysis
    checks: tuple[ClaimCheck, ...] = field(default_factory=tuple)

    def check_for(self, claim_id: str) -> ClaimCheck | None:
        return self._by_claim.get(claim_id)

    @cached_property
    def _by_claim(self) -> dict[str, ClaimCheck]:
        """The first check of each claim, so looking every claim up stays linear in a long article."""
        found: dict[str, ClaimCheck] = {}
        for check in self.checks:
            found.setdefault(check.claim_id, check)
        return found

    @property
    def not_checked(self) -> tuple[str, ...]:
        """Ids of the claims the evidence stage left out (over CHECKER_EVIDENCE_CLAIMS), in reading order.

        Empty when the evidence was not consulted at all (`analyze --no-evidence`: no checks), since then no
        claim was meant to be checked.
        """
        if not self.checks:
            return ()
        return tuple(claim.id for claim in self.analysis.claims if claim.id not in self._by_claim)


def to_plain(obj: Any) -> Any:
    """dataclasses -> dicts/lists, for JSON.

    Field by field rather than through `asdict`, which deep-copies every value first: the same dicts, at a
    fraction of the cost on an article of tens of thousands of claims.
    """
    names = _field_names(type(obj)) if hasattr(obj, "__dataclass_fields__") else None
    if names is not None:
        return {name: to_plain(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class PassageHit:
    """A passage found by hybrid search, before any stance check."""

    passage_id: int
    document_id: int
    text: str
    score: float
    similarity: float
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    lexical_rank: int | None = None
    dense_rank: int | None = None
