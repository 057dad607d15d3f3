"""Round 21 of issue 7 (session 24): an article body pasted without its headline has its lead in its first sentence,
so an outlet that sentence retells ("..., the Yorkshire Post reports.") covers the story as a lead citation does
under a headline. A first line the tool takes for a headline is still not the lead. A programme the registry lists
for its broadcaster ("Face the Nation" for CBS) names that outlet. After a sentence turning to other news ("In
separate news, ...", «وفي شأن آخر، ...») the lead's outlet no longer covers the story. An invitation to look at a
gallery ("Take a look at ...") is no claim. The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.pipeline import analyze
from real_training_items import attribution_of

BODY_EN = ("A woman who bought a lottery ticket at a petrol station in Leeds won 2 million pounds on Saturday, the "
           "Yorkshire Post reports.\n\nThe woman, who asked not to be named, bought the ticket on her way home from a "
           "night shift.\n")
BODY_AR = ("أعلنت هيئة الطيران المدني السعودية تشغيل 12 رحلة إضافية يوميا بين الرياض وجدة خلال موسم الصيف، بحسب ما "
           "ذكرت صحيفة الرياض.\n\nوتبدأ الرحلات الإضافية مطلع يوليو المقبل وتستمر حتى نهاية أغسطس.\n")


@pytest.mark.parametrize("text, words, outlet", [
    (BODY_EN, "bought the ticket on her way home", "yorkshire-post"),
    (BODY_AR, "وتبدأ الرحلات الإضافية", "al-riyadh"),
])
def test_a_body_without_headline_carries_the_outlet_its_first_line_retells(text: str, words: str,
                                                                           outlet: str) -> None:
    attribution = attribution_of(text, words)
    assert attribution.outlet is not None and attribution.outlet.id == outlet
    assert attribution.outlet_from == "story"


def test_a_one_paragraph_paste_has_only_its_first_sentence_for_lead() -> None:
    text = ("The council approved a budget of 40 million pounds on Monday. Last year the council cut parks spending by "
            "12 percent, the Yorkshire Post reported. The new budget raises spending on libraries by 5 percent.\n")
    assert attribution_of(text, "raises spending on libraries").outlet is None


def test_an_outlet_named_only_in_the_headline_is_not_the_lead() -> None:
    text = ("Lottery winner in Leeds, the Yorkshire Post reports\n\nA woman who bought a lottery ticket at a petrol "
            "station in Leeds won 2 million pounds on Saturday.\n\nThe woman, who asked not to be named, bought the "
            "ticket on her way home from a night shift.\n")
    assert attribution_of(text, "bought the ticket on her way home").outlet is None


@pytest.mark.parametrize("sentence, outlet, speaker", [
    ("Kerry said on Face the Nation that the strikes would continue.", "cbs", "Kerry"),
    ("Obama admitted on “60 Minutes” that his administration underestimated the group.", "cbs", "Obama"),
    ("The senator told Meet the Press that the bill would pass.", "nbc", "The senator"),
    ("وقال النائب خلال مشاركته في «الاتجاه المعاكس» إن البرلمان سيصوت على القانون الأسبوع المقبل.", "al-jazeera",
     "النائب"),
])
def test_a_programme_names_the_outlet_that_broadcasts_it(sentence: str, outlet: str, speaker: str) -> None:
    attribution = attribution_of(f"عنوان\n\n{sentence}\n" if "«" in sentence else f"Talks go on\n\n{sentence}\n",
                               sentence[-30:-5])
    assert attribution.outlet is not None and attribution.outlet.id == outlet
    assert attribution.speaker == speaker


@pytest.mark.parametrize("text, words", [
    ("Strike ends\n\nUnion officials said in 60 minutes that the strike would end.\n", "strike would end"),
    ("Calls double\n\nNightline, the student listening service, said it received 3,000 calls last term.\n",
     "3,000 calls"),
    ("حادث سير\n\nوقالت الشرطة إن السائق كان يقود في الاتجاه المعاكس على الطريق الدائري.\n", "الطريق الدائري"),
])
def test_a_programme_named_like_an_ordinary_phrase_needs_quotes_or_an_outlet_word(text: str, words: str) -> None:
    assert attribution_of(text, words).outlet is None


DIGEST_EN = ("Oil prices rose 3 per cent on Monday after OPEC+ announced new output cuts, Reuters reported.\n\n"
             "The cuts take effect in May and last until the end of the year.\n\n"
             "In separate news, the Bank of England held interest rates at 5.25 per cent for the fourth meeting in a "
             "row.\n\nTesla said it had delivered 435,000 vehicles in the third quarter.\n")
DIGEST_AR = ("ارتفعت أسعار النفط بنسبة 3% يوم الاثنين بعد إعلان أوبك+ خفض الإنتاج، بحسب رويترز.\n\n"
             "ويبدأ الخفض في مايو ويستمر حتى نهاية العام.\n\n"
             "وفي شأن آخر، أبقى البنك المركزي المصري أسعار الفائدة دون تغيير عند 27.25%.\n\n"
             "وقالت وزارة الصحة الأردنية إنها سجلت 45 إصابة جديدة بالحصبة.\n")


@pytest.mark.parametrize("text, same_story, shifted, after", [
    (DIGEST_EN, "take effect in May", "Bank of England held", "delivered 435,000 vehicles"),
    (DIGEST_AR, "ويبدأ الخفض في مايو", "أبقى البنك المركزي", "سجلت 45 إصابة"),
])
def test_other_news_after_a_topic_shift_no_longer_carries_the_leads_outlet(text: str, same_story: str, shifted: str,
                                                                          after: str) -> None:
    carried = attribution_of(text, same_story)
    assert carried.outlet is not None and carried.outlet.id == "reuters" and carried.outlet_from == "story"
    assert attribution_of(text, shifted).outlet is None
    assert attribution_of(text, after).outlet is None


def test_a_wire_dateline_still_covers_the_story_after_a_topic_shift() -> None:
    text = ("Markets\n\nLONDON (Reuters) - Oil prices rose 3 per cent on Monday after OPEC+ announced new output "
            "cuts.\n\nIn separate news, the Bank of England held interest rates at 5.25 per cent.\n")
    attribution = attribution_of(text, "Bank of England held")
    assert attribution.outlet is not None and attribution.outlet.id == "reuters"


def test_an_invitation_to_a_gallery_is_no_claim_but_a_quoted_one_is_the_speakers() -> None:
    analysis = analyze("Joan Rivers dies at 81\n\nJoan Rivers has died at the age of 81, her daughter said on Thursday. "
                       "Take a look at the life of the legendary comedienne.\n\n\"Take a look at the numbers: "
                       "unemployment fell to 4 percent,\" the minister said.\n")
    assert [n.text for n in analysis.non_claims if n.reason == "newsroom note"] == [
        "Take a look at the life of the legendary comedienne."]
    assert any("unemployment fell to 4 percent" in c.text for c in analysis.claims)
