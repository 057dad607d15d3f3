"""Round 22 of issue 9 (session 24): a story that states the claim's figure, agreeing, does not contradict the claim
by another figure in another of its sentences (RESTATED_FIGURE_OVERRULES): it reports several figures, and the
number check compared the claim's with another one. The sentences written here are unit tests, not evidence of
quality."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

import checker.verdict.passage as passage
from checker.store.db import open_db
from checker.store.ingest import add_text
from claim_checks import verdict_of

TWO_FIGURES_AR = ("أطلق مركز الملك سلمان للإغاثة في مأرب مرحلة جديدة من برنامج إعادة تأهيل 80 طفلا جندتهم ميليشيات "
                  "الحوثي.\n\nوكان المركز قد أعاد في المرحلة الأولى تأهيل 161 طفلا جندتهم الميليشيات وزج بهم في "
                  "جبهات القتال.")
TWO_FIGURES_EN = ("Chicago police have recorded more than 2,500 shootings in the city since the start of the year, the "
                  "department said.\n\nLast year the city recorded 3,210 shootings over the whole year, police said.")


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "claims.db")
    add_text(database, TWO_FIGURES_AR, outlet="Al Arabiya", published="2018-06-22", title="تأهيل الأطفال المجندين")
    add_text(database, TWO_FIGURES_EN, outlet="Reuters", published="2016-09-20", title="Chicago shootings")
    return database


TRUE_CLAIMS = ["أعاد مركز الملك سلمان للإغاثة في مأرب تأهيل 80 طفلا جندهم الحوثيون.",
               "Chicago police have recorded more than 2,500 shootings in the city since the beginning of this year."]


@pytest.mark.parametrize("text", TRUE_CLAIMS)
def test_a_figure_the_story_states_is_not_contradicted_by_its_other_figure(db: sqlite_utils.Database,
                                                                          text: str) -> None:
    verdict = verdict_of(db, text)
    assert verdict.label == "supported"
    assert verdict.reasons[1].startswith("the same story also gives another figure: ")


@pytest.mark.parametrize("text", TRUE_CLAIMS)
def test_switched_off_the_other_figure_contradicts(db: sqlite_utils.Database, text: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passage, "RESTATED_FIGURE_OVERRULES", False)
    assert verdict_of(db, text).label == "contradicted"


@pytest.mark.parametrize("text", [
    "أعاد مركز الملك سلمان للإغاثة في مأرب تأهيل 95 طفلا جندهم الحوثيون.",
    "Chicago police have recorded more than 4,000 shootings in the city since the beginning of this year.",
])
def test_a_figure_the_story_never_states_is_still_contradicted(db: sqlite_utils.Database, text: str) -> None:
    assert verdict_of(db, text).label == "contradicted"
