"""Verdict set 28 (issue 9, session 31), read as training data after its first contact: «ما» after a word it hangs on
(«مسؤولية ما جرى», responsibility for what happened) was read as a negation, so a faithful paraphrase came out
"contradicted". The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.slots import compare

_PASSAGE = ("شددت رئيسة الوزراء البريطانية تيريزا ماي على ضرورة تحمل مرتكبي الهجوم الكيماوي على الغوطة الشرقية "
            "مسؤولية ما جرى")


def _negation_outcomes(claim: str, passage: str) -> list[str]:
    return [d.outcome for d in compare(claim, passage, 0.8).decisions if d.slot == "negation"]


def test_ma_after_the_noun_it_hangs_on_is_what_not_a_negation() -> None:
    claim = "أكدت رئيسة الوزراء البريطانية أن بريطانيا تعمل مع حلفائها للتثبت مما جرى في الغوطة الشرقية"
    assert "conflict" not in _negation_outcomes(claim, _PASSAGE)


@pytest.mark.parametrize("passage", [
    "ما انسحب الجيش من المدينة بعد المعارك",  # opening the sentence
    "قال الوزير إن الجيش ما انسحب من المدينة",  # after its subject
    "قالت الوزارة، ما انسحب الجيش من المدينة",  # after a comma
    "وعد الوزير بالانسحاب لكن ما انسحب الجيش من المدينة",  # after «لكن»
])
def test_ma_opening_a_clause_still_negates(passage: str) -> None:
    assert "conflict" in _negation_outcomes("قال الوزير إن الجيش انسحب من المدينة", passage)
