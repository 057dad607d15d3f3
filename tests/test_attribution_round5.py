"""Outlets on real-style news text (issue 7, round 5): error classes read from the training articles of round 5
(eval/real_train3) and round 2 (eval/real_train2). Sentences written for these tests in the style of France 24,
CNN Arabic, Sky News Arabia and US papers; none is copied from the shared corpora."""
from __future__ import annotations

import pytest

from checker.attribution import attribute
from checker.doc import make_doc
from checker.models import Attribution, Claim, Sentence
from checker.outlets import load_registry
from test_attribution_ar import attributions, only, outlet_id


# ---- an agency described, then named in brackets ------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "outlet"), [
    ("ونقلت وكالة الأنباء الحكومية السورية (سانا) عن ضابط في الجيش أن المضادات اعترضت ثلاث قذائف فوق المطار.",
     "sana"),
    ("استهدفت مسيرات مخازن حبوب قرب حمص، حسبما نقلت وكالة الأنباء الحكومية (سانا) عن قائد ميداني.", "sana"),
    ("أعلن وزير الخارجية الروسي أن الهدنة صامدة، بحسب ما نقلته وكالة الأنباء الروسية (سبوتنيك).", "sputnik"),
])
def test_an_agency_described_then_named_in_brackets_is_that_agency(sentence: str, outlet: str) -> None:
    assert outlet_id(only(sentence)) == outlet


def test_a_direction_in_brackets_is_no_outlet() -> None:
    """"(شرق)" after a place is "east", not the Iranian daily Shargh."""
    a = only("وأوضح المرصد أن الغارات أصابت قرى في محافظة الحسكة (شرق)، ما أدى إلى مقتل خمسة مدنيين.")
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
    a = only("وقالت هيئة تنظيم الإعلام في بريطانيا إنها ستنتظر نتائج التحقيق قبل مراجعة رخصة قناة \"روسيا اليوم\"، "
             "معتبرة أنها تخدم أغراضا سياسية.")
    assert outlet_id(a) is None
    assert a.speaker is not None and a.speaker.startswith("هيئة تنظيم الإعلام")


@pytest.mark.parametrize("sentence", [
    "وجدد قصر الإليزيه دعوته إلى شراكة مع دول الساحل، وصون الحدود عبر دعم وكالة \"فرونتكس\" التي تراقب المتوسط.",
    # A place ending in "ان" after the agency opens no reported words ("في اليونان" is no "أن").
    "وشدد الوزير على حماية الحدود البحرية، عبر توسيع مهام وكالة \"فرونتكس\" في اليونان.",
    "وطالبت المفوضية بتنسيق أوثق بين الحكومات، ودعم وكالة \"فرونتكس\" في إيطاليا والبلدان المجاورة.",
])
def test_an_agency_that_is_no_outlet_in_a_later_clause_is_not_the_source(sentence: str) -> None:
    assert outlet_id(only(sentence)) is None


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("وأوضحت النقابة في بيان نشرته مساء الأحد، وتحصلت الجوهرة أف أم على نسخة منه، أن الإضراب سيشمل كل المعاهد.",
     "jawhara-fm"),
    ("وأفاد المتحدث باسم الوزارة، منير الطرابلسي، وكالة تونس افريقيا للأنباء بأن القرار نهائي.", "tap"),
    ("وقال رئيس البلدية، أحمد الحاج، لصحيفة لوموند الفرنسية إن المسلحين أطلقوا النار.", "le-monde"),
])
def test_an_outlet_past_an_aside_is_still_the_speech_acts(sentence: str, outlet: str) -> None:
    assert outlet_id(only(sentence)) == outlet


# ---- an outlet described before its name speaks itself -----------------------------------------------------

def test_an_outlet_word_and_its_description_before_the_name_is_no_speaker() -> None:
    first, second = attributions(
        "وذكر الموقع الكوبي الإخباري الحكومي \"كوبا ديبايت\" أن البرلمان أقر ميزانية العام المقبل.\n"
        "وأعلنت رئيسة اللجنة الانتخابية أن نسبة المشاركة بلغت 85 بالمائة.")
    assert outlet_id(first) == "cubadebate" and first.speaker is None
    assert outlet_id(second) is None


# ---- outlets the registry lacked ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "outlet"), [
    ("The Charlotte Observer found that one in four residents lived in distressed neighborhoods.",
     "charlotte-observer"),
    ("وقال نصر الله في كلمته التي بثتها قناة المنارة التابعة لحزب الله إن الانتخابات مفصلية.", "al-manar"),
    ("وستضيف الشركة خاصية جديدة للبحث في الصور، بحسب ما نقلت صحيفة \"مترو\" البريطانية.", "metro-uk"),
    ("إليكم أهم الأبحاث الجديدة وفق ما ذكر موقع \"إنغادجت\" التقني.", "engadget"),
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


# ---- the outlet a lead paragraph retells covers the story -----------------------------------------------

def test_an_agency_retold_in_the_lead_covers_the_story_with_no_dateline() -> None:
    headline, lead, background, minister = attributions(
        "قمة سنغافورة.. صفقة كبرى على الطاولة\n\n"
        "أفادت وكالة يونهاب الكورية الجنوبية، الأحد، أن المحادثات ستتناول خطة لنزع السلاح على مراحل.\n\n"
        "ويتمسك الجانب الأميركي بإدراج بند التحقق الكامل في الاتفاق.\n"
        "وقال وزير الخارجية الأميركي، في وقت سابق، إن بلاده تنتظر قرارا حاسما.")
    assert outlet_id(lead) == "yonhap"
    assert outlet_id(background) == "yonhap" and background.outlet_from == "story"
    assert outlet_id(minister) == "yonhap" and minister.speaker == "وزير الخارجية الأميركي"
    assert outlet_id(headline) is None


def test_english_lead_according_to_an_agency_covers_the_story() -> None:
    _, lead, later = attributions(
        "Turkish court detains students over protest\n\n"
        "A Turkish court ordered nine students held pending trial over a protest, Reuters reported.\n\n"
        "Opposition leader Kemal Kilicdaroglu said the students' fate was not for the president to decide.")
    assert outlet_id(lead) == "reuters"
    assert outlet_id(later) == "reuters" and later.outlet_from == "story"


def test_a_round_up_whose_lead_cites_one_of_several_outlets_has_no_story_outlet() -> None:
    _, lead, later, other = attributions(
        "Washington weighs new strikes\n\n"
        "The Pentagon is preparing options for new strikes on militias in Iraq, the Washington Post reported.\n\n"
        "Central Command said five soldiers were wounded in the drone attack.\n"
        "The Wall Street Journal reported that the White House asked for a list of targets.")
    assert outlet_id(lead) == "washington-post"
    assert outlet_id(later) is None


def test_an_agency_quoting_a_source_in_the_lead_does_not_cover_the_background() -> None:
    _, lead, background = attributions(
        "ضربات في دير الزور\n\n"
        "نقلت وكالة الأنباء السورية (سانا) عن ضابط قوله إن طائرات التحالف قصفت مخازن ذخيرة مساء السبت.\n\n"
        "وظلت الميادين سنوات قاعدة للمسلحين حتى طردوا منها في 2017.")
    assert outlet_id(lead) == "sana"
    assert outlet_id(background) is None


def test_an_outlet_named_after_the_lead_paragraph_does_not_cover_the_story() -> None:
    _, first, second, background = attributions(
        "غارة على رفح\n\n"
        "استشهد فلسطينيان في غارة إسرائيلية على نفق جنوب قطاع غزة.\n\n"
        "وأفادت وكالة الأنباء الفلسطينية \"وفا\" باستشهاد شاب من رفح.\n"
        "وتشن إسرائيل غارات متكررة على الأنفاق.")
    assert outlet_id(first) is None and outlet_id(background) is None


# ---- an outlet quoting an outlet; the source an outlet quotes past time words -------------------------------

def test_a_site_quoting_a_newspaper_gives_the_newspaper_and_no_speaker() -> None:
    a = only("غادر الأب منزله باكرا ليقود سيارته، حسبما ذكر موقع \"العربية\" نقلا عن صحيفة \"واشنطن بوست\" الأميركية.")
    assert outlet_id(a) == "washington-post" and [o.id for o in a.via] == ["al-arabiya"]
    assert a.speaker is None


@pytest.mark.parametrize(("sentence", "outlet", "speaker"), [
    ("ونقلت صحيفة \"الحياة\" السعودية اليوم الخميس عن مصادرها أن الاتحاد سيعدل لائحة البطولة.", "al-hayat",
     "مصادرها"),
    ("اتفق البلدان على خفض الرسوم، بحسب ما نقلت وكالة أنباء الصين الجديدة (شينخوا) الرسمية السبت عن نائب رئيس "
     "الوزراء الصيني ليو هي.", "xinhua", "نائب رئيس الوزراء الصيني ليو هي"),
])
def test_the_source_an_outlet_quotes_is_read_past_time_words(sentence: str, outlet: str, speaker: str) -> None:
    a = only(sentence)
    assert (outlet_id(a), a.speaker) == (outlet, speaker)


# ---- an interview on a channel names its broadcaster ------------------------------------------------------

@pytest.mark.parametrize(("sentence", "outlet", "speaker"), [
    ("During a June interview on CNBC's Closing Bell, the senator said the tariffs had cost farmers billions.", "cnbc",
     "the senator"),
    ("In an interview on NBC's \"Meet the Press,\" Governor Jane Holloway said the schools would reopen in March.",
     "nbc", "Governor Jane Holloway"),
    ("In an appearance on CNN, the treasury secretary said inflation had peaked.", "cnn", "the treasury secretary"),
])
def test_an_interview_on_a_programme_names_its_broadcaster(sentence: str, outlet: str, speaker: str) -> None:
    a = only(sentence)
    assert (outlet_id(a), a.speaker) == (outlet, speaker)


def test_an_arabic_interview_on_a_channel_names_it() -> None:
    a = only("وقال وزير الخارجية في مقابلة مطولة على قناة الحدث إن المفاوضات متواصلة.")
    assert outlet_id(a) == "al-hadath" and a.speaker == "وزير الخارجية"


# ---- one unattributed sentence split into two claims is one sentence of a new topic ------------------------

def _split_second_sentence(lines: list[str], cut: str) -> list[Attribution]:
    """One sentence per line, one claim each, but the third line split into two claims at `cut` (as the claim
    splitter does with "...، لكنه ..."), all in one paragraph per line."""
    text = "\n".join(lines)
    sentences, claims, position = [], [], 0
    for index, line in enumerate(lines):
        sentences.append(Sentence(index, position, position + len(line), line, index))
        parts = line.split(cut, 1) if index == 2 else [line]
        offset = position
        for number, part in enumerate(parts):
            part = part if number == 0 else cut + part
            claims.append(Claim(f"c{index}-{number}", part, offset, offset + len(part), index, part, 0.9))
            offset += len(part)
        position += len(line) + 1
    return [c.attribution for c in attribute(make_doc(text, sentences), tuple(claims), load_registry())]


@pytest.mark.parametrize(("lines", "cut", "speaker"), [
    (["قال يوسف النجار، مهاجم الوداد، إنه يطمح إلى رفع كأس القارة هذا الموسم.",
      "وقال نجم الوداد: \"نتدرب بجدية لنسعد الجماهير\".",
      "وإلى جانب 14 هدفا سجلها، مرر النجار أربع كرات حاسمة، لكنه يؤكد أن الفضل لزملائه في الفريق.",
      "وقال: \"الفريق عائلتي الثانية\"."], "لكنه", "نجم الوداد"),
    (["Youssef Najjar, the Wydad striker, said he hoped to lift the continental cup this season.",
      "\"We train hard to make the fans happy,\" Najjar said.",
      "On top of his 14 goals, Najjar has laid on four more, but he says his team-mates deserve the praise.",
      "He added: \"This team is my second family.\""], "but", "Najjar"),
])
def test_an_added_remark_reaches_back_over_one_sentence_split_into_two_claims(lines: list[str], cut: str,
                                                                               speaker: str) -> None:
    last = _split_second_sentence(lines, cut)[-1]
    assert last.speaker is not None and speaker in last.speaker


# ---- "according to" that means "depending on" ------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "ويأتي بعدهم أحفاد الملك وفقا للعمر، فيكون الأكبر أولهم ثم شقيقته الصغرى.",
    "وستسمح الخدمة بترتيب الصور المحفوظة وفق 12 فئة، بحسب ما نقلت صحيفة \"مترو\" البريطانية.",
])
def test_according_to_an_age_or_a_count_of_categories_cites_no_one(sentence: str) -> None:
    assert only(sentence).speaker is None


def test_according_to_a_count_of_sources_still_cites_them() -> None:
    assert only("وقتل 14 شخصا في الهجوم بحسب 3 مصادر أمنية.").speaker == "3 مصادر أمنية"
