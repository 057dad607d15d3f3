"""Stance accuracy and macro-F1 of `checker.stance` on ANS (Arabic headlines) and AuSTR (Arabic tweets).

ANS dev is the set the model was tuned on; the held-out ANS test is measured by
passing it with --ans. AuSTR is never used for training or tuning: it shows how
the ANS-trained model transfers to authorities' tweets answering rumours.
Each set is printed with the majority-class baseline beside it.

    .venv/bin/python scripts/eval_stance.py [--ans PATH] [--austr PATH ...] [--limit N] [--verdict-path]

--verdict-path lets the stance cross-encoder read only the pairs the verdict path gives it (see
scripts/eval_contrast.py); the default gives it every same-language pair.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.stance import STANCES, assess_many  # noqa: E402
from checker.verdict import verdict_budget  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "data"
DEFAULT_ANS = DATA / "ans" / "stance_dev.csv"
DEFAULT_AUSTR = (DATA / "austr" / "AuSTR_SNAM.tsv", DATA / "austr" / "AuSTR_test_fold1.tsv")

Pair = tuple[str, str, str]


@dataclass(frozen=True)
class Scores:
    accuracy: float
    macro_f1: float
    per_class: dict[str, tuple[float, float, float, int]]


def read_ans(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(handle)]


def read_austr(path: Path) -> list[Pair]:
    """Raw tweet texts (rumour, authority's tweet); the fold file's cleaned s1/s2 are not used."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["rumor_text"], row["evidence_text"], row["stance"])
                for row in csv.DictReader(handle, delimiter="\t")]


def score(gold: list[str], predicted: list[str]) -> Scores:
    per_class = {}
    for label in STANCES:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = (precision, recall, f1, tp + fn)
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    return Scores(accuracy, sum(f for _, _, f, _ in per_class.values()) / len(STANCES), per_class)


def predict(pairs: list[Pair], verdict_path: bool = False) -> list[str]:
    budget = verdict_budget() if verdict_path else None
    return [result.stance for result in assess_many([(claim, evidence) for claim, evidence, _ in pairs],
                                                    cross_encoder=budget)]


def majority(gold: list[str]) -> list[str]:
    return [Counter(gold).most_common(1)[0][0]] * len(gold)


def report(name: str, pairs: list[Pair], verdict_path: bool = False) -> Scores:
    gold = [label for _, _, label in pairs]
    started = time.perf_counter()
    ours = score(gold, predict(pairs, verdict_path))
    seconds = time.perf_counter() - started
    base = score(gold, majority(gold))
    print(f"\n{name}: {len(pairs)} pairs {dict(Counter(gold))} ({seconds:.1f} s)")
    print(f"  checker   accuracy {ours.accuracy:.3f}  macro-F1 {ours.macro_f1:.3f}")
    print(f"  majority  accuracy {base.accuracy:.3f}  macro-F1 {base.macro_f1:.3f}")
    for label, (precision, recall, f1, support) in ours.per_class.items():
        print(f"    {label:<9} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (n={support})")
    return ours


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ans", type=Path, default=DEFAULT_ANS, help="ANS stance CSV (s1,s2,stance)")
    parser.add_argument("--austr", type=Path, action="append", help="AuSTR TSV; repeat for several (default: full + fold 1)")
    parser.add_argument("--limit", type=int, help="only the first N pairs of each set (quick look)")
    parser.add_argument("--verdict-path", action="store_true", help="the cross-encoder reads what the verdict gives it")
    args = parser.parse_args()
    sets = [(f"ANS {args.ans.name}", read_ans(args.ans))]
    sets += [(f"AuSTR {path.name}", read_austr(path)) for path in (args.austr or DEFAULT_AUSTR)]
    for name, pairs in sets:
        report(name, pairs[:args.limit] if args.limit else pairs, args.verdict_path)
    print("\nanchor: ANS paper (Khouja 2020) best BERT macro-F1 0.767 on ANS test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
