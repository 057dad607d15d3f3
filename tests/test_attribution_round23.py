"""Round 23 of issue 7 (session 26): a verb after a fronted phrase of where or when («وفي تغريدة على حسابه على موقع
تويتر قال قرقاش») starts the main clause however long the phrase; a circumstantial participle («قائلا إن») hangs on
its clause however long, and its subject is the one after the sentence's opening verb, cut before an indefinite plural
(the verb's object); «على», «إلى» and «لدى» end that subject as the text folds them. The sentences written here are unit tests, not
evidence of quality; the real items are annotated training articles (eval/real_train*) read in place."""
from __future__ import annotations

import pytest

from real_training_items import attribution_of, training_speaker


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
    # the verb's own pronoun takes the phrase back: it describes the tweet
    ("وفي تغريدة على تويتر نشر فيها صورا من الملعب احتفل اللاعب بالفوز مع الجماهير.", "احتفل اللاعب بالفوز"),
])
def test_a_verb_inside_the_fronted_phrase_is_no_cue(sentence: str, words: str) -> None:
    assert attribution_of(f"عنوان\n\n{sentence}\n", words).speaker is None


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


def test_a_participle_after_an_inner_clause_does_not_take_the_opening_verbs_subject() -> None:
    """«ورددت بعض التقارير أن ديشان فسر اللقب قائلا»: the participle hangs on Deschamps's clause, not on the
    reports'."""
    sentence = "ورددت بعض التقارير أن المدرب فسر هذا اللقب قائلا: \"كنت أحمل كثيرا من الماء خلال مسيرتي\"."
    assert attribution_of(f"عنوان\n\n{sentence}\n", "كنت أحمل كثيرا").speaker != "بعض التقارير"


@pytest.mark.parametrize("draw, doc, start, speakers", [
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
