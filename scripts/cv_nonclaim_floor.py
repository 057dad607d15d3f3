"""Would a check-worthiness floor keep more non-claims out? Grouped cross-validation on the training gold.

Every line the rules keep gets a check-worthiness score (`checker.checkworthiness.score`). A floor would drop the
kept lines scored below it as "not check-worthy". This script scores that floor on the annotated training articles
(`eval/real_train`, never a development set): for each of 5 folds grouped by article, the floor is the one of the
candidates that maximises claim recall + non-claims kept out on the other folds, then applied to the held-out fold.
It prints the out-of-fold figures beside the rules alone, so the floor is shipped only if it pays where it was not
chosen.

    python scripts/cv_nonclaim_floor.py [--gold eval/real_train/gold.jsonl] [--folds 5]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "scripts"))
from real_articles import article_text  # noqa: E402

CANDIDATES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


@dataclass(frozen=True)
class Item:
    doc: str
    is_claim: bool
    kept: bool  # the rules keep a claim holding the gold key
    score: float  # that claim's check-worthiness (0 when not kept)


def items(gold_path: Path) -> list[Item]:
    from checker.pipeline import analyze
    from eval_real_dev import _scorer

    scorer = _scorer()
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    texts = {doc: article_text(doc) for doc in {g["doc"] for g in gold}}
    analyses = {doc: analyze(text) for doc, text in texts.items()}
    rows = []
    for g in gold:
        key = scorer.norm(texts[g["doc"]][g["start"]:g["end"]])
        hits = [c for c in analyses[g["doc"]].claims if key in scorer.norm(c.text)]
        rows.append(Item(g["doc"], g.get("claim", True), bool(hits), hits[0].checkworthiness if hits else 0.0))
    return rows


def rates(rows: list[Item], floor: float) -> tuple[float, float]:
    """(claim recall, non-claims kept out) with kept lines scored below `floor` dropped."""
    claims = [r for r in rows if r.is_claim]
    others = [r for r in rows if not r.is_claim]
    recall = sum(r.kept and r.score >= floor for r in claims) / max(len(claims), 1)
    kept_out = sum(not r.kept or r.score < floor for r in others) / max(len(others), 1)
    return recall, kept_out


def fold_of(doc: str, folds: int) -> int:
    return int(hashlib.md5(doc.encode("utf-8")).hexdigest(), 16) % folds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "real_train" / "gold.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if "real_dev" in str(args.gold):
        raise SystemExit("a development set is for reporting: choose the floor on training data only")
    rows = items(args.gold)
    held_out: list[tuple[Item, float]] = []
    for fold in range(args.folds):
        train = [r for r in rows if fold_of(r.doc, args.folds) != fold]
        test = [r for r in rows if fold_of(r.doc, args.folds) == fold]
        best = max(CANDIDATES, key=lambda floor: (sum(rates(train, floor)), -floor))
        print(f"fold {fold}: {len({r.doc for r in test})} articles, floor {best:.2f} (chosen on the other folds)")
        held_out += [(r, best) for r in test]
    claims = [(r, f) for r, f in held_out if r.is_claim]
    others = [(r, f) for r, f in held_out if not r.is_claim]
    recall = sum(r.kept and r.score >= f for r, f in claims) / len(claims)
    kept_out = sum(not r.kept or r.score < f for r, f in others) / len(others)
    base_recall, base_out = rates(rows, 0.0)
    print(f"rules alone:            claim recall {base_recall:.3f} (n={len(claims)}), "
          f"non-claims kept out {base_out:.3f} (n={len(others)})")
    print(f"with the floor, out of fold: claim recall {recall:.3f}, non-claims kept out {kept_out:.3f}")


if __name__ == "__main__":
    main()
