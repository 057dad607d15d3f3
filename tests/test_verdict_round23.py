"""Round 23 of issue 9 (session 25): «لست» is "I am not" («لست متأكدا»), a figure only before a plural in «ات»
(«لست سنوات»); and a claim's count paired with a report's only count for being alone on each side is not
contradicted by a figure the claim itself states elsewhere (the report's «الدقيقة 86» is the claim's "86th minute",
not another value for its "round of 16"). The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.numbers import find_numbers
from checker.slots import compare


@pytest.mark.parametrize("text", ["لست بالمستشفى ولم أحتجز في أي مكان", "قال المدرب: لست متأكدا من مشاركة اللاعب"])
def test_i_am_not_is_no_six(text: str) -> None:
    assert [n.text for n in find_numbers(text)] == []


def test_for_six_years_is_still_six() -> None:
    assert [n.value for n in find_numbers("وحكمت المحكمة عليه بالسجن لست سنوات")] == [6.0]


def _quantity_outcomes(claim: str, passage: str) -> list[str]:
    return [d.outcome for d in compare(claim, passage, 0.75).decisions if d.slot == "quantity"]


def test_a_figure_the_claim_states_is_no_other_value_for_its_count() -> None:
    claim = "A goal by Rojo in the 86th minute gave Argentina the win over Nigeria and a place in the round of 16."
    passage = "وفازت الأرجنتين على نيجيريا بهدف سجله ماركوس روخو في الدقيقة 86 من المباراة."
    assert "conflict" not in _quantity_outcomes(claim, passage)


def test_a_lone_count_the_claim_changed_still_conflicts() -> None:
    claim = "Police in Cairo arrested 16 people after the protest on Friday."
    passage = "واعتقلت الشرطة في القاهرة 86 شخصا بعد الاحتجاج يوم الجمعة."
    assert _quantity_outcomes(claim, passage) == ["conflict"]
