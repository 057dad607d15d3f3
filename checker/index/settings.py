"""When the dense side uses the ANN index, and how long passages stay in its hot part (environment settings)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta

from checker.errors import InputError

INDEX_ENV = "CHECKER_INDEX"  # empty: the embedded index; milvus://host:port or milvus-lite:///path.db: Milvus
MIN_VECTORS_ENV = "CHECKER_ANN_MIN_VECTORS"
RETENTION_ENV = "CHECKER_RETENTION_DAYS"
QUANTIZATION_ENV = "CHECKER_ANN_QUANTIZATION"
QUANTIZATIONS = ("i8", "b1")  # int8 (default); binary with exact rescoring for stores of ~10M passages
DEFAULT_MIN_VECTORS = 50_000  # below this the exact scan is fast (< 30 ms) and needs no files


@dataclass(frozen=True)
class IndexSettings:
    min_vectors: int = DEFAULT_MIN_VECTORS
    retention_days: int = 0  # 0: no archive, every passage stays hot
    quantization: str = "i8"

    def cutoff(self, today: date | None = None) -> str | None:
        """Documents published before this day are archived (None: retention is off)."""
        if not self.retention_days:
            return None
        return ((today or date.today()) - timedelta(days=self.retention_days)).isoformat()


def index_settings() -> IndexSettings:
    quantization = os.environ.get(QUANTIZATION_ENV, "").strip().lower() or "i8"
    if quantization not in QUANTIZATIONS:
        raise InputError(f"{QUANTIZATION_ENV}={quantization!r} is not one of {', '.join(QUANTIZATIONS)}")
    return IndexSettings(min_vectors=_whole(MIN_VECTORS_ENV, DEFAULT_MIN_VECTORS),
                         retention_days=_whole(RETENTION_ENV, 0), quantization=quantization)


def index_location() -> str:
    """Where the dense side lives: "" for the embedded usearch files, else the CHECKER_INDEX value."""
    value = os.environ.get(INDEX_ENV, "").strip()
    return "" if value.lower() in ("", "usearch", "embedded") else value


def _whole(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise InputError(f"{name}={raw!r} is not a whole number (0 or more)")
    return int(raw)
