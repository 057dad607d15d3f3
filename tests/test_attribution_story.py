"""Issue 7: story-level outlet, outlet citing outlet, pronouns in a short window, speaker-span sanity, page furniture.

Every text here is written for the test (Arabic and English); one sentence and one claim per line, a blank line
starts a new paragraph, so the rules are tested apart from the segmenter.
"""
from __future__ import annotations

import json

from checker.doc import make_doc
from checker.attribution import attribute, find_dateline
from checker.attribution.coreference import History
from checker.models import Attribution, Claim, Sentence
from checker.outlets import load_registry
from checker.pipeline import analyze
from checker.report import attribution_to_dict


def attributions(text: str) -> list[Attribution]:
    sentences, claims, position, paragraph = [], [], 0, 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            paragraph += 1
        else:
            start, index = position + line.index(stripped), len(sentences)
            sentences.append(Sentence(index, start, start + len(stripped), stripped, paragraph))
            claims.append(Claim(f"c{index + 1}", stripped, start, start + len(stripped), index, stripped, 0.9))
        position += len(line) + 1
    return [c.attribution for c in attribute(make_doc(text, sentences), tuple(claims), load_registry())]


def outlet_id(a: Attribution) -> str | None:
    return a.outlet.id if a.outlet else None


# ---- 1. story-level outlet ------------------------------------------------------------------------------

def test_a_sites_own_source_thread_carries_its_outlet() -> None:
    _, first, added, other = attributions(
        "موازنة جديدة\n\n"  # the headline, then the lead that cites the site
        "وقال مصدر حكومي لـ«موقع الحدث نيوز» إن الحكومة ستعلن موازنة جديدة الأسبوع المقبل.\n"
        "وأضاف المصدر أن العجز سيبلغ 4 مليارات دولار.\n"
        "وقال مسؤول آخر إن المفاوضات مع صندوق النقد مستمرة.")
    assert first.outlet is not None and first.outlet_from == "sentence"
    assert added.outlet == first.outlet and added.outlet_from == "carried" and added.carried_from == "c2"
    assert other.outlet == first.outlet and other.outlet_from == "story" and other.speaker == "مسؤول آخر"


def test_english_told_outlet_is_the_story_outlet_for_later_sources() -> None:
    _, told, later = attributions(
        "Truce talks stall\n\n"
        "Two officials told Reuters that the talks had stalled over the length of the truce.\n"
        "A senior diplomat said a new proposal would be presented on Thursday.")
    assert outlet_id(told) == outlet_id(later) == "reuters"
    assert (told.outlet_from, later.outlet_from) == ("sentence", "story")


def test_a_round_up_of_several_outlets_has_no_story_outlet() -> None:
    *_, later = attributions(
        "A senior official told Haaretz that the army was ready to expand the operation.\n"
        "Citing security sources, the Wall Street Journal reported that mediators had a new plan.\n"
        "The Israeli army said three soldiers were killed.")
    assert later.outlet is None and later.speaker == "The Israeli army"


def test_wire_dateline_gives_its_agency_to_sources_and_witnesses() -> None:
    _, official, witness = attributions(
        "KHARTOUM (Reuters) - Fighting spread to two more districts of the city on Sunday.\n"
        "A Sudanese army official said the militia had been pushed back.\n"
        "Witnesses said heavy shelling continued through the night.")
    assert outlet_id(official) == outlet_id(witness) == "reuters"
    assert official.outlet_from == witness.outlet_from == "dateline"


def test_arabic_dash_and_bracket_datelines_name_the_agency() -> None:
    dash = attributions("باريس - فرانس برس\nوقال شهود إن الشرطة أغلقت الشوارع المحيطة بالمبنى.")[1]
    assert outlet_id(dash) == "afp" and dash.outlet_from == "dateline" and dash.speaker == "شهود"
    bracket = attributions("القدس (أ ف ب) قالت الشرطة الإسرائيلية إنها اعتقلت ثلاثة أشخاص بعد الهجوم.")[0]
    assert outlet_id(bracket) == "afp" and bracket.speaker == "الشرطة الإسرائيلية"


def test_a_credit_line_at_the_foot_names_the_agency() -> None:
    text = ("قال وزير المالية إن التضخم تراجع إلى 3 في المئة خلال الربع الأخير من العام.\n\n"
            "المصدر: رويترز")
    dateline = find_dateline(text, load_registry())
    assert dateline is not None and outlet_id(dateline) == "reuters"
    first = attributions(text)[0]
    assert outlet_id(first) == "reuters" and first.outlet_from == "dateline"


def test_a_caption_ending_with_an_agency_is_no_dateline() -> None:
    text = ("Smoke rises over the city after an air strike (AFP)\n\n"
            "The ministry said 12 people were killed in the strike on Monday.")
    assert find_dateline(text, load_registry()) is None
    assert attributions(text)[1].outlet is None


# ---- 2. outlet citing outlet -----------------------------------------------------------------------------

def test_outlet_reported_according_to_another_keeps_the_original_and_the_carrier() -> None:
    a = attributions("The Wall Street Journal reported that the deal was close, according to Reuters.")[0]
    assert outlet_id(a) == "wsj" and [o.id for o in a.via] == ["reuters"] and a.outlet_from == "sentence"


def test_arabic_agency_quoting_a_newspaper_keeps_the_newspaper() -> None:
    a = attributions("ونقلت وكالة رويترز عن صحيفة وول ستريت جورنال أن الاتفاق بات قريبا.")[0]
    assert outlet_id(a) == "wsj" and [o.id for o in a.via] == ["reuters"]


# ---- 3. speakers: pronouns, window, sanity ----------------------------------------------------------------

def test_he_said_resolves_to_a_person_not_the_ministry_before() -> None:
    *_, he = attributions(
        "Finance Minister Ahmed Saleh said the budget would be cut by 5%.\n"
        "The ministry said the cuts would spare health and education.\n"
        "He said the plan would be sent to parliament next week.")
    assert he.speaker == "Finance Minister Ahmed Saleh" and he.resolved_from == "He" and he.carried_from == "c1"
    assert (he.mention_start, he.mention_end) is not None and he.mention_start is not None


def test_she_later_claimed_resolves_within_the_window() -> None:
    first, she = attributions(
        "Senator Maria Lopez said the bill had enough votes to pass.\n"
        "She later claimed that two Republicans had switched sides.")
    assert she.speaker == "Senator Maria Lopez" and she.resolved_from == "She"


def test_arabic_feminine_verb_takes_the_feminine_antecedent() -> None:
    *_, added = attributions(
        "وقالت وزارة الصحة إن عدد المصابين ارتفع إلى 40.\n"
        "وقال الوزير إن المستشفيات تعمل بكامل طاقتها.\n"
        "وأضافت أن فرقا طبية أرسلت إلى المنطقة.")
    assert added.speaker == "وزارة الصحة" and added.resolved_from == "وأضافت"


def test_a_new_speaker_breaks_the_carry() -> None:
    *_, added = attributions(
        "وقال المتحدث باسم الجيش إن القوات سيطرت على المدينة.\n"
        "وقال محافظ المدينة إن السكان بدأوا بالعودة.\n"
        "وأضاف أن الخدمات ستعود خلال أيام.")
    assert added.speaker == "محافظ المدينة"


def test_a_pronoun_does_not_reach_over_a_new_topic() -> None:
    *_, he = attributions(
        "The interior minister said 20 people had been arrested.\n\n"
        "The country has been hit by protests since March.\n"
        "Prices of bread and fuel have doubled this year.\n\n"
        "He added that more arrests were expected.")
    assert he.carried_from is None and he.resolved_from is None


def test_a_pronoun_does_not_reach_far_back() -> None:
    *_, he = attributions(
        "The mayor said the bridge would reopen in May.\n"
        "Traffic on the ring road has doubled.\n"
        "Buses now take twice as long.\n"
        "Shops near the bridge have lost customers.\n"
        "Repairs began in 2023.\n"
        "He said the cost had risen to $40 million.")
    assert he.carried_from is None


def test_who_asked_not_to_be_named_does_not_take_the_cue() -> None:
    a = attributions("A senior official, who asked not to be named, told Reuters that the talks would resume.")[0]
    assert a.cue == "told" and outlet_id(a) == "reuters" and a.speaker is not None
    assert a.speaker.startswith("A senior official")


def test_quoted_words_are_never_the_speaker() -> None:
    a = attributions('قال "إن الحرب لن تتوقف قبل تحقيق أهدافها" في كلمة أمام البرلمان.')[0]
    assert a.speaker is None or "الحرب" not in a.speaker


def test_a_function_word_is_never_the_speaker() -> None:
    a = attributions("وأكد على ضرورة وقف إطلاق النار فورا.")[0]
    assert a.speaker != "على"


def test_an_overlong_speaker_is_cut_to_its_head() -> None:
    a = attributions("White House spokeswoman Karoline Leavitt declined to comment on the details of the "
                     "negotiations but said the president wanted a deal.")[0]
    assert a.speaker == "White House spokeswoman Karoline Leavitt"


def test_a_long_arabic_title_with_a_name_stays_whole() -> None:
    a = attributions("وقال الباحث في معهد واشنطن لسياسة الشرق الأدنى أندرو تابلر إن العقوبات ستبقى.")[0]
    assert a.speaker == "الباحث في معهد واشنطن لسياسة الشرق الأدنى أندرو تابلر"


def test_a_capitalised_name_inside_a_sentence_is_no_cue() -> None:
    a = attributions("About 2,500 troops are deployed in Iraq as part of the coalition against Islamic State.")[0]
    assert a.kind == "none" and a.cue is None


# ---- 4. the JSON contract ----------------------------------------------------------------------------------

def test_json_carries_the_new_fields_and_keeps_the_old_ones() -> None:
    a = attributions("A U.S. official told AFP that two drones were shot down.")[0]
    plain = attribution_to_dict(a)
    assert {"kind", "outlet", "speaker", "cue", "confidence", "carried_from", "spans"} <= set(plain)
    assert plain["decided_by"] == "rules" and plain["outlet_from"] == "sentence" and plain["via"] == []
    assert plain["resolved_from"] is None
    json.dumps(plain)


# ---- 5. page furniture and captions in a whole article --------------------------------------------------

def test_page_furniture_is_kept_out_of_the_claims() -> None:
    text = ("Talks on the truce resume in Cairo\n\n"
            "CAIRO (Reuters) - Egyptian mediators will host new talks on Sunday, two officials told Reuters.\n\n"
            "Support our journalism. Donate now to keep independent reporting free.\n\n"
            "Tags: Gaza, Egypt, ceasefire\n\n"
            "تم نشر هذا المحتوى على موقعنا في 12 مايو 2024\n\n"
            "ادعم الصحافة المستقلة وتبرع الآن\n\n"
            "الأربعاء 12 مايو 2024")
    analysis = analyze(text)
    assert len(analysis.claims) == 1 and "Egyptian mediators will host" in analysis.claims[0].text
    assert {n.reason for n in analysis.non_claims} >= {"site boilerplate", "date line"}


def test_a_photo_caption_does_not_leak_into_the_next_claim() -> None:
    text = ("Egypt hosts truce talks\n\n"
            "Smoke rises over Gaza City after an Israeli strike on Monday (AFP)\n"
            "The health ministry said 12 people were killed in the strike on a residential building in the city.")
    analysis = analyze(text)
    assert [n.reason for n in analysis.non_claims] == ["headline", "image caption"]
    claim = analysis.claims[0]
    assert claim.text.startswith("The health ministry") and claim.attribution.outlet is None


# ---- 6. coreference stays linear -------------------------------------------------------------------------

def test_history_lookups_scan_a_bounded_window() -> None:
    history = History()
    for number in range(5000):
        history.add(f"c{number}", Attribution(kind="indirect", speaker=f"official {number}"), sentence=number)
    assert history.same_speaker("the official 3", sentence=5000) is None  # far outside the window
    found = history.last_source(5001)
    assert found is not None and found.attribution.speaker == "official 4999"


# ---- 7. outlet or speaker, decided by context (the registry's heads and look-alikes) -----------------------

def test_a_news_agency_head_is_the_outlet_never_the_speaker() -> None:
    a = attributions("وقالت وكالة الأنباء الموريتانية إن الرئيس سيزور باريس الأسبوع المقبل.")[0]
    assert a.outlet is not None and a.speaker is None and a.outlet_from == "sentence"


def test_an_unknown_paper_named_by_its_head_is_an_outlet() -> None:
    a = attributions("وذكرت صحيفة «الأفق الجديد» أن الحكومة ستستقيل خلال أيام.")[0]
    assert a.outlet is not None and not a.outlet.known and a.speaker is None


def test_the_times_in_a_new_york_times_story_is_the_new_york_times() -> None:
    _, times = attributions("The New York Times reported that the deal was near.\n"
                            "The Times said officials still disagreed on the timetable.")
    assert outlet_id(times) == "nyt"


def test_a_correspondents_outlet_is_the_story_outlet() -> None:
    _, correspondent, witnesses = attributions("قصف\n\nوأفاد مراسل الجزيرة بأن القصف تجدد على أحياء المدينة.\n"
                                            "وقال شهود إن ثلاثة منازل دمرت بالكامل.")
    assert outlet_id(correspondent) == "al-jazeera" and correspondent.outlet_from == "sentence"
    assert outlet_id(witnesses) == "al-jazeera" and witnesses.outlet_from == "story"


# ---- 8. the publishing site: a site's own reporting carries it ---------------------------------------------

ARCHIVED = """<DOC>
<DOCNO>AL-world-1-20180301</DOCNO>
<URL>http://www.alarabiya.net/ar/arab-and-world/2018/03/01/example.html</URL>
<SRC>alarabia</SRC>
<TITLE>مقتل 12 شخصا في انفجار بمدينة الحديدة</TITLE>
<TEXT>
قال مسؤول محلي في مدينة الحديدة إن 12 شخصا قتلوا في انفجار استهدف سوقا شعبيا صباح الخميس.

وتشهد المدينة مواجهات متقطعة بين القوات الحكومية والحوثيين منذ أكثر من عامين.
</TEXT>
</DOC>"""


def test_an_archived_page_keeps_its_markup_out_and_its_site_as_outlet() -> None:
    analysis = analyze(ARCHIVED)
    assert [c.text[:5] for c in analysis.claims] == ["قال م", "وتشهد"]
    official, background = (c.attribution for c in analysis.claims)
    assert outlet_id(official) == "al-arabiya" and official.outlet_from == "story" and official.speaker == "مسؤول محلي في مدينة الحديدة"
    assert outlet_id(background) == "al-arabiya" and background.speaker is None
    assert all("<" not in c.text for c in analysis.claims)


def test_the_url_an_article_was_fetched_from_names_its_site() -> None:
    text = "The health ministry said on Tuesday that 40 people had been treated for smoke inhalation after the fire."
    assert analyze(text).claims[0].attribution.outlet is None
    a = analyze(text, url="https://www.bbc.com/news/world-123").claims[0].attribution
    assert a.outlet is not None and a.outlet_from == "story" and a.speaker == "The health ministry"


def test_a_chain_of_verb_only_subjects_carries_until_a_new_topic() -> None:
    found = attributions(
        "وقال وزير الصحة إن الوباء تراجع في الأسابيع الأخيرة.\n"
        "وأضاف أن عدد الإصابات انخفض إلى النصف.\n"
        "وتابع أن المستشفيات استعادت قدرتها.\n"
        "وأشار إلى أن حملة التلقيح ستستمر حتى الصيف.\n\n"
        "وتعاني البلاد من أزمة اقتصادية حادة منذ عامين.\n"
        "وارتفعت أسعار الوقود بنسبة 40 في المئة.\n\n"
        "وأضاف أن الحكومة ستدعم المزارعين.")
    assert [a.speaker for a in found[1:4]] == ["وزير الصحة"] * 3
    assert all(a.carried_from is not None for a in found[1:4])
    assert found[-1].carried_from is None and found[-1].speaker is None


# ---- 9. the thread: a source that cited an outlet goes on carrying it --------------------------------------

def test_the_same_source_again_carries_the_outlet_it_spoke_to() -> None:
    first, same, described, new = attributions(
        "ونقلت وكالة تونس إفريقيا للأنباء عن مصدر أمني أن الوحدات أحبطت عملية هجرة غير نظامية ليلة الجمعة.\n"
        "وأكد المصدر ذاته أنه تم إيقاف عشرة أشخاص بينهم منظم الرحلة.\n"
        "وأوضح ذات المصدر أن الأبحاث متواصلة للكشف عن بقية الأطراف.\n"
        "وقال وزير الداخلية هشام الفوراتي إن الوزارة ستعزز المراقبة على السواحل.")
    assert outlet_id(first) == "tap" and first.outlet_from == "sentence"
    assert outlet_id(same) == outlet_id(described) == "tap"
    assert outlet_id(new) is None  # a new named source: the agency quoted someone else, not him


def test_a_cue_less_sentence_naming_the_speaker_is_the_sites_own_narrative() -> None:
    """Carrying the thread's outlet to such a sentence was right for 1 of 10 on the training draws (session 23):
    with no cue, the site tells it itself."""
    _, _, said, praised, background = attributions(
        "الوزارة تستعد للعودة المدرسية\n\nاستعدت وزارة التربية التونسية للعودة المدرسية المقررة منتصف سبتمبر.\n\n"
        "وقال وزير التربية ناجي جلول في تصريح لمراسلة الجوهرة أف أم إن الوزارة منفتحة على النقابات.\n"
        "وثمّن ناجي جلول تبني وثيقة قرطاج للإصلاح التربوي.\n"
        "وتشهد المدارس التونسية إضرابات متكررة منذ بداية السنة الدراسية.")
    assert outlet_id(said) == "jawhara-fm"
    assert outlet_id(praised) is None
    assert outlet_id(background) is None  # the site's own narrative names no outlet


def test_an_english_source_named_again_goes_on_with_the_outlet() -> None:
    reported, again, other = attributions(
        "Bloomberg reported, citing chief executive Maria Lopez, that the company would cut 2,000 jobs.\n"
        "Lopez said the cuts would fall mostly on its European plants.\n"
        "Union leader Tom Brady said workers would strike if the plan went ahead.")
    assert outlet_id(reported) == outlet_id(again) == "bloomberg"
    assert outlet_id(other) is None


# ---- 10. interviews: every answer was given to the interviewing outlet ------------------------------------

INTERVIEW = """Friday, January 3, 2014

On Saturday, Wikinews interviewed Tina McKenzie, a former member of the Australian wheelchair basketball team.

Who plays in that one?

It was quite a large Canadian tournament, and we went there as the national team in 2005.

Was that the year you were the captain?

No, I captained the team in 2010, before the World Cup in Birmingham."""


def test_interview_answers_carry_the_interviewing_outlet() -> None:
    claims = analyze(INTERVIEW).claims
    lead = next(c for c in claims if c.text.startswith("On Saturday"))
    answers = [c for c in claims if c.text.startswith(("It was quite", "No, I captained"))]
    assert len(answers) == 2
    assert all(outlet_id(a.attribution) == "wikinews" and a.attribution.outlet_from == "story" for a in answers)
    assert lead.attribution.outlet_from != "story"  # the lead reports the interview; it is not an answer


def test_an_outlet_named_in_a_story_with_questions_but_no_interview_is_not_carried() -> None:
    claims = analyze(INTERVIEW.replace("Wikinews interviewed", "a Reuters photographer met")).claims
    answers = [c for c in claims if c.text.startswith(("It was quite", "No, I captained"))]
    assert answers and all(a.attribution.outlet is None for a in answers)


def test_under_a_dateline_another_body_takes_the_wire_not_the_quoted_paper() -> None:
    quoted, ministry = attributions(
        "JERUSALEM (AFP) - Haaretz quoted a security official as saying that the army would expand the operation.\n"
        "The ministry said three soldiers were wounded overnight.")
    assert outlet_id(quoted) == "haaretz"
    assert outlet_id(ministry) == "afp" and ministry.outlet_from == "dateline"


BODY_AR = "قال مسؤول محلي إن القوات تقدمت نحو المدينة وسيطرت على عدة مواقع في الريف الشمالي.\n"


def test_an_outlet_then_its_city_is_a_dateline_not_a_tv_named_like_the_city() -> None:
    dateline = find_dateline("اشتباكات في الريف الشمالي\n\nسكاي نيوز عربية - أبوظبي\n" + BODY_AR, load_registry())
    assert dateline is not None and dateline.outlet.id == "sky-news-arabia"


def test_a_sites_credit_of_agency_copy_names_the_agency_carried_by_the_site() -> None:
    dateline = find_dateline("اشتباكات في الريف الشمالي\n\n" + BODY_AR + "فرانس24/ أ ف ب\n", load_registry())
    assert dateline is not None and dateline.outlet.id == "afp" and [o.id for o in dateline.via] == ["france-24"]


def test_a_wire_named_alone_on_the_last_line_is_a_credit_line_a_sentence_is_not() -> None:
    assert find_dateline("اشتباكات\n\n" + BODY_AR + "رويترز\n", load_registry()).outlet.id == "reuters"
    assert find_dateline("اشتباكات\n\n" + BODY_AR + "وقال الوزير إن الحكومة ستعلن القرار\n", load_registry()) is None
