"""The verdict on a claim from its weighed passages: supported, contradicted, conflicting or not enough evidence.

Contradicted needs a contradiction a person can verify; copies of one story count once; independent outlets on
both sides make the claim conflicting.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

from checker.calibration import calibrated
from checker.models import Verdict
from checker.normalize import search_form
from checker.verdict import passage
from checker.verdict.passage import AssessedPassage
from checker.verdict.reasons import snippet, who, why_against, why_for

# Two passages sharing this share of their word 3-grams are one story (syndicated or copied), counted once.
DUPLICATE_JACCARD = 0.6

# How much closer to the claim the passage naming all its anchors must be (see `_another_event`); 1.01 turns it off.
# Chosen by scripts/tune_verdict_coverage.py (session 39, forty-three sets: 0.2 in 13 of 25 folds, 0.1 in 12, off in
# none).
ANOTHER_EVENT_MARGIN = 0.2


def decide_verdict(assessed: Sequence[AssessedPassage]) -> Verdict:
    """Contradicted needs a contradiction a person can verify (a slot: number, actor roles, place, date,
    negation; a denial, an opposite, a "False" rating) from a passage about the same event. When independent
    outlets (not copies of one story) support the claim and others verifiably contradict it, the verdict is
    "conflicting", unless a fact-check rating decides. The stance model alone never contradicts: off its
    training data it reads reworded agreement as disagreement (see docs/verdict.md)."""
    kept = independent(assessed)
    against = [a for a in kept if a.stance == "disagree" and (a.weighs or _slot_conflict_counts(a, assessed))
               and not _another_event(a, assessed)]
    doubts = {id(a): doubt for a in kept if (doubt := doubted(a, assessed)) is not None}
    for_it = [a for a in kept if a.stance == "agree" and a.weighs and id(a) not in doubts]
    verifiable = [a for a in against if a.explicit]
    rated = [a for a in verifiable if a.review]
    if verifiable and for_it and not rated and _outlets(verifiable) - _outlets(for_it) and _outlets(for_it) - _outlets(verifiable):
        reasons = [f"conflicting: {why_against(verifiable[0])}", f"but {why_for(for_it[0])}",
                   _tally(for_it, against)]
        score = calibrated(max(verifiable[0].strength, for_it[0].strength), "conflicting")
        return Verdict("conflicting", score, tuple(reasons))
    if verifiable:
        reasons = [f"contradicted: {why_against(verifiable[0])}"]
        reasons += [f"but {why_for(for_it[0])}"] if for_it else []
        return Verdict("contradicted", calibrated(verifiable[0].strength, "contradicted"),
                       tuple(reasons + [_tally(for_it, against)]))
    if for_it:
        reasons = [f"supported: {why_for(for_it[0])}"]
        reasons += [f"but {why_against(against[0])}"] if against else []
        return Verdict("supported", calibrated(for_it[0].strength, "supported"), tuple(reasons + [_tally(for_it, against)]))
    if against:
        return Verdict("not_enough_evidence", 0.0, (
            f"not enough evidence: only the stance model finds a disagreement: {why_against(against[0])}",))
    doubtful = [a for a in kept if id(a) in doubts and a.weighs]
    if doubtful:
        return Verdict("not_enough_evidence", 0.0, (
            f"not enough evidence: {why_for(doubtful[0])}; but its own story reads otherwise: "
            f"{why_against(doubts[id(doubtful[0])])}",))
    return Verdict("not_enough_evidence", 0.0, (_why_not_enough(assessed),))


def _another_event(item: AssessedPassage, assessed: Sequence[AssessedPassage]) -> bool:
    """A passage whose story misses some of the claim's anchors, when another document's passage names them all, is
    closer to the claim (by ANOTHER_EVENT_MARGIN of similarity) and contradicts nothing: that one reports the
    claim's event, this one another (a 2018 report on Ghouta against a 2016 claim on a Damascus camp)."""
    if item.anchor_share >= 1.0 or item.review or ANOTHER_EVENT_MARGIN > 1.0:
        return False
    return any(other.hit.document_id != item.hit.document_id and other.stance != "disagree"
               and other.anchor_share >= 1.0 and other.claim_text
               and other.result.similarity >= item.result.similarity + ANOTHER_EVENT_MARGIN for other in assessed)


def _slot_conflict_counts(item: AssessedPassage, assessed: Sequence[AssessedPassage]) -> bool:
    """A slot conflict too weak to weigh by strength still counts when its passage holds SLOT_CONFLICT_COVERAGE of
    the claim (a slot conflict needs COVERAGE_SAME_EVENT already) and no passage agrees with the claim: it can turn
    "not enough evidence" into "contradicted", never outweigh or split a support (the story that says the claim has
    its conflict about another detail of it)."""
    if item.slot_conflict is None or item.coverage < passage.SLOT_CONFLICT_COVERAGE:
        return False
    return not any(other.stance == "agree" and other.weighs for other in assessed if other is not item)


def doubted(item: AssessedPassage, assessed: Sequence[AssessedPassage]) -> AssessedPassage | None:
    """A passage of the same story the stance model reads as disagreeing (similarity >= DOUBT_SIMILARITY, score >=
    DOUBT_SCORE), when
    `item` agrees only by its words (coverage): then its agreement does not support the claim."""
    if not item.covered:
        return None
    return next((other for other in assessed
                 if other is not item and other.hit.document_id == item.hit.document_id
                 and other.stance == "disagree" and not other.explicit
                 and other.result.similarity >= passage.DOUBT_SIMILARITY
                 and other.result.score >= passage.DOUBT_SCORE), None)


def independent(assessed: Sequence[AssessedPassage]) -> list[AssessedPassage]:
    """One passage per story: near-duplicates (a wire story syndicated by several outlets) count once,
    the strongest copy kept; the rest keep their order."""
    kept: list[AssessedPassage] = []
    shingles: list[frozenset[str]] = []
    for item in sorted(assessed, key=lambda a: a.strength, reverse=True):
        own = _shingles(item.hit.text)
        if any(_jaccard(own, other) >= DUPLICATE_JACCARD for other in shingles):
            continue
        kept.append(item)
        shingles.append(own)
    order = {id(a): i for i, a in enumerate(assessed)}
    return sorted(kept, key=lambda a: order[id(a)])


@lru_cache(maxsize=8192)
def _shingles(text: str) -> frozenset[str]:
    words = search_form(text).split()
    return frozenset(" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _outlets(assessed: Sequence[AssessedPassage]) -> set[str]:
    return {search_form(who(a).split(" (")[0]) for a in assessed}


def _tally(for_it: Sequence[AssessedPassage], against: Sequence[AssessedPassage]) -> str:
    return (f"{len(for_it)} passage(s) agree, {len(against)} disagree "
            f"(independent stories; outlets: {len(_outlets(for_it))} for, {len(_outlets(against))} against)")


def _closest_withheld(assessed: Sequence[AssessedPassage],
                      withheld: Callable[[AssessedPassage], bool]) -> AssessedPassage | None:
    """The most similar passage that could have counted but for `withheld` (a missing anchor, doer or a negation)."""
    return max((a for a in assessed if a.result.similarity >= a.similarity_floor and withheld(a)),
               key=lambda a: a.result.similarity, default=None)


def _why_not_enough(assessed: Sequence[AssessedPassage]) -> str:
    if not assessed:
        return "not enough evidence: nothing in the evidence store matches this claim"
    unanchored = _closest_withheld(assessed, lambda a: bool(a.unanchored))
    if unanchored is not None:
        names = ", ".join(f"«{text}»" for text in unanchored.unanchored)
        return (f"not enough evidence: {who(unanchored)} says much the same, but its story never names {names}: "
                f"«{snippet(unanchored.hit.text)}»")
    doer = _closest_withheld(assessed, lambda a: a.doer_unsaid)
    if doer is not None and doer.cleft is not None:
        cleft = doer.cleft.cleft
        return (f"not enough evidence: {who(doer)} says much the same, but not that «{cleft.focus.text}» is the one "
                f"who «{cleft.verb.text}»: «{snippet(doer.hit.text)}»")
    negated = _closest_withheld(assessed, lambda a: bool(a.negation_withheld))
    if negated is not None:
        return (f"not enough evidence: {who(negated)} reads like the claim, but says «{negated.negation_withheld}»: "
                f"«{snippet(negated.hit.text)}»")
    closest = max(assessed, key=lambda a: a.result.similarity)
    if closest.result.decided_by == "polarity":
        return (f"not enough evidence: the closest passage ({who(closest)}, similarity "
                f"{closest.result.similarity:.2f}) is in the other language and asserts what the claim negates: "
                f"«{snippet(closest.hit.text)}»")
    if closest.result.decided_by == "other_event":
        why = next((s for s in closest.result.signals if s.startswith("about another event")), "about another event")
        return (f"not enough evidence: the closest passage ({who(closest)}, similarity "
                f"{closest.result.similarity:.2f}) is {why}")
    return (f"not enough evidence: no stored passage addresses this claim "
            f"(closest: {who(closest)}, similarity {closest.result.similarity:.2f}, {closest.result.stance})")
