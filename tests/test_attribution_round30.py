"""Round 30 of issue 7 (session 31): who a pronoun or a "جاء ذلك في" frame points back to, quotations that run over
a crawled page's lines, a staff byline, and a relative clause between a subject and its verb. The sentences written
here are unit tests, not evidence of quality; the real items are annotated training articles (eval/real_train4, 8,
20, 28) read in place."""
from __future__ import annotations

import pytest

from checker.models import Attribution
from real_training_items import attribution_of, check_training_item, training_speaker

_HEAD = "Bridge to close for repairs\n\n"


def _said_by(text: str, words: str) -> Attribution:
    attribution = attribution_of(text, words)
    assert attribution.speaker is not None, attribution
    return attribution


@pytest.mark.parametrize("narrative, speaker", [
    ("The White House press secretary, Josh Earnest, was in the middle of his daily briefing when the news broke.",
     "Josh Earnest"),
    ("Last week, Shirley Sotloff, the mother of the journalist, released a video message to the group.",
     "Shirley Sotloff"),
    ("And yet, Nujeen Mustafa considers herself lucky.", "Nujeen Mustafa"),
])
def test_a_person_named_as_a_narrative_subject_is_who_the_next_pronoun_means(narrative: str, speaker: str) -> None:
    text = f"{_HEAD}{narrative}\n\nShe said that the family would keep asking for help from the government.\n"
    text = text.replace("She said", "He said") if speaker == "Josh Earnest" else text
    attribution = _said_by(text, "would keep asking")
    assert attribution.speaker == speaker and attribution.resolved_from in ("He", "She")


def test_a_caption_run_on_is_no_antecedent() -> None:
    """A crawl's caption glued to the next one by spaces ("Weird Whitstable   Claws for concern") names no one."""
    text = (f"{_HEAD}The pic appeared on the website Weird Whitstable.\n\nWeird Whitstable   Claws for concern: is "
            "this the biggest crab ever seen?\n\nHe told the Daily Express that he saw the crab last summer.\n")
    assert "Claws" not in (attribution_of(text, "saw the crab").speaker or "")


def test_jaa_thalik_fi_a_statement_of_someone_just_named_is_theirs() -> None:
    """«جاء ذلك في مقابلة للصفدي»: the interview of the minister the sentence before named, not «مقابلة للصفدي»."""
    text = ("وزير الخارجية الأردني: الاحتلال سبب كل شر\n\n"
            "عمّان (CNN)— قال أيمن الصفدي، وزير الخارجية الأردني، إن الاحتلال هو سبب التوتر في المنطقة.\n"
            "جاء ذلك في مقابلة للصفدي مع شبكة CNN حيث قال: \"لا يمكن بناء سلام على الدماء والعنف في المنطقة\".\n")
    attribution = _said_by(text, "لا يمكن بناء سلام")
    assert attribution.speaker == "أيمن الصفدي" and (attribution.resolved_from or "").startswith("مقابلة للصفدي")


def test_jaa_thalik_fi_a_statement_of_a_body_names_that_body() -> None:
    text = ("وفد أردني في دمشق\n\nوصل وفد أردني إلى دمشق صباح الأحد لبحث إعادة فتح معبر نصيب الحدودي.\n"
            "جاء ذلك في بيان لوزارة الخارجية الأردنية نشرته على موقعها الرسمي مساء الأحد.\n")
    attribution = attribution_of(text, "وصل وفد أردني")
    assert "وزارة الخارجية" in (attribution.speaker or "") and attribution.resolved_from is None


def test_a_quotation_split_over_a_pages_lines_stays_the_speakers() -> None:
    text = (f"{_HEAD}The striker has signed a permanent deal with the club.\nLe Fondre said: \"It's not going to be "
            "a shock that I've signed.\nThis club is my home and I'm looking forward to the hard work.\"\n"
            "The club's manager added that the deal was done on Friday.\n")
    assert attribution_of(text, "This club is my home").speaker == "Le Fondre"


def test_a_quotation_left_open_at_a_paragraphs_end_goes_on_in_the_next() -> None:
    text = (f"{_HEAD}Coach Alex Porter said: \"This is one of the most successful weeks in our history.\n"
            "\"The women had won three silvers in four years and this was the first gold.\"\n"
            "The awards went to players of both teams.\n")
    assert attribution_of(text, "first gold").speaker == "Coach Alex Porter"


def test_narrative_under_a_quotation_left_open_is_not_the_speakers() -> None:
    """The open quotation is closed by the next line that opens one; the narrative line between is the writer's."""
    text = (f"{_HEAD}\"We are pleased to name the players for the tournament,\" said Roy Rana, Head Coach.\n"
            "\"This tournament is an opportunity for our players to earn experience.\n"
            "The team is training in Toronto until Thursday and will travel to Argentina on August 26.\n"
            "\"The tournament will be a great test for us,\" Rana said.\n")
    assert attribution_of(text, "will travel to Argentina").speaker is None


def test_a_relative_clause_between_subject_and_verb_is_skipped() -> None:
    text = (f"{_HEAD}Staff of the concert hall, where the vote took place, told reporters they were instructed to "
            "stream only one speech.\n")
    assert attribution_of(text, "were instructed").speaker == "Staff of the concert hall"


def test_a_relative_clause_holding_the_verb_keeps_its_antecedent() -> None:
    text = (f"{_HEAD}During his visit, King Abdullah held talks with Prime Minister Adel Abdul Mahdi, who was quoted "
            "as saying that Jordan has a special place in the heart of Iraqis.\n")
    assert attribution_of(text, "special place").speaker != "King Abdullah"


@pytest.mark.parametrize("draw, doc, start, speaker", [
    ("real_train28", "antms/CNN/middleEast/CN-middleEast-944-20180516", 422, "أيمن الصفدي"),  # «جاء ذلك في مقابلة للصفدي»
    ("real_train28", "antms/CNN/middleEast/CN-middleEast-817-20180506", 380, "مايك بومبيو"),  # «تصريحات للوزير»
    ("real_train20", "antms/CNN/middleEast/CN-middleEast-69-20180223", 402, "عواد بن صالح العواد"),
    ("real_train28", "wice/dev00292", 2029, "Adam Le Fondre"),  # a quotation over two lines
    ("real_train28", "wice/dev02311", 2818, "Volleyball Performance Coach Alex Porter"),  # left open
    ("real_train28", "wice/dev03617", 1121, "staff of Háskólabíó"),  # ", where the primaries took place,"
    ("real_train4", "fnc1/1986", 704, "Josh Earnest"),  # "The White House press secretary, Josh Earnest, was"
    ("real_train8", "fnc1/471", 962, "Shirley Sotloff"),  # "Last week, Shirley Sotloff, the mother of ..."
])
def test_real_training_speakers(draw: str, doc: str, start: int, speaker: str) -> None:
    assert (training_speaker(draw, doc, start) or "").lower() == speaker.lower()


def test_a_real_by_staff_byline_gives_the_page_its_outlet() -> None:
    check_training_item("real_train28", "wice/dev02195", 3945, "forbes")  # "By Forbes staff"
