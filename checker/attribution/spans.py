"""The spans attribution passes between its modules: a phrase of the article, an outlet named in it."""
from __future__ import annotations

from dataclasses import dataclass

from checker.models import Outlet


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class OutletMention:
    outlet: Outlet
    start: int
    end: int
