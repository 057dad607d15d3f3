"""What a text says, slot by slot, and where a passage and a claim part ways.

From each text: the places and actors it names (through checker/data/gazetteer.toml, across Arabic and
English, and by consonant skeleton for names the gazetteer lacks), who did what to whom (frames of
checker/data/slots.toml: winner/loser, attacker/target, speaker/addressee), dates with their granularity,
quantities with the thing they count and the place they are in ("2,500 troops in Iraq and 900 in Syria" is
two quantities of troops, in two places), and negated predicates. `compare` first asks whether the passage
is about the same event (the claim's own words, or its actors, place and time); only then may a slot
decide, and each decision names the slot and the two spans, claim side and passage side.
"""
from __future__ import annotations

from checker.slots.compare import compare, denial_in_scope, sentences
from checker.slots.extract import TextSlots, read
from checker.slots.model import Comparison, Mention, Quantity, Role, SlotDecision, Span
from checker.slots.names import (load_gazetteer, load_rules, mentions, places_compatible, same_entity, same_name,
                                 skeleton)

__all__ = ["Comparison", "Mention", "Quantity", "Role", "SlotDecision", "Span", "TextSlots", "compare",
           "denial_in_scope", "load_gazetteer", "load_rules", "mentions", "places_compatible", "read",
           "same_entity", "same_name", "sentences", "skeleton"]
