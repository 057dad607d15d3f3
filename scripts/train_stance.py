"""Train the stance model shipped in checker/data/stance_model.npz on ANS train (Khouja 2020, Apache-2.0).

Features per pair are `checker.stance.pair_features`: the multilingual sentence
embeddings, the embeddings of the words only one side uses (what an edited
headline changed), difference counts and the explicit checks. ANS has almost no
"other" pairs (2%), while real evidence is mostly about something else, so the
training set adds pairs of unrelated ANS headlines labelled "other".
Hyperparameters are chosen by 5-fold cross-validation on ANS train, grouped by
claim so that no claim is in two folds; ANS dev is printed once as a check and
never used for a choice, and the held-out ANS test is never read here.

    .venv/bin/python scripts/train_stance.py [--train PATH] [--dev PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import stance  # noqa: E402
from checker.config import get_settings  # noqa: E402

ANS = ROOT.parent / "shared" / "eval" / "data" / "ans"
C_GRID = (0.001, 0.003, 0.01, 0.03)
FOLDS = 5


def read_ans(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(handle)]


def unrelated_pairs(rows: list[tuple[str, str, str]], share: float, seed: int = 13) -> list[tuple[str, str, str]]:
    """Each claim paired with another claim's evidence: "other" examples the corpus lacks."""
    rng = random.Random(seed)
    claims = sorted({s1 for s1, _, _ in rows})
    evidence = [(s1, s2) for s1, s2, _ in rows]
    pairs = []
    for claim in rng.sample(claims, int(len(claims) * share)):
        owner, text = rng.choice(evidence)
        while owner == claim:
            owner, text = rng.choice(evidence)
        pairs.append((claim, text, "other"))
    return pairs


def featurise(rows: list[tuple[str, str, str]], encode) -> tuple[np.ndarray, np.ndarray, list[stance.Checks], np.ndarray]:
    """The features `checker.stance.assess_many` computes at run time, for many pairs at once."""
    rows = [(stance.plain_text(s1), stance.plain_text(s2), label) for s1, s2, label in rows]
    texts = list(dict.fromkeys(t for s1, s2, _ in rows for t in (s1, s2)))
    vectors = encode(texts)
    index = {t: i for i, t in enumerate(texts)}
    u = vectors[[index[s1] for s1, _, _ in rows]]
    v = vectors[[index[s2] for _, s2, _ in rows]]
    cosines = np.sum(u * v, axis=1)
    checks = [stance.explicit_checks(s1, s2, float(c)) for (s1, s2, _), c in zip(rows, cosines)]
    labels = np.array([stance.STANCES.index(label) for _, _, label in rows])
    features = stance.model_features([s1 for s1, _, _ in rows], [s2 for _, s2, _ in rows], u, v, checks)
    return features, labels, checks, cosines


def full_path(probabilities: np.ndarray, checks: list[stance.Checks], cosines: np.ndarray) -> np.ndarray:
    """What `checker.stance.decide` makes of the model's probabilities with the explicit checks."""
    return np.array([stance.STANCES.index(stance.decide(c, float(s), p)[0])
                     for c, s, p in zip(checks, cosines, probabilities)])


def folds(claims: list[str], k: int = FOLDS) -> np.ndarray:
    """A fold number per pair, the same for every pair of one claim (stable across runs)."""
    order = sorted(set(claims))
    random.Random(7).shuffle(order)
    fold_of = {claim: i % k for i, claim in enumerate(order)}
    return np.array([fold_of[claim] for claim in claims])


def fit(features: np.ndarray, labels: np.ndarray, c: float) -> stance.StanceModel:
    from sklearn.linear_model import LogisticRegression

    mean = features.mean(axis=0)
    spread = features.std(axis=0)
    scale = np.where(spread > 1e-4, spread, 1.0)
    classifier = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    classifier.fit((features - mean) / scale, labels)
    return stance.StanceModel(
        weights=classifier.coef_.astype(np.float32), bias=classifier.intercept_.astype(np.float32),
        mean=mean.astype(np.float32), scale=scale.astype(np.float32),
        labels=tuple(stance.STANCES[i] for i in classifier.classes_), embedding_model=get_settings().embedding_model,
    )


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    scores = []
    for label in range(len(stance.STANCES)):
        tp = np.sum((gold == label) & (predicted == label))
        fp = np.sum((gold != label) & (predicted == label))
        fn = np.sum((gold == label) & (predicted != label))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def cross_validate(ans: list[tuple[str, str, str]], extra: list[tuple[str, str, str]], encode,
                   c_grid: tuple[float, ...]) -> dict[float, np.ndarray]:
    """Out-of-fold probabilities on ANS train per C; the unrelated pairs of a fold's claims only train."""
    x, y, _, _ = featurise(ans, encode)
    x_extra, y_extra, _, _ = featurise(extra, encode)
    fold = folds([s1 for s1, _, _ in ans])
    claim_fold = dict(zip((s1 for s1, _, _ in ans), fold))
    fold_extra = np.array([claim_fold[s1] for s1, _, _ in extra])
    out = {c: np.zeros((len(ans), len(stance.STANCES))) for c in c_grid}
    for k in range(FOLDS):
        train_x = np.vstack([x[fold != k], x_extra[fold_extra != k]])
        train_y = np.concatenate([y[fold != k], y_extra[fold_extra != k]])
        for c in c_grid:
            out[c][fold == k] = fit(train_x, train_y, c).probabilities(x[fold == k])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=ANS / "stance_train.csv")
    parser.add_argument("--dev", type=Path, default=ANS / "stance_dev.csv")
    parser.add_argument("--out", type=Path, default=stance.MODEL_FILE)
    parser.add_argument("--other-share", type=float, default=0.3,
                        help="unrelated pairs added as 'other', as a share of the distinct training claims")
    args = parser.parse_args()
    from checker.embeddings import encode

    ans = read_ans(args.train)
    extra = unrelated_pairs(ans, args.other_share)
    _, y, checks, cosines = featurise(ans, encode)
    print(f"ANS train pairs {len(ans)} + {len(extra)} unrelated 'other' pairs; {FOLDS}-fold CV grouped by claim")
    scores = {}
    for c, probabilities in cross_validate(ans, extra, encode, C_GRID).items():
        scores[c] = macro_f1(y, probabilities.argmax(axis=1))
        print(f"C={c:<6} CV macro-F1 model-only {scores[c]:.3f}  full path {macro_f1(y, full_path(probabilities, checks, cosines)):.3f}")
    c = max(scores, key=scores.get)
    x_train, y_train, _, _ = featurise(ans + extra, encode)
    model = fit(x_train, y_train, c)
    model.save(args.out)
    x_dev, y_dev, dev_checks, dev_cosines = featurise(read_ans(args.dev), encode)
    dev_probabilities = model.probabilities(x_dev)
    print(f"saved {args.out} (C={c}, CV macro-F1 {scores[c]:.3f}, {args.out.stat().st_size / 1024:.0f} KiB); "
          f"check on ANS dev: model-only {macro_f1(y_dev, dev_probabilities.argmax(axis=1)):.3f}, "
          f"full path {macro_f1(y_dev, full_path(dev_probabilities, dev_checks, dev_cosines)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
