"""Hybrid search speed at 10k and 100k passages: one claim (p50/p95), 30 claims batched, peak memory.

The corpus is synthetic but varied: Arabic and English news-like sentences
from templates with random places, people, outlets and numbers, two per
passage. Every passage is embedded with the real model (USE v3 unless
CHECKER_EMBEDDING_MODEL says otherwise), so building the 100k store takes a
while the first time; the stores are kept in --dir and reused.

    .venv/bin/python scripts/bench_retrieval.py                  # 10k and 100k
    .venv/bin/python scripts/bench_retrieval.py --sizes 10000 --dir /tmp/checker-bench
    .venv/bin/python scripts/bench_retrieval.py --article ../shared/samples/baghdad_embassy_ar.txt
"""
from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlite_utils  # noqa: E402

from checker.embeddings import embed_missing  # noqa: E402
from checker.normalize import search_form  # noqa: E402
from checker.retrieval import search, search_many  # noqa: E402
from checker.store.db import open_db, run_write  # noqa: E402

PASSAGES_PER_DOCUMENT = 4
OUTLETS = {"afp": "AFP", "reuters": "Reuters", "ap": "AP", "aljazeera": "Al Jazeera", "alarabiya": "Al Arabiya",
           "shafaq": "Shafaq News", "ina": "INA", "wafa": "WAFA", "anadolu": "Anadolu", "israelhayom": "Israel Hayom"}
PLACES = [("Baghdad", "بغداد"), ("Basra", "البصرة"), ("Gaza", "غزة"), ("Beirut", "بيروت"), ("Damascus", "دمشق"),
          ("Amman", "عمان"), ("Cairo", "القاهرة"), ("Riyadh", "الرياض"), ("Tehran", "طهران"), ("Erbil", "أربيل"),
          ("Mosul", "الموصل"), ("Aden", "عدن"), ("Tripoli", "طرابلس"), ("Khartoum", "الخرطوم"), ("Doha", "الدوحة")]
PEOPLE = [("the prime minister", "رئيس الوزراء"), ("the foreign minister", "وزير الخارجية"),
          ("the health minister", "وزير الصحة"), ("a military spokesman", "متحدث عسكري"),
          ("the central bank governor", "محافظ البنك المركزي"), ("a security source", "مصدر أمني"),
          ("the UN envoy", "المبعوث الأممي"), ("the interior ministry", "وزارة الداخلية")]
THINGS = [("rockets", "صواريخ"), ("drones", "طائرات مسيرة"), ("mortar shells", "قذائف هاون")]
GOODS = [("oil", "النفط"), ("gold", "الذهب"), ("wheat", "القمح"), ("gas", "الغاز")]
EN = [
    "{n} {thing} were fired at a military base near {place} on {day}, {person} said.",
    "{person} said {n} people were killed and {m} wounded in an attack in {place}.",
    "Prices of {good} in {place} rose {p} percent this month, according to {outlet}.",
    "{outlet} reported that {person} met officials in {place} to discuss {good} exports.",
    "Authorities in {place} recorded {n} new cholera cases over the past week.",
    "The government in {place} approved a budget of {n} billion dollars for next year.",
    "{person} denied reports that {n} foreign troops had arrived in {place}.",
    "Protesters gathered in {place} for the {m}th day, {outlet} said.",
    "Flights between {place} and {place2} were suspended for {m} days after the strikes.",
    "A court in {place} sentenced {m} people over the bombing, {person} said.",
]
AR = [
    "أطلقت {n} {thing} على قاعدة عسكرية قرب {place} يوم {day}، بحسب {person}.",
    "قال {person} إن {n} أشخاص قتلوا وأصيب {m} آخرون في هجوم في {place}.",
    "ارتفعت أسعار {good} في {place} بنسبة {p} بالمئة هذا الشهر، وفقا لـ{outlet}.",
    "ذكرت {outlet} أن {person} التقى مسؤولين في {place} لبحث صادرات {good}.",
    "سجلت السلطات في {place} {n} إصابة جديدة بالكوليرا خلال الأسبوع الماضي.",
    "أقرت الحكومة في {place} موازنة بقيمة {n} مليار دولار للعام المقبل.",
    "نفى {person} تقارير عن وصول {n} جندي أجنبي إلى {place}.",
    "تجمع محتجون في {place} لليوم الـ{m} على التوالي، بحسب {outlet}.",
    "علقت الرحلات بين {place} و{place2} لمدة {m} أيام بعد الضربات.",
    "أصدرت محكمة في {place} أحكاما بحق {m} أشخاص بسبب التفجير، بحسب {person}.",
]
DAYS = [("Sunday", "الأحد"), ("Monday", "الاثنين"), ("Tuesday", "الثلاثاء"), ("Friday", "الجمعة")]


def sentence(rng: random.Random, arabic: bool) -> str:
    side = 1 if arabic else 0
    place, place2 = rng.sample(PLACES, 2)
    return rng.choice(AR if arabic else EN).format(
        n=rng.randint(2, 5000), m=rng.randint(2, 60), p=rng.randint(1, 40), place=place[side], place2=place2[side],
        person=rng.choice(PEOPLE)[side], thing=rng.choice(THINGS)[side], good=rng.choice(GOODS)[side],
        day=rng.choice(DAYS)[side], outlet=rng.choice(list(OUTLETS.values())))


def passage(rng: random.Random) -> str:
    arabic = rng.random() < 0.5
    return " ".join(sentence(rng, arabic) for _ in range(2))


def grow(db: sqlite_utils.Database, target: int, rng: random.Random) -> None:
    """Add documents until the store holds `target` passages, then embed what is new."""
    have = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    db["outlets"].insert_all([{"id": key, "name": name, "aliases": "[]", "origin": "registry"}
                              for key, name in OUTLETS.items()], ignore=True)

    def write() -> None:
        for start in range(have, target, PASSAGES_PER_DOCUMENT):
            texts = [passage(rng) for _ in range(min(PASSAGES_PER_DOCUMENT, target - start))]
            document = db["documents"].insert({
                "text": "\n\n".join(texts), "content_hash": f"bench-{start}", "outlet_id": rng.choice(list(OUTLETS)),
                "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "language": "ar" if any("\u0600" <= c <= "\u06ff" for c in texts[0]) else "en"}).last_pk
            db["passages"].insert_all({"document_id": document, "idx": i, "text": text,
                                       "search_text": search_form(text), "start": 0, "end": len(text)}
                                      for i, text in enumerate(texts))

    started = time.perf_counter()
    run_write(db, write)
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    embedded = embed_missing(db)
    seconds = time.perf_counter() - started
    if embedded:
        print(f"  built: {target - have} passages inserted in {inserted:.1f} s; {embedded} embedded in {seconds:.0f} s "
              f"({embedded / seconds:.0f} passages/s)")


def claims(rng: random.Random, count: int) -> list[str]:
    return [sentence(rng, arabic=i % 2 == 0) for i in range(count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(db: sqlite_utils.Database, size: int, queries: list[str]) -> None:
    started = time.perf_counter()
    search(db, queries[0], k=10)
    cold = time.perf_counter() - started
    single = []
    for _ in range(3):
        for query in queries:
            started = time.perf_counter()
            search(db, query, k=10)
            single.append(time.perf_counter() - started)
    batched = []
    for _ in range(5):
        started = time.perf_counter()
        search_many(db, queries, k=10)
        batched.append(time.perf_counter() - started)
    filtered = []
    for query in queries:
        started = time.perf_counter()
        search(db, query, k=10, outlet="reuters", since="2024-03-01", until="2024-06-30")
        filtered.append(time.perf_counter() - started)
    print(f"  {size:>7} passages: first query (loads the vector matrix) {cold * 1000:.0f} ms")
    print(f"  {size:>7} passages: one claim p50 {statistics.median(single) * 1000:.1f} ms, "
          f"p95 {percentile(single, 0.95) * 1000:.1f} ms ({len(single)} searches)")
    print(f"  {size:>7} passages: one claim with outlet+date filter p50 {statistics.median(filtered) * 1000:.1f} ms")
    print(f"  {size:>7} passages: {len(queries)} claims batched (search_many) p50 "
          f"{statistics.median(batched) * 1000:.0f} ms, max {max(batched) * 1000:.0f} ms")


def measure_article(db: sqlite_utils.Database, size: int, article: Path) -> None:
    """The whole evidence stage (retrieval + stance) for a real article, warm."""
    from checker.pipeline import analyze
    from checker.verdict import check_analysis

    analysis = analyze(article.read_text(encoding="utf-8"))
    check_analysis(db, analysis, k=5)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        check_analysis(db, analysis, k=5)
        runs.append(time.perf_counter() - started)
    print(f"  {size:>7} passages: evidence stage for {article.name} ({len(analysis.claims)} claims) "
          f"p50 {statistics.median(runs) * 1000:.0f} ms warm")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/checker-bench"))
    parser.add_argument("--claims", type=int, default=30)
    parser.add_argument("--article", type=Path, help="also time checker.verdict.check_analysis on this article")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    queries = claims(random.Random(7), args.claims)
    previous: Path | None = None
    for size in sorted(args.sizes):
        path = args.dir / f"bench-{size}.db"
        if not path.exists() and previous is not None:
            shutil.copyfile(previous, path)  # grow the smaller store instead of embedding it all again
        print(f"store {path}")
        db = open_db(path)
        grow(db, size, random.Random(size))
        measure(db, size, queries)
        if args.article:
            measure_article(db, size, args.article)
        db.conn.close()
        previous = path
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
