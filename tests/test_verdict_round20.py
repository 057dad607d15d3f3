"""Round 20 of issue 9 (session 22): a team named by its country's adjective («المنتخب الفرنسي», «نظيره
الأسترالي») fills the winner's or loser's role, so a claim that turns the result round is a contradiction, and the
same result in other words still agrees. The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.slots import compare

_PASSAGE = ("تغلب المنتخب الفرنسي على صمود نظيره الأسترالي وحقق البداية المرجوة في مشواره ببطولة كأس العالم، "
            "حيث فاز عليه 2 - 1 يوم السبت في الجولة الأولى من مباريات المجموعة الثالثة.")


def _role(claim: str, passage: str = _PASSAGE) -> str | None:
    decision = next((d for d in compare(claim, passage, 0.7).decisions if d.slot == "actor_role"), None)
    return decision.outcome if decision else None


@pytest.mark.parametrize("claim", [
    "أستراليا تغلبت على فرنسا بنتيجة 2-1 في مباراتهما الأولى ضمن المجموعة الثالثة.",
    "فاز المنتخب الأسترالي على نظيره الفرنسي 2-1 في الجولة الأولى من كأس العالم.",
])
def test_the_result_turned_round_is_a_role_swap(claim: str) -> None:
    assert _role(claim) == "conflict"


@pytest.mark.parametrize("claim", [
    "فرنسا تغلبت على أستراليا بنتيجة 2-1 في مباراتهما الأولى ضمن المجموعة الثالثة.",
    "فاز المنتخب الفرنسي على نظيره الأسترالي 2-1 في الجولة الأولى من كأس العالم.",
])
def test_the_same_result_keeps_its_roles(claim: str) -> None:
    assert _role(claim) == "agree"


def test_a_nationality_adjective_elsewhere_fills_no_role() -> None:
    passage = "قصف الطيران الإسرائيلي مواقع في ريف دمشق فجر الأحد، وفق ما أعلن الجيش."
    assert _role("قصفت سوريا مواقع إسرائيلية فجر الأحد.", passage) is None
