"""Train the learned outlet carrying (checker/attribution/carry.py) on annotated training articles.

Examples: every claim the tool finds whose own sentence cites no outlet, with the candidate outlets cited earlier in
the story (`StoryCitations.candidates`, the same code the reader runs; the dateline is the rules' fallback, never a
candidate); label = the annotated
outlet (gold `outlet`, matched with the shared scorer's outlet patterns). A logistic regression (numpy, L2) scores
each candidate; the claim carries the best one if its probability reaches a threshold. The L2 strength and the
threshold are chosen by grouped k-fold cross-validation over ARTICLES on the training data only.

Shipped-model data: only articles whose licence allows a shipped model (../shared/eval/README.md): ANT v1.1
(`antv11/`, Apache-2.0) and GUM (`gum/`, CC BY). ANT multisource (`antms/`) and PolNeAR (`polnear/`) are
evaluation-only; they enter the cross-validation figures of scripts/eval_outlet_carry.py, never the weights.

    python scripts/train_outlet_carry.py [--write] [--default rules|learned]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "scripts"))
from real_articles import article_text  # noqa: E402

from checker.attribution import attribute  # noqa: E402
from checker.attribution.carry import FEATURES, MODEL_PATH, Candidate, ClaimContext  # noqa: E402
from checker.claims import extract_claims  # noqa: E402
from checker.doc import make_doc  # noqa: E402
from checker.outlets import load_registry  # noqa: E402

TRAIN_SETS = ("real_train", "real_dev")  # real_dev (round 1) may now train; real_dev2 / real_dev3 only report
SHIPPABLE = ("antv11/", "gum/")
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 17))
FOLDS = 5


@dataclass(frozen=True)
class Example:
    """One claim the model decides: its candidates' features, which match the gold outlet, the rules' answer."""

    doc: str
    gold_from: str  # "story" | "dateline" | "none" | "sentence" (gold says its own sentence; the tool saw none)
    features: np.ndarray  # candidates x features (may be 0 rows)
    labels: np.ndarray  # candidates: 1 when the candidate is the gold outlet
    gold_none: bool
    rules_ok: bool
    fallback_ok: bool  # what the rules give when the model carries nothing (dateline, else nothing) is right
    text: str = ""  # the claim (for reading errors on training data; never written out)
    candidates: tuple[str, ...] = ()  # candidate outlet ids, origin


class _Recorder:
    """A carry decider that only records what the reader offers it; the rules keep deciding."""

    decides = False

    def __init__(self) -> None:
        self.seen: dict[str, tuple[ClaimContext, list[Candidate]]] = {}

    def choose(self, claim: ClaimContext, candidates: list[Candidate]) -> Candidate | None:
        self.seen[claim.claim_id] = (claim, candidates)
        return None


def _scorer():
    from eval_real_dev import _scorer as load

    return load()


def examples(sets: tuple[str, ...] = TRAIN_SETS) -> list[Example]:
    """The model's decisions on the training articles, labelled from the gold."""
    scorer = _scorer()
    registry = load_registry()
    out: list[Example] = []
    for name in sets:
        folder = ROOT / "eval" / name
        patterns = {k: scorer.norm(v) for k, v in json.loads((folder / "outlets.json").read_text("utf-8")).items()}
        patterns = {**scorer.OUTLETS, **patterns}
        gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
        by_doc: dict[str, list[dict]] = {}
        for item in gold:
            if item.get("claim", True):
                by_doc.setdefault(item["doc"], []).append(item)
        for doc_id, items in sorted(by_doc.items()):
            text = article_text(doc_id)
            doc = make_doc(text)
            claims, _ = extract_claims(doc)
            recorder = _Recorder()
            decided = attribute(doc, claims, registry, carry=recorder)
            normed = [scorer.norm(c.text) for c in decided]
            for item in items:
                key = scorer.norm(text[item["start"]:item["end"]])
                hit = next((c for c, n in zip(decided, normed) if key in n), None)
                if hit is None or hit.id not in recorder.seen:
                    continue
                context, candidates = recorder.seen[hit.id]
                want = item.get("outlet")
                pattern = patterns.get(want or "", "")

                def matches(outlet) -> bool:
                    return bool(want and outlet is not None and re.search(pattern, scorer.norm(
                        f"{outlet.id} {outlet.name}")))

                rules = hit.attribution.outlet
                out.append(Example(
                    doc_id, item.get("outlet_from") or ("none" if want is None else "sentence"),
                    np.array([c.features for c in candidates], dtype=float).reshape(len(candidates), len(FEATURES)),
                    np.array([matches(c.outlet) for c in candidates], dtype=float), want is None,
                    rules is None if want is None else matches(rules),
                    context.fallback is None if want is None else matches(context.fallback), hit.text,
                    tuple(c.outlet.id for c in candidates)))
    return out


def fit(rows: list[Example], c: float) -> np.ndarray:
    """L2 logistic regression over all candidates of `rows` (Newton steps; the bias is not penalised)."""
    x = np.vstack([e.features for e in rows if len(e.labels)])
    y = np.concatenate([e.labels for e in rows if len(e.labels)])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], 1.0 / c)
    penalty[FEATURES.index("bias")] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def decide(example: Example, w: np.ndarray, threshold: float) -> bool:
    """Whether the model's choice (best candidate at or above the threshold, else the rules' dateline or no
    outlet) is the gold one."""
    if not len(example.labels):
        return example.fallback_ok
    p = 1.0 / (1.0 + np.exp(-np.clip(example.features @ w, -30, 30)))
    best = int(np.argmax(p))
    if p[best] < threshold:
        return example.fallback_ok
    return bool(example.labels[best])


def folds(rows: list[Example], k: int = FOLDS, seed: int = 11) -> list[tuple[list[Example], list[Example]]]:
    """Grouped k-fold: every article's claims in one fold."""
    docs = sorted({e.doc for e in rows})
    order = np.random.default_rng(seed).permutation(len(docs))
    fold_of = {docs[i]: n % k for n, i in enumerate(order)}
    return [([e for e in rows if fold_of[e.doc] != f], [e for e in rows if fold_of[e.doc] == f]) for f in range(k)]


def cv_correct(rows: list[Example], c: float, threshold: float, seed: int = 11) -> list[tuple[Example, bool]]:
    """Out-of-fold decisions at fixed (c, threshold)."""
    out: list[tuple[Example, bool]] = []
    for train, test in folds(rows, seed=seed):
        w = fit(train, c)
        out.extend((e, decide(e, w, threshold)) for e in test)
    return out


def select(rows: list[Example], seeds: tuple[int, ...] = (11, 12, 13)) -> tuple[float, float, float]:
    """(c, threshold, CV accuracy) maximising out-of-fold accuracy over the claims the model decides."""
    best = (C_GRID[0], THRESHOLDS[0], -1.0)
    for c in C_GRID:
        weights = {seed: [(test, fit(train, c)) for train, test in folds(rows, seed=seed)] for seed in seeds}
        for threshold in THRESHOLDS:
            hits = [decide(e, w, threshold) for seed in seeds for test, w in weights[seed] for e in test]
            accuracy = sum(hits) / len(hits)
            if accuracy > best[2] + 1e-9:
                best = (c, threshold, accuracy)
    return best


def shippable(rows: list[Example]) -> list[Example]:
    return [e for e in rows if e.doc.startswith(SHIPPABLE)]


def write_model(w: np.ndarray, c: float, threshold: float, accuracy: float, n_docs: int, n_claims: int,
                default: str) -> None:
    lines = [
        "# Learned outlet carrying (checker/attribution/carry.py), written by scripts/train_outlet_carry.py.",
        "# Logistic regression over each candidate outlet of a claim whose own sentence cites none: the best",
        "# candidate is carried when its probability reaches `threshold`. A positive weight makes carrying that",
        "# candidate likelier. Trained on eval/real_train + eval/real_dev articles a shipped model may learn from",
        f"# (ANT v1.1 Apache-2.0, GUM CC BY): {n_docs} articles, {n_claims} claims; L2 C = {c}, threshold and C",
        f"# chosen by 5-fold cross-validation over articles (out-of-fold accuracy {accuracy:.3f}). See",
        "# docs/outlet_carry_model.md.",
        "# Which decides when neither the caller nor $CHECKER_OUTLET_CARRY says: \"rules\" or \"learned\".",
        f'default = "{default}"',
        f"threshold = {threshold}",
        "",
        "[weights]",
    ]
    lines += [f"{name} = {value:.4f}" for name, value in zip(FEATURES, w)]
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.relative_to(ROOT)}")
    parser.add_argument("--default", choices=("rules", "learned"), default="rules")
    args = parser.parse_args()
    rows = shippable(examples())
    c, threshold, accuracy = select(rows)
    n_docs = len({e.doc for e in rows})
    print(f"shippable training data: {n_docs} articles, {len(rows)} claims the model decides, "
          f"{sum(len(e.labels) for e in rows)} candidates")
    print(f"chosen by grouped 5-fold CV (3 seeds): C={c} threshold={threshold} out-of-fold accuracy {accuracy:.3f}"
          f" (rules on the same claims {sum(e.rules_ok for e in rows) / len(rows):.3f}; the rules were written "
          "on real_train, so theirs is not an estimate)")
    w = fit(rows, c)
    for name, value in sorted(zip(FEATURES, w), key=lambda item: -abs(item[1])):
        print(f"  {name:28} {value:+.3f}")
    if args.write:
        write_model(w, c, threshold, accuracy, n_docs, len(rows), args.default)
        print(f"wrote {MODEL_PATH}")
    if not math.isfinite(accuracy):
        raise SystemExit("no cross-validation figure")


if __name__ == "__main__":
    main()
