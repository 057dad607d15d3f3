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
    passage = "انتقد الإعلام الروسي الولايات المتحدة بسبب العقوبات الجديدة."
    assert _role("انتقدت الولايات المتحدة روسيا بسبب العقوبات الجديدة.", passage) is None


@pytest.mark.parametrize("passage, swapped, same", [
    # a name right after the adjective is the side
    ("فاز ريال مدريد على ضيفه الإيطالي نابولي 3-2 في ذهاب دور الستة عشر.",
     "فاز نابولي على ريال مدريد 3-2 في ذهاب دور الستة عشر.", "فاز ريال مدريد على نابولي 3-2 في ذهاب دور الستة عشر."),
    # a ministry named by its country accuses
    ("اتهمت وزارة الخارجية الروسية الولايات المتحدة بعرقلة الاتفاق في جنيف.",
     "اتهمت الولايات المتحدة روسيا بعرقلة الاتفاق في جنيف.", "اتهمت روسيا الولايات المتحدة بعرقلة الاتفاق في جنيف."),
    # the name right after the subject is the direct object, not the «لـ» one further on
    ("وانتقد المغرب الجزائر بسبب دعمها لجبهة البوليساريو في الصحراء.",
     "انتقدت الجزائر المغرب بسبب دعمه للمغرب.", "انتقد المغرب الجزائر بسبب دعمها لجبهة البوليساريو."),
])
def test_roles_turned_round_conflict_and_kept_agree(passage: str, swapped: str, same: str) -> None:
    assert _role(swapped, passage) == "conflict"
    assert _role(same, passage) == "agree"


def test_a_verb_joined_by_and_has_no_one_letter_subject() -> None:
    passage = "واتهمت تركيا الولايات المتحدة بدعم الإرهاب في شمال سوريا."
    assert _role("اتهمت الولايات المتحدة تركيا بدعم الإرهاب في شمال سوريا.", passage) == "conflict"


def test_a_club_the_gazetteer_lacks_after_the_adjective_is_the_side() -> None:
    passage = "فاز يوفنتوس على ضيفه الإيطالي فيورنتينا 2-0 في الدوري."
    assert _role("فاز فيورنتينا على يوفنتوس 2-0 في الدوري.", passage) == "conflict"
