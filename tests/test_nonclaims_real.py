"""Non-claims on real-style articles (issue 7, round 4): headlines closed by a full stop and their standfirst, a
writer's opinion and speculation, interview small talk, site furniture, spelled-out acronyms. Articles written for
these tests in the style of US papers, JawharaFM, BBC Arabic and Sky News Arabia."""
from __future__ import annotations

import pytest

from checker.pipeline import analyze


def reasons(text: str) -> dict[str, str]:
    """Each non-claim's text -> its reason."""
    return {n.text: n.reason for n in analyze(text).non_claims}


def claim_texts(text: str) -> list[str]:
    return [c.text for c in analyze(text).claims]


US_PAPER = """City council approves $40M budget for new bridge;
Vote splits along party lines after a two-hour debate.

The city council voted 7-4 on Tuesday to spend $40 million on a new bridge over the Harlan River, ending a dispute that had stalled the project for two years.

Council member Ruth Alvarez said the old bridge carried 30,000 cars a day and failed its last inspection in 2022.

This is absolutely the wrong priority for a city that cannot fix its potholes.

Residents deserve better!

It's unlikely the bridge will open before the next election.
"""


def test_a_headline_closed_by_a_semicolon_and_its_standfirst_are_kept_out() -> None:
    found = reasons(US_PAPER)
    assert found.get("City council approves $40M budget for new bridge;") == "headline"
    assert found.get("Vote splits along party lines after a two-hour debate.") == "subheadline"
    assert any("7-4 on Tuesday" in c for c in claim_texts(US_PAPER))


@pytest.mark.parametrize("headline", [
    "Governor Signs Water Bill Into Law After Months Of Talks.",
    "Poll: voters split on school funding ahead of referendum.",
])
def test_a_first_line_closed_by_a_full_stop_is_the_headline(headline: str) -> None:
    article = headline + "\n\n" + US_PAPER.split("\n\n", 1)[1]
    assert reasons(article).get(headline) == "headline"


def test_a_long_first_paragraph_closed_by_a_full_stop_is_still_a_claim() -> None:
    article = US_PAPER.split("\n\n", 1)[1]  # no headline: the article opens with its first paragraph
    assert any("7-4 on Tuesday" in c for c in claim_texts(article))


def test_the_writers_opinion_and_speculation_are_kept_out_but_a_sourced_figure_stays() -> None:
    found = reasons(US_PAPER)
    assert found.get("This is absolutely the wrong priority for a city that cannot fix its potholes.") == "opinion"
    assert found.get("Residents deserve better!") == "opinion"
    assert found.get("It's unlikely the bridge will open before the next election.") == "speculation"
    assert any("30,000 cars a day" in c for c in claim_texts(US_PAPER))


def test_an_exclaimed_tweet_is_still_a_claim() -> None:
    """Tweets exclaim their claims: only an article's exclamations are the writer's opinion."""
    assert claim_texts("The minister just resigned over the port deal!")


JAWHARA = """مهرجان الزيتونة يختتم دورته العاشرة بمشاركة 40 فرقة

اختتمت مساء أمس الأحد فعاليات الدورة العاشرة لمهرجان الزيتونة بمدينة القلعة الكبرى بمشاركة 40 فرقة من 12 ولاية.

وأضفت العروض الفلكلورية أجواء بهيجة على هذا المهرجان العريق الذي أصبح علامة مميزة في ذاكرة الجهة ورمزا لأصالة المنطقة.

ويرى كثير من المراقبين أن المهرجان يحتاج إلى دعم أكبر من وزارة الثقافة.

والمهرجان ربما يتحول في السنوات القادمة إلى موعد دولي.

وقال مدير المهرجان محمد الهادي للجوهرة اف ام إن عدد الزوار بلغ 15 ألف زائر.
"""


def test_arabic_evaluation_an_unnamed_group_and_a_strong_hedge_are_kept_out() -> None:
    found = {text[:20]: reason for text, reason in reasons(JAWHARA).items()}
    assert found.get("وأضفت العروض الفلكلو") == "opinion"
    assert found.get("ويرى كثير من المراقب") == "opinion"
    assert found.get("والمهرجان ربما يتحول") == "speculation"
    claims = claim_texts(JAWHARA)
    assert any("15 ألف زائر" in c for c in claims) and any("40 فرقة من 12 ولاية" in c for c in claims)


def test_interview_small_talk_is_no_claim() -> None:
    text = ("Coach reflects on a season of injuries\n\nThe coach spoke to reporters after training on Friday.\n\n"
            "We lost four players to knee injuries in March. I don't know why it happened to us. Well, that would be "
            "a question for the doctors.\n")
    found = reasons(text)
    assert found.get("I don't know why it happened to us.") == "opinion"
    assert found.get("Well, that would be a question for the doctors.") == "speculation"
    assert any("four players" in c for c in claim_texts(text))


def test_the_month_may_is_no_modal() -> None:
    text = ("Club confirms summer tour\n\nThe club announced its summer tour on Monday after weeks of talks.\n\n"
            "The squad travels to Lisbon in May.\n")
    assert "The squad travels to Lisbon in May." in claim_texts(text)


BBC_STYLE = """زلزال بقوة 6 درجات يضرب جزيرة في إندونيسيا

قالت السلطات الإندونيسية إن 14 شخصا قتلوا في زلزال ضرب جزيرة لومبوك صباح الأحد.

وقال متحدث باسم وكالة الكوارث لشبكة (سي. إن. إن) إن فرق الإنقاذ وصلت إلى القرى المتضررة.

يمكنكم تسلم إشعارات بأهم الأخبار بعد تحميل أحدث نسخة من تطبيقنا على هواتفكم.
"""


def test_an_app_promotion_is_site_furniture_and_a_spelled_acronym_is_one_sentence() -> None:
    analysis = analyze(BBC_STYLE)
    assert any(n.reason == "site boilerplate" and n.text.startswith("يمكنكم تسلم") for n in analysis.non_claims)
    assert not any(n.reason == "fragment" for n in analysis.non_claims)
    assert any("(سي. إن. إن) إن فرق الإنقاذ" in c.text for c in analysis.claims)


def test_a_short_emphatic_judgement_and_an_impression_are_no_claims() -> None:
    arabic = ("ريال مدريد أمام اختبار أوروبي\n\nيواجه ريال مدريد نادي باريس سان جرمان مساء الأربعاء في ذهاب ثمن النهائي.\n\n"
              "إنها مواجهة مصيرية.\n\nوقال المدرب إن فريقه جاهز.\n")
    assert reasons(arabic).get("إنها مواجهة مصيرية.") == "opinion"
    english = ("Mayor skips council meeting\n\nThe mayor missed Tuesday's council meeting for the third time this year.\n\n"
               "Now the mayor seems to have lost interest in the job.\n")
    assert reasons(english).get("Now the mayor seems to have lost interest in the job.") == "speculation"


@pytest.mark.parametrize("report", [
    "Police said 12 people were killed in Kabul.\n\nThe attack happened at noon near the interior ministry, "
    "witnesses told local television, and ambulances took the wounded to two hospitals in the city.",
    "قالت الشرطة إن 12 شخصا قتلوا في كابول.\n\nووقع الهجوم ظهرا قرب مبنى وزارة الداخلية في وسط المدينة، "
    "بحسب ما قال شهود عيان للتلفزيون المحلي اليوم.",
])
def test_a_short_first_line_that_reports_a_figure_or_a_statement_is_a_claim_not_a_headline(report: str) -> None:
    first = report.split("\n", 1)[0]
    assert first not in reasons(report) and first in claim_texts(report)


def test_evidence_that_appears_to_show_something_and_a_figure_after_i_dont_know_are_claims() -> None:
    text = ("Russia appears to have moved troops closer to the border, satellite images show.\n\n"
            "\"I don't know the exact figure, but we treated 500 people that night,\" a nurse said.")
    kept = " ".join(claim_texts(text))
    assert "moved troops closer to the border" in kept and "we treated 500 people" in kept


def test_a_sentence_about_implementing_an_agreement_is_no_app_promotion() -> None:
    text = ("حمل الاتحاد العام التونسي للشغل الحكومة مسؤولية التأخر في تطبيق اتفاق الزيادة في الأجور.\n\n"
            "نزل آلاف المحتجين إلى شوارع صفاقس للمطالبة بتطبيق الاتفاق.")
    assert not reasons(text) and len(claim_texts(text)) == 2
