"""Learned outlet carrying: does a claim with no outlet in its own sentence carry one cited earlier in the story?

The rules (`outlet.Thread`, `with_story_outlet`) were written from a few articles and did not hold on unseen
ones. Here the same decision is a small logistic regression over the features a journalist would name: how far
back the outlet was cited, whether the claim goes on with the same source or refers back to it, whether another
outlet or a new named source came in between, whether a new paragraph opens with unattributed narrative or
background ("يذكر أن", "Earlier,"), the claim's own cue kind and the kind of citation ("told X", "X reported",
"X quoted Y", named without a cue). When no earlier outlet is carried, the rules' dateline and publisher follow.
`StoryCitations` notes what each sentence cites itself (never what was carried, so the features do not depend
on earlier decisions); `CarryModel` scores every candidate and takes the best one above a threshold chosen by
cross-validation over articles (scripts/eval_outlet_carry.py). Weights and threshold are in
checker/data/models/outlet_carry.toml, one line per feature, for a person to read.
"""
from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from checker.attribution.outlet import same_source
from checker.config import DATA_DIR
from checker.errors import CheckerError
from checker.models import Attribution, Outlet
from checker.normalize import fold

MODEL_PATH = DATA_DIR / "models" / "outlet_carry.toml"
ENV = "CHECKER_OUTLET_CARRY"  # "rules" or "learned": which decides, overriding the model file's `default`
_MAX_CANDIDATES = 6

FEATURES = (
    "bias", "sentences_since", "paragraphs_since", "same_paragraph", "latest_outlet", "only_outlet",
    "times_cited", "other_outlet_since", "named_speakers_since", "same_speaker", "back_reference",
    "carried_speaker_cited_it", "new_named_speaker", "no_cue", "direct_quote", "according_to",
    "continues_quote", "paragraph_opens_narrative", "cited_told", "cited_outlet_speaks", "cited_outlet_quotes",
    "cited_mention_only", "story_reporting", "interview_answer", "arabic", "background", "no_cue_told",
    "no_cue_sentences_since",
)


@dataclass(frozen=True)
class Citation:
    """An outlet a sentence cites itself, with the source that spoke to or through it."""

    outlet: Outlet
    sentence: int
    paragraph: int
    speaker: str | None
    kind: str  # "told" | "outlet_speaks" | "outlet_quotes" | "mention_only"
    attribution: Attribution
    claim_id: str


@dataclass(frozen=True)
class Candidate:
    """An outlet the claim might carry and its feature vector (in `FEATURES` order)."""

    outlet: Outlet
    attribution: Attribution  # where it was cited: offsets and `via` to copy
    features: tuple[float, ...]


@dataclass(frozen=True)
class ClaimContext:
    """What the reader knows of the claim itself when it decides."""

    claim_id: str
    sentence: int
    paragraph: int
    stated: Attribution  # the claim's own link, with coreference applied (its outlet, if any, is set aside)
    opens_paragraph: bool
    quoted: bool  # mostly inside quotation marks, right after a quote
    arabic: bool
    story_id: str | None
    interview: tuple[int, Attribution] | None
    claim_start: int
    background: bool = False  # opens with "يذكر أن", "Earlier," (`is_background`)
    fallback: Outlet | None = None  # what the rules give when no earlier outlet is carried (dateline, publisher)


@dataclass
class StoryCitations:
    """The outlets cited so far in the story, in reading order, and the sources named since."""

    citations: list[Citation] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (sentence, speaker) of links with no outlet
    outlet_of_claim: dict[str, str] = field(default_factory=dict)

    def note(self, claim_id: str, attribution: Attribution, sentence: int, paragraph: int, kind: str | None) -> None:
        """After a claim: remember the outlet its own sentence (or a cue-less mention) cites, else its speaker."""
        if attribution.outlet is not None and kind is not None:
            self.citations.append(Citation(attribution.outlet, sentence, paragraph, attribution.speaker, kind,
                                           attribution, claim_id))
            self.outlet_of_claim[claim_id] = attribution.outlet.id
        elif attribution.speaker:
            self.speakers.append((sentence, attribution.speaker))

    def candidates(self, claim: ClaimContext) -> list[Candidate]:
        """The distinct outlets cited before the claim (latest citation of each, newest first). The dateline is
        not one: the training articles a shipped model may learn from have too few datelines to learn from, so
        the rules give it when no earlier outlet is carried."""
        latest: dict[str, Citation] = {}
        counts: dict[str, int] = {}
        for citation in self.citations:
            latest[citation.outlet.id] = citation
            counts[citation.outlet.id] = counts.get(citation.outlet.id, 0) + 1
        interview = claim.interview
        if interview is not None and interview[1].outlet is not None and claim.claim_start >= interview[0] and (
                interview[1].outlet.id not in latest):  # named in the lead beside "interviewed", not cited
            latest[interview[1].outlet.id] = Citation(interview[1].outlet, 0, 0, None, "mention_only", interview[1], "")
            counts[interview[1].outlet.id] = 1
        ordered = sorted(latest.values(), key=lambda c: c.sentence, reverse=True)[:_MAX_CANDIDATES]
        return [Candidate(c.outlet, c.attribution, self._features(claim, c, counts, ordered)) for c in ordered]

    def _features(self, claim: ClaimContext, cited: Citation, counts: dict[str, int],
                  ordered: list[Citation]) -> tuple[float, ...]:
        stated = claim.stated
        later = [c for c in self.citations if c.sentence > cited.sentence and c.outlet.id != cited.outlet.id]
        named_since = [s for i, s in self.speakers if i > cited.sentence and not same_source(s, cited.speaker)]
        speaker = stated.speaker
        same = speaker is not None and cited.speaker is not None and same_source(speaker, cited.speaker, strict=True)
        back = stated.kind != "none" and (stated.resolved_from is not None or same_source(speaker, cited.speaker))
        carried = stated.carried_from is not None and self.outlet_of_claim.get(stated.carried_from) == cited.outlet.id
        interview = claim.interview
        values = {
            "bias": 1.0,
            "sentences_since": math.log1p(max(0, claim.sentence - cited.sentence)),
            "paragraphs_since": min(3, max(0, claim.paragraph - cited.paragraph)) / 3,
            "same_paragraph": float(claim.paragraph == cited.paragraph),
            "latest_outlet": float(cited is ordered[0]),
            "only_outlet": float(len(counts) == 1),
            "times_cited": math.log1p(counts[cited.outlet.id]),
            "other_outlet_since": float(bool(later)),
            "named_speakers_since": min(3, len(named_since)) / 3,
            "same_speaker": float(same),
            "back_reference": float(back and not same),
            "carried_speaker_cited_it": float(carried),
            "new_named_speaker": float(speaker is not None and not same and not back),
            "story_reporting": float(cited.outlet.id == claim.story_id),
            "interview_answer": float(interview is not None and claim.claim_start >= interview[0]
                                      and interview[1].outlet is not None
                                      and interview[1].outlet.id == cited.outlet.id),
            f"cited_{cited.kind}": 1.0,
        }
        if stated.kind == "none":
            values["no_cue_told"] = float(cited.kind == "told")
            values["no_cue_sentences_since"] = values["sentences_since"]
        return _vector(claim, values)


def _vector(claim: ClaimContext, values: dict[str, float]) -> tuple[float, ...]:
    """Candidate features plus those of the claim itself (its cue kind, language, paragraph opening)."""
    kind = claim.stated.kind
    values = {**values, "no_cue": float(kind == "none"), "direct_quote": float(kind == "direct_quote"),
              "according_to": float(kind == "according_to"), "arabic": float(claim.arabic),
              "paragraph_opens_narrative": float(claim.opens_paragraph and kind == "none"),
              "background": float(claim.background), "continues_quote": float(claim.quoted)}
    return tuple(values.get(name, 0.0) for name in FEATURES)


class CarryDecider(Protocol):
    """Chooses the outlet a claim carries among the candidates, or none; `decides` False keeps the rules'."""

    decides: bool

    def choose(self, claim: ClaimContext, candidates: list[Candidate]) -> Candidate | None: ...


@cache
def _background() -> tuple[tuple[str, ...], ...]:
    with open(DATA_DIR / "outlet_thread.toml", "rb") as handle:
        words = tomllib.load(handle)["carry"]["background_openers"]
    return tuple(tuple(fold(w).split()) for w in words)


def is_background(text: str) -> bool:
    """Whether a claim opens as background the desk adds ("يذكر أن", "وكان ... قد", "Earlier,", "In 2015")."""
    opening = [w for w in re.findall(r"\w+", fold(text))[:3]]
    return any(len(opening) >= len(phrase) and all(
        word.startswith(p[:-1]) if p.endswith("*") else word == p for word, p in zip(opening, phrase))
        for phrase in _background())


@dataclass(frozen=True)
class CarryModel:
    """Logistic regression over candidate features: the best candidate if its probability reaches `threshold`."""

    weights: tuple[float, ...]
    threshold: float
    decides: bool = True

    def probability(self, features: tuple[float, ...]) -> float:
        score = sum(w * x for w, x in zip(self.weights, features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def choose(self, claim: ClaimContext, candidates: list[Candidate]) -> Candidate | None:
        if not candidates:
            return None
        best = max(candidates, key=lambda c: self.probability(c.features))
        return best if self.probability(best.features) >= self.threshold else None


@cache
def _model_file() -> dict | None:
    if not MODEL_PATH.exists():
        return None
    with open(MODEL_PATH, "rb") as handle:
        return tomllib.load(handle)


def load_carry(mode: str | None = None) -> CarryModel | None:
    """The learned carrying when `mode` (else $CHECKER_OUTLET_CARRY, else the model file's `default`) is
    "learned" and the model file exists; None means the rules decide."""
    data = _model_file()
    mode = mode or os.environ.get(ENV) or (data or {}).get("default", "rules")
    if mode not in ("rules", "learned"):
        raise CheckerError(f"{ENV} must be 'rules' or 'learned', not {mode!r}")
    if mode == "rules" or data is None:
        return None
    weights = data["weights"]
    return CarryModel(tuple(float(weights.get(name, 0.0)) for name in FEATURES), float(data["threshold"]))
