"""Support needs the claim's own anchors; a changed nationality and a negation across languages are caught."""
from __future__ import annotations

from checker.models import PassageHit
from checker.slots import compare
from checker.stance import StanceResult, assess
from checker.verdict import AssessedPassage, EvidenceDocument, decide_verdict


def _passage(text: str, claim: str, stance: str, decided_by: str, similarity: float, story: str = "",
             cross_language: bool = False) -> AssessedPassage:
    hit = PassageHit(passage_id=1, document_id=1, text=text, score=1.0, similarity=similarity)
    document = EvidenceDocument("cnn", "CNN", "2018-05-27", None, None, None, None, story)
    decisions = compare(claim, text, similarity).decisions
    result = StanceResult(stance, 0.8, (f"similarity {similarity:.2f}",), similarity=similarity,
                          decided_by=decided_by, slot_decisions=decisions, cross_language=cross_language)
    return AssessedPassage(hit, document, result, False, None, claim)


def test_a_passage_that_never_names_the_claims_figure_does_not_support_it() -> None:
    claim = "زوكربيرغ اعترف بأخطاء بعد إساءة استخدام بيانات 70 مليون مستخدم"
    passage = "اعترف مارك زوكربيرغ بأن الشبكة الاجتماعية ارتكبت أخطاء في حماية بيانات المستخدمين."
    verdict = decide_verdict([_passage(passage, claim, "agree", "model", 0.72, story=passage)])
    assert verdict.label == "not_enough_evidence"
    assert "never names «70 مليون»" in verdict.reasons[0]
    # the figure named elsewhere in the same story: the passage's agreement stands
    story = passage + " وكانت بيانات 50 مليون مستخدم قد استخدمت، وقيل لاحقا 70 مليون مستخدم."
    assert decide_verdict([_passage(passage, claim, "agree", "model", 0.72, story=story)]).label == "supported"


def test_the_same_noun_with_another_nationality_contradicts() -> None:
    claim = "أيمن دين جاسوس سابق زرعته الاستخبارات الأمريكية داخل تنظيم القاعدة"
    passage = ("نيويورك، الولايات المتحدة الأمريكية (CNN)— قال أيمن دين، الجاسوس السابق الذي زرعته الاستخبارات "
               "الخارجية البريطانية داخل تنظيم القاعدة، إن التنظيم بعيد عن الاحتضار.")
    verdict = decide_verdict([_passage(passage, claim, "agree", "model", 0.57)])
    assert verdict.label == "contradicted"
    assert "الأمريكية" in verdict.reasons[0] and "البريطانية" in verdict.reasons[0]
    english = decide_verdict([_passage("Dean, a spy planted inside al-Qaeda by British intelligence, spoke to CNN.",
                                       "Aimen Dean was a spy planted inside al-Qaeda by American intelligence",
                                       "agree", "similarity", 0.8)])
    assert english.label == "contradicted"


def test_a_negated_claim_is_not_supported_by_an_affirmative_passage_in_the_other_language() -> None:
    arrest = "اعتقال لبناني ظهر في فيديو يضرب طفلا سوريا لاجئا"
    negated = assess("Lebanese security forces have not arrested the man filmed beating a Syrian refugee child.", arrest)
    assert negated.stance == "other" and negated.decided_by == "polarity"
    assert assess("Lebanese security forces arrested the man filmed beating a Syrian refugee child.",
                  arrest).stance == "agree"
    # «لا يزال» (still) is no negation: a translation still agrees
    assert assess("لا يزال نحو 2500 جندي أمريكي في العراق ضمن التحالف",
                  "Roughly 2,500 American soldiers are still deployed in Iraq with the coalition.").decided_by != "polarity"


def test_the_reason_says_a_cross_language_passage_asserts_what_the_claim_negates() -> None:
    claim = "Lebanese security forces have not arrested the man filmed beating a Syrian refugee child."
    passage = "اعتقال لبناني ظهر في فيديو يضرب طفلا سوريا لاجئا"
    result = assess(claim, passage)
    hit = PassageHit(passage_id=1, document_id=1, text=passage, score=1.0, similarity=result.similarity)
    document = EvidenceDocument("jawhara", "Jawhara FM", "2017-05-02", None, None, None, None, passage)
    verdict = decide_verdict([AssessedPassage(hit, document, result, False, None, claim)])
    assert verdict.label == "not_enough_evidence"
    assert "asserts what the claim negates" in verdict.reasons[0] and "Jawhara FM" in verdict.reasons[0]


def test_a_name_is_found_in_its_plural_and_by_its_last_word() -> None:
    from checker.slots.compare import missing_anchors

    assert missing_anchors("Super PAC donations reached $2 billion by August",
                           "Donations to super PACs hit $2 billion through August.") == ()
    assert missing_anchors("Senator Warren said the bill cuts taxes", "Warren said the bill cuts taxes.") == ()
    assert missing_anchors("المنتخب التونسي يخسر أمام إنجلترا", "فاز منتخب انجلترا على تونس") == ()
    # a name's own final "s" is no plural: a story about the Syrian city of Hama never names Hamas
    assert missing_anchors("Hamas fighters shelled the town on Friday",
                           "Government forces shelled the town near Hama on Friday.") != ()


def test_a_story_quoting_both_nationalities_does_not_contradict_the_claims() -> None:
    from checker.slots.nationality import changed_nationality

    claim = "قال وزير الخارجية الأمريكي إن المفاوضات مع إيران تقدمت"
    both = claim + ". ورد وزير الخارجية الإيراني بأن المفاوضات متعثرة."
    assert changed_nationality(claim, both) is None
    assert changed_nationality("American and Iraqi forces retook the town",
                               "British and Iraqi forces retook the town") is None  # "and" is no noun


def test_a_negation_inside_a_relative_clause_does_not_block_a_translation() -> None:
    arrest = "الشرطة اللبنانية تعتقل الرجل الذي ظهر في فيديو يضرب طفلا سوريا لاجئا"
    claim = "Lebanese police arrested the man, who had not been identified, filmed beating a Syrian refugee child."
    assert assess(claim, arrest).decided_by != "polarity"


def test_anchors_are_sought_in_the_passage_too_when_it_lies_beyond_the_stored_story() -> None:
    claim = "زوكربيرغ اعترف بأخطاء بعد إساءة استخدام بيانات 70 مليون مستخدم"
    passage = "اعترف مارك زوكربيرغ بأخطاء في حماية بيانات 70 مليون مستخدم."
    story = "بداية مقال طويل عن شبكات التواصل لا تذكر الرقم. " * 10  # the document's first characters only
    assessed = _passage(passage, claim, "agree", "model", 0.72, story=story)
    assert assessed.anchor_share == 1.0 and decide_verdict([assessed]).label == "supported"


def test_a_passage_that_negates_the_claims_own_words_does_not_support_it() -> None:
    claim = "هيئة الحقيقة والكرامة رفضت 59 مطلب تحكيم ومصالحة تقدم بها ضحايا"
    passage = ("وأوضحت الهيئة في بلاغ أن الجهة التي رفضت 59 مطلب تحكيم ومصالحة تقدم بها ضحايا ليست هيئة الحقيقة "
               "والكرامة بل المكلف العام بنزاعات الدولة.")
    verdict = decide_verdict([_passage(passage, claim, "agree", "model", 0.7, story=passage)])
    assert verdict.label == "not_enough_evidence"
    assert "«ليست هيئة»" in verdict.reasons[0]
    english = decide_verdict([_passage(
        "Police said they had not arrested the driver of the truck that crashed into the market in Lyon, who fled.",
        "Police arrested the driver of the truck that crashed into the market in Lyon", "agree", "similarity", 0.8)])
    assert english.label == "not_enough_evidence" and "«not arrested»" in english.reasons[0]


def test_a_negation_of_something_else_in_the_sentence_keeps_support() -> None:
    claim = "غارات إسرائيلية تقتل 20 فلسطينيا في غزة"
    passage = "قتلت غارات إسرائيلية 20 فلسطينيا في غزة يوم الاثنين، ولم يعلق الجيش الإسرائيلي على الغارات."
    assert decide_verdict([_passage(passage, claim, "agree", "model", 0.75, story=passage)]).label == "supported"
    english = "Israeli strikes killed 20 Palestinians in Gaza on Monday; the Israeli military did not comment."
    assert decide_verdict([_passage(english, "Israeli strikes killed 20 Palestinians in Gaza", "agree", "similarity",
                                    0.8, story=english)]).label == "supported"


def test_a_relative_what_an_illegal_or_a_negation_about_something_else_keeps_support() -> None:
    claim = "محكمة مصرية تسجن صيادا ثلاث سنوات بسبب صيد غزال نادر في سيناء"
    passage = ("قضت محكمة مصرية بسجن صياد ثلاث سنوات بتهمة الصيد غير المشروع لغزال نادر في سيناء، بحسب ما أفادت "
               "وسائل إعلام محلية، ولم يكمل محاميه مرافعته بعد.")
    assert decide_verdict([_passage(passage, claim, "agree", "model", 0.75, story=passage)]).label == "supported"


def test_the_claims_only_count_changed_in_a_sentence_worded_like_it_contradicts() -> None:
    claim = "ثلاثة آلاف امرأة شاركن في سباق للجري في أربيل احتفالا بيوم المرأة العالمي"
    passage = "بمناسبة يوم المرأة العالمي، شاركت نحو 300 من النساء في سباق للجري في أربيل."
    verdict = decide_verdict([_passage(passage, claim, "other", "model", 0.56, story=passage)])
    assert verdict.label == "contradicted"
    assert "ثلاثة آلاف" in verdict.reasons[0] and "نحو 300" in verdict.reasons[0]
    # the victims of one act named otherwise: five journalists killed / three Russians killed
    killed = decide_verdict([_passage("أعلنت مصادر أمنية مقتل ثلاثة روس يحملون بطاقات صحافية قرب مدينة بامباري.",
                                      "مقتل خمسة صحفيين روس قرب مدينة بامباري", "agree", "model", 0.5)])
    assert killed.label == "contradicted"


def test_two_counts_of_different_things_are_not_compared_as_lone_figures() -> None:
    claim = "المنتخب سجل 16 هدفا في التصفيات المؤهلة إلى كأس العالم"
    passage = "جمع المنتخب 6 نقاط في التصفيات المؤهلة إلى كأس العالم."
    assert decide_verdict([_passage(passage, claim, "other", "model", 0.6)]).label != "contradicted"


def test_a_name_of_several_words_is_found_across_scripts() -> None:
    from checker.slots.compare import missing_anchors

    assert missing_anchors("Minister Khaled Badawi met his predecessor Hisham Tawfik in Cairo",
                           "التقى الوزير خالد بدوي بسلفه هشام توفيق في القاهرة") == ()
    assert missing_anchors("Ashraf El-Sharkawy left the ministry", "غادر أشرف الشرقاوي الوزارة") == ()
    # another man of the same first name is not him
    assert missing_anchors("Minister Khaled Badawi met his predecessor", "التقى الوزير خالد يوسف بسلفه") != ()


def test_a_reworded_report_holding_most_of_the_claim_supports_it_though_the_model_reads_disagreement() -> None:
    claim = "وزارة الصحة التونسية تعلن تسجيل 12 إصابة جديدة بفيروس الحصبة في ولاية القصرين"
    passage = "أعلنت وزارة الصحة التونسية اليوم تسجيل 12 إصابة جديدة بالحصبة في ولاية القصرين خلال أسبوع."
    verdict = decide_verdict([_passage(passage, claim, "disagree", "model", 0.6, story=passage)])
    assert verdict.label == "supported"
    assert "in other words" in verdict.reasons[0]
    # the model's disagreement stands when the sentence holds little of the claim
    thin = "قالت الوزارة إن الوضع الصحي في ولاية القصرين مستقر."
    assert decide_verdict([_passage(thin, claim, "disagree", "model", 0.6, story=thin)]).label != "supported"


def test_a_running_total_is_not_the_claims_count() -> None:
    claim = "Israeli strikes killed 20 Palestinians in Gaza on Monday"
    passage = "Israeli strikes killed Palestinians in Gaza on Monday, bringing the death toll to 35,000."
    assert decide_verdict([_passage(passage, claim, "other", "model", 0.7)]).label != "contradicted"


def test_a_name_absent_from_a_long_story_is_not_found_in_chance_words() -> None:
    from checker.slots.compare import missing_anchors

    story = ("قالت الحكومة التركية إن مسار المفاوضات تعطل بعد أن رفضت أنقرة شروطا جديدة، وأضاف الوزير أن بلاده "
             "لن تقبل ما نُشر عن الاتفاق، مشيرا إلى أن بها أطرافا تعمل على وتعطيل مسار التسوية. ") * 8
    assert set(missing_anchors("Ali Mansour and John Kerry met Nabil Saad and Sami Nasser in Ankara", story)) == {
        "Ali Mansour", "John Kerry", "Nabil Saad", "Sami Nasser"}
