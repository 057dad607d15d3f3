"""Round 23 of issue 9 (session 25): «لست» is mostly "I am not" («لست متأكدا», «لست بالمستشفى»), a figure only before
a counted plural or a number word («لست سنوات», «لست أشهر», «لست آلاف», «لست عشرة»). The sentences written here are
unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.numbers import find_numbers


@pytest.mark.parametrize("text", ["لست بالمستشفى ولم أحتجز في أي مكان", "قال المدرب: لست متأكدا من مشاركة اللاعب",
                                  "وقالت الوزيرة: لست مصدومة من القرار", "لست من أنصار هذا الاتفاق"])
def test_i_am_not_is_no_six(text: str) -> None:
    assert [n.text for n in find_numbers(text)] == []


@pytest.mark.parametrize("text, value", [
    ("وحكمت المحكمة عليه بالسجن لست سنوات", 6.0),
    ("ومدد البنك المركزي القرض لست أشهر إضافية", 6.0),
    ("وتبرعت الشركة لست دول أفريقية", 6.0),
    ("ورفعت الغرامة لست آلاف جنيه", 6000.0),
    ("وفاز الفريق لست عشرة مرة", 16.0),
])
def test_for_six_is_still_six(text: str, value: float) -> None:
    assert [n.value for n in find_numbers(text)] == [value]
