"""Verdicts for claims against the stored evidence, and the check of the source a claim cites.

For every claim the stored passages closest to it (and the closest from the
outlet it cites) are assessed by `checker.stance`. The verdict says which
passage and which check decided it, in words a fact-checker can verify:
"contradicted: Reuters (2023-12-08) reports 3,500 US troops in Iraq, the claim
says 2,500". Only such a verifiable check (or a fact-check rating "False" on
the same claim) makes a claim contradicted, never the stance model alone. The source check asks the question behind misattribution:
does the cited outlet's own stored reporting say this, and if not, who does?

The parts, by what they decide:
- `check`: which passages a claim is weighed against (retrieval, the cited outlet's own passages) and the
  ClaimCheck built from them;
- `passage`: what one passage says of the claim and how much it weighs (the coverage thresholds);
- `decide`: the verdict from the weighed passages (independent stories, conflicting outlets);
- `source`: whether the cited outlet's own reporting says it;
- `reasons`: the sentences a person reads.
A threshold lives in the part that reads it: a script that changes one for a trial sets it there
(`checker.verdict.passage.MIN_STRENGTH`, `checker.verdict.source.SOURCE_COVERAGE`), not here.
"""
from checker.verdict.check import (CITED_OUTLET_DEPTH, CROSS_ENCODER_PER_CLAIM, REVIEW_SIMILARITY, assess_claims,
                                   check_analysis, check_claims, claim_said, verdict_budget)
from checker.verdict.decide import DUPLICATE_JACCARD, decide_verdict, independent
from checker.verdict.passage import (ANCHORS_SAME_EVENT, COVERAGE_AGREE, COVERAGE_SAME_EVENT,
                                     COVERAGE_SIMILARITY_AGREE, COVERAGE_STRONG, LOW_SIMILARITY, MIN_ANCHORS,
                                     MIN_SIMILARITY, MIN_SIMILARITY_ACROSS_LANGUAGES, MIN_STRENGTH,
                                     RELATED_SIMILARITY, REVIEW_STRENGTH, SAME_EVENT_SLOTS, AssessedPassage,
                                     EvidenceDocument)
from checker.verdict.source import SOURCE_COVERAGE, check_source, source_confirms, source_settings

__all__ = [
    "ANCHORS_SAME_EVENT", "CITED_OUTLET_DEPTH", "COVERAGE_AGREE", "COVERAGE_SAME_EVENT", "COVERAGE_SIMILARITY_AGREE",
    "COVERAGE_STRONG", "CROSS_ENCODER_PER_CLAIM", "DUPLICATE_JACCARD", "LOW_SIMILARITY", "MIN_ANCHORS",
    "MIN_SIMILARITY", "MIN_SIMILARITY_ACROSS_LANGUAGES", "MIN_STRENGTH", "RELATED_SIMILARITY", "REVIEW_SIMILARITY",
    "REVIEW_STRENGTH", "SAME_EVENT_SLOTS", "SOURCE_COVERAGE", "AssessedPassage", "EvidenceDocument", "assess_claims",
    "check_analysis", "check_claims", "check_source", "claim_said", "decide_verdict", "independent",
    "source_confirms", "source_settings", "verdict_budget",
]
