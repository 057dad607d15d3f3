"""Round 34 of issue 7 (session 33): a time phrase after a verb of saying is no speaker («وقال العام الماضي:»,
«ونشرت لاحقا تغريدة جاء فيها»), and «جاء ذلك في مؤتمر صحفي لتسك» names the speaker the story gave before. The
sentences written here are unit tests, not evidence of quality; the real items are annotated training articles
(eval/real_train32) read in place."""
from __future__ import annotations

from pathlib import Path

from real_training_items import attribution_of, check_training_item, is_claim, training_speaker


def test_a_year_phrase_after_the_verb_is_when_not_who(eval_data: Path) -> None:
    # «وقال العام الماضي:»: the coach the sentence named before, not "last year"
    speaker = training_speaker("real_train32", "antms/Alarabia/sport/AL-sport-2192-20180628", 1509)
    assert speaker == "أوسكار تاباريز مدرب أوروغواي"


def test_what_was_posted_later_is_the_police_s_post(eval_data: Path) -> None:
    speaker = training_speaker("real_train32", "antms/France24/internationalNews/FR-internationalNews-2656-20180810", 532)
    assert speaker is not None and "الشرطة" in speaker


def test_written_time_words_open_no_speaker() -> None:
    text = ("ولم يخف المدرب أوسكار تاباريز إعجابه بقائد الفريق، وقال العام الماضي: يملك غودين شخصية متميزة.\n\n"
            "وأكدت الشرطة عبر موقع تويتر إغلاق الحي. ونشرت لاحقا تغريدة جاء فيها أن \"اثنين من القتلى من عناصرها\".")
    assert "العام" not in (attribution_of(text, "يملك غودين").speaker or "")
    assert attribution_of(text, "اثنين من القتلى").speaker == "الشرطة"
    with_tanween = text.replace("لاحقا", "لاحقاً")
    assert attribution_of(with_tanween, "اثنين من القتلى").speaker == "الشرطة"
    assert attribution_of("وقال العام المقبل سيشهد انتخابات عامة في البلاد.", "انتخابات").speaker is None
    # «العام» after a title is part of it
    assert attribution_of("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير.",
                          "الوضع خطير").speaker == "الأمين العام للأمم المتحدة أنطونيو غوتيريش"


def test_a_press_conference_of_a_named_speaker_is_his() -> None:
    text = ("قال دونالد تسك، رئيس المجلس الأوروبي، الاثنين، إن 14 دولة أوروبية ستطرد دبلوماسيين روسا.\n\n"
            "جاء ذلك في مؤتمر صحفي لتسك حيث أكد أن المجلس الأوروبي يدين الهجوم الأخير.")
    assert attribution_of(text, "يدين الهجوم").speaker == "دونالد تسك"
    unnamed = "جاء ذلك في مؤتمر صحفي لتسك حيث أكد أن المجلس الأوروبي يدين الهجوم الأخير."
    assert "دونالد" not in (attribution_of(unnamed, "يدين الهجوم").speaker or "")  # no one of that name spoke before


def test_a_private_interview_given_to_an_outlet_keeps_the_outlet() -> None:
    text = "قال وزير الخارجية إن الحوار مستمر. جاء ذلك في حديث خاص للعربية.نت."
    attribution = attribution_of(text, "الحوار مستمر")
    assert attribution.outlet is not None and attribution.outlet.id == "al-arabiya"


def test_a_credit_line_listing_what_its_writer_did_is_no_claim(eval_data: Path) -> None:
    check_training_item("real_train32", "wice/dev04425", 7829, None)  # "Written, Compiled and Researched by ..."
    text = "Written, Compiled and Researched by Gavin Ryan.\n\nThe lake is 594 metres deep, officials said."
    assert not is_claim(text, "Gavin Ryan") and is_claim(text, "594 metres")
    assert not is_claim("Written, edited, and produced by Jane Doe\n\nThe lake is deep, officials said.", "Jane Doe")
    # "by" and more than a name: a sentence that opens with a participle, not a credit line
    assert is_claim("Produced by Iran, the Shahed drones have killed 40 civilians in the city, officials said.",
                    "40 civilians")
