"""Choose between whole verdict configurations (a stance head, its decision bias) by grouped cross-validation.

Each candidate is a folder of `scripts/eval_verdict_cases.py -v` outputs, one file per training set named after it
(`verdict_cases12.txt`), made with that configuration installed. The cases are grouped by set and deciding article,
dealt into 5 folds, 5 shuffles, exactly as `tune_verdict_coverage.py` deals them; each fold picks the candidate with
the best macro-F1 minus false-support rate on its training folds, or with `--cap R` the best macro-F1 among those
whose false-support rate there is at most R (issue 9's 0.05; none under it: the first named). Ties go to the first
candidate named, so name the shipped one first. Printed: each candidate in sample, the out-of-fold figures per
shuffle and how often each candidate was chosen.

    .venv/bin/python scripts/cv_verdict_runs.py [--cap 0.05] shipped=/tmp/v0 roles-3.5=/tmp/v1 roles-2.5=/tmp/v2
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "eval"))

import eval_verdict_cases as cases_script  # noqa: E402
from tune_verdict_coverage import SHUFFLES, grouped_folds, scores  # noqa: E402


def read_run(folder: Path, sets: list[str]) -> dict[tuple[str, str], str]:
    """(set, case id) -> the label the run gave, from the per-case lines of each set's -v output."""
    labels = {}
    for name in sets:
        for line in (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            words = line.split()
            if words[:1] in (["ok"], ["BAD"]) and "got" in words:
                labels[name, words[1]] = words[words.index("got") + 1]
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="+", help="NAME=FOLDER, the shipped configuration first")
    parser.add_argument("--cap", type=float, default=None, help="choose by macro-F1 under this false-support rate")
    args = parser.parse_args()
    names, folders = zip(*(run.split("=", 1) for run in args.runs))
    sets = list(cases_script.TRAINING_SETS)
    cases = [(name, json.loads(line)) for name in sets
             for line in (ROOT / "eval" / name / "cases.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    runs = [read_run(Path(folder), sets) for folder in folders]
    code = {label: i for i, label in enumerate(cases_script.LABELS)}
    truth = np.array([code[case["label"]] for _, case in cases])
    labels = np.array([[code.get(run[name, case["id"]], 3) for name, case in cases] for run in runs], dtype=np.int8)
    groups = [f"{name}:{case.get('doc') or case['id']}" for name, case in cases]
    f1, false = scores(labels, truth)
    print(f"{len(cases)} cases from {len(sets)} training sets, {len(set(groups))} groups (set, article)")
    for i, name in enumerate(names):
        right = int((labels[i] == truth).sum())
        print(f"  {name:<16} in sample: right {right}, macro-F1 {f1[i]:.3f}, false support {false[i]:.3f} "
              f"({int(((labels[i] == 0) & (truth != 0)).sum())} of {int((truth != 0).sum())})")
    votes: Counter = Counter()
    everyone = np.arange(len(cases))
    for seed in range(SHUFFLES):
        predicted = np.zeros(len(cases), dtype=np.int8)
        chosen = []
        for held in grouped_folds(groups, seed):
            fitted = np.setdiff1d(everyone, held)
            f1_fit, false_fit = scores(labels[:, fitted], truth[fitted])
            if args.cap is None:
                value = f1_fit - false_fit
            else:
                value = np.where(false_fit <= args.cap, f1_fit, -1.0)
                value[0] = max(value[0], -0.5)  # none under the cap: the first named
            best = int(np.argmax(value >= value.max() - 1e-12))
            chosen.append(names[best])
            votes[names[best]] += 1
            predicted[held] = labels[best, held]
        f1_out, false_out = scores(predicted[None, :], truth)
        print(f"shuffle {seed}: out of fold right {int((predicted == truth).sum())}, macro-F1 {f1_out[0]:.3f}, "
              f"false support {false_out[0]:.3f}; chosen per fold {chosen}")
    print("chosen: " + ", ".join(f"{name} {votes[name]}/{SHUFFLES * 5}" for name in names))


if __name__ == "__main__":
    main()
