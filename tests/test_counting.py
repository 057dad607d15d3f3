"""Issue 9, review items: what a figure counts (checker/slots/counting.py). A bare figure from 1900 to 2100 is a
count when the text names what it counts, a year otherwise, and never contradicts a count as a year; two counts
governed by the same act (killed, «قتل», arrested) are compared though only one side names who was counted, and
counts of two acts never are. News-style Arabic and English sentences written for these tests."""
from __future__ import annotations

from checker.models import PassageHit
from checker.slots import compare, read
from checker.stance import assess
from checker.verdict import AssessedPassage, EvidenceDocument, decide_verdict


def _quantity_decisions(claim: str, passage: str) -> list[tuple[str, str, str]]:
    return [(d.outcome, d.claim.text, d.passage.text) for d in compare(claim, passage, 0.7).decisions
            if d.slot == "quantity" and d.claim and d.passage]


def _figures(text: str) -> list[str]:
    return [q.number.text.strip() for q in read(text).quantities]


# --- a bare year-like figure ---------------------------------------------------------

def test_a_year_like_figure_counting_people_named_after_it_is_compared() -> None:
    assert _quantity_decisions("تظاهر 2000 محام أمام المحكمة العليا في كراتشي",
                               "تظاهر 500 محام أمام المحكمة العليا في كراتشي") == [("conflict", "2000", "500")]
    assert ("conflict", "2000", "Some 500") in _quantity_decisions(
        "2000 lawyers marched to the High Court in Karachi.", "Some 500 lawyers marched to the High Court in Karachi.")
    # a part of a group: «2002 من كبار السن»
    assert _quantity_decisions("شمل الاستطلاع 2002 من كبار السن البريطانيين",
                               "شمل الاستطلاع 1500 من كبار السن البريطانيين") == [("conflict", "2002", "1500")]


def test_a_year_like_figure_with_no_people_after_it_stays_a_year() -> None:
    for text in ("Turnout fell after the 2014 protests in the capital.",
                 "Emissions returned to 2000 levels in most regions.",
                 "وقد أقر قانون الموازنة 2021 مضاعفة المنح الجامعية للطلبة",
                 "وقد أرسلت أنقرة منذ مطلع 2019 مستشارين أمنيين إلى طرابلس",
                 "وعمل أستاذا بكلية الحقوق بين 2001 و 2003 وكذلك في المرصد",
                 "حكم على شاب من مواليد 1992 كان قد قتل صديقه",
                 "يرجح أن يحتضن المغرب كأس العالم 2026 بشكل مشترك"):
        assert not _figures(text), text


def test_a_year_never_contradicts_a_count() -> None:
    assert not _quantity_decisions("The army deployed 300 soldiers in Mosul.",
                                   "The army deployed soldiers in Mosul after the 2014 offensive.")
    assert not _quantity_decisions("قتل 300 شخص في الموصل", "Some people were killed in Mosul after the 2014 offensive.")


# --- the act that governs a count ----------------------------------------------------

def test_the_act_that_governs_a_count_is_read_in_both_languages() -> None:
    assert [q.act for q in read("قتل 5 أشخاص وأصيب 20 في الانفجار").quantities] == ["killed", "wounded"]
    assert [q.act for q in read("Five people were killed and 20 wounded in the blast.").quantities] == \
        ["killed", "wounded"]
    assert [q.act for q in read("اعتقلت الشرطة المصرية 12 في القاهرة").quantities] == ["arrested"]


def test_an_act_governs_no_measure_and_no_figure_of_another_clause() -> None:
    assert [q.act for q in read("Three people died when a magnitude 6.1 earthquake struck western Turkey.").quantities] \
        == ["killed", None]
    assert _quantity_decisions("Three people died when a magnitude 6.1 earthquake struck western Turkey.",
                               "أسفر زلزال بقوة 6.1 درجات ضرب غرب تركيا عن مقتل ثلاثة أشخاص") == \
        [("agree", "Three", "ثلاثة")]  # the magnitude is no count of the dead


def test_counts_of_the_same_act_are_compared_though_one_side_names_no_one() -> None:
    assert _quantity_decisions("Five were killed in the attack on the market.",
                               "The attack on the market killed 50.") == [("conflict", "Five", "50")]
    assert _quantity_decisions("قتل خمسة في الهجوم على السوق",
                               "أسفر الهجوم على السوق عن مقتل 50") == [("conflict", "خمسة", "50")]
    assert _quantity_decisions("Police arrested 12 protesters in Cairo.",
                               "Police in Cairo said 40 protesters were arrested.") == [("conflict", "12", "40")]


def test_counts_of_two_acts_or_of_two_named_groups_are_not_compared() -> None:
    assert not _quantity_decisions("Five people were killed in the attack on the market.",
                                   "20 people were wounded in the attack on the market.")
    assert not _quantity_decisions("قتل خمسة أشخاص في الهجوم على السوق", "أصيب 20 شخصا في الهجوم على السوق")
    assert not _quantity_decisions("The raid killed 5 soldiers.", "The raid killed 50 civilians.")


def test_a_changed_death_toll_contradicts_a_claim_the_report_words_otherwise() -> None:
    claim = "Five people were killed in the attack on the market in Kabul on Monday."
    report = "The suicide attack on the market in Kabul on Monday killed 50, police said."
    result = assess(claim, report, similarity=0.7)
    hit = PassageHit(passage_id=1, document_id=1, text=report, score=1.0, similarity=0.7)
    passage = AssessedPassage(hit, EvidenceDocument("reuters", "Reuters", "2018-01-29", None, None, None, None),
                              result, False, None, claim)
    verdict = decide_verdict([passage])
    assert verdict.label == "contradicted" and "50" in verdict.reasons[0] and "Five" in verdict.reasons[0]


def test_a_prison_term_is_a_span_of_time_not_a_count_of_the_killing_it_punishes() -> None:
    assert [q.act for q in read("قضت محكمة هندية بسجن سلمان خان خمسة أعوام في قضية قتل ظباء نادرة").quantities] \
        == [None]
    assert [q.act for q in read("He was jailed for five years over the killing of two rare antelopes.").quantities] \
        == [None, "killed"]
    assert not _quantity_decisions("محكمة تقضي بسجن سلمان خان خمسة أعوام بسبب قتل ظباء نادرة",
                                   "حكم على سلمان خان بالسجن بعد إدانته بقتل اثنين من الظباء السوداء")


def test_a_long_list_of_years_joined_by_and_is_read_without_error() -> None:
    # A claim listing 2,000 years («2001 و 2002 و ...», "1901 and 1902 and ...") once crashed (each figure asked
    # the one before it, recursively) and took quadratic time; every figure stays a year.
    years = [str(1901 + i % 200) for i in range(2000)]
    for text in ("شهدت المنطقة فيضانات في أعوام " + " و ".join(years) + " حسب السجلات",
                 "The region flooded in " + " and ".join(years) + ", the records show."):
        assert not _figures(text)
    assert not assess("شهدت المنطقة فيضانات في أعوام " + " و ".join(years[:1100]),
                      "شهدت المنطقة فيضانات في أعوام 1901 و 1902", similarity=0.7).number_conflicts
