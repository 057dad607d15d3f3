"""Milvus Lite beside the embedded usearch index: same queries, recall@10, p50/p95, build and insert time.

Reads a bench store built by scripts/bench_retrieval.py (sentence-pool USE v3
vectors, outlets and days on the documents), and for each size N indexes its
first N embeddings twice, through checker's own classes: the usearch files
(`AnnIndex`, int8 HNSW, exact rescoring; built with BUILD_THREADS) and a Milvus
Lite file (`MilvusIndex`, the code that also serves a Milvus server: insert,
flush, HNSW per segment). The queries are claims from bench_retrieval's
templates encoded by the real model; each backend answers them one at a time
with retrieval's depth (DEPTH), and the exact scan of the same N vectors is
the reference for recall@10. The filtered run adds an outlet and a six-month
window: usearch gets the allowed ids from SQL (as retrieval does), Milvus the
filter expression.

    nice -n 10 .venv/bin/python scripts/bench_milvus.py --store /tmp/checker-bench/bench-1000000-sentences.db \\
        --sizes 100000 1000000

Indexes are kept beside the store (`<store>.bench-<N>/`), so a re-run only measures. One JSON line per size
and backend; the load average is printed with each (2 shared cores: wall times move with it, CPU times less).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402

from checker.store.db import open_db  # noqa: E402

QUERIES = 300
K = 10
DEPTH = 50  # what retrieval asks each side for (MIN_CANDIDATES)
BUILD_THREADS = 2
INDEX_WAIT_S = 3600


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def disk_mib(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 2**20)


def first_vectors(db, model: str, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Passage ids and vectors of the first `size` embeddings (the store being measured)."""
    ids, blobs = [], []
    for start in range(0, size, 100_000):
        rows = db.execute("SELECT passage_id, vector FROM embeddings WHERE model = ? ORDER BY rowid LIMIT ? OFFSET ?",
                          [model, min(100_000, size - start), start]).fetchall()
        ids.extend(row[0] for row in rows)
        blobs.extend(row[1] for row in rows)
    return np.array(ids, dtype=np.int64), np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1)


def exact_top(ids: np.ndarray, matrix: np.ndarray, queries: np.ndarray,
              allowed: list[np.ndarray] | None = None) -> list[list[int]]:
    """The reference: top K by exact cosine (among each query's allowed ids)."""
    found = []
    for start in range(0, len(queries), 50):
        scores = queries[start:start + 50] @ matrix.T
        for row, line in enumerate(scores):
            if allowed is not None:
                line[~np.isin(ids, allowed[start + row])] = -np.inf
            top = np.argpartition(-line, K)[:K]
            found.append([int(ids[i]) for i in top[np.argsort(-line[top])] if np.isfinite(line[i])])
    return found


def timed(search, queries: np.ndarray, truth: list[list[int]]) -> dict[str, float]:
    times, cpu, hits = [], [], 0
    for query, expected in zip(queries, truth):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = search(query[None, :])[0][:K]
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        hits += len(set(found) & set(expected))
    return {"recall_at_10": round(hits / (K * len(queries)), 4), "p50_ms": round(percentile(times, 0.5) * 1000, 1),
            "p95_ms": round(percentile(times, 0.95) * 1000, 1),
            "cpu_p50_ms": round(percentile(cpu, 0.5) * 1000, 1)}


def build_usearch(db, model: str, folder: Path, until: int) -> tuple[object, dict]:
    from checker.index.ann import AnnIndex
    from checker.index.settings import IndexSettings

    started, started_cpu = time.perf_counter(), time.process_time()
    index = AnnIndex(model, folder, IndexSettings(), threads=BUILD_THREADS)
    fresh = index.last_rowid < until
    index.refresh(db, until=until)
    index.save()
    built = {"build_s": round(time.perf_counter() - started), "build_cpu_s": round(time.process_time() - started_cpu)}
    return index, built if fresh else {"build": "reused"}


def build_milvus(db, model: str, path: Path, until: int) -> tuple[object, dict]:
    from checker.index.milvus import MilvusIndex, MilvusTarget, client_for, close
    from checker.index.settings import IndexSettings

    target = MilvusTarget(str(path))
    started, started_cpu = time.perf_counter(), time.process_time()
    index = MilvusIndex(client_for(target), model, IndexSettings())
    fresh = index.last_rowid < until
    sent = index.refresh(db, until=until)
    figures: dict = {"insert_s": round(time.perf_counter() - started),
                     "insert_cpu_s": round(time.process_time() - started_cpu), "rows_sent": sent}
    started, started_cpu = time.perf_counter(), time.process_time()
    index.client.flush(index.name)
    while time.perf_counter() - started < INDEX_WAIT_S:  # segments are indexed in the background
        state = index.client.describe_index(index.name, "vector")
        if int(state.get("pending_index_rows", 0)) == 0:
            break
        time.sleep(2)
    figures |= {"index_s": round(time.perf_counter() - started),
                "index_cpu_s": round(time.process_time() - started_cpu)}
    close(target)  # a fresh open, as a new desk process would: load the segments and their indexes
    started = time.perf_counter()
    index = MilvusIndex(client_for(target), model, IndexSettings())
    figures["open_s"] = round(time.perf_counter() - started, 1)
    return index, figures if fresh else {"build": "reused", "open_s": figures["open_s"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=QUERIES)
    parser.add_argument("--only", choices=["usearch", "milvus"])
    args = parser.parse_args()
    from bench_retrieval import OUTLETS, claims

    from checker.embeddings import encode, model_key
    from checker.retrieval import Filters, _allowed_passages

    db = open_db(args.store)
    model = model_key()
    queries = encode(claims(args.queries), model)
    rng = random.Random(3)
    filters = [Filters(outlet_id=rng.choice(list(OUTLETS)), since="2024-03-01", until="2024-08-31")
               for _ in queries]
    for size in sorted(args.sizes):
        row = db.execute("SELECT rowid, passage_id FROM embeddings WHERE model = ? ORDER BY rowid LIMIT 1 OFFSET ?",
                         [model, size - 1]).fetchone()
        if row is None:
            print(f"{args.store} holds fewer than {size:,} vectors", flush=True)
            break
        until, last_passage = row
        folder = args.store.with_name(f"{args.store.name}.bench-{size}")
        folder.mkdir(exist_ok=True)
        ids, matrix = first_vectors(db, model, size)
        truth = exact_top(ids, matrix, queries)
        allowed = {f: _clip(_allowed_passages(db, f), last_passage) for f in set(filters)}
        filtered_truth = exact_top(ids, matrix, queries, [allowed[f] for f in filters])
        del ids, matrix
        for backend in ("usearch", "milvus"):
            if args.only and backend != args.only:
                continue
            if backend == "usearch":
                index, built = build_usearch(db, model, folder / "usearch", until)
                search = index.bound(db)
                plain = timed(lambda q: search.nearest(q, DEPTH), queries, truth)
                pending = iter(filters)
                filtered = timed(lambda q: search.nearest(q, DEPTH, _clip(_allowed_passages(db, next(pending)),
                                                                           last_passage)), queries, filtered_truth)
                disk = disk_mib(folder / "usearch")
            else:
                index, built = build_milvus(db, model, folder / "milvus.db", until)
                search = index.bound()
                plain = timed(lambda q: search.nearest(q, DEPTH), queries, truth)
                pending = iter(filters)
                filtered = timed(lambda q: search.nearest(q, DEPTH, filters=next(pending)), queries, filtered_truth)
                disk = disk_mib(folder / "milvus.db")
            print(json.dumps({"backend": backend, "vectors": size, **built, **plain,
                              **{f"filtered_{key}": value for key, value in filtered.items()}, "disk_mib": disk,
                              "queries": len(queries), "load_avg": [round(x, 1) for x in os.getloadavg()]}),
                  flush=True)


def _clip(ids: np.ndarray, last_passage: int) -> np.ndarray:
    """The allowed ids within the first N passages (the store being measured)."""
    return ids[ids <= last_passage]


if __name__ == "__main__":
    main()
