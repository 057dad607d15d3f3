"""Would a learned non-claim filter beside the rules pay? Out-of-fold figures of a logistic regression on the
e5 sentence embedding and line-shape features, trained on the real-article training gold (nothing is shipped:
see docs/claims.md, "A learned non-claim filter").

    python scripts/cv_nonclaims.py [--gold eval/real_train/gold.jsonl] [--max-claim-loss 0.01]

Every gold item is one example: the sentence holding its key phrase, label 1 for a non-claim, 0 for a claim.
Features: the e5 embedding of the sentence and `FEATURES` (line shape). The threshold is the lowest one whose
out-of-fold claim loss (gold claims the rules keep that the model would drop) stays under `--max-claim-loss`; every
figure printed is out-of-fold (5 folds, grouped by article), never on the training fit.
Only eval/real_train (ant_v11 and GUM interviews, annotated for training) is read: never a development set.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
from real_articles import article_text  # noqa: E402

from checker.checkworthiness import count_terms  # noqa: E402
from checker.claims import extract_claims  # noqa: E402
from checker.doc import make_doc  # noqa: E402
from checker.language import detect_language  # noqa: E402
from checker.models import Sentence  # noqa: E402
from checker.normalize import search_form  # noqa: E402
from checker.segment import words  # noqa: E402
from checker.text import clean_text  # noqa: E402

C = 1.0
FEATURES = ("first_line", "words", "question", "exclamation", "digit", "cue", "alone", "quoted", "arabic")


def sentence_features(sentence: Sentence, line_sentences: int, language: str) -> list[float]:
    """The line-shape features of one sentence, in `FEATURES` order."""
    text = sentence.text.strip()
    tail = text.rstrip(" \"”»'’)")
    return [float(sentence.paragraph == 0), min(len(words(text)), 60) / 60, float(tail.endswith(("?", "؟"))),
            float(tail.endswith("!")), float(bool(re.search(r"\d", text))),
            float(count_terms(search_form(text), "cues", ["ar", "en"]) > 0), float(line_sentences == 1),
            float(text[:1] in "\"“«„"), float(language == "ar")]


def embed(texts: list[str]) -> np.ndarray:
    """e5 sentence embeddings ("query: " prompt), L2-normalised."""
    from checker.encoder import load_e5

    return np.asarray(load_e5().encode([f"query: {t}" for t in texts], batch_size=32, normalize_embeddings=True))


def examples(gold_path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[dict]]:
    """(shape features, labels, groups, items with whether the rules keep the sentence as a claim)."""
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for item in gold:
        by_doc[item["doc"]].append(item)
    shapes, labels, groups, kept, texts = [], [], [], [], []
    for article_id, items in sorted(by_doc.items()):
        raw = article_text(article_id)
        text = clean_text(raw)
        document = make_doc(text)
        sentences = document.sentences
        claims, _ = extract_claims(document)
        claimed = {c.sentence_index for c in claims}
        language = detect_language(text)
        per_line: dict[int, int] = defaultdict(int)
        for sentence in sentences:
            per_line[sentence.paragraph] += 1
        for item in items:
            key = raw[item["start"]:item["end"]]
            position = text.find(key)
            sentence = next((s for s in sentences if s.start <= position < s.end), None) if position >= 0 else None
            if sentence is None:
                continue
            shapes.append(sentence_features(sentence, per_line[sentence.paragraph], language))
            labels.append(0 if item.get("claim", True) else 1)
            groups.append(article_id)
            texts.append(sentence.text)
            kept.append({"kept": sentence.index in claimed, "why": item.get("why"), "doc": article_id})
    rows = np.hstack([embed(texts), np.array(shapes)])
    return rows, np.array(labels), np.array(groups), kept


def out_of_fold(rows: np.ndarray, labels: np.ndarray, groups: np.ndarray) -> np.ndarray:
    scores = np.zeros(len(labels))
    for train, test in GroupKFold(n_splits=5).split(rows, labels, groups):
        model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(rows[train], labels[train])
        scores[test] = model.predict_proba(rows[test])[:, 1]
    return scores


def report(scores: np.ndarray, labels: np.ndarray, kept: list[dict], threshold: float) -> None:
    on = np.array([k["kept"] for k in kept])
    claims, nonclaims = (labels == 0) & on, (labels == 1) & on
    print(f"rules alone keep out {int(((labels == 1) & ~on).sum())}/{int((labels == 1).sum())} gold non-claims "
          f"and {int(((labels == 0) & ~on).sum())}/{int((labels == 0).sum())} gold claims")
    print(f"threshold {threshold:.3f}, out of fold, on sentences the rules keep:")
    print(f"  claims dropped {int((scores[claims] >= threshold).sum())}/{int(claims.sum())}, "
          f"non-claims caught {int((scores[nonclaims] >= threshold).sum())}/{int(nonclaims.sum())}")
    by_why: dict[str, list[bool]] = defaultdict(list)
    for score, label, item in zip(scores, labels, kept):
        if label == 1 and item["kept"]:
            by_why[item["why"] or "other"].append(score >= threshold)
    print("  caught by kind: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_why.items())))
    ranked = np.argsort(-scores)
    top = [labels[i] for i in ranked[:50]]
    print(f"  all items: n={len(labels)} ({int(labels.sum())} non-claims); precision of the 50 highest: "
          f"{sum(top) / len(top):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "real_train" / "gold.jsonl")
    parser.add_argument("--max-claim-loss", type=float, default=0.01)
    args = parser.parse_args()
    rows, labels, groups, kept = examples(args.gold)
    scores = out_of_fold(rows, labels, groups)
    on_claims = np.array([k["kept"] for k in kept]) & (labels == 0)
    claim_scores = np.sort(scores[on_claims])[::-1]
    allowed = int(np.floor(args.max_claim_loss * len(claim_scores)))
    threshold = float(claim_scores[allowed] + 1e-6) if len(claim_scores) > allowed else 0.5
    threshold = max(threshold, 0.5)
    report(scores, labels, kept, threshold)


if __name__ == "__main__":
    main()
