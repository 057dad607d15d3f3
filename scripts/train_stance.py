"""Train the stance model shipped in checker/data/stance_model.npz on ANS (Khouja 2020, Apache-2.0).

Features per pair are [u*v, |u-v|, cosine, explicit checks] over the multilingual
sentence embeddings from `checker.embeddings`, so the Arabic-trained model also
scores English and cross-language pairs. ANS has almost no "other" pairs (2%),
while real evidence is mostly about something else, so the training set adds
pairs of unrelated ANS headlines labelled "other". The regularisation strength
is chosen on ANS dev only; the held-out ANS test is never read here.

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
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)


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


def featurise(rows: list[tuple[str, str, str]], encode) -> tuple[np.ndarray, np.ndarray]:
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
    return stance.pair_features(u, v, checks), labels


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=ANS / "stance_train.csv")
    parser.add_argument("--dev", type=Path, default=ANS / "stance_dev.csv")
    parser.add_argument("--out", type=Path, default=stance.MODEL_FILE)
    parser.add_argument("--other-share", type=float, default=0.3,
                        help="unrelated pairs added as 'other', as a share of the distinct training claims")
    args = parser.parse_args()
    from checker.embeddings import encode

    train = read_ans(args.train)
    train += unrelated_pairs(train, args.other_share)
    dev = read_ans(args.dev)
    x_train, y_train = featurise(train, encode)
    x_dev, y_dev = featurise(dev, encode)
    print(f"train pairs {len(train)} (with unrelated 'other' pairs), dev pairs {len(dev)}, features {x_train.shape[1]}")
    best: tuple[float, float, stance.StanceModel] | None = None
    for c in C_GRID:
        model = fit(x_train, y_train, c)
        score = macro_f1(y_dev, model.probabilities(x_dev).argmax(axis=1))
        print(f"C={c:<5} model-only ANS dev macro-F1 {score:.3f}")
        if best is None or score > best[1]:
            best = (c, score, model)
    assert best is not None
    c, score, model = best
    model.save(args.out)
    print(f"saved {args.out} (C={c}, dev macro-F1 {score:.3f}, {args.out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
