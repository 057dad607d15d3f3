"""Round 18 of issue 7 (session 21): what the first contact of eval/real_train15 showed on training articles. «وصف X
Y بأنه ...» reports what X said; a line between paragraphs that quotes a short label («بتهمة "إهانة علم مصر"») is
still another story's headline, while a line quoting four words or more, or after a colon, is speech; two or more
unclosed one-sentence lines closing a punctuated article are leads of other stories the site links. The sentences
written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.claims import extract_claims
from checker.doc import make_doc
from checker.pipeline import analyze


def _claims(text: str) -> list[str]:
    return [c.text for c in extract_claims(make_doc(text))[0]]


def _reasons(text: str) -> dict[str, str]:
    return {n.text: n.reason for n in extract_claims(make_doc(text))[1]}


def _speakers(text: str) -> list[str | None]:
    return [c.attribution.speaker for c in analyze(text).claims]


@pytest.mark.parametrize("sentence, speaker", [
    ("ووصف وزير الخارجية الألماني المحادثات بأنها بناءة ومفيدة للطرفين.", "وزير الخارجية الألماني"),
    ("ووصفت منظمة العفو الدولية الحكم بأنه ضربة قاسية لحرية التعبير في البلاد.", "منظمة العفو الدولية"),
    ("من جهته، وصف رئيس البرلمان الجلسة بأنها تاريخية.", "رئيس البرلمان"),
])
def test_a_description_with_its_complement_names_who_described(sentence: str, speaker: str) -> None:
    speakers = _speakers(f"عنوان الخبر\n\n{sentence}")
    assert speakers and speakers[0] is not None and speakers[0].startswith(speaker), speakers


def test_a_description_without_its_complement_is_the_noun() -> None:
    text = "وظائف\n\nوصف الوظيفة متاح على موقع الشركة لكل المتقدمين منذ الأحد الماضي."
    assert _speakers(text) == [None], _speakers(text)


_BODY = ("أعلنت وزارة الصحة تسجيل 40 إصابة جديدة بالفيروس خلال يوم واحد في العاصمة.\n"
         "وقال المتحدث باسم الوزارة إن المستشفيات في المدينة استقبلت جميع المصابين وإن حالتهم مستقرة.\n"
         "وأضاف أن فرق التقصي زارت المدارس القريبة من الحي الذي ظهرت فيه الإصابات.\n")


_BODY_EN = ("The health ministry reported 40 new cases of the virus in the capital on Monday.\n"
            "A ministry spokesman said hospitals had admitted the patients and that they were stable.\n"
            "He added that tracing teams had visited schools near the district where the cases appeared.\n")


def test_another_storys_headline_quoting_a_short_label_is_no_claim() -> None:
    headline = 'محكمة في الإسكندرية تؤيد حبس مطرب شعبي سنة بتهمة "إهانة العلم"'
    text = f"الصحة\n\n{_BODY}{headline}\nوأكدت الوزارة أن التطعيم سيبدأ في الأسبوع المقبل في كل المحافظات."
    assert _reasons(text).get(headline) == "section heading", _reasons(text)


def test_an_unclosed_line_quoting_someones_words_stays_a_claim() -> None:
    line = 'وقال الوزير للصحفيين: "سنفتح كل المدارس في الموعد"'
    text = f"الصحة\n\n{_BODY}{line}\nوأكدت الوزارة أن التطعيم سيبدأ في الأسبوع المقبل في كل المحافظات."
    assert line in _claims(text), _claims(text)


@pytest.mark.parametrize("teasers", [
    ["طالبت منظمة الصحة العالمية، الثلاثاء، الدول الأعضاء بزيادة تمويل برامج مكافحة الملاريا في أفريقيا",
     "أعلن الاتحاد الأوروبي عن حزمة مساعدات جديدة للمزارعين المتضررين من الجفاف في جنوب القارة"],
    ["The central bank raised its main interest rate for the third time this year on Tuesday",
     "A court in Paris sentenced a former mayor to two years in prison for fraud"],
])
def test_unclosed_leads_closing_an_article_are_links_to_other_stories(teasers: list[str]) -> None:
    body = _BODY if teasers[0][0] != "T" else _BODY_EN
    text = ("الصحة" if body is _BODY else "Health") + "\n\n" + body + "\n".join(teasers)
    reasons = _reasons(text)
    assert all(reasons.get(t) == "related link" for t in teasers), reasons
    assert not any(t in _claims(text) for t in teasers)


def test_a_last_paragraph_that_goes_on_with_the_story_stays() -> None:
    text = ("الصحة\n\n" + _BODY + "وسجلت المدينة نفسها 12 إصابة في الأسبوع الماضي\n"
            "وتوقعت الوزارة أن تنخفض الإصابات مع نهاية الشهر المقبل")
    claims = _claims(text)
    assert "وسجلت المدينة نفسها 12 إصابة في الأسبوع الماضي" in claims, claims


def test_a_single_unclosed_last_line_is_not_a_list_of_links() -> None:
    last = "أعلن الاتحاد الأوروبي عن حزمة مساعدات جديدة للمزارعين المتضررين من الجفاف في جنوب القارة"
    reasons = _reasons("الصحة\n\n" + _BODY + last)
    assert reasons.get(last) != "related link", reasons


def _outlets(text: str) -> list[str | None]:
    return [c.attribution.outlet.id if c.attribution.outlet else None for c in analyze(text).claims]


def test_a_hat_tip_at_the_foot_credits_the_story() -> None:
    text = ("Bear attack\n\nA fisherman was walking to his favourite spot when a bear leaped out of the woods.\n\n"
            "He survived after he used his phone to call for help, and has made a full recovery.\n\n"
            "[h/t Inquisitr] [Image via Shutterstock]\n\n>> Follow the writer on Twitter")
    outlets = _outlets(text)
    assert len(outlets) >= 2 and set(outlets) == {"inquisitr"}, outlets


def test_an_image_credit_at_the_foot_credits_nothing() -> None:
    text = ("Bear attack\n\nA fisherman was walking to his favourite spot when a bear leaped out of the woods.\n\n"
            "[Image via Shutterstock]")
    assert _outlets(text) == [None], _outlets(text)


def test_a_hat_tip_inside_a_sentence_credits_that_fact_only() -> None:
    text = ("Post removed\n\nThe council member posted the photo on Monday night.\n\n"
            "The post was removed within an hour (h/t Slate), but screenshots were shared widely.")
    assert _outlets(text)[0] is None, _outlets(text)


def test_an_outlet_closing_the_text_wins_over_a_hat_tip_above_it() -> None:
    text = ("Post removed\n\nThe council member posted the photo on Monday night.\n\n[h/t Mediaite]\n\n[The Guardian]")
    assert set(_outlets(text)) == {"guardian"}, _outlets(text)


@pytest.mark.parametrize("tail, intro", [
    (['"We have been asking for this road to be fixed for years and nobody ever listened to us," said one resident',
      "The county engineer said repairs would start in the spring once the budget for next year is approved"], ""),
    (["Extends crop insurance subsidies for small farms through 2030 and raises the payment cap for each farm",
      "Expands the food assistance program to cover students in community colleges across all of the states"],
     "The committee released the main points of the bill on Friday, which are the following:\n"),
])
def test_an_articles_own_last_lines_that_lost_their_full_stops_stay_claims(tail: list[str], intro: str) -> None:
    text = "Health\n\n" + _BODY_EN + intro + "\n".join(tail)
    reasons = _reasons(text)
    assert not any(reasons.get(line) == "related link" for line in tail), reasons


@pytest.mark.parametrize("line", ['ووصفت المعارضة القرار الجديد بشأن الضرائب بـ"المتسرع"',
                                  'Rescuers searched the "red zone" near the collapsed bridge through the night'])
def test_a_report_line_with_a_short_quoted_label_and_a_verb_stays_a_claim(line: str) -> None:
    body = _BODY if not line.isascii() else _BODY_EN
    after = ("وأكدت الوزارة أن التطعيم سيبدأ في الأسبوع المقبل في كل المحافظات." if not line.isascii()
             else "The ministry said vaccination would begin next week in every province of the country.")
    text = "Health\n\n" + body + line + "\n" + after
    assert _reasons(text).get(line) is None, _reasons(text)


@pytest.mark.parametrize("sentence", [
    "ووصف الهجوم بأنه عمل إرهابي جبان يستهدف استقرار البلاد.",
    "ووصف بأنه أحد أبرز شعراء الحداثة العربية في القرن الماضي.",
    "ويعتمد الأطباء على وصف المريض بدقة للأعراض قبل التشخيص.",
    "ووصفوا الوضع بأنه لا يطاق في ظل ارتفاع درجات الحرارة.",
])
def test_a_description_whose_object_or_noun_follows_names_no_new_speaker(sentence: str) -> None:
    text = f"الأمن\n\nقال وزير الداخلية خالد العمري إن قوات الأمن اعتقلت ثلاثة مشتبه بهم.\n{sentence}"
    speakers = _speakers(text)
    assert speakers[-1] is None or speakers[-1].startswith("وزير الداخلية"), speakers


def test_a_description_after_kama_names_its_subject() -> None:
    speakers = _speakers("الخارجية\n\nكما وصف المتحدث باسم الخارجية التصريحات بأنها استفزازية وتتنافى مع حسن الجوار.")
    assert speakers[0] is not None and speakers[0].startswith("المتحدث باسم الخارجية"), speakers
