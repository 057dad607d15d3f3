"""Which passages a claim is weighed against, and the ClaimCheck built from them.

For every claim the stored passages closest to it (and the closest from the outlet it cites) are retrieved in
one batched search and assessed by `checker.stance` in one batched call; each then weighs as
`checker.verdict.passage` says, and the verdict (`decide`) and the source check (`source`) read them.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

import sqlite_utils

from checker.models import Analysis, Claim, ClaimCheck, EvidenceMatch, PassageHit
from checker.normalize import search_form, without_diacritics
from checker.stance import CrossEncoderBudget, StanceResult, assess_many, rating_verdict
from checker.verdict.decide import decide_verdict
from checker.verdict.passage import AssessedPassage, EvidenceDocument
from checker.verdict.reasons import has_outlet, outlet_label
from checker.verdict.source import check_source

# A fact-check counts when the claim it reviewed is this close to ours (and no number differs); it then weighs
# REVIEW_STRENGTH.
REVIEW_SIMILARITY = 0.7
# Candidates searched per claim, as a multiple of k, when looking for the cited outlet's own passages.
CITED_OUTLET_DEPTH = 4
# Passages per claim the stance cross-encoder reads (when installed): the closest related ones; speed.
CROSS_ENCODER_PER_CLAIM = 2
SQL_IDS = 500
# A document's first characters kept for the verdict (the story a claim's anchors are looked up in): bounds the
# work on a long page; news stories are shorter.
STORY_CHARS = 12_000


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
    # compared without diacritics on both sides (`claim_said` drops the claim's): the passages shown are these
    candidates = [[replace(hit, text=without_diacritics(hit.text)) for hit in hits] for hits in candidates]
    documents = {i: replace(d, story=without_diacritics(d.story)) for i, d in documents.items()}
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
            "SELECT d.id, d.outlet_id, o.name, d.published, d.url, d.title, d.rating, d.claim_reviewed, "
            f"coalesce(substr(d.text, 1, {STORY_CHARS}), '') FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id IN ({marks})", chunk,
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
        return without_diacritics(document.claim_reviewed)
    return hit.text


def claim_said(claim: Claim) -> str:
    """What the claim says, without the outlet it cites («سكاي نيوز عربية: زلزال لومبوك ...») and, when they open
    or close it, the words that cite it ("According to Euronews, the blockade ...", «ذكرت صحيفة الشرق الأوسط أن
    ...», "..., according to the Detroit Free Press."): the outlet is who said it, not part of what was said; left
    in, its name makes every passage of that outlet look closer, reads "USA" in "USA Today" as a place, and its
    citing words lower the claim's likeness to a passage that says the same without them. A closing verb stays
    ("..., Newsweek reported."): the encoder reads the sentence closer to its passage with it than without.
    Arabic diacritics are dropped (`without_diacritics`), as they are from the passages it is compared with."""
    plain = without_diacritics(claim.text)
    outlet = claim.attribution.outlet
    if outlet is None:
        return plain
    from checker.outlets import load_registry

    text = plain
    spans = sorted((start, end) for found, start, end in load_registry().find_in(text) if found.id == outlet.id)
    for start, end in reversed(spans):
        before, after = text[:start], text[end:]
        tail = _CITING_TAIL.search(before)
        if _CITING_OPENING.fullmatch(before):  # "According to Euronews, X", «ذكرت صحيفة الشرق الأوسط أن X»
            text = _CITED_REST.sub("", after, count=1)
        elif tail is not None and not after.strip(" .!"):  # "X, according to the Detroit Free Press."
            text = before[:tail.start()] + after
        else:
            text = before + " " + after.lstrip(" :：-–—")
    text = " ".join(text.split()).strip(" :-–—،,")
    return text if len(text.split()) >= 3 else plain


# Words that cite an outlet opening a claim: "According to", "As reported by", «بحسب قناة», «ذكرت صحيفة»,
# «نقلت وكالة» (up to the outlet's name); what follows the name up to the claim: "reported that", «أن», «عن».
_CITING_OPENING = re.compile(
    r"\W*(?:(?i:according to|as reported by|reported by|citing|per)|(?:و|ف)?(?:بحسب|حسب|وفق(?:ا|اً|ًا)?\s*لـ?|وفقا لما"
    r"\s+(?:ذكرت|أفادت|نقلت|أوردت)(?:ه)?|نقلا عن|نقلاً عن|كما\s+(?:ذكرت|أفادت|قالت)|(?:ذكر|قال|أفاد|أورد|نقل|كشف|أكد"
    r"|أعلن|بث|نشر)(?:ت)?))?\s*(?:(?i:the)\s+|(?:ل)?(?:قناة|صحيفة|جريدة|موقع|وكالة|مجلة|إذاعة|تلفزيون)\s+)?\W*")
_CITING_TAIL = re.compile(r"[،,]?\s*(?:(?i:according to|as reported by)|بحسب|حسب|وفق(?:ا|اً|ًا)?\s*لـ?|نقلا عن)\s*"
                          r"(?:(?i:the)\s+|(?:ل)?(?:قناة|صحيفة|موقع|وكالة)\s+)?$")
_CITED_REST = re.compile(
    r"^\W*(?:\s*(?:[\u0621-\u064A]+(?:ية|يه)|(?i:newspaper|news agency|website|TV|reported|reports|said|says|wrote"
    r"|revealed))(?=\W))*\s*[،,:：]?\s*(?:(?:بأن|أن|إن|ان|عن)\s+|(?i:that)\s+)?")


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
        passage_id=hit.passage_id, text=hit.text, outlet=outlet_label(document) if has_outlet(document) else hit.outlet,
        url=document.url or hit.url, published=document.published or hit.published,
        similarity=round(result.similarity, 4), stance=assessed.stance,  # type: ignore[arg-type]
        score=round(assessed.strength if assessed.review else result.score, 4),
        title=document.title or hit.title, reasons=reasons, from_cited_outlet=assessed.from_cited_outlet,
    )
