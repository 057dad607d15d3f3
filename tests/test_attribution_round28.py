"""Round 28 of issue 7 (session 30): crawled web pages whose paper is named below their furniture or in a note
("LOS ANGELES (AP) —" under menus and captions, "This article originally appeared in the June 2014 issue of ...",
"X is The San Francisco Chronicle's music critic."), a reporting participle hanging on its clause ("Fox retracted its
article, saying ..."), and footers a crawl glues together. The sentences written here are unit tests, not evidence
of quality; the real items are annotated training articles (eval/real_train25, real_train26) read in place."""
from __future__ import annotations

import pytest

from checker.attribution import find_dateline
from checker.outlets import load_registry
from real_training_items import attribution_of, check_training_item, is_claim, training_speaker

_BODY = ("Members of the city council voted on Tuesday to close the old bridge to traffic.\n"
         "The repairs will cost about $12 million, the mayor said.\n")
# A crawled gallery: each caption printed twice, as thumbnail and picture.
_FURNITURE = "\n".join(["Skip to main content", "Home | News | Sport | Weather | Business | Entertainment"]
                       + [f"In this Nov. {day}, 2018, file photo, the old bridge is seen from the river bank at dusk "
                          "as traffic queues on the approach road." for day in (1, 2, 3, 4) for _ in (1, 2)]) + "\n"


def test_a_wire_dateline_below_a_pages_furniture_gives_the_story_its_outlet() -> None:
    text = f"Bridge to close for repairs\n{_FURNITURE}LOS ANGELES (AP) —\n{_BODY}"
    assert len(_FURNITURE) > 800  # past the head the dateline is first looked for in
    attribution = attribution_of(text, "repairs will cost")
    assert attribution.outlet is not None and attribution.outlet.id == "ap"
    assert attribution.outlet_from == "dateline" and attribution.speaker == "the mayor"


def test_a_bracketed_name_below_the_furniture_that_is_no_outlet_gives_none() -> None:
    text = f"Bridge to close for repairs\n{_FURNITURE}SPRINGFIELD (Local Desk) —\n{_BODY}"
    assert find_dateline(text, load_registry()) is None


@pytest.mark.parametrize("note, outlet", [
    ("This article originally appeared in the June 2014 issue of Architectural Digest.", "architectural-digest"),
    ("Joshua Kosman is The San Francisco Chronicle's music critic.", "sf-chronicle"),
    ("Jane Doe is a Reuters correspondent based in Cairo.", "reuters"),
    ("Jeff Carlisle covers MLS and the U.S. national team for ESPN FC.", "espn"),
])
def test_a_note_naming_the_paper_gives_the_story_its_outlet(note: str, outlet: str) -> None:
    for text in (f"{note}\nBridge to close for repairs\n{_BODY}", f"Bridge to close for repairs\n{_BODY}{note}\n"):
        attribution = attribution_of(text, "voted on Tuesday")
        assert attribution.outlet is not None and attribution.outlet.id == outlet
        assert not is_claim(text, note[:30])


@pytest.mark.parametrize("note", [
    "Brian Solomon was a Forbes staff writer from 2011 to 2017.",  # a former post
    "Jane Doe is a former Reuters correspondent.",
    "The company is the world's largest maker of chips.",
    "Apple is the Times's biggest advertiser.",  # which Times?
    "Jim Acosta is a CNN correspondent expelled from the briefing room.",  # news about him, not a note
])
def test_a_note_that_names_no_current_paper_gives_no_outlet(note: str) -> None:
    assert find_dateline(f"Bridge to close for repairs\n{_BODY}{note}\n", load_registry()) is None


def test_a_journalist_the_story_is_about_is_no_writers_note() -> None:
    """A code review found the first version giving a story about a detained reporter his paper as its outlet."""
    text = ("Reporter's appeal rejected\nA Moscow court on Tuesday rejected the appeal of Evan Gershkovich against his "
            "detention, his lawyers said.\nThe ruling keeps him in jail until at least the end of January.\n"
            "Evan Gershkovich is a Wall Street Journal reporter.\n")
    assert attribution_of(text, "rejected the appeal").outlet is None
    assert is_claim(text, "Evan Gershkovich is a Wall Street Journal reporter")


def test_a_wire_dateline_under_the_storys_paragraphs_is_another_storys() -> None:
    """A blind review found a teaser of wire copy under a staff story ("More from the wire / WASHINGTON (AP) — ...")
    giving the staff story the agency."""
    text = (f"Bridge to close for repairs\n{_FURNITURE}{_BODY}Engineers found cracks in two of the bridge's four "
            "concrete piers during an inspection in March this year.\nMore from the wire\nWASHINGTON (AP) — The "
            "Supreme Court on Monday agreed to hear a case on the limits of federal power over state elections.\n")
    assert find_dateline(text, load_registry()) is None


def test_a_wire_dateline_below_the_furniture_needs_a_place_in_capitals() -> None:
    """"John Smith (Independent) – 12,345 votes" is a result and "Taylor Swift (Time) —" a caption, not datelines."""
    for line in ("John Smith (Independent) – 12,345 votes", "Taylor Swift (Time) — Person of the Year 2023"):
        text = f"By-election results\n{_FURNITURE}{line}\n{_BODY}"
        assert find_dateline(text, load_registry()) is None


@pytest.mark.parametrize("sentence, speaker, outlet", [
    ("Fox retracted its own May 16 article, saying the article had not been checked.", "Fox", None),
    ("In Gaza, the army expanded its operation, saying it had hit 50 targets.", "the army", None),
    ("Hours later, police released the suspect, saying there was not enough evidence.", "police", None),
    ("The BBC aired the interview on Sunday, telling viewers the minister had resigned.", None, "bbc"),
    ("JERUSALEM (AP) — Israel's defense minister toured the border on Sunday, saying the army was ready.",
     "Israel's defense minister", "ap"),
    ("The billionaire shifted political gears a few years back, telling CNBC, \"I turned 40 last year.\"",
     "The billionaire", "cnbc"),
    ("The minister visited the border on Sunday, telling Reuters that the crossing would reopen next week.",
     "The minister", "reuters"),
    ("An official was quick to reject the report, saying the figures were wrong.", "An official", None),
])
def test_a_reporting_participle_after_a_comma_is_said_by_its_clauses_subject(sentence: str, speaker: str | None,
                                                                             outlet: str | None) -> None:
    attribution = attribution_of(f"Headline\n\n{sentence}\n", sentence[-25:-2])
    assert attribution.speaker == speaker
    assert (attribution.outlet.id if attribution.outlet else None) == outlet


@pytest.mark.parametrize("sentence, not_speaker", [
    # "citing" hangs on the report before it, not on the sentence's first clause
    ("Abu Omar, the group's treasurer, fled with the funds, the paper reported, citing a news site.", "Abu Omar"),
    ("The storm hit the coast on Monday, killing three people.", "The storm"),  # no reporting verb
    ("Smith, who was arrested in May, pleaded guilty, saying he regretted the attack.", "Smith, who"),
    ("Voters who backed the measure were celebrating, saying it was a victory.", "Voters who"),
])
def test_a_participle_that_reports_nothing_of_the_clauses_subject(sentence: str, not_speaker: str) -> None:
    assert attribution_of(f"Headline\n\n{sentence}\n", sentence[-20:-2]).speaker != not_speaker


@pytest.mark.parametrize("footer", [
    "Follow AP Entertainment Writer Jonathan Landrum Jr. on Twitter: http://twitter.com/MrLandrum31\n"
    "contents © copyright 2019 The Associated Press.",
    "This article was amended on 17 January 2014.",
    "Any opinions, findings, conclusions or recommendations presented in this material are only those of the "
    "author, and do not necessarily reflect the views of the Foundation.",
])
def test_a_pages_footers_are_no_claims(footer: str) -> None:
    text = f"Bridge to close for repairs\n{_BODY}{footer}\n"
    assert is_claim(text, "voted on Tuesday")
    assert not any(is_claim(text, line[:25]) for line in footer.split("\n"))


def test_a_line_wrapped_by_width_is_still_joined() -> None:
    """Only a line ending with an address stops the join: English wrapped at a fixed width still reads as one."""
    text = ("Headline\n\nThe council said on Tuesday that the old bridge over the river would be closed to\n"
            "traffic for repairs lasting about six months.\n")
    assert is_claim(text, "closed to\ntraffic")


@pytest.mark.parametrize("draw, doc, start, outlet", [
    ("real_train26", "wice/dev03598", 858, "ap"),  # "LOS ANGELES (AP) —" under two captions
    ("real_train26", "wice/dev04093", 1086, "sf-chronicle"),  # the critic's note
    ("real_train25", "wice/dev03765", 1882, "architectural-digest"),  # "originally appeared in the ... issue of"
    ("real_train25", "wice/dev04076", 2969, None),  # "was a Forbes staff writer from 2011 to 2017"
])
def test_real_training_items_of_crawled_pages(draw: str, doc: str, start: int, outlet: str | None) -> None:
    check_training_item(draw, doc, start, outlet)


def test_a_real_training_participle() -> None:
    assert training_speaker("real_train26", "wice/dev00217", 1876) == "The Andreessen Horowitz co-founder"


@pytest.mark.parametrize("line", [
    "John Smith was a veteran correspondent who had covered wars in the region for thirty years.",
    "Maria Lopez is the new editor of the weekly, the board announced on Monday.",
    "Alexei Navalny is the Kremlin's fiercest critic.",
    "Daniel Pearl was a Wall Street Journal reporter kidnapped and killed in Pakistan.",
    "Shireen Abu Akleh was an Al Jazeera correspondent.",
    "The European Union covers 40 percent of the costs of the programme, officials said.",
    "The United States is the UN's largest contributor, paying 22 percent of its regular budget.",
])
def test_news_about_a_journalist_stays_a_claim(line: str) -> None:
    assert is_claim(f"Bridge to close for repairs\n{_BODY}{line}\nThe bridge will reopen in the spring.\n", line[:20])


@pytest.mark.parametrize("line", ["He spent most of his career at HBO.", "She now faces 5 years in jail."])
def test_a_short_line_with_a_pronoun_subject_is_a_claim_not_a_caption(line: str) -> None:
    """Round 29's training pages: a short line whose verb no list knows was read as a photo's caption."""
    text = f"Bridge to close for repairs\n{_BODY}{line}\nThe bridge will reopen in the spring, the mayor said.\n"
    assert is_claim(text, line[:15])


def test_a_caption_naming_who_is_pictured_stays_a_caption() -> None:
    text = (f"Bridge to close for repairs\n{_BODY}Mo Mowlam with soldiers from the Royal Irish guards in Belfast, 1998.\n"
            "The bridge will reopen in the spring, the mayor said.\n")
    assert not is_claim(text, "Mo Mowlam with soldiers")
