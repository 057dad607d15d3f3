"""The stance cross-encoder: (claim, passage) -> probabilities of agree / disagree / other.

A head on the e5 encoder (checker/data/models/stance/, see docs/encoder.md): both texts in one
input, Arabic, English or one of each, truncated to 128 tokens together. "other" means the passage
neither supports nor contradicts the claim (unrelated, or about something else).

    from checker.encoder.stance import StanceModel
    model = StanceModel.get()                       # one load per process (~10 s the first time)
    probs = model.predict([(claim, passage), ...])  # np.ndarray [n, 3], columns in model.labels
    model.labels                                    # ("agree", "disagree", "other")
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LABELS = ("agree", "disagree", "other")
HEAD_NAME = "stance"


@dataclass(frozen=True)
class StancePrediction:
    label: str
    probabilities: dict[str, float]


class StanceModel:
    """Thin wrapper over the loaded head; `get()` shares one instance per process."""

    def __init__(self, quantize: bool = False) -> None:
        from checker.encoder.heads import get_head

        self._head = get_head(HEAD_NAME, quantize=quantize)
        self.labels: tuple[str, ...] = self._head.labels

    @classmethod
    def get(cls, quantize: bool = False) -> StanceModel:
        return cls(quantize=quantize)

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Probabilities [len(pairs), 3] in the order of `labels` (rows sum to 1)."""
        return self._head.predict(list(pairs), batch_size=batch_size)

    def classify(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> list[StancePrediction]:
        """The most probable label per pair, with every label's probability."""
        probs = self.predict(pairs, batch_size)
        return [
            StancePrediction(self.labels[int(row.argmax())], {l: float(p) for l, p in zip(self.labels, row)})
            for row in probs
        ]
