"""Speakers on real-style news (issue 7, round 6): error classes read from the training draws (eval/real_train,
eval/real_train2, eval/real_train3) only. Every sentence was written for these tests; names, numbers and wording
are invented, none is copied from the shared corpora."""
from __future__ import annotations

import pytest

from test_attribution_ar import attributions, only


# ---- a name and a long title, no comma before the framing words: cut, not dropped ----------------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ('وقال محمد الكعبي وزير شؤون التنمية والتخطيط في دولة الكويت في مقابلة خاصة مع "العربية" على هامش المؤتمر '
     "في الرياض، إن الاستثمار سيتضاعف.", "محمد الكعبي وزير شؤون التنمية والتخطيط"),
    ('وقال سامي حداد رئيس تحرير إذاعة بي بي سي عربي في تعليقه على القرار "إنها خطوة مهمة للفريق".',
     "سامي حداد رئيس تحرير إذاعة بي بي سي عربي"),
])
def test_a_long_arabic_name_and_title_keeps_its_opening(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


def test_a_long_statement_by_act_is_still_not_cut() -> None:
    """"دعت الدولة لتحمل مسؤولياتها في ...": after a call, the long phrase is as often the object; it refers back."""
    said, called = attributions(
        "قالت الجمعية التونسية للرياضة والصحة إن الوضع خطير.\n"
        "كما دعت الدولة لتحمل مسؤولياتها في تذكير الأندية و الاتحادات الرياضية بالقواعد القانونية و الأخلاقية التي "
        "يجب على الجميع احترامها.")
    assert called.speaker == said.speaker == "الجمعية التونسية للرياضة والصحة"


def test_a_title_ending_in_a_compound_given_name_is_a_name() -> None:
    a = only("أكد مدير إدارة المراقبة بوزارة الصحة عبد الكريم العياري اليوم الأربعاء أن عدد الحالات ارتفع إلى 300.")
    assert a.speaker == "مدير إدارة المراقبة بوزارة الصحة عبد الكريم العياري"


# ---- a verb with no subject, then a frame naming where the words appeared ----------------------------------

@pytest.mark.parametrize("second", [
    'وقال في تصريحات نشرتها صحيفة الصباح: "الوضع صعب جدا".',
    "وصرح في اتصال هاتفي بوكالة الأنباء الفرنسية أن الأجور سترتفع.",
])
def test_a_verb_framed_by_an_outlet_is_the_speaker_before(second: str) -> None:
    first, framed = attributions("قال وزير المالية سليم الحداد إن الميزانية ارتفعت.\n" + second)
    assert framed.speaker == first.speaker == "وزير المالية سليم الحداد"
    assert framed.outlet is not None


def test_wa_written_apart_from_the_verb_is_wa_adaf() -> None:
    """"و أضاف" (Tunisian copy writes the و apart) is "وأضاف": the speaker before, not a speaker "و"."""
    first, added = attributions("قال المحامي نزار الحداد إن الحركة لن تلجأ إلى القضاء.\n"
                                'و أضاف في تصريح لوكالة تونس افريقيا للأنباء أن الحركة "متمسكة بهياكلها".')
    assert added.speaker == first.speaker == "المحامي نزار الحداد"


# ---- verbs that report only with their complement ------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وبين الكاتب العام للنقابة سامي الورغي أن الإضراب سيتواصل.", "الكاتب العام للنقابة سامي الورغي"),
    ("عبرت الجمعية التونسية للمحامين عن رفضها للقرار الذي اتخذته الوزارة.", "الجمعية التونسية للمحامين"),
    ("عبر المعلق الرياضي سامي العلوي عن استيائه من استعمال صوته في إعلان تجاري.", "المعلق الرياضي سامي العلوي"),
])
def test_bayyana_and_abbara_an_report(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


@pytest.mark.parametrize("sentence", [
    "وبين عامي 2010 و2015 ارتفع عدد السكان إلى 12 مليونا.",
    "وعبر الحدود عن طريق البحر وصل نحو 300 مهاجر إلى الجزيرة.",
    "وتحدث الوزير مع نظيره الفرنسي حول الأزمة.",
])
def test_between_via_and_talking_with_are_no_cues(sentence: str) -> None:
    a = only(sentence)
    assert a.speaker is None and a.kind == "none"


# ---- cue verbs written with their diacritics -----------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وبيّن الكاتب العام للنقابة سامي الورغي أن الإضراب سيتواصل.", "الكاتب العام للنقابة سامي الورغي"),
    ("وكانت السلطات الصحية تحدّثت في الشهر الماضي عن ارتفاع عدد الإصابات.", "السلطات الصحية"),
    ("قَالَ الوزير إنّ الميزانية ارتفعت.", "الوزير"),
])
def test_a_cue_with_a_shadda_or_vowels_is_a_cue(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


def test_a_passive_verb_marked_with_damma_is_no_cue() -> None:
    """"ونُقل المصابون" (were taken) and "يُذكر أن" (it is mentioned) report no one."""
    _, moved = attributions("قال الوزير إن الحادث وقع صباحا.\nونُقل المصابون إلى المستشفى الجهوي.")
    assert moved.speaker is None and moved.kind == "none"


# ---- English: ages and authored studies ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Maria Lopez, 34, said the protests would continue.",
    '"We are not going to stop," Maria Lopez, 34, said.',
])
def test_an_age_between_commas_is_not_the_speaker(sentence: str) -> None:
    assert only(sentence).speaker == "Maria Lopez"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("A 2015 survey by Yale and the University of Chicago found that rents rose fastest in the suburbs.",
     "A 2015 survey by Yale and the University of Chicago"),
    ("A 2012 study by Ohio State University professor Anna Kim found 40 cases of fraud among a million votes.",
     "A 2012 study by Ohio State University professor Anna Kim"),
])
def test_a_study_and_its_named_authors_is_one_speaker(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


# ---- the statement as source, the words carried by an outlet, an addressee after the verb --------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وجاء في بيان المنظمة أن فريقها زار المدينة اليوم لجمع عينات.", "بيان المنظمة"),
    ("وجاء على صفحتها الرسمية أنها ستغيب عن الحفلات لمدة شهرين.", "صفحتها الرسمية"),
])
def test_ja_a_fi_a_statement_names_it_as_the_source(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


def test_ja_a_fi_a_ranking_is_no_cue() -> None:
    a = only("وجاء الفريق في المرتبة الثانية خلف المنتخب الفرنسي.")
    assert a.speaker is None and a.kind == "none"


def test_a_verb_speaking_to_an_addressee_takes_the_name_before_it() -> None:
    """"..., [الاسم], قال للتلفزيون الحكومي إن": the addressee is no speaker; "ونقلت عنه وكالة X" is the same man."""
    said, carried = attributions(
        'ولم تتبن أي جهة الهجوم، لكن وزير الداخلية في النيجر، سليم الحداد، قال للتلفزيون الحكومي إن للهجوم "صلة '
        'بالإرهاب".\n'
        "ونقلت عنه وكالة رويترز أن شرطيين قتلا في الهجوم.")
    assert said.speaker == carried.speaker == "سليم الحداد"
    assert carried.outlet is not None and carried.outlet.id == "reuters"


def test_a_verb_inside_a_clause_reports_when_its_subject_and_words_follow() -> None:
    """"... بغاز للأعصاب تقول السلطات البريطانية إن مصدره ...": no relative pronoun, still a report."""
    a = only("وتعرض الرجل لتسميم بغاز للأعصاب تقول السلطات البريطانية إن مصدره مختبر عسكري.")
    assert a.speaker == "السلطات البريطانية"


def test_a_headline_verb_still_takes_the_subject_before_it() -> None:
    assert only("الجزائر تؤكد أن الحدود ستبقى مغلقة.").speaker == "الجزائر"


@pytest.mark.parametrize("sentence", [
    "وبين المشاركين وزير الخارجية الذي قال إن الحل قريب.",
    "وجاء في المرتبة الثانية المنتخب الفرنسي الذي أكد مدربه أن الفريق جاهز.",
    "ورد في القائمة اسم الوزير السابق.",
])
def test_between_came_second_and_a_listed_name_give_no_speaker_from_a_relative_clause(sentence: str) -> None:
    """«بين» (among), «جاء في المرتبة» (came in) and «ورد» with no أن of their own: the أن after «الذي» belongs to
    the relative clause, and «ورد» keeps its first letter."""
    assert only(sentence).speaker not in {"المشاركين وزير الخارجية", "المرتبة الثانية المنتخب الفرنسي",
                                          "القائمة اسم الوزير السابق"}
