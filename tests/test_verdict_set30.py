"""Verdict set 30 (issue 9, session 32), read as training data after its first contact: a figure written with the
Arabic comma glued between its digits («58،8%», France 24's copy) was read as 58 and 8%, so a faithful paraphrase
saying "58.8 per cent" came out contradicted by "8%"; and FA-KES's reports, read in place for the evidence store with
their outlet and date. The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checker.numbers import find_numbers

_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_ROOT / "eval"), str(_ROOT / "scripts")]
from eval_verdict_cases import outlet_and_date  # noqa: E402
from real_articles import article_text  # noqa: E402


@pytest.mark.parametrize("text, values", [
    ("باتت قوات النظام تسيطر على 58،8% من مساحة محافظة درعا", [58.8]),
    ("بلغ العجز 3،1 ملايين دينار", [3100000.0]),
    ("تسيطر على 58,8% من مساحة المحافظة", [58.8]),
    ("قتل 12 شخصا، 3 منهم أطفال", [12.0, 3.0]),  # a comma and a space: two figures
    ("في 2017،12 شخصا فقط", [2017.0, 12.0]),  # four digits before the comma: no decimal
    ("ارتفع المؤشر 12،5 بالمئة", [12.5]),
    # the Arabic comma between digits with no percent or scale after: lists, times and scores, not decimals
    ("الفصول 1،2،3 من القانون", [1.0, 2.0, 3.0]),
    ("المادتين 3،4 من الدستور", [3.0, 4.0]),
    ("الساعة 10،30 صباحا", [10.0, 30.0]),
])
def test_a_decimal_comma_is_read_whichever_comma_is_typed(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == values


def test_a_fakes_report_is_read_in_place_with_its_outlet_and_date(eval_data: Path) -> None:
    assert article_text("fakes/1915433684").startswith("8 July 2015")
    assert outlet_and_date("fakes/1915433684") == ("The New Arab", "2015-07-08")


def test_the_syrian_national_coalitions_site_is_no_outlet(eval_data: Path) -> None:
    assert outlet_and_date("fakes/1926479112")[0] is None
