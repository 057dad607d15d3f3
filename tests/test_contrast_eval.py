"""The contrast set (eval/contrast/recipes.jsonl) stays at its measured level; the scoring helpers are right.

Floors sit under the measured values (macro-F1 0.924, false support 0.006 over 273 pairs; see docs/verdict.md),
so a change that loses a slot (places, weekdays, quantities, denial scope) fails here.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_recipes_hold_no_article_text_and_name_their_sources() -> None:
    recipes = [json.loads(line) for line in (ROOT / "eval" / "contrast" / "recipes.jsonl").read_text().splitlines()]
    assert len(recipes) == 273 and {r["source"] for r in recipes} == {"ant_v11", "gum"}
    for recipe in recipes:
        assert set(recipe) == {"id", "source", "language", "path", "sentence", "edit", "type", "gold"}
        assert set(recipe["edit"]) <= {"type", "span", "with", "swap", "prefix", "keep", "passage_path",
                                        "passage_sentence"}
        assert len(recipe["edit"].get("with", "")) <= 30  # a number, a place name, a weekday: never a sentence


def test_fnc_score_follows_the_official_scorer() -> None:
    script = _load("eval_stance_sets")
    gold = ["agree", "unrelated", "discuss", "disagree"]
    assert script.fnc_score(gold, gold) == 1.0
    # related/unrelated right but the wrong related label earns 0.25 of the 1.0 a related pair can give
    assert script.fnc_score(["agree"], ["discuss"]) == 0.25
    assert script.fnc_score(["unrelated"], ["agree"]) == 0.0


def test_contrast_set_floors(eval_data: Path) -> None:
    script = _load("eval_contrast")
    recipes = [json.loads(line) for line in script.RECIPES.read_text(encoding="utf-8").splitlines() if line]
    from checker.stance import assess_many

    predicted = [r.stance for r in assess_many([script.apply(r) for r in recipes])]
    gold = [r["gold"] for r in recipes]
    assert script.macro_f1(gold, predicted) >= 0.88
    assert script.false_support(gold, predicted) <= 0.03
