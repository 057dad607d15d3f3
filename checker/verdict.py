"""Verdicts for claims against the stored evidence, and the check of the source a claim cites.

For every claim the stored passages closest to it (and the closest from the
outlet it cites) are assessed by `checker.stance`. The verdict says which
passage and which check decided it, in words a fact-checker can verify:
"contradicted: Reuters (2023-12-08) reports 3,500 US troops in Iraq, the claim
says 2,500". Only such a verifiable check (or a fact-check rating "False" on
the same claim) makes a claim contradicted, never the stance model alone. The source check asks the question behind misattribution:
does the cited outlet's own stored reporting say this, and if not, who does?
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Sequence

import sqlite_utils

from checker.models import Analysis, Claim, ClaimCheck, EvidenceMatch, PassageHit, SourceCheck, Verdict
from checker.normalize import search_form
from checker.calibration import calibrated
from checker.config import DATA_DIR
from checker.slots.align import best_coverage, negates_more
from checker.slots import SlotDecision
from checker.slots.compare import anchors
from checker.slots.swap import swapped_names
from checker.stance import CrossEncoderBudget, StanceResult, assess_many, rating_verdict

# A passage counts for or against a claim only this close to it, and when its stance score
# times its similarity reaches MIN_STRENGTH.
MIN_SIMILARITY = 0.55
# Translations score lower than same-language paraphrases in the multilingual space.
MIN_SIMILARITY_ACROSS_LANGUAGES = 0.45
MIN_STRENGTH = 0.3
# A fact-check counts when the claim it reviewed is this close to ours (and no number differs).
REVIEW_SIMILARITY = 0.7
REVIEW_STRENGTH = 0.95
# Candidates searched per claim, as a multiple of k, when looking for the cited outlet's own passages.
CITED_OUTLET_DEPTH = 4
# Two passages sharing this share of their word 3-grams are one story (syndicated or copied), counted once.
DUPLICATE_JACCARD = 0.6
SNIPPET_CHARS = 160
# Passages per claim the stance cross-encoder reads (when installed): the closest related ones; speed.
CROSS_ENCODER_PER_CLAIM = 2
SQL_IDS = 500
# Claim coverage (checker.slots.align.coverage: the share of the claim's content words, numbers and names the
# passage's best sentence holds, spelling variants included), same-language pairs. These thresholds and
# SOURCE_COVERAGE were chosen by 5-fold cross-validation over all 140 cases of eval/verdict_cases, folds grouped
# by article (scripts/tune_verdict_coverage.py; docs/verdict.md): each is the choice of most folds.
# A passage the stance step found unrelated to the claim by similarity or by the model, with no slot in
# conflict, says the same when its sentence holds this much of the claim:
COVERAGE_AGREE = 0.55
# A verifiable contradiction (a slot, a denial) counts down to RELATED_SIMILARITY, below MIN_SIMILARITY, when
# the passage holds this much of the claim: the same event reworded, which sentence similarity undervalues.
COVERAGE_SAME_EVENT = 0.4
# Agreement from similarity alone (English pairs: the stance model reads Arabic ones; cross-language pairs have no
# words to count) needs this much of the claim said.
COVERAGE_SIMILARITY_AGREE = 0.5
RELATED_SIMILARITY = 0.35
# A passage whose best sentence holds this much of the claim is the same event even below RELATED_SIMILARITY
# (down to LOW_SIMILARITY): sentence similarity falls to 0.25 for a reworded Arabic report whose sentence holds
# two thirds of the claim's words, names and figures ("5000 lawyers" where the report says 500).
COVERAGE_STRONG = 0.6
LOW_SIMILARITY = 0.1
# Across languages no word can be counted: the share of the claim's anchors (names through the gazetteer or
# by skeleton, figures, dates; checker.slots.compare.anchors) the passage names too stands in for coverage
# when a slot conflict or a verifiable contradiction is weighed (Abiy Ahmed, Asmara, Eritrea named, Friday
# where the passage says Sunday). At least MIN_ANCHORS of them must be found.
ANCHORS_SAME_EVENT = 0.75
MIN_ANCHORS = 2
# The cited outlet confirms by a close passage (source_confirms) only when, in the same language, its best
# sentence also holds this much of the claim: a USA Today passage about the same debate at similarity 0.64 that
# holds 31% of the claim does not say what the claim attributes to USA Today.
SOURCE_COVERAGE = 0.6
# The slots that tell one event from another: changed in a passage about the same event, they contradict.
SAME_EVENT_SLOTS = ("actor_role", "place", "date")


@dataclass(frozen=True)
class EvidenceDocument:
    """The stored document behind a passage: who published it, when, and any fact-check rating."""

    outlet_id: str | None
    outlet_name: str | None
    published: str | None
    url: str | None
    title: str | None
    rating: str | None
    claim_reviewed: str | None


@dataclass(frozen=True)
class AssessedPassage:
    """One retrieved passage with its stance towards the claim: the unit the verdict weighs."""

    hit: PassageHit
    document: EvidenceDocument
    result: StanceResult
    from_cited_outlet: bool
    review: str | None  # "agree"/"disagree" when a matching fact-check rated the claim true/false
    claim_text: str = ""

    @cached_property
    def coverage(self) -> float:
        """How much of the claim the passage's best sentence holds; across languages, the share of the claim's
        anchors (names, figures, dates) the passage names, 0 below MIN_ANCHORS found."""
        if not self.claim_text:
            return 0.0
        if self.result.cross_language:
            found, total = anchors(self.claim_text, self.hit.text)
            return found / total if found >= MIN_ANCHORS else 0.0
        return best_coverage(self.claim_text, self.hit.text)[0]

    @property
    def same_event_share(self) -> bool:
        """The passage holds enough of the claim to be about the same event (its slot conflicts count)."""
        threshold = ANCHORS_SAME_EVENT if self.result.cross_language else COVERAGE_SAME_EVENT
        return self.coverage >= threshold

    @property
    def similarity_floor(self) -> float:
        """Below this similarity the passage is not weighed even for a verifiable contradiction."""
        strong = not self.result.cross_language and self.coverage >= COVERAGE_STRONG
        return LOW_SIMILARITY if strong else RELATED_SIMILARITY

    @property
    def covered(self) -> bool:
        """Said in other words: the stance step found it unrelated by similarity or the model alone, but the
        passage's best sentence holds most of the claim, negates nothing the claim does not, and no slot
        conflicts."""
        result = self.result
        if not (result.stance == "other" and result.decided_by in {"model", "similarity"}
                and not result.cross_language and result.similarity >= self.similarity_floor
                and not any(d.outcome == "conflict" for d in result.slot_decisions)
                and self.coverage >= COVERAGE_AGREE):
            return False
        return not negates_more(self.claim_text, best_coverage(self.claim_text, self.hit.text)[1])

    @property
    def slot_conflict(self) -> SlotDecision | None:
        """A place, date or role the passage gives otherwise (roles also by two names in the opposite order,
        checker.slots.swap), where the stance step could not tell the event was the same (its wording share is
        below [event] same_wording) but the passage holds COVERAGE_SAME_EVENT of the claim (across languages
        ANCHORS_SAME_EVENT of its anchors): the same event, reworded, with one slot changed. Down to
        LOW_SIMILARITY when it holds COVERAGE_STRONG, where a changed count counts too."""
        result = self.result
        if (result.stance == "disagree" and result.explicit or result.same_event is False
                or result.similarity < self.similarity_floor or not self.same_event_share):
            return None
        # a changed figure is decided by the stance step down to RELATED_SIMILARITY; below it, only here
        slots = SAME_EVENT_SLOTS + (("quantity",) if result.similarity < RELATED_SIMILARITY else ())
        found = next((d for d in result.slot_decisions if d.outcome == "conflict" and d.slot in slots), None)
        if found is None and not result.cross_language:
            found = swapped_names(self.claim_text, self.hit.text)  # roles exchanged without a frame verb
        return found if found is not None and not _other_anchor(result, found) else None

    @property
    def stance(self) -> str:
        if self.review:
            return self.review
        if self.slot_conflict:
            return "disagree"
        if self.covered:
            return "agree"
        if (self.result.stance == "agree" and self.result.decided_by == "similarity"
                and not self.result.cross_language and self.coverage < COVERAGE_SIMILARITY_AGREE):
            return "other"
        return self.result.stance

    @property
    def strength(self) -> float:
        if self.review:
            return REVIEW_STRENGTH
        result = self.result
        if self.covered or self.slot_conflict:
            return self.coverage * max(result.similarity, MIN_SIMILARITY)  # weighs at least as at the floor
        floor = MIN_SIMILARITY_ACROSS_LANGUAGES if result.cross_language else MIN_SIMILARITY
        if (result.explicit and result.stance == "disagree" and RELATED_SIMILARITY <= result.similarity < floor
                and self.same_event_share and not _other_anchor(result, result.slot)):
            return result.score * floor  # the same event reworded: weighs as at the floor, like a slot conflict
        if self.stance == "other" or result.similarity < floor:
            return 0.0
        return result.score * result.similarity

    @property
    def explicit(self) -> bool:
        """A fact-check rating or a check a person can verify decided this passage's stance."""
        return bool(self.review) or self.result.explicit or self.slot_conflict is not None


def _other_anchor(result: StanceResult, deciding: SlotDecision | None) -> bool:
    """Another place, date or set of actors differs besides the deciding slot: the passage may be about another
    event (an earthquake elsewhere with another magnitude), so coverage alone does not make it the same one."""
    return any(d.outcome == "conflict" and d.slot in {"place", "date", "actors", "actor_role"} and d != deciding
               for d in result.slot_decisions)


def check_analysis(db: sqlite_utils.Database, analysis: Analysis, *, k: int = 5) -> tuple[ClaimCheck, ...]:
    """Evidence, verdict and source check for every claim of an analysis (the CLI's `analyze`)."""
    return check_claims(db, analysis.claims, k=k)


def check_claims(db: sqlite_utils.Database, claims: Sequence[Claim], *, k: int = 5) -> tuple[ClaimCheck, ...]:
    """The same for claims built elsewhere (evaluation scripts, a single claim typed in the app)."""
    from checker.store.dedup import other_carriers

    checks = []
    for claim, assessed in zip(claims, assess_claims(db, claims, k=k)):
        carriers = other_carriers(db, [a.hit.passage_id for a in assessed])
        checks.append(ClaimCheck(
            claim_id=claim.id,
            evidence=tuple(replace(_match(a), also_carried_by=carriers.get(a.hit.passage_id, ())) for a in assessed),
            verdict=decide_verdict(assessed),
            source_check=check_source(claim, assessed, _stored_count(db, claim)),
        ))
    return tuple(checks)


def assess_claims(db: sqlite_utils.Database, claims: Sequence[Claim], *, k: int = 5) -> list[list[AssessedPassage]]:
    """Every claim's retrieved passages with their stance, strongest first: what the verdict weighs."""
    if not claims:
        return []
    candidates, documents = _retrieve(db, claims, k)
    said = [claim_said(claim) for claim in claims]
    pairs = [(text, _evidence_text(hit, documents[hit.document_id]))
             for text, hits in zip(said, candidates) for hit in hits]
    results = iter(assess_many(pairs, cross_encoder=verdict_budget()))
    found = []
    for claim, text, hits in zip(claims, said, candidates):
        assessed = [_assessed(claim, text, hit, documents[hit.document_id], next(results)) for hit in hits]
        assessed.sort(key=lambda a: (a.strength, a.result.similarity), reverse=True)
        found.append(assessed)
    return found


def verdict_budget() -> CrossEncoderBudget:
    """The pairs the stance cross-encoder reads on the verdict path (also used by the evaluation scripts'
    --verdict-path, so they measure what the verdict weighs)."""
    return CrossEncoderBudget(per_claim=CROSS_ENCODER_PER_CLAIM)


# --- retrieval -------------------------------------------------------------

def _retrieve(db: sqlite_utils.Database, claims: Sequence[Claim],
              k: int) -> tuple[list[list[PassageHit]], dict[int, EvidenceDocument]]:
    """The k closest passages, plus up to k more from the claim's cited outlet, in one batched search.

    The cited outlet's passages are taken from a wider candidate list
    (CITED_OUTLET_DEPTH x k) rather than from a second, outlet-filtered search
    per outlet: a passage of that outlet ranked below that does not say what
    the claim says, and one search keeps the check of an article near a second.
    """
    from checker.retrieval import search_many

    cites = any(claim.attribution.outlet is not None for claim in claims)
    wide = search_many(db, [claim_said(claim) for claim in claims], k=k * CITED_OUTLET_DEPTH if cites else k)
    documents = _documents(db, {hit.document_id for hits in wide for hit in hits})
    chosen = [hits[:k] + [hit for hit in hits[k:] if _is_cited_outlet(claim, documents[hit.document_id])][:k]
              for claim, hits in zip(claims, wide)]
    return chosen, documents


def _documents(db: sqlite_utils.Database, ids: set[int]) -> dict[int, EvidenceDocument]:
    """The documents behind the passages, in chunks that stay under SQLite's limit on bound values."""
    ordered = sorted(ids)
    found: dict[int, EvidenceDocument] = {}
    for first in range(0, len(ordered), SQL_IDS):
        chunk = ordered[first:first + SQL_IDS]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            "SELECT d.id, d.outlet_id, o.name, d.published, d.url, d.title, d.rating, d.claim_reviewed "
            f"FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id IN ({marks})", chunk,
        ).fetchall()
        found.update((row[0], EvidenceDocument(*row[1:])) for row in rows)
    return found


def _stored_count(db: sqlite_utils.Database, claim: Claim) -> int | None:
    """How many documents the cited outlet has in the store (None when the claim cites none)."""
    outlet = claim.attribution.outlet
    if outlet is None:
        return None
    return db.execute("SELECT count(*) FROM documents WHERE outlet_id = ?", [outlet.id]).fetchone()[0]


def _evidence_text(hit: PassageHit, document: EvidenceDocument) -> str:
    """A fact-check is compared through the claim it reviewed, not its rating line."""
    if document.claim_reviewed and document.rating:
        return document.claim_reviewed
    return hit.text


# --- one passage -----------------------------------------------------------

def claim_said(claim: Claim) -> str:
    """What the claim says, without the name of the outlet it cites («سكاي نيوز عربية: زلزال لومبوك ...»):
    the name is who said it, not part of what was said, and left in it makes every passage of that outlet
    look closer and reads "USA" in "USA Today" as a place."""
    outlet = claim.attribution.outlet
    if outlet is None:
        return claim.text
    from checker.outlets import load_registry

    text = claim.text
    spans = sorted((start, end) for found, start, end in load_registry().find_in(text) if found.id == outlet.id)
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:].lstrip(" :：-–—")
    text = " ".join(text.split()).strip(" :-–—")
    return text if len(text.split()) >= 3 else claim.text


def _assessed(claim: Claim, text: str, hit: PassageHit, document: EvidenceDocument,
              result: StanceResult) -> AssessedPassage:
    review = None
    rated = rating_verdict(document.rating) if document.claim_reviewed else None
    if rated and result.similarity >= REVIEW_SIMILARITY and not result.number_conflicts and result.stance != "disagree":
        review = rated
    return AssessedPassage(hit, document, result, _is_cited_outlet(claim, document), review, text)


def _is_cited_outlet(claim: Claim, document: EvidenceDocument) -> bool:
    outlet = claim.attribution.outlet
    if outlet is None or not (document.outlet_id or document.outlet_name):
        return False
    return document.outlet_id == outlet.id or search_form(document.outlet_name or "") == search_form(outlet.name)


def _match(assessed: AssessedPassage) -> EvidenceMatch:
    hit, document, result = assessed.hit, assessed.document, assessed.result
    reasons = result.signals
    if assessed.review:
        reasons = (f"fact-check rating «{document.rating}» on: {document.claim_reviewed}", *reasons)
    return EvidenceMatch(
        passage_id=hit.passage_id, text=hit.text, outlet=_outlet_label(document) if _has_outlet(document) else hit.outlet,
        url=document.url or hit.url, published=document.published or hit.published,
        similarity=round(result.similarity, 4), stance=assessed.stance,  # type: ignore[arg-type]
        score=round(assessed.strength if assessed.review else result.score, 4),
        title=document.title or hit.title, reasons=reasons, from_cited_outlet=assessed.from_cited_outlet,
    )


def _has_outlet(document: EvidenceDocument) -> bool:
    return bool(document.outlet_name or document.outlet_id)


def _outlet_label(document: EvidenceDocument) -> str:
    return document.outlet_name or document.outlet_id or "an unattributed source"


def _who(assessed: AssessedPassage) -> str:
    """'Reuters (2023-12-08)': the outlet and date a reason cites."""
    name = _outlet_label(assessed.document) if _has_outlet(assessed.document) else (assessed.hit.outlet or "a stored source")
    date = assessed.document.published or assessed.hit.published
    return f"{name} ({date[:10]})" if date else name


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS - 1].rstrip() + "…"


def _why_against(assessed: AssessedPassage) -> str:
    """What in this passage contradicts the claim, most specific first."""
    result = assessed.result
    if assessed.review:
        return f"{_who(assessed)} rated this claim «{assessed.document.rating}»"
    slot = assessed.slot_conflict
    if slot is not None:
        spans = f" (claim «{slot.claim.text}», passage «{slot.passage.text}»)" if slot.claim and slot.passage else ""
        share = ("names, figures and dates" if assessed.result.cross_language else "words")
        return (f"{_who(assessed)}: {slot.slot.replace('_', ' ')}: {slot.reason}{spans}, in a passage holding "
                f"{assessed.coverage:.0%} of the claim's {share}: «{_snippet(assessed.hit.text)}»")
    if result.decided_by == "numbers":
        conflict = result.number_conflicts[0]
        return f"{_who(assessed)} reports {conflict.evidence_phrase}, the claim says {conflict.claim}"
    if result.slot is not None:
        slot = result.slot
        spans = f" (claim «{slot.claim.text}», passage «{slot.passage.text}»)" if slot.claim and slot.passage else ""
        return f"{_who(assessed)}: {slot.slot.replace('_', ' ')}: {slot.reason}{spans}: «{_snippet(assessed.hit.text)}»"
    prefix = {"denial": "evidence denies", "opposites": "opposites", "nli": "NLI model"}.get(result.decided_by)
    signal = next((s for s in result.signals if prefix and s.startswith(prefix)), None)
    if signal:
        return f"{_who(assessed)}: {signal}: «{_snippet(assessed.hit.text)}»"
    return (f"{_who(assessed)} may disagree, but no conflicting number, actor, place, date, denial or opposite "
            f"was found: «{_snippet(assessed.hit.text)}» (details: stance model {result.score:.2f})")


def _why_for(assessed: AssessedPassage) -> str:
    result = assessed.result
    if assessed.review:
        return f"{_who(assessed)} rated this claim «{assessed.document.rating}»"
    agreeing = next((s for s in result.signals if s.startswith("numbers agree")), None)
    detail = f"similarity {result.similarity:.2f}" + (f"; {agreeing}" if agreeing else "")
    if assessed.covered:
        share, sentence = best_coverage(assessed.claim_text, assessed.hit.text)
        return (f"{_who(assessed)} says the same in other words (its sentence holds {share:.0%} of the claim's "
                f"words, names and numbers; {detail}; no slot differs): «{_snippet(sentence)}»")
    return f"{_who(assessed)} says the same ({detail}): «{_snippet(assessed.hit.text)}»"


# --- verdict and source check ----------------------------------------------

def decide_verdict(assessed: Sequence[AssessedPassage]) -> Verdict:
    """Contradicted needs a contradiction a person can verify (a slot: number, actor roles, place, date,
    negation; a denial, an opposite, a "False" rating) from a passage about the same event. When independent
    outlets (not copies of one story) support the claim and others verifiably contradict it, the verdict is
    "conflicting", unless a fact-check rating decides. The stance model alone never contradicts: off its
    training data it reads reworded agreement as disagreement (see docs/verdict.md)."""
    kept = independent(assessed)
    against = [a for a in kept if a.stance == "disagree" and a.strength >= MIN_STRENGTH]
    for_it = [a for a in kept if a.stance == "agree" and a.strength >= MIN_STRENGTH]
    verifiable = [a for a in against if a.explicit]
    rated = [a for a in verifiable if a.review]
    if verifiable and for_it and not rated and _outlets(verifiable) - _outlets(for_it) and _outlets(for_it) - _outlets(verifiable):
        reasons = [f"conflicting: {_why_against(verifiable[0])}", f"but {_why_for(for_it[0])}",
                   _tally(for_it, against)]
        score = calibrated(max(verifiable[0].strength, for_it[0].strength), "conflicting")
        return Verdict("conflicting", score, tuple(reasons))
    if verifiable:
        reasons = [f"contradicted: {_why_against(verifiable[0])}"]
        reasons += [f"but {_why_for(for_it[0])}"] if for_it else []
        return Verdict("contradicted", calibrated(verifiable[0].strength, "contradicted"),
                       tuple(reasons + [_tally(for_it, against)]))
    if for_it:
        reasons = [f"supported: {_why_for(for_it[0])}"]
        reasons += [f"but {_why_against(against[0])}"] if against else []
        return Verdict("supported", calibrated(for_it[0].strength, "supported"), tuple(reasons + [_tally(for_it, against)]))
    if against:
        return Verdict("not_enough_evidence", 0.0, (
            f"not enough evidence: only the stance model finds a disagreement: {_why_against(against[0])}",))
    return Verdict("not_enough_evidence", 0.0, (_why_not_enough(assessed),))


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
    return {search_form(_who(a).split(" (")[0]) for a in assessed}


def _tally(for_it: Sequence[AssessedPassage], against: Sequence[AssessedPassage]) -> str:
    return (f"{len(for_it)} passage(s) agree, {len(against)} disagree "
            f"(independent stories; outlets: {len(_outlets(for_it))} for, {len(_outlets(against))} against)")


def _why_not_enough(assessed: Sequence[AssessedPassage]) -> str:
    if not assessed:
        return "not enough evidence: nothing in the evidence store matches this claim"
    closest = max(assessed, key=lambda a: a.result.similarity)
    if closest.result.decided_by == "other_event":
        why = next((s for s in closest.result.signals if s.startswith("about another event")), "about another event")
        return (f"not enough evidence: the closest passage ({_who(closest)}, similarity "
                f"{closest.result.similarity:.2f}) is {why}")
    return (f"not enough evidence: no stored passage addresses this claim "
            f"(closest: {_who(closest)}, similarity {closest.result.similarity:.2f}, {closest.result.stance})")


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
    agreeing = [a for a in mine if a.stance == "agree" and a.strength >= MIN_STRENGTH]
    close = [a for a in mine if a.review != "disagree" and a.stance != "disagree" and source_confirms(a.result)
             and (a.stance == "agree" or a.result.cross_language or a.coverage >= SOURCE_COVERAGE)]
    if agreeing or (close and not against):
        best = max(agreeing or close, key=lambda a: a.result.similarity)
        return SourceCheck("confirmed", best.hit.passage_id, _why_for(best))
    if against:
        best = max(against, key=lambda a: a.strength)
        return SourceCheck("contradicted", best.hit.passage_id, f"{outlet.name}'s own reporting differs: {_why_against(best)}")
    return SourceCheck("not_found", reason=_why_not_found(outlet.name, assessed, stored))


def _why_not_found(outlet: str, assessed: Sequence[AssessedPassage], stored: int | None) -> str:
    others = [a for a in assessed if not a.from_cited_outlet and a.stance == "agree" and a.strength >= MIN_STRENGTH]
    where = (f"nothing in {outlet}'s {stored} stored document(s) says this" if stored
             else f"no reporting from {outlet} is stored")
    if not others:
        return where
    names = list(dict.fromkeys(_who(a) for a in others))
    return f"{where}, but {', '.join(names[:3])} report it: misattributed?"
