"""Settings read from the environment, so the CLI, the app and the tests agree."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_EMBEDDING_MODEL = "use-multilingual-v3"
# Distinct claims of one analysis checked against the evidence (the most check-worthy first); the rest are
# reported as not checked. Bounds the evidence stage (~0.1 s of CPU a claim with the stance cross-encoder,
# docs/reliability.md). The sample article has 19 claims.
EVIDENCE_CLAIMS_ENV = "CHECKER_EVIDENCE_CLAIMS"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def env_number(name: str, default: float) -> float:
    """A positive number from the environment; a typo gets a message naming the variable, not a traceback."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1
    if value <= 0:
        raise InputError(f"{name}={raw!r} is not a positive number")
    return value


@dataclass(frozen=True)
class Settings:
    db_path: Path | str  # a postgresql:// URL for a shared desk (checker.store.pg)
    embedding_model: str
    nli_model: str | None
    allow_private_urls: bool
    fetch_timeout: float
    fetch_max_bytes: int
    max_input_chars: int
    evidence_claims: int


DATABASE_URL_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(location: object) -> bool:
    """Whether a --db / CHECKER_DB value names a PostgreSQL server rather than an SQLite file."""
    return isinstance(location, (str, os.PathLike)) and os.fspath(location).startswith(DATABASE_URL_SCHEMES)


def _location(value: str | os.PathLike[str]) -> Path | str:
    """A file path, or a postgresql:// URL kept as typed (Path would fold its "//")."""
    text = os.fspath(value)
    return text if is_database_url(text) else Path(text)


def get_settings(db_path: str | os.PathLike[str] | None = None) -> Settings:
    """`db_path` (the --db flag) wins over CHECKER_DB, which wins over ./claims.db."""
    return Settings(
        db_path=_location(db_path or os.environ.get("CHECKER_DB") or PROJECT_ROOT / "claims.db"),
        embedding_model=os.environ.get("CHECKER_EMBEDDING_MODEL") or DEFAULT_EMBEDDING_MODEL,
        nli_model=os.environ.get("CHECKER_NLI_MODEL") or None,
        allow_private_urls=_flag("CHECKER_ALLOW_PRIVATE_URLS"),
        fetch_timeout=env_number("CHECKER_FETCH_TIMEOUT", 15),
        fetch_max_bytes=int(env_number("CHECKER_FETCH_MAX_BYTES", 10 * 1024 * 1024)),
        max_input_chars=int(env_number("CHECKER_MAX_INPUT_CHARS", 2_000_000)),  # docs/reliability.md: < 30 s at the limit
        evidence_claims=int(env_number(EVIDENCE_CLAIMS_ENV, 50)),
    )
