"""The verdict's claim-coverage thresholds (checker/verdict.py), chosen by cross-validation on the TRAINING half
of eval/verdict_cases only (the development half is never read here).

Every training case is checked once (retrieval, slots, stance); the verdict is then re-decided for each setting of
COVERAGE_AGREE (a passage the stance step found unrelated says the same when its best sentence holds this share
of the claim), COVERAGE_SAME_EVENT (a passage holding this share is the same event: its slot conflicts count, and
count below the similarity floor) and COVERAGE_SIMILARITY_AGREE (agreement from similarity alone needs this
share). 5-fold cross-validation over cases, three shuffles: each fold picks the setting with the best macro-F1 on
its training folds among those where coverage-based agreement adds no false support there (ties: the stricter
setting); printed are the out-of-fold figures and each fold's choice.

    .venv/bin/python scripts/tune_verdict_coverage.py
"""
from __future__ import annotations

import itertools
import json
import random
import sys
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "eval"))

import eval_verdict_cases as cases_script  # noqa: E402

GRID = {"COVERAGE_AGREE": (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 1.01),
        "COVERAGE_SAME_EVENT": (0.4, 0.5, 0.6, 0.8, 1.01),
        "COVERAGE_SIMILARITY_AGREE": (0.0, 0.4, 0.5, 0.6)}
FOLDS = 5


def main() -> None:
    import checker.verdict as verdict
    from checker.outlets import load_registry

    lines = cases_script.CASES.read_text(encoding="utf-8").splitlines()
    cases = [c for c in map(json.loads, filter(str.strip, lines)) if cases_script.split_of(c["id"]) == "train"]
    articles = [a.strip() for a in (cases_script.CASES.parent / "articles.txt").read_text().splitlines() if a.strip()]
    registry = load_registry()
    with tempfile.TemporaryDirectory() as scratch:
        db = cases_script.build_store(articles, Path(scratch))
        assessed = verdict.assess_claims(db, [cases_script.claim_of(c, registry) for c in cases])
        db.conn.close()
    gold = [c["label"] for c in cases]
    settings = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]

    @lru_cache(maxsize=None)
    def label(setting: tuple, i: int) -> str:
        for name, value in setting:
            setattr(verdict, name, value)
        return verdict.decide_verdict(assessed[i]).label

    def predict(setting: dict, members: list[int]) -> list[str]:
        key = tuple(sorted(setting.items()))
        return [label(key, i) for i in members]

    def rank(setting: dict, members: list[int]) -> tuple:
        truth = [gold[i] for i in members]
        predicted = predict(setting, members)
        without = predict({**setting, "COVERAGE_AGREE": 1.01}, members)
        safe = cases_script.false_support(truth, predicted) <= cases_script.false_support(truth, without)
        return safe, cases_script.macro_f1(truth, predicted), tuple(setting.values())

    everyone = list(range(len(cases)))
    print(f"training half: {len(cases)} cases {dict(Counter(gold))}")
    off = {"COVERAGE_AGREE": 1.01, "COVERAGE_SAME_EVENT": 1.01, "COVERAGE_SIMILARITY_AGREE": 0.0}
    for name, setting in (("no coverage", off), ("shipped", {k: getattr(verdict, k) for k in GRID})):
        print(cases_script.summary(f"{name} {setting} (in sample)", gold, predict(setting, everyone)))
    for seed in range(3):
        order = everyone[:]
        random.Random(seed).shuffle(order)
        predicted = [""] * len(cases)
        chosen = []
        for fold in range(FOLDS):
            held = order[fold::FOLDS]
            fitted = [i for i in everyone if i not in held]
            best = max(settings, key=lambda s: rank(s, fitted))
            chosen.append(tuple(best.values()))
            for i, value in zip(held, predict(best, held)):
                predicted[i] = value
        print(cases_script.summary(f"5-fold CV, shuffle {seed}", gold, predicted))
        print(f"  chosen per fold {chosen}")


if __name__ == "__main__":
    main()
