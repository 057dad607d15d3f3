"""Stance quality on the public corpora stays above the figures measured when the model was shipped.

Floors sit a little under the measured values (ANS dev 0.704 macro-F1, AuSTR
fold 1 0.641; see docs/verdict.md), so a change that loses the explicit checks,
the changed-word features or the model fails here (the previous model scored
0.599 and 0.607).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_stance.py"


def load_eval_script():
    spec = importlib.util.spec_from_file_location("eval_stance", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_stance"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def eval_stance():
    return load_eval_script()


def test_ans_dev_macro_f1_stays_above_its_floor(eval_data: Path, eval_stance) -> None:
    pairs = eval_stance.read_ans(eval_data / "ans" / "stance_dev.csv")
    gold = [label for _, _, label in pairs]
    scores = eval_stance.score(gold, eval_stance.predict(pairs))
    baseline = eval_stance.score(gold, eval_stance.majority(gold))
    assert scores.macro_f1 >= 0.68
    assert scores.macro_f1 > baseline.macro_f1 + 0.4
    assert all(f1 > 0.6 for _, _, f1, _ in scores.per_class.values())


def test_austr_tweets_transfer_above_the_majority_baseline(eval_data: Path, eval_stance) -> None:
    pairs = eval_stance.read_austr(eval_data / "austr" / "AuSTR_test_fold1.tsv")
    gold = [label for _, _, label in pairs]
    scores = eval_stance.score(gold, eval_stance.predict(pairs))
    # 0.611 with the logistic model since the AuRED-dev-fitted "retold denial" rule was removed (0.628 with it),
    # 0.589 with the stance cross-encoder installed (n = 157: one or two pairs move it by 0.01-0.02)
    assert scores.macro_f1 >= 0.57
    assert scores.accuracy > eval_stance.score(gold, eval_stance.majority(gold)).accuracy


def test_scores_are_computed_per_class() -> None:
    module = load_eval_script()
    scores = module.score(["agree", "disagree", "other", "agree"], ["agree", "agree", "other", "agree"])
    assert scores.accuracy == 0.75
    assert scores.per_class["disagree"] == (0.0, 0.0, 0.0, 1)
    assert scores.per_class["other"][2] == 1.0
