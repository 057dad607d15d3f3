"""Round 20 of issue 7 (session 23): what the first contact of eval/real_train17 showed on training articles. A
broadcaster named by what it is, with the article and a country's adjective or the state's («التلفزيون الرسمي
السوري», «التلفزيون العراقي», «الإذاعة الإسرائيلية»), is the outlet of a sentence that cites it, never its speaker;
a statement by act ends its subject at an adverb or a time word; an English claim closed by its attribution is that
source's; a writer's contact line is no claim; and the story's reporting outlet reaches its other sources only from
the lead. The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.models import Attribution
from checker.outlets import load_registry
from checker.pipeline import analyze


def _attribution(text: str, words: str) -> Attribution:
    found = [c.attribution for c in analyze(text).claims if words in c.text]
    assert found, [c.text for c in analyze(text).claims]
    return found[0]


@pytest.mark.parametrize("sentence, outlet", [
    ("وأفاد التلفزيون الرسمي السوري يوم السبت بأن الجيش كثف عملياته في ريف دمشق.", "syrian-tv"),
    ("وقال مصدر عسكري للتلفزيون السوري الرسمي إن الجيش كثف عملياته في ريف دمشق.", "syrian-tv"),
    ("وذكر التلفزيون المصري أن الجيش كثف عملياته في شمال سيناء.", "egyptian-tv"),
])
def test_a_state_broadcaster_the_registry_knows_is_the_outlet(sentence: str, outlet: str) -> None:
    attribution = _attribution(f"عنوان الخبر\n\n{sentence}", "كثف عملياته")
    assert attribution.outlet is not None and attribution.outlet.id == outlet
    assert attribution.speaker == ("مصدر عسكري" if "مصدر عسكري" in sentence else None)


@pytest.mark.parametrize("sentence, name", [
    ("وشعر سكان العاصمة بالزلزال بحسب ما أعلنه التلفزيون العراقي، دون أن يسجل أي إصابات.", "التلفزيون العراقي"),
    ("وقالت الإذاعة الإسرائيلية إن الحكومة وافقت على الخطة بأغلبية الأصوات.", "الإذاعة الإسرائيلية"),
    ("وأفاد التلفزيون الرسمي بأن الملك ترأس حفل الولاء في القصر الملكي.", "التلفزيون الرسمي"),
])
def test_a_described_broadcaster_is_an_outlet_not_a_speaker(sentence: str, name: str) -> None:
    attribution = _attribution(f"عنوان الخبر\n\n{sentence}", sentence[20:35])
    assert attribution.outlet is not None and attribution.outlet.name == name
    assert attribution.speaker is None


def test_a_newspaper_so_described_is_still_the_one_named_before() -> None:
    text = ("عنوان الخبر\n\nذكرت صحيفة ذا تايمز أن الحكومة تدرس فرض عقوبات جديدة على الشركات.\n"
            "وأضافت الصحيفة البريطانية أن القرار سيصدر خلال أسبوعين على أبعد تقدير.")
    attribution = _attribution(text, "القرار سيصدر")
    assert attribution.outlet is not None and attribution.outlet.id == "the-times"


def test_television_as_a_subject_of_the_news_is_no_outlet() -> None:
    text = "عنوان الخبر\n\nوقررت الحكومة خفض ميزانية التلفزيون الرسمي بنسبة عشرين في المئة العام المقبل."
    assert _attribution(text, "خفض ميزانية").outlet is None


def test_a_broadcaster_named_without_a_cue_is_mentioned_not_cited() -> None:
    text = "من الرعيل الأول للتلفزيون المصري ترحل عن عمر ناهز تسعين عاما بعد مسيرة طويلة في الإذاعة."
    (found,) = load_registry().heads_in(text)
    assert (text[found.start:found.end], found.outlet.id) == ("للتلفزيون المصري", "egyptian-tv")
    assert _attribution(f"عنوان الخبر\n\n{text}", "ترحل عن عمر").outlet is None


@pytest.mark.parametrize("sentence, speaker", [
    ("ودعت منظمة الصحة العالمية حاليا الحكومات إلى حقن جميع السيدات بعد الولادة.", "منظمة الصحة العالمية"),
    ("ودعت منظمة الصحة العالمية حالياً الحكومات إلى حقن جميع السيدات بعد الولادة.", "منظمة الصحة العالمية"),
    ("وطالبت الوزارة كذلك الاتحاد الدولي بمراجعة قراره بحق الفريق.", "الوزارة"),
    ("وطالبت الوزارة صراحةً الاتحاد الدولي بمراجعة قراره بحق الفريق.", "الوزارة"),
])
def test_a_statement_by_act_ends_its_subject_at_an_adverb_or_a_time_word(sentence: str, speaker: str) -> None:
    assert _attribution(f"عنوان الخبر\n\n{sentence}", sentence[-30:-5]).speaker == speaker


@pytest.mark.parametrize("sentence", [
    "شجبت وزارة الخارجية الأردنية اقتحام مستوطنين باحات المسجد الأقصى صباح اليوم.",
    "روسيا تتهم أوكرانيا بمهاجمة محطة زابوريجيا النووية بطائرات مسيرة.",
])
def test_verbs_whose_subject_runs_into_the_object_name_no_speaker(sentence: str) -> None:
    assert _attribution(f"عنوان الخبر\n\n{sentence}", sentence[-30:-5]).speaker is None


@pytest.mark.parametrize("sentence, speaker", [
    ("The carmaker plans to start production at the plant in 2017, the state's governor said.", "the state's governor"),
    ("The ministry wants to cut fuel subsidies by half next year, a senior official told reporters.",
     "a senior official"),
])
def test_an_english_claim_closed_by_its_attribution_is_that_sources(sentence: str, speaker: str) -> None:
    assert _attribution(f"Headline here\n\n{sentence}", sentence[4:30]).speaker == speaker


def test_an_intention_alone_still_names_who_intends() -> None:
    text = "Headline here\n\nThe ministry plans to cut fuel subsidies by half next year, starting in January."
    assert _attribution(text, "fuel subsidies").speaker == "The ministry"


@pytest.mark.parametrize("line", [
    "Contact Dana Reyes at 408-555-0100. Follow her at Twitter.com/danareyes.",
    "Follow Chris Doe on Twitter @chrisdoe and Google+.",
    "A post shared by Mohamed Salah (@mosalah) on Jul 18, 2018 at 10:28am PDT",
])
def test_a_writers_contact_line_and_an_embedded_post_are_no_claims(line: str) -> None:
    text = f"Headline here\n\nThe plant will employ 6,500 people, the company said on Thursday.\n{line}"
    analysis = analyze(text)
    assert [c.text for c in analysis.claims] == ["The plant will employ 6,500 people, the company said on Thursday."]


def test_an_outlet_cited_below_the_lead_is_not_carried_to_the_storys_other_sources() -> None:
    text = ("عنوان الخبر\n\n"
            "تتزايد أعداد الأطفال المحتجزين بعد فصلهم عن ذويهم على الحدود منذ مطلع العام.\n"
            "وقالت المحامية سارة فلوريس لبي بي سي إن هذه السياسة أدت إلى زيادة كبيرة في عدد الأطفال المحتجزين.\n"
            "وقال مسؤول في وزارة الأمن الداخلي إن الوزارة تطبق القانون كما أقره الكونغرس.")
    told, other = _attribution(text, "هذه السياسة أدت"), _attribution(text, "الوزارة تطبق القانون")
    assert told.outlet is not None and told.outlet.id == "bbc"
    assert other.outlet is None and other.speaker == "مسؤول في وزارة الأمن الداخلي"


def test_an_outlet_cited_in_the_lead_is_carried_to_the_storys_other_sources() -> None:
    text = ("عنوان الخبر\n\n"
            "وقال مصدر حكومي لوكالة رويترز إن الحكومة ستعلن موازنة جديدة الأسبوع المقبل.\n"
            "وقال مسؤول آخر إن المفاوضات مع صندوق النقد الدولي مستمرة.")
    other = _attribution(text, "المفاوضات مع صندوق")
    assert other.outlet is not None and other.outlet.id == "reuters" and other.outlet_from == "story"


@pytest.mark.parametrize("sentence", [
    "قال النائب أحمد سالم إن ميزانية التلفزيون الرسمي تجاوزت مليار دينار العام الماضي.",
    "قالت المرأة إنها شاهدت الخبر على التلفزيون الرسمي مساء أمس في منزلها.",
])
def test_a_broadcaster_the_sentence_only_mentions_is_not_its_outlet(sentence: str) -> None:
    assert _attribution(f"عنوان الخبر\n\n{sentence}", sentence[-30:-5]).outlet is None


def test_an_english_claim_closed_by_an_outlet_is_that_outlets() -> None:
    attribution = _attribution("Headline here\n\nThe bank plans to cut 5,000 jobs, Bloomberg News said.", "5,000 jobs")
    assert attribution.outlet is not None and attribution.outlet.id == "bloomberg" and attribution.speaker is None


@pytest.mark.parametrize("credit, outlet", [
    ("*نقلاً عن الشروق الجزائرية", "echorouk"),
    ("*نقلًا عن الشروق الجزائرية", "echorouk"),
    ('نقلا عن "الشرق الأوسط" السعودية', "asharq-al-awsat"),
])
def test_a_column_reposted_from_a_newspaper_carries_it_and_its_credit_is_no_claim(credit: str, outlet: str) -> None:
    text = ("عنوان المقال\n\nأكاد أجزم بأن كرة القدم الجزائرية فقدت بريقها في السنتين الأخيرتين.\n"
            f"وقال المدرب إن الفريق سيعود أقوى في الموسم المقبل.\n{credit}\n** جميع المقالات المنشورة تمثل رأي كتابها فقط.")
    analysis = analyze(text)
    assert [c.attribution.outlet.id if c.attribution.outlet else None for c in analysis.claims] == [outlet, outlet]
    assert any(n.text == credit for n in analysis.non_claims)


def test_a_person_named_as_a_narrative_subject_is_who_he_said_refers_to() -> None:
    text = ("Headline here\n\nRobert Smith, a technology columnist, wrote that the company will lay off 1,000 workers.\n"
            "Quinton Winter, 28, spotted the giant crab from the air near the harbour.\n"
            "He said he saw the creature again last summer.")
    assert _attribution(text, "saw the creature").speaker == "Quinton Winter"


def test_a_place_opening_a_narrative_sentence_is_no_antecedent() -> None:
    text = ("Headline here\n\nRobert Smith, a technology columnist, wrote that the company will lay off 1,000 workers.\n"
            "North Korea launched two missiles into the sea on Sunday morning.\n"
            "He said the cuts would fall mostly on its European plants.")
    assert _attribution(text, "cuts would fall").speaker.startswith("Robert Smith")


def test_a_thousands_comma_is_no_clause_before_a_closing_attribution() -> None:
    attribution = _attribution("Headline here\n\nThe company plans to hire 5,000 workers Bloomberg News said.",
                               "5,000 workers")
    assert attribution.speaker == "The company"


def test_the_lead_citation_still_carries_after_the_outlet_is_cited_again() -> None:
    text = ("Truce talks stall\n\n"
            "Two officials told Reuters that the talks had stalled over the length of the truce.\n"
            "A third official told Reuters that the mediators would meet again.\n"
            "A senior diplomat said a new proposal would be presented on Thursday.")
    attribution = _attribution(text, "new proposal")
    assert attribution.outlet is not None and attribution.outlet.id == "reuters"
