"""Round 24 of issue 9 (session 26): «كم» after a figure is kilometres («يبعد عنها بحوالي 35 كم»), so a distance
written «كم» is compared with one in «كيلومترا» or "kilometres". The sentences written here are unit tests, not
evidence of quality."""
from __future__ import annotations

import pytest

from checker.stance import assess


@pytest.mark.parametrize("claim, passage", [
    ("يبعد المطار 35 كم عن وسط المدينة", "يبعد المطار 40 كيلومترا عن وسط المدينة"),
    ("The Kahbub mountains, seized by Yemeni government forces from the Houthis, lie roughly 85 kilometres from the "
     "Bab al-Mandab strait.", "وتقع جبال كهبوب جنوب غرب باب المندب الذي يبعد عنها بحوالي 35 كم."),
])
def test_a_distance_in_km_is_compared(claim: str, passage: str) -> None:
    assert any(signal.startswith("number mismatch") for signal in assess(claim, passage).signals)


def test_the_same_distance_in_km_is_no_mismatch() -> None:
    result = assess("يبعد المطار 35 كم عن وسط المدينة", "يبعد المطار 35 كيلومترا عن وسط المدينة")
    assert not any(signal.startswith("number mismatch") for signal in result.signals)
