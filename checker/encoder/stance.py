"""The stance cross-encoder: (claim, passage) -> probabilities of agree / disagree / other.

A head on the e5 encoder (checker/data/models/stance/, see docs/encoder.md): both texts in one
input, Arabic, English or one of each, truncated to 128 tokens together. "other" means the passage
neither supports nor contradicts the claim (unrelated, or about something else).

    from checker.encoder.stance import StanceModel
    model = StanceModel.get()                       # one load per process (0.35 s CPU; ~5 s more once per user)
    probs = model.predict([(claim, passage), ...])  # np.ndarray [n, 3], columns in model.labels
    model.labels                                    # ("agree", "disagree", "other")

Speed: where the CPU computes bfloat16 natively (avx512_bf16 / amx_bf16), the forward runs under bfloat16
autocast, its Linear weights stored in bfloat16: 2.5x less CPU than float32 on this machine's Xeon, the same
argmax on 36 ANS/own pairs and probabilities within 0.01 (docs/verdict.md has the quality through the verdict
path). CHECKER_STANCE_BF16=0/1 overrides the detection. Memory and load time: docs/encoder.md.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

LABELS = ("agree", "disagree", "other")
HEAD_NAME = "stance"
# One torch thread, as for USE: on the shared 2-core machine 85 pairs took 0.75 s of CPU (1.5 s wall) on one
# thread and 2.2-5.4 s of CPU (4.4-10 s wall) on two, the threads spinning while the other core was busy; the
# logits are the same bits either way (checked on 200 ANS and contrast pairs).
THREADS = 1


@dataclass(frozen=True)
class StancePrediction:
    label: str
    probabilities: dict[str, float]


class StanceModel:
    """Thin wrapper over the loaded head; `get()` shares one instance per process."""

    def __init__(self, quantize: bool = False) -> None:
        from checker.encoder.heads import get_head

        self.bf16 = not quantize and bf16_enabled()
        self._head = get_head(HEAD_NAME, quantize=quantize, bf16=self.bf16, threads=THREADS)
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


def bf16_enabled() -> bool:
    """bfloat16 autocast where the CPU has bfloat16 instructions (elsewhere it is emulated, slower)."""
    forced = os.environ.get("CHECKER_STANCE_BF16")
    return forced == "1" if forced in {"0", "1"} else _cpu_has_bf16()


@lru_cache(maxsize=1)
def _cpu_has_bf16() -> bool:
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags
