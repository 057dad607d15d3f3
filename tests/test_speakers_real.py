"""Speaker spans on real-style news sentences (issue 7, round 4): participles, verb-only subjects speaking to an
outlet, statements by act, fronted subjects, where a speaker phrase ends, interviews. Sentences written for these
tests in the style of JawharaFM, Al Arabiya, France 24 and US papers."""
from __future__ import annotations

import pytest

from checker.pipeline import analyze
from test_attribution_ar import attributions, only


def test_a_participle_after_wa_adafa_is_no_speaker_the_earlier_one_is() -> None:
    said, added = attributions("قال وزير التجارة سمير الرياحي إن الصادرات ارتفعت بنسبة 8 بالمائة.\n"
                               "وأضاف قائلا: \"سنفتح أسواقا جديدة في إفريقيا قبل نهاية العام\".")
    assert said.speaker == "وزير التجارة سمير الرياحي"
    assert added.speaker == "وزير التجارة سمير الرياحي"  # not "قائلا"


def test_a_participle_takes_the_subject_of_the_verb_that_opens_the_sentence() -> None:
    a = only("وأبدى المدرب نبيل الكوكي ارتياحه لأداء اللاعبين، مؤكدا أن الفريق سينافس على اللقب هذا الموسم.")
    assert a.speaker == "المدرب نبيل الكوكي"
    assert a.kind != "none"


def test_a_verb_with_no_subject_speaking_to_an_outlet_is_the_speaker_before() -> None:
    first, second = attributions("أكد الكاتب العام للنقابة الجهوية للتعليم لطفي المحمدي أن الإضراب قائم.\n"
                                 "وقال في تصريح لـ\"الجوهرة اف ام\" إن نسبة المشاركة تجاوزت 80 بالمائة.")
    assert first.speaker == "الكاتب العام للنقابة الجهوية للتعليم لطفي المحمدي"
    assert second.speaker == first.speaker
    assert second.outlet is not None and second.outlet.id == "jawhara-fm"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("أدانت وزارة الخارجية المصرية بشدة الهجوم الذي استهدف حافلة للزوار.", "وزارة الخارجية المصرية"),
    ("ندد الاتحاد العام التونسي للشغل، في بيان أصدره اليوم، بالاعتداء على النقابيين.",
     "الاتحاد العام التونسي للشغل"),
    ("دعت منظمة العفو الدولية، السلطات التونسية إلى الإفراج عن المدونين.", "منظمة العفو الدولية"),
    ("أعرب وزير الخارجية الجزائري عن قلقه من تدهور الوضع في ليبيا.", "وزير الخارجية الجزائري"),
])
def test_a_statement_by_act_names_who_made_it(sentence: str, speaker: str) -> None:
    a = only(sentence)
    assert a.speaker == speaker


def test_a_statement_by_act_with_no_mark_before_its_object_still_names_its_author_first() -> None:
    """Known limit: with nothing between subject and object the phrase may run on into the object."""
    a = only("هنأت حركة النهضة الرئيس المنتخب بفوزه في الانتخابات.")
    assert a.speaker is not None and a.speaker.startswith("حركة النهضة")


def test_a_statement_by_act_with_no_subject_has_no_speaker() -> None:
    """The object follows the verb when its subject is left unsaid: "justified its attacks" names no one."""
    a = only("وبررت الفصائل المسلحة هجماتها الأخيرة بالرد على الغارات، ثم استأنفت عملياتها وبررت أفعالها بالحصار.")
    assert a.speaker != "أفعالها"


def test_another_cue_in_the_sentence_comes_before_a_statement_by_act() -> None:
    a = only("وأشادت الحكومة بجهود المتطوعين، وفق ما جاء في بلاغ لرئاسة الحكومة.")
    assert a.speaker is not None and "رئاسة الحكومة" in a.speaker


def test_a_pluperfect_subject_without_qad_is_the_speaker() -> None:
    a = only("وكان وزير المالية أعلن الأسبوع الماضي عن تخفيض الضريبة على الأجور.")
    assert a.speaker == "وزير المالية"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وحذرت المفوضية مرارا من أن المخيمات لم تعد تستوعب الوافدين الجدد.", "المفوضية"),
    ("وشدد رئيس الجامعة على أهمية إصلاح منظومة التقييم.", "رئيس الجامعة"),
    ("وأشار المدير الجهوي للصحة إلى أن الوضع الوبائي مستقر.", "المدير الجهوي للصحة"),
    ("وقال الرئيس الفرنسي يوم الجمعة إن بلاده سترسل مساعدات.", "الرئيس الفرنسي"),
])
def test_an_arabic_speaker_ends_where_the_content_or_time_begins(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


def test_only_is_not_according_to() -> None:
    """"ليس ... فحسب، بل": فحسب means "only", not "according to"."""
    a = only("ولم تكتف البلدية بإغلاق المحلات فحسب، بل أعلنت عن حملة لإزالة البناءات الفوضوية.")
    assert a.cue != "فحسب"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Senator Maria Lopez on Tuesday said the bill would cut taxes for 3 million families.", "Senator Maria Lopez"),
    ("The mayor and his aides haven't said how the shelter will be funded.", "The mayor and his aides"),
])
def test_an_english_subject_leaves_out_time_and_negation(sentence: str, speaker: str) -> None:
    from test_attribution_en import only as only_en

    assert only_en(sentence).speaker == speaker


def test_the_object_of_a_verb_that_does_not_invert_is_no_speaker() -> None:
    from test_attribution_en import only as only_en

    a = only_en("Dana Whitfield, a historian at Ohio State University who studies campaigns, described the "
                "governor's strategy in terms of lowering expectations.")
    assert a.speaker is not None and a.speaker.startswith("Dana Whitfield") and "strategy" not in a.speaker


INTERVIEW = """Champion rower talks about the river and the road to Europe

On Monday, Wikinews interviewed Helen Marsh, who won two national titles this year, about training on the river.

How did you start rowing?

I joined the club when I was twelve. My father rowed for the university in 1981.

What comes next?

We are going to the European championships in May. The team has raised 40,000 euros for the trip.
"""


def test_the_answers_of_an_interview_are_the_interviewees() -> None:
    claims = analyze(INTERVIEW).claims
    answers = [c for c in claims if "twelve" in c.text or "European championships" in c.text]
    assert len(answers) == 2, [c.text for c in claims]
    assert all(c.attribution.outlet is not None and c.attribution.outlet.id == "wikinews" for c in answers)
    assert all(c.attribution.speaker == "Helen Marsh" for c in answers), [c.attribution for c in answers]


def test_hasab_before_a_measure_means_depending_on_and_cites_no_one() -> None:
    a = only("وتتراوح المنحة بين 100 و300 دينار بحسب نسب الدخل في كل عائلة.")
    assert a.speaker is None and a.kind == "none"


def test_a_report_issued_by_a_body_is_the_source_not_just_report() -> None:
    a = only("كشف تقرير صادر عن البنك الدولي الخميس أن نسبة الفقر ارتفعت إلى 21 بالمائة.")
    assert a.speaker == "تقرير صادر عن البنك الدولي"


def test_a_title_too_long_to_report_gives_way_to_the_name_after_it() -> None:
    a = only("وأفاد المدير العام للديوان الوطني للحماية المدنية المكلف بالإعلام والاتصال بالإدارة الجهوية بصفاقس، "
             "معز التريكي، بأن الحريق أتى على 40 هكتارا.")
    assert a.speaker == "معز التريكي"


def test_a_radio_framing_phrase_ends_the_speaker() -> None:
    a = only("أكد الخبير في الشأن الفلاحي أنيس بن ريانة في مداخلة له على الجوهرة اف ام أن صابة الزيتون قياسية.")
    assert a.speaker == "الخبير في الشأن الفلاحي أنيس بن ريانة"


def test_a_fronted_subject_set_off_by_a_comma_before_qad_is_the_speaker() -> None:
    a = only("وكانت وزارة الصحة، قد نشرت أمس على صفحتها الرسمية حصيلة جديدة تضم 120 إصابة.")
    assert a.speaker == "وزارة الصحة"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("ورغم تراجع الإقبال، إلا أن رئيسة الجمعية، سلمى العياري، قالت إن الدورة حققت أهدافها.", "سلمى العياري"),
    ("وحاولت البلدية تنظيم السوق مع التجار، غير أن هؤلاء أكدوا أنهم لن يغادروا المكان.", "هؤلاء"),
])
def test_a_subject_before_the_verb_speaks_when_the_words_follow_the_verb_at_once(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


def test_a_time_phrase_or_a_joined_verb_before_a_cue_is_no_subject() -> None:
    first, later, joined = attributions("قال رئيس البلدية إن الأشغال ستنطلق في مارس.\n"
                                        "وفي وقت لاحق قال إن الميزانية تبلغ مليون دينار.\n"
                                        "وحددت اللجنة المواقع، وهي ثلاثة أحياء، وكشفت أن الأشغال ستدوم عامين.")
    assert later.speaker == first.speaker == "رئيس البلدية"
    assert joined.speaker is None or "أحياء" not in joined.speaker


def test_an_english_time_clause_before_the_subject_is_left_out_and_a_noun_report_is_no_cue() -> None:
    from test_attribution_en import only as only_en

    after = only_en("Lawmakers met on Friday afternoon, shortly after the governor said the plant would close.")
    assert after.speaker == "the governor"
    noun = only_en("Spending rose to $2 billion in June, a review of the council's budget reports shows.")
    assert noun.cue == "shows" and noun.speaker == "a review of the council's budget reports"


def test_a_name_with_a_field_before_its_role_is_the_speaker_and_she_refers_to_it() -> None:
    from test_attribution_en import attributions as attributions_en

    described, quoted = attributions_en(
        "Dana Whitfield, political science professor at Ohio State University, described the governor's plan as a "
        "gamble.\n\"If the vote fails, he will have to start again,\" she said.")
    assert described.speaker is not None and described.speaker.startswith("Dana Whitfield")
    assert quoted.speaker == described.speaker


def test_words_that_fold_like_a_statement_verb_are_no_cues() -> None:
    """"هنا" (here) folds like هنأ (congratulated), "ثمن" (price) like ثمّن (praised)."""
    here, price = attributions("ولا تتوقف القائمة هنا، بل تضم أسماء أخرى.\nوارتفع ثمن الخبز في الأسواق.")
    assert here.cue is None and price.cue is None


def test_a_long_subject_before_a_dual_verb_speaks() -> None:
    a = only("لكن وزير الطاقة السعودي ونظيره الإماراتي رجحا أن ترتفع الأسعار بنسبة 5 بالمائة.")
    assert a.speaker == "وزير الطاقة السعودي ونظيره الإماراتي"


def test_a_coordinated_subject_with_a_pronoun_stays_whole() -> None:
    from test_attribution_en import attributions as english
    [both] = english("He and Macron said in a joint statement that 200 trucks would cross the border on Monday.")
    [team] = english("She and two colleagues told reporters that the hospital had run out of fuel.")
    assert both.speaker == "He and Macron" and team.speaker == "She and two colleagues"


@pytest.mark.parametrize("sentence", ["وبكل أسف ارتفع عدد الضحايا إلى 30 شخصا في المدينة.",
                                      "ولم يعد هناك وصف دقيق لما جرى في المدينة التي فقدت 40 من سكانها."])
def test_a_noun_spelled_like_a_verb_of_statement_is_no_cue(sentence: str) -> None:
    assert only(sentence).speaker is None
