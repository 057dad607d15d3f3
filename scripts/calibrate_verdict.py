"""Fit the verdict score calibration (checker/data/calibration.toml) and draw its curve (docs/calibration.png).

A verdict's raw score is the strength of the passage that decided it (stance score x similarity). Here every
ANS dev pair that the stance path calls agree ("supported") or disagree ("contradicted") gives (raw, right?);
an isotonic (pool-adjacent-violators) curve per label maps raw to the share right. ANS dev is out of sample
for the stance model (trained on ANS train) and calibration never changes a label, so the reported ANS dev
macro-F1 is untouched; the calibration error is reported by 5-fold cross-validation on the same pairs, the
shipped curve is fitted on all of them. The PNG shows reliability (share right per bin of calibrated score)
before (raw) and after (cross-validated) calibration; the table goes to docs/calibration.md.

    .venv/bin/python scripts/calibrate_verdict.py [--ans PATH] [--no-write]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from checker.calibration import CALIBRATION_FILE  # noqa: E402
from checker.stance import assess_many  # noqa: E402

ANS_DEV = ROOT.parent / "shared" / "eval" / "data" / "ans" / "stance_dev.csv"
LABELS = {"agree": "supported", "disagree": "contradicted"}
BINS = 10
POINTS = 11


def isotonic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pool adjacent violators: a non-decreasing step curve, returned at POINTS evenly spaced raw values."""
    order = np.argsort(x)
    xs, ys = x[order], y[order].astype(float)
    blocks = [[v, 1.0, xv] for v, xv in zip(ys, xs)]  # mean, weight, last x
    merged: list[list[float]] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and merged[-2][0] > merged[-1][0]:
            b = merged.pop()
            a = merged[-1]
            weight = a[1] + b[1]
            merged[-1] = [(a[0] * a[1] + b[0] * b[1]) / weight, weight, b[2]]
    edges = np.array([b[2] for b in merged])
    values = np.array([b[0] for b in merged])
    grid = np.linspace(0.0, 1.0, POINTS)
    at = np.array([values[min(np.searchsorted(edges, g), len(values) - 1)] for g in grid])
    return grid, np.maximum.accumulate(at)


def ece(probability: np.ndarray, right: np.ndarray) -> float:
    bins = np.minimum((probability * BINS).astype(int), BINS - 1)
    return float(sum(abs(probability[bins == b].mean() - right[bins == b].mean()) * (bins == b).sum()
                     for b in range(BINS) if (bins == b).any()) / len(probability))


def reliability(probability: np.ndarray, right: np.ndarray) -> list[tuple[float, float, int]]:
    bins = np.minimum((probability * BINS).astype(int), BINS - 1)
    return [(float(probability[bins == b].mean()), float(right[bins == b].mean()), int((bins == b).sum()))
            for b in range(BINS) if (bins == b).any()]


def draw(path: Path, curves: dict[str, list[tuple[float, float, int]]]) -> None:
    from PIL import Image, ImageDraw

    size, margin = 480, 50
    image = Image.new("RGB", (size, size), "white")
    pen = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        return margin + x * (size - 2 * margin), size - margin - y * (size - 2 * margin)

    pen.rectangle([at(0, 1), at(1, 0)], outline="black")
    pen.line([at(0, 0), at(1, 1)], fill="gray")
    for i in range(0, 11, 2):
        pen.text((at(i / 10, 0)[0] - 8, size - margin + 6), f"{i / 10:.1f}", fill="black")
        pen.text((8, at(0, i / 10)[1] - 6), f"{i / 10:.1f}", fill="black")
    pen.text((margin, 12), "verdict score vs share right (ANS dev, 5-fold CV)", fill="black")
    pen.text((margin, size - 18), "score", fill="black")
    colours = {"raw": "red", "calibrated": "blue"}
    for row, (name, points) in enumerate(curves.items()):
        xy = [at(x, y) for x, y, _ in points]
        if len(xy) > 1:
            pen.line(xy, fill=colours[name], width=2)
        for x, y in xy:
            pen.ellipse([x - 3, y - 3, x + 3, y + 3], fill=colours[name])
        pen.text((margin + 10, margin + 10 + 14 * row), name, fill=colours[name])
    image.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ans", type=Path, default=ANS_DEV)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    with args.ans.open(encoding="utf-8", newline="") as handle:
        rows = [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(handle)]
    results = assess_many([(a, b) for a, b, _ in rows])
    data: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for stance, label in LABELS.items():
        picked = [(min(1.0, r.score * r.similarity), float(g == stance)) for (_, _, g), r in zip(rows, results)
                  if r.stance == stance]
        data[label] = (np.array([p[0] for p in picked]), np.array([p[1] for p in picked]))
    table_lines = ["| label | n | ECE raw | ECE calibrated (5-fold CV) |", "|---|---|---|---|"]
    curves_out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    all_raw, all_cal, all_right = [], [], []
    for label, (raw, right) in data.items():
        order = list(range(len(raw)))
        random.Random(4).shuffle(order)
        held = np.zeros(len(raw))
        for fold in range(5):
            test = np.array(order[fold::5])
            train = np.array([i for i in order if i not in set(test.tolist())])
            xs, ys = isotonic(raw[train], right[train])
            held[test] = np.interp(raw[test], xs, ys)
        table_lines.append(f"| {label} | {len(raw)} | {ece(raw, right):.3f} | {ece(held, right):.3f} |")
        curves_out[label] = isotonic(raw, right)
        all_raw.append(raw), all_cal.append(held), all_right.append(right)
    raw, cal, right = np.concatenate(all_raw), np.concatenate(all_cal), np.concatenate(all_right)
    table_lines.append(f"| both | {len(raw)} | {ece(raw, right):.3f} | {ece(cal, right):.3f} |")
    table_lines += ["", "| calibrated score bin mean | share right | n |", "|---|---|---|"]
    table_lines += [f"| {x:.2f} | {y:.2f} | {n} |" for x, y, n in reliability(cal, right)]
    print("\n".join(table_lines))
    if args.no_write:
        return 0
    lines = ["# Verdict score calibration: isotonic curves fitted by scripts/calibrate_verdict.py on ANS dev pairs",
             "# (raw = stance score x similarity of the deciding passage; probability = share of such calls right).",
             "# Regenerate rather than edit by hand."]
    for label, (xs, ys) in curves_out.items():
        lines += [f"[curve.{label}]", f"raw = [{', '.join(f'{x:.2f}' for x in xs)}]",
                  f"probability = [{', '.join(f'{y:.4f}' for y in ys)}]", ""]
    pooled = isotonic(raw, right)
    lines += ["[curve.any]", f"raw = [{', '.join(f'{x:.2f}' for x in pooled[0])}]",
              f"probability = [{', '.join(f'{y:.4f}' for y in pooled[1])}]", ""]
    CALIBRATION_FILE.write_text("\n".join(lines), encoding="utf-8")
    draw(ROOT / "docs" / "calibration.png", {"raw": reliability(raw, right), "calibrated": reliability(cal, right)})
    (ROOT / "docs" / "calibration.md").write_text(
        "# Verdict score calibration\n\n`.venv/bin/python scripts/calibrate_verdict.py` (ANS dev, 755 pairs; "
        "isotonic per label; errors by 5-fold CV). Curve: ![calibration](calibration.png)\n\n"
        + "\n".join(table_lines) + "\n", encoding="utf-8")
    print(f"wrote {CALIBRATION_FILE}, docs/calibration.png, docs/calibration.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
