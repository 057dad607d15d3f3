"""The learned opinion filter: the writer's own judgement or guess, which no word list catches, kept out of the claims.

The rules (`checker.sentence_kinds`) keep out opinion and speculation that carry a mark (an opener, a hedge, a
frame); most of a writer's judgement in real news carries none ("a move that marks a dangerous turn", "it was a
disappointing end to a promising season"), and on the development sets the rules caught almost none of it. This
component reads the tone instead: a logistic regression over the e5-small sentence embedding, trained on sentences
written for it around real news facts (`eval/opinion_written/`, docs/opinion_filter.md) and its threshold chosen on
the annotated training articles (`scripts/train_opinion_filter.py`).

It reads only claims in the writer's own voice: a claim with a speaker or a reporting cue is the claim that someone
said it, however opinionated the words ("The minister said the decision was a grave mistake"). It runs on the model
path only (`analyze` without `--fast`), beside the attribution tagger, and only when switched on: the shipped file
says off, since counted over every claim it drops it loses more reports than it keeps opinions out.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from checker.config import DATA_DIR
from checker.errors import CheckerError
from checker.models import Claim, NonClaim

MODEL_FILE = DATA_DIR / "models" / "opinion_filter.json"
REASON = "opinion or speculation (model)"


@dataclass(frozen=True)
class OpinionFilter:
    """P(the sentence is the writer's opinion or speculation) = sigmoid(w · e5(sentence) + b); dropped from
    `threshold` up."""

    weights: np.ndarray
    bias: float
    threshold: float

    def scores(self, sentences: Sequence[str]) -> np.ndarray:
        if not sentences:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-(embed(sentences) @ self.weights + self.bias)))

    def split(self, claims: Sequence[Claim]) -> tuple[tuple[Claim, ...], tuple[NonClaim, ...]]:
        """(claims kept, claims dropped as non-claims): only claims in the writer's own voice are read."""
        own = [c for c in claims if in_own_voice(c)]
        scores = dict(zip((c.id for c in own), self.scores([c.text for c in own])))
        dropped = {cid for cid, score in scores.items() if score >= self.threshold}
        kept = tuple(c for c in claims if c.id not in dropped)
        return kept, tuple(NonClaim(c.text, c.start, c.end, REASON) for c in claims if c.id in dropped)


def in_own_voice(claim: Claim) -> bool:
    """No speaker, no reporting cue but the story's dateline, not a quotation: the writer speaks (a wire story's
    narrative carries its dateline's outlet, "(CNN)--", and is still the writer's)."""
    attribution = claim.attribution
    unattributed = attribution.kind == "none" and attribution.cue is None
    return ((unattributed or attribution.outlet_from == "dateline") and attribution.speaker is None
            and claim.text.lstrip()[:1] not in "\"“«„'")


def embed(sentences: Sequence[str]) -> np.ndarray:
    """e5-small sentence embeddings ("query: " prompt, L2-normalised), as the filter was trained on."""
    from checker.encoder import load_e5

    return np.asarray(load_e5().encode([f"query: {s}" for s in sentences], batch_size=32,
                                       normalize_embeddings=True), dtype=np.float64)


def load_opinion_filter() -> OpinionFilter | None:
    """The shipped filter when it is on, else None (the model path then keeps the rules' claims). On or off:
    CHECKER_OPINION_FILTER=1 / 0, else the model file's `default`, which the training script sets "on" only when
    non-claims caught minus twice the claims lost reaches its MIN_GAIN on the training articles."""
    switch = os.environ.get("CHECKER_OPINION_FILTER")
    if switch not in (None, "0", "1"):
        raise CheckerError(f"CHECKER_OPINION_FILTER must be 0 or 1, not {switch!r}")
    if switch == "0" or not MODEL_FILE.is_file():
        return None
    shipped, on_by_default = _shipped()
    return shipped if switch == "1" or on_by_default else None


@lru_cache(maxsize=1)
def _shipped() -> tuple[OpinionFilter, bool]:
    """The model file's filter and whether it is on by default."""
    data = json.loads(MODEL_FILE.read_text("utf-8"))
    weights = np.asarray(data["weights"], dtype=np.float64)
    return OpinionFilter(weights, float(data["bias"]), float(data["threshold"])), data.get("default") == "on"
