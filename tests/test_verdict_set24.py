"""Verdict set 24 (issue 9, session 29), read as training data after its first contact: three true claims were
called contradicted by words read wrongly. «بلا» is "without" as «دون» is; «ما» opening a clause after a comma is
"which" («، ما استدعى حضور الشرطة»), not a negation; killed and wounded on both sides («قُتل ... وجُرح» / «لقوا
حتفهم وأصيب») are no opposites. The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.slots import compare
from checker.stance import assess


def test_without_written_bla_is_the_same_negation_as_dun() -> None:
    result = assess("أكد الوزير أن الجريمة مرت دون عقاب", "أكد الوزير أن الجريمة مرت بلا عقاب")
    assert result.decided_by != "negation"
    assert not any(signal.startswith("negation") for signal in result.signals)


def test_a_claim_without_the_word_the_passage_negates_with_bla_is_still_read() -> None:
    result = assess("أكد الوزير أن الجريمة مرت مع عقاب شديد", "أكد الوزير أن الجريمة مرت بلا عقاب")
    assert any("بلا" in signal for signal in result.signals)


def test_ma_after_a_comma_is_which_not_a_negation() -> None:
    claim = "رفض اللاعب دفع فاتورة السهرة البالغة 16 ألف يورو، ما استدعى حضور الشرطة"
    passage = "بدأت متاعب اللاعب حين رفض دفع فاتورة السهرة، البالغة قيمتها أكثر من 16 ألف يورو، مما استدعى حضور الشرطة."
    assert not [d for d in compare(claim, passage, 0.7).decisions if d.slot == "negation"]


def test_ma_opening_a_sentence_still_negates() -> None:
    decisions = compare("ما حضرت الشرطة إلى الملهى", "حضرت الشرطة إلى الملهى", 0.7).decisions
    assert [d for d in decisions if d.slot == "negation" and d.outcome == "conflict"]


def test_killed_and_wounded_on_both_sides_are_no_opposites() -> None:
    result = assess("قتل عشرة أشخاص على الأقل وجرح العشرات بانفجار قنبلة في ملهى ليلي",
                    "لقي عشرة أشخاص على الأقل حتفهم وأصيب عشرات آخرون بانفجار قنبلة في ملهى ليلي")
    assert result.decided_by != "opposites"


@pytest.mark.parametrize("claim, passage", [
    ("قتل ثلاثة أشخاص بانفجار قنبلة في ملهى ليلي", "أصيب ثلاثة أشخاص بانفجار قنبلة في ملهى ليلي"),
    ("أقر حزب الله بالاتهامات التي وجهتها المحكمة الدولية", "رفض حزب الله الاتهامات التي وجهتها المحكمة الدولية"),
])
def test_opposites_are_still_read(claim: str, passage: str) -> None:
    assert assess(claim, passage).decided_by == "opposites"


def test_recognising_in_the_claim_is_no_opposite_of_acknowledging_in_the_passage() -> None:
    result = assess("اعترفت مدريد بصلاحيات رئيس الإقليم الجديد وترفض المصادقة على وزرائه",
                    "أقرت الحكومة الإسبانية بسلطات رئيس الإقليم الجديد ورفضت المصادقة على وزرائه")
    assert result.decided_by != "opposites"
