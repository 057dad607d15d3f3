"""Outlets on real-style news text (issue 7, round 5): error classes read from the training articles of round 5
(eval/real_train3) and round 2 (eval/real_train2). Sentences written for these tests in the style of France 24,
CNN Arabic, Sky News Arabia and US papers; none is copied from the shared corpora."""
from __future__ import annotations

import pytest

from checker.outlets import load_registry
from test_attribution_ar import attributions, only, outlet_id


# ---- an agency described, then named in brackets ------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "outlet"), [
    ("ونقلت وكالة الأنباء الرسمية السورية (سانا) عن مصدر عسكري قوله إن الدفاعات الجوية تصدت لصواريخ.", "sana"),
    ("قصفت طائرات مواقع في ريف حماة، حسبما نقلت وكالة الأنباء الرسمية (سانا) عن مصدر ميداني.", "sana"),
    ("أعلن وزير الخارجية الروسي أن الهدنة صامدة، بحسب ما نقلته وكالة الأنباء الروسية (سبوتنيك).", "sputnik"),
])
def test_an_agency_described_then_named_in_brackets_is_that_agency(sentence: str, outlet: str) -> None:
    assert outlet_id(only(sentence)) == outlet


def test_a_direction_in_brackets_is_no_outlet() -> None:
    """"(شرق)" after a place is "east", not the Iranian daily Shargh."""
    a = only("وقال المرصد إن القصف طال بلدات في محافظة دير الزور (شرق)، ما أسفر عن سقوط قتلى.")
    assert outlet_id(a) is None


# ---- an outlet that only carries what someone said makes no story outlet ------------------------------------

def test_an_agency_quoted_for_one_speaker_does_not_carry_the_whole_dateline_story() -> None:
    said, other, again = attributions(
        "دبي، الإمارات العربية المتحدة (CNN)-- قال رئيس الوزراء التركي بن علي يلدريم إن العمليات ستتواصل، وفقا لما نقلته وكالة "
        "أنباء \"الأناضول\" التركية الرسمية.\n"
        "وكان وزير الخارجية التركي قال، الخميس، إن بلاده ستتخذ خطوات مشتركة مع العراق.\n"
        "وقال أردوغان إن عدد المسلحين الذين تم تحييدهم ارتفع.")
    assert outlet_id(said) == "anadolu"
    assert outlet_id(other) == "cnn" and other.outlet_from == "dateline"
    assert outlet_id(again) == "cnn"


def test_english_according_to_an_agency_is_no_story_outlet_under_a_dateline() -> None:
    said, other = attributions(
        "ISTANBUL (CNN) - Turkish President Recep Tayyip Erdogan said the operation would go on, according to the "
        "state-run Anadolu Agency.\n"
        "Foreign Minister Mevlut Cavusoglu said Turkey and Iraq would take joint steps.")
    assert outlet_id(said) == "anadolu"
    assert outlet_id(other) == "cnn"


def test_an_agency_reporting_a_ministers_words_is_not_the_story_of_the_next_speaker() -> None:
    first, second = attributions(
        "اتفق البلدان على خفض الرسوم، بحسب ما نقلت وكالة أنباء الصين الجديدة (شينخوا) الرسمية عن نائب رئيس الوزراء.\n"
        "وقال متحدث باسم البيت الأبيض إن المحادثات ستستأنف الشهر المقبل.")
    assert outlet_id(first) == "xinhua"
    assert outlet_id(second) is None


# ---- an outlet in another clause is not the cue's --------------------------------------------------------

def test_an_outlet_named_in_the_reported_words_before_a_participle_is_not_the_source() -> None:
    a = only("وقالت الهيئة المنظمة للإعلام البريطانية إنها ستنظر في الترخيص الممنوح لشبكة \"روسيا اليوم\"، معتبرة "
             "أنها أداة دعاية.")
    assert outlet_id(a) is None
    assert a.speaker is not None and a.speaker.startswith("الهيئة المنظمة")


def test_an_agency_that_is_no_outlet_in_a_later_clause_is_not_the_source() -> None:
    a = only("أكد الإليزيه موقفه الداعي إلى التعاون مع الدول الأفريقية، وحماية الحدود من خلال تعزيز وكالة "
             "\"فرونتكس\" التي تسير دوريات قرب السواحل.")
    assert outlet_id(a) is None


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("وأضاف الحزب في بلاغ أصدره اليوم، وتلقت الجوهرة أف أم نسخة منه، أن الطعن سيقدم أمام المحكمة.", "jawhara-fm"),
    ("وأفاد الناطق باسم المحكمة، سفيان السليطي، وكالة تونس افريقيا للأنباء بأن الحكم صدر.", "tap"),
    ("وقال رئيس البلدية، أحمد الحاج، لصحيفة لوموند الفرنسية إن المسلحين أطلقوا النار.", "le-monde"),
])
def test_an_outlet_past_an_aside_is_still_the_speech_acts(sentence: str, outlet: str) -> None:
    assert outlet_id(only(sentence)) == outlet


# ---- an outlet described before its name speaks itself -----------------------------------------------------

def test_an_outlet_word_and_its_description_before_the_name_is_no_speaker() -> None:
    first, second = attributions(
        "وأفاد الموقع الكوبي الإلكتروني الرسمي \"كوبا ديبايت\" أن النواب صادقوا على التعيين.\n"
        "وأعلنت رئيسة اللجنة الانتخابية أن نسبة المشاركة بلغت 85 بالمائة.")
    assert outlet_id(first) == "cubadebate" and first.speaker is None
    assert outlet_id(second) is None


# ---- outlets the registry lacked ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "outlet"), [
    ("The Charlotte Observer found that one in four residents lived in distressed neighborhoods.",
     "charlotte-observer"),
    ("وقال نصر الله في كلمته التي بثتها قناة المنارة التابعة لحزب الله إن الانتخابات مفصلية.", "al-manar"),
    ("وسيتيح التطبيق فرز الرسائل، بحسب ما نقلت صحيفة \"مترو\" البريطانية.", "metro-uk"),
    ("نستعرض أبرز الدراسات وفق ما ذكر موقع \"إنغادجت\" التقني.", "engadget"),
    ("وعن إصابة الظهير قال المدرب إنه ينتظر الفحوص، وفقا لما ذكر موقع كووورة.", "kooora"),
    ("وقالت العداءة لموقع \"لتس ران\" المتخصص إنها لم تصدق النتيجة.", "letsrun"),
])
def test_outlets_added_to_the_registry_are_found(text: str, outlet: str) -> None:
    assert [o.id for o, _, _ in load_registry().find_in(text)] == [outlet]


def test_the_metro_as_a_train_is_no_outlet() -> None:
    assert load_registry().find_in("وركب آلاف الركاب المترو صباح اليوم.") == []


# ---- speakers: more statements by act, and where a speaker phrase ends -----------------------------------

@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وخلصت الشرطة إلى أن الضحية توفيت جراء تعرضها للخنق.", "الشرطة"),
    ("ولمح وزير الخارجية الروسي إلى أن لندن قد تكون وراء الهجوم.", "وزير الخارجية الروسي"),
    ("وحثت الأمم المتحدة، في بيان، الأطراف على ضبط النفس.", "الأمم المتحدة"),
    ("وتعهد الرئيس أيضا بنزع صفة الوطنية عن النقابة بعد معارضتها الحملة.", "الرئيس"),
    ("وادعت الموظفة السابقة أن الشركة جمعت بيانات ملايين المستخدمين.", "الموظفة السابقة"),
])
def test_more_statements_by_act_name_who_made_them(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وقال المدرب بعد المباراة: \"قدمنا أداء جيدا في الشوط الثاني\".", "المدرب"),
    ("وقال اللاعب قبل مباراة ودية في أستراليا: \"أعتقد أنه أفضل لاعب لدينا\".", "اللاعب"),
])
def test_an_arabic_speaker_ends_before_a_time_phrase(sentence: str, speaker: str) -> None:
    assert only(sentence).speaker == speaker
