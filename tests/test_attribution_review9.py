"""Five defects from the code review of session 8: the damma of active verbs, «تحدث مع», surnames, names that look
like plurals, and the marks-moved copy of the text kept on the `Doc`."""
from __future__ import annotations

import pytest

from checker.attribution import attribute
from checker.attribution.cues import find_cues
from checker.attribution.outlet import same_source
from checker.doc import make_doc
from checker.models import Attribution, Claim, Sentence
from checker.outlets import load_registry


def attributions(text: str) -> list[Attribution]:
    """One sentence and one claim per line."""
    sentences, claims, position = [], [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start, index = position + line.index(stripped), len(sentences)
            sentences.append(Sentence(index, start, start + len(stripped), stripped, 0))
            claims.append(Claim(f"c{index + 1}", stripped, start, start + len(stripped), index, stripped, 0.9))
        position += len(line) + 1
    return [c.attribution for c in attribute(make_doc(text, sentences), tuple(claims), load_registry())]


# 1. A damma on the first letter of a present-tense verb is the active voice in Forms II-IV.
@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    ("ويُشير وزير الصحة إلى أن 40 مريضا غادروا المستشفى أمس.", "ويُشير", "وزير الصحة"),
    ("يُؤكّد المتحدث باسم الجيش أن القوات سيطرت على البلدة.", "يُؤكّد", "المتحدث باسم الجيش"),
    ("ويُضيف المحافظ أن الحكومة ستدفع تعويضات لنحو 300 عائلة.", "ويُضيف", "المحافظ"),
    ("ويُوضّح مدير الشركة أن الخسائر بلغت 3 ملايين دولار.", "ويُوضّح", "مدير الشركة"),
    ("ويُعلن الجيش أن العملية انتهت بعد 5 أيام.", "ويُعلن", "الجيش"),
    ("ويُوَضِّحُ مدير الشركة أن الخسائر بلغت 3 ملايين دولار.", "ويُوَضِّحُ", "مدير الشركة"),  # fully marked
    ("ويُعْلِنُ الجيش أن العملية انتهت بعد 5 أيام.", "ويُعْلِنُ", "الجيش"),
])
def test_active_present_verb_with_a_damma_is_a_cue(sentence: str, cue: str, speaker: str) -> None:
    a = attributions(sentence)[0]
    assert (a.cue, a.speaker) == (cue, speaker)


@pytest.mark.parametrize("sentence", [
    "يُذكر أن البرلمان صادق على الميزانية في مارس الماضي.",
    "ويُقال إن الوزير سيستقيل قبل نهاية الشهر.",
    "ونُقل المصابون الـ12 إلى مستشفى المدينة.",
    "ويُعْلَنُ أن العملية انتهت بعد 5 أيام.",  # "it is announced": the fatha marks the passive
    "ويُشار إلى أن الطريق أغلق لمدة 3 ساعات.",
])
def test_passive_verb_stays_no_cue(sentence: str) -> None:
    a = attributions(sentence)[0]
    assert a.kind == "none" and a.speaker is None


# 2. «تحدث مع X عن»: X is whom the subject spoke with, not the speaker.
def test_spoke_with_someone_about_gives_the_subject_as_speaker() -> None:
    a = attributions("تحدثت وزيرة الاقتصاد مع الصحفيين عن ارتفاع الأسعار بنسبة 5 في المائة.")[0]
    assert a.speaker == "وزيرة الاقتصاد" and a.cue == "تحدثت"


def test_spoke_with_someone_without_a_subject_is_the_earlier_speaker() -> None:
    first, second = attributions("قال وزير الخارجية إن الحكومة ستفتح 3 معابر جديدة.\n"
                                 "وتحدث مع وزير الدفاع عن صفقة أسلحة بقيمة 2 مليار دولار.")
    assert first.speaker == "وزير الخارجية"
    assert second.speaker == "وزير الخارجية" and "مع" not in (second.resolved_from or "")


# 3. A surname refers back to the person whose last name it is, not to one whose first name it is.
def test_surname_goes_to_the_person_with_that_last_name() -> None:
    claims = attributions("Senator Rand Paul said the bill would add $2 trillion to the deficit.\n"
                          "House Speaker Paul Ryan said the vote would take place on Thursday.\n"
                          "Paul said the spending caps were a fraud.")
    assert claims[2].speaker == "Senator Rand Paul" and claims[2].carried_from == "c1"


def test_surname_after_first_name_use_is_still_the_surname() -> None:
    claims = attributions("Paul Ryan said the vote would take place on Thursday.\n"
                          "Rand Paul said the bill would add $2 trillion to the deficit.\n"
                          "Ryan said the caps would stay.")
    assert claims[2].speaker == "Paul Ryan"


def test_a_surname_still_names_a_title_of_office_holder_and_a_surname_first_name() -> None:
    claims = attributions("Secretary of State Mike Pompeo said the talks would resume in May.\n"
                          "Chinese President Xi Jinping said his country wanted a fair deal.\n"
                          "Pompeo said the sanctions would stay.\n"
                          "Xi said the tariffs hurt both sides.")
    assert claims[2].speaker == "Secretary of State Mike Pompeo"
    assert claims[3].speaker == "Chinese President Xi Jinping"


# 4. A name that ends like a plural is not the shorter name with an "s".
def test_a_name_ending_in_s_is_not_a_plural_of_another() -> None:
    assert not same_source("Officials in Hama", "Hamas officials")  # the city is not the movement
    assert not same_source("Luca", "Lucas")
    assert same_source("Hamas officials", "a Hamas official")  # a plural is still the same source
    assert same_source("the officials", "officials")


# 5. The marks-moved copy of the text is the Doc's, made once, with the text's offsets.
def test_marks_moved_copy_is_cached_on_the_doc_and_keeps_offsets() -> None:
    text = "قالَ المتحدثُ إنّ 3 صواريخ سقطت. وبيّن الوزيرُ في تصريح أنّ الأضرار محدودة. وتحدّثت الوزيرة عن الخطة."
    doc = make_doc(text)
    moved = doc.folded_marks_moved
    assert moved is doc.folded_marks_moved and len(moved) == len(text)
    cues = [cue for sentence in doc.sentences for cue in find_cues(doc, sentence.start, sentence.end)]
    assert [c.text for c in cues] == ["قالَ", "وبيّن", "وتحدّثت"]
    assert all(text[c.start:c.end] == c.text for c in cues)
    assert moved[text.index("وبيّن"):text.index("وبيّن") + 5] == "وبين "  # the shadda moved to the word's end
    plain = make_doc("قال المتحدث إن 3 صواريخ سقطت.")
    assert plain.folded_marks_moved == plain.folded


# «أقر» reports only what is acknowledged after ب or أن: «أقرت الحكومة الميزانية» approved a budget.
def test_approving_a_budget_is_no_statement_and_acknowledging_is() -> None:
    approved, acknowledged_that, acknowledged, named = attributions(
        "وأقرت الحكومة الميزانية الجديدة بقيمة 40 مليار دينار يوم الخميس.\n"
        "وأقر الوزير بأن الحكومة أخطأت في تقدير حجم الأزمة.\n"
        "وأقرت الشركة بالمسؤولية عن تسريب بيانات 3 ملايين مستخدم.\n"
        "وأقر الرئيس بوتين بأن العقوبات أضرت بالاقتصاد الروسي.")
    assert approved.speaker is None and approved.cue is None
    assert (acknowledged_that.speaker, acknowledged_that.cue) == ("الوزير", "وأقر")
    assert (acknowledged.speaker, acknowledged.cue) == ("الشركة", "وأقرت")
    assert named.speaker == "الرئيس بوتين"
