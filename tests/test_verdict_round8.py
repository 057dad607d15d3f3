"""Round 8 of issue 9 (session 10): what verdict set 6's first contact showed, fixed from it as training data.
Sentences of our own in the style of the real cases: eleven and twelve in words, a figure rounded to its scale
word, «ما» and «لا يزال» that negate nothing, a refusal that does, the Maghreb spelling of the euro."""
from __future__ import annotations

import pytest

from checker.numbers import find_numbers, rounding_step
from checker.slots import compare
from checker.slots.extract import read


@pytest.mark.parametrize(("text", "value"), [
    ("قتل أحد عشر طفلا في الهجوم", 11),
    ("يقدر عددهم بأحد عشر طفلا", 11),  # with its preposition
    ("سجن إحدى عشرة امرأة", 11),
    ("ضمت القائمة اثني عشر لاعبا", 12),
    ("ثلاثة عشر شخصا", 13),
])
def test_eleven_and_twelve_in_words_are_one_number(text: str, value: float) -> None:
    assert [m.value for m in find_numbers(text)] == [value]


def test_ahad_alone_is_one_of_or_sunday_never_a_number() -> None:
    assert find_numbers("أحد المتهمين") == ()
    assert [m.value for m in find_numbers("وصل يوم الأحد عشرة أشخاص")] == [10]
    assert [m.value for m in find_numbers("أطلقت الفصائل يوم الأحد عشر قذائف")] == [10]  # Sunday, ten shells


def quantity_outcomes(claim: str, passage: str) -> list[str]:
    return [d.outcome for d in compare(claim, passage, 0.8).decisions if d.slot == "quantity"]


def test_a_figure_written_with_its_scale_word_is_rounded_to_that_scale() -> None:
    assert [rounding_step(m) for m in find_numbers("تورط 54 ألف شخص")] == [1000]
    assert [rounding_step(m) for m in find_numbers("بلغ عددهم 54.457 شخصا")] == [0]
    assert [rounding_step(m) for m in find_numbers("2.5 million people")] == [0]
    assert quantity_outcomes("بلغ عدد المتابعين في قضايا إرهاب 54457 شخصا",
                             "تورط 54 ألف شخص في قضايا إرهاب") == ["agree"]


def test_a_rounded_figure_still_differs_from_another_thousand() -> None:
    assert quantity_outcomes("قتل 54500 شخص في الزلزال", "قتل 54 ألف شخص في الزلزال") == ["conflict"]


@pytest.mark.parametrize(("claim", "passage"), [
    ("قتل 3500 شخص في الزلزال", "قتل 4 آلاف شخص في الزلزال"),  # one digit before the scale word: not rounded
    ("قتل 1.4 مليون شخص في المجاعة", "قتل مليون شخص في المجاعة"),
    ("The attack killed 1,400 soldiers", "The attack killed a thousand soldiers"),
])
def test_a_one_digit_multiplier_is_no_rounding_so_a_changed_figure_still_conflicts(claim: str, passage: str) -> None:
    assert quantity_outcomes(claim, passage) == ["conflict"]


@pytest.mark.parametrize("sentence", [
    "قالت الشركة إنها ستعيد شراء السيارات الحديثة نوعا ما المتضررة من الحظر",  # «نوعا ما»: somewhat
    "وصل الوفد إلى المدينة وفق ما نقلت الوكالة",  # «وفق ما»: according to what
    "لا يزال الوضع متوترا في المدينة",  # still
    "وما زالت المفاوضات متعثرة بين الطرفين",
    "وهو ما نفاه الوزير في بيان",  # which the minister denied
])
def test_words_that_only_look_like_a_negation_negate_nothing(sentence: str) -> None:
    assert read(sentence).negated == ()


def test_a_refusal_to_reveal_negates_the_revealing_and_a_refusal_of_charges_does_not() -> None:
    assert [stem for stem, _ in read("رصدت الوزارة حالات في جهات رفضت الكشف عنها").negated] == ["كشف"]
    assert [stem for stem, _ in read("ورفضت الوزارة التعليق على الخبر").negated] == ["تعليق"]
    assert read("ورفض الوزير الاتهامات الموجهة إليه").negated == ()  # the subject follows the verb
    assert [stem for stem, _ in read("ورفض الوزير أن يكشف أسماء المتورطين").negated] == ["يكشف"]
    assert read("ورفض الوزير الاتهامات، مؤكدا أن الحكومة ملتزمة بالقانون").negated == ()
    assert read("رفضت الدول العربية الإعلان الأمريكي").negated == ()  # a declaration, not an act of telling


def test_a_real_negation_still_counts() -> None:
    assert [stem for stem, _ in read("لم يعتقل الجيش أحدا").negated] == ["يعتقل"]
    assert read("ما قال الوزير ذلك أبدا").negated


def test_the_maghreb_spelling_of_the_euro_is_a_currency() -> None:
    assert [m.unit for m in find_numbers("بمبلغ قدره 3 آلاف أورو")] == [m.unit for m in find_numbers("3 آلاف يورو")]


def test_a_dot_between_thousands_is_no_decimal_point_except_in_a_sum_of_dinars() -> None:
    assert [m.value for m in find_numbers("بلغ عدد المتابعين 54.457 شخصا")] == [54457]
    assert [m.value for m in find_numbers("سعر الكيلوغرام 3.500 دينار")] == [3.5]  # dinars and millimes
    assert [m.value for m in find_numbers("2.5 مليون نسمة")] == [2_500_000]
    assert [m.value for m in find_numbers("a blood alcohol level of 0.150")] == [0.15]
    assert [(m.low, m.high) for m in find_numbers("بين 1.500 و2.000 زائر")] == [(1500, 2000)]


def place_outcomes(claim: str, passage: str) -> list[str]:
    return [d.outcome for d in compare(claim, passage, 0.6).decisions if d.slot == "place"]


def test_a_city_the_claim_names_differs_from_the_passages_even_when_the_country_of_the_passages_is_named() -> None:
    # the claim names Turkey as a participant; the summit was in Ankara, not Tehran
    claim = "القمة الثلاثية التي جمعت رؤساء تركيا وروسيا وإيران حول سوريا انعقدت في طهران يوم الأربعاء."
    passage = ("تعهد رؤساء تركيا وروسيا وإيران اليوم الأربعاء، في قمة احتضنتها أنقرة، بتعزيز التعاون من أجل التوصل "
               "إلى وقف دائم لإطلاق النار في سوريا.")
    assert place_outcomes(claim, passage) == ["conflict"]


def test_a_passage_naming_one_of_the_claims_cities_is_no_place_conflict() -> None:
    assert place_outcomes("اشتباكات عنيفة في حلب وإدلب بسوريا يوم الجمعة", "اشتباكات عنيفة في حلب يوم الجمعة") != ["conflict"]
    assert place_outcomes("clashes in Syria and Iraq on Friday", "clashes in Mosul on Friday") != ["conflict"]
