"""Which ANN library for the dense side: build time, recall@10 against the exact scan, p50/p95, memory.

Reads N stored vectors (USE v3, 512-d) from a bench store built by
scripts/bench_retrieval.py, holds out 300 of them as queries, and measures each
candidate in its own subprocess (so each peak RSS is its own):

    .venv/bin/python scripts/bench_ann.py --db /tmp/checker-bench/bench-100000.db
    .venv/bin/python scripts/bench_ann.py --db ... --only usearch-i8

Candidates: usearch HNSW with int8 and with binary (b1, Hamming) storage, and
faiss HNSW over 8-bit scalar-quantised vectors; every candidate's top
`RESCORE` hits are re-scored with the exact float32 cosine, as checker does.
"""
from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

QUERIES = 300
K = 10
RESCORE = 50
CANDIDATES = ("usearch-i8", "usearch-b1", "faiss-hnsw-sq8")


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def load(db_path: Path, limit: int) -> np.ndarray:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = conn.execute("SELECT vector FROM embeddings ORDER BY rowid LIMIT ?", [limit]).fetchall()
    return np.frombuffer(b"".join(row[0] for row in rows), dtype=np.float32).reshape(len(rows), -1)


def exact(base: np.ndarray, queries: np.ndarray) -> np.ndarray:
    scores = queries @ base.T
    top = np.argpartition(-scores, K, axis=1)[:, :K]
    return np.take_along_axis(top, np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1), axis=1)


def rescored(base: np.ndarray, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
    ids = ids[ids >= 0]
    return ids[np.argsort(-(base[ids] @ query))][:K]


def build(name: str, base: np.ndarray):
    dim = base.shape[1]
    if name.startswith("usearch"):
        from usearch.index import Index

        if name == "usearch-b1":
            index = Index(ndim=dim, metric="hamming", dtype="b1", connectivity=16, expansion_add=128,
                          expansion_search=256)
            index.add(np.arange(len(base)), np.packbits((base > 0).astype(np.uint8), axis=1), threads=1)
        else:
            index = Index(ndim=dim, metric="cos", dtype="i8", connectivity=16, expansion_add=128,
                          expansion_search=128)
            index.add(np.arange(len(base)), base, threads=1)
        return index
    import faiss

    faiss.omp_set_num_threads(1)
    index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, 16, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = 128
    index.train(base)
    index.add(base)
    index.hnsw.efSearch = 128
    return index


def search(name: str, index, base: np.ndarray, query: np.ndarray) -> np.ndarray:
    if name == "usearch-b1":
        found = index.search(np.packbits((query > 0).astype(np.uint8)), RESCORE).keys
    elif name.startswith("usearch"):
        found = index.search(query, RESCORE).keys
    else:
        found = index.search(query[None, :], RESCORE)[1][0]
    return rescored(base, query, np.asarray(found, dtype=np.int64))


def disk_bytes(name: str, index, folder: Path) -> int:
    path = folder / f"{name}.index"
    if name.startswith("usearch"):
        index.save(str(path))
    else:
        import faiss

        faiss.write_index(index, str(path))
    size = path.stat().st_size
    path.unlink()
    return size


def measure(name: str, db_path: Path, size: int) -> dict[str, float]:
    vectors = load(db_path, size + QUERIES)
    base, queries = np.ascontiguousarray(vectors[:size]), vectors[size:]
    truth = exact(base, queries)
    before = rss_mib()
    started = time.perf_counter()
    index = build(name, base)
    built = time.perf_counter() - started
    after_build = rss_mib()
    times, hits = [], 0
    for query, expected in zip(queries, truth):
        started = time.perf_counter()
        found = search(name, index, base, query)
        times.append(time.perf_counter() - started)
        hits += len(set(found.tolist()) & set(expected.tolist()))
    times.sort()
    return {"library": name, "vectors": size, "build_s": round(built, 1),
            "recall_at_10": round(hits / (K * len(queries)), 4),
            "p50_ms": round(statistics.median(times) * 1000, 2), "p95_ms": round(times[int(0.95 * len(times))] * 1000, 2),
            "index_rss_mib": round(after_build - before), "peak_rss_mib": round(resource.getrusage(
                resource.RUSAGE_SELF).ru_maxrss / 1024), "disk_mib": round(disk_bytes(name, index, Path("/tmp")) / 2**20)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--only", choices=CANDIDATES)
    args = parser.parse_args()
    if args.only:
        print(json.dumps(measure(args.only, args.db, args.size)))
        return
    for name in CANDIDATES:
        result = subprocess.run([sys.executable, __file__, "--db", str(args.db), "--size", str(args.size),
                                 "--only", name], capture_output=True, text=True)
        print(result.stdout.strip() or f"{name}: failed\n{result.stderr[-2000:]}", flush=True)


if __name__ == "__main__":
    main()
