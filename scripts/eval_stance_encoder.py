"""Development figures of the stance cross-encoder (checker/data/models/stance/).

ANS dev (never seen in training or selection) with the paper's BERT (0.767) and the logistic model
(0.704) beside it; for measurement only, seeded samples of unifiedfc (Arabic claim vs article; discuss
and unrelated -> other), FNC-1 (English headline vs body; its official score on the 4 labels is not
comparable, so 3-label macro-F1 with discuss/unrelated -> other) and Emergent (claim vs headline;
for/against/observing -> agree/disagree/other). Long articles are cut to the head's 128 tokens.

    .venv/bin/python scripts/eval_stance_encoder.py [--quantize] [--sample 300] [--sets ans,unifiedfc,fnc1,emergent]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from encoder_stance_data import DATA, read_ans  # noqa: E402

from checker.encoder.stance import LABELS, StanceModel  # noqa: E402

SEED = 7
Triple = tuple[str, str, str]


def per_class_f1(gold: list[str], pred: list[str]) -> dict[str, float]:
    out = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = sum(g == label != p for g, p in zip(gold, pred))
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def unifiedfc(sample: int) -> list[Triple]:
    mapping = {"agree": "agree", "disagree": "disagree", "discuss": "other", "unrelated": "other"}
    pairs = []
    for path in sorted((DATA / "unifiedfc" / "dataset").glob("*.json")):
        item = json.loads(path.read_text("utf-8"))
        for article, stance in zip(item["article"], item["stance"]):
            pairs.append((item["claim"], " ".join(article.split())[:1500], mapping[stance]))
    return _stratified(pairs, sample)


def fnc1(sample: int) -> list[Triple]:
    mapping = {"agree": "agree", "disagree": "disagree", "discuss": "other", "unrelated": "other"}
    with open(DATA / "fnc1" / "competition_test_bodies.csv", encoding="utf-8", newline="") as fh:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}
    with open(DATA / "fnc1" / "competition_test_stances.csv", encoding="utf-8", newline="") as fh:
        pairs = [(row["Headline"], " ".join(bodies[row["Body ID"]].split())[:1500], mapping[row["Stance"]])
                 for row in csv.DictReader(fh) if row["Body ID"] in bodies]
    return _stratified(pairs, sample)


def emergent(sample: int) -> list[Triple]:
    mapping = {"for": "agree", "against": "disagree", "observing": "other"}
    with open(DATA / "emergent" / "url-versions-2015-06-14-clean.csv", encoding="utf-8", newline="") as fh:
        pairs = [(row["claimHeadline"], row["articleHeadline"], mapping[row["articleHeadlineStance"]])
                 for row in csv.DictReader(fh) if row["articleHeadlineStance"] in mapping]
    return _stratified(pairs, sample)


def _stratified(pairs: list[Triple], sample: int) -> list[Triple]:
    """A seeded sample keeping each label's share (at least 20 of a rare label when it has them)."""
    if sample <= 0 or sample >= len(pairs):
        return pairs
    rng = random.Random(SEED)
    counts = Counter(p[2] for p in pairs)
    out = []
    for label, count in counts.items():
        group = [p for p in pairs if p[2] == label]
        rng.shuffle(group)
        out += group[: max(min(20, count), round(sample * count / len(pairs)))]
    rng.shuffle(out)
    return out


def report(name: str, pairs: list[Triple], model: StanceModel) -> dict:
    started = time.perf_counter()
    probs = model.predict([(c, p) for c, p, _ in pairs])
    seconds = time.perf_counter() - started
    pred = [model.labels[int(i)] for i in probs.argmax(1)]
    gold = [g for _, _, g in pairs]
    f1 = per_class_f1(gold, pred)
    macro = sum(f1.values()) / len(f1)
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    print(f"{name}: n={len(pairs)} {dict(Counter(gold))}  macro-F1 {macro:.3f}  accuracy {acc:.3f}  "
          + "  ".join(f"F1 {k} {v:.3f}" for k, v in f1.items()) + f"  ({len(pairs) / seconds:.1f} pairs/s)", flush=True)
    return {"n": len(pairs), "macro_f1": macro, "accuracy": acc, "f1": f1, "pairs_per_s": len(pairs) / seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quantize", action="store_true", help="int8 dynamic quantisation of the attention layers")
    parser.add_argument("--sample", type=int, default=300, help="pairs drawn from each measurement-only set")
    parser.add_argument("--sets", default="ans,unifiedfc,fnc1,emergent")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    model = StanceModel.get(quantize=args.quantize)
    print(f"stance head {'int8' if args.quantize else 'fp32'}; ANS dev reference: paper BERT 0.767, logistic 0.704")
    loaders = {"ans": lambda: read_ans("dev"), "unifiedfc": lambda: unifiedfc(args.sample),
               "fnc1": lambda: fnc1(args.sample), "emergent": lambda: emergent(args.sample)}
    for name in args.sets.split(","):
        report(name, loaders[name](), model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
