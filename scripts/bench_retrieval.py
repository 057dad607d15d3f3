"""Hybrid search at archive scale: build time, disk, ANN recall@10 against the exact scan, p50/p95, peak RSS.

    .venv/bin/python scripts/bench_retrieval.py                       # 100k (model vectors) and 1M (sentence vectors)
    .venv/bin/python scripts/bench_retrieval.py --sizes 100000 --vectors model
    .venv/bin/python scripts/bench_retrieval.py --sizes 1000000 --article ../shared/samples/baghdad_embassy_ar.txt
    .venv/bin/python scripts/bench_retrieval.py --sizes 10000000      # resumable: re-run after an interruption

The corpus is synthetic but varied: Arabic and English news-like sentences
from templates with random places, people, outlets and numbers, two per
passage, four passages per document. Vectors, by `--vectors`:

- `model`: every passage embedded by the real model (USE v3), as an import
  would; ~100-300 passages/s here, so used up to a few hundred thousand;
- `sentences` (default above 200k): a pool of POOL distinct sentences is
  embedded by the real model once, and a passage's vector is the normalised
  sum of its two sentences' vectors (USE averages words, so this is close to
  embedding the passage; embedding 1M passages one by one would take hours on
  this 2-core machine). Claims are always encoded by the real model.

Stores are built once in --dir and grown in place (an interrupted build
resumes: rows are committed in chunks and the ANN files are saved every
SAVE_EVERY vectors). The measurements run in a fresh subprocess, so the peak
RSS printed is that of a process that only searches (plus the analyze run); the
exact scan that recall is measured against runs in a process of its own.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import sqlite_utils  # noqa: E402

from checker.normalize import search_form  # noqa: E402
from checker.store.db import open_db, run_write  # noqa: E402

PASSAGES_PER_DOCUMENT = 4
POOL = 40_000
CHUNK = 20_000
SAVE_EVERY = 1_000_000
BUILD_THREADS = 2  # the one-off index build uses both cores (run it niced)
SAMPLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"
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


class SentencePool:
    """POOL sentences per language, embedded once by the real model and kept beside the stores."""

    def __init__(self, folder: Path, model: str, size: int = POOL) -> None:
        path = folder / f"sentence-pool-{size}.npz"
        if path.exists():
            data = np.load(path, allow_pickle=False)
            self.texts, self.vectors = [str(t) for t in data["texts"]], data["vectors"]
        else:
            from checker.embeddings import encode

            rng = random.Random(11)
            self.texts = list(dict.fromkeys(sentence(rng, arabic=i % 2 == 0) for i in range(size)))
            started = time.perf_counter()
            self.vectors = encode(self.texts, model)
            print(f"  sentence pool: {len(self.texts)} sentences embedded in {time.perf_counter() - started:.0f} s")
            np.savez(path, texts=np.array(self.texts), vectors=self.vectors)
        self.arabic = [i for i, text in enumerate(self.texts) if any("\u0600" <= c <= "\u06ff" for c in text)]
        self.english = [i for i in range(len(self.texts)) if i not in set(self.arabic)]

    def passage(self, rng: random.Random) -> tuple[str, np.ndarray]:
        side = self.arabic if rng.random() < 0.5 else self.english
        first, second = rng.choice(side), rng.choice(side)
        vector = self.vectors[first] + self.vectors[second]
        return f"{self.texts[first]} {self.texts[second]}", (vector / np.linalg.norm(vector)).astype(np.float32)


def grow(db: sqlite_utils.Database, target: int, vectors: str, folder: Path, model: str, pool_size: int = POOL
         ) -> float:
    """Add documents (and vectors) until the store holds `target` passages; returns the seconds spent."""
    have = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    if have >= target:
        return 0.0
    db["outlets"].insert_all([{"id": key, "name": name, "aliases": "[]", "origin": "registry"}
                              for key, name in OUTLETS.items()], ignore=True)
    pool = SentencePool(folder, model, pool_size) if vectors == "sentences" else None
    rng = random.Random(target * 7919 + have)
    started = time.perf_counter()
    for start in range(have, target, CHUNK):
        end = min(target, start + CHUNK)
        rows = [pool.passage(rng) if pool else (passage(rng), None) for _ in range(end - start)]
        run_write(db, lambda rows=rows, start=start: _insert(db, rows, start, rng, model))
        if start // CHUNK % 10 == 0:
            print(f"  {end:,} passages stored ({time.perf_counter() - started:.0f} s)", flush=True)
    if pool is None:
        from checker.embeddings import embed_missing

        embedded = time.perf_counter()
        count = embed_missing(db, model)
        print(f"  {count:,} passages embedded by the model in {time.perf_counter() - embedded:.0f} s")
    return time.perf_counter() - started


def _insert(db: sqlite_utils.Database, rows: list[tuple[str, np.ndarray | None]], start: int, rng: random.Random,
            model: str) -> None:
    conn = db.conn
    outlets = list(OUTLETS)
    for offset in range(0, len(rows), PASSAGES_PER_DOCUMENT):
        texts = rows[offset:offset + PASSAGES_PER_DOCUMENT]
        number = start + offset
        document = conn.execute(
            "INSERT INTO documents (text, content_hash, outlet_id, published, language) VALUES (?, ?, ?, ?, ?)",
            ["\n\n".join(text for text, _ in texts), f"bench-{number}", rng.choice(outlets),
             f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             "ar" if any("\u0600" <= c <= "\u06ff" for c in texts[0][0]) else "en"]).lastrowid
        for idx, (text, vector) in enumerate(texts):
            pid = conn.execute("INSERT INTO passages (document_id, idx, text, search_text, start, \"end\") "
                               "VALUES (?, ?, ?, ?, 0, ?)", [document, idx, text, search_form(text), len(text)]).lastrowid
            if vector is not None:
                conn.execute("INSERT INTO embeddings (passage_id, model, dim, vector) VALUES (?, ?, ?, ?)",
                             [pid, model, len(vector), vector.tobytes()])


def build_index(db: sqlite_utils.Database, model: str) -> float:
    """Bring the ANN files up to date (resumable: saved every SAVE_EVERY vectors); returns the seconds spent."""
    from checker.index import index_folder
    from checker.index.ann import AnnIndex
    from checker.index.settings import index_settings

    index = AnnIndex(model, index_folder(db), index_settings(), threads=BUILD_THREADS)
    latest = db.execute("SELECT coalesce(max(rowid), 0) FROM embeddings").fetchone()[0]
    if index.last_rowid >= latest:
        return 0.0
    started = time.perf_counter()
    while index.last_rowid < latest:
        index.refresh(db, until=min(latest, index.last_rowid + SAVE_EVERY))
        index.save()
        print(f"  ANN index: {index.size:,} vectors ({time.perf_counter() - started:.0f} s)", flush=True)
    return time.perf_counter() - started


def claims(count: int) -> list[str]:
    rng = random.Random(7)
    return [sentence(rng, arabic=i % 2 == 0) for i in range(count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def exact_top(db: sqlite_utils.Database, model: str, queries: np.ndarray, k: int) -> list[set[int]]:
    """The true top-k by streaming every stored vector in chunks (bounded memory), for recall."""
    best_scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_ids = np.zeros((len(queries), k), dtype=np.int64)
    last = 0
    while True:
        rows = db.execute("SELECT rowid, passage_id, vector FROM embeddings WHERE model = ? AND rowid > ? "
                          "ORDER BY rowid LIMIT 100000", [model, last]).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        ids = np.fromiter((row[1] for row in rows), dtype=np.int64, count=len(rows))
        matrix = np.frombuffer(b"".join(row[2] for row in rows), dtype=np.float32).reshape(len(rows), -1)
        scores = np.concatenate([best_scores, queries @ matrix.T], axis=1)
        pool = np.concatenate([best_ids, np.broadcast_to(ids, (len(queries), len(ids)))], axis=1)
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        best_scores, best_ids = np.take_along_axis(scores, top, axis=1), np.take_along_axis(pool, top, axis=1)
    return [set(row.tolist()) for row in best_ids]


def exact_truth(path: Path, db: sqlite_utils.Database, count: int) -> list[set[int]]:
    """The exact top 10 of each claim, from a process of its own (the reference scan is not what a desk that
    searches holds in memory), kept beside the store for re-runs until the store grows."""
    rows = db.execute("SELECT coalesce(max(rowid), 0) FROM embeddings").fetchone()[0]
    cache = Path(f"{path}.exact-{count}-{rows}.json")
    if not cache.exists():
        subprocess.run([sys.executable, __file__, "--exact", str(path), "--claims", str(count)], check=True)
    return [set(ids) for ids in json.loads(cache.read_text())]


def write_exact_truth(path: Path, count: int) -> None:
    from checker.embeddings import encode, model_key

    db = open_db(path)
    model = model_key()
    truth = exact_top(db, model, encode(claims(count), model), 10)
    rows = db.execute("SELECT coalesce(max(rowid), 0) FROM embeddings").fetchone()[0]
    Path(f"{path}.exact-{count}-{rows}.json").write_text(json.dumps([sorted(ids) for ids in truth]))


def measure(path: Path, article: Path | None, count: int) -> dict[str, float]:
    """Run in a fresh process: what a desk that only searches this store costs."""
    from checker.embeddings import encode, model_key
    from checker.index import dense_search
    from checker.retrieval import search

    db = open_db(path)
    model = model_key()
    queries = claims(count)
    started = time.perf_counter()
    search(db, queries[0], k=10)
    result: dict[str, float] = {"first_query_s": round(time.perf_counter() - started, 2)}
    single = []
    for _ in range(3):
        for query in queries:
            started = time.perf_counter()
            search(db, query, k=10)
            single.append(time.perf_counter() - started)
    result |= {"p50_ms": round(statistics.median(single) * 1000, 1), "p95_ms": round(percentile(single, 0.95) * 1000, 1)}
    ann = dense_search(db, model)
    vectors = encode(queries, model)
    if ann is not None:
        dense = []
        for vector in vectors:
            started = time.perf_counter()
            ann.nearest(vector[None, :], 10)
            dense.append(time.perf_counter() - started)
        found = ann.nearest(vectors, 10)
        truth = exact_truth(path, db, count)
        result |= {"ann_p50_ms": round(statistics.median(dense) * 1000, 2),
                   "recall_at_10": round(sum(len(set(f) & t) for f, t in zip(found, truth)) / (10 * len(truth)), 4)}
    if article:
        from checker.pipeline import analyze
        from checker.verdict import check_analysis

        text = article.read_text(encoding="utf-8")
        check_analysis(db, analyze(text), k=5)
        runs, evidence = [], []
        for _ in range(3):
            started = time.perf_counter()
            analysis = analyze(text)
            middle = time.perf_counter()
            check_analysis(db, analysis, k=5)
            runs.append(time.perf_counter() - started)
            evidence.append(time.perf_counter() - middle)
        result |= {"article_claims": len(analysis.claims), "analyze_warm_s": round(statistics.median(runs), 3),
                   "evidence_stage_warm_s": round(statistics.median(evidence), 3)}
    result["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def disk_mib(path: Path) -> tuple[float, float]:
    folder = Path(f"{path}.ann")
    index = sum(f.stat().st_size for f in folder.iterdir()) if folder.exists() else 0
    db = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    return round(db / 2**20), round(index / 2**20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--vectors", choices=["auto", "model", "sentences"], default="auto")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/checker-bench"))
    parser.add_argument("--claims", type=int, default=30)
    parser.add_argument("--pool", type=int, default=POOL, help="sentences embedded for `sentences` vectors")
    parser.add_argument("--article", type=Path, help="also time the full analyze of this article (default: the "
                                                     "sample article when it is there)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--exact", type=Path, help=argparse.SUPPRESS)  # the reference scan's process
    args = parser.parse_args()
    article = args.article or (SAMPLE if SAMPLE.is_file() else None)
    if args.exact:
        write_exact_truth(args.exact, args.claims)
        return
    if args.measure:
        print(json.dumps(measure(args.measure, article, args.claims)))
        return
    from checker.embeddings import model_key

    args.dir.mkdir(parents=True, exist_ok=True)
    model = model_key()
    for size in sorted(args.sizes):
        kind = args.vectors if args.vectors != "auto" else ("model" if size <= 200_000 else "sentences")
        path = args.dir / (f"bench-{size}.db" if kind == "model" else f"bench-{size}-{kind}.db")
        print(f"store {path} ({size:,} passages, {kind} vectors)", flush=True)
        db = open_db(path)
        log = path.with_suffix(".build.json")  # build times survive a re-run that only measures
        built = json.loads(log.read_text()) if log.exists() else {"store_build_s": 0, "index_build_s": 0}
        built["store_build_s"] += round(grow(db, size, kind, args.dir, model, args.pool))
        built["index_build_s"] += round(build_index(db, model))
        log.write_text(json.dumps(built))
        db.conn.close()
        child = subprocess.run([sys.executable, __file__, "--measure", str(path), "--claims", str(args.claims),
                                *(["--article", str(article)] if article else [])], capture_output=True, text=True)
        if child.returncode:
            print(child.stderr[-3000:])
            continue
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        database, index = disk_mib(path)
        figures |= {"passages": size, "vectors": kind, **built, "db_mib": database, "index_mib": index}
        print("  " + json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
