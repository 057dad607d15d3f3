"""Verdict set 24 (issue 9, session 29), read as training data after its first contact: three true claims were
called contradicted by words read wrongly. «بلا» is "without" as «دون» is; «ما» opening a clause after a comma is
"which" («، ما استدعى حضور الشرطة»), not a negation; killed and wounded on both sides («قُتل ... وجُرح» / «لقوا
حتفهم وأصيب») are no opposites. The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.models import Attribution, Claim
from checker.outlets import load_registry
from checker.slots import compare
from checker.stance import assess
from checker.verdict import claim_said


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


def test_ma_after_a_comma_before_another_verb_still_negates() -> None:
    """A code review found the first version silencing «قال الوزير، ما حضرت الشرطة»: only a verb of consequence
    (slots.toml `ma_result_verbs`) makes «ما» "which"."""
    decisions = compare("قال الوزير، ما حضرت الشرطة إلى الملهى", "قال الوزير، حضرت الشرطة إلى الملهى", 0.7).decisions
    assert [d for d in decisions if d.slot == "negation" and d.outcome == "conflict"]


def test_killed_written_masraa_is_killed() -> None:
    result = assess("لقي ثلاثة أشخاص مصرعهم بانفجار قنبلة في ملهى ليلي", "أصيب ثلاثة أشخاص بانفجار قنبلة في ملهى ليلي")
    assert result.decided_by == "opposites"


def _citing(text: str, name: str) -> Claim:
    outlet = load_registry().resolve(name)
    return Claim(id="c1", text=text, start=0, end=len(text), sentence_index=0, sentence=text, checkworthiness=0.9,
                 attribution=Attribution(kind="according_to", outlet=outlet, outlet_from="sentence"))


@pytest.mark.parametrize("text, name, said", [
    ("According to Euronews, the farmers' blockade of fuel depots also sought to limit imports.", "Euronews",
     "the farmers' blockade of fuel depots also sought to limit imports."),
    ("The Guardian reported that the minister resigned on Friday after the vote.", "The Guardian",
     "the minister resigned on Friday after the vote."),
    ("The council closed the bridge on Tuesday, according to the Detroit Free Press.", "Detroit Free Press",
     "The council closed the bridge on Tuesday."),
    ("Rockets were fired at the US embassy in Baghdad on Friday, Newsweek reported.", "Newsweek",
     "Rockets were fired at the US embassy in Baghdad on Friday, reported."),  # a closing verb stays (docstring)
    ("بحسب قناة الجزيرة، واصلت طائرات التحالف قصف مواقع الحوثيين في الجوف.", "الجزيرة",
     "واصلت طائرات التحالف قصف مواقع الحوثيين في الجوف."),
    ("ذكرت صحيفة الشرق الأوسط السعودية أن الوزير استقال يوم الجمعة بعد التصويت.", "الشرق الأوسط",
     "الوزير استقال يوم الجمعة بعد التصويت."),
    ("نقل موقع العربي الجديد عن مدافع كرواتيا قوله إن اللاعبين ضجروا من اللقب.", "العربي الجديد",
     "مدافع كرواتيا قوله إن اللاعبين ضجروا من اللقب."),
])
def test_what_a_claim_citing_an_outlet_says_leaves_out_the_citing_words(text: str, name: str, said: str) -> None:
    """Set 24 and 25's true claims citing the wrong outlet were all "not enough evidence": their citing words
    lowered their likeness to the passage that says the same."""
    assert claim_said(_citing(text, name)) == said


@pytest.mark.parametrize("claim, passage", [
    ("منحت السلطات الفرنسية شركة توتال إذنا في مصفاة لاميد الواقعة في شمال فرنسا.",
     "حصلت توتال على إذن في مصفاة لاميد جنوب فرنسا، ما أثار غضب المزارعين."),
    ("Fighting broke out in northern Syria on Monday, the monitor said.",
     "Fighting broke out in southern Syria on Monday, the monitor said."),
    ("Floods hit the north of England on Sunday.", "Floods hit the south of England on Sunday."),
])
def test_the_same_place_on_opposite_compass_sides_is_a_place_conflict(claim: str, passage: str) -> None:
    """Set 25's refinery «في شمال فرنسا» against «جنوب فرنسا» was called supported."""
    assert [d for d in compare(claim, passage, 0.7).decisions if d.slot == "place" and d.outcome == "conflict"]


@pytest.mark.parametrize("claim, passage", [
    ("Fighting broke out in northern Syria on Monday.", "Fighting broke out in north-east Syria on Monday."),
    ("القتال اندلع في شمال سوريا يوم الاثنين", "القتال اندلع في سوريا يوم الاثنين"),
    ("Floods hit the north of England on Sunday.", "Floods hit South Africa and England on Sunday."),
])
def test_compass_words_that_do_not_oppose_are_no_conflict(claim: str, passage: str) -> None:
    assert not [d for d in compare(claim, passage, 0.7).decisions if d.slot == "place" and d.outcome == "conflict"]
