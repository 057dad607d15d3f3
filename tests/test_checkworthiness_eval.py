"""Check-worthiness on real labelled data stays above the floors measured when it was tuned.

Figures (scripts/eval_checkworthiness.py, thresholds 0.35 Arabic / 0.85 English, chosen on the first half
of each set): CT22 Arabic 1A dev F1 0.600 (all-positive 0.597), 1B dev F1 0.849 (0.819), CheckThat! 2019
English debates F1 0.078 (0.023).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from checker.checkworthiness import score
from checker.numbers import find_numbers

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_checkworthiness.py"


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_checkworthiness", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("relative, floor", [
    ("checkthat2022_ar/CT22_arabic_1A_checkworthy_dev.tsv", 0.59),
    ("checkthat2022_ar/CT22_arabic_1B_claim_dev.tsv", 0.84),
    ("checkthat2019_en", 0.07),
])
def test_f1_stays_above_the_measured_floor(evaluation: ModuleType, eval_data: Path, relative: str,
                                           floor: float) -> None:
    path = eval_data / relative
    if not path.exists():
        pytest.skip(f"{path} not found")
    scores = evaluation.evaluate(path)
    assert scores.f1 >= floor, scores


def test_english_debates_beat_the_all_positive_baseline(evaluation: ModuleType, eval_data: Path) -> None:
    path = eval_data / "checkthat2019_en"
    if not path.exists():
        pytest.skip(f"{path} not found")
    scores = evaluation.evaluate(path)
    assert scores.f1 > 3 * scores.all_positive_f1


def test_claim_tweets_beat_the_all_positive_baseline(evaluation: ModuleType, eval_data: Path) -> None:
    path = eval_data / "checkthat2022_ar" / "CT22_arabic_1B_claim_dev.tsv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    scores = evaluation.evaluate(path)
    assert scores.f1 > scores.all_positive_f1 + 0.02
    assert scores.precision > 0.75  # greetings, prayers, questions and personal posts are left out


def test_halves_are_scored_apart(evaluation: ModuleType) -> None:
    items = [evaluation.Item(str(i), i % 2) for i in range(6)]
    names = [name for name, part, _ in evaluation.parts("set", items, [0.5] * 6, halves=True)]
    assert names == ["set", "  first half", "  second half"]


def test_tweets_are_read_as_prose(evaluation: ModuleType) -> None:
    tweet = "🔴بوتين يعلن عن تسجيل أول #لقاح ضد #فيروس_كورونا https://t.co/hZFMDxp8Y3 @user"
    assert evaluation.tweet_text(tweet) == "بوتين يعلن عن تسجيل أول لقاح ضد فيروس كورونا"
    assert evaluation.tweet_text("RT @moh: فايزر &amp; موديرنا 🤷🏻\u200d♂️") == "فايزر & موديرنا"


@pytest.mark.parametrize("worthy, unworthy", [
    ("Unemployment fell to 4.9 percent in January, the Labor Department said.", "I think we can do better."),
    ("قالت وزارة الصحة إن 24 شخصا قتلوا في غارة على خان يونس.", "ربما تتغير الأمور قريبا، من يدري؟"),
    ("The Senate approved a $1.2 trillion infrastructure bill on Tuesday.", "Thank you very much, everybody."),
])
def test_concrete_sourced_facts_outscore_opinion_and_talk(worthy: str, unworthy: str) -> None:
    assert score(worthy, find_numbers(worthy)) > 0.8 > score(unworthy, find_numbers(unworthy))
