"""Round 23 of issue 7 (session 26): a verb after a fronted phrase of where or when («وفي تغريدة على حسابه على موقع
تويتر قال قرقاش») starts the main clause however long the phrase; a circumstantial participle («قائلا إن») hangs on
its clause however long, and its subject is the one after the sentence's opening verb, cut before an indefinite plural
(the verb's object); «إلى» and «على» end that subject as the text folds them, «على» told from the name Ali
(«علي») by its spelling; «بقوله» ("by saying") hangs on its clause as a participle does, except after a verb whose
object takes ب. The sentences written here are unit tests, not evidence of quality; the real items are annotated
training articles (eval/real_train*) read in place."""
from __future__ import annotations

import pytest

from real_training_items import attribution_of, training_speaker

from checker.attribution.lexicon import load_lexicon
from checker.attribution.spans import Span
from checker.attribution.speakers import sane_speaker


@pytest.mark.parametrize("sentence, words, speaker", [
    ("وفي تغريدات على حسابه على موقع تويتر قال قرقاش: \"الإمارات تحملت مسؤولياتها في أمن المنطقة\".",
     "الإمارات تحملت مسؤولياتها", "قرقاش"),
    ("وفي تغريدة على حسابها الرسمي على تويتر قالت وزارة الخارجية البحرينية إن المملكة تتضامن مع الرياض.",
     "المملكة تتضامن مع الرياض", "وزارة الخارجية البحرينية"),
    ("وخلال مؤتمر صحفي عقده في عمان مساء الأحد قال الوزير إن الحدود ستفتح الأسبوع المقبل.",
     "الحدود ستفتح", "الوزير"),
])
def test_a_verb_after_a_fronted_phrase_names_its_speaker(sentence: str, words: str, speaker: str) -> None:
    assert attribution_of(f"عنوان\n\n{sentence}\n", words).speaker == speaker


@pytest.mark.parametrize("sentence, words", [
    # the verb with ف follows a clause of its own, not the phrase: the referee gives a penalty, he reports nothing
    ("وفي الدقيقة 39 لمس المدافع الكرة بيده في منطقة الجزاء فأعلن الحكم ركلة جزاء لروسيا.", "لمس المدافع الكرة"),
    # the verb's own pronoun takes the phrase back: it describes the tweet, whose writer the sentence does not name
    ("وفي تغريدة على حسابه في تويتر قال فيها إن الفريق سيفوز باللقب هذا الموسم.", "الفريق سيفوز باللقب"),
])
def test_a_verb_inside_the_fronted_phrase_is_no_cue(sentence: str, words: str) -> None:
    assert attribution_of(f"عنوان\n\n{sentence}\n", words).cue is None


@pytest.mark.parametrize("sentence, words, speaker", [
    ("ووجه بوفون انتقادات حادة إلى الحكم بعد المباراة قائلا إنه لم يكن على مستوى المباراة.",
     "لم يكن على مستوى المباراة", "بوفون"),
    ("وعلق حزب النهضة الإسلامي على مطلب إقالة رئيس الحكومة قائلا إن إقالته تضرب الاستقرار.",
     "إقالته تضرب الاستقرار", "حزب النهضة الإسلامي"),
    ("وسخر الكاتب من كثرة عدد المساجد في البلاد قائلا إنه أصبح لكل مواطن مسجد.", "أصبح لكل مواطن مسجد", "الكاتب"),
    ("ورد المدرب على الانتقادات، مؤكدا أن الفريق سيعود أقوى في الموسم المقبل.", "الفريق سيعود أقوى", "المدرب"),
])
def test_a_participle_after_a_long_clause_takes_the_opening_verbs_subject(sentence: str, words: str,
                                                                          speaker: str) -> None:
    assert attribution_of(f"عنوان\n\n{sentence}\n", words).speaker == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("عنوان\n\nودافعت موسكو عن نفسها الخميس بقولها إن ليس لديها \"أي معلومات حول المادة المستخدمة\".\n",
     "أي معلومات حول المادة", "موسكو"),
    ("عنوان\n\nوقال الوزير إن الحكومة ستدرس القرار. وختم بقوله: \"لن نتراجع عن الإصلاحات\".\n",
     "لن نتراجع عن الإصلاحات", "الوزير"),
])
def test_by_saying_takes_the_subject_of_its_clause(text: str, words: str, speaker: str) -> None:
    assert attribution_of(text, words).speaker == speaker


def test_a_participle_after_an_inner_clause_does_not_take_the_opening_verbs_subject() -> None:
    """«ورددت بعض التقارير أن ديشان فسر اللقب قائلا»: the participle hangs on Deschamps's clause, not on the
    reports'."""
    sentence = "ورددت بعض التقارير أن المدرب فسر هذا اللقب قائلا: \"كنت أحمل كثيرا من الماء خلال مسيرتي\"."
    assert attribution_of(f"عنوان\n\n{sentence}\n", "كنت أحمل كثيرا").speaker in {None, "المدرب"}


@pytest.mark.parametrize("sentence, words, speaker", [
    # «علي» is the name Ali, which folds as the preposition «على» does
    ("وقال علي لاريجاني رئيس البرلمان الإيراني إن بلاده لن تتراجع عن برنامجها النووي.", "لن تتراجع عن برنامجها",
     "علي لاريجاني رئيس البرلمان الإيراني"),
    ("وأكد المتحدث باسم الوزارة محمد علي في بيان أن الاجتماع سيعقد غدا في القاهرة.", "الاجتماع سيعقد غدا",
     "المتحدث باسم الوزارة محمد علي"),
    ("ووجه الرئيس اليمني علي عبد الله صالح انتقادات حادة للمعارضة قائلا إنها تعرقل الحوار الوطني.",
     "تعرقل الحوار الوطني", "الرئيس اليمني علي عبد الله صالح"),
    # a surname in «ات» after a given name is no object; a plural before a definite word heads a construct
    ("وأبدى الرئيس الفلسطيني الراحل ياسر عرفات ارتياحه للاتفاق قائلا إنه خطوة مهمة نحو السلام.",
     "خطوة مهمة نحو السلام", "الرئيس الفلسطيني الراحل ياسر عرفات"),
    ("ووجهت نقابات العمال انتقادات حادة للحكومة قائلة إن الأجور لم ترتفع منذ سنوات.", "الأجور لم ترتفع",
     "نقابات العمال"),
    # «على» written «علي», as some sites write it, before a possessed noun is still the preposition; a name ending
    # in «ة» (folded to «ه») is no possessed noun
    ("وأكد وزير الخارجية علي تمسكه بالحل السياسي للأزمة.", "تمسكه بالحل السياسي", "وزير الخارجية"),
    ("وأكد مفتي مصر السابق علي جمعة أن الفتوى لا تصدر إلا عن المختصين.", "الفتوى لا تصدر",
     "مفتي مصر السابق علي جمعة"),
    ("ووجه المفتي السابق علي جمعة انتقادات حادة للمتشددين قائلا إنهم يسيئون للدين.", "يسيئون للدين",
     "المفتي السابق علي جمعة"),
])
def test_the_name_ali_and_surnames_in_at_stay_in_the_speaker(sentence: str, words: str, speaker: str) -> None:
    assert attribution_of(f"عنوان\n\n{sentence}\n", words).speaker == speaker


@pytest.mark.parametrize("sentence, words", [
    # after a long fronted phrase, a verb with only an object reports nothing
    ("وخلال زيارته الأخيرة إلى العاصمة الفرنسية باريس أعلن الوزير حزمة مساعدات جديدة للقطاع الزراعي.",
     "حزمة مساعدات جديدة"),
    ("وبعد انتهاء الاجتماع الطارئ لمجلس الأمن الدولي في نيويورك ذكرت الصحيفة قراءها بالموعد النهائي للطلبات.",
     "بالموعد النهائي"),
    # «عن طريق» ("by way of") is no «عن» of reported words
    ("وخلال زيارته الأخيرة إلى العاصمة الفرنسية باريس أعلن الوزير حزمة مساعدات جديدة عن طريق الوكالة.",
     "حزمة مساعدات جديدة"),
])
def test_a_verb_after_a_fronted_phrase_without_reported_words_is_no_cue(sentence: str, words: str) -> None:
    assert attribution_of(f"عنوان\n\n{sentence}\n", words).cue is None


def test_by_saying_after_a_verb_whose_object_takes_ba_is_the_object() -> None:
    """«وشكك المحققون بقوله»: the investigators doubted what he said; they said nothing."""
    sentence = "وشكك المحققون بقوله إن السيارة كانت متوقفة أمام المبنى وقت الانفجار."
    assert attribution_of(f"عنوان\n\n{sentence}\n", "السيارة كانت متوقفة").cue is None


@pytest.mark.parametrize("phrase", ["وخلال لقائه الوزير", "وفي تغريدة على حسابه", "أثناء زيارته للمستشفى",
                                    "وبعد الاجتماع"])
def test_a_phrase_of_where_or_when_is_never_a_speaker(phrase: str) -> None:
    text = f"{phrase} قال إن الحدود ستفتح."
    assert sane_speaker(text, Span(phrase, 0, len(phrase)), [], load_lexicon()) is None


@pytest.mark.parametrize("draw, doc, start, speakers", [
    # «قال علي المنصوري، المندوب الدائم لقطر»: the name Ali opens the speaker
    ("real_train18", "antms/CNN/sport/CN-sport-369-20180830", 1621,
     {"علي المنصوري", "المندوب الدائم لقطر لدى مكتب الأمم المتحدة بجنيف"}),
    # «وأكد الناشط علي الكوكباني (من أبناء المحويت) أن»
    ("real_train5", "antms/Alarabia/internationalNews/AL-internationalNews-373-20180306", 1254,
     {"علي الكوكباني", "الكوكباني", "الناشط علي الكوكباني"}),
    # «وفي تغريدات على حسابه على موقع تويتر قال قرقاش»: the name, and the full title named earlier in the story
    ("real_train15", "antms/SkyNews/middleEast/SK-middleEast-1994-20180528", 412,
     {"قرقاش", "وزير الدولة الإماراتي للشؤون الخارجية أنور قرقاش"}),
    # «وفي تغريدة على حسابها الرسمي على تويتر قالت وزارة الخارجية البحرينية»
    ("real_train6", "antms/BBC/middleEast/BB-middleEast-847-20180806", 774, {"وزارة الخارجية البحرينية"}),
    # «ووجه بوفون انتقادات حادة إلى ... قائلا إنه»
    ("real_train12", "antms/Alarabia/sport/AL-sport-1255-20180412", 772, {"بوفون"}),
    # «وسخر الكاتب من كثرة عدد المساجد في البلاد قائلا إنه»
    ("real_train16", "antms/BBC/middleEast/BB-middleEast-57-20180220", 431, {"الكاتب"}),
])
def test_real_training_items_get_their_speaker(draw: str, doc: str, start: int, speakers: set[str]) -> None:
    assert training_speaker(draw, doc, start) in speakers
