"""Choose the same-event thresholds of checker/data/slots.toml by 5-fold cross-validation on ANS train.

`[event] same_wording` (share of the claim's words a passage must hold for one changed slot to contradict)
and `other_event_similarity` (below it a passage whose place/date/actors differ is another event) are chosen
on four folds (grouped by claim) and scored on the fifth; the CV macro-F1 of the full stance path is printed
per fold with the values chosen, then the values that are best on all of ANS train (what to put in
slots.toml). The embeddings and model probabilities are computed once; only the slot checks are re-run.
ANS dev is never read.

    .venv/bin/python scripts/tune_slots.py [--limit N]
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import itertools
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from checker.slots import compare as slot_compare  # noqa: E402
from checker.stance import STANCES, assess_many, decide, explicit_checks, plain_text  # noqa: E402

TRAIN = ROOT.parent / "shared" / "eval" / "data" / "ans" / "stance_train.csv"
SAME_WORDING = (0.5, 0.6, 0.7, 0.8)
OTHER_EVENT = (0.3, 0.4, 0.5, 0.6)


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in STANCES:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def predictions(pairs, base, same_wording: float, other_event: float) -> list[str]:
    rules = dataclasses.replace(slot_compare.load_rules(), same_wording=same_wording,
                                other_event_similarity=other_event)
    original = slot_compare.load_rules
    slot_compare.load_rules = lambda: rules  # type: ignore[assignment]
    try:
        out = []
        for (claim, passage), result in zip(pairs, base):
            checks = explicit_checks(claim, passage, result.similarity)
            probabilities = np.asarray(result.probabilities) if any(result.probabilities) else None
            out.append(decide(checks, result.similarity, probabilities)[0])
        return out
    finally:
        slot_compare.load_rules = original  # type: ignore[assignment]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    with TRAIN.open(encoding="utf-8", newline="") as handle:
        rows = [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(handle)]
    if args.limit:
        rows = rows[:args.limit]
    pairs = [(plain_text(a), plain_text(b)) for a, b, _ in rows]
    gold = [label for _, _, label in rows]
    base = assess_many(pairs)
    grid = {(w, o): predictions(pairs, base, w, o) for w, o in itertools.product(SAME_WORDING, OTHER_EVENT)}
    claims = sorted({a for a, _, _ in rows})
    random.Random(3).shuffle(claims)
    fold_of = {claim: i % 5 for i, claim in enumerate(claims)}
    held: dict[int, str] = {}
    for fold in range(5):
        train = [i for i, (a, _, _) in enumerate(rows) if fold_of[a] != fold]
        test = [i for i, (a, _, _) in enumerate(rows) if fold_of[a] == fold]
        best = max(grid, key=lambda key: (macro_f1([gold[i] for i in train], [grid[key][i] for i in train]), key))
        held.update({i: grid[best][i] for i in test})
        print(f"fold {fold + 1}: chose same_wording {best[0]}, other_event_similarity {best[1]}; held-out macro-F1 "
              f"{macro_f1([gold[i] for i in test], [grid[best][i] for i in test]):.3f} (n={len(test)})")
    order = sorted(held)
    print(f"5-fold CV macro-F1 on ANS train (full stance path): {macro_f1([gold[i] for i in order], [held[i] for i in order]):.3f}"
          f" (n={len(order)})")
    best = max(grid, key=lambda key: (macro_f1(gold, grid[key]), key))
    print(f"best on all of ANS train: same_wording {best[0]}, other_event_similarity {best[1]} "
          f"(macro-F1 {macro_f1(gold, grid[best]):.3f}; put these in checker/data/slots.toml)")
    for key, predicted in sorted(grid.items()):
        print(f"  same_wording {key[0]}  other_event_similarity {key[1]}  macro-F1 {macro_f1(gold, predicted):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
