"""Round 22 of issue 7 (session 25): during what or in answer to what something was said («أثناء خطابه», «ردا على
سؤال») is never its speaker, and «إمام» (an imam, a surname) is no «أمام» ("in front of"); "as follows" («وفقاً
للتالي») cites no one; a verb listed with its preposition ("wrote in") still reports when a framing phrase takes the
preposition ("wrote in an email"); a sentence opening with «بدا أن» ("it seemed that") is speculation, as one opening
with «يبدو أن» is; «غارديان» without its article is the Guardian only after an outlet word or as the whole quoted name
(«صحيفة "ذي غارديان"»), not inside another name («مناورات "فريدوم غارديان"»). The sentences written here are unit
tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.pipeline import analyze
from real_training_items import attribution_of


@pytest.mark.parametrize("text, words, speaker", [
    ("عنوان\n\nوقال وزير الخارجية أثناء زيارته للقاهرة إن الحكومة ستقدم استقالتها خلال أيام.\n",
     "الحكومة ستقدم استقالتها", "وزير الخارجية"),
    ("عنوان\n\nوقال مصدر أمني رداً على سؤال للصحفيين إن منفذ الهجوم اعتقل مساء الأحد.\n",
     "منفذ الهجوم اعتقل", "مصدر أمني"),
    ("عنوان\n\nوقال الوزير ورداً على سؤال للصحفيين إن الحكومة لن تستقيل.\n", "الحكومة لن تستقيل", "الوزير"),
    ("عنوان\n\nوأوضح شمخاني، خلال مؤتمر صحفي، أن المنظمة على استعداد لتحركات مفاجئة. وقال ردا على سؤال عن الانسحاب "
     "من المعاهدة \"هذا خيار من بين ثلاثة خيارات نبحثها\".\n", "خيار من بين ثلاثة خيارات", "شمخاني"),
])
def test_during_what_or_in_answer_to_what_it_was_said_is_not_the_speaker(text: str, words: str, speaker: str) -> None:
    assert attribution_of(text, words).speaker == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("عنوان\n\nوقال إمام المسجد الكبير إن صلاة العيد ستقام في الساحة العامة.\n", "صلاة العيد ستقام",
     "إمام المسجد الكبير"),
    ("عنوان\n\nوقال الفنان عادل إمام إن الفيلم الجديد سيعرض في الصيف.\n", "الفيلم الجديد سيعرض", "الفنان عادل إمام"),
])
def test_an_imam_still_speaks(text: str, words: str, speaker: str) -> None:
    assert attribution_of(text, words).speaker == speaker


def test_a_verb_with_only_a_during_phrase_after_it_shares_the_speaker_before() -> None:
    text = ("عنوان\n\nوقال المتحدث إن الرحلات ستستأنف الأسبوع المقبل. وأكد أثناء زيارته للمطار أن الرحلات الدولية "
            "ستعود تدريجيا.\n")
    assert attribution_of(text, "الرحلات الدولية ستعود").speaker == "المتحدث"


@pytest.mark.parametrize("as_follows", ["وفقاً للتالي", "وفقا لما يلي", "حسب الآتي"])
def test_as_follows_cites_no_one(as_follows: str) -> None:
    text = (f"عنوان\n\nووجه رئيس الهيئة بطرح تذاكر المباراة للبيع {as_follows}، 50 ريالاً للدرجة الموحدة، و250 ريالاً "
            "لمقاعد كبار الشخصيات.\n")
    assert attribution_of(text, "50 ريالاً للدرجة الموحدة").speaker is None


@pytest.mark.parametrize("sentence, words, speaker, cue", [
    ("“My son has no magical powers,” the boy's father later wrote in an email.", "no magical powers",
     "the boy's father", "wrote"),
    ("The mayor wrote in an email that the bridge would reopen on Monday.", "the bridge would reopen", "The mayor",
     "wrote"),
])
def test_a_verb_before_a_framing_phrase_still_reports(sentence: str, words: str, speaker: str, cue: str) -> None:
    attribution = attribution_of(f"Bridge to reopen\n\n{sentence}\n", words)
    assert (attribution.speaker, attribution.cue) == (speaker, cue)


def test_a_verb_with_its_preposition_before_an_outlet_is_not_cut_back() -> None:
    """A guard: with no framing phrase after it, "wrote in" keeps its preposition and the outlet after it."""
    attribution = attribution_of("Bridge to reopen\n\nThe mayor wrote in the Guardian that the bridge would reopen.\n",
                               "the bridge would reopen")
    assert attribution.cue == "wrote in" and attribution.outlet is not None and attribution.outlet.id == "guardian"


@pytest.mark.parametrize("sentence", [
    "وبدا أن الحيلة جاءت بنتيجة إيجابية في المباراة الثانية.",
    "بدا أن الحارس يتظاهر بالإصابة في وقت الإفطار.",
])
def test_it_seemed_that_is_speculation(sentence: str) -> None:
    result = analyze(f"عنوان\n\nفاز المنتخب على البرتغال بهدفين مقابل هدف في مباراة ودية.\n{sentence}\n")
    assert [n.reason for n in result.non_claims if n.text.strip() == sentence] == ["speculation"]


def test_it_seemed_that_with_a_source_stays_a_claim() -> None:
    sentence = "وبدا أن الحكومة ستستقيل، بحسب ما نقلت وكالة رويترز عن مصادر في البرلمان."
    assert attribution_of(f"عنوان\n\n{sentence}\n", "الحكومة ستستقيل").outlet is not None


@pytest.mark.parametrize("sentence, words, outlet", [
    ("وأكد الجيشان تعليق مناورات \"فريدوم غارديان\" التي كان سيشارك فيها نحو 17 ألف عسكري.", "نحو 17 ألف عسكري", None),
    ("وقالت الوزيرة في مقابلة نشرتها صحيفة \"ذي غارديان\" إن الخطة ستطبق العام المقبل.", "الخطة ستطبق", "guardian"),
    ("وقال الوزير لصحيفة غارديان البريطانية إن الخطة ستطبق العام المقبل.", "الخطة ستطبق", "guardian"),
])
def test_guardian_without_its_article_names_the_paper_only_after_an_outlet_word(sentence: str, words: str,
                                                                                 outlet: str | None) -> None:
    found = attribution_of(f"عنوان\n\n{sentence}\n", words).outlet
    assert (found.id if found else None) == outlet
