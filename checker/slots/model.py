"""The slot dataclasses: spans of the two texts, what was found in each, and the decisions comparing them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.models import NumberMention

Outcome = Literal["agree", "conflict"]


@dataclass(frozen=True)
class Span:
    """A piece of one of the two texts, by character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A place, actor or counted thing the gazetteer knows (or a name found by its capitals)."""

    kind: str  # place, actor, thing
    key: str  # gazetteer id, or "name:" + the folded name
    span: Span
    level: str = ""  # for places: country, region, city, site
    adjective: bool = False
    capital: str = ""  # a capital read as its government (key: the country): the city's own key, still its name


@dataclass(frozen=True)
class Quantity:
    number: NumberMention
    thing: str | None  # gazetteer thing id or the counted word's light stem
    place: str | None
    low: float
    high: float
    context: frozenset[str]  # content-word stems around the number, when the thing is not named
    act: str | None = None  # what happened to those counted: killed, wounded, arrested ... (slots.toml [[act]])


@dataclass(frozen=True)
class Role:
    """Who did what to whom: frame, the first role's key and span, the second role's key and span."""

    frame: str
    verb: Span
    first: Mention
    second: Mention


@dataclass(frozen=True)
class SlotDecision:
    """One slot compared: agree or conflict, with the spans that show it on each side."""

    slot: str  # quantity, date, place, actor_role, negation, actors, event
    outcome: Outcome
    claim: Span | None
    passage: Span | None
    reason: str


@dataclass(frozen=True)
class Comparison:
    """All slot decisions of one pair and the same-event judgement."""

    decisions: tuple[SlotDecision, ...]
    same_event: bool | None  # None: nothing tells either way
    wording: float | None  # share of the claim's content words the passage holds, spelling variants included (same language)
    other_event_reason: str | None

    @property
    def conflicts(self) -> tuple[SlotDecision, ...]:
        return tuple(d for d in self.decisions if d.outcome == "conflict")

    @property
    def agreements(self) -> tuple[SlotDecision, ...]:
        return tuple(d for d in self.decisions if d.outcome == "agree")

    def first(self, slot: str) -> SlotDecision | None:
        return next((d for d in self.conflicts if d.slot == slot), None)
