"""Round 24 of issue 7 (session 27): English web copy names the outlet whose story it is in a credit line at its
foot ("[With AFP]", "With files from Associated Press and Bloomberg", "Click for more from the New York Post.", "Sean
Rossman and Karl Etters report for the Tallahassee (Fla.) Democrat.") or in a lead-in line near its top ("From Fars
News Agency:"); the story's claims without an outlet of their own carry it, as with a dateline. Web outlets the
registry lacked (Joystiq, PinkNews, Benzinga ...) are known; "Asked about the deal," opening a sentence and "who
asked not to be named" are asides, not the cue. An Arabic press review's sentence that opens with the paper («صحيفة
لوموند قدمت حصيلة اللقاء») carries it. The sentences written here are unit tests, not evidence of quality; the real
items are annotated training articles (eval/real_train*) read in place."""
from __future__ import annotations

import pytest

from real_training_items import attribution_of, check_training_item, is_claim

_STORY = ("Prices of crude oil rose by two percent on Monday after the producers agreed to cut output.\n\n"
          "Traders said the agreement would hold until the end of the year.\n\n")


@pytest.mark.parametrize("credit, outlet", [
    ("[With AFP]", "afp"),
    ("With files from Associated Press and Bloomberg", "ap"),
    ("With files from CBC News, The Associated Press", "cbc-canada"),
    ("Click for more from the New York Post.", "new-york-post"),
    ("Jane Doe and John Roe report for the Tallahassee (Fla.) Democrat. Contributing: staff.",
     "tallahassee-fla-democrat"),
    ("Jane Doe reports for the St. Louis Post-Dispatch.", "st-louis-post-dispatch"),  # to the line's last full stop
])
def test_a_credit_line_at_the_foot_names_the_storys_outlet(credit: str, outlet: str) -> None:
    attribution = attribution_of(f"{_STORY}{credit}\n", "rose by two percent")
    assert attribution.outlet is not None and attribution.outlet.id == outlet
    assert attribution.outlet_from == "dateline"


def test_a_lead_in_line_names_the_reposted_storys_outlet() -> None:
    text = ("There have been reports that planes dropped supplies to the militants.\nFrom Fars News Agency:\n"
            "The commander said two planes dropped weapons near the city on Sunday.\n")
    attribution = attribution_of(text, "two planes dropped weapons")
    assert attribution.outlet is not None and attribution.outlet.id == "fars"


@pytest.mark.parametrize("foot", [
    "Every morning the sergeant reports for duty at six.",  # "reports for" a lower-case noun
    "The figures come from a report for the World Bank.",  # "report" a noun, no reporters' names before it
    "Soldier Reports For Duty.",  # a one-word name the registry lacks
    "With Fox News.",  # "With" and an outlet, but neither bracketed nor "files from"
    "Click here for more on Fox News.",  # "more on" a topic
])
def test_a_sentence_that_only_looks_like_a_credit_names_no_outlet(foot: str) -> None:
    assert attribution_of(f"{_STORY}{foot}\n", "rose by two percent").outlet is None


def test_a_press_review_is_no_repost_of_its_first_outlet() -> None:
    text = ("Here is how the papers covered the summit on Monday.\n\nFrom The Guardian:\n"
            "The talks between the two leaders collapsed after an hour.\n\nFrom the BBC:\n"
            "Both delegations left the building without a statement.\n")
    assert attribution_of(text, "Both delegations left").outlet is None


@pytest.mark.parametrize("credit", [
    "With files from Associated Press and Bloomberg",
    "Jane Doe and John Roe report for the Tallahassee (Fla.) Democrat. Contributing: staff.",
])
def test_the_credit_line_itself_is_no_claim(credit: str) -> None:
    assert not is_claim(f"{_STORY}{credit}\n", credit[:12])


@pytest.mark.parametrize("sentence", [
    "With 95 percent of votes counted Smith leads the race by four points.",
    "The study, a report for the European Commission, found that emissions rose by a third.",
    "Jones, who reports for Al Jazeera, was detained in Cairo on Sunday.",
])
def test_a_sentence_shaped_like_a_credit_stays_a_claim(sentence: str) -> None:
    assert is_claim(f"{_STORY}{sentence}\n", sentence[:20])


@pytest.mark.parametrize("sentence, words, speaker, outlet", [
    ('Asked about the deal, a Microsoft spokesperson told Joystiq, "We do not comment on rumors or speculation."',
     "We do not comment", "a Microsoft spokesperson", "joystiq"),
    ("Asked whether he would resign, the minister told Reuters he would stay until the end of his term.",
     "he would stay until", "the minister", "reuters"),
    ("The man, who has preferred to stay anonymous, told the website PinkNews that he had come out to his pupils.",
     "he had come out", "The man", "pinknews"),  # the relative clause set off by commas is no part of it (round 30)
])
def test_an_aside_is_not_the_cue_of_the_sentence(sentence: str, words: str, speaker: str, outlet: str) -> None:
    attribution = attribution_of(f"{_STORY}{sentence}\n", words)
    assert attribution.speaker == speaker
    assert attribution.outlet is not None and attribution.outlet.id == outlet


@pytest.mark.parametrize("sentence, words, outlet", [
    ("صحيفة لوموند قدمت حصيلة اللقاء بين الزعيمين ومن أهم ما قرراه إعادة العلاقات الدبلوماسية.",
     "إعادة العلاقات الدبلوماسية", "le-monde"),
    ("وصحيفة لوفيغارو الفرنسية اهتمت بتعامل الغرب مع سيطرة الأتراك على مدينة عفرين.", "سيطرة الأتراك", "le-figaro"),
])
def test_a_press_review_sentence_opening_with_the_paper_carries_it(sentence: str, words: str, outlet: str) -> None:
    attribution = attribution_of(f"عنوان\n\n{sentence}\n", words)
    assert attribution.outlet is not None and attribution.outlet.id == outlet


def test_a_paper_named_further_into_the_sentence_is_no_source() -> None:
    sentence = "انتشرت قوات الأمن في المدينة بعد الهجوم الذي استهدف مقر صحيفة لوموند في باريس."
    assert attribution_of(f"عنوان\n\n{sentence}\n", "انتشرت قوات الأمن").outlet is None


@pytest.mark.parametrize("draw, doc, start, outlet", [
    ("real_train11", "fnc1/1961", 111, "new-york-post"),  # "Click for more from the New York Post."
    ("real_train15", "fnc1/1220", 671, "ap"),  # "With files from Associated Press and Bloomberg"
    ("real_train18", "fnc1/1062", 139, "9to5mac"),  # "[via 9to5Mac]"
    ("real_train21", "fnc1/1894", 186, "fars"),  # "From Fars News Agency:"
    ("real_train21", "fnc1/849", 277, "tallahassee-fla-democrat"),  # "... report for the Tallahassee (Fla.) Democrat."
    ("real_train5", "fnc1/172", 157, "afp"),  # "[With AFP]"
    ("real_train21", "fnc1/849", 4990, None),  # the byline "... report for the Tallahassee (Fla.) Democrat." kept out
    ("real_train11", "fnc1/1032", 954, "joystiq"),  # "Asked about the deal, a Microsoft spokesperson told Joystiq"
    ("real_train14", "fnc1/191", 292, "pinknews"),  # "told the website PinkNews that"
    ("real_train17", "fnc1/1587", 69, "benzinga"),  # '"a source familiar with the matter" told Benzinga'
    # «صحيفة لوموند قدمت حصيلة اللقاء», «صحيفة نيويورك تايمز عادت في الافتتاحية», «وكالة الأنباء القطرية لم تكشف»
    ("real_train13", "antms/France24/internationalNews/FR-internationalNews-2219-20180709", 2024, "le-monde"),
    ("real_train12", "antms/France24/internationalNews/FR-internationalNews-659-20180410", 2068, "nyt"),
    ("real_train21", "antms/CNN/middleEast/CN-middleEast-219-20180308", 363, "qna"),
])
def test_real_training_items_get_their_outlet(draw: str, doc: str, start: int,
                                                            outlet: str | None) -> None:
    check_training_item(draw, doc, start, outlet)
