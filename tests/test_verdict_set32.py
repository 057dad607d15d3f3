"""Verdict set 32 (issue 9, session 33), read as training data after its first contact: roles exchanged between
Arabic names no gazetteer holds («أشعياء ... كان أب الاعتراف للراهب زينون» against the report's «زينون ... كان أب
الاعتراف للراهب ... أشعياء») were called supported, and so was an exchange the names gazetteer saw but a standalone
«و» typed inside the passage («بقواتها و صواريخها») took for the two sides named together. Then sets 32-33's false
contradictions: a short unlisted place against itself («آخن»), a first name read as a nationality («تركي آل الشيخ»),
a figure of a report on another place, and Arabic "one" counting the noun after it («دقيقة واحدة ... هدف»). The claims
are the blind writers' (eval/verdict_cases*/cases.jsonl); the reports are read in place."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.slots.compare import compare, places_unnamed
from checker.slots.extract import read
from checker.slots.names import places_compatible
from checker.slots.swap import swapped_names, swapped_words
from real_training_items import article_text, verdict_case


def _paragraph(case: dict[str, Any]) -> str:
    text = article_text(case["doc"])
    return next(p for p in text.split("\n") if p.find(text[case["start"]:case["end"]]) >= 0)


@pytest.mark.parametrize("verdict_set, case_id, first, second", [
    ("verdict_cases32", "a017", "أشعياء", "زينون"),  # who confessed whom
    ("verdict_cases32", "b004", "الداخلية", "دانيلو"),  # which ministry asked which
])
def test_roles_exchanged_between_unlisted_arabic_names_contradict(eval_data: Path, verdict_set: str, case_id: str,
                                                                   first: str, second: str) -> None:
    case = verdict_case(verdict_set, case_id)
    paragraph = _paragraph(case)
    decision = swapped_words(case["claim"], paragraph)
    assert decision is not None and decision.outcome == "conflict" and decision.claim and decision.passage
    assert decision.reason == f"roles swapped: {first} before {second} in the claim, after it in the passage"
    assert case["claim"][decision.claim.start:decision.claim.end] == decision.claim.text
    assert paragraph[decision.passage.start:decision.passage.end] == decision.passage.text


@pytest.mark.parametrize("verdict_set, case_id", [
    ("verdict_cases20", "a001"),  # «عبدالرحيم نقي، أمين عام ...، أوضح» / «وأوضح أمين عام ... عبدالرحيم»
    ("verdict_cases5", "b022"),  # the title and the verb before the name, or after it
    ("verdict_cases17", "a043"),  # a date moved round the two leaders
])
def test_a_faithful_rewording_that_moves_a_verb_title_or_date_is_no_swap(eval_data: Path, verdict_set: str,
                                                                          case_id: str) -> None:
    case = verdict_case(verdict_set, case_id)
    assert case["label"] == "supported"
    text = article_text(case["doc"])
    assert all(swapped_words(case["claim"], paragraph) is None for paragraph in text.split("\n"))


def test_a_standalone_waw_typed_inside_the_passage_does_not_hide_the_swap(eval_data: Path) -> None:
    case = verdict_case("verdict_cases32", "b026")
    decision = swapped_names(case["claim"], _paragraph(case))
    assert decision is not None
    assert decision.reason == "roles swapped: إسرائيل before إيران in the claim, after it in the passage"


@pytest.mark.parametrize("claim, passage", [
    ("Egypt and Ethiopia agreed to resume talks on the dam.", "Ethiopia and Egypt agreed to resume talks on the dam."),
    ("Egypt's foreign minister and Ethiopia's foreign minister attended the summit in Geneva.",
     "Ethiopia's foreign minister and Egypt's foreign minister attended the summit in Geneva."),
    ("حضر وزير خارجية مصر و وزير خارجية إثيوبيا القمة في جنيف", "حضر وزير خارجية إثيوبيا و وزير خارجية مصر القمة في جنيف"),
])
def test_two_names_joined_by_and_are_no_swap(claim: str, passage: str) -> None:
    assert swapped_names(claim, passage) is None and swapped_words(claim, passage) is None


def test_a_swap_across_a_long_gap_with_a_typed_waw_is_read() -> None:
    claim = "طالما أن إسرائيل أخلت بالوضع القائم و استباحت الدول بقواتها، فمن حق إيران أن تدافع عن نفسها"
    passage = "طالما أن إيران أخلت بالوضع القائم و استباحت الدول بقواتها، فمن حق إسرائيل أن تدافع عن نفسها"
    assert swapped_names(claim, passage) is not None


@pytest.mark.parametrize("claim, passage", [
    # a prepositional phrase moved round the act: where and with whom, not who did what
    ("في القاهرة افتتح الرئيس المعرض الدولي للكتاب بحضور الوزراء",
     "بحضور الوزراء افتتح الرئيس المعرض الدولي للكتاب في القاهرة"),
    # the passage also says it the claim's way
    ("أشعياء كان أب الاعتراف للراهب زينون",
     "زينون كان أب الاعتراف للراهب أشعياء. وقال آخرون إن أشعياء كان أب الاعتراف للراهب زينون."),
])
def test_words_moved_without_exchanging_roles_are_no_swap(claim: str, passage: str) -> None:
    assert swapped_words(claim, passage) is None
    assert swapped_words("أشعياء كان أب الاعتراف للراهب زينون", "زينون كان أب الاعتراف للراهب أشعياء") is not None


def test_a_short_unlisted_place_matches_itself(eval_data: Path) -> None:
    """Set 33 a028: «مدينة آخن الألمانية» in claim and report was "the claim says آخن, the passage آخن"."""
    assert places_compatible("name:اخن", "name:اخن")
    case = verdict_case("verdict_cases33", "a028")
    decisions = compare(case["claim"], _paragraph(case), 0.6).decisions
    assert not [d for d in decisions if d.slot == "place" and d.outcome == "conflict"]


@pytest.mark.parametrize("text, places", [
    ("يعقد تركي آل الشيخ رئيس الهيئة العامة للرياضة اجتماعا مع رابطة لا ليغا", []),  # set 33 b010: a first name
    ("التقى الأمير تركي بن عبدالله بالوفد", []),
    ("قال مسؤول تركي إن الهجوم فشل", ["turkey"]),
])
def test_a_first_name_that_is_also_a_nationality_is_no_place(text: str, places: list[str]) -> None:
    assert [m.key for m in read(text).places] == places


def test_a_figure_of_a_report_on_another_place_is_not_the_claims(eval_data: Path) -> None:
    """A figure counts against a claim only when the passage's story names one of the claim's places or a place
    holding it: eight killed in Douma (set 32 a036) is not contradicted by a Hong Kong market report's figures."""
    case = verdict_case("verdict_cases32", "a036")
    assert places_unnamed(case["claim"], article_text("antms/BBC/economy/BB-economy-10-20180207"))
    assert not places_unnamed(case["claim"], article_text(case["doc"]))  # Douma, the claim's own report
    assert not places_unnamed(case["claim"], article_text("fakes/1924058038"))  # Aleppo, in Syria as Douma is
    assert not places_unnamed("Eight civilians were killed on Saturday, the monitor said.", "Nine were killed in Aleppo.")


@pytest.mark.parametrize("text, thing", [
    ("بعد دقيقة واحدة فقط من هدف لويس سواريز أدرك ميسي التعادل", "minutes"),  # set 32 a029: not one goal
    ("وبعد هدف سواريز بدقيقة واحدة، ظهر ميسي ليسجل هدف التعادل", "minutes"),
    ("قتل شخص واحد في الهجوم", "people"),
])
def test_arabic_one_counts_the_noun_before_it(text: str, thing: str) -> None:
    assert read(text).quantities[0].thing == thing
    assert [q.thing for q in read("قال إن واحدة من الطائرات سقطت").quantities] == [None]  # "one of": no noun before
