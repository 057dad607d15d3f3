"""Verdict scores as probabilities: a verdict of 0.8 should be right about 8 times in 10.

The raw strength of the passage that decided a verdict (stance score x similarity) is mapped through an
isotonic curve per label, read from checker/data/calibration.toml and fitted by
`scripts/calibrate_verdict.py` on ANS train pairs (cross-validated figures in docs/verdict.md). Between
the table's points the curve is linear; a label without a table keeps its raw score.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache

import numpy as np

from checker.config import DATA_DIR

CALIBRATION_FILE = DATA_DIR / "calibration.toml"


@lru_cache(maxsize=1)
def curves() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    if not CALIBRATION_FILE.is_file():
        return {}
    data = tomllib.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    return {label: (np.asarray(table["raw"], dtype=float), np.asarray(table["probability"], dtype=float))
            for label, table in data.get("curve", {}).items()}


def calibrated(raw: float, label: str) -> float:
    """The probability that a verdict with this raw strength is right (4 decimals)."""
    curve = curves().get(label) or curves().get("any")
    if curve is None:
        return round(float(raw), 4)
    xs, ys = curve
    return round(float(np.interp(raw, xs, ys)), 4)
