"""Round 38 of issue 7 and verdict set 36 of issue 9 (session 35), read as training data after their first contact:
«وفقا للمادة 149 من اللائحة» (under which rule) was taken for who said it, and «كشفت صحيفتا "الغارديان" و...» gave
the dual «صحيفتا» ("the two newspapers") as a speaker; on the training sets, Arabic claims that put the verb first
(«وصف ترامب لاريجاني بأنه ...») were called supported by a report with the doer and the target the other way round
(«لاريجاني وصف ترامب»). The claims are the blind writers' and the annotated items the blind annotators'
(eval/real_train36, eval/verdict_cases13, eval/verdict_cases19); a web page's menu kept as claims; then round 39's ZDF, named by its Arabic initials
(eval/real_train37). The articles are read in place."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.slots.verb_first import swapped_around_verb
from checker.store.db import open_db
from checker.store.ingest import add_text
from real_training_items import article_text, check_training_item, training_speaker, verdict_case, verdict_of


def test_a_legal_basis_is_not_the_source_and_the_body_that_announced_it_is(eval_data: Path) -> None:
    """«... بتعليق عقوبة لاعبه، وفقا للمادة 149 من اللائحة، وذلك بحسب ما أعلنه اتحاد اللعبة»."""
    speaker = training_speaker("real_train36", "antms/Alarabia/sport/AL-sport-1260-20180412", 125)
    assert speaker == "اتحاد اللعبة"


def test_two_newspapers_named_together_are_the_outlet_and_no_speaker(eval_data: Path) -> None:
    """«بعدما كشفت صحيفتا "الغارديان" و"فوكس إكوادور" أن ...»: the dual of «صحيفة» is an outlet word."""
    doc = "antms/SkyNews/internationalNews/SK-internationalNews-1635-20180518"
    check_training_item("real_train36", doc, 310, "guardian")
    assert training_speaker("real_train36", doc, 310) is None


@pytest.mark.parametrize("start", [1239, 1366])
def test_a_public_broadcaster_named_by_its_arabic_initials_is_the_outlet(eval_data: Path, start: int) -> None:
    """Round 39 (training data after its first contact): «وأشارت هيئة الإذاعة العامة (زد. دي. إف) أن», and the
    next sentence's «وكشف التلفزيون» carries it."""
    doc = "antms/BBC/internationalNews/BB-internationalNews-313-20180408"
    check_training_item("real_train37", doc, start, "zdf")
    assert training_speaker("real_train37", doc, start) is None


@pytest.mark.parametrize("start", [2170, 3232, 3268, 3500])
def test_a_web_page_s_menu_is_no_claim(eval_data: Path, start: int) -> None:
    """Round 38: a gun lobby's page as a crawler copied it, menu lines only ("NRA Political Victory Fund")."""
    check_training_item("real_train36", "wice/dev03296", start, None)


@pytest.mark.parametrize("draw, case_id, outlet, published, doer", [
    # the report: «رئيس البرلمان علي لاريجاني وصف ترامب بأنه "سياسي هزلي ومغرور"»
    ("verdict_cases13", "a028", "CNN", "2018-05-09", "لاريجاني"),
    # the report: «وطلب ترامب من نظيره الرواندي بول كاغاميه ... أن ينقل "تحيات حارة"»
    ("verdict_cases19", "a033", "France 24", "2018-01-26", "ترامب"),
])
def test_a_verb_first_claim_with_doer_and_target_exchanged_is_contradicted(
        eval_data: Path, tmp_path: Path, draw: str, case_id: str, outlet: str, published: str, doer: str) -> None:
    case = verdict_case(draw, case_id)
    database = open_db(tmp_path / "claims.db")
    add_text(database, article_text(case["doc"]), outlet=outlet, published=published)
    label, reasons = verdict_of(database, case["claim"])
    assert label == "contradicted"
    assert "roles swapped: the claim has" in reasons[0] and f"the passage has {doer} doing it to" in reasons[0]


@pytest.mark.parametrize("claim, passage, doer, target", [
    ("وصف الرئيس الأمريكي دونالد ترامب رئيس البرلمان الإيراني علي لاريجاني بأنه سياسي هزلي.",
     "وقالت وكالة أنباء مهر إن رئيس البرلمان علي لاريجاني وصف ترامب بأنه سياسي هزلي.", "لاريجاني", "ترامب"),
    ("اتهمت موسكو واشنطن بدعم الإرهاب في سوريا.", "واتهمت واشنطن موسكو بدعم الإرهاب في سوريا.", "واشنطن", "موسكو"),
    ("شكر الرئيس التركي رجب طيب أردوغان نظيره الأمريكي ترامب على إطلاق سراح القس.",
     "وشكر الرئيس الأمريكي دونالد ترامب نظيره التركي رجب طيب أردوغان على إطلاق سراح القس.", "ترامب",
     "رجب طيب أردوغان"),
    # names whose first letter looks like a prefix («ل», «و») are names
    ("اتهم لبنان ترامب بالتدخل في شؤونه.", "واتهم ترامب لبنان بالتدخل في شؤونه.", "ترامب", "لبنان"),
    ("وصف لاريجاني ترامب بأنه سياسي هزلي.", "ترامب وصف لاريجاني بأنه سياسي هزلي.", "ترامب", "لاريجاني"),
    # the target after the verb's own preposition
    ("طلب الرئيس الرواندي بول كاغامي من ترامب أن ينقل تحياته إلى القادة الأفارقة.",
     "وطلب ترامب من نظيره الرواندي بول كاغاميه أن ينقل تحياته إلى القادة الأفارقة.", "ترامب",
     "الرواندي بول كاغاميه"),
])
def test_doer_and_target_exchanged_around_a_leading_verb(claim: str, passage: str, doer: str, target: str) -> None:
    found = swapped_around_verb(claim, passage)
    assert found is not None and found.slot == "actor_role" and found.outcome == "conflict"
    assert f"the passage has {doer} doing it to {target}" in found.reason


@pytest.mark.parametrize("claim, passage", [
    # the same roles, the verb moved
    ("وصف ترامب لاريجاني بأنه سياسي هزلي.", "ترامب وصف لاريجاني بأنه سياسي هزلي."),
    ("شكر الرئيس التركي رجب طيب أردوغان نظيره الأمريكي ترامب على إطلاق سراح القس.",
     "وشكر الرئيس التركي رجب طيب أردوغان نظيره الأمريكي دونالد ترامب على إطلاق سراح القس."),
    # two names joined by «و» are two targets, not a doer and its target
    ("اتهمت أنقرة كلا من مصر وإسرائيل بمنع طائرات تركية من الهبوط.",
     "واتهمت تركيا إسرائيل ومصر بمنع طائرات تركية من الهبوط."),
    # a document speaks for the doer, and a name after «ل» is whose it is
    ("دعا مجلس الأمن الدولي في بيان رئاسي الحوثيين إلى وقف الهجمات.",
     "ودعا بيان رئاسي لمجلس الأمن الحوثيين إلى وقف الهجمات."),
    # the doer is a body the claim does not name: the name after it is the target, not the doer
    ("انتقدت موسكو واشنطن بشدة.", "وانتقدت الخارجية الروسية واشنطن بشدة وقالت إن موسكو سترد."),
    ("اتهم نتنياهو عباس بالتحريض.", "واتهم مكتب رئيس الوزراء عباس بالتحريض، وقال نتنياهو إن ذلك خطير."),
    ("اتهم بوتين ترامب بالكذب.", "واتهم الكرملين ترامب بالكذب على بوتين."),
    # a name before the verb that does not open its clause is no doer
    ("انتقد بوتين ترامب بشدة.", "وردا على تصريحات ترامب انتقد بوتين الرئيس الأمريكي بشدة."),
    ("انتقد بوتين ترامب بشدة.", "وفي رد ضد ترامب انتقد بوتين الرئيس الأمريكي بشدة."),
    ("انتقد أردوغان بوتين بشدة.", "استقبل بوتين أردوغان وانتقد الرئيس الأمريكي بشدة."),
    # words that look like the verbs once hamza, alif maqsura or shadda are dropped
    ("هنأ ترامب ماكرون بالفوز في الانتخابات.", "وقال ماكرون هنا إن ترامب اتصل به بعد الفوز في الانتخابات."),
    ("تحدى ترامب الكونغرس بشأن الجدار.", "ويمثل الكونغرس تحدي كبير أمام ترامب بشأن الجدار."),
    ("حمّل عباس حماس مسؤولية التفجير في غزة.", "وحمل متظاهرون من أنصار حماس صور عباس في غزة بعد التفجير."),
    # passive and negated acts
    ("اتهم بوتين ترامب بالكذب.", "اتهم ترامب من قبل بوتين بالكذب."),
    ("اتهمت الصين ترامب بالكذب.", "الصين لم تتهم ترامب بالكذب."),
    # the passage also says it the claim's way
    ("اتهمت موسكو أمس واشنطن بدعم الإرهاب.",
     "اتهمت موسكو أمس واشنطن بدعم الإرهاب. واتهمت واشنطن موسكو بدعم الإرهاب."),
])
def test_no_exchange_is_read_where_the_roles_are_the_same(claim: str, passage: str) -> None:
    assert swapped_around_verb(claim, passage) is None
