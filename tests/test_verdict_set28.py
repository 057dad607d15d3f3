"""Verdict sets 28 and 29 (issue 9, session 31), read as training data after their first contact: «ما» after a word
it hangs on («مسؤولية ما جرى», responsibility for what happened) was read as a negation, so a faithful paraphrase came
out "contradicted"; and a claim that someone refused to do what the passage says they did was "the same in other
words". The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.slots import compare
from checker.slots.align import refuses_more

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
    # the code review found these lost by the first version
    "دخل الجيش المدينة وما انسحب منها",  # «وما» opens its clause
    "قال الوزير إنه ما انسحب من المدينة",  # an opener carrying its subject
    "قال الوزير لكنه ما انسحب من المدينة",
    "منذ سنوات\nما انسحب الجيش من المدينة",  # a line break
])
def test_ma_opening_a_clause_still_negates(passage: str) -> None:
    assert "conflict" in _negation_outcomes("قال الوزير إن الجيش انسحب من المدينة", passage)


@pytest.mark.parametrize("passage", [
    "قال الوزير إن الجيش وصل إلى ما تبقى من المدينة",  # «إلى», folded to look like a word with ال
    "قال الوزير إن ما جرى في المدينة كان انسحابا للجيش",  # a bare «إن ما»: "that what happened"
])
def test_ma_after_a_preposition_or_a_bare_inna_is_what(passage: str) -> None:
    assert "conflict" not in _negation_outcomes("قال الوزير إن الجيش انسحب من المدينة", passage)


@pytest.mark.parametrize("claim, passage, refuses", [
    # set 29, read after its first contact: "refused to publish" is no paraphrase of "published"
    ("رفضت صحيفة واشنطن بوست نشر آخر مقال كتبه الصحفي جمال خاشقجي",
     "نشرت صحيفة واشنطن بوست آخر مقال للصحفي جمال خاشقجي", True),
    ("The minister declined to comment on the report.", "The minister commented on the report on Monday.", True),
    ("The minister declined to comment on the report.", "The minister did not comment on the report.", False),
    ("رفضت الحكومة التعليق على التقرير", "امتنعت الحكومة عن التعليق على التقرير", False),
])
def test_a_refusal_is_no_paraphrase_of_the_act_done(claim: str, passage: str, refuses: bool) -> None:
    assert refuses_more(claim, passage) is refuses
