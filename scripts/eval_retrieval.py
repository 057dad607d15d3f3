"""Claim retrieval on CheckThat! 2021 task 2A dev (tweet -> verified claims), MAP@5 beside plain BM25.

Each language's verified claims (English: the 13,825 Snopes claims; Arabic: the 805 claims in the dev top-10
candidate lists, the only Arabic claims in the snapshot) are stored in a scratch claims.db as one passage each
("claim" + newline + fact-check title), embedded with the configured model. Every dev tweet is a query.

Printed in the same run, per language:
  - plain SQLite FTS5 BM25 (same folded text, every query word OR-ed, nothing else): the baseline;
  - checker's search with the shipped weights (checker/data/retrieval.toml);
  - 5-fold cross-validation (folds of queries, both languages pooled): the fusion weights are chosen by grid
    search on four folds and scored on the fifth, so the CV figure is never fitted on the queries it reports.
`--fit` then chooses the weights on all dev queries and rewrites retrieval.toml (what ships). The test
queries are the owner's: `--queries PATH --qrels PATH` (English) or `--top10 PATH` (Arabic) point elsewhere.

    .venv/bin/python scripts/eval_retrieval.py [--fit] [--lang en ar] [--store-dir /tmp]
"""
from __future__ import annotations

import argparse
import csv
import itertools
import random
import re
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.normalize import search_form  # noqa: E402
from checker.retrieval import FEATURES, FUSION_FILE, candidates_many, fuse, fusion_weights, query_terms  # noqa: E402
from checker.store.db import open_db  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "data"
EN = DATA / "checkthat2021_en"
AR = DATA / "checkthat2021_ar"
K = 5
FOLDS = 5
GRID = (0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5)
DENSE_GRID = (0.25, 0.5, 1.0)
csv.field_size_limit(1 << 30)

Query = tuple[str, str]  # (id, text)


def read_en(queries: Path, qrels: Path, claims: Path) -> tuple[list[Query], dict[str, set[str]], dict[str, str]]:
    with queries.open(encoding="utf-8", newline="") as handle:
        tweets = [(row["tweet_id"], row["tweet_text"]) for row in csv.DictReader(handle, delimiter="\t")]
    gold: dict[str, set[str]] = defaultdict(set)
    for line in qrels.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] != "0":
            gold[parts[0]].add(parts[2])
    with claims.open(encoding="utf-8", newline="") as handle:
        texts = {row["vclaim_id"]: f"{row['vclaim']}\n{row['title']}" for row in csv.DictReader(handle, delimiter="\t")}
    return tweets, gold, texts


def read_ar(queries: Path, top10: Path) -> tuple[list[Query], dict[str, set[str]], dict[str, str]]:
    with queries.open(encoding="utf-8", newline="") as handle:
        tweets = [(row["tweet_id"], row["tweet_text"]) for row in csv.DictReader(handle, delimiter="\t")]
    gold: dict[str, set[str]] = defaultdict(set)
    texts: dict[str, str] = {}
    with top10.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            texts[row["vclaim_id"]] = f"{row['vclaim']}\n{row['title']}"
            if row["label"] == "1":
                gold[row["tweet_id"]].add(row["vclaim_id"])
    return tweets, gold, texts


def build_store(path: Path, texts: dict[str, str], language: str):
    """A claims.db holding one document and one passage per verified claim (title = claim id), embedded."""
    from checker.embeddings import embed_missing

    if path.exists():
        db = open_db(path)
        if db.execute("SELECT count(*) FROM passages").fetchone()[0] == len(texts):
            embed_missing(db)
            return db
        db.conn.close()
        path.unlink()
    db = open_db(path)
    with db.conn:
        for claim_id, text in texts.items():
            document = db["documents"].insert({"text": text, "language": language, "content_hash": claim_id,
                                               "url": f"https://checkthat.example/{claim_id}", "title": claim_id}).last_pk
            db["passages"].insert({"document_id": document, "idx": 0, "text": text, "search_text": search_form(text),
                                   "start": 0, "end": len(text)})
    embed_missing(db)
    return db


def bm25_baseline(texts: dict[str, str], queries: list[Query]) -> dict[str, list[str]]:
    """Plain FTS5 BM25 over the same folded text: the query's words OR-ed, best K."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE claims USING fts5(claim_id UNINDEXED, body)")
    conn.executemany("INSERT INTO claims VALUES (?, ?)", [(cid, search_form(text)) for cid, text in texts.items()])
    ranked = {}
    for qid, text in queries:
        terms = query_terms(text)
        match = " OR ".join(f'"{term}"' for term in terms)
        rows = conn.execute("SELECT claim_id FROM claims WHERE claims MATCH ? ORDER BY rank LIMIT ?",
                            [match, K]).fetchall() if terms else []
        ranked[qid] = [row[0] for row in rows]
    return ranked


def average_precision(ranked: list[str], relevant: set[str], k: int = K) -> float:
    """CheckThat! 2021 AP@k: precision at each relevant hit in the top k, over the number of relevant claims."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for rank, claim_id in enumerate(ranked[:k], 1):
        if claim_id in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def mean_ap(rankings: dict[str, list[str]], gold: dict[str, set[str]], ids: list[str]) -> float:
    return sum(average_precision(rankings.get(q, []), gold.get(q, set())) for q in ids) / max(len(ids), 1)


def ranking(candidates, weights: dict[str, float], claim_of: dict[int, str]) -> list[str]:
    return [claim_of[c.passage_id] for c, _ in fuse(candidates, weights)[:K]]


def grid_search(rows: list[tuple[str, list, set[str]]], claim_of: dict[str, dict[int, str]]) -> tuple[dict[str, float], float]:
    """The weights with the best MAP@5 on `rows` (the first that reaches it, in grid order)."""
    best, best_score = None, -1.0
    for combo in itertools.product(DENSE_GRID, *[GRID] * (len(FEATURES) - 1)):
        weights = dict(zip(FEATURES, combo))
        score = sum(average_precision(ranking(cands, weights, claim_of[lang]), gold)
                    for lang, cands, gold in rows) / len(rows)
        if score > best_score + 1e-12:
            best, best_score = weights, score
    assert best is not None
    return best, best_score


def bootstrap(values: list[float], rounds: int = 2000, seed: int = 7) -> tuple[float, float]:
    rng = random.Random(seed)
    means = sorted(sum(rng.choice(values) for _ in values) / len(values) for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds)]


def write_weights(weights: dict[str, float]) -> None:
    text = FUSION_FILE.read_text(encoding="utf-8")
    for name, value in weights.items():
        text = re.sub(rf"(?m)^{name} = .*$", f"{name} = {value}", text)
    FUSION_FILE.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", nargs="+", default=["en", "ar"], choices=["en", "ar"])
    parser.add_argument("--fit", action="store_true", help="choose weights on all dev queries, rewrite retrieval.toml")
    parser.add_argument("--store-dir", type=Path, default=Path("/tmp"))
    parser.add_argument("--queries", type=Path, default=EN / "EN_dev_queries.tsv")
    parser.add_argument("--qrels", type=Path, default=EN / "EN_dev_qrels.txt")
    parser.add_argument("--ar-queries", type=Path, default=AR / "CT2021-Task2A-AR-Dev_Queries.txt")
    parser.add_argument("--top10", type=Path, default=AR / "ar-clef2021-mono_bert_dev_set_top_10.tsv")
    args = parser.parse_args()

    rows: list[tuple[str, list, set[str]]] = []
    claim_of: dict[str, dict[int, str]] = {}
    for lang in args.lang:
        started = time.perf_counter()
        if lang == "en":
            queries, gold, texts = read_en(args.queries, args.qrels, EN / "CT2021-Task2A-EN-Verified_Claims.txt")
        else:
            queries, gold, texts = read_ar(args.ar_queries, args.top10)
        db = build_store(args.store_dir / f"checker_ct21_{lang}_{len(texts)}.db", texts, lang)
        claim_of[lang] = {pid: title for pid, title in db.execute(
            "SELECT p.id, d.title FROM passages p JOIN documents d ON d.id = p.document_id")}
        baseline = bm25_baseline(texts, queries)
        found = candidates_many(db, [text for _, text in queries])
        ids = [qid for qid, _ in queries]
        ours = {qid: ranking(cands, fusion_weights(), claim_of[lang]) for qid, cands in zip(ids, found)}
        base_ap = [average_precision(baseline[q], gold.get(q, set())) for q in ids]
        our_ap = [average_precision(ours[q], gold.get(q, set())) for q in ids]
        low, high = bootstrap([a - b for a, b in zip(our_ap, base_ap)])
        print(f"{lang}: {len(ids)} queries, {len(texts)} verified claims, "
              f"{sum(1 for q in ids if gold.get(q))} with gold ({time.perf_counter() - started:.0f} s)")
        print(f"  plain FTS5 BM25             MAP@5 {sum(base_ap) / len(ids):.3f}")
        print(f"  checker, shipped weights    MAP@5 {sum(our_ap) / len(ids):.3f}  "
              f"(minus BM25: 95% bootstrap {low:+.3f} .. {high:+.3f})")
        rows += [(lang, cands, gold.get(q, set())) for q, cands in zip(ids, found)]

    order = list(range(len(rows)))
    random.Random(13).shuffle(order)
    fold_of = {i: n % FOLDS for n, i in enumerate(order)}
    held_out: dict[int, float] = {}
    for fold in range(FOLDS):
        train = [rows[i] for i in range(len(rows)) if fold_of[i] != fold]
        weights, _ = grid_search(train, claim_of)
        for i in (i for i in range(len(rows)) if fold_of[i] == fold):
            lang, cands, gold = rows[i]
            held_out[i] = average_precision(ranking(cands, weights, claim_of[lang]), gold)
        print(f"  fold {fold + 1}: weights {weights}")
    for lang in args.lang:
        scores = [held_out[i] for i in range(len(rows)) if rows[i][0] == lang]
        print(f"{lang}: checker, weights by 5-fold CV   MAP@5 {sum(scores) / len(scores):.3f} (n={len(scores)})")
    if args.fit:
        weights, score = grid_search(rows, claim_of)
        write_weights(weights)
        print(f"fitted on all dev queries: {weights} (dev MAP@5 {score:.3f}, optimistic) -> {FUSION_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
