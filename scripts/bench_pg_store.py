"""The store on claims.db beside the same store on PostgreSQL, on real Arabic news (ANT v1.1, read in place).

    .venv/bin/python scripts/bench_pg_store.py                   # a throwaway local server (tests/pg_server.py)
    .venv/bin/python scripts/bench_pg_store.py --url postgresql://user@host/db   # an empty database of yours

Prints, for each engine: import throughput (documents/s), the lexical side of retrieval (BM25 query p50/p95 and
recall@10 of an article's own passages for its headline), two reviewers writing decisions at once (decisions/s,
all kept?), and `db copy` from SQLite into PostgreSQL (rows/s); then the overlap of both engines' top 10. Wall
time is beside this process's CPU time, and the load average is printed: the machine is shared. Embeddings are
skipped (they cost the same on both engines).
"""
from __future__ import annotations

import argparse
import math
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ["CHECKER_SKIP_EMBEDDINGS"] = "1"

from checker import retrieval  # noqa: E402
from checker.models import Report  # noqa: E402
from checker.pipeline import analyze  # noqa: E402
from checker.review import decision_history, record_decision, save_report  # noqa: E402
from checker.store.copy import copy_store  # noqa: E402
from checker.store.db import open_db  # noqa: E402
from checker.store.ingest import NewDocument, import_documents  # noqa: E402

ANT = ROOT.parent / "shared" / "eval" / "data" / "ant_v11"
_FIELD = re.compile(r"<(TITLE|TEXT|SRC|URL)>(.*?)</\1>", re.DOTALL)


def articles(limit: int) -> list[tuple[str, NewDocument]]:
    """(headline, document) for ANT articles with a headline and a body, in file order."""
    found = []
    for path in sorted(ANT.rglob("*.txt"))[:limit]:
        fields = dict(_FIELD.findall(path.read_text(encoding="utf-8", errors="replace")))
        title, text = fields.get("TITLE", "").strip(), fields.get("TEXT", "").strip()
        if title and len(text) > 200:
            found.append((title, NewDocument(text=text, title=title, outlet=fields.get("SRC", "").strip() or None)))
    return found


def timed(action):
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def bench(name: str, location: str, docs: list[tuple[str, NewDocument]], queries: int) -> dict:
    db = open_db(location)
    items = [(n, doc) for n, (_, doc) in enumerate(docs, start=1)]
    result, wall, cpu = timed(lambda: [import_documents(db, "ant", items[i:i + 500]) for i in range(0, len(items), 500)])
    added = sum(r.added for r in result)
    print(f"{name:10s} import: {added} documents in {wall:.1f} s wall / {cpu:.1f} s CPU = {added / wall:.0f} docs/s")

    titles = {row[0]: row[1] for row in db.execute("SELECT title, id FROM documents")}
    times, hits, tops = [], 0, {}
    for title, _ in docs[:queries]:
        start = time.perf_counter()
        terms = retrieval.query_terms(title)
        weights, passages = retrieval._idf(db, terms)  # the words retrieval searches: as in retrieval._candidates
        common = math.log((passages + 1) / (max(retrieval.COMMON_SHARE * passages, retrieval.COMMON_MIN_DOCS) + 0.5))
        searched = ([t for t in terms if weights[t] > common]
                    or sorted(terms, key=weights.get)[-retrieval.KEEP_RAREST:])
        found = retrieval._bm25(db, retrieval._match(searched), retrieval.Filters(), 50)
        times.append(time.perf_counter() - start)
        top = [pid for pid, _, _ in found[:10]]
        tops[title] = top
        own = {row[0] for row in db.execute("SELECT id FROM passages WHERE document_id = ?", [titles.get(title)])}
        hits += bool(own & set(top))
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"{name:10s} lexical: {len(times)} headline queries, p50 {1000 * statistics.median(times):.1f} ms, "
          f"p95 {1000 * p95:.1f} ms, recall@10 of the article's own passages {hits / len(times):.3f}")

    report = Report(analyze(docs[0][1].text[:3000]))
    analysis_id = save_report(db, report, source="bench")
    keys = [claim.id for claim in report.analysis.claims] or []
    if keys:
        other = open_db(location)

        def review(handle, who: str) -> None:
            for n in range(100):
                record_decision(handle, analysis_id, keys[n % len(keys)], "note", f"{who} {n}", who)

        threads = [threading.Thread(target=review, args=pair) for pair in ((db, "Sara"), (other, "Omar"))]
        _, wall, cpu = timed(lambda: ([t.start() for t in threads], [t.join() for t in threads]))
        kept = len(decision_history(db, analysis_id))
        print(f"{name:10s} decisions: 2 reviewers x 100 at once in {wall:.2f} s wall / {cpu:.2f} s CPU "
              f"= {200 / wall:.0f}/s, {kept} of 200 kept")
    return tops


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway local server)")
    parser.add_argument("--articles", type=int, default=3003)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    if not ANT.is_dir():
        print(f"ANT v1.1 not found at {ANT}", file=sys.stderr)
        return 1
    print("load average before:", os.getloadavg())
    docs = articles(args.articles)
    print(f"ANT v1.1: {len(docs)} articles with a headline")
    cluster = None
    if args.url is None:
        from pg_server import Cluster

        cluster = Cluster()
    try:
        with tempfile.TemporaryDirectory() as folder:
            sqlite_path = str(Path(folder) / "bench.db")
            pg = args.url or cluster.new_database()
            tops_sqlite = bench("sqlite", sqlite_path, docs, args.queries)
            tops_pg = bench("postgresql", pg, docs, args.queries)
            overlap = [len(set(tops_sqlite[t]) & set(tops_pg[t])) / max(len(tops_sqlite[t]), 1) for t in tops_sqlite]
            same_first = sum(bool(tops_sqlite[t]) and tops_sqlite[t][:1] == tops_pg[t][:1] for t in tops_sqlite)
            print(f"engines agree: top-10 overlap {statistics.mean(overlap):.3f}, same first passage "
                  f"{same_first}/{len(tops_sqlite)}")
            target = cluster.empty_database() if cluster else None
            if target:
                result, wall, cpu = timed(lambda: copy_store(sqlite_path, target))
                rows = sum(result.rows.values())
                print(f"db copy sqlite -> postgresql: {rows:,} rows in {wall:.1f} s wall / {cpu:.1f} s CPU "
                      f"= {rows / wall:,.0f} rows/s (verified)")
    finally:
        if cluster:
            cluster.stop()
    print("load average after:", os.getloadavg())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
