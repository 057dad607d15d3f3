"""Import speed: passages per second for a generated JSONL batch, without and with embeddings.

    .venv/bin/python scripts/bench_ingest.py [--docs 2000] [--skip-embed]

Each run imports into a fresh temporary database, so the figures include
outlet resolution, hashing, passage splitting, FTS5 indexing and the commit.
Peak memory is the process maximum (ru_maxrss) after each run.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.store.db import open_db  # noqa: E402
from checker.store.ingest import import_file  # noqa: E402

OUTLETS = ["AFP", "فرانس برس", "Reuters", "رويترز", "Associated Press", "Newsweek", "Israel Hayom", "Baghdad Today"]
CITIES = ["Baghdad", "Erbil", "Basra", "Damascus", "Deir ez-Zor", "Beirut", "Amman", "Kirkuk"]
CITIES_AR = ["بغداد", "أربيل", "البصرة", "دمشق", "دير الزور", "بيروت", "عمّان", "كركوك"]
EN = [
    "{n} rockets were fired at a base near {city} on {day}, a security official said.",
    "The attack caused no casualties, according to a statement by the coalition.",
    "About {m} troops are stationed in the area, officials told reporters.",
    "A spokesperson urged the government to protect diplomatic missions in {city}.",
    "Local media reported that sirens sounded for {n} minutes before the impacts.",
]
AR = [
    "أطلقت {n} صواريخ على قاعدة قرب {city} يوم {day}، بحسب مسؤول أمني.",
    "ولم يسفر الهجوم عن إصابات وفق بيان للتحالف الدولي.",
    "ويتمركز نحو {m} جندي في المنطقة بحسب مسؤولين.",
    "وحث متحدث الحكومة على حماية البعثات الدبلوماسية في {city}.",
    "وأفادت وسائل إعلام محلية بأن صفارات الإنذار دوت لمدة {n} دقائق قبل سقوط الصواريخ.",
]
DAYS = ["Monday", "Tuesday", "Friday", "Sunday"]
DAYS_AR = ["الاثنين", "الثلاثاء", "الجمعة", "الأحد"]


def generate(path: Path, docs: int, seed: int = 7) -> None:
    """News-like reports, half Arabic, 3-5 sentences each, all distinct."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(docs):
            arabic = i % 2 == 0
            templates, cities, days = (AR, CITIES_AR, DAYS_AR) if arabic else (EN, CITIES, DAYS)
            city, day = rng.choice(cities), rng.choice(days)
            sentences = [t.format(n=rng.randint(2, 40), m=rng.randint(5, 40) * 100, city=city, day=day)
                         for t in rng.sample(templates, rng.randint(3, 5))]
            row = {"text": " ".join(sentences) + f" ({i})", "outlet": rng.choice(OUTLETS),
                   "published": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "url": f"https://example.org/bench/{i}"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def run(batch: Path, embed: bool) -> None:
    """One import into a fresh database: wall-clock and CPU-time rates (the machine is shared: the CPU rate is
    what one free core gives), with the load average at the start."""
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "bench.db")
        load = os.getloadavg()[0]
        started, cpu = time.perf_counter(), time.process_time()
        result = import_file(db, batch, embed=embed)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        passages = len(result.passage_ids)
        embedded = db.execute("SELECT count(*) FROM embeddings").fetchone()[0]
        grouped = db.execute("SELECT count(DISTINCT group_id) FROM passage_groups").fetchone()[0]
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        label = "with embeddings" if embed else "without embeddings"
        print(f"{label:>20}: {result.added} docs, {passages} passages ({embedded} embedded, {grouped} distinct "
              f"reports) in {elapsed:.2f} s = {passages / elapsed:,.0f} passages/s wall-clock, "
              f"{passages / cpu:,.0f} passages per CPU-second; load average {load:.1f}; peak RSS {peak_mb:,.0f} MB")
        for note in result.notes:
            print(f"{'':>22}{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--skip-embed", action="store_true", help="only the run without embeddings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "batch.jsonl"
        generate(batch, args.docs)
        print(f"generated {args.docs} documents ({batch.stat().st_size / 1024:,.0f} KB JSONL)")
        run(batch, embed=False)
        if not args.skip_embed:
            from checker.embeddings import encode

            encode(["warm-up"])  # one model load per process, outside the timing (as in the watch loop)
            run(batch, embed=True)


if __name__ == "__main__":
    main()
