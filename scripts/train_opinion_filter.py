"""Train the opinion filter (checker/opinion_filter.py) and choose its threshold; writes checker/data/models/opinion_filter.json.

Data a shipped model may learn from: `eval/opinion_written/sentences.jsonl`, sentences written for training around
facts of ANT v1.1 (Apache-2.0) and GUM (CC BY) sentences (docs/opinion_filter.md): the writer's opinion and
speculation (label 1) against a plain report of a fact and an opinion or speculation attributed to a speaker
(label 0), in the source's language and the other. The regularisation C and the threshold are chosen on the
annotated real training articles (`eval/real_train` to `eval/real_train7`, read in place, never trained on): among
the claims the rules keep in the writer's own voice (those holding no gold item count as claims: every non-claim
line is annotated), the pair whose caught non-claims minus CLAIM_COST times lost claims is highest; the filter is on
by default only when that reaches MIN_GAIN (written sentences are easier to tell apart than real ones, so the written data's own
cross-validation, also printed, would choose the weakest regularisation). The development sets (`eval/real_dev*`)
are never read here: `scripts/eval_real_dev.py` measures them.

    .venv/bin/python scripts/train_opinion_filter.py [--out checker/data/models/opinion_filter.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
from real_articles import article_text  # noqa: E402

from checker.opinion_filter import MODEL_FILE, embed, in_own_voice  # noqa: E402
from checker.pipeline import analyze  # noqa: E402
from checker.text import clean_text  # noqa: E402

WRITTEN = ROOT / "eval" / "opinion_written" / "sentences.jsonl"
NON_CLAIMS = ("opinion", "speculation", "opinion_x", "speculation_x")
CLAIMS = ("fact", "said_opinion", "said_speculation", "fact_x")
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.5, 0.96, 0.05)) + (0.97, 0.98, 0.99)
CLAIM_COST = 2.0  # a claim lost costs a fact-checker more than an opinion kept
MIN_GAIN = 10  # on by default only when it pays for loading the encoder: caught - CLAIM_COST x lost on the training articles
TRAINING_GOLD = ("real_train", "real_train2", "real_train3", "real_train4", "real_train5", "real_train6",
                 "real_train7")


def written() -> tuple[list[str], np.ndarray, np.ndarray]:
    """(sentences, labels, source ids) of the written training sentences."""
    rows = [json.loads(line) for line in WRITTEN.read_text("utf-8").splitlines() if line.strip()]
    texts, labels, groups = [], [], []
    for row in rows:
        for field, label in [(f, 1) for f in NON_CLAIMS] + [(f, 0) for f in CLAIMS]:
            texts.append(row[field])
            labels.append(label)
            groups.append(row["sid"])
    return texts, np.array(labels), np.array(groups)


def written_cv(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> dict[float, float]:
    """Log loss by C, 5 folds grouped by source sentence (printed beside the choice; it does not choose)."""
    losses = {}
    for c in C_GRID:
        scores = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=5).split(x, y, groups):
            model = LogisticRegression(C=c, max_iter=3000).fit(x[train], y[train])
            scores[test] = model.predict_proba(x[test])[:, 1]
        losses[c] = round(float(log_loss(y, scores)), 4)
    return losses


def own_voice_items() -> list[tuple[str, int]]:
    """(claim text, 1 for a non-claim / 0 for a claim) for every claim the rules keep in the writer's own voice in
    the training articles: a non-claim when every gold item it holds is one, else a claim. A claim holding no gold
    item is a claim too: the guideline has the annotators mark every non-claim line and only a sample of the claims
    (the first version counted gold items only, and so never saw most of the claims it dropped)."""
    items = []
    for name in TRAINING_GOLD:
        gold = [json.loads(line) for line in (ROOT / "eval" / name / "gold.jsonl").read_text("utf-8").splitlines()
                if line.strip()]
        by_doc: dict[str, list[dict]] = defaultdict(list)
        for item in gold:
            by_doc[item["doc"]].append(item)
        for doc, doc_items in by_doc.items():
            raw = article_text(doc)
            for claim in (c for c in analyze(clean_text(raw)).claims if in_own_voice(c)):
                held = [item for item in doc_items if raw[item["start"]:item["end"]] in claim.text]
                non_claim = bool(held) and all(not item.get("claim", True) for item in held)
                items.append((claim.text, int(non_claim)))
    return items


def choose_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, dict[float, tuple[int, int]]]:
    table = {float(t): (int(((scores >= t) & (labels == 1)).sum()), int(((scores >= t) & (labels == 0)).sum()))
             for t in THRESHOLDS}
    best = max(table, key=lambda t: (table[t][0] - CLAIM_COST * table[t][1], -t))
    return best, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args()
    started = time.perf_counter()
    texts, y, groups = written()
    x = embed(texts)
    losses = written_cv(x, y, groups)
    print(f"written sentences {len(y)} ({int(y.sum())} opinion or speculation); grouped CV log loss by C {losses}")
    items = own_voice_items()
    item_x = embed([t for t, _ in items])
    item_labels = np.array([label for _, label in items])
    print(f"training articles: {len(items)} claims in the writer's own voice ({int(item_labels.sum())} of them "
          f"non-claims by the gold)")
    choices = {}
    for c in C_GRID:
        candidate = LogisticRegression(C=c, max_iter=3000).fit(x, y)
        threshold, table = choose_threshold(candidate.predict_proba(item_x)[:, 1], item_labels)
        caught, lost = table[threshold]
        choices[c] = (caught - CLAIM_COST * lost, threshold, table, candidate)
        print(f"  C {c}: threshold {threshold} catches {caught}, loses {lost}; caught / lost by threshold {table}")
    c = max(C_GRID, key=lambda k: (choices[k][0], -k))
    value, threshold, table, model = choices[c]
    default = "on" if value >= MIN_GAIN else "off"
    print(f"chosen C {c}, threshold {threshold}: catches {table[threshold][0]}, loses {table[threshold][1]}; "
          f"on by default: {default} (caught - {CLAIM_COST:g} x lost must reach {MIN_GAIN})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "weights": [round(float(w), 6) for w in model.coef_[0]], "bias": round(float(model.intercept_[0]), 6),
        "threshold": threshold, "default": default,
        "trained": {"written_sentences": len(y), "C": c, "cv_log_loss": {str(k): v for k, v in losses.items()},
                    "threshold_items": len(items), "threshold_non_claims": int(item_labels.sum()),
                    "caught_lost_by_threshold": {str(k): v for k, v in table.items()}, "claim_cost": CLAIM_COST,
                    "seconds": round(time.perf_counter() - started)},
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
