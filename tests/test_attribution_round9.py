"""Round 9 of issue 7 (session 12): what the first contact with 42 new real articles (eval/real_train6: ANT
multisource, FNC-1 bodies) showed, then fixed from it as training data. Articles written for these tests in the style
of the real ones, and the real training items themselves, read in place by id and offset."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import analyze
from real_training_items import article_text, attribution_of, check_training_item


def outlet_id(text: str, words: str) -> str | None:
    outlet = attribution_of(text, words).outlet
    return outlet.id if outlet else None


def test_an_article_whose_subject_ends_in_a_clause_opener_is_analysed(eval_data: Path) -> None:
    """"White House Press Secretary Josh Earnest could not confirm the reports when asked": the subject before
    "asked" ends in "when"; the whole article (fnc1/79) crashed with an IndexError, losing all its claims."""
    claims = analyze(article_text("fnc1/79")).claims
    assert len(claims) >= 15
    earnest = next(c for c in claims if "could not confirm the reports" in c.text)
    assert earnest.attribution.speaker is not None and "Josh Earnest" in earnest.attribution.speaker


ADDRESSED_PAST_AN_ASIDE = """دبابات في قاع البحر قبالة صيدا

صيدا (أ ف ب) - أنزل غطاسون لبنانيون عشر دبابات قديمة إلى قاع البحر قبالة مدينة صيدا.

وقال متحدث باسم الجيش، في بيان وزعه مكتبه على الصحفيين، إن الدبابات ظهرت في صور قناة الجديد.

وقال كامل كزبر، من مجموعة "أصدقاء جزيرة وشاطئ صيدا" التي تقود المشروع، لصحيفة النهار "سيصبح هذا المكان جنة \
للغطاسين".
"""


def test_an_outlet_addressed_after_a_long_aside_is_the_speech_acts() -> None:
    """«وقال X، من مجموعة "..." التي تقود المشروع، لصحيفة النهار "..."»: the outlet addressed after an appositive
    longer than the usual reach is still the one he spoke to."""
    assert outlet_id(ADDRESSED_PAST_AN_ASIDE, "جنة") == "an-nahar"


def test_an_aside_that_opens_the_reported_words_addresses_no_outlet() -> None:
    """«وقال وزير الإعلام، إن الحكومة قررت …، لقناة الجديد …»: the aside already holds what he said, so the channel
    after it is in his words, not whom he spoke to."""
    text = ("ترخيص جديد في لبنان\n\nوقال وزير الإعلام، إن الحكومة قررت بعد مشاورات طويلة مع النقابات منح ترخيص "
            "جديد، لقناة الجديد التي تبث من بيروت.\n")
    assert outlet_id(text, "مشاورات طويلة") is None


def test_an_outlet_in_the_reported_words_after_an_aside_is_not_addressed() -> None:
    """The aside must end right before «لـ»: in «وقال متحدث، في بيان ...، إن الدبابات ظهرت في صور قناة الجديد» the
    channel is in what he says, so the story's wire (the dateline) stays the claim's outlet."""
    assert outlet_id(ADDRESSED_PAST_AN_ASIDE, "ظهرت في صور") == "afp"


LOCAL_STATION = """TAMPA, Fla. — A cat named Bart was found alive five days after his owner buried him.

Rescuers told FOX 13 that he has severe trauma to the head and a broken jaw.

A spokesman for the shelter told Fox News that the cat was recovering.

A neighbour told FOX 13 News that the cat had two broken ribs.

The mayor told CBS 2 weeks ago that the road would close.
"""


@pytest.mark.parametrize("words,outlet", [("severe trauma", "fox-13"), ("was recovering", "fox-news"),
                                          ("two broken ribs", "fox-13"), ("road would close", "cbs")])
def test_a_network_name_with_a_channel_number_is_its_local_station(words: str, outlet: str) -> None:
    """"told FOX 13" in a Tampa story is the local station, not Fox News; "told Fox News" stays the network."""
    assert outlet_id(LOCAL_STATION, words) == outlet


def test_a_description_then_the_registry_name_in_quotes_is_that_outlet() -> None:
    """«في مقابلة مع وكالة الأنباء الروسية الرسمية "سبوتنيك"»: the description the registry lacks and the name in
    quotation marks after it are one mention of Sputnik, not an unknown «وكالة الأنباء الروسية»."""
    text = ("موسكو تحذر من انهيار آلية منع الحوادث في سوريا\n\n"
            "وأشار بوريسينكو إلى أن الآلية الحالية أثبتت فعاليتها، وذلك في مقابلة مع وكالة الأنباء الروسية الرسمية "
            "\"سبوتنيك\".\n")
    assert outlet_id(text, "أثبتت فعاليتها") == "sputnik"


def test_an_acronym_spelled_in_arabic_letters_without_hamza_ends_no_sentence() -> None:
    """«(كي.سي.ان.ايه)»: KCNA spelled out without spaces or hamza is one name; the sentence went on after it and lost
    its cue."""
    text = ("زيارة كيم إلى الصين\n\n"
            "ووصفت وكالة الانباء الكورية الشمالية (كي.سي.ان.ايه) الزيارة بأنها \"علامة فارقة\" في العلاقات مع الصين.\n")
    claim = next(c for c in analyze(text).claims if "علامة فارقة" in c.text)
    assert "ووصفت" in claim.text and claim.attribution.outlet is not None and claim.attribution.outlet.id == "kcna"


@pytest.mark.parametrize("sentence,speaker", [
    ("Several U.S. officials, including U.S. Rep. Ileana Ros-Lehtinen, R-Fla., have said they were working on it.",
     "Ileana Ros-Lehtinen"),
    ("Sen. Bernie Sanders, I-Vt., said the bill was dead.", "Bernie Sanders"),
    ("Sen. Rand Paul, R-Kentucky, said the bill was dead.", "Rand Paul"),
    ("Rep. Joe Wilson, R-South Carolina, said the bill was dead.", "Joe Wilson"),
])
def test_a_party_and_state_tag_is_no_speaker(sentence: str, speaker: str) -> None:
    """"R-Fla." set off by commas tells the lawmaker's party and state, like an age; the speaker is before it."""
    got = attribution_of("Lawmakers react\n\n" + sentence + "\n", "said").speaker
    assert got is not None and speaker in got and "-" not in got.replace("Ros-Lehtinen", "")


# Items of the round-9 training draw (eval/real_train6) the fixes above decide: (doc, gold start, outlet).
ROUND9_TRAINING_ITEMS = [
    ("antms/BBC/middleEast/BB-middleEast-807-20180729", 560, "afp"),  # «…، لوكالة فرانس برس للأنباء»
    ("fnc1/976", 491, "fox-13"),  # "rescuers told FOX 13"
    ("antms/CNN/middleEast/CN-middleEast-1495-20181012", 611, "sputnik"),  # «وكالة الأنباء الروسية الرسمية "سبوتنيك"»
    ("fnc1/79", 1606, "ap"),  # the article that crashed: its claims carry the credit line's AP
]


@pytest.mark.parametrize("doc,start,outlet", ROUND9_TRAINING_ITEMS)
def test_round9_training_items_on_the_real_articles(eval_data: Path, doc: str, start: int, outlet: str | None) -> None:
    check_training_item("real_train6", doc, start, outlet)


@pytest.mark.parametrize("sentence,outlet", [
    ("The mayor said in an interview published in the Springfield Times that the plant would close.",
     "springfield-times"),
    ("According to the Kurdistan Daily News, five people were killed.", "kurdistan-daily-news"),
    ("The report, first published by the Fairfax Express, said the port was closed.", "fairfax-express"),
])
def test_a_capitalised_name_ending_in_news_times_or_express_is_an_outlet(sentence: str, outlet: str) -> None:
    """The name's last word was stripped of every final "s" and "." before it was looked up among the media words,
    so "News", "Times" and "Express" became "New", "Time" and "Expre" and no such name was ever found."""
    assert outlet_id("Local news\n\n" + sentence + "\n", sentence.split()[-2]) == outlet


def test_a_pattern_name_ending_a_cited_registry_outlets_name_is_that_outlet() -> None:
    """"the Daily News" in a story that cites the New York Daily News is that paper, not an unknown "Daily News"."""
    text = ("School suspends boy over a ring\n\nAiden Steward was suspended, the New York Daily News reported.\n\n"
            "The principal told the Daily News that threats were taken seriously.\n")
    assert outlet_id(text, "threats were taken") == "ny-daily-news"
    alone = "School suspends boy over a ring\n\nThe principal told the Daily News that threats were taken seriously.\n"
    assert outlet_id(alone, "threats were taken") == "daily-news"


def test_cctv_written_in_arabic_letters_is_chinas_television_not_ctv() -> None:
    text = "الصين تغلق مدارس\n\nوذكرت قناة \"سي سي تي في\" الرسمية أن مكتب التعليم المحلي أغلق المدارس.\n"
    assert outlet_id(text, "مكتب التعليم") == "cgtn"


@pytest.mark.parametrize("sentence", [
    "A Scotsman who lives near the bridge said it was unsafe.",
    "Iran's Guardian Council said the law was void.",
    "Modi said India today faces a choice.",
    "The Foreign Press Association said the ban was wrong.",
])
def test_an_outlet_name_that_is_an_ordinary_word_needs_context(sentence: str) -> None:
    """"The Scotsman" and "Scotsman" are one form, listed as ambiguous: the flag holds for every spelling of it."""
    assert outlet_id("News\n\n" + sentence + "\n", sentence.split()[2]) is None


def test_a_description_then_a_registry_name_with_nothing_between_is_that_outlet() -> None:
    text = "فشل المحادثات\n\nوذكرت وكالة الأنباء البريطانية رويترز أن المحادثات فشلت.\n"
    assert outlet_id(text, "المحادثات فشلت") == "reuters"


TABLOID = """Hefner denies reports

Playboy boss Hugh Hefner has denied reports that he is dying, saying he is very much alive.

Love: Hugh Hefner with his then fiancee Crystal Harris who he broke up with just days before his wedding

The magazine founder, 88, posted on Twitter on Monday that he was fine.

Update: Re/Code reports that the service will launch on Monday.
"""


def test_a_tabloid_caption_a_word_and_a_colon_without_a_full_stop_is_no_claim() -> None:
    """"Love: Hugh Hefner with his then fiancee ..." describes a photo (Daily Mail style); a line of the same shape
    that closes like a sentence ("Update: Re/Code reports that ... .") is still a claim."""
    texts = [c.text for c in analyze(TABLOID).claims]
    assert not any("then fiancee" in t for t in texts)
    assert any("Re/Code reports" in t for t in texts)
