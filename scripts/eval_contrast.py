"""The contrast set (eval/contrast/recipes.jsonl): claim/passage pairs made by one edit of real sentences.

Each recipe is applied to the text read in place from ../shared/eval/data (ant_v11, GUM): a swapped number,
place, date (weekday) or actor roles makes the claim false against the original sentence (gold disagree); a
denial phrase put before the sentence makes the passage deny the claim (disagree); a shortened sentence is
a true claim (agree); another document's sentence is about another event (other). Printed: accuracy,
macro-F1 over the three stances, the false-support rate (false claims called agree: what would become
"supported"), per edit type, with 95% bootstrap intervals (the set has fewer than 200 pairs per language).

    .venv/bin/python scripts/eval_contrast.py [--recipes PATH] [--verdict-path]

--verdict-path lets the stance cross-encoder read only the pairs the verdict path gives it
(`checker.verdict.verdict_budget`: the undecided, same-event pairs close enough to count); the default gives it
every pair it can read.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.stance import STANCES, assess_many  # noqa: E402
from checker.verdict import verdict_budget  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "data"
RECIPES = ROOT / "eval" / "contrast" / "recipes.jsonl"


def _text(path: str, span: list[int]) -> str:
    return (DATA / path).read_text(encoding="utf-8")[span[0]:span[1]]


def apply(recipe: dict) -> tuple[str, str]:
    """(claim, passage) for one recipe."""
    sentence = _text(recipe["path"], recipe["sentence"])
    edit = recipe["edit"]
    kind = edit["type"]
    if kind in {"number", "place", "date"}:
        start, end = edit["span"]
        return sentence[:start] + edit["with"] + sentence[end:], sentence
    if kind == "actor":
        (a0, a1), (b0, b1) = edit["swap"]
        swapped = sentence[:a0] + sentence[b0:b1] + sentence[a1:b0] + sentence[a0:a1] + sentence[b1:]
        return swapped, sentence
    if kind == "denial":
        return sentence, f"{edit['prefix']} {sentence}"
    if kind == "shortening":
        start, end = edit["keep"]
        return sentence[start:end].strip(), sentence
    if kind == "distractor":
        return sentence, _text(edit["passage_path"], edit["passage_sentence"])
    raise ValueError(f"unknown edit {kind!r}")


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in STANCES:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def false_support(gold: list[str], predicted: list[str]) -> float:
    false = [p for g, p in zip(gold, predicted) if g == "disagree"]
    return sum(p == "agree" for p in false) / max(len(false), 1)


def interval(gold: list[str], predicted: list[str], metric, rounds: int = 1000) -> tuple[float, float]:
    rng = random.Random(5)
    n = len(gold)
    values = []
    for _ in range(rounds):
        rows = [rng.randrange(n) for _ in range(n)]
        values.append(metric([gold[i] for i in rows], [predicted[i] for i in rows]))
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipes", type=Path, default=RECIPES)
    parser.add_argument("--show", type=int, default=0, help="print this many errors")
    parser.add_argument("--verdict-path", action="store_true", help="the cross-encoder reads what the verdict gives it")
    args = parser.parse_args()
    recipes = [json.loads(line) for line in args.recipes.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [apply(r) for r in recipes]
    results = assess_many(pairs, cross_encoder=verdict_budget() if args.verdict_path else None)
    predicted = [r.stance for r in results]
    gold = [r["gold"] for r in recipes]
    for language in ("ar", "en", None):
        rows = [i for i, r in enumerate(recipes) if language is None or r["language"] == language]
        g, p = [gold[i] for i in rows], [predicted[i] for i in rows]
        accuracy = sum(a == b for a, b in zip(g, p)) / len(rows)
        f_low, f_high = interval(g, p, macro_f1)
        s_low, s_high = interval(g, p, false_support)
        print(f"{language or 'all'}: n={len(rows)} accuracy {accuracy:.3f}  macro-F1 {macro_f1(g, p):.3f} "
              f"[{f_low:.3f}, {f_high:.3f}]  false support {false_support(g, p):.3f} [{s_low:.3f}, {s_high:.3f}] "
              f"(of {sum(x == 'disagree' for x in g)} false claims)")
    by_type: dict[str, Counter] = defaultdict(Counter)
    deciders: dict[str, Counter] = defaultdict(Counter)
    for recipe, result in zip(recipes, results):
        by_type[recipe["type"]][result.stance] += 1
        deciders[recipe["type"]][result.decided_by] += 1
    for kind, counts in by_type.items():
        right = counts[next(r["gold"] for r in recipes if r["type"] == kind)]
        print(f"  {kind:<11} n={sum(counts.values()):>3}  right {right:>3}  {dict(counts)}  decided by {dict(deciders[kind])}")
    shown = 0
    for recipe, (claim, passage), result in zip(recipes, pairs, results):
        if shown < args.show and result.stance != recipe["gold"]:
            shown += 1
            print(f"\n{recipe['id']} {recipe['type']} gold {recipe['gold']} got {result.stance} ({result.decided_by})"
                  f"\n  claim:   {claim}\n  passage: {passage}\n  {result.signals}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
