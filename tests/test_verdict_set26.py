"""Verdict set 26 (issue 9, session 30), read as training data after its first contact: a changed count across
languages was missed because what it counted had no name in the other language ("Eighteen Palestinian protesters" /
«8 متظاهرين»), and the bodies recovered («انتشال جثث 7 مهاجرين») were not read as the dead. The sentences written
here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.slots import compare, read


def _quantity_outcomes(claim: str, passage: str) -> list[str]:
    return [d.outcome for d in compare(claim, passage, 0.8).decisions if d.slot == "quantity"]


@pytest.mark.parametrize("english, arabic, thing", [
    ("Eighteen Palestinian protesters were killed", "وقتل 8 متظاهرين فلسطينيين", "protesters"),
    ("Police detained 12 journalists in Istanbul", "احتجزت الشرطة 5 صحفيين في إسطنبول", "journalists"),
    ("The coast guard rescued 40 migrants off Libya", "أنقذ خفر السواحل 40 مهاجرا قبالة ليبيا", "migrants"),
    ("The bug exposed the posts of 14 million users", "كشف الخلل منشورات 14 مليون مستخدم", "users"),
])
def test_counted_people_are_the_same_thing_in_both_languages(english: str, arabic: str, thing: str) -> None:
    assert [q.thing for q in read(english).quantities] == [thing]
    assert [q.thing for q in read(arabic).quantities] == [thing]


def test_a_changed_count_of_protesters_across_languages_is_a_conflict() -> None:
    claim = "Eighteen Palestinian protesters were killed by Israeli fire during Friday's demonstrations in Gaza."
    passage = "وقُتل 8 متظاهرين فلسطينيين برصاص القوات الإسرائيلية خلال مظاهرات اندلعت الجمعة في قطاع غزة."
    assert "conflict" in _quantity_outcomes(claim, passage)


def test_the_rescued_and_the_dead_are_counts_of_two_acts() -> None:
    """«انتشال جثث 7 مهاجرين» counts the dead; "rescued 28 migrants" the living: no conflict between them."""
    claim = "Libyan authorities rescued 28 other migrants from a refrigerated truck abandoned by smugglers."
    passage = "انتشال جثث 7 مهاجرين أفارقة من شاحنة مهجورة في ليبيا"
    assert [q.act for q in read(passage).quantities] == ["killed"]
    assert "conflict" not in _quantity_outcomes(claim, passage)
