"""What a user sees in the check-worthiness score: concrete, sourced facts rank above talk.

Sentences are real-world shapes (news, tweets, debate lines); every pair is a figure or named actor
against an opinion, greeting, prayer, advert, personal post, question or promise.
"""
from __future__ import annotations

import pytest

from checker.checkworthiness import features, score, vocabulary
from checker.numbers import find_numbers
from checker.segment import lexicon


def _score(text: str) -> float:
    return score(text, find_numbers(text))


@pytest.mark.parametrize("worthy, unworthy", [
    ("أعلنت وزارة الصحة السعودية تسجيل 1200 إصابة جديدة بفيروس كورونا.", "الحمد لله على نعمة الصحة، اللهم احفظ بلادنا."),
    ("وقال المتحدث باسم الجيش الإسرائيلي إن صاروخين أطلقا من غزة مساء الثلاثاء.", "صباح الخير يا أحلى متابعين"),
    ("بوتين: روسيا سجلت أول لقاح ضد كورونا في العالم", "للطلب والاستفسار تواصل معنا على الواتساب"),
    ("قالت وزارة الصحة إن 24 شخصا قتلوا في غارة على خان يونس.", "أخذت الجرعة الأولى اليوم وما حسيت بشي"),
    ("ارتفع عدد الوفيات في مصر إلى 320 حالة بحسب بيان الوزارة.", "والله الوضع صار مش طبيعي عشان كذا لازم نصبر"),
    ("Senator Sanders voted against the Brady Bill.", "We're going to make this country great again."),
    ("In 2009 she voted to raise taxes on families earning $50,000.", "I will cut your taxes and bring back jobs."),
    ("Unemployment fell to 4.9 percent in January, the Labor Department said.", "Good evening and welcome to the debate."),
    ("The Senate approved a $1.2 trillion infrastructure bill on Tuesday.", "That is a disgrace and it is ridiculous."),
])
def test_a_figure_or_named_actor_outranks_talk(worthy: str, unworthy: str) -> None:
    assert _score(worthy) > 0.8
    assert _score(unworthy) < 0.5
    assert _score(worthy) > _score(unworthy) + 0.4


def test_what_was_done_outranks_what_is_promised() -> None:
    done, promised = "Kasich raised taxes by $5 billion in Ohio.", "Kasich will raise taxes by $5 billion in Ohio."
    assert _score(done) > _score(promised)
    assert features(done, find_numbers(done))["past"] == 1.0
    assert features(promised, find_numbers(promised))["future"] == 1.0


def test_a_short_source_before_a_colon_counts_as_attribution() -> None:
    assert features("الصحة: لا يلزم الحجر لمن تلقى جرعتين من اللقاح")["cue"] == 1.0
    assert features("Pentagon: 2,500 troops will stay in Iraq")["cue"] == 1.0


def test_every_feature_has_a_weight_and_every_list_its_own_section() -> None:
    weights = lexicon()["checkworthiness"]
    assert set(features("any text")) == set(weights) - {"bias"}
    assert vocabulary()["talk"]["ar"] and vocabulary()["actors"]["en"]  # both files are read
