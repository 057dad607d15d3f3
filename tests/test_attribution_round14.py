"""Round 14 of issue 7 (session 17): an Arabic verb whose subject is unsaid, followed by a prepositional phrase or a
time adverb («أقرت للمرة الأولى», «وأضاف بالقول», «وقال مطلع الشهر»). The phrase was read as the speaker; it opens
no subject, so the verb refers back to the speaker before, as «وأضاف أن» does. Real training articles are read in
place by id; the sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import analyze
from real_training_items import article_text, attribution_of


def _speakers(text: str) -> dict[str, str | None]:
    return {c.text: c.attribution.speaker for c in analyze(text).claims}


def test_a_preposition_glued_to_the_article_is_no_speaker(eval_data: Path) -> None:
    """France 24: «إلا أنها أقرت للمرة الأولى أن ...» gave «للمرة الأولى» ("for the first time") as the speaker;
    the speaker is the prime minister the story named before."""
    found = attribution_of(article_text("antms/France24/internationalNews/FR-internationalNews-232-20180303"),
                           "بريطانيا قد تعاني من عوائق تجارية جديدة")
    assert found.speaker is not None and "ماي" in found.speaker and "للمرة" not in found.speaker


def test_adding_by_saying_refers_back_to_the_minister(eval_data: Path) -> None:
    """CNN Arabic: «وأضاف بالقول» gave «بالقول» ("by saying") as the speaker; it is the Russian foreign minister."""
    found = attribution_of(article_text("antms/CNN/middleEast/CN-middleEast-708-20180424"),
                           "ضرورة الاستعداد لتكرار الاستفزازات")
    assert found.speaker is not None and "لافروف" in found.speaker


def test_unsaid_subjects_after_adverbs_take_the_speaker_before() -> None:
    said = _speakers("الحكومة تعد بدعم المزارعين\n\n"
                     "وقال وزير الزراعة خالد سعيد إن الحكومة ستدعم المزارعين هذا العام. "
                     "وأكد للمرة الثانية أن الدعم سيصل قبل الصيف.\n\n"
                     "وأضاف بالقول إن القرار نهائي. وقال مطلع الأسبوع إن المعبر سيفتح أمام الشاحنات.")
    later = [speaker for text, speaker in said.items() if "وقال وزير" not in text]
    assert len(later) == 3 and all(s is not None and "خالد سعيد" in s for s in later), said


def test_names_that_begin_like_a_preposition_stay_speakers() -> None:
    """Only a preposition glued to the article («لل», «بال», «كال») opens no subject: «بلال», «بريطانيا» and
    «لبنان» begin with the same letters and are speakers."""
    said = _speakers("أزمة المياه في الأحياء الشرقية\n\n"
                     "وقال بلال أحمد، المتحدث باسم البلدية، إن المياه عادت إلى الأحياء الشرقية.\n\n"
                     "وأعلنت بريطانيا أنها سترسل مساعدات طبية إلى المنطقة.\n\n"
                     "وأكد لبنان أن الحدود ستبقى مفتوحة أمام القوافل.")
    assert [s for s in said.values()] == ["بلال أحمد", "بريطانيا", "لبنان"], said


def test_a_speaker_named_again_in_narrative_is_who_a_later_verb_refers_to(eval_data: Path) -> None:
    """BBC Arabic: Angelina Jolie speaks, then sentences of narrative name her, then «وقالت خلال العرض ...»; the
    verb-only subject found no speaker within reach. Now the re-mention makes her the antecedent."""
    found = attribution_of(article_text("antms/BBC/culture/BB-culture-177-20180527"), "يوجد دول في العالم يصعب فيها")
    assert found.speaker is not None and "جولي" in found.speaker


def test_the_speaker_named_last_in_narrative_wins_over_the_one_who_spoke_last() -> None:
    said = _speakers("مهرجان للسباحة في برلين\n\n"
                     "وقال المدرب يوهان كلاوس إن الفريق استعد جيدا للبطولة.\n\n"
                     "وقال اللاعب أحمد سالم إنه يتدرب منذ سنوات.\n\n"
                     "وشارك المدرب كلاوس في افتتاح المهرجان مساء الأحد وسط حضور كبير.\n\n"
                     "وأضاف أن النتائج ستعلن في نهاية الأسبوع.")
    assert "كلاوس" in (said["وأضاف أن النتائج ستعلن في نهاية الأسبوع."] or ""), said


def test_a_role_word_alone_names_no_one_again() -> None:
    """«رئيس» of «رئيس البلدية» is a role: a narrative sentence about another «رئيس» does not make the mayor the
    antecedent; the speaker before him stays."""
    said = _speakers("افتتاح مستشفى جديد\n\n"
                     "وقال الوزير خالد سعيد إن المستشفى سيفتح أبوابه الشهر المقبل.\n\n"
                     "وقال رئيس البلدية إن الطريق إلى المستشفى سيعبد.\n\n"
                     "وزار رئيس الحكومة الموقع مساء الأحد.\n\n"
                     "وأضاف رئيس البلدية أن الأشغال ستنتهي قريبا. وأوضح أن الكلفة بلغت مليون دينار.")
    assert said["وأوضح أن الكلفة بلغت مليون دينار."] == "رئيس البلدية", said


def test_on_the_tongue_of_names_who_spoke(eval_data: Path) -> None:
    """CNN Arabic: «ونقلت وكالة الأنباء السودانية الرسمية على لسان الناطق باسم الخارجية ... قوله»: the agency's
    name (with «الرسمية» after it) was the speaker; "on the tongue of" names the spokesman, and «وأضاف» follows."""
    text = article_text("antms/CNN/middleEast/CN-middleEast-980-20180520")
    for words in ("بدأت بعض القنوات الفضائية المصرية عرض مسلسل", "ثماني رحلات جوية يومية"):
        found = attribution_of(text, words)
        assert found.speaker is not None and "الناطق باسم الخارجية" in found.speaker, words
        assert found.outlet is not None and found.outlet.id == "suna", words


def test_a_statement_on_the_tongue_of_a_minister_is_the_ministers() -> None:
    said = _speakers("عقوبات جديدة\n\nونقل بيان الخارجية على لسان الوزير خالد سعيد قوله إن العقوبات ستستمر.\n\n"
                     "وقال المتحدث إن الاجتماع المقبل سيعقد في الربيع.")
    assert list(said.values()) == ["الوزير خالد سعيد", "المتحدث"], said


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("On Monday the minister said that 20 people were killed in the attack.", "the minister"),
    ("Last week Apple CEO Tim Cook confirmed that the watch will go on sale in April.", "Apple CEO Tim Cook"),
    ("In November Iraqi intelligence sources said the shipments had been seized.", "Iraqi intelligence sources"),
    ("Earlier this month the company said it would cut 300 jobs.", "the company"),
])
def test_a_time_opening_the_sentence_is_not_an_aside_that_hides_the_subject(sentence: str, speaker: str) -> None:
    """"On Monday the minister said": the segment began like the aside "on ..." of "X, on Monday, said", was
    skipped whole, and the claim lost its speaker and cue."""
    found = attribution_of(f"Officials report on the attack\n\n{sentence}", sentence[:20])
    assert found.speaker == speaker and found.cue is not None


def test_a_statement_opening_the_sentence_is_still_no_speaker() -> None:
    found = attribution_of("Officials report on the attack\n\nIn a statement the ministry said 20 people died.",
                           "In a statement")
    assert found.speaker != "a statement"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Study author Dr Robert Boushel, of the University of British Columbia, in Canada, said the gains were clear.",
     "Study author Dr Robert Boushel"),
    ("Maria Lopez, from the health ministry, said 20 people had died.", "Maria Lopez"),
])
def test_where_a_speaker_is_from_is_an_aside(sentence: str, speaker: str) -> None:
    """"X, of the University of Y, said": the phrase set off by commas says where X is from, not who spoke."""
    assert attribution_of(f"Officials report on it\n\n{sentence}", sentence[:15]).speaker == speaker


def test_names_that_begin_like_prepositions_stay_speakers() -> None:
    """«كالاس», «بالمر» open with the letters of «كال», «بال» (found by the session's review)."""
    said = _speakers("قمة أوروبية\n\nوقالت كالاس إن الاتحاد سيرد على القرار.\n\nوقال بالمر إن الفريق جاهز للمباراة.")
    assert list(said.values()) == ["كالاس", "بالمر"], said


def test_an_adverb_between_the_verb_and_its_subject_is_skipped_not_the_subject() -> None:
    said = _speakers("أزمة العجز\n\nوقال الوزير خالد سعيد إن الحكومة ستدعم المزارعين.\n\n"
                     "وأقرت للمرة الأولى وزارة المالية بأن العجز ارتفع.\n\n"
                     "وأعلن منتصف الليل الجيش الإسرائيلي أنه قصف موقعا.")
    assert list(said.values())[1:] == ["وزارة المالية", "الجيش الإسرائيلي"], said


def test_a_ministry_speaking_on_the_tongue_of_its_spokesman_stays_the_speaker() -> None:
    """«وأكدت الوزارة على لسان المتحدث باسمها رفضها القاطع ...»: only after a verb of passing words on («نقل»)
    does «على لسان» name the speaker; here the phrase after it runs into what was rejected."""
    sentence = "وأكدت وزارة الخارجية على لسان المتحدث باسمها رفضها القاطع لقرار الضم."
    assert _speakers(f"رفض رسمي\n\n{sentence}")[sentence] == "وزارة الخارجية"


@pytest.mark.parametrize(("narrative", "expected"), [
    ("وسجل محمد صلاح هدفين في المباراة مساء الأحد.", "اللاعب أحمد بصل"),  # a first name many share
    ("وجاءت هذه التصريحات ردا على دعوة وجهها الاتحاد إلى فتحي الكبير.", "اللاعب أحمد بصل"),  # an object, far in
])
def test_a_name_that_is_not_the_narrative_subject_leaves_the_antecedent(narrative: str, expected: str) -> None:
    said = _speakers("مباراة وتصريحات\n\nوقال المدرب محمد مصطفى إن الفريق جاهز.\n\nوقال فتحي الكبير إن الدوري صعب.\n\n"
                     "وقال اللاعب أحمد بصل إن الجماهير رائعة.\n\n" + narrative + "\n\nوأضاف أن الموسم طويل.")
    assert said["وأضاف أن الموسم طويل."] == expected, said


def test_a_titled_show_is_not_a_time_opening_the_sentence() -> None:
    sentence = "This Morning presenter Holly Willoughby said the show would return in May."
    assert attribution_of(f"Television news\n\n{sentence}", "This Morning").speaker == (
        "This Morning presenter Holly Willoughby")
