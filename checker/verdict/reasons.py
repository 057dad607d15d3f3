"""The sentences a person reads: which outlet, which passage and which check decided, in words they can verify."""
from __future__ import annotations

from checker.slots.align import best_coverage
from checker.verdict.passage import AssessedPassage, EvidenceDocument

SNIPPET_CHARS = 160


def has_outlet(document: EvidenceDocument) -> bool:
    return bool(document.outlet_name or document.outlet_id)


def outlet_label(document: EvidenceDocument) -> str:
    return document.outlet_name or document.outlet_id or "an unattributed source"


def who(assessed: AssessedPassage) -> str:
    """'Reuters (2023-12-08)': the outlet and date a reason cites."""
    name = outlet_label(assessed.document) if has_outlet(assessed.document) else (assessed.hit.outlet or "a stored source")
    date = assessed.document.published or assessed.hit.published
    return f"{name} ({date[:10]})" if date else name


def snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS - 1].rstrip() + "…"


def why_against(assessed: AssessedPassage) -> str:
    """What in this passage contradicts the claim, most specific first."""
    result = assessed.result
    if assessed.review:
        return f"{who(assessed)} rated this claim «{assessed.document.rating}»"
    slot = assessed.slot_conflict
    if slot is not None:
        spans = f" (claim «{slot.claim.text}», passage «{slot.passage.text}»)" if slot.claim and slot.passage else ""
        share = ("names, figures and dates" if assessed.result.cross_language else "words")
        return (f"{who(assessed)}: {slot.slot.replace('_', ' ')}: {slot.reason}{spans}, in a passage holding "
                f"{assessed.coverage:.0%} of the claim's {share}: «{snippet(assessed.hit.text)}»")
    if result.decided_by == "numbers":
        conflict = result.number_conflicts[0]
        return f"{who(assessed)} reports {conflict.evidence_phrase}, the claim says {conflict.claim}"
    if result.slot is not None:
        slot = result.slot
        spans = f" (claim «{slot.claim.text}», passage «{slot.passage.text}»)" if slot.claim and slot.passage else ""
        return f"{who(assessed)}: {slot.slot.replace('_', ' ')}: {slot.reason}{spans}: «{snippet(assessed.hit.text)}»"
    prefix = {"denial": "evidence denies", "opposites": "opposites", "nli": "NLI model"}.get(result.decided_by)
    signal = next((s for s in result.signals if prefix and s.startswith(prefix)), None)
    if signal:
        return f"{who(assessed)}: {signal}: «{snippet(assessed.hit.text)}»"
    return (f"{who(assessed)} may disagree, but no conflicting number, actor, place, date, denial or opposite "
            f"was found: «{snippet(assessed.hit.text)}» (details: stance model {result.score:.2f})")


def why_for(assessed: AssessedPassage) -> str:
    result = assessed.result
    if assessed.review:
        return f"{who(assessed)} rated this claim «{assessed.document.rating}»"
    agreeing = next((s for s in result.signals if s.startswith("numbers agree")), None)
    detail = f"similarity {result.similarity:.2f}" + (f"; {agreeing}" if agreeing else "")
    if assessed.covered:
        share, sentence = best_coverage(assessed.claim_text, assessed.hit.text)
        return (f"{who(assessed)} says the same in other words (its sentence holds {share:.0%} of the claim's "
                f"words, names and numbers; {detail}; no slot differs): «{snippet(sentence)}»")
    return f"{who(assessed)} says the same ({detail}): «{snippet(assessed.hit.text)}»"
