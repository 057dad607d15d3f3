"""Round 26 of issue 7 (session 29): English web pages as a crawler copies them (WiCE's cited pages). A byline names
the reporter's paper on a line of its own ("Joel Shannon, USA TODAY", "Seattle Times staff reporter", "By ... |
... | Orange County Register"), a photographer's credit names an agency that is not the story's ("FELIX
ORDONEZ/REUTERS"), and the page's furniture (print notes, share lines, picture credits, stamps) is no claim.
The sentences written here are unit tests, not evidence of quality; the real items are annotated training articles
(eval/real_train23, real_train24) read in place."""
from __future__ import annotations

import pytest

from checker.attribution import find_dateline
from checker.outlets import load_registry
from real_training_items import attribution_of, check_training_item, is_claim

_BODY = ("Members of the city council voted on Tuesday to close the old bridge to traffic.\n"
         "The repairs will cost about $12 million, the mayor said.\n")
_MORE = ("Engineers found cracks in two of the bridge's four concrete piers during an inspection in March, and "
         "the state transport department ordered the repairs to begin before the winter.\n"
         "Traffic will be sent over the Main Street bridge, which carries about 20,000 vehicles a day, until "
         "the work is finished in the spring.\n"
         "Residents on both banks have asked the council to run a free shuttle bus while the bridge is closed.\n")


@pytest.mark.parametrize("byline, outlet", [
    ("Joel Shannon, USA TODAY\nPublished 5:15 p.m. ET Oct. 5, 2018", "usa-today"),
    ("Bob Young\nSeattle Times staff reporter", "seattle-times"),
    ("Natalie Robehmed\nForbes Staff", "forbes"),
    ("of ExpandBy Tomoya Shimura | tshimura@scng.com | Orange County RegisterAugust 25, 2016 at 7:00 am",
     "oc-register"),
    ("IANS\nJuly 18, 2014", "ians"),
    ("By Jane Doe, The Washington Post", "washington-post"),
])
def test_a_web_byline_naming_the_paper_gives_the_story_its_outlet(byline: str, outlet: str) -> None:
    text = f"Bridge to close for repairs\n{byline}\n{_BODY}{_MORE}"  # longer than the foot a credit line is read in
    attribution = attribution_of(text, "repairs will cost")
    assert attribution.outlet is not None and attribution.outlet.id == outlet
    assert attribution.outlet_from == "dateline" and attribution.speaker == "the mayor"
    assert attribution_of(text, "voted on Tuesday").outlet.id == outlet  # type: ignore[union-attr]


def test_a_site_name_heading_the_page_is_no_dateline() -> None:
    """Round 26's training page credited it so, round 27's annotators (first contact) read it as the site's logo:
    the rule was measured there at 8 outlets lost and dropped."""
    text = f"Blabbermouth.net -\nBridge to close for repairs\n{_BODY}"
    assert attribution_of(text, "voted on Tuesday").outlet is None


@pytest.mark.parametrize("line", [
    "Sarah Palin, the GOP 2008 vice presidential nominee",  # a person and her role, no paper
    "Mosul, Iraq",
    "USA TODAY Sports Weekly, the magazine",  # a paper's name must be the whole of what follows the comma
    "By David Zucchino\nTimes Staff Writer",  # which Times?
    "Sun Staff Writer",
    "Angus King, Independent",  # a candidate and his party
    "Photo By Jae C. Hong | AP",
    "By Jae C. Hong | Reuters photographers covered the event",
])
def test_a_name_and_a_comma_that_is_no_byline_gives_no_outlet(line: str) -> None:
    assert find_dateline(f"Bridge to close for repairs\n{line}\n{_BODY}{_MORE}", load_registry()) is None


def test_a_title_case_headline_with_a_comma_does_not_hide_the_byline_under_it() -> None:
    dateline = find_dateline(f"Obama, Romney Spar Over Jobs\nJoel Shannon, USA TODAY\n{_BODY}{_MORE}", load_registry())
    assert dateline is not None and dateline.outlet is not None and dateline.outlet.id == "usa-today"


def test_a_picture_credit_with_a_comma_under_the_story_is_no_byline() -> None:
    text = f"Bridge to close for repairs\n{_MORE}A firefighter at the scene on Tuesday.\nMark Lennihan, AP\n{_BODY}"
    assert find_dateline(text, load_registry()) is None


def test_a_glued_bylines_outlet_span_is_the_name_alone() -> None:
    text = ("Bridge to close\nof ExpandBy Tomoya Shimura | tshimura@scng.com | Orange County RegisterAugust 25, "
            f"2016 at 7:00 am\n{_BODY}")
    dateline = find_dateline(text, load_registry())
    assert dateline is not None and text[dateline.outlet_start:dateline.outlet_end] == "Orange County Register"


@pytest.mark.parametrize("text", [
    f"Bridge to close for repairs\n{_BODY}FELIX ORDONEZ/REUTERS\n",
    ("Bridge to close for repairs\nThe old bridge seen from the river.\nFELIX ORDONEZ/REUTERS\n"
     f"Jane Doe Parliamentary Reporter OTTAWA Published January 22, 2015\n{_BODY}Is that the end of it?\n"
     "Who will pay for it?\n"),
])
def test_a_photographers_credit_is_not_the_storys_outlet(text: str) -> None:
    assert attribution_of(text, "voted on Tuesday").outlet is None


def test_a_slash_credit_of_the_site_and_its_wire_still_counts() -> None:
    dateline = find_dateline(f"Bridge to close for repairs\n{_BODY}France 24 / Reuters\n", load_registry())
    assert dateline is not None and dateline.outlet is not None and dateline.outlet.id == "reuters"


@pytest.mark.parametrize("text, words, outlet", [
    ("Headline\n\nThe station's director told OPB the show would return in June.\n", "would return", "opb"),
    ("Headline\n\nThe drummer told Kerrang! magazine the album was finished.\n", "album was finished", "kerrang"),
    ("Headline\n\nOle Gunnar Solskjaer said the team was ready for the final.\n", "team was ready", None),
    ("Headline\n\nBackpacker tourists were rescued from the cave on Monday, police said.\n", "were rescued", None),
    ("عنوان\n\nوأشارت حصيلة أولية إلى سقوط قتيل واحد في الهجوم.\n", "قتيل واحد", None),
])
def test_the_registrys_new_names_and_the_words_they_look_like(text: str, words: str, outlet: str | None) -> None:
    found = attribution_of(text, words).outlet
    assert (found.id if found else None) == outlet


@pytest.mark.parametrize("line", [
    "A version of this article appears in print on , Section B, Page 7 of the New York edition with the headline: "
    "Devils and New Jersey Call Truce.",
    "Read or Share this story: https://www.usatoday.com/story/news/politics/2018/10/05/palin/1536750002/",
    "Please update your browser.",
    "-- Reach Olivia LaVecchia at [email protected] or on Twitter at @olavecchia",
    "(Salt Lake Tribune file photo) The block U above the University of Utah.",
    "(Photo: Photo by Scott Olson, Getty Images)",
    "Originally published November 7, 2017 at 8:21 pm",
    "By Courtney Tanner · Published: February 11 Updated: February 12, 2019",
])
def test_a_crawled_pages_furniture_is_no_claim(line: str) -> None:
    text = f"Bridge to close for repairs\n{_BODY}{line}\nThe bridge was built in 1931, records show.\n"
    assert not is_claim(text, line[:30].strip("-( ")) and is_claim(text, "built in 1931")


@pytest.mark.parametrize("line, words", [
    ("(AP Photo) WASHINGTON — The Senate voted 51-49 on Tuesday to confirm the nominee.", "voted 51-49"),
    ("ImageNet Roulette went viral in 2019 and was taken offline within a week.", "went viral in 2019"),
])
def test_news_that_opens_like_crawled_furniture_stays_a_claim(line: str, words: str) -> None:
    assert is_claim(f"Bridge to close for repairs\n{_BODY}{line}\n", words)


def test_or_bbc_in_arabic_is_not_opbs_arabic_name() -> None:
    found = load_registry().find_in("ولم يعلق متحدث باسم قناة الجزيرة أو بي بي سي على التقرير")
    assert [outlet.id for outlet, _, _ in found] == ["al-jazeera", "bbc"]


def test_news_that_mentions_publishing_stays_a_claim() -> None:
    text = (f"Bridge to close for repairs\n{_BODY}"
            "The study was published in 2015 and updated in 2018, the agency said.\n")
    assert is_claim(text, "study was published")


@pytest.mark.parametrize("opening, speaker", [
    ("Russian leader Vladimir Putin has softened planned pension changes after protests.", "Vladimir Putin"),
    ("But graphic artist Mark Austen remained sceptical of the photograph.", "Mark Austen"),
])
def test_a_person_named_after_a_role_is_the_next_pronouns_speaker(opening: str, speaker: str) -> None:
    text = f"Headline\n\n{opening}\nHe said the retirement age for women would rise to 60 instead of 63.\n"
    assert attribution_of(text, "retirement age").speaker == speaker


@pytest.mark.parametrize("opening, named", [
    ("Police arrested John Smith, 45, at his home on Monday.", "John Smith"),
    ("President Obama met Vladimir Putin on the sidelines of the summit.", "Vladimir Putin"),
])
def test_a_person_named_after_a_verb_is_its_object_not_the_next_speaker(opening: str, named: str) -> None:
    text = f"Headline\n\n{opening}\nHe said the retirement age for women would rise to 60 instead of 63.\n"
    assert attribution_of(text, "retirement age").speaker != named


@pytest.mark.parametrize("draw, doc, start, outlet", [
    ("real_train23", "wice/dev00624", 3133, "oc-register"),  # "By ... | ... | Orange County Register"
    ("real_train24", "wice/dev01524", 877, "seattle-times"),  # "Seattle Times staff reporter"
    ("real_train24", "wice/dev00025", 2325, "forbes"),  # "Forbes Staff"
    ("real_train24", "wice/dev01220", 3023, None),  # "Blabbermouth.net -" heading the page: its logo
    ("real_train24", "wice/dev01746", 2135, "ians"),  # "IANS" over "July 18, 2014"
    ("real_train24", "wice/dev00279", 723, None),  # "FELIX ORDONEZ/REUTERS" under a picture
    ("real_train24", "wice/dev01654", 6192, None),  # "A version of this article appears in print on ..."
])
def test_real_training_items_of_crawled_pages(draw: str, doc: str, start: int, outlet: str | None) -> None:
    check_training_item(draw, doc, start, outlet)


def test_a_list_of_people_and_their_papers_is_no_byline() -> None:
    """A blind review found the first version giving a story on a prize's jurors the outlet of the last juror."""
    for intro, rows in (("The jury includes:", ("Marty Baron, The Washington Post", "Jane Smith, USA TODAY")),
                        ("Among the speakers", ("Sewell Chan, The Texas Tribune", "Jane Smith, Forbes"))):
        text = f"Prize jury named\nThe board named the jurors on Monday.\n{intro}\n" + "\n".join(rows) + "\n" + _BODY
        assert attribution_of(text, "voted on Tuesday").outlet is None


def test_a_first_name_like_an_outlets_is_no_outlet() -> None:
    text = ("Solskjaer under pressure\nOle Gunnar Solskjaer said his side had been outplayed in the defeat.\n"
            "Ole said the players needed to take responsibility.\n")
    attribution = attribution_of(text, "take responsibility")
    assert attribution.outlet is None and attribution.speaker == "Ole Gunnar Solskjaer"


