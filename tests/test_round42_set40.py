"""Round 42 of issue 7 (session 37), read as training data after its first contact: «وفي تصريحات أدلى بها الأحد لقناة
"تي أف 1" الفرنسية قال سيلفا» lost its outlet to the day between the statement and the channel; «أكد البرازيلي تياغو
سيلفا قائد نادي باريس سان جرمان الفرنسي لكرة القدم، أن» had no speaker, the phrase being too long with no
preposition to cut at; «فقد اعتبر "الائتلاف ..."» gave «فقد» (a particle) as the speaker; the Internet Archive's notes
on a crawled page and a paywall's meter were kept as claims. Then round 43: «وتحدث عسكر لـ"سكاي نيوز عربية"» left
the minister's statements that follow without the channel. And verdict set 40's threshold CV: a weak agreement of the
stance model, said in other words, now needs 0.8 of the claim in the passage's sentence (25 of 25 folds), so a denied
motive and swapped winners stop coming out supported. The annotated items and cases are the blind annotators' and
writers' (eval/real_train40, eval/real_train41, eval/verdict_cases*); the articles are read in place."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import analyze
from checker.store.db import open_db
from checker.store.ingest import add_text
from real_training_items import article_text, check_training_item, training_speaker, verdict_case, verdict_of

SILVA = "antms/Alarabia/sport/AL-sport-1320-20180415"


@pytest.mark.parametrize("start", [343, 471, 836])
def test_an_interview_given_on_a_day_to_a_channel_carries_the_channel(eval_data: Path, start: int) -> None:
    """«وفي تصريحات أدلى بها الأحد لقناة "تي أف 1" الفرنسية قال سيلفا: ...», then «قائلا» and «واعتبر سيلفا»."""
    check_training_item("real_train40", SILVA, start, "tf1")


def test_words_begun_after_a_colon_go_on_in_the_first_person(eval_data: Path) -> None:
    """«وقال: حتى الآن لا نعرف شيئا.» then «نقرأ الكثير من الأمور في الصحف ... ولكن علينا الاستمرار»."""
    assert "سيلفا" in (training_speaker("real_train40", SILVA, 968) or "")


def test_the_reporters_next_sentence_is_not_the_speakers() -> None:
    claims = analyze("وقال المدرب: الفريق جاهز للمباراة المقبلة. وخسر الفريق مباراته الأخيرة بثلاثة أهداف.").claims
    assert [c.attribution.speaker for c in claims] == ["المدرب", None]



def test_the_us_is_not_we() -> None:
    """"US" folds to "us": not a first-person word, so the reporter's next sentence stays the reporter's."""
    claims = analyze("The spokesman said: the talks will resume on Monday in Geneva. "
                     "The US will send 2,000 more troops to the region next month.").claims
    assert [c.attribution.speaker for c in claims][-1] is None


def test_a_day_between_an_interview_and_its_outlet_keeps_the_outlet() -> None:
    text = "وفي حوار أدلى به أمس لصحيفة الشرق الأوسط قال الوزير إن المفاوضات ستستأنف الأسبوع المقبل."
    (claim,) = analyze(text).claims
    assert claim.attribution.outlet is not None and claim.attribution.outlet.id == "asharq-al-awsat"
    assert claim.attribution.speaker == "الوزير"


def test_a_long_name_and_title_gives_the_name(eval_data: Path) -> None:
    """«أكد البرازيلي تياغو سيلفا قائد نادي باريس سان جرمان الفرنسي لكرة القدم، أن اللاعبين لا يعرفون شيئا»."""
    assert training_speaker("real_train40", SILVA, 117) == "البرازيلي تياغو سيلفا"


def test_a_title_alone_is_not_cut_into_a_name() -> None:
    """A phrase that opens with a role word names no one before it: nothing is cut out of it."""
    (claim,) = analyze("وأكد رئيس مجلس إدارة الشركة القابضة للنقل البحري والبري في مصر أن الأرباح تضاعفت.").claims
    assert claim.attribution.speaker != "رئيس"


@pytest.mark.parametrize("text", [
    'فقد اعتبر "الائتلاف الجمعوي للقضاء على استغلال القاصرات" القانون انتهاكا لحقوق القاصرين.',
    "لقد قال في مقابلة عام 2000 إنه لم يندم على قراره.",
])
def test_a_particle_before_the_verb_is_no_speaker(text: str) -> None:
    (claim,) = analyze(text).claims
    assert claim.attribution.speaker not in ("فقد", "لقد")


@pytest.mark.parametrize("doc, start", [
    ("wice/dev00116", 101),  # "These crawls are part of an effort to archive pages as they are created ..."
    ("wice/dev03358", 102),  # "Focused crawls are collections of frequently-updated webcrawl data ..."
    ("wice/dev03904", 657),  # "You have now viewed 3/10 free articles"
    ("wice/dev03904", 2391),  # "Be kept up to date on the latest news and action from the world of Motor Sport."
])
def test_an_archived_pages_furniture_is_kept_out(eval_data: Path, doc: str, start: int) -> None:
    check_training_item("real_train40", doc, start, None)


ASKAR = "antms/SkyNews/middleEast/SK-middleEast-2371-20180614"


@pytest.mark.parametrize("start", [344, 498])
def test_a_source_who_spoke_to_a_channel_keeps_it_in_his_statements(eval_data: Path, start: int) -> None:
    """«وتحدث عسكر لـ"سكاي نيوز عربية" بعد إطلاق التحالف ...», then «وقال عسكر إن ...», «وأشار عسكر إلى ...»."""
    check_training_item("real_train41", ASKAR, start, "sky-news-arabia")


def test_a_channel_one_source_spoke_to_is_not_another_sources() -> None:
    claims = analyze('وتحدث الوزير محمد عسكر لـ"سكاي نيوز عربية" بعد إطلاق العملية العسكرية. '
                     "وقال عسكر إن المحافظة تعيش كارثة إنسانية منذ ثلاث سنوات. "
                     "وقال المتحدث باسم الحوثيين محمد عبد السلام إن الهجوم سيفشل في تحقيق أهدافه.").claims
    outlets = {c.attribution.speaker: c.attribution.outlet.id if c.attribution.outlet else None for c in claims}
    assert outlets["عسكر"] == "sky-news-arabia"
    assert outlets["المتحدث باسم الحوثيين محمد عبد السلام"] is None


@pytest.mark.parametrize("verdict_set, case_id, outlet, published", [
    # «أكد أن دوافع إطلاق النار ... باتت معروفة» against «موضحا أن الوقت مبكر جدا» to speak of motives
    ("verdict_cases26", "b037", "France 24", "2018-07-23"),
    # Abadi's list second ahead of Fatah, against Fatah second with 47 seats and Abadi's third with 42
    ("verdict_cases21", "a018", "BBC Arabic", "2018-05-20"),
    # Suárez scoring from Cavani's pass, against Cavani scoring from Suárez's
    ("verdict_cases4", "b036", "France 24", "2018-06-30"),
])
def test_a_weak_agreement_said_in_part_supports_nothing(eval_data: Path, tmp_path: Path, verdict_set: str,
                                                        case_id: str, outlet: str, published: str) -> None:
    case = verdict_case(verdict_set, case_id)
    database = open_db(tmp_path / "claims.db")
    add_text(database, article_text(case["doc"]), outlet=outlet, published=published)
    label, reasons = verdict_of(database, case["claim"])
    assert label != "supported", reasons
