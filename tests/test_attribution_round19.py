"""Round 19 of issue 7 (session 22): what the first contact of eval/real_train16 showed on training articles. A
speaker phrase never opens with a complementiser or "seems" (those are the reported words), a leading «لكن» is
cut off, a quotation that the sentence goes on after is what was said, and an aside «- كما يقول X -» names X
after its verb, or no one (the speaker of the sentence before). Closed comment sections, calls to share an article
and long wire captions ending in "(AP Photo/...)" are no claims. The sentences written here are unit tests, not
evidence of quality."""
from __future__ import annotations

import pytest

from checker.pipeline import analyze


def _speakers(text: str) -> dict[str, str | None]:
    return {c.text: c.attribution.speaker for c in analyze(text).claims}


def _speaker_of(text: str, words: str) -> str | None:
    speakers = _speakers(text)
    found = [speaker for claim, speaker in speakers.items() if words in claim]
    assert found, speakers
    return found[0]


@pytest.mark.parametrize("sentence", [
    'ويقول إن "حاجز القمار" المتوفر في تطبيق البنك ساعده على التغلب على إدمانه.',
    "وقال إنهما متورطان في العملية التي استهدفت العميل السابق في المدينة.",
])
def test_the_reported_words_are_never_the_speaker(sentence: str) -> None:
    text = f"عنوان الخبر\n\nقال المواطن أحمد سالم للصحفيين إن المرض لازمه منذ سنوات طويلة.\n{sentence}"
    assert _speaker_of(text, sentence[8:30]) == "المواطن أحمد سالم"


def test_but_before_the_subject_is_cut_off() -> None:
    text = ("عنوان الخبر\n\nتضم المدينة مطارا وميناء رئيسيا تمر عبره غالبية المساعدات.\n"
            "لكن التحالف العسكري يقول إن الميناء يشكل منطلقا لعمليات عسكرية في البحر الأحمر.")
    assert _speaker_of(text, "الميناء يشكل") == "التحالف العسكري"


@pytest.mark.parametrize("sentence, speaker", [
    ("والنفي المضاعف - كما تقول معاجم اللغة - غير مستحب في اللغة الفصحى المكتوبة.", "معاجم اللغة"),
    ("وكان الاقتصاد المصري، كما تقول الحكومة، ينمو بنسبة خمسة في المئة هذا العام.", "الحكومة"),
])
def test_an_aside_names_its_speaker_after_the_verb(sentence: str, speaker: str) -> None:
    assert speaker in [s for s in _speakers(f"عنوان الخبر\n\n{sentence}").values() if s], _speakers(sentence)


@pytest.mark.parametrize("before, sentence, words, speaker", [
    ("وقال الكاتب الصحفي محمد السحيمي إن مكانة المؤسسة الدينية تراجعت في السنوات الأخيرة.",
     "ولكن انتقاد الأذان - كما يقول - كان خطوة ذهبت بعيدا.", "خطوة ذهبت بعيدا", "الكاتب الصحفي محمد السحيمي"),
    ("وقال وزير المالية إن الاقتصاد سينمو بنسبة أربعة في المئة هذا العام.",
     "والعجز - كما أكد مرارا - سيتراجع في العام المقبل.", "سيتراجع في العام", "وزير المالية"),
    ("وتحدث عمران خان للصحفيين في إسلام آباد عن نتائج الانتخابات.",
     'وقال "نجحنا ومنحونا تفويضا"، مذكرا بأنه بدأ العمل السياسي في 1996.', "مذكرا بأنه", "عمران خان"),
])
def test_the_speaker_before_goes_on(before: str, sentence: str, words: str, speaker: str) -> None:
    """An aside with no subject («- كما يقول -»), or only an adverb, and a quotation right after «وقال»."""
    assert _speaker_of(f"عنوان الخبر\n\n{before}\n{sentence}", words) == speaker


@pytest.mark.parametrize("sentence, words, speaker", [
    ('وقالت "هيومن رايتس ووتش" إن السلطات اعتقلت عشرات الناشطين الشهر الماضي.', "اعتقلت عشرات",
     '"هيومن رايتس ووتش"'),
    ('انسحبت آخر دفعة من المقاتلين من المدينة الأحد، بحسب ما أعلنت "قوات سوريا الديمقراطية"، إثر تهديدات بالتدخل '
     "العسكري.", "انسحبت آخر دفعة", '"قوات سوريا الديمقراطية"'),
    ('أعلن "مجلس منبج العسكري"، التابع لقوات سوريا الديمقراطية، الأحد انسحاب آخر دفعة من المقاتلين من المدينة.',
     "انسحاب آخر دفعة", '"مجلس منبج العسكري"'),
    ('وتقول "دينا"، وهي أم لثلاثة أطفال، إن المساعدات لم تصل إلى المخيم منذ أسابيع.', "المساعدات لم تصل", '"دينا"'),
])
def test_a_quoted_name_still_speaks(sentence: str, words: str, speaker: str) -> None:
    """Before its words, after «بحسب ما أعلنت», with its description, or a first name in quotes."""
    assert _speaker_of(f"عنوان الخبر\n\n{sentence}", words) == speaker


def _non_claims(text: str) -> dict[str, str]:
    return {n.text: n.reason for n in analyze(text).non_claims}


_WIRE = ("NEW YORK (AP) — The company is splitting itself into two businesses, it said on Monday.\n\n"
         "FILE - In this Aug. 21, 2012, file photo, the company's logo is seen outside its headquarters in Palo Alto, "
         "Calif. The company is splitting itself into two, one focused on personal computers and printing and another "
         "on technology services, such as data storage, servers and software, as it aims to drive stronger "
         "profitability. (AP Photo/Paul Sakuma, File)\n\n"
         "The chief executive will lead the services business.\n\n"
         "Sorry we are not currently accepting comments on this article.\n\n"
         "Please like and share this article on Facebook and Twitter if you agree.\n")


def test_a_long_wire_caption_and_its_credit_are_no_claims() -> None:
    reasons = _non_claims(_WIRE)
    assert reasons.get("(AP Photo/Paul Sakuma, File)") == "image caption", reasons
    assert any(text.startswith("FILE - In this") and reason == "image caption" for text, reason in reasons.items())


def test_closed_comments_and_calls_to_share_are_boilerplate() -> None:
    reasons = _non_claims(_WIRE)
    assert reasons.get("Sorry we are not currently accepting comments on this article.") == "site boilerplate"
    assert reasons.get("Please like and share this article on Facebook and Twitter if you agree.") == "site boilerplate"
    claims = [c.text for c in analyze(_WIRE).claims]
    assert "The chief executive will lead the services business." in claims


@pytest.mark.parametrize("sentence, speaker", [
    ("Please share this story widely, police said on Tuesday.", "police"),
    ("Comments are closed until further notice, the city council said on Monday.", "the city council"),
])
def test_a_plea_or_notice_someone_made_is_still_a_claim(sentence: str, speaker: str) -> None:
    text = f"Headline\n\nThe attack happened on Monday night near the station.\n\n{sentence}\n"
    assert [c.attribution.speaker for c in analyze(text).claims] == [None, speaker]


@pytest.mark.parametrize("sentence, speaker", [
    ("والانفجار، كما قالت الوزارة في بيان، نجم عن تسرب للغاز في المبنى.", "الوزارة"),
    ("وأغلقت الطرق، كما أعلنت الشرطة صباح الأحد، أمام حركة السير.", "الشرطة"),
    ("وتراجعت الأسعار، كما قال مسؤولون أمريكيون لرويترز، بنسبة عشرة في المئة.", "مسؤولون أمريكيون"),
    ("والحصيلة، كما قال المرصد السوري لحقوق الإنسان، ارتفعت إلى 20 قتيلا.", "المرصد السوري لحقوق الإنسان"),
    ("والعجز، كما قال رئيس البرلمان علي لاريجاني، سيتراجع.", "رئيس البرلمان علي لاريجاني"),
    ("والعجز، كما قالت مها، سيتراجع العام المقبل.", "مها"),
    ("والعجز، كما قال مسؤولون للصحافيين، سيتراجع العام المقبل.", "مسؤولون"),
    ("والقانون، كما أكد الرئيس رفضه أي تعديل عليه، باق كما هو.", "الرئيس"),
])
def test_an_aside_subject_stops_before_when_where_and_to_whom(sentence: str, speaker: str) -> None:
    assert list(_speakers(f"عنوان الخبر\n\n{sentence}").values()) == [speaker]


def test_also_and_its_object_is_no_aside() -> None:
    text = ("عنوان الخبر\n\nوقالت السعودية إن الهجوم على السفينة مدان، كما أكدت دعمها لحرية الملاحة الدولية، وفق بيان "
            "لوزارة الخارجية.")
    assert "دعمها" not in " ".join(s or "" for s in _speakers(text).values())
