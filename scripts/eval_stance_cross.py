"""The stance cross-encoder across languages, zero-shot: Arabic claim vs English passage and the reverse.

The cross-encoder was trained on same-language pairs only (ANS, contrast pairs in Arabic and in English), so
`checker.stance` gives it same-language pairs only. This measures whether it could read cross-language pairs:
the 56 Arabic/English pairs of eval/embedding_pairs.jsonl (written for this project, never used to train the
head) in both directions — a translation or paraphrase is "agree", a pair with a changed number or name is
"disagree" — plus "other" pairs made by matching each Arabic sentence with the English sentence of another
pair (and the reverse). Printed for three readers, with macro-F1, false support and 95% bootstrap intervals:

- the cross-encoder alone (argmax of its probabilities);
- the shipped stance path for cross-language pairs (slots, denial, opposites, similarity; no cross-encoder);
- the same path with the cross-encoder allowed across languages (slots first, the model after them).

    .venv/bin/python scripts/eval_stance_cross.py [--quantize]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from checker import stance  # noqa: E402
from eval_contrast import false_support, interval, macro_f1  # noqa: E402  (the contrast set's scoring)

PAIRS = ROOT / "eval" / "embedding_pairs.jsonl"
GOLD = {"paraphrase": "agree", "changed_number": "disagree", "changed_entity": "disagree"}

Triple = tuple[str, str, str]


def cross_language_pairs(path: Path = PAIRS) -> list[Triple]:
    """(claim, passage, gold) in both directions, and one "other" pair per direction and sentence."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["type"] == "ar-en" and r["label"] in GOLD]
    triples: list[Triple] = []
    for r in rows:
        triples += [(r["a"], r["b"], GOLD[r["label"]]), (r["b"], r["a"], GOLD[r["label"]])]
    paraphrases = [r for r in rows if r["label"] == "paraphrase"]
    for i, r in enumerate(paraphrases):  # the next pair's sentence: another event
        other = paraphrases[(i + 1) % len(paraphrases)]
        triples += [(r["a"], other["b"], "other"), (r["b"], other["a"], "other")]
    return triples


def report(name: str, gold: list[str], predicted: list[str]) -> float:
    low, high = interval(gold, predicted, macro_f1)
    f_low, f_high = interval(gold, predicted, false_support)
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    per_gold = {label: dict(Counter(p for g, p in zip(gold, predicted) if g == label)) for label in stance.STANCES}
    print(f"{name}: n={len(gold)} accuracy {accuracy:.3f}  macro-F1 {macro_f1(gold, predicted):.3f} "
          f"[{low:.3f}, {high:.3f}]  false support {false_support(gold, predicted):.3f} [{f_low:.3f}, {f_high:.3f}]"
          f"\n    by gold label: {per_gold}")
    return macro_f1(gold, predicted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quantize", action="store_true", help="the int8-attention cross-encoder")
    args = parser.parse_args()
    triples = cross_language_pairs()
    pairs = [(claim, passage) for claim, passage, _ in triples]
    gold = [label for _, _, label in triples]
    print(f"{len(triples)} cross-language pairs {dict(Counter(gold))} "
          f"(Arabic claim/English passage and the reverse, from {PAIRS.relative_to(ROOT)})")
    from checker.encoder.stance import StanceModel

    model = StanceModel.get(quantize=args.quantize)
    probabilities = model.predict(pairs)
    report("cross-encoder alone", gold, [model.labels[int(row.argmax())] for row in probabilities])
    saved = stance.CROSS_ENCODER_ACROSS_LANGUAGES
    try:
        stance.CROSS_ENCODER_ACROSS_LANGUAGES = False
        report("stance path, cross-encoder same-language only (shipped)", gold,
               [r.stance for r in stance.assess_many(pairs)])
        stance.CROSS_ENCODER_ACROSS_LANGUAGES = True
        report("stance path, cross-encoder across languages too", gold, [r.stance for r in stance.assess_many(pairs)])
    finally:
        stance.CROSS_ENCODER_ACROSS_LANGUAGES = saved
    return 0


if __name__ == "__main__":
    sys.exit(main())
