"""Check-worthiness and claim detection measured on real, labelled public data.

A tweet or debate sentence counts as positive when `extract_claims` finds in it a
claim whose check-worthiness is at least the threshold. Prints precision, recall
and F1 next to the majority-class and all-positive baselines; --halves also scores
the first and second half of each set apart (thresholds were chosen on first halves).

    .venv/bin/python scripts/eval_checkworthiness.py                 # the default dev sets
    .venv/bin/python scripts/eval_checkworthiness.py --sweep         # F1 for a range of thresholds
    .venv/bin/python scripts/eval_checkworthiness.py --halves        # first half (tuned on) vs second half
    .venv/bin/python scripts/eval_checkworthiness.py --data ../shared/eval/data/checkthat2022_ar/CT22_arabic_1A_checkworthy_dev_test.tsv

Data is read where it lies (../shared/eval/data); it is never copied into the repository.
"""
from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.claims import extract_claims  # noqa: E402
from checker.language import detect_language  # noqa: E402
from checker.doc import make_doc  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "data"
DEFAULT_SETS = (
    DATA / "checkthat2022_ar" / "CT22_arabic_1A_checkworthy_dev.tsv",
    DATA / "checkthat2022_ar" / "CT22_arabic_1B_claim_dev.tsv",
    DATA / "checkthat2019_en",
)
# Chosen on the first half of each dev set above (see --sweep --halves): Arabic, the best mean F1 over
# 1A and 1B; English, the best F1 on the 2019 debates. A set is scored with the threshold of its
# dominant language.
THRESHOLDS = {"ar": 0.35, "en": 0.85}

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"(?:^|\s)(?:RT\s+)?@\w+:?")
_HASHTAG = re.compile(r"#(\w+)")
_SYMBOLS = re.compile(r"[\U0001F000-\U0001FAFF\U000E0020-\U000E007F\u2600-\u27BF\u2B00-\u2BFF\u2066-\u2069\u200D\uFE0F]")


@dataclass(frozen=True)
class Item:
    text: str
    label: int


@dataclass(frozen=True)
class Scores:
    name: str
    n: int
    positives: int
    precision: float
    recall: float
    f1: float

    @property
    def all_positive_f1(self) -> float:
        rate = self.positives / self.n if self.n else 0.0
        return 2 * rate / (1 + rate) if rate else 0.0

    @property
    def majority_accuracy(self) -> float:
        return max(self.positives, self.n - self.positives) / self.n if self.n else 0.0


def tweet_text(text: str) -> str:
    """A tweet as prose: HTML entities decoded, links, @mentions and emoji dropped, hashtags read as words.

    Hashtags stay, even trailing ones: they often name the topic (#كورونا) the tweet's words leave out.
    """
    text = _URL.sub(" ", html.unescape(text))
    text = _MENTION.sub(" ", text)
    text = _HASHTAG.sub(lambda m: m.group(1).replace("_", " "), text)
    text = _SYMBOLS.sub(" ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def load(path: Path) -> list[Item]:
    """CheckThat! 2022 tweet TSVs (with header) or 2019 debate TSVs (no header); a folder reads all its .tsv."""
    if path.is_dir():
        return [item for file in sorted(path.glob("*.tsv")) for item in load(file)]
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows and "tweet_text" in rows[0]:
        header = rows[0]
        text_at, label_at = header.index("tweet_text"), header.index("class_label")
        return [Item(tweet_text(r[text_at]), int(r[label_at])) for r in rows[1:] if len(r) > label_at]
    return [Item(r[2], int(r[3])) for r in rows if len(r) >= 4 and r[3].strip().isdigit()]


def best_claim_score(text: str) -> float:
    """The highest check-worthiness among the claims found in `text` (0 when none)."""
    claims, _ = extract_claims(make_doc(text))
    return max((claim.checkworthiness for claim in claims), default=0.0)


def measure(name: str, items: list[Item], predictions: list[float], threshold: float) -> Scores:
    tp = sum(1 for item, p in zip(items, predictions) if p >= threshold and item.label == 1)
    fp = sum(1 for item, p in zip(items, predictions) if p >= threshold and item.label != 1)
    positives = sum(item.label == 1 for item in items)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(name, len(items), positives, precision, recall, f1)


def threshold_for(items: list[Item]) -> float:
    language = detect_language(" ".join(item.text for item in items[:100]))
    return THRESHOLDS.get(language, THRESHOLDS["en"])


def evaluate(path: Path, threshold: float | None = None) -> Scores:
    items = load(path)
    chosen = threshold if threshold is not None else threshold_for(items)
    return measure(path.name, items, [best_claim_score(item.text) for item in items], chosen)


def parts(name: str, items: list[Item], predictions: list[float], halves: bool
          ) -> list[tuple[str, list[Item], list[float]]]:
    """The whole set, and with `halves` its first half (thresholds were tuned there) and second half."""
    whole = [(name, items, predictions)]
    if not halves:
        return whole
    middle = len(items) // 2
    return whole + [("  first half", items[:middle], predictions[:middle]),
                    ("  second half", items[middle:], predictions[middle:])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", type=Path, help="a TSV file or folder (repeatable)")
    parser.add_argument("--threshold", type=float, help="default: 0.35 for Arabic data, 0.85 for English")
    parser.add_argument("--sweep", action="store_true", help="also print F1 for thresholds 0.05 .. 0.95")
    parser.add_argument("--halves", action="store_true", help="also score the first and second half apart")
    args = parser.parse_args()
    paths = args.data or list(DEFAULT_SETS)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"data not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    print(f"{'set':38} {'thr':>4} {'n':>5} {'pos':>5}  {'P':>5} {'R':>5} {'F1':>5}   all-positive F1  majority acc")
    for path in paths:
        items = load(path)
        threshold = args.threshold if args.threshold is not None else threshold_for(items)
        for name, part, predictions in parts(path.name, items, [best_claim_score(i.text) for i in items], args.halves):
            s = measure(name, part, predictions, threshold)
            print(f"{s.name:38} {threshold:4.2f} {s.n:5d} {s.positives:5d}  {s.precision:5.3f} {s.recall:5.3f} "
                  f"{s.f1:5.3f}   {s.all_positive_f1:15.3f}  {s.majority_accuracy:12.3f}")
            if args.sweep:
                sweep = [(t / 100, measure(name, part, predictions, t / 100).f1) for t in range(5, 100, 5)]
                print("    sweep: " + " ".join(f"{t:.2f}:{f1:.3f}" for t, f1 in sweep))
    return 0

if __name__ == "__main__":
    sys.exit(main())
