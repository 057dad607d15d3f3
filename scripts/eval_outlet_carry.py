"""Cross-validated figures of the learned outlet carrying against the rules, on the training articles only.

Nested grouped 5-fold cross-validation over ARTICLES: each outer fold's model, L2 strength and threshold are
chosen on the other folds alone (`train_outlet_carry.select`), then decide the held-out articles' claims. The
claims counted are those the learned carrying decides (the tool found them and their own sentence cites no
outlet), by the gold's class (`outlet_from`: story / dateline / none / sentence). The rules' answer on the same
claims is printed beside it; on eval/real_train the rules were written from that gold, so their figure there is
fitted, not an estimate (eval/real_dev was not used to write them). 95 % bootstrap intervals over articles.

    python scripts/eval_outlet_carry.py [--all]

Then the shipped recipe (C and threshold chosen by CV on ANT v1.1 + GUM, fitted on them) is tried on the
evaluation-only training articles (ANT multisource, PolNeAR: other outlets, wire copy), the closest check of
how it transfers to the development sets' mix. `--all` also cross-validates on every training article, ANT
multisource and PolNeAR included (figures only: the shipped model never learns from them,
../shared/eval/README.md).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_outlet_carry import (SHIPPABLE, Example, decide, examples, fit, folds, select,  # noqa: E402
                                shippable)

REAL_TRAIN = Path(__file__).resolve().parent.parent / "eval" / "real_train" / "articles.txt"


def nested(rows: list[Example]) -> list[tuple[Example, bool]]:
    """Out-of-fold decisions, with C and the threshold chosen inside each outer training part."""
    out: list[tuple[Example, bool]] = []
    for train, test in folds(rows, seed=5):
        c, threshold, _ = select(train, seeds=(11,))
        w = fit(train, c)
        out.extend((e, decide(e, w, threshold)) for e in test)
    return out


def interval(pairs: list[tuple[str, bool]], rounds: int = 1000, seed: int = 7) -> tuple[float, float]:
    by_doc: dict[str, list[bool]] = defaultdict(list)
    for doc, ok in pairs:
        by_doc[doc].append(ok)
    docs, rng, rates = list(by_doc), random.Random(seed), []
    for _ in range(rounds):
        sample = [v for d in (rng.choice(docs) for _ in docs) for v in by_doc[d]]
        rates.append(sum(sample) / len(sample))
    rates.sort()
    return rates[int(0.025 * rounds)], rates[int(0.975 * rounds) - 1]


def line(label: str, pairs: list[tuple[str, bool]]) -> str:
    if not pairs:
        return f"{label} -"
    low, high = interval(pairs)
    return f"{label} {sum(ok for _, ok in pairs) / len(pairs):.2f} [{low:.2f}, {high:.2f}]"


def report(name: str, decided: list[tuple[Example, bool]], train_docs: set[str]) -> None:
    print(f"{name}: {len({e.doc for e, _ in decided})} articles, {len(decided)} claims the model decides")
    for part, keep in (("all", lambda e: True), ("real_train (rules fitted here)", lambda e: e.doc in train_docs),
                       ("real_dev round 1", lambda e: e.doc not in train_docs)):
        rows = [(e, ok) for e, ok in decided if keep(e)]
        if not rows or (part != "all" and len(rows) == len(decided)):
            continue
        print(f"  {part}")
        classes = sorted({e.gold_from for e, _ in rows})
        for gold_from in ("all", *classes):
            subset = [(e, ok) for e, ok in rows if gold_from == "all" or e.gold_from == gold_from]
            learned = [(e.doc, ok) for e, ok in subset]
            rules = [(e.doc, e.rules_ok) for e, _ in subset]
            print(f"    {gold_from:9} n={len(subset):4}  {line('learned', learned)}  {line('rules', rules)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also cross-validate on the evaluation-only articles")
    args = parser.parse_args()
    rows = examples()
    train_docs = set(REAL_TRAIN.read_text("utf-8").split())
    allowed = shippable(rows)
    report("shippable (ANT v1.1 + GUM), nested grouped 5-fold CV", nested(allowed), train_docs)
    c, threshold, _ = select(allowed)
    w = fit(allowed, c)
    held = [e for e in rows if not e.doc.startswith(SHIPPABLE)]
    report(f"trained on the shippable articles (C={c}, threshold={threshold}), tested on ANT multisource + PolNeAR",
           [(e, decide(e, w, threshold)) for e in held], train_docs)
    if args.all:
        report("all training articles (ANT multisource, PolNeAR too), nested grouped 5-fold CV", nested(rows),
               train_docs)


if __name__ == "__main__":
    main()
