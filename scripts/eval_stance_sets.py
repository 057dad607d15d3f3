"""Stance and source check on the development parts of FNC-1, Emergent, UnifiedFC and WiCE, numbers on FA-KES.

Each set is read in place from ../shared/eval/data (never trained or tuned on: measure only). checker's
three stances are mapped to the set's labels:
  fnc1       agree/disagree as such; "other" is "unrelated" when the passage is unrelated or about another
             event (decided_by unrelated / other_event, or similarity < 0.35), else "discuss". Printed: the
             official FNC-1 score (scorer.py logic: 0.25 for related/unrelated right, +0.75 for the right related
             label, as a share of the best possible) and macro-F1 over the four labels.
  emergent   agree -> for, disagree -> against, other -> observing; an agreeing headline that hedges
             (reportedly, claims, ...: stance.toml [hedge]) -> observing (it reports without asserting).
  unifiedfc  as fnc1 (agree/disagree/discuss/unrelated), on the authors' dev folds 2-5 (fold 1 is held out).
  wice       source check: does the cited page support the Wikipedia sentence? agree -> supported, else not;
             "partially_supported" counts as supported in the binary figure; the 3-way table is printed too.
  fakes      numbers: of the casualty counts the crowd read from each article (nb_* columns, > 0), the share
             found by checker.slots as a count of dead/people (value equal), per label (true/fake).
`--limit N` takes a seeded sample of N pairs (FNC-1 has 11,896); n is printed with every figure.

    .venv/bin/python scripts/eval_stance_sets.py [--sets fnc1 emergent unifiedfc wice fakes] [--limit N]
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

from checker.stance import RELATED_SIMILARITY, StanceResult, assess_many, load_lexicon  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "data"
csv.field_size_limit(1 << 30)


def macro_f1(gold: list[str], predicted: list[str], labels: list[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def sample(items: list, limit: int) -> list:
    if not limit or len(items) <= limit:
        return items
    return random.Random(11).sample(items, limit)


def four_way(result: StanceResult) -> str:
    if result.stance in {"agree", "disagree"}:
        return result.stance
    if result.decided_by in {"unrelated", "other_event"} or result.similarity < RELATED_SIMILARITY:
        return "unrelated"
    return "discuss"


def fnc_score(gold: list[str], predicted: list[str]) -> float:
    """FNC-1 scorer.py: +0.25 related/unrelated right; +0.75 more for the right related label; over the best."""
    related = {"agree", "disagree", "discuss"}
    score = best = 0.0
    for g, p in zip(gold, predicted):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.5
        if g in related and p in related:
            score += 0.25
    return score / best


def report(name: str, gold: list[str], predicted: list[str], labels: list[str], started: float, extra: str = "") -> None:
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    print(f"{name}: n={len(gold)} {dict(Counter(gold))}  accuracy {accuracy:.3f}  "
          f"macro-F1 {macro_f1(gold, predicted, labels):.3f}{extra}  ({time.perf_counter() - started:.0f} s)")
    print(f"  predicted {dict(Counter(predicted))}")


def run_fnc1(limit: int) -> None:
    started = time.perf_counter()
    folder = DATA / "fnc1"
    with (folder / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    with (folder / "competition_test_stances.csv").open(encoding="utf-8", newline="") as handle:
        rows = sample([(r["Headline"], bodies[r["Body ID"]], r["Stance"]) for r in csv.DictReader(handle)], limit)
    results = assess_many([(h, b) for h, b, _ in rows])
    gold = [g for _, _, g in rows]
    predicted = [four_way(r) for r in results]
    report("fnc1", gold, predicted, ["agree", "disagree", "discuss", "unrelated"], started,
           f"  FNC score {fnc_score(gold, predicted):.3f}")


def run_emergent(limit: int) -> None:
    started = time.perf_counter()
    with (DATA / "emergent" / "url-versions-2015-06-14-clean.csv").open(encoding="utf-8", newline="") as handle:
        rows = sample([(r["claimHeadline"], r["articleHeadline"], r["articleHeadlineStance"])
                       for r in csv.DictReader(handle)], limit)
    results = assess_many([(c, h) for c, h, _ in rows])
    hedges = load_lexicon().hedge
    predicted = []
    for (_, headline, _), result in zip(rows, results):
        words = {w.strip(".,:;'\"").lower() for w in headline.split()}
        if result.stance == "agree":
            predicted.append("observing" if words & hedges or ":" in headline or "report" in headline.lower() else "for")
        else:
            predicted.append({"disagree": "against"}.get(result.stance, "observing"))
    report("emergent", [g for _, _, g in rows], predicted, ["for", "against", "observing"], started)


def run_unifiedfc(limit: int) -> None:
    started = time.perf_counter()
    folder = DATA / "unifiedfc"
    dev_ids = set()
    for line in (folder / "train_test_splits_dev.txt").read_text(encoding="utf-8").splitlines():
        if ":" in line:
            dev_ids |= set(line.split(":", 1)[1].split())
    rows = []
    for path in sorted((folder / "dataset").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        if item["id"] in dev_ids:
            rows += [(item["claim"], article, stance) for article, stance in zip(item["article"], item["stance"])
                     if article and article.strip()]
    rows = sample(rows, limit)
    results = assess_many([(c, a[:20000]) for c, a, _ in rows])
    report("unifiedfc (dev folds 2-5)", [g for _, _, g in rows], [four_way(r) for r in results],
           ["agree", "disagree", "discuss", "unrelated"], started)


def run_wice(limit: int) -> None:
    started = time.perf_counter()
    rows = [json.loads(line) for line in (DATA / "wice" / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    rows = sample(rows, limit)
    results = assess_many([(r["claim"], "\n".join(r["evidence"])) for r in rows])
    gold = ["supported" if r["label"] != "not_supported" else "not_supported" for r in rows]
    predicted = ["supported" if r.stance == "agree" else "not_supported" for r in results]
    report("wice, stance agree = supported (supported+partially vs not)", gold, predicted,
           ["supported", "not_supported"], started)
    # The source check's own rule (checker.verdict.source_confirms): similarity >= T and no verifiable conflict.
    # T by 5-fold CV over claims; the shipped value is in checker/data/verdict.toml.
    from checker.verdict import source_confirms, source_settings

    def confirm(result: StanceResult, threshold: float) -> str:
        return "supported" if source_confirms(result, threshold) else "not_supported"

    grid = [round(0.3 + 0.025 * i, 3) for i in range(17)]
    order = list(range(len(rows)))
    random.Random(5).shuffle(order)
    held = {}
    for fold in range(5):
        test = set(order[fold::5])
        train = [i for i in order if i not in test]
        best = max(grid, key=lambda t: (macro_f1([gold[i] for i in train], [confirm(results[i], t) for i in train],
                                                 ["supported", "not_supported"]), -t))
        held.update({i: confirm(results[i], best) for i in test})
        print(f"  fold {fold + 1}: threshold {best}")
    ids = sorted(held)
    report("wice source check, threshold by 5-fold CV", [gold[i] for i in ids], [held[i] for i in ids],
           ["supported", "not_supported"], started)
    shipped = source_settings()["min_similarity"]
    report(f"wice source check, shipped threshold {shipped}", gold, [confirm(r, shipped) for r in results],
           ["supported", "not_supported"], started)
    table = Counter((r["label"], res.stance) for r, res in zip(rows, results))
    for label in ("supported", "partially_supported", "not_supported"):
        print(f"  {label:<20} -> " + ", ".join(f"{s} {table[(label, s)]}" for s in ("agree", "disagree", "other")))


def run_fakes(limit: int) -> None:
    from checker.slots import read

    started = time.perf_counter()
    with (DATA / "fakes" / "fakes.csv").open(encoding="latin-1", newline="") as handle:
        rows = sample(list(csv.DictReader(handle)), limit)
    found = Counter()
    total = Counter()
    counted = {"dead", "people", "wounded", "troops"}
    for row in rows:
        quantities = read(row["article_content"]).quantities
        values = {q.number.value for q in quantities if q.thing in counted}
        for column in ("nb_children", "nb_civilians", "nb_noncivilians", "nb_women"):
            try:
                value = float(row[column])
            except ValueError:
                continue
            if value > 0:
                label = "true" if row["label"] == "1" else "fake"
                total[label] += 1
                found[label] += value in values
    for label in ("true", "fake"):
        print(f"fakes ({label} articles): casualty counts found as counts of dead/people/wounded "
              f"{found[label]}/{total[label]} = {found[label] / max(total[label], 1):.3f}")
    print(f"  articles n={len(rows)} ({time.perf_counter() - started:.0f} s)")


RUNS = {"fnc1": run_fnc1, "emergent": run_emergent, "unifiedfc": run_unifiedfc, "wice": run_wice, "fakes": run_fakes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=list(RUNS), choices=list(RUNS))
    parser.add_argument("--limit", type=int, default=0, help="seeded sample of this many pairs per set")
    args = parser.parse_args()
    for name in args.sets:
        RUNS[name](args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
