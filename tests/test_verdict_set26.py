"""Verdict set 26 (issue 9, session 30), read as training data after its first contact: a changed count across
languages was missed because what it counted had no name in the other language ("Eighteen Palestinian protesters" /
«8 متظاهرين»), and the bodies recovered («انتشال جثث 7 مهاجرين») were not read as the dead. A code review then
found words that also describe («مؤتمر صحفي», «تمرينا مشتركا») and a rescue act that took rescuers' death tolls. The sentences written
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


def test_a_changed_count_of_users_beside_another_count_is_a_conflict() -> None:
    """With two counts on a side no lone pair is compared: only the counted thing pairs them."""
    claim = "The bug exposed the posts of 14 million users in 30 countries."
    passage = "كشف الخلل منشورات 12 مليون مستخدم في 30 دولة"
    assert sorted(_quantity_outcomes(claim, passage)) == ["agree", "conflict"]


@pytest.mark.parametrize("claim, passage", [
    ("Rescue workers said 30 people died in the earthquake", "قالت السلطات إن 45 شخصا لقوا حتفهم في الزلزال"),
    ("قال الدفاع المدني وفرق الإنقاذ إن 30 شخصا قتلوا في الزلزال", "Civil defence said 45 people were killed in the quake"),
])
def test_rescuers_reporting_a_death_toll_still_compare_it(claim: str, passage: str) -> None:
    """A code review found a first version's "rescued" act governing the dead the rescuers counted."""
    assert "conflict" in _quantity_outcomes(claim, passage)


@pytest.mark.parametrize("text", ["ارتفع عدد القتلى إلى 50 بحسب المكتب الإعلامي الحكومي", "نفذ الجيشان 12 تمرينا مشتركا",
                                  "Police shot 3 as reporters watched"])
def test_words_that_also_describe_count_people_only_right_after_the_figure(text: str) -> None:
    assert not any(q.thing in ("journalists", "users") for q in read(text).quantities)


def test_family_members_are_people_not_families() -> None:
    assert not any(q.thing == "families" for q in read("Seven family members were killed in the strike").quantities)


def test_recovered_bodies_count_the_dead_in_english_too() -> None:
    assert [q.act for q in read("Divers recovered 7 bodies from the river").quantities] == ["killed"]


def test_recovered_bodies_count_the_dead() -> None:
    assert [q.act for q in read("انتشال جثث 7 مهاجرين أفارقة من شاحنة مهجورة في ليبيا").quantities] == ["killed"]
