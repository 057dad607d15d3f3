"""Speed of the evidence stage: `check_analysis` on the sample article against a large evidence store.

    .venv/bin/python scripts/bench_verdict.py [--passages 100000] [--db PATH] [--runs 5]

Builds (once; reused when --db already holds it) a store of generated one-passage
reports in Arabic and English plus the demo seed, then times the full check
(batched retrieval, stance checks with the stance cross-encoder when installed,
verdicts, source checks) of the sample article's claims, warm. Target (issue 9):
< 1.5 s on 2 cores with the cross-encoder. Printed: wall and CPU time (CPU time
is the figure to trust on a shared machine), the load average, the pairs the
cross-encoder read and its share of the time. CHECKER_STANCE_CROSS_ENCODER=0
measures without it, CHECKER_STANCE_BF16=0 in float32.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.pipeline import analyze  # noqa: E402
from checker.store.db import open_db  # noqa: E402
from checker.store.ingest import import_file, load_seed  # noqa: E402
from checker import stance  # noqa: E402
from checker.verdict import check_analysis  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"
OUTLETS = ["AFP", "Reuters", "Associated Press", "Newsweek", "Israel Hayom", "Al Jazeera", "BBC", "Baghdad Today"]
CITIES = ["Baghdad", "Erbil", "Basra", "Damascus", "Beirut", "Amman", "Kirkuk", "Mosul", "Aleppo", "Gaza"]
CITIES_AR = ["بغداد", "أربيل", "البصرة", "دمشق", "بيروت", "عمّان", "كركوك", "الموصل", "حلب", "غزة"]
EN = [
    "{n} rockets were fired at a base near {city} on day {d}, a security official said, and about {m} troops are stationed there.",
    "The ministry in {city} said {n} people were wounded and {m} families displaced in report {d}.",
    "Prices in {city} rose {n} percent in month {d}, while {m} shops closed, the chamber of commerce said.",
]
AR = [
    "أطلقت {n} صواريخ على قاعدة قرب {city} في اليوم {d} بحسب مسؤول أمني، ويتمركز نحو {m} جندي هناك.",
    "قالت الوزارة في {city} إن {n} أشخاص أصيبوا ونزحت {m} عائلة في التقرير {d}.",
    "ارتفعت الأسعار في {city} بنسبة {n} في المئة في الشهر {d} وأغلق {m} متجرا بحسب غرفة التجارة.",
]


def build(db_path: Path, passages: int) -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "bench.jsonl"
        with batch.open("w", encoding="utf-8") as handle:
            for i in range(passages):
                arabic = i % 2 == 0
                template = rng.choice(AR if arabic else EN)
                text = template.format(n=rng.randint(2, 90), m=rng.randint(1, 60) * 100, d=i,
                                       city=rng.choice(CITIES_AR if arabic else CITIES))
                handle.write(json.dumps({"text": text, "outlet": rng.choice(OUTLETS),
                                         "published": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
                                        ensure_ascii=False) + "\n")
        db = open_db(db_path)
        started = time.perf_counter()
        print(import_file(db, batch).summary().splitlines()[0], f"({time.perf_counter() - started:.0f} s)")
        load_seed(db)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "checker_bench_verdict.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = open_db(args.db)
    stored = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    if stored < args.passages:
        build(args.db, args.passages - stored)
        db = open_db(args.db)
        stored = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    analysis = analyze(SAMPLE.read_text(encoding="utf-8"))
    started = time.perf_counter()
    checks = check_analysis(db, analysis)
    first = time.perf_counter() - started
    crossed: list[tuple[int, float, float]] = []  # pairs, wall, CPU of each cross-encoder call
    read = stance.cross_encoder_probabilities

    def timed(pairs):
        wall, cpu = time.perf_counter(), time.process_time()
        probabilities = read(pairs)
        crossed.append((len(pairs), time.perf_counter() - wall, time.process_time() - cpu))
        return probabilities

    stance.cross_encoder_probabilities = timed
    walls, cpus, loads = [], [], []
    for _ in range(args.runs):
        crossed.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        check_analysis(db, analysis)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        loads.append(os.getloadavg()[0])
    stance.cross_encoder_probabilities = read
    labels = [check.verdict.label for check in checks]
    print(f"{len(analysis.claims)} claims against {stored} passages: first (cold index) {first:.2f} s, "
          f"warm median wall {statistics.median(walls):.3f} s (min {min(walls):.3f}), "
          f"CPU {statistics.median(cpus):.3f} s (min {min(cpus):.3f}), runs {args.runs}, "
          f"load average {min(loads):.1f}-{max(loads):.1f}")
    if stance.cross_encoder_installed():
        from checker.encoder.stance import bf16_enabled

        pairs, wall, cpu = crossed[-1] if crossed else (0, 0.0, 0.0)
        print(f"stance cross-encoder ({'bfloat16' if bf16_enabled() else 'float32'}, int8 attention "
              f"{stance.cross_encoder_int8()}): {pairs} pairs in the last run, wall {wall:.3f} s, CPU {cpu:.3f} s")
    else:
        print("stance cross-encoder: off")
    print("verdicts:", {label: labels.count(label) for label in sorted(set(labels))})
    return 0


if __name__ == "__main__":
    sys.exit(main())
