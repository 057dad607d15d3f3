"""Round 36 of issue 7 and verdict set 34 of issue 9 (session 34), read as training data after their first contact:
a claim typed with diacritics («تغلّب أرسنال ... على مانشستر سيتي») was read word by word as if the shadda split the
verb, so the exchanged winner went unseen and the claim was called supported; «حقق المغرب فوزاً على البرتغال» named
no winner; a reference page's furniture ("From Wikipedia, the free encyclopedia.") was kept as a claim; «قال أحمد
المهيري، الأمين العام ...، إن» after «وفي مقابلة مع "العربية"» lost its speaker. Then round 37's contributor credit
("Special for USA TODAY"). The claims are the blind writers' and the annotated items the blind annotators'
(eval/verdict_cases34, eval/real_train34, eval/real_train35); the articles are read in place."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from checker.normalize import without_diacritics
from checker.slots.extract import read
from checker.store.db import open_db
from checker.store.ingest import add_text
from real_training_items import (article_text, attribution_of, check_training_item, is_claim, training_speaker,
                                 verdict_case, verdict_of)


def _case(case_id: str) -> dict[str, Any]:
    return verdict_case("verdict_cases34", case_id)


@pytest.fixture
def reports(eval_data: Path, tmp_path: Path) -> sqlite_utils.Database:
    """The two reports the cases below are about, stored as evidence."""
    database = open_db(tmp_path / "claims.db")
    add_text(database, article_text("antms/Alarabia/sport/AL-sport-383-20180303"), outlet="Al Arabiya",
             published="2018-03-03")
    add_text(database, article_text("antms/France24/internationalNews/FR-internationalNews-1938-20180620"),
             outlet="France 24", published="2018-06-20")
    return database


def test_diacritics_are_dropped_for_comparing() -> None:
    assert without_diacritics("تغلّب أرسنال وقدّمت تُظهر مدرسةٌ فوزاً") == "تغلب أرسنال وقدمت تظهر مدرسة فوزا"
    assert without_diacritics("The same claim in English.") == "The same claim in English."


def test_a_swapped_winner_typed_with_a_shadda_is_contradicted(reports: sqlite_utils.Database) -> None:
    """Set 34 a049: the report says Manchester City beat Arsenal twice; with «تغلّب» the claim was "supported"."""
    claim = _case("a049")["claim"]
    assert "تغلّب" in claim
    label, reasons = verdict_of(reports, claim)
    assert label == "contradicted"
    assert "winner أرسنال, loser مانشستر سيتي in the claim, winner مانشستر سيتي, loser أرسنال" in reasons[0]
    assert verdict_of(reports, claim.replace("تغلّب", "تغلب"))[0] == label  # typed either way, the same verdict


def test_a_report_typed_with_diacritics_is_read_as_without(tmp_path: Path) -> None:
    database = open_db(tmp_path / "claims.db")
    add_text(database, "تغلّب مانشستر سيتي على أرسنال بثلاثية نظيفة في نهائي كأس رابطة المحترفين الإنجليزية.",
             outlet="Al Arabiya", published="2018-02-25")
    label, _ = verdict_of(database, "تغلب أرسنال على مانشستر سيتي بثلاثية نظيفة في نهائي كأس رابطة المحترفين الإنجليزية.")
    assert label == "contradicted"


@pytest.mark.parametrize("text, winner, loser", [
    ("حقق المغرب فوزاً على البرتغال بهدف دون رد", "morocco", "portugal"),
    ("حقق المغرب فوزا على البرتغال بهدف دون رد", "morocco", "portugal"),
    ("وحقق المغرب فوزاً صعباً أمام البرتغال", "morocco", "portugal"),  # the adjective after it is no winner
    ("حققت إسبانيا فوزاً على إيران في قازان", "spain", "iran"),
])
def test_a_winner_before_a_victory_noun_with_tanween_is_read(text: str, winner: str, loser: str) -> None:
    (role,) = read(text).roles
    assert (role.frame, role.first.key, role.second.key) == ("contest", winner, loser)


def test_an_indefinite_victory_with_no_winner_named_reads_no_roles() -> None:
    assert not read("حقق فوزا كبيرا على البرتغال").roles


def test_morocco_beating_portugal_is_contradicted_by_the_report(reports: sqlite_utils.Database) -> None:
    """Set 34 a050: «البرتغال التي تغلبت الأربعاء أيضا على المغرب»; a sentence on Spain and Iran said "the same"."""
    label, reasons = verdict_of(reports, _case("a050")["claim"])
    assert label == "contradicted"
    assert "winner المغرب, loser البرتغال in the claim, winner البرتغال, loser المغرب" in reasons[0]


@pytest.mark.parametrize("start", [107, 2315, 2363, 2580])  # the page's furniture, as the annotator marked it
def test_a_reference_page_s_furniture_is_no_claim(eval_data: Path, start: int) -> None:
    check_training_item("real_train34", "wice/dev04390", start, None)


@pytest.mark.parametrize("start", [173, 915, 1837])  # the conductor's career, kept
def test_a_reference_page_s_facts_stay_claims(eval_data: Path, start: int) -> None:
    check_training_item("real_train34", "wice/dev04390", start, None)


def test_a_long_title_after_the_name_keeps_the_speaker_after_an_interview_frame(eval_data: Path) -> None:
    speaker = training_speaker("real_train34", "antms/Alarabia/economy/AL-economy-894-20180627", 264)
    assert speaker == "أحمد المهيري"


@pytest.mark.parametrize("line, kept", [
    ("You must be logged in to post a comment.", False),
    ("We are updating our Terms of Use.", False),
    ("We rely on advertising to help fund our award-winning journalism.", False),
    ("Past performance should not be seen as an indication of future performance.", False),
    # news that opens like furniture stays a claim
    ("You must be registered to vote at least 30 days before the election, the secretary of state said on Tuesday.",
     True),
    ("We have updated our privacy policy to comply with the new European law, Facebook said in a statement on Monday.",
     True),
    ("Past performance is no guarantee, but the fund returned 12 percent a year since 2010.", True),
])
def test_web_furniture_lines_are_kept_out_and_news_like_them_is_not(line: str, kept: bool) -> None:
    text = f"Fund managers face new rules\n\nThe regulator published the rules on Monday.\n{line}\n"
    assert is_claim(text, line[:30]) == kept


@pytest.mark.parametrize("start", [1264, 2053])
def test_a_contributor_s_credit_line_gives_the_page_its_outlet(eval_data: Path, start: int) -> None:
    """Round 37 (training data after its first contact): "Special for USA TODAY" under the writer's name."""
    check_training_item("real_train35", "wice/dev00704", start, "usa-today")


def test_special_to_a_paper_on_its_own_line_is_a_credit_and_inside_a_sentence_is_not() -> None:
    credited = ("Storm closes schools\n\nJane Doe\nSpecial to The Washington Post\n\n"
                "Schools in the county closed on Monday after the storm cut power to 40,000 homes.\n")
    outlet = attribution_of(credited, "Schools in the county").outlet
    assert outlet is not None and outlet.id == "washington-post"
    told = ("Storm closes schools\n\nSchools in the county closed on Monday after the storm cut power to 40,000 homes, "
            "in a move seen as special to the region.\n")
    assert attribution_of(told, "Schools in the county").outlet is None
