"""A claim that insists who did it ("X was the one who ...", «فلان هو من ...») is supported only by a passage that
gives the act that doer; another doer, with the claim's actor named elsewhere, contradicts it."""
from __future__ import annotations

from checker.models import PassageHit
from checker.slots import compare
from checker.slots.cleft import cleft_of, read_cleft
from checker.stance import StanceResult
from checker.verdict import AssessedPassage, EvidenceDocument, decide_verdict


def _passage(text: str, claim: str, similarity: float) -> AssessedPassage:
    hit = PassageHit(passage_id=1, document_id=1, text=text, score=1.0, similarity=similarity)
    document = EvidenceDocument("alarabiya", "Al Arabiya", "2018-05-27", None, None, None, None, text)
    result = StanceResult("agree", 0.8, (f"similarity {similarity:.2f}",), similarity=similarity,
                          decided_by="model", slot_decisions=compare(claim, text, similarity).decisions)
    return AssessedPassage(hit, document, result, False, None, claim)


def test_the_cleft_names_its_doer_and_act() -> None:
    cleft = cleft_of("حزب الليكود هو من اقترح مشروع القانون الذي يمنع تصوير الجنود")
    assert cleft is not None and (cleft.focus.text, cleft.verb.text) == ("حزب الليكود", "اقترح")
    english = cleft_of("It was Clinton who started the birther controversy in 2008")
    assert english is not None and (english.focus.text, english.verb.text) == ("Clinton", "started")
    # «هو من أبرز» is "one of the most", «هو من الأطباء» "one of the doctors": no cleft
    assert cleft_of("محمد صلاح هو من أبرز لاعبي الدوري الإنجليزي") is None
    assert cleft_of("الرجل المصاب هو من الأطباء العاملين في المستشفى") is None


def test_another_doer_of_the_same_act_contradicts_the_claim() -> None:
    claim = "حزب الليكود هو من اقترح مشروع القانون الذي يمنع تصوير الجنود"
    passage = ("واقترح حزب إسرائيل بيتنا مشروع القانون الذي يمنع تصوير الجنود، وأيده نواب من الليكود في "
               "اللجنة الوزارية.")
    reading = read_cleft(claim, passage)
    assert reading is not None and reading.outcome == "conflict"
    verdict = decide_verdict([_passage(passage, claim, 0.7)])
    assert verdict.label == "contradicted"
    assert "إسرائيل بيتنا" in verdict.reasons[0]


def test_the_claims_doer_of_the_act_supports_it() -> None:
    claim = "حزب الليكود هو من اقترح مشروع القانون الذي يمنع تصوير الجنود"
    passage = "اقترح حزب الليكود الحاكم مشروع القانون الذي يمنع تصوير الجنود ونشر صورهم."
    assert read_cleft(claim, passage).outcome == "agree"
    assert decide_verdict([_passage(passage, claim, 0.75)]).label == "supported"
    english = "Hillary Clinton was the one who started the birther controversy in 2008, Trump said."
    assert read_cleft(english, "Trump said Clinton started the birther controversy in 2008.").outcome == "agree"
    assert read_cleft(english, "The birther controversy was started by Clinton allies in 2008.").outcome == "agree"


def test_a_passage_that_does_not_say_who_did_it_cannot_support_the_cleft() -> None:
    claim = "الوزير تساحي هنغبي هو من كشف عن محادثاته مع قطر"
    passage = "تحدث الوزير تساحي هنغبي للصحفيين عن محادثات جرت مع قطر بشأن غزة."
    verdict = decide_verdict([_passage(passage, claim, 0.68)])
    assert verdict.label == "not_enough_evidence"
    assert "is the one who «كشف»" in verdict.reasons[0]
    # without the cleft, the same passage agrees
    assert decide_verdict([_passage(passage, "الوزير تساحي هنغبي تحدث عن محادثات مع قطر",
                                    0.68)]).label == "supported"


def test_impersonal_it_superlatives_places_and_nouns_are_no_clefts() -> None:
    assert cleft_of("It is expected that prices will rise by 5 percent next year") is None
    assert cleft_of("الأزمة الحالية هي من أسوأ الأزمات التي مر بها لبنان") is None
    assert cleft_of("المشتبه به هو من مدينة نابلس في الضفة الغربية") is None
    assert cleft_of("It is -- who said it") is None


def test_a_feminine_past_verb_keeps_its_first_letter() -> None:
    # «نفذت» is the verb نفذ with its feminine ending, not ن + فذت
    assert read_cleft("حماس هي من نفذت الهجوم على الحاجز", "نفذ مسلحون من حماس الهجوم على الحاجز.").outcome == "agree"
